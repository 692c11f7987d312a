//! Which links and image sources the app follows: http(s) and its own paths only.

/// Returns the URL if it is safe to put in `href` or `src`: an absolute
/// http(s) URL or a path on this site. `javascript:`, `data:` and the like are refused.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (url.starts_with('/') && !url.starts_with("//"));
    (allowed && !url.chars().any(char::is_control)).then_some(url)
}

/// A `tel:` link for a phone number, keeping only what a dialler understands.
pub fn tel_link(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    (digits.len() >= 3).then(|| format!("tel:{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_links_and_own_paths_pass() {
        assert_eq!(safe_link("https://example.cn/a"), Some("https://example.cn/a"));
        assert_eq!(safe_link(" HTTP://example.cn "), Some("HTTP://example.cn"));
        assert_eq!(safe_link("/demo/img/station.svg"), Some("/demo/img/station.svg"));
    }

    #[test]
    fn script_data_and_protocol_relative_links_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "vbscript:x",
            "https://a\n.cn",
            "ftp://x",
        ] {
            assert_eq!(safe_link(url), None, "{url}");
        }
    }

    #[test]
    fn phone_numbers_become_dialable() {
        assert_eq!(tel_link("023-7555 1234").as_deref(), Some("tel:02375551234"));
        assert_eq!(tel_link("暂无"), None);
    }
}
