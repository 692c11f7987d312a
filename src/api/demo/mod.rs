//! The demo transport: answers contract requests in the browser from the data
//! in `public/demo/`, keeping the worker's writes in local storage.

mod router;
mod state;

pub use router::{answer, files_for, DemoFiles, DEMO_SMS_CODE, STORY_PAGE_SIZE};
pub use state::{DemoState, StoredReply};

use std::sync::{Arc, Mutex};

use gloo_net::http::Request;
use serde_json::Value;

use super::{http::send_with_limits, transport::Method, ApiError, ApiRequest, ApiResponse};
use crate::platform::{clock, storage};

/// Where the demo state lives in local storage.
const STATE_KEY: &str = "demo-state";

#[derive(Clone, Debug)]
pub struct DemoTransport {
    /// URL of the folder with the demo files, e.g. `/demo`.
    base: String,
    timeout_ms: u32,
    /// Parsed files, downloaded once per visit.
    files: Arc<Mutex<DemoFiles>>,
}

impl DemoTransport {
    pub fn new(base: &str, timeout_ms: u32) -> Self {
        Self { base: base.trim_end_matches('/').to_owned(), timeout_ms, files: Arc::default() }
    }

    pub async fn send(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        let mut files = DemoFiles::new();
        for name in files_for(&request) {
            files.insert(name, self.file(name).await?);
        }
        let mut state: DemoState = storage::load(STATE_KEY).unwrap_or_default();
        let response = answer(&request, &files, &mut state, &clock::now());
        if request.method == Method::Post {
            storage::save(STATE_KEY, &state);
        }
        Ok(response)
    }

    async fn file(&self, name: &'static str) -> Result<Value, ApiError> {
        if let Some(value) = self.files.lock().ok().and_then(|files| files.get(name).cloned()) {
            return Ok(value);
        }
        let url = format!("{}/{name}.json", self.base);
        let response = send_with_limits(Request::get(&url), None, self.timeout_ms).await?;
        if response.status != 200 {
            return Err(ApiError::Http {
                status: response.status,
                code: String::new(),
                message: String::new(),
            });
        }
        let value: Value = serde_json::from_str(&response.body)
            .map_err(|e| ApiError::Decode(format!("{name}.json: {e}")))?;
        if let Ok(mut files) = self.files.lock() {
            files.insert(name, value.clone());
        }
        Ok(value)
    }
}
