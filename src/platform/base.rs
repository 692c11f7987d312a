//! Where the app is served: at a site's root, or under a sub-path such as
//! `https://host/youxin/`, as `<base href>` in index.html says (the host sets
//! it; see docs/deploy.md). The app writes its paths from its own root
//! (`/services`); links and address-bar reads go through here.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    domain::url::{app_path, base_path_of, under_base},
    platform::js,
};

/// `""` at a site's root, `"/youxin"` under a sub-path; read once.
pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let uri = js::get(&js::get(&js::global(), "document"), "baseURI");
        base_path_of(&uri.as_string().unwrap_or_default())
    })
}

/// An app path as a link: `href("/vouchers")` is `/youxin/vouchers` under a sub-path.
pub fn href(path: &str) -> String {
    under_base(base_path(), path)
}

/// The app path of the page shown (`/services/svc-01`), whatever base it is served under.
pub fn use_app_path() -> Memo<String> {
    let pathname = use_location().pathname;
    Memo::new(move |_| pathname.with(|path| app_path(base_path(), path).to_owned()))
}
