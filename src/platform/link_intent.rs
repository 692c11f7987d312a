//! Notices a link that is about to be followed: a pointer over it, a finger
//! on it or keyboard focus on it. Lets the app fetch the page's code early.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::{ev, prelude::window_event_listener, wasm_bindgen::JsCast};

/// Calls `handler` with the `href` of each link the worker is about to follow,
/// once per link in a row, for as long as the page is open.
pub fn on_link_intent(handler: impl Fn(&str) + 'static) {
    let last = Rc::new(RefCell::new(String::new()));
    let notice = Rc::new(move |target: Option<web_sys::EventTarget>| {
        let href = target
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.get_attribute("href"));
        if let Some(href) = href {
            if *last.borrow() != href {
                handler(&href);
                *last.borrow_mut() = href;
            }
        }
    });
    // Listeners live as long as the page; their handles are never removed.
    let on_mouse = notice.clone();
    let _ = window_event_listener(ev::mouseover, move |event| on_mouse(event.target()));
    let on_touch = notice.clone();
    let _ = window_event_listener(ev::touchstart, move |event| on_touch(event.target()));
    let _ = window_event_listener(ev::focusin, move |event| notice(event.target()));
}
