//! Untyped calls into the browser, for code that lives in a lazy chunk.
//!
//! A typed `web-sys` method is an import of the main WebAssembly module, with
//! a shim in its JavaScript, whichever chunk calls it: the report pages' fifty
//! canvas and IndexedDB methods would weigh on every first visit. Reached
//! through these few functions they cost nothing until a worker uses them.
//! The price is checking by hand what comes back; keep their use to browser
//! edges in `platform/`.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The global object (`window` on a page).
pub fn global() -> JsValue {
    js_sys::global().into()
}

/// `target[name]`; `undefined` when there is none.
pub fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[name] = value`.
pub fn set(target: &JsValue, name: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(name), &value.into());
}

/// Whether `target[name]` is a function: the feature is there.
pub fn has_method(target: &JsValue, name: &str) -> bool {
    get(target, name).is_function()
}

/// `target[name](...args)`; an error when it is not a function or throws.
pub fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = get(target, name).dyn_into()?;
    Reflect::apply(&method, target, &args.iter().collect::<Array>())
}

/// [`call`], then what the promise it returns settles to.
pub async fn call_async(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let promise: Promise = call(target, name, args)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// `new globalThis[class](...args)`; an error when there is no such class.
pub fn construct(class: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let class: Function = get(&global(), class).dyn_into()?;
    Reflect::construct(&class, &args.iter().collect::<Array>())
}

/// A plain object `{ name: value, … }`, as options for a browser call.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        set(&object, name, value.clone());
    }
    object.into()
}

/// What a new promise settles to, `start` being handed its resolve and reject
/// functions: how an event or callback API becomes something to await.
pub async fn settled(mut start: impl FnMut(Function, Function)) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::new(&mut |resolve, reject| start(resolve, reject))).await
}
