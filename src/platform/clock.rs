//! The current time, as the programme counts it: China time (UTC+8).

use crate::domain::time::ChinaTime;

/// Now, from the browser's clock, whatever the phone's time zone.
pub fn now() -> ChinaTime {
    ChinaTime::from_unix_millis(js_sys::Date::now() as i64)
}

/// China time now, to the minute, following the clock while the calling
/// component is shown; its timer stops when the component is left.
pub fn use_minute_clock() -> leptos::prelude::Signal<ChinaTime> {
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use wasm_bindgen::{closure::Closure, JsCast};

    let minute = RwSignal::new(current_minute());
    // A check every few seconds turns a new minute into one update, soon after it begins.
    let check = Closure::<dyn FnMut()>::new(move || {
        let now = current_minute();
        if minute.try_get_untracked().is_some_and(|shown| shown != now) {
            minute.try_set(now);
        }
    });
    let timer = window()
        .set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), 5_000);
    // The timer and its closure go with the component: leptos' own interval
    // helper would keep the closure for ever, one per visit.
    let check = SendWrapper::new(check);
    on_cleanup(move || {
        if let Ok(timer) = timer {
            window().clear_interval_with_handle(timer);
        }
        drop(check);
    });
    Signal::derive(move || ChinaTime::from_unix_millis(minute.get() * 60_000))
}

fn current_minute() -> i64 {
    (js_sys::Date::now() as i64).div_euclid(60_000)
}
