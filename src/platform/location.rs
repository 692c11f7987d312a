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
