//! The kiosk at a rest station, shared by strangers: whether the address asks
//! for it, and when a visit is over.

/// How long "N 秒后回到首页" is shown before the visit is forgotten.
pub const COUNTDOWN_SECONDS: u32 = 30;

/// Where an unattended visit stands, `idle_ms` after the last touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    InUse,
    /// The countdown is on screen, this many whole seconds before the reset.
    Countdown {
        seconds_left: u32,
    },
    /// Time is up: forget the visitor and go home.
    Over,
}

/// The phase of a visit whose screen was last touched `idle_ms` ago: in use for
/// `idle_after_seconds`, then a countdown of [`COUNTDOWN_SECONDS`], then over.
pub fn idle_phase(idle_ms: i64, idle_after_seconds: u32) -> IdlePhase {
    let idle_after_ms = i64::from(idle_after_seconds) * 1_000;
    let over_at = idle_after_ms + i64::from(COUNTDOWN_SECONDS) * 1_000;
    if idle_ms < idle_after_ms {
        IdlePhase::InUse
    } else if idle_ms >= over_at {
        IdlePhase::Over
    } else {
        // Rounded up, so the screen never says "0 秒" before the reset.
        let left_ms = over_at - idle_ms;
        IdlePhase::Countdown { seconds_left: ((left_ms + 999) / 1_000) as u32 }
    }
}

/// What a query string says about kiosk mode: `kiosk=1` turns it on for the
/// browser session, `kiosk=0` off; anything else says nothing.
pub fn kiosk_in_query(search: &str) -> Option<bool> {
    search.trim_start_matches('?').split('&').find_map(|pair| match pair {
        "kiosk=1" | "kiosk=true" => Some(true),
        "kiosk=0" | "kiosk=false" => Some(false),
        _ => None,
    })
}

/// A query string without its `kiosk=` pair: the page as a phone should open it.
pub fn without_kiosk_param(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && *pair != "kiosk" && !pair.starts_with("kiosk="))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_is_in_use_then_counts_down_then_is_over() {
        assert_eq!(idle_phase(0, 90), IdlePhase::InUse);
        assert_eq!(idle_phase(89_999, 90), IdlePhase::InUse);
        assert_eq!(idle_phase(90_000, 90), IdlePhase::Countdown { seconds_left: 30 });
        assert_eq!(idle_phase(90_001, 90), IdlePhase::Countdown { seconds_left: 30 });
        assert_eq!(idle_phase(119_000, 90), IdlePhase::Countdown { seconds_left: 1 });
        assert_eq!(idle_phase(119_999, 90), IdlePhase::Countdown { seconds_left: 1 });
        assert_eq!(idle_phase(120_000, 90), IdlePhase::Over);
        assert_eq!(idle_phase(10_000_000, 90), IdlePhase::Over);
    }

    #[test]
    fn the_idle_time_comes_from_the_config() {
        assert_eq!(idle_phase(30_000, 20), IdlePhase::Countdown { seconds_left: 20 });
        assert_eq!(idle_phase(0, 0), IdlePhase::Countdown { seconds_left: 30 });
    }

    #[test]
    fn the_address_turns_kiosk_mode_on_or_off() {
        assert_eq!(kiosk_in_query("?kiosk=1"), Some(true));
        assert_eq!(kiosk_in_query("?q=体检&kiosk=1"), Some(true));
        assert_eq!(kiosk_in_query("?kiosk=0"), Some(false));
        assert_eq!(kiosk_in_query(""), None);
        assert_eq!(kiosk_in_query("?kiosk=yes"), None);
        assert_eq!(kiosk_in_query("?notkiosk=1"), None);
    }

    #[test]
    fn a_phone_gets_the_page_without_kiosk_mode() {
        assert_eq!(without_kiosk_param("?kiosk=1"), "");
        assert_eq!(
            without_kiosk_param("?q=%E4%BD%93&kiosk=1&category=health"),
            "?q=%E4%BD%93&category=health"
        );
        assert_eq!(without_kiosk_param(""), "");
        assert_eq!(without_kiosk_param("?kiosky=2"), "?kiosky=2");
    }
}
