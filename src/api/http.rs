//! Transport to a real backend over `fetch` (gloo-net).

use futures::future::{select, Either};
use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use web_sys::AbortController;

use super::{
    transport::{Method, RequestBody},
    ApiError, ApiRequest, ApiResponse,
};
use crate::platform::{early, kiosk, offline, saved_answers};

/// Bodies larger than this are refused rather than decoded: no list of ours is near it.
const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// Set by the service worker on an answer it saved earlier: when (Unix milliseconds).
const SAVED_AT_HEADER: &str = "X-Youxin-Saved-At";

/// Whether a request may be answered by a saved copy: a read that speaks for nobody.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    PublicRead,
    Other,
}

#[derive(Clone, Debug)]
pub struct HttpTransport {
    /// Base URL without a trailing slash, e.g. `https://api.example.cn/youxin`.
    base: String,
    timeout_ms: u32,
}

impl HttpTransport {
    pub fn new(base: &str, timeout_ms: u32) -> Self {
        Self { base: base.trim_end_matches('/').to_owned(), timeout_ms }
    }

    pub async fn send(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        let url = format!("{}{}", self.base, request.path);
        let mut builder = match request.method {
            Method::Get => Request::get(&url),
            Method::Post => Request::post(&url),
        }
        .header("Accept", "application/json");
        if !request.query.is_empty() {
            builder = builder.query(request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        if let Some(token) = &request.bearer {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(key) = &request.idempotency_key {
            builder = builder.header("Idempotency-Key", key);
        }
        let kind = if request.may_be_saved() { Kind::PublicRead } else { Kind::Other };
        send_with_limits(builder, request.body.as_ref(), self.timeout_ms, kind).await
    }
}

/// Sends one request with a timeout, aborting it if the page that asked is left.
/// A public read the network cannot answer gets the last good answer kept on
/// this phone, if there is one (marked with when it was saved).
pub(crate) async fn send_with_limits(
    builder: RequestBuilder,
    body: Option<&RequestBody>,
    timeout_ms: u32,
    kind: Kind,
) -> Result<ApiResponse, ApiError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let builder = builder.abort_signal(signal.as_ref());
    let request = match body {
        None => builder.build(),
        Some(RequestBody::Json(json)) => {
            builder.header("Content-Type", "application/json").body(json.as_str())
        }
        Some(RequestBody::File { name, content_type, bytes }) => {
            let form = file_form(name, content_type, bytes)
                .ok_or_else(|| ApiError::Network("could not build the upload".into()))?;
            builder.body(form)
        }
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;
    let url = request.url();
    // A cold visit's start-up script may have asked already: its answer is this one.
    let early = match kind {
        Kind::PublicRead => early::take(&url, signal.as_ref()),
        Kind::Other => None,
    };

    // Leaving a page disposes its resources' owner: abort what it still waits for.
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });

    let exchange = async {
        let response = early::send(request, early).await.map_err(network_error)?;
        let status = response.status();
        let saved_at = response.headers().get(SAVED_AT_HEADER).and_then(|at| at.parse::<i64>().ok());
        let body = response.text().await.map_err(network_error)?;
        if body.len() > MAX_BODY_BYTES {
            return Err(ApiError::Decode(format!("body of {} bytes is too large", body.len())));
        }
        Ok(ApiResponse { status, body, saved_at })
    };
    let timeout = TimeoutFuture::new(timeout_ms);
    let result = match select(Box::pin(exchange), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(controller) = controller {
                controller.abort();
            }
            Err(ApiError::Timeout(timeout_ms))
        }
    };
    match kind {
        Kind::PublicRead => with_saved_answer(&url, result),
        Kind::Other => result,
    }
}

/// Keeps a good public answer where no service worker does; answers a failed
/// one (no network, a timeout, a gateway that cannot reach the backend) from
/// what was kept.
fn with_saved_answer(url: &str, result: Result<ApiResponse, ApiError>) -> Result<ApiResponse, ApiError> {
    let unreachable = match &result {
        Ok(response) if response.status == 200 && response.saved_at.is_none() => {
            // Only what the decoder can read is kept: a garbled answer must not become the one shown offline.
            let is_json = super::decode::well_formed(&response.body).is_ok();
            // A kiosk keeps nothing of what its visitors looked for.
            if is_json && !offline::is_controlled() && !kiosk::is_kiosk() {
                saved_answers::keep(url, &response.body, js_sys::Date::now() as i64);
            }
            false
        }
        Ok(response) => (502..=504).contains(&response.status),
        Err(error) => matches!(error, ApiError::Network(_) | ApiError::Timeout(_)),
    };
    if !unreachable {
        return result;
    }
    match saved_answers::recall(url) {
        Some((saved_at, body)) => Ok(ApiResponse { status: 200, body, saved_at: Some(saved_at) }),
        None => result,
    }
}

fn network_error(error: gloo_net::Error) -> ApiError {
    match error {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => ApiError::Cancelled,
        other => ApiError::Network(other.to_string()),
    }
}

fn file_form(name: &str, content_type: &str, bytes: &[u8]) -> Option<web_sys::FormData> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let form = web_sys::FormData::new().ok()?;
    form.append_with_blob_and_filename("file", &blob, name).ok()?;
    Some(form)
}
