//! Where a campaign stands in time, in China time whatever the phone's zone.

use super::time::ChinaTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignPhase {
    Upcoming,
    Running,
    Ended,
}

impl CampaignPhase {
    /// A campaign without readable dates is taken as open: the backend has the last word.
    pub fn of(starts_at: Option<&str>, ends_at: Option<&str>, now: &ChinaTime) -> Self {
        let parse = |t: Option<&str>| t.and_then(ChinaTime::parse_rfc3339).map(|t| t.unix_millis);
        let now = now.unix_millis;
        if parse(ends_at).is_some_and(|end| end < now) {
            Self::Ended
        } else if parse(starts_at).is_some_and(|start| start > now) {
            Self::Upcoming
        } else {
            Self::Running
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Upcoming => "即将开始",
            Self::Running => "进行中",
            Self::Ended => "已结束",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> ChinaTime {
        ChinaTime::parse_rfc3339(text).unwrap()
    }

    #[test]
    fn the_phase_follows_the_clock_in_china_time() {
        let (start, end) = (Some("2026-12-06T09:30:00+08:00"), Some("2026-12-06T11:30:00+08:00"));
        assert_eq!(CampaignPhase::of(start, end, &at("2026-12-06T01:00:00Z")), CampaignPhase::Upcoming);
        assert_eq!(CampaignPhase::of(start, end, &at("2026-12-06T02:00:00Z")), CampaignPhase::Running);
        assert_eq!(CampaignPhase::of(start, end, &at("2026-12-06T11:31:00+08:00")), CampaignPhase::Ended);
    }

    #[test]
    fn unreadable_dates_leave_the_campaign_open() {
        let now = at("2026-12-06T10:00:00+08:00");
        assert_eq!(CampaignPhase::of(Some("下周六"), Some("??"), &now), CampaignPhase::Running);
        assert_eq!(CampaignPhase::of(None, None, &now), CampaignPhase::Running);
    }
}
