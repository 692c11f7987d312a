//! The seam between the typed client and the wire.

use super::{demo::DemoTransport, http::HttpTransport, ApiError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// A request as the contract sees it, before any transport touches it.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    /// Path under the base URL, starting with `/v1/`.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<RequestBody>,
    pub bearer: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RequestBody {
    Json(String),
    /// A file sent as `multipart/form-data` in the field `file`.
    File {
        name: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

impl ApiRequest {
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            path: path.into(),
            query: Vec::new(),
            body: None,
            bearer: None,
            idempotency_key: None,
        }
    }

    pub fn post(path: impl Into<String>, body: Option<RequestBody>) -> Self {
        Self { method: Method::Post, body, ..Self::get(path) }
    }

    /// Adds a query parameter unless the value is absent or empty.
    pub fn param(mut self, name: &str, value: Option<&str>) -> Self {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            self.query.push((name.to_owned(), value.to_owned()));
        }
        self
    }

    /// A request of the sign-in endpoints (`/v1/auth/…`), which never carry a token.
    pub fn is_sign_in(&self) -> bool {
        self.path.starts_with("/v1/auth/")
    }

    /// Whether a saved answer may stand in for this request when the network
    /// cannot answer: a read that speaks for nobody. A signed-in worker's
    /// answers are never kept on the phone.
    pub fn may_be_saved(&self) -> bool {
        self.method == Method::Get && self.bearer.is_none()
    }

    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The JSON body, if the request has one.
    pub fn json_body(&self) -> Option<&str> {
        match &self.body {
            Some(RequestBody::Json(json)) => Some(json),
            _ => None,
        }
    }
}

/// What came back: the status and the body as text.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiResponse {
    pub status: u16,
    pub body: String,
    /// When the network could not answer: the moment (Unix milliseconds) the
    /// saved answer given instead was received.
    pub saved_at: Option<i64>,
}

impl ApiResponse {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Self { status, body: body.into(), saved_at: None }
    }

    /// An error response in the contract's shape.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({ "error": { "code": code, "message": message } });
        Self::new(status, body.to_string())
    }
}

/// Where requests go: a real backend, or the demo data in the browser.
#[derive(Clone, Debug)]
pub enum Transport {
    Http(HttpTransport),
    Demo(DemoTransport),
}

impl Transport {
    pub async fn send(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        match self {
            Transport::Http(http) => http.send(request).await,
            Transport::Demo(demo) => demo.send(request).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_auth_endpoints_are_sign_in_requests() {
        assert!(ApiRequest::post("/v1/auth/login", None).is_sign_in());
        assert!(ApiRequest::post("/v1/auth/sms-code", None).is_sign_in());
        assert!(!ApiRequest::get("/v1/me").is_sign_in());
        assert!(!ApiRequest::get("/v1/authors").is_sign_in());
    }

    #[test]
    fn only_reads_without_a_token_may_be_answered_from_saved_copies() {
        assert!(ApiRequest::get("/v1/services").param("q", Some("体检")).may_be_saved());
        let mut signed_in = ApiRequest::get("/v1/me");
        signed_in.bearer = Some("token".into());
        assert!(!signed_in.may_be_saved());
        assert!(!ApiRequest::post("/v1/reports", None).may_be_saved());
    }
}
