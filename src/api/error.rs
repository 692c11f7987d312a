//! One error type for every call, and the one place that puts it into words.

use thiserror::Error;

/// How many characters of a server's own error message are shown.
const MAX_SERVER_MESSAGE: usize = 120;

/// Why a call to the backend did not give a usable answer.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum ApiError {
    /// The request never reached the server: no signal, DNS, CORS, a dropped connection.
    #[error("network unreachable: {0}")]
    Network(String),
    /// The server did not answer within the configured time.
    #[error("no answer within {0} ms")]
    Timeout(u32),
    /// The page that asked was left; nobody is waiting for the answer.
    #[error("request cancelled")]
    Cancelled,
    /// The server answered with an error status.
    #[error("HTTP {status} {code}: {message}")]
    Http {
        status: u16,
        /// The contract's error code, e.g. `course_full`; empty when the body had none.
        code: String,
        /// The server's own message for people; empty when the body had none.
        message: String,
    },
    /// The body could not be read as the contract says; names what was wrong.
    #[error("undecodable body: {0}")]
    Decode(String),
}

impl ApiError {
    /// What to tell the worker, in plain Chinese.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Network(_) => "网络连接失败，请检查网络后重试。".into(),
            ApiError::Timeout(_) => "服务器响应超时，请稍后重试。".into(),
            ApiError::Cancelled => "请求已取消。".into(),
            ApiError::Http { status, message, .. } if !message.trim().is_empty() => {
                // A hostile or broken server may send a novel; keep what a screen can hold.
                let short: String = message.trim().chars().take(MAX_SERVER_MESSAGE).collect();
                format!("{short}（错误 {status}）")
            }
            ApiError::Http { status: 401, .. } => "登录已过期，请重新登录。".into(),
            ApiError::Http { status: 404, .. } => "没有找到这项内容，它可能已经下线。".into(),
            ApiError::Http { status, .. } if *status >= 500 => {
                format!("服务器暂时出了点问题（错误 {status}），请稍后重试。")
            }
            ApiError::Http { status, .. } => format!("请求没有成功（错误 {status}），请稍后重试。"),
            ApiError::Decode(_) => "收到的数据格式有误，暂时无法显示，请稍后重试。".into(),
        }
    }

    /// Whether trying the same request again may help.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Timeout(_) | ApiError::Decode(_) => true,
            ApiError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            ApiError::Cancelled => false,
        }
    }

    /// The contract's error code of an HTTP error, if any.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Http { code, .. } if !code.is_empty() => Some(code),
            _ => None,
        }
    }
}
