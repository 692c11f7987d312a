//! Runtime configuration, read from `/config.json` at start.
//!
//! The same build runs on the demo data or against a real backend: only
//! `config.json` changes.

use serde::Deserialize;

use crate::api::{demo::DemoTransport, http::HttpTransport, Transport};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Base URL of a backend implementing `openapi.yaml`; absent or empty means demo data.
    pub api_base: Option<String>,
    /// Where the demo data lives.
    pub demo_base: String,
    /// How long to wait for an answer before saying so.
    pub timeout_ms: u32,
    /// Start in large-text mode (elder-friendly).
    pub large_text: bool,
    /// Run as a kiosk at a station: touch only, shared by strangers.
    pub kiosk: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base: None,
            demo_base: "/demo".into(),
            timeout_ms: 15_000,
            large_text: false,
            kiosk: false,
        }
    }
}

impl Config {
    /// Reads `config.json`; anything unreadable falls back to the defaults (demo data).
    pub fn parse(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn transport(&self) -> Transport {
        // Keep the timeout sane even if the file says 0 or a day.
        let timeout_ms = self.timeout_ms.clamp(1_000, 120_000);
        match self.api_base.as_deref().map(str::trim).filter(|base| !base.is_empty()) {
            Some(base) => Transport::Http(HttpTransport::new(base, timeout_ms)),
            None => Transport::Demo(DemoTransport::new(&self.demo_base, timeout_ms)),
        }
    }
}

/// Fetches `/config.json`, bypassing caches so an edit takes effect on the next visit.
pub async fn load() -> Config {
    let request = gloo_net::http::Request::get("/config.json").cache(web_sys::RequestCache::NoCache);
    match request.send().await {
        Ok(response) if response.ok() => Config::parse(&response.text().await.unwrap_or_default()),
        _ => Config::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_api_base_means_demo_data() {
        let config = Config::parse(r#"{"api_base": null}"#);
        assert!(matches!(config.transport(), Transport::Demo(_)));
        assert!(matches!(Config::parse(r#"{"api_base": "  "}"#).transport(), Transport::Demo(_)));
    }

    #[test]
    fn an_api_base_means_a_real_backend() {
        let config = Config::parse(r#"{"api_base": "https://api.example.cn/youxin/", "unknown": 1}"#);
        assert!(matches!(config.transport(), Transport::Http(_)));
        assert_eq!(config.timeout_ms, 15_000);
    }

    #[test]
    fn an_unreadable_file_falls_back_to_the_defaults() {
        assert_eq!(Config::parse("{ not json"), Config::default());
        assert!(Config::parse(r#"{"large_text": true}"#).large_text);
    }
}
