//! The address bar.

use crate::domain::auth::token_from_fragment;

/// Takes a sign-in token out of the URL fragment, removing the fragment from
/// the address (and history) so the token is not shared with a copied link.
pub fn take_fragment_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let token = token_from_fragment(&location.hash().ok()?)?;
    let clean = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    let _ = window.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    Some(token)
}

/// The path, query and fragment of `path` resolved against this page's address
/// by the browser's own URL parser, if it stays on this origin. The last check
/// before navigating anywhere a link asked for: the parser is what the browser
/// will follow, whatever a string test thinks the text means.
pub fn same_origin_path(path: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let here = location.href().ok()?;
    let resolved = web_sys::Url::new_with_base(path, &here).ok()?;
    (resolved.origin() == location.origin().ok()?)
        .then(|| format!("{}{}{}", resolved.pathname(), resolved.search(), resolved.hash()))
}
