//! Times in China time (UTC+8), the zone every date in the programme is given in.
//!
//! The phone's own time zone is ignored on purpose: a rider whose phone is set
//! to another zone must still see when a station really opens.

/// China Standard Time has no daylight saving: always UTC+8.
const CHINA_OFFSET_SECONDS: i64 = 8 * 3600;

/// A moment, broken down into China-time calendar fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChinaTime {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub unix_millis: i64,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
}

impl ChinaTime {
    pub fn from_unix_millis(unix_millis: i64) -> Self {
        let local_seconds = unix_millis.div_euclid(1000) + CHINA_OFFSET_SECONDS;
        let days = local_seconds.div_euclid(86_400);
        let seconds_of_day = local_seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        // 1970-01-01 was a Thursday (4).
        let weekday = ((days + 3).rem_euclid(7) + 1) as u8;
        Self {
            unix_millis,
            year,
            month,
            day,
            hour: (seconds_of_day / 3600) as u8,
            minute: (seconds_of_day % 3600 / 60) as u8,
            weekday,
        }
    }

    /// Parses an RFC 3339 time with any offset (`Z` or `±HH:MM`). Anything
    /// else, however mangled (`…:00北京`, `…:00 +8时`), is `None`, never a panic:
    /// every date a backend sends comes through here.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        // Only ASCII is valid, so reading bytes by position cannot split a character.
        let bytes = text.trim().as_bytes();
        let at = |index: usize, expected: &[u8]| bytes.get(index).is_some_and(|b| expected.contains(b));
        if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
            return None;
        }
        let number = |start: usize, len: usize| digits(bytes.get(start..start + len)?);
        let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
        let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
        let valid_day = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
        if !valid_day || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        // Skip fractional seconds, then read the offset.
        let mut rest = &bytes[19..];
        if let Some((b'.', fraction)) = rest.split_first() {
            let length = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if length == 0 {
                return None;
            }
            rest = &fraction[length..];
        }
        let offset_seconds = match rest {
            b"Z" | b"z" => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let (hours, minutes) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let sign = if *sign == b'-' { -1 } else { 1 };
                sign * (hours * 3600 + minutes * 60)
            }
            _ => return None,
        };
        let days = days_from_civil(year as i32, month as u8, day as u8);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
        Some(Self::from_unix_millis(seconds * 1000))
    }

    /// `2026-12-05T14:00:00+08:00`.
    pub fn to_rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:00+08:00",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// `2026年12月5日 周六`.
    pub fn date_label(&self) -> String {
        format!("{}年{}月{}日 {}", self.year, self.month, self.day, weekday_label(self.weekday))
    }

    /// `2026年12月5日 周六 14:00`.
    pub fn date_time_label(&self) -> String {
        format!("{} {:02}:{:02}", self.date_label(), self.hour, self.minute)
    }
}

/// `周一` … `周日` for 1 … 7.
pub fn weekday_label(weekday: u8) -> &'static str {
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        .get(usize::from(weekday.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

/// A time from the contract for people, or `None` if it is not RFC 3339.
pub fn format_date(rfc3339: &str) -> Option<String> {
    ChinaTime::parse_rfc3339(rfc3339).map(|t| t.date_label())
}

/// `2026年12月5日 周六 14:00` for an optional RFC 3339 time; `None` when absent or unreadable.
pub fn format_date_time(rfc3339: Option<&str>) -> Option<String> {
    ChinaTime::parse_rfc3339(rfc3339?).map(|t| t.date_time_label())
}

/// A run of ASCII digits as a number: no sign, no space, no other script's digits.
fn digits(bytes: &[u8]) -> Option<i64> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Days since 1970-01-01 and back, after Howard Hinnant's civil calendar algorithms.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// `2026年12月6日 周日 09:30–11:30`, or both full times when it spans days.
pub fn span_label(starts_at: Option<&str>, ends_at: Option<&str>) -> Option<String> {
    let start = starts_at.and_then(ChinaTime::parse_rfc3339)?;
    let label = match ends_at.and_then(ChinaTime::parse_rfc3339) {
        Some(end) if (end.year, end.month, end.day) == (start.year, start.month, start.day) => {
            format!("{}–{:02}:{:02}", start.date_time_label(), end.hour, end.minute)
        }
        Some(end) if end > start => format!("{} 至 {}", start.date_time_label(), end.date_time_label()),
        _ => start.date_time_label(),
    };
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midnight_utc_is_eight_in_the_morning_in_china() {
        let t = ChinaTime::parse_rfc3339("2026-11-28T00:00:00Z").unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour, t.minute), (2026, 11, 28, 8, 0));
        assert_eq!(t.weekday, 6, "2026-11-28 is a Saturday");
    }

    #[test]
    fn late_evening_utc_is_the_next_day_in_china() {
        let t = ChinaTime::parse_rfc3339("2026-12-31T20:30:00-00:00").unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour, t.minute), (2027, 1, 1, 4, 30));
        assert_eq!(t.weekday, 5);
    }

    #[test]
    fn offsets_are_honoured() {
        let a = ChinaTime::parse_rfc3339("2026-03-01T10:00:00+08:00").unwrap();
        let b = ChinaTime::parse_rfc3339("2026-03-01T02:00:00Z").unwrap();
        let c = ChinaTime::parse_rfc3339("2026-02-28T21:00:00.250-05:00").unwrap();
        assert_eq!(a.unix_millis, b.unix_millis);
        assert_eq!(a.unix_millis, c.unix_millis);
        assert_eq!(a.to_rfc3339(), "2026-03-01T10:00:00+08:00");
    }

    #[test]
    fn leap_days_and_epoch_round_trip() {
        let t = ChinaTime::parse_rfc3339("2024-02-29T12:00:00+08:00").unwrap();
        assert_eq!((t.month, t.day, t.weekday), (2, 29, 4));
        assert_eq!(ChinaTime::from_unix_millis(0).to_rfc3339(), "1970-01-01T08:00:00+08:00");
    }

    #[test]
    fn malformed_times_are_refused() {
        for text in [
            "",
            "2026-11-28",
            "2026-11-28T08:00:00",
            "2026-13-01T00:00:00Z",
            "2026/11/28T00:00:00Z",
            "昨天下午",
            "2026-10-01T08:00:00北京",
            "2026-10-01T08:00:00 +8时",
            "2026-10-01T08:00:00+8时",
            "2026-10-01T08:00:00+08:0０",
            "2026-10-01T08:0０:00Z",
            "２026-10-01T08:00:00Z",
            "2026-10-01T08:00:00.Z",
            "2026-10-01T08:00:00+24:00",
            "2026-10-01T+8:00:00Z",
            "2026-02-30T08:00:00Z",
            "2026-10-01T08:00:00Z junk",
            "2026-10-01T08:00:00+08:00:00",
            "20é6-10-01T08:00:00Z",
            "2026-10-01T08:00:00é",
        ] {
            assert_eq!(ChinaTime::parse_rfc3339(text), None, "{text}");
        }
    }

    #[test]
    fn leap_seconds_and_lowercase_separators_are_read() {
        assert!(ChinaTime::parse_rfc3339("2016-12-31t23:59:60z").is_some());
        assert!(ChinaTime::parse_rfc3339(" 2026-10-01 08:00:00.123456+08:00 ").is_some());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_text_parses_or_is_refused_without_panicking(text in "\\PC*") {
            let _ = ChinaTime::parse_rfc3339(&text);
        }

        #[test]
        fn a_valid_prefix_with_any_tail_never_panics(tail in "\\PC{0,12}") {
            let _ = ChinaTime::parse_rfc3339(&format!("2026-10-01T08:00:00{tail}"));
            let _ = ChinaTime::parse_rfc3339(&format!("2026-10-01T08:{tail}"));
        }

        #[test]
        fn every_real_moment_round_trips(seconds in -2_000_000_000i64..8_000_000_000) {
            let t = ChinaTime::from_unix_millis(seconds * 1000);
            let parsed = ChinaTime::parse_rfc3339(&format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+08:00",
                t.year, t.month, t.day, t.hour, t.minute, seconds.rem_euclid(60)
            ));
            proptest::prop_assert_eq!(parsed.map(|p| p.unix_millis), Some(seconds * 1000));
        }
    }

    #[test]
    fn labels_read_as_chinese_dates() {
        let t = ChinaTime::parse_rfc3339("2026-12-05T06:05:00Z").unwrap();
        assert_eq!(t.date_time_label(), "2026年12月5日 周六 14:05");
        assert_eq!(format_date("not a date"), None);
        assert_eq!(
            format_date_time(Some("2026-12-05T06:05:00Z")).as_deref(),
            Some("2026年12月5日 周六 14:05")
        );
        assert_eq!(format_date_time(Some("明天")), None);
        assert_eq!(format_date_time(None), None);
    }

    #[test]
    fn one_day_shows_one_date_and_two_days_show_both() {
        assert_eq!(
            span_label(Some("2026-12-06T09:30:00+08:00"), Some("2026-12-06T11:30:00+08:00")).as_deref(),
            Some("2026年12月6日 周日 09:30–11:30")
        );
        assert_eq!(
            span_label(Some("2026-12-19T07:00:00+08:00"), Some("2026-12-20T18:00:00+08:00")).as_deref(),
            Some("2026年12月19日 周六 07:00 至 2026年12月20日 周日 18:00")
        );
        assert_eq!(
            span_label(Some("2026-12-19T07:00:00+08:00"), Some("坏")).as_deref(),
            Some("2026年12月19日 周六 07:00")
        );
        assert_eq!(span_label(None, Some("2026-12-19T07:00:00+08:00")), None);
    }
}
