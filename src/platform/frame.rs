//! Work timed to the browser's frames.
//!
//! Leptos's `request_animation_frame` and `set_timeout` leave their callbacks
//! for JavaScript's garbage collector to free; a list that draws a few cards a
//! frame would pile them up in wasm memory until the next collection. The
//! callbacks here free themselves as soon as they have run.

use wasm_bindgen::{closure::Closure, JsCast};

/// Runs `work` just before the browser draws its next frame.
pub fn before_next_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(work);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Runs `work` as a task of its own once the next frame has been drawn, so
/// that the frame shows what is there now and `work` does not delay it.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    before_next_paint(|| {
        let Some(window) = web_sys::window() else { return };
        let callback = Closure::once_into_js(work);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    });
}
