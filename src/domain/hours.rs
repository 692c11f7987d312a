//! Opening hours: is a station open now, and when does that change.
//!
//! Everything is computed in minutes of the China-time week (Monday 00:00 = 0),
//! so a span past midnight (20:00–06:00) is simply one that ends the next day.

use super::time::{weekday_label, ChinaTime};
use crate::api::model::OpeningHours;

const DAY: u32 = 24 * 60;
const WEEK: u32 = 7 * DAY;

/// Whether a place is open at a moment, and until when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    AlwaysOpen,
    /// Open now; closes at this minute of the week.
    OpenUntil(u32),
    /// Closed now; opens at this minute of the week.
    ClosedUntil(u32),
    /// Closed, with no opening hours at all.
    NeverOpen,
}

impl OpenState {
    pub fn is_open(&self) -> bool {
        matches!(self, OpenState::AlwaysOpen | OpenState::OpenUntil(_))
    }

    /// "24 小时开放", "营业中 · 21:00 关门", "已休息 · 明天 08:00 开门".
    pub fn label(&self, now: &ChinaTime) -> String {
        match self {
            OpenState::AlwaysOpen => "24 小时开放".into(),
            OpenState::OpenUntil(at) => format!("营业中 · {} 关门", when(*at, now)),
            OpenState::ClosedUntil(at) => format!("已休息 · {} 开门", when(*at, now)),
            OpenState::NeverOpen => "暂停开放".into(),
        }
    }
}

/// "HH:MM" to minutes since midnight; "24:00" is the end of the day. Only
/// ASCII digits count (`u32::from_str` would also take "+8").
fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let number = |part: &str| {
        let valid = (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        valid.then(|| part.parse::<u32>().ok()).flatten()
    };
    let (h, m) = (number(h)?, number(m)?);
    (h < 24 && m < 60 || h == 24 && m == 0).then_some(h * 60 + m)
}

/// The open intervals of the week as [start, end) minutes; an end past the
/// week's end wraps into next Monday.
fn intervals(hours: &OpeningHours) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for span in &hours.spans {
        let (Some(opens), Some(closes)) = (parse_clock(&span.opens), parse_clock(&span.closes)) else {
            continue;
        };
        // Equal times mean round the clock on that day; an earlier close runs into the next day.
        let length = if closes > opens { closes - opens } else { closes + DAY - opens };
        for &day in span.days.iter().filter(|d| (1..=7).contains(*d)) {
            let start = u32::from(day - 1) * DAY + opens;
            out.push((start, start + length));
        }
    }
    out
}

fn minute_of_week(t: &ChinaTime) -> u32 {
    u32::from(t.weekday - 1) * DAY + u32::from(t.hour) * 60 + u32::from(t.minute)
}

fn open_at(intervals: &[(u32, u32)], minute: u32) -> bool {
    let minute = minute % WEEK;
    intervals
        .iter()
        .any(|&(start, end)| (start..end).contains(&minute) || (start..end).contains(&(minute + WEEK)))
}

/// Whether the place is open at `now`, and the next moment that changes.
pub fn state_at(hours: &OpeningHours, now: &ChinaTime) -> OpenState {
    if hours.always_open {
        return OpenState::AlwaysOpen;
    }
    let intervals = intervals(hours);
    if intervals.is_empty() {
        return OpenState::NeverOpen;
    }
    let minute = minute_of_week(now);
    let open = open_at(&intervals, minute);
    // The state can only change at an interval's edge: the nearest edge ahead
    // where it differs is the change. (A search, not a sort: no sorting code
    // in the stations' download for lists of a few edges.)
    let mut change: Option<u32> = None;
    let edges = intervals.iter().flat_map(|&(start, end)| [start % WEEK, end % WEEK]);
    for ahead in edges.map(|edge| (edge + WEEK - minute) % WEEK).filter(|&ahead| ahead > 0) {
        if change.is_none_or(|nearest| ahead < nearest) && open_at(&intervals, minute + ahead) != open {
            change = Some(ahead);
        }
    }
    match change {
        Some(ahead) if open => OpenState::OpenUntil((minute + ahead) % WEEK),
        Some(ahead) => OpenState::ClosedUntil((minute + ahead) % WEEK),
        // Open at every edge: the spans cover the whole week.
        None if open => OpenState::AlwaysOpen,
        None => OpenState::NeverOpen,
    }
}

/// A minute of the week relative to now: "21:00", "明天 08:00", "周一 08:00",
/// and "下周一 08:00" for today's weekday a week ahead.
fn when(minute: u32, now: &ChinaTime) -> String {
    let day = minute / DAY + 1;
    let clock = format!("{:02}:{:02}", minute % DAY / 60, minute % 60);
    let today = u32::from(now.weekday);
    if day == today && minute <= minute_of_week(now) {
        format!("下{} {clock}", weekday_label(day as u8))
    } else if day == today {
        clock
    } else if day == today % 7 + 1 {
        format!("明天 {clock}")
    } else {
        format!("{} {clock}", weekday_label(day as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::OpeningSpan;

    fn hours(spans: &[(&[u8], &str, &str)]) -> OpeningHours {
        OpeningHours {
            always_open: false,
            spans: spans
                .iter()
                .map(|(days, opens, closes)| OpeningSpan {
                    days: days.to_vec(),
                    opens: (*opens).into(),
                    closes: (*closes).into(),
                })
                .collect(),
            note: None,
        }
    }

    /// 2026-11-30 is a Monday.
    fn at(day_of_month: u8, clock: &str) -> ChinaTime {
        ChinaTime::parse_rfc3339(&format!("2026-11-{day_of_month:02}T{clock}:00+08:00")).unwrap()
    }

    const EVERY_DAY: &[u8] = &[1, 2, 3, 4, 5, 6, 7];

    #[test]
    fn a_day_station_is_open_in_its_hours_and_says_when_it_closes() {
        let h = hours(&[(EVERY_DAY, "08:00", "21:00")]);
        let noon = at(30, "12:00");
        let state = state_at(&h, &noon);
        assert!(state.is_open());
        assert_eq!(state.label(&noon), "营业中 · 21:00 关门");
        let late = at(30, "21:00");
        assert_eq!(state_at(&h, &late).label(&late), "已休息 · 明天 08:00 开门");
        let early = at(30, "07:59");
        assert_eq!(state_at(&h, &early).label(&early), "已休息 · 08:00 开门");
    }

    #[test]
    fn a_night_station_is_open_past_midnight() {
        let h = hours(&[(EVERY_DAY, "20:00", "06:00")]);
        let night = at(30, "23:30");
        assert_eq!(state_at(&h, &night).label(&night), "营业中 · 明天 06:00 关门");
        let small_hours = at(30, "03:00");
        assert_eq!(state_at(&h, &small_hours).label(&small_hours), "营业中 · 06:00 关门");
        let day = at(30, "12:00");
        assert_eq!(state_at(&h, &day).label(&day), "已休息 · 20:00 开门");
    }

    #[test]
    fn sunday_night_runs_into_monday_morning() {
        let h = hours(&[(&[7], "20:00", "06:00")]);
        // 2026-11-30 is a Monday: 02:00 is still Sunday's shift.
        assert!(state_at(&h, &at(30, "02:00")).is_open());
        let after = at(30, "07:00");
        assert_eq!(state_at(&h, &after).label(&after), "已休息 · 周日 20:00 开门");
    }

    #[test]
    fn closed_days_are_skipped_to_the_next_opening() {
        // Monday to Saturday only; Sunday evening → Monday morning.
        let h = hours(&[(&[1, 2, 3, 4, 5, 6], "09:00", "18:00")]);
        let saturday_evening = at(28, "19:00");
        assert_eq!(state_at(&h, &saturday_evening).label(&saturday_evening), "已休息 · 周一 09:00 开门");
        let sunday = at(29, "10:00");
        assert_eq!(state_at(&h, &sunday).label(&sunday), "已休息 · 明天 09:00 开门");
    }

    #[test]
    fn round_the_clock_in_either_form() {
        let flagged = OpeningHours { always_open: true, ..Default::default() };
        assert_eq!(state_at(&flagged, &at(30, "04:00")), OpenState::AlwaysOpen);
        let spans = hours(&[(EVERY_DAY, "00:00", "24:00")]);
        assert_eq!(state_at(&spans, &at(30, "04:00")), OpenState::AlwaysOpen);
    }

    #[test]
    fn adjoining_spans_close_at_the_end_of_the_last_one() {
        let h = hours(&[(&[1], "08:00", "12:00"), (&[1], "12:00", "18:00")]);
        let morning = at(30, "09:00");
        assert_eq!(state_at(&h, &morning).label(&morning), "营业中 · 18:00 关门");
    }

    #[test]
    fn spans_in_any_order_change_at_the_nearest_edge_that_changes_the_state() {
        // Listed out of time order, two of them overlapping: 10:00 ends one
        // span while another still runs, so it changes nothing.
        let h = hours(&[(&[1], "14:00", "18:00"), (&[1], "09:00", "12:00"), (&[1], "08:00", "10:00")]);
        let early = at(30, "07:00");
        assert_eq!(state_at(&h, &early).label(&early), "已休息 · 08:00 开门");
        let morning = at(30, "09:30");
        assert_eq!(state_at(&h, &morning).label(&morning), "营业中 · 12:00 关门");
        let lunch = at(30, "12:30");
        assert_eq!(state_at(&h, &lunch).label(&lunch), "已休息 · 14:00 开门");
        let evening = at(30, "18:00");
        assert_eq!(state_at(&h, &evening).label(&evening), "已休息 · 下周一 08:00 开门");
    }

    #[test]
    fn the_phones_time_zone_does_not_matter() {
        let h = hours(&[(EVERY_DAY, "08:00", "21:00")]);
        // The same instant written in UTC and in New York time: 22:30 in China.
        let utc = ChinaTime::parse_rfc3339("2026-11-30T14:30:00Z").unwrap();
        let new_york = ChinaTime::parse_rfc3339("2026-11-30T09:30:00-05:00").unwrap();
        assert_eq!(state_at(&h, &utc), state_at(&h, &new_york));
        assert!(!state_at(&h, &utc).is_open());
    }

    #[test]
    fn no_or_garbled_hours_mean_closed() {
        assert_eq!(state_at(&hours(&[]), &at(30, "12:00")), OpenState::NeverOpen);
        let garbled = hours(&[(EVERY_DAY, "8点", "25:00"), (&[9], "08:00", "10:00")]);
        assert_eq!(state_at(&garbled, &at(30, "12:00")), OpenState::NeverOpen);
        for (opens, closes) in
            [("08:0０", "20:00"), ("+8:00", "20:00"), ("08:00", "20:000"), ("８:00", "20:00")]
        {
            let odd = hours(&[(EVERY_DAY, opens, closes)]);
            assert_eq!(state_at(&odd, &at(30, "12:00")), OpenState::NeverOpen, "{opens}–{closes}");
        }
    }
}
