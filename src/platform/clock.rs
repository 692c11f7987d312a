//! The current time, as the programme counts it: China time (UTC+8).

use crate::domain::time::ChinaTime;

/// Now, from the browser's clock, whatever the phone's time zone.
pub fn now() -> ChinaTime {
    ChinaTime::from_unix_millis(js_sys::Date::now() as i64)
}

pub fn now_rfc3339_china() -> String {
    now().to_rfc3339()
}

/// China time now, to the minute, following the clock while the calling
/// component is shown; its timer stops when the component is left.
pub fn use_minute_clock() -> leptos::prelude::Signal<ChinaTime> {
    use leptos::prelude::*;

    let minute = RwSignal::new(current_minute());
    // A check every few seconds turns a new minute into one update, soon after it begins.
    let check = move || {
        let now = current_minute();
        if minute.try_get_untracked().is_some_and(|shown| shown != now) {
            minute.try_set(now);
        }
    };
    if let Ok(handle) = set_interval_with_handle(check, std::time::Duration::from_secs(5)) {
        on_cleanup(move || handle.clear());
    }
    Signal::derive(move || ChinaTime::from_unix_millis(minute.get() * 60_000))
}

fn current_minute() -> i64 {
    (js_sys::Date::now() as i64).div_euclid(60_000)
}
