//! Answers the start-up script of a release build asked for before the app
//! ran (`scripts/start-up.mjs`): config.json and the page's first data,
//! fetched beside the WebAssembly. Each waits under the URL it was asked at
//! and is taken once, by the app's request for the same.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The start-up script's `take(url, signal)`: the answer's promise, or `undefined`.
const TAKE: &str = "youxinEarly";

/// The answer asked for at `url` (absolute, as a `Request` has it), if there
/// is one; no one else gets it afterwards. `signal` cancels it from then on,
/// as it would the app's own request.
pub fn take(url: &str, signal: Option<&web_sys::AbortSignal>) -> Option<JsFuture> {
    let take: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &TAKE.into()).ok()?.dyn_into().ok()?;
    let signal = signal.map_or(JsValue::UNDEFINED, JsValue::from);
    let answer = take.call2(&JsValue::UNDEFINED, &url.into(), &signal).ok()?;
    answer.dyn_into::<js_sys::Promise>().ok().map(JsFuture::from)
}

/// The response, or why the fetch failed (named `AbortError` once cancelled).
pub async fn response(answer: JsFuture) -> Result<web_sys::Response, js_sys::Error> {
    match answer.await {
        // The start-up script's fetch answers with nothing else.
        Ok(response) => Ok(response.unchecked_into()),
        Err(error) => Err(error.dyn_into().unwrap_or_else(|_| js_sys::Error::new("the request failed"))),
    }
}
