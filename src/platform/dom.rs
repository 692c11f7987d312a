//! Plain DOM building for what must show without Leptos: the static shell's
//! error and the crash screen. Text always goes in as text, never as markup.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// A new element with a class and, if given, its text.
pub fn element(document: &Document, tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if text.is_some() {
        element.set_text_content(text);
    }
    Some(element)
}

/// A `<button type="button" class="button">` with this label.
pub fn button(document: &Document, label: &str) -> Option<Element> {
    let button = element(document, "button", "button", Some(label))?;
    button.set_attribute("type", "button").ok()?;
    Some(button)
}

/// Appends `child` as the last child of `parent`.
pub fn append(parent: &Element, child: &Element) -> Option<()> {
    parent.append_child(child).ok().map(drop)
}

/// Moves keyboard and screen-reader focus to an element.
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id, if the page has one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
    {
        focus(&element);
    }
}
