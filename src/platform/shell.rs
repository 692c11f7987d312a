//! The static shell that index.html paints before the WebAssembly runs (with
//! the page's heading, on a section's own index.html; with the item's, drawn
//! by the start-up script, on a detail page): the app removes it when its
//! first page is drawn, or shows in it why it could not start.

use wasm_bindgen::{closure::Closure, JsCast};

use super::dom::{append, button, element, focus};

/// The shell's root element in index.html.
pub const SHELL_ID: &str = "static-shell";

fn shell_main() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("#{SHELL_ID} .site-main")).ok()?
}

/// Set on the shell by the start-up script when it has drawn the heading of
/// the item a detail page is about (scripts/start-up.mjs, `drawItem`).
const HOLDS_ITEM: &str = "data-item";
/// Set by the app once it has begun to take the shell down: the start-up
/// script draws nothing in it from then on, as the app would not look again.
const LEAVING: &str = "data-leaving";

/// How many frames the shell waits at most for the browser to say it has been shown.
pub const FRAMES_TO_WAIT: u8 = 10;

/// Removes the shell, once the app's first page is there to replace it: the
/// app, mounted beside it, is hidden until then (main.css). A shell that
/// shows the page's item stays until the item itself is drawn
/// ([`remove_with_item`]): the app's page would show a skeleton in its place.
///
/// Not before the shell has been shown and one more frame painted: the app's
/// page starts with the same words, and a browser that had not yet counted
/// the shell's would time the page's largest text by the app's, not by when
/// the worker saw it. At most a frame or two when the app is that quick.
pub fn remove() {
    leave(false);
}

/// Removes the shell, whatever it shows: the page's item (or why it could
/// not be had) is drawn, or the app has waited long enough.
pub fn remove_with_item() {
    leave(true);
}

fn leave(with_item: bool) {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(shell) = document.and_then(|d| d.get_element_by_id(SHELL_ID)) else { return };
    if !with_item && shell.has_attribute(HOLDS_ITEM) {
        return;
    }
    let _ = shell.set_attribute(LEAVING, "");
    remove_once_shown(FRAMES_TO_WAIT);
}

fn remove_once_shown(frames: u8) {
    let Some(window) = web_sys::window() else { return };
    let Some(shell) = window.document().and_then(|d| d.get_element_by_id(SHELL_ID)) else { return };
    if frames == 0 {
        shell.remove();
    } else if shown(&window) {
        // After the next frame's paint, not before it.
        super::frame::after_next_paint(move || shell.remove());
    } else {
        super::frame::before_next_paint(move || remove_once_shown(frames - 1));
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
