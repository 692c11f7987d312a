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

/// Bodies larger than this are refused rather than decoded: no list of ours is near it.
const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

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
        send_with_limits(builder, request.body.as_ref(), self.timeout_ms).await
    }
}

/// Sends one request with a timeout, aborting it if the page that asked is left.
pub(crate) async fn send_with_limits(
    builder: RequestBuilder,
    body: Option<&RequestBody>,
    timeout_ms: u32,
) -> Result<ApiResponse, ApiError> {
    let controller = AbortController::new().ok();
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
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

    // Leaving a page disposes its resources' owner: abort what it still waits for.
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });

    let exchange = async {
        let response = request.send().await.map_err(network_error)?;
        let status = response.status();
        let body = response.text().await.map_err(network_error)?;
        if body.len() > MAX_BODY_BYTES {
            return Err(ApiError::Decode(format!("body of {} bytes is too large", body.len())));
        }
        Ok(ApiResponse { status, body })
    };
    let timeout = TimeoutFuture::new(timeout_ms);
    match select(Box::pin(exchange), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(controller) = controller {
                controller.abort();
            }
            Err(ApiError::Timeout(timeout_ms))
        }
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
