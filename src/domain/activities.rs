//! Where an activity's sign-up stands for a worker, in China time.

use super::time::ChinaTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignupPhase {
    /// Signing up is possible; `Some(n)` seats are left, `None` without a limit.
    Open(Option<u32>),
    /// The worker has signed up; cancelling is possible until the deadline.
    SignedUp {
        can_cancel: bool,
    },
    Full,
    /// The deadline has passed (or the activity is over).
    Closed,
}

impl SignupPhase {
    /// A deadline or end that cannot be read leaves signing up open: the backend has the last word.
    pub fn of(
        deadline: Option<&str>,
        ends_at: Option<&str>,
        seats_left: Option<u32>,
        signed_up: bool,
        now: &ChinaTime,
    ) -> Self {
        let passed = |t: Option<&str>| {
            t.and_then(ChinaTime::parse_rfc3339).is_some_and(|t| t.unix_millis < now.unix_millis)
        };
        let closed = passed(deadline) || passed(ends_at);
        match (signed_up, closed, seats_left) {
            (true, closed, _) => Self::SignedUp { can_cancel: !closed },
            (false, true, _) => Self::Closed,
            (false, false, Some(0)) => Self::Full,
            (false, false, left) => Self::Open(left),
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Open(Some(left)) => format!("报名中 · 剩 {left} 个名额"),
            Self::Open(None) => "报名中".into(),
            Self::SignedUp { .. } => "已报名".into(),
            Self::Full => "名额已满".into(),
            Self::Closed => "报名已截止".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> ChinaTime {
        ChinaTime::parse_rfc3339(text).unwrap()
    }

    const DEADLINE: Option<&str> = Some("2026-12-26T18:00:00+08:00");
    const ENDS: Option<&str> = Some("2026-12-30T20:30:00+08:00");

    #[test]
    fn the_deadline_closes_signing_up_and_cancelling() {
        let before = at("2026-12-26T17:59:00+08:00");
        let after = at("2026-12-26T10:01:00Z");
        assert_eq!(SignupPhase::of(DEADLINE, ENDS, Some(5), false, &before), SignupPhase::Open(Some(5)));
        assert_eq!(SignupPhase::of(DEADLINE, ENDS, Some(5), false, &after), SignupPhase::Closed);
        assert_eq!(
            SignupPhase::of(DEADLINE, ENDS, Some(5), true, &before),
            SignupPhase::SignedUp { can_cancel: true }
        );
        assert_eq!(
            SignupPhase::of(DEADLINE, ENDS, Some(5), true, &after),
            SignupPhase::SignedUp { can_cancel: false }
        );
        assert_eq!(
            SignupPhase::of(None, ENDS, None, false, &at("2027-01-01T00:00:00+08:00")),
            SignupPhase::Closed
        );
    }

    #[test]
    fn seats_decide_before_the_deadline() {
        let now = at("2026-12-01T09:00:00+08:00");
        assert_eq!(SignupPhase::of(DEADLINE, ENDS, Some(0), false, &now), SignupPhase::Full);
        assert_eq!(
            SignupPhase::of(DEADLINE, ENDS, Some(0), true, &now),
            SignupPhase::SignedUp { can_cancel: true }
        );
        assert_eq!(SignupPhase::of(DEADLINE, ENDS, None, false, &now).label(), "报名中");
        assert_eq!(SignupPhase::of(DEADLINE, ENDS, Some(3), false, &now).label(), "报名中 · 剩 3 个名额");
        assert_eq!(SignupPhase::of(Some("下周"), None, None, false, &now), SignupPhase::Open(None));
    }
}
