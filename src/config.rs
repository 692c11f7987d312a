//! Runtime configuration, read from `/config.json` at start.
//!
//! The same build runs on the demo data or against a real backend: only
//! `config.json` changes. The demo data is used only when the file says so
//! (`"api_base": null`); a file that cannot be read, parsed or trusted stops
//! the app with an error, so a real deployment never shows invented data.

use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use serde::{Deserialize, Deserializer};
use serde_json::error::Category;
use thiserror::Error;

use crate::api::{demo::DemoTransport, http::HttpTransport, Transport};
use crate::platform::early;

/// Where the file is: next to `index.html`, relative to the page's base (a sub-path deploy keeps it beside the app).
pub const CONFIG_PATH: &str = "config.json";

/// How long to wait for the file, whatever the network, before saying so.
pub const CONFIG_TIMEOUT_MS: u32 = 10_000;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Base URL of a backend implementing `openapi.yaml`; `null` means the demo data.
    /// Required: see [`Config::parse`].
    pub api_base: Option<String>,
    /// Where the demo data lives.
    pub demo_base: String,
    /// How long to wait for an answer before saying so.
    #[serde(deserialize_with = "count")]
    pub timeout_ms: u32,
    /// Start in large-text mode (elder-friendly).
    pub large_text: bool,
    /// Run as a kiosk at a station: touch only, shared by strangers.
    pub kiosk: bool,
    /// On a kiosk, how long a screen may go untouched before "30 秒后回到首页".
    #[serde(deserialize_with = "count")]
    pub kiosk_idle_seconds: u32,
    /// The backend's WeChat OAuth start (http or https). The sign-in page then
    /// offers 微信登录: the app adds `return=<the page to come back to>`, and
    /// the backend sends the worker there with `#token=…`.
    pub wechat_login_url: Option<String>,
}

/// A count as JSON writes numbers: `15000`, or `15000.0` from a tool that
/// writes every number with a point; never negative, fractional or too big.
/// (The start-up script takes the same values: `Number.isInteger`.)
fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = f64::deserialize(deserializer)?;
    if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        // Not naming the value: printing a float would cost the main module 5 KB.
        Err(serde::de::Error::custom("expected a whole number of 0 or more"))
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_base: None,
            demo_base: "demo".into(),
            timeout_ms: 15_000,
            large_text: false,
            kiosk: false,
            kiosk_idle_seconds: 90,
            wechat_login_url: None,
        }
    }
}

/// Whether `api_base` is there at all: `Some(None)` is the demo's `null`.
#[derive(Deserialize)]
struct NamesApiBase {
    #[serde(default, deserialize_with = "present")]
    api_base: Option<Option<String>>,
}

fn present<'de, D: Deserializer<'de>>(field: D) -> Result<Option<Option<String>>, D::Error> {
    Option::deserialize(field).map(Some)
}

/// Why the app cannot start from `config.json`; the text names it for the console.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ConfigError {
    #[error("{CONFIG_PATH} could not be fetched: {0}")]
    Unreachable(String),
    #[error("{CONFIG_PATH} answered HTTP {0}")]
    Status(u16),
    #[error("{CONFIG_PATH} did not answer within {0} ms")]
    Timeout(u32),
    #[error("{CONFIG_PATH} is not valid JSON: {0}")]
    Syntax(String),
    #[error("{CONFIG_PATH} has a wrong or missing value: {0}")]
    Invalid(String),
}

impl ConfigError {
    /// What to tell whoever opened the page, in plain Chinese.
    pub fn user_message(&self) -> &'static str {
        match self {
            ConfigError::Unreachable(_) => "网络连接失败，页面没能加载完。请检查网络后重试。",
            ConfigError::Timeout(_) => "页面加载超时，请检查网络后重试。",
            ConfigError::Status(_) | ConfigError::Syntax(_) | ConfigError::Invalid(_) => {
                "站点配置有误，页面暂时无法打开。请稍后重试；如果一直这样，请联系站点管理员。"
            }
        }
    }
}

impl Config {
    /// Reads `config.json`. It must be an object that names `api_base`: `null`
    /// for the demo data, or the backend's URL. Other fields may be left out
    /// (they take their defaults) but not given a wrong type.
    pub fn parse(json: &str) -> Result<Self, ConfigError> {
        // A typo is told apart from a wrong value.
        let names = serde_json::from_str::<NamesApiBase>(json).map_err(|e| match e.classify() {
            Category::Data => ConfigError::Invalid(e.to_string()),
            _ => ConfigError::Syntax(e.to_string()),
        })?;
        if !json.trim_start().starts_with('{') {
            return Err(ConfigError::Invalid("the file is not a JSON object".into()));
        }
        match names.api_base {
            None => return Err(ConfigError::Invalid("api_base is missing (null for the demo data)".into())),
            Some(Some(base)) if base.trim().is_empty() => {
                return Err(ConfigError::Invalid("api_base is empty (null for the demo data)".into()))
            }
            _ => {}
        }
        serde_json::from_str(json).map_err(|e| ConfigError::Invalid(e.to_string()))
    }

    pub fn transport(&self) -> Transport {
        // Keep the timeout sane even if the file says 0 or a day.
        let timeout_ms = self.timeout_ms.clamp(1_000, 120_000);
        match self.api_base.as_deref().map(str::trim) {
            Some(base) => Transport::Http(HttpTransport::new(base, timeout_ms)),
            None => Transport::Demo(DemoTransport::new(&self.demo_base, timeout_ms)),
        }
    }
}

/// Fetches `/config.json`, bypassing caches so an edit takes effect on the next visit.
pub async fn load() -> Result<Config, ConfigError> {
    // Started first, so the clock runs from the moment the request goes out.
    let timeout = TimeoutFuture::new(CONFIG_TIMEOUT_MS);
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let request = gloo_net::http::Request::get(CONFIG_PATH)
        .cache(web_sys::RequestCache::NoCache)
        .abort_signal(signal.as_ref())
        .build()
        .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    // Asked for already by a release build's start-up script, as here.
    let early = early::take(&request.url(), signal.as_ref());
    let fetch = async move {
        let response =
            early::send(request, early).await.map_err(|e| ConfigError::Unreachable(e.to_string()))?;
        if !response.ok() {
            return Err(ConfigError::Status(response.status()));
        }
        let text = response.text().await.map_err(|e| ConfigError::Unreachable(e.to_string()))?;
        Config::parse(&text)
    };
    match select(Box::pin(fetch), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(controller) = controller {
                controller.abort();
            }
            Err(ConfigError::Timeout(CONFIG_TIMEOUT_MS))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_api_base_means_demo_data() {
        let config = Config::parse(r#"{"api_base": null}"#).unwrap();
        assert!(matches!(config.transport(), Transport::Demo(_)));
        assert_eq!(config.timeout_ms, 15_000);
    }

    #[test]
    fn an_api_base_means_a_real_backend() {
        let config =
            Config::parse(r#"{"api_base": "https://api.example.cn/youxin/", "unknown": 1}"#).unwrap();
        assert!(matches!(config.transport(), Transport::Http(_)));
        assert!(Config::parse(r#"{"api_base": null, "large_text": true}"#).unwrap().large_text);
        let timeout = Config::parse(r#"{"api_base": null, "timeout_ms": 20000.0}"#).unwrap();
        assert_eq!(timeout.timeout_ms, 20_000);
        let kiosk = Config::parse(r#"{"api_base": null, "kiosk": true, "kiosk_idle_seconds": 45}"#).unwrap();
        assert_eq!((kiosk.kiosk, kiosk.kiosk_idle_seconds), (true, 45));
        assert_eq!(Config::parse(r#"{"api_base": null}"#).unwrap().kiosk_idle_seconds, 90);
    }

    #[test]
    fn the_shipped_file_is_read() {
        let config = Config::parse(include_str!("../public/config.json")).unwrap();
        assert_eq!(config, Config::default());
    }

    #[test]
    fn a_typo_is_a_syntax_error() {
        for json in ["{ not json", r#"{"api_base": null,}"#, "", r#"{"api_base": nul}"#] {
            assert!(matches!(Config::parse(json), Err(ConfigError::Syntax(_))), "{json:?}");
        }
    }

    #[test]
    fn wrong_types_and_a_missing_api_base_are_refused_not_defaulted() {
        for json in [
            r#"{"api_base": 8080}"#,
            r#"{"api_base": null, "timeout_ms": "15000"}"#,
            r#"{"api_base": null, "large_text": "yes"}"#,
            r#"{"api_base": null, "timeout_ms": -1}"#,
            r#"{"api_base": null, "timeout_ms": 1500.5}"#,
            r#"{"api_base": null, "kiosk_idle_seconds": 5e9}"#,
            r#"{"api_base": "  "}"#,
            r#"{"timeout_ms": 15000}"#,
            "{}",
            "[]",
            "null",
            r#""/demo""#,
        ] {
            assert!(matches!(Config::parse(json), Err(ConfigError::Invalid(_))), "{json}");
        }
    }

    #[test]
    fn the_console_is_told_what_went_wrong() {
        let error = Config::parse(r#"{"api_base": null, "kiosk": 1}"#).unwrap_err();
        assert!(error.to_string().starts_with("config.json has a wrong or missing value: invalid type"));
        assert!(ConfigError::Status(404).to_string().contains("HTTP 404"));
        assert!(ConfigError::Timeout(CONFIG_TIMEOUT_MS).user_message().contains("超时"));
    }
}
