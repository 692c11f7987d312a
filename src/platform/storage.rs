//! Local storage, namespaced and typed. Missing or unreadable storage (private
//! mode, a full quota, a kiosk policy) degrades to "nothing stored", never a panic.

use serde::{de::DeserializeOwned, Serialize};

/// Every key this app writes starts with this, so a reset can find them all.
pub const PREFIX: &str = "youxin.";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(&format!("{PREFIX}{key}")).ok()?
}

pub fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), value);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// Whether the JSON object stored under `key` has a non-empty list in
/// `field`. The browser's own parser reads it: a question this small is not
/// worth a decoder in the main module.
pub fn has_listed(key: &str, field: &str) -> bool {
    let Some(value) = get(key).and_then(|text| js_sys::JSON::parse(&text).ok()) else { return false };
    let list = js_sys::Reflect::get(&value, &field.into()).unwrap_or_default();
    js_sys::Array::is_array(&list) && js_sys::Array::from(&list).length() > 0
}

/// Reads a JSON value; a value that no longer decodes counts as absent.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get(key)?).ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if let Ok(json) = serde_json::to_string(value) {
        set(key, &json);
    }
}
