//! Answers the start-up script of a release build asked for before the app
//! ran (`scripts/start-up.mjs`): config.json and the page's first data,
//! fetched beside the WebAssembly. Each waits under the URL it was asked at
//! and is taken once, by the app's request for the same.

use gloo_net::http::{Request, Response};
use gloo_utils::errors::JsError;
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

/// Sends `request`, unless the start-up script asked for it already
/// (`early`, from [`take`]): then that answer is this one, its failure too.
pub async fn send(request: Request, early: Option<JsFuture>) -> Result<Response, gloo_net::Error> {
    let Some(early) = early else {
        return request.send().await;
    };
    match early.await {
        // The start-up script's fetch answers with nothing else.
        Ok(response) => Ok(Response::from(response.unchecked_into::<web_sys::Response>())),
        Err(error) => {
            let error =
                JsError::try_from(error).unwrap_or_else(|_| js_sys::Error::new("the request failed").into());
            Err(gloo_net::Error::JsError(error))
        }
    }
}
