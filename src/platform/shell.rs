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

/// Removes the shell, once the app's first page is there to replace it: the
/// app, mounted beside it, is hidden until then (main.css).
pub fn remove() {
    if let Some(shell) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(SHELL_ID))
    {
        shell.remove();
    }
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
