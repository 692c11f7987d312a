//! The kiosk's browser edges every page needs: whether this tab is a kiosk,
//! and which visitor a history entry belongs to. The idle reset itself is a
//! chunk of its own (`crate::kiosk`), fetched only on a kiosk.
//!
//! Reached by name through [`js`]: typed `web-sys` calls would weigh on every
//! phone's first visit.

use std::cell::Cell;

use wasm_bindgen::{closure::Closure, JsValue};

use crate::{
    domain::kiosk::{kiosk_in_query, without_kiosk_param},
    platform::{base, js},
};

/// Session storage: whether this tab is a kiosk (`?kiosk=1` lasts the browser session).
pub const MODE_KEY: &str = "youxin.kiosk";
/// Session storage: the number of the current visit, one more after each reset.
pub const VISIT_KEY: &str = "youxin.kiosk-visit";
/// Session storage, set by a reset until the next visitor's first touch: the
/// idle clock waits for someone to arrive.
pub const FRESH_KEY: &str = "youxin.kiosk-fresh";
/// The field of `history.state` that names the visit an entry belongs to.
pub const VISIT_FIELD: &str = "youxinVisit";

fn session() -> JsValue {
    js::get(&js::global(), "sessionStorage")
}

pub fn session_get(key: &str) -> Option<String> {
    js::call(&session(), "getItem", &[key.into()]).ok()?.as_string()
}

pub fn session_set(key: &str, value: &str) {
    let _ = js::call(&session(), "setItem", &[key.into(), value.into()]);
}

pub fn session_remove(key: &str) {
    let _ = js::call(&session(), "removeItem", &[key.into()]);
}

thread_local! {
    /// Decided once at start, for the life of the page.
    static KIOSK: Cell<bool> = const { Cell::new(false) };
}

/// Decides whether this tab is a kiosk: the address's `?kiosk=1` or
/// `?kiosk=0`, kept for the browser session, else what config.json says.
pub fn kiosk_mode(configured: bool) -> bool {
    let search = location_part("search");
    let kiosk = match kiosk_in_query(&search) {
        Some(on) => {
            session_set(MODE_KEY, if on { "1" } else { "0" });
            on
        }
        None => session_get(MODE_KEY).map_or(configured, |stored| stored == "1"),
    };
    KIOSK.set(kiosk);
    forget_restored_page(kiosk);
    kiosk
}

/// A page the browser kept whole (its back-forward cache) and shows again
/// holds whoever used it in memory. If the tab has become a kiosk, or the
/// kiosk has moved on to another visit, since the page was made, it loads
/// home afresh instead.
fn forget_restored_page(kiosk_at_start: bool) {
    let visit_at_start = visit();
    let on_show = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let restored = js::get(&event, "persisted").as_bool() == Some(true);
        let kiosk_now = session_get(MODE_KEY).as_deref() == Some("1");
        if restored && kiosk_now && (!kiosk_at_start || visit() != visit_at_start) {
            load_home();
        }
    })
    .into_js_value();
    let _ = js::call(&js::global(), "addEventListener", &["pageshow".into(), on_show]);
}

/// Whether this tab is a kiosk, as [`kiosk_mode`] decided.
pub fn is_kiosk() -> bool {
    KIOSK.get()
}

/// The current visit's number.
pub fn visit() -> String {
    session_get(VISIT_KEY).unwrap_or_else(|| "0".into())
}

/// Loads home as a new page, in place of the entry shown: nothing in memory survives.
pub fn load_home() {
    let _ = js::call(&js::get(&js::global(), "location"), "replace", &[base::href("/").into()]);
}

/// A `history.state` naming the current visit.
pub fn visit_tag() -> JsValue {
    js::object(&[(VISIT_FIELD, visit().into())])
}

/// Whether a `history.state` belongs to the current visit.
pub fn is_this_visit(state: &JsValue) -> bool {
    state.is_object() && js::get(state, VISIT_FIELD).as_string() == Some(visit())
}

/// Opened on a page of an earlier visit, or of the time before the kiosk (the
/// back button loaded it again): shows home instead, before the router reads
/// the address. Until the first reset, an address opened afresh
/// (`/stations?kiosk=1`) stays; after it, every page starts at home.
pub fn leave_earlier_visit() {
    let global = js::global();
    let history = js::get(&global, "history");
    let state = js::get(&history, "state");
    let tagged = state.is_object() && !js::get(&state, VISIT_FIELD).is_undefined();
    let entries = js::call(&js::get(&global, "performance"), "getEntriesByType", &["navigation".into()]);
    let by_history = entries.is_ok_and(|entries| {
        js::get(&js::get(&entries, "0"), "type").as_string().as_deref() == Some("back_forward")
    });
    let after_a_reset = visit() != "0";
    if (tagged || by_history || after_a_reset) && !is_this_visit(&state) {
        let _ = js::call(&history, "replaceState", &[visit_tag(), "".into(), base::href("/").into()]);
    }
}

/// Marks the history entry shown as the current visit's, so that after a
/// reset the back button can tell it from the previous visitor's.
pub fn mark_entry() {
    let history = js::get(&js::global(), "history");
    if is_this_visit(&js::get(&history, "state")) {
        return;
    }
    let _ = js::call(&history, "replaceState", &[visit_tag(), "".into()]);
}

fn location_part(name: &str) -> String {
    js::get(&js::get(&js::global(), "location"), name).as_string().unwrap_or_default()
}

/// `href` as a phone can open it: a path of this site gets the site's origin.
pub fn phone_url(href: &str) -> String {
    if href.starts_with('/') {
        format!("{}{href}", location_part("origin"))
    } else {
        href.to_owned()
    }
}

/// The page shown, as an address for a phone (which is no kiosk).
pub fn here_for_phone() -> String {
    let search = without_kiosk_param(&location_part("search"));
    format!("{}{}{search}", location_part("origin"), location_part("pathname"))
}
