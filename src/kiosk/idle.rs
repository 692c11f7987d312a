//! The idle reset: a visit begins at a touch (or a page load); after the
//! configured time without one the countdown shows, then everything the
//! visitor left is forgotten and the kiosk loads home afresh, the back button
//! unable to show their pages.

use std::cell::Cell;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsValue};

use crate::{
    domain::kiosk::{idle_phase, IdlePhase},
    platform::{
        base, js,
        kiosk::{
            is_this_visit, load_home, session_get, session_remove, session_set, visit, visit_tag, FRESH_KEY,
            MODE_KEY, VISIT_KEY,
        },
        offline, photo_store, storage,
    },
};

/// What a touch, a key or a scroll wheel looks like to the kiosk.
const ACTIVITY: [&str; 4] = ["pointerdown", "touchstart", "keydown", "wheel"];
/// What the session keeps across a reset: that the tab is a kiosk, and which visit it is.
const KEPT_IN_SESSION: [&str; 2] = [MODE_KEY, VISIT_KEY];

thread_local! {
    /// When the screen was last touched; none while the kiosk waits for a visitor.
    static LAST_TOUCH: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Starts watching for the life of the tab; `countdown` holds the seconds left while the countdown shows.
pub fn start(idle_after_seconds: u32, countdown: RwSignal<Option<u32>>) {
    guard_history();
    let window = js::global();
    let options = js::object(&[("capture", true.into()), ("passive", true.into())]);
    // A reload or a first start is someone's visit; a reset's fresh home page is no one's.
    if session_get(FRESH_KEY).is_none() {
        LAST_TOUCH.set(Some(js_sys::Date::now()));
    }
    let touched = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if LAST_TOUCH.get().is_none() {
            session_remove(FRESH_KEY);
        }
        // The countdown goes at the next tick, not under the finger: a tap on 继续使用 lands.
        LAST_TOUCH.set(Some(js_sys::Date::now()));
    })
    .into_js_value();
    for event in ACTIVITY {
        let _ = js::call(&window, "addEventListener", &[event.into(), touched.clone(), options.clone()]);
    }
    // Once a second, for the life of the tab.
    Interval::new(1_000, move || {
        let Some(last) = LAST_TOUCH.get() else { return };
        match idle_phase((js_sys::Date::now() - last) as i64, idle_after_seconds) {
            IdlePhase::InUse => {
                if countdown.get_untracked().is_some() {
                    countdown.set(None);
                }
            }
            IdlePhase::Countdown { seconds_left } => countdown.set(Some(seconds_left)),
            IdlePhase::Over => {
                LAST_TOUCH.set(None);
                forget_visitor();
            }
        }
    })
    .forget();
}

/// Forgets everything this visitor left on the kiosk — sign-in, drafts and
/// their photos, searches, text size, stored lists, demo writes — and starts
/// the next visit on a freshly loaded home page.
fn forget_visitor() {
    let window = js::global();
    clear_storage(&js::get(&window, "localStorage"), &[]);
    clear_storage(&js::get(&window, "sessionStorage"), &KEPT_IN_SESSION);
    let next = visit().parse::<u64>().unwrap_or(0) + 1;
    session_set(VISIT_KEY, &next.to_string());
    session_set(FRESH_KEY, "1");
    // Deleted once the page that holds it open is gone.
    let _ = js::call(&js::get(&window, "indexedDB"), "deleteDatabase", &[photo_store::DATABASE.into()]);
    wasm_bindgen_futures::spawn_local(async {
        offline::forget_saved_answers().await;
        load_home();
    });
}

/// Removes this app's keys from a storage area, but `kept`.
fn clear_storage(storage: &JsValue, kept: &[&str]) {
    let count = js::get(storage, "length").as_f64().unwrap_or(0.0) as u32;
    let keys: Vec<String> = (0..count)
        .filter_map(|at| js::call(storage, "key", &[at.into()]).ok()?.as_string())
        .filter(|key| key.starts_with(storage::PREFIX) && !kept.contains(&key.as_str()))
        .collect();
    for key in keys {
        let _ = js::call(storage, "removeItem", &[key.into()]);
    }
}

/// Going back (or forward) to a page of an earlier visit shows home instead.
/// Runs before the router's own listener (capture, at the window), which
/// then hears a new `popstate` for home.
fn guard_history() {
    let window = js::global();
    // `Fn`: the `popstate` it sends for home comes back through it at once.
    let guard = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        if is_this_visit(&js::get(&event, "state")) {
            return;
        }
        let _ = js::call(&event, "stopImmediatePropagation", &[]);
        let window = js::global();
        let state = visit_tag();
        let history = js::get(&window, "history");
        let _ = js::call(&history, "replaceState", &[state.clone(), "".into(), base::href("/").into()]);
        let init = js::object(&[("state", state)]);
        if let Ok(home) = js::construct("PopStateEvent", &["popstate".into(), init]) {
            let _ = js::call(&window, "dispatchEvent", &[home]);
        }
    })
    .into_js_value();
    let _ = js::call(&window, "addEventListener", &["popstate".into(), guard, true.into()]);
}
