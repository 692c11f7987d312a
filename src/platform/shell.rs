//! The static shell that index.html paints before the WebAssembly runs (with
//! the page's heading, on a section's own index.html): the app removes it when
//! its first page is drawn, or shows in it why it could not start.

use wasm_bindgen::{closure::Closure, JsCast};

use super::dom::{append, button, element, focus};

/// The shell's root element in index.html.
pub const SHELL_ID: &str = "static-shell";

fn shell_main() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("#{SHELL_ID} .site-main")).ok()?
}

/// How many frames the shell waits at most for the browser to say it has been shown.
pub const FRAMES_TO_WAIT: u8 = 10;

/// Removes the shell, once the app's first page is there to replace it: the
/// app, mounted beside it, is hidden until then (main.css).
///
/// Not before the shell has been shown and one more frame painted: the app's
/// page starts with the same words, and a browser that had not yet counted
/// the shell's would time the page's largest text by the app's, not by when
/// the worker saw it. At most a frame or two when the app is that quick.
pub fn remove() {
    remove_once_shown(FRAMES_TO_WAIT);
}

fn remove_once_shown(frames: u8) {
    let Some(window) = web_sys::window() else { return };
    let Some(shell) = window.document().and_then(|d| d.get_element_by_id(SHELL_ID)) else { return };
    if frames == 0 {
        shell.remove();
    } else if shown(&window) {
        // After the next frame's paint, not before it.
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(move || shell.remove(), std::time::Duration::ZERO);
        });
    } else {
        leptos::prelude::request_animation_frame(move || remove_once_shown(frames - 1));
    }
}

/// Whether the browser has painted the page's first words (without paint
/// timing, it never says so: the shell then waits out its frames).
fn shown(window: &web_sys::Window) -> bool {
    window.performance().is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}

/// Shows `message` with a 重试 button in the shell, in place of whatever it
/// showed; a click says so and runs `retry` (which may call this again).
pub fn show_error(message: &str, retry: impl FnOnce() + 'static) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let main = shell_main()?;
    let notice = element(&document, "div", "notice notice-error", None)?;
    notice.set_attribute("role", "alert").ok()?;
    append(&notice, &element(&document, "p", "notice-title", Some("无法打开"))?)?;
    append(&notice, &element(&document, "p", "notice-text", Some(message))?)?;
    let retry_button = button(&document, "重试")?;
    let on_click = Closure::once_into_js(move || {
        show_status("正在重新加载…");
        retry();
    });
    retry_button.add_event_listener_with_callback("click", on_click.unchecked_ref()).ok()?;
    append(&notice, &retry_button)?;
    main.replace_children_with_node_1(&notice);
    focus(&retry_button);
    Some(())
}

/// Replaces the shell's content with a one-line status.
fn show_status(text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let status = element(&document, "p", "notice", Some(text))?;
    status.set_attribute("role", "status").ok()?;
    shell_main()?.replace_children_with_node_1(&status);
    Some(())
}
