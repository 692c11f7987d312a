//! Sign-in rules that need no browser: phone numbers, where to go back to,
//! and the token the backend's WeChat sign-in hands back in the URL fragment.

use super::{time::ChinaTime, url::is_local_path};

/// A mainland mobile number: 11 digits starting with 1. Spaces and dashes are ignored.
pub fn normalize_phone(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let valid = digits.len() == 11 && digits.starts_with('1') && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then_some(digits)
}

/// A six-digit SMS code.
pub fn is_sms_code(input: &str) -> bool {
    let code = input.trim();
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Where to go after signing in when no page asked for it: the worker's points.
pub const DEFAULT_RETURN_PATH: &str = "/points";

/// Where to return after signing in: only a plain path on this site, so a
/// crafted link cannot send a worker to another one; anything else goes home.
/// The browser's URL parser has the last word (`platform::location::same_origin_path`).
pub fn safe_return_path(next: Option<&str>) -> String {
    match next {
        None | Some("") => DEFAULT_RETURN_PATH.to_owned(),
        Some(path) if is_local_path(path) => path.to_owned(),
        Some(_) => "/".to_owned(),
    }
}

/// The token in a fragment like `#token=abc&expires_in=7200`, if any.
pub fn token_from_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "token" || *key == "access_token")
        .map(|(_, value)| value.to_owned())
        .filter(|token| !token.is_empty() && token.bytes().all(|b| b.is_ascii_graphic()))
}

/// When a session that ends at `expires_at` (RFC 3339) ends, in Unix
/// milliseconds; `None` when the backend did not say or said it unreadably,
/// which leaves the backend to decide.
pub fn session_end_millis(expires_at: Option<&str>) -> Option<i64> {
    expires_at.and_then(ChinaTime::parse_rfc3339).map(|end| end.unix_millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_end_is_read_from_the_backends_time() {
        let end = ChinaTime::parse_rfc3339("2026-12-28T02:00:00Z").unwrap().unix_millis;
        assert_eq!(session_end_millis(Some("2026-12-28T10:00:00+08:00")), Some(end));
        assert_eq!(session_end_millis(None), None, "no expiry: the backend decides");
        assert_eq!(session_end_millis(Some("下个月")), None, "an unreadable expiry: the backend decides");
    }

    #[test]
    fn phones_are_mainland_mobiles() {
        assert_eq!(normalize_phone("138 0000 0000").as_deref(), Some("13800000000"));
        assert_eq!(normalize_phone("138-0000-0000").as_deref(), Some("13800000000"));
        for bad in ["", "1380000000", "23800000000", "138000000001", "1380000000a"] {
            assert_eq!(normalize_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn sms_codes_are_six_digits() {
        assert!(is_sms_code(" 123456 "));
        assert!(!is_sms_code("12345"));
        assert!(!is_sms_code("12345a"));
    }

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return_path(Some("/courses/crs-off-02")), "/courses/crs-off-02");
        assert_eq!(safe_return_path(Some("/services?q=%2520")), "/services?q=%2520");
        assert_eq!(safe_return_path(None), "/points");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n//evil.example",
            "/ /evil.example",
            "\\/evil.example",
            "/\u{0}/evil.example",
            "/\u{2028}/evil.example",
            "javascript:x",
            "evil.example",
        ] {
            assert_eq!(safe_return_path(Some(bad)), "/", "{bad:?}");
        }
    }

    #[test]
    fn a_token_is_read_from_the_fragment() {
        assert_eq!(token_from_fragment("#token=abc.def&expires_in=7200").as_deref(), Some("abc.def"));
        assert_eq!(token_from_fragment("#access_token=xyz").as_deref(), Some("xyz"));
        assert_eq!(token_from_fragment("#section-2"), None);
        assert_eq!(token_from_fragment("#token="), None);
        assert_eq!(token_from_fragment("#token=a b"), None);
    }
}
