//! The document's title and description, per page. Not leptos_meta: for these
//! two tags it adds about 4 KB brotli to the wasm (measured on a release build).

use leptos::prelude::*;

/// The programme's name, appended to every page title.
const SITE_NAME: &str = "酉新送暖";

/// Sets the tab title and meta description (and their share-card copies,
/// `og:title` and `og:description`, which WeChat and other apps show when a
/// page is shared) while the calling page is shown. The title reacts to
/// `title` (e.g. once a service has loaded).
pub fn use_page_meta(title: impl Fn() -> String + 'static, description: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let title = title();
        let title = if title.is_empty() { SITE_NAME.to_owned() } else { format!("{title} · {SITE_NAME}") };
        document.set_title(&title);
        let description = description();
        for (selector, content) in [
            ("meta[name=description]", &description),
            ("meta[property='og:title']", &title),
            ("meta[property='og:description']", &description),
        ] {
            if let Ok(Some(meta)) = document.query_selector(selector) {
                let _ = meta.set_attribute("content", content);
            }
        }
    });
}
