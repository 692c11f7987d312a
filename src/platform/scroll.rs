//! The page's scroll position, to bring a worker back where they were.

use std::time::Duration;

/// How often, and how many times, to look whether the page has grown tall
/// enough to scroll back: a page's content can arrive a little after the page.
const TRY_EVERY: Duration = Duration::from_millis(50);
const TRIES: u32 = 40;

/// How far down the page is scrolled, in CSS pixels.
pub fn current() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Scrolls to `y` once the page has been laid out tall enough to get there
/// (after the router's own scroll to the top of a newly shown page).
pub fn restore(y: f64) {
    if y > 0.0 {
        restore_after(y, TRIES);
    }
}

fn restore_after(y: f64, tries_left: u32) {
    leptos::prelude::set_timeout(
        move || {
            let Some(window) = web_sys::window() else { return };
            if furthest_scroll(&window) >= y || tries_left == 0 {
                window.scroll_to_with_x_and_y(0.0, y);
            } else {
                restore_after(y, tries_left - 1);
            }
        },
        TRY_EVERY,
    );
}

/// How far the page can be scrolled down as it is laid out now.
fn furthest_scroll(window: &web_sys::Window) -> f64 {
    let height = window.document().and_then(|d| d.document_element()).map_or(0, |e| e.scroll_height());
    let viewport = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    f64::from(height) - viewport
}

/// Calls `record` with the scroll position each time the page scrolls, while
/// the calling component is shown; the listener goes with the component.
pub fn use_scroll_position(record: impl Fn(f64) + 'static) {
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;
    use wasm_bindgen::{closure::Closure, JsCast};

    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn FnMut()>::new(move || record(current()));
    if window.add_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref()).is_err() {
        return;
    }
    let listener = SendWrapper::new(listener);
    on_cleanup(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref());
        }
        drop(listener);
    });
}
