//! The page's scroll position, to bring a worker back where they were.

use std::time::Duration;

/// How far down the page is scrolled, in CSS pixels.
pub fn current() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Scrolls to `y` once the page has been laid out (after the router's own
/// scroll to the top of a newly shown page).
pub fn restore(y: f64) {
    if y <= 0.0 {
        return;
    }
    leptos::prelude::set_timeout(
        move || {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
        },
        Duration::from_millis(50),
    );
}
