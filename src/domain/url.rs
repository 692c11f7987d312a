//! Which links and image sources the app follows: http(s) and its own paths only.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::decimal::fixed;

/// Everything but `A–Z a–z 0–9 - _ ~` is encoded, `.` and `/` included.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// Returns the URL if it is safe to put in `href` or `src`: an absolute
/// http(s) URL or a path on this site. `javascript:`, `data:` and the like are refused.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let allowed = lower.starts_with("https://") || lower.starts_with("http://") || is_local_path(url);
    (allowed && !has_hidden_tricks(url)).then_some(url)
}

/// A path on this site: one leading slash, not `//host` nor `/\host` (browsers
/// read a backslash as a slash), and nothing a browser would silently strip.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !has_hidden_tricks(path)
}

/// Characters that make a URL mean something other than it looks: browsers drop
/// tabs and newlines (`/\t/evil` becomes `//evil`) and turn `\` into `/`.
fn has_hidden_tricks(url: &str) -> bool {
    url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// A `tel:` link for a phone number, keeping only what a dialler understands.
pub fn tel_link(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    (digits.len() >= 3).then(|| format!("tel:{digits}"))
}

/// Percent-encodes text for one URL path segment or query value, so an id taken
/// from the address bar cannot reach another endpoint (`../me`, `a/b`, `?x`).
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

/// The value of `name` in a raw query string (`?q=%2520&kind=online`), decoded
/// exactly once, as a form is (`+` is a space). The last one wins when repeated.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    let decode = |text: &str| percent_decode_str(&text.replace('+', " ")).decode_utf8_lossy().into_owned();
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .filter(|(key, _)| decode(key) == name)
        .map(|(_, value)| decode(value))
        .next_back()
}

/// A query string (`?q=%2520`) from pairs, each value encoded once; empty
/// values are left out, and no pairs give "".
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let encoded: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value)))
        .collect();
    if encoded.is_empty() {
        String::new()
    } else {
        format!("?{}", encoded.join("&"))
    }
}

/// The app's own link to one item of a section, e.g. `item_path("/stories", id)`.
/// The backend's id becomes one percent-encoded path segment, whatever it holds.
pub fn item_path(section: &str, id: &str) -> String {
    format!("{section}/{}", percent_encode(id))
}

/// The sign-in page, coming back to `next` (a path of this app) afterwards.
pub fn login_path(next: &str) -> String {
    format!("/login?next={}", percent_encode(next))
}

/// The path an app is served under, from its document's base URL (`<base href>`
/// in index.html): `""` at a site's root, `"/youxin"` for `https://host/youxin/`.
pub fn base_path_of(base_uri: &str) -> String {
    let after_scheme = base_uri.split_once("://").map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // The base names a folder; a file name after its last slash is not part of it.
    let folder = path.rfind('/').map_or("", |at| &path[..at]);
    folder.to_owned()
}

/// An app path (`/services/svc-01`) as a link under the base path the app is served at.
pub fn under_base(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The app path of an address path: the base the app is served under taken off
/// (`/youxin/services` → `/services`, `/youxin` → `/`).
pub fn app_path<'a>(base: &str, path: &'a str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// A link that opens AMap (高德地图: the app if installed, else its web page)
/// with a route to a GCJ-02 point by e-bike.
pub fn amap_route_link(lat: f64, lng: f64, name: &str) -> String {
    format!(
        "https://uri.amap.com/navigation?to={},{},{}&mode=ride&coordinate=gaode&callnative=1&src=youxin",
        fixed(lng, 6),
        fixed(lat, 6),
        percent_encode(name)
    )
}

/// Where 微信登录 goes: the backend's OAuth `start` (http or https only) with
/// `return=<back_to>` added; `None` for any other scheme.
pub fn wechat_login_link(start: &str, back_to: &str) -> Option<String> {
    let start = safe_link(start.trim())?;
    let joint = if start.contains('?') { '&' } else { '?' };
    Some(format!("{start}{joint}return={}", percent_encode(back_to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_path_is_the_folder_of_the_base_url() {
        assert_eq!(base_path_of("https://host.cn/"), "");
        assert_eq!(base_path_of("http://127.0.0.1:4173/"), "");
        assert_eq!(base_path_of("https://host.cn/youxin/"), "/youxin");
        assert_eq!(base_path_of("https://host.cn/a/b/?x=1#y"), "/a/b");
        assert_eq!(base_path_of("https://host.cn/youxin/index.html"), "/youxin");
        assert_eq!(base_path_of("https://host.cn"), "");
    }

    #[test]
    fn app_paths_live_under_the_base_and_come_back_from_it() {
        assert_eq!(under_base("", "/services"), "/services");
        assert_eq!(under_base("/youxin", "/services/svc-01"), "/youxin/services/svc-01");
        assert_eq!(under_base("/youxin", "/"), "/youxin/");
        assert_eq!(app_path("/youxin", "/youxin/services"), "/services");
        assert_eq!(app_path("/youxin", "/youxin/"), "/");
        assert_eq!(app_path("/youxin", "/youxin"), "/");
        assert_eq!(app_path("/youxin", "/youxinx/a"), "/youxinx/a", "a longer name is not under the base");
        assert_eq!(app_path("", "/stories"), "/stories");
    }

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
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example\u{7}",
            "https://evil.example\\@good.cn",
            "https://good.cn/a b",
            "/a\u{3000}b",
            "/\u{85}/evil",
        ] {
            assert_eq!(safe_link(url), None, "{url}");
        }
    }

    #[test]
    fn ids_cannot_escape_their_path_segment() {
        assert_eq!(percent_encode("svc-01"), "svc-01");
        assert_eq!(percent_encode("../me"), "%2E%2E%2Fme");
        assert_eq!(percent_encode("a?b#c"), "a%3Fb%23c");
        assert_eq!(percent_encode("驿"), "%E9%A9%BF");
    }

    #[test]
    fn a_query_value_is_decoded_once() {
        assert_eq!(query_value("?q=%2520&kind=online", "q").as_deref(), Some("%20"));
        assert_eq!(query_value("q=a+b%2Bc", "q").as_deref(), Some("a b+c"));
        assert_eq!(query_value("q=%E9%A9%BF%E7%AB%99", "q").as_deref(), Some("驿站"));
        assert_eq!(query_value("?q=1&q=2", "q").as_deref(), Some("2"));
        assert_eq!(query_value("?flag&x=1", "flag").as_deref(), Some(""));
        assert_eq!(query_value("?q=%E0%A4%A", "q").as_deref(), Some("\u{FFFD}%A"));
        assert_eq!(query_value("?quick=1", "q"), None);
        assert_eq!(query_value("", "q"), None);
    }

    #[test]
    fn what_is_typed_survives_the_address_bar() {
        for typed in ["%20", "100%", "a+b", "a&b=c", "驿站 夜间", "%E9%A9%BF", "#1?"] {
            let query = query_string(&[("q", typed), ("category", "")]);
            assert_eq!(query_value(&query, "q").as_deref(), Some(typed), "{query}");
            assert_eq!(query_value(&query, "category"), None);
        }
        assert_eq!(query_string(&[("q", "")]), "");
    }

    #[test]
    fn item_links_keep_the_id_in_one_segment_and_the_return_path_in_one_value() {
        assert_eq!(item_path("/stories", "st-01"), "/stories/st-01");
        let odd = item_path("/stories", "a/b?c#d 空格");
        assert_eq!(odd, "/stories/a%2Fb%3Fc%23d%20%E7%A9%BA%E6%A0%BC");
        assert_eq!(odd.matches('/').count(), 2, "no slash of the id survives");
        assert_eq!(
            login_path(&odd),
            "/login?next=%2Fstories%2Fa%252Fb%253Fc%2523d%2520%25E7%25A9%25BA%25E6%25A0%25BC"
        );
        assert!(!login_path("/courses/x&next=//evil").contains('&'));
    }

    #[test]
    fn the_route_link_carries_the_gcj02_point_and_name() {
        assert_eq!(
            amap_route_link(28.84, 108.77, "玉柱 驿站"),
            "https://uri.amap.com/navigation?to=108.770000,28.840000,%E7%8E%89%E6%9F%B1%20%E9%A9%BF%E7%AB%99&mode=ride&coordinate=gaode&callnative=1&src=youxin"
        );
    }

    #[test]
    fn phone_numbers_become_dialable() {
        assert_eq!(tel_link("023-7555 1234").as_deref(), Some("tel:02375551234"));
        assert_eq!(tel_link("暂无"), None);
    }

    #[test]
    fn wechat_login_comes_back_to_the_page() {
        assert_eq!(
            wechat_login_link("https://api.example.cn/wx/start", "https://app.example.cn/points?x=1")
                .as_deref(),
            Some("https://api.example.cn/wx/start?return=https%3A%2F%2Fapp%2Eexample%2Ecn%2Fpoints%3Fx%3D1")
        );
        assert_eq!(
            wechat_login_link(" https://api.example.cn/wx?app=1 ", "https://a.cn/").as_deref(),
            Some("https://api.example.cn/wx?app=1&return=https%3A%2F%2Fa%2Ecn%2F")
        );
        assert_eq!(wechat_login_link("javascript:alert(1)", "https://a.cn/"), None);
    }
}
