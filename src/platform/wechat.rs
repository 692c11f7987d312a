//! Inside WeChat's own browser, which shows its own title bar above the page.

use super::js;

/// Whether the page is open in WeChat (its user agent says `MicroMessenger`).
pub fn in_wechat() -> bool {
    let navigator = js::get(&js::global(), "navigator");
    js::get(&navigator, "userAgent").as_string().is_some_and(|agent| agent.contains("MicroMessenger"))
}
