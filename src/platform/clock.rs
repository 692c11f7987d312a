//! The current time, as the programme counts it: China time (UTC+8).

use crate::domain::time::ChinaTime;

/// Now, from the browser's clock, whatever the phone's time zone.
pub fn now() -> ChinaTime {
    ChinaTime::from_unix_millis(js_sys::Date::now() as i64)
}

pub fn now_rfc3339_china() -> String {
    now().to_rfc3339()
}
