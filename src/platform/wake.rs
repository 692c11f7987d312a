//! When to try the outbox again: the connection is back, or the app is in front again.

use wasm_bindgen::{closure::Closure, JsCast};

/// What woke the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// The app has just started.
    Start,
    /// The browser reports the connection is back (`online`).
    Online,
    /// The worker came back to the app (focus, or the tab shown again).
    Focus,
    /// The worker signed in.
    SignedIn,
    /// A report was just submitted, or a waiting retry fell due.
    Now,
}

/// Whether the browser believes it is online (a wrong "yes" only costs a try).
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `wake` on `online`, on focus and when the tab is shown again, until
/// the calling owner is cleaned up; the listeners go with it.
pub fn on_wake(wake: impl Fn(Wake) + 'static) {
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;

    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let wake = std::rc::Rc::new(wake);
    let online = Closure::<dyn Fn()>::new({
        let wake = wake.clone();
        move || wake(Wake::Online)
    });
    let focus = Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
        if !hidden {
            wake(Wake::Focus);
        }
    });
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("focus", focus.as_ref().unchecked_ref());
    let _ = document.add_event_listener_with_callback("visibilitychange", focus.as_ref().unchecked_ref());
    let kept = SendWrapper::new((online, focus));
    on_cleanup(move || {
        let (online, focus) = kept.take();
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("online", online.as_ref().unchecked_ref());
            let _ = window.remove_event_listener_with_callback("focus", focus.as_ref().unchecked_ref());
            if let Some(document) = window.document() {
                let _ = document
                    .remove_event_listener_with_callback("visibilitychange", focus.as_ref().unchecked_ref());
            }
        }
    });
}
