//! What a worker sees if the app ever panics: a full-screen message with a
//! reload button instead of a frozen page. Drawn with plain DOM, outside
//! Leptos, whose state may be half-updated by then.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::{
    dom::{append, button, element, focus},
    js,
};

/// The crash screen's id: shown once, however many panics follow.
pub const CRASH_SCREEN_ID: &str = "crash-screen";

/// Shows the crash screen whenever the app stops with a panic.
///
/// - A build with a panic hook logs the panic to the console first.
/// - The release build has no hook: it is built with panics that abort at
///   once (scripts/build.sh), and a panic ends as a WebAssembly trap. Any
///   trap that reaches the page shows the screen; other scripts' errors do not.
pub fn install_crash_screen() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
    show_crash_screen_on_traps();
}

/// Listens for WebAssembly traps that reach the page, as an error or as a
/// rejected promise, and shows the crash screen for them.
pub fn show_crash_screen_on_traps() {
    for (event, cause) in [("error", "error"), ("unhandledrejection", "reason")] {
        let on_trap = Closure::<dyn Fn(JsValue)>::new(move |happened: JsValue| {
            if js::get(&happened, cause).is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                show_crash_screen();
            }
        })
        .into_js_value();
        let _ = js::call(&js::global(), "addEventListener", &[event.into(), on_trap]);
    }
}

/// Covers the page with the crash message and its 重新加载 button.
pub fn show_crash_screen() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id(CRASH_SCREEN_ID).is_some() {
        return Some(());
    }
    let screen = element(&document, "div", "crash-screen", None)?;
    screen.set_id(CRASH_SCREEN_ID);
    for (name, value) in [("role", "alertdialog"), ("aria-modal", "true"), ("aria-labelledby", "crash-title")]
    {
        screen.set_attribute(name, value).ok()?;
    }
    let title = element(&document, "h1", "", Some("页面出了点问题"))?;
    title.set_id("crash-title");
    append(&screen, &title)?;
    let text = "请点“重新加载”再试一次。如果一直这样，可以拨打 12345 咨询。";
    append(&screen, &element(&document, "p", "", Some(text))?)?;
    let reload = button(&document, "重新加载")?;
    // The browser's own reload, bound to the page: no Rust runs after the panic.
    let location = window.location();
    let reload_page: js_sys::Function =
        js_sys::Reflect::get(&location, &JsValue::from_str("reload")).ok()?.dyn_into().ok()?;
    reload.add_event_listener_with_callback("click", &reload_page.bind0(&location)).ok()?;
    append(&screen, &reload)?;
    document.body()?.append_child(&screen).ok()?;
    focus(&reload);
    Some(())
}
