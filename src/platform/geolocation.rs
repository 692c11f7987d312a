//! The device's position, once, as a future. Browsers give WGS-84; convert
//! with `domain::geo::wgs84_to_gcj02` before comparing with our data.

use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::geo::GeoPoint;

/// How long to wait for any answer at all. The browser's own timeout runs only
/// once permission is given: a prompt nobody answers (WeChat) would wait forever.
pub const NO_ANSWER_MS: u32 = 15_000;

/// Why there is no position; each is said differently to the worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocationError {
    /// The worker (or WeChat, or the kiosk's policy) said no.
    Denied,
    /// No fix: indoors, GPS off, no network positioning.
    Unavailable,
    Timeout,
    /// Nothing came back at all, typically a permission prompt left unanswered.
    NoAnswer,
    /// No geolocation in this browser, or not on a secure origin.
    Unsupported,
}

impl LocationError {
    pub fn user_message(self) -> &'static str {
        match self {
            LocationError::Denied => {
                "没有获得定位权限，暂时无法计算距离。可以在浏览器或微信设置里允许定位，或按镇街查找。"
            }
            LocationError::Unavailable => "暂时定不到位置，可能是信号弱或定位没有打开。可以按镇街查找。",
            LocationError::Timeout => "定位超时了，请稍后再试，或按镇街查找。",
            LocationError::NoAnswer => {
                "等了很久也没有拿到位置，可能是定位授权还没有确认。可以稍后再点一次，或按镇街查找。"
            }
            LocationError::Unsupported => "这个浏览器不支持定位，可以按镇街查找。",
        }
    }
}

/// Asks for the current position (WGS-84), accepting a fix up to a minute old.
/// `timeout_ms` is the browser's own limit for a fix; whatever happens, the
/// answer comes within [`NO_ANSWER_MS`] (or a little more than `timeout_ms`).
pub async fn current_position(timeout_ms: u32) -> Result<GeoPoint, LocationError> {
    // Started before asking, so the wait covers the whole exchange.
    let no_answer = TimeoutFuture::new(NO_ANSWER_MS.max(timeout_ms.saturating_add(5_000)));
    match select(Box::pin(ask_position(timeout_ms)), no_answer).await {
        Either::Left((answer, _)) => answer,
        Either::Right(_) => Err(LocationError::NoAnswer),
    }
}

async fn ask_position(timeout_ms: u32) -> Result<GeoPoint, LocationError> {
    let geolocation =
        web_sys::window().and_then(|w| w.navigator().geolocation().ok()).ok_or(LocationError::Unsupported)?;
    let mut ask = |resolve: js_sys::Function, reject: js_sys::Function| {
        let on_position = Closure::once_into_js(move |position: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &position);
        });
        let on_error = Closure::once_into_js({
            let reject = reject.clone();
            move |error: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        });
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(false);
        options.set_maximum_age(60_000);
        options.set_timeout(timeout_ms);
        if geolocation
            .get_current_position_with_error_callback_and_options(
                on_position.unchecked_ref(),
                Some(on_error.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            let _ = reject.call1(&JsValue::NULL, &JsValue::NULL);
        }
    };
    match JsFuture::from(js_sys::Promise::new(&mut ask)).await {
        // Read by name: web-sys types these objects only behind its unstable flag.
        Ok(position) => {
            let coords = field(&position, "coords");
            match (field(&coords, "latitude").as_f64(), field(&coords, "longitude").as_f64()) {
                (Some(lat), Some(lng)) => Ok(GeoPoint { lat, lng }),
                _ => Err(LocationError::Unavailable),
            }
        }
        Err(error) => Err(match field(&error, "code").as_f64() {
            Some(1.0) => LocationError::Denied,
            Some(3.0) => LocationError::Timeout,
            Some(_) => LocationError::Unavailable,
            None => LocationError::Unsupported,
        }),
    }
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
