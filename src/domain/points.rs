//! The points scheme's arithmetic: levels, what a reward still needs, and
//! whether a voucher can still be used.

use crate::api::model::{Level, RedemptionStatus};

use super::time::ChinaTime;

/// How far a worker is on the way to the next level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelProgress {
    /// 0–100, for the progress bar.
    pub percent: u8,
    /// Points still to earn; 0 once reached.
    pub to_go: i64,
    pub next_name: String,
}

/// The way to the next level, or `None` at the top or when the backend's
/// thresholds make no sense (a next level that begins below this one).
pub fn level_progress(earned: i64, level: &Level) -> Option<LevelProgress> {
    let next_at = level.next_at?;
    let span = next_at - level.floor;
    if span <= 0 {
        return None;
    }
    let done = (earned - level.floor).clamp(0, span);
    Some(LevelProgress {
        percent: (done * 100 / span) as u8,
        to_go: (next_at - earned).max(0),
        next_name: level
            .next_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "下一级".into()),
    })
}

/// The level for `earned` points on a ladder of `(name, floor)` steps in
/// rising order, as a backend reports it; the first step when below them all.
pub fn level_on_ladder(earned: i64, ladder: &[(&str, i64)]) -> Option<Level> {
    let reached = ladder.iter().rposition(|(_, floor)| earned >= *floor).unwrap_or(0);
    let (name, floor) = ladder.get(reached)?;
    let next = ladder.get(reached + 1);
    Some(Level {
        name: (*name).to_owned(),
        floor: *floor,
        next_name: next.map(|(name, _)| (*name).to_owned()),
        next_at: next.map(|(_, floor)| *floor),
    })
}

/// Points still missing to afford `cost`; `None` when the balance covers it.
pub fn shortfall(balance: i64, cost: i64) -> Option<i64> {
    (cost > balance).then(|| cost - balance)
}

/// What a voucher is worth now, as the worker and the provider see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoucherState {
    Usable,
    Used,
    Expired,
    /// A status this app does not know; shown without a code to scan.
    Unknown,
}

impl VoucherState {
    /// The backend's status, with an issued voucher past `expires_at` read as
    /// expired even before the backend has marked it so.
    pub fn of(status: RedemptionStatus, expires_at: Option<&str>, now: &ChinaTime) -> Self {
        match status {
            RedemptionStatus::Used => Self::Used,
            RedemptionStatus::Expired => Self::Expired,
            RedemptionStatus::Unknown => Self::Unknown,
            RedemptionStatus::Issued => {
                let expired = expires_at
                    .and_then(ChinaTime::parse_rfc3339)
                    .is_some_and(|end| end.unix_millis < now.unix_millis);
                if expired {
                    Self::Expired
                } else {
                    Self::Usable
                }
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Usable => "未使用",
            Self::Used => "已使用",
            Self::Expired => "已过期",
            Self::Unknown => "状态未知",
        }
    }
}

/// What a stock figure says on a reward's card.
pub fn stock_label(stock: Option<u32>) -> Option<String> {
    match stock {
        None => None,
        Some(0) => Some("售罄".into()),
        Some(left) => Some(format!("剩 {left} 份")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(floor: i64, next_at: Option<i64>) -> Level {
        Level { name: "热心志愿者".into(), floor, next_name: Some("先锋志愿者".into()), next_at }
    }

    #[test]
    fn progress_is_the_share_of_the_way_between_two_levels() {
        let progress = level_progress(350, &level(200, Some(500))).unwrap();
        assert_eq!(progress, LevelProgress { percent: 50, to_go: 150, next_name: "先锋志愿者".into() });
    }

    #[test]
    fn progress_stays_within_the_bar_whatever_the_backend_says() {
        assert_eq!(level_progress(900, &level(200, Some(500))).map(|p| (p.percent, p.to_go)), Some((100, 0)));
        assert_eq!(level_progress(-40, &level(200, Some(500))).map(|p| (p.percent, p.to_go)), Some((0, 540)));
        assert_eq!(level_progress(300, &level(500, Some(500))), None, "an empty span");
        assert_eq!(level_progress(300, &level(500, Some(200))), None, "a next level below this one");
        assert_eq!(level_progress(300, &level(200, None)), None, "the top level");
    }

    #[test]
    fn an_unnamed_next_level_is_still_named() {
        let unnamed = Level { next_name: Some("  ".into()), ..level(0, Some(100)) };
        assert_eq!(level_progress(10, &unnamed).unwrap().next_name, "下一级");
    }

    #[test]
    fn the_ladder_gives_the_highest_step_reached() {
        let ladder = [("新星", 0), ("热心", 200), ("先锋", 500)];
        let at = |earned| level_on_ladder(earned, &ladder).map(|l| (l.name, l.floor, l.next_at));
        assert_eq!(at(0), Some(("新星".into(), 0, Some(200))));
        assert_eq!(at(499), Some(("热心".into(), 200, Some(500))));
        assert_eq!(at(500), Some(("先锋".into(), 500, None)));
        assert_eq!(at(-5), Some(("新星".into(), 0, Some(200))));
        assert_eq!(level_on_ladder(10, &[]), None);
    }

    #[test]
    fn shortfall_is_what_the_balance_lacks() {
        assert_eq!(shortfall(140, 300), Some(160));
        assert_eq!(shortfall(300, 300), None);
        assert_eq!(shortfall(500, 300), None);
    }

    #[test]
    fn an_issued_voucher_past_its_date_is_expired() {
        let now = ChinaTime::parse_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
        let of = |status, until| VoucherState::of(status, until, &now);
        assert_eq!(of(RedemptionStatus::Issued, Some("2026-12-31T23:59:59+08:00")), VoucherState::Usable);
        assert_eq!(of(RedemptionStatus::Issued, Some("2026-11-28T09:59:00+08:00")), VoucherState::Expired);
        assert_eq!(
            of(RedemptionStatus::Issued, Some("明年")),
            VoucherState::Usable,
            "an unreadable date is not a verdict"
        );
        assert_eq!(of(RedemptionStatus::Issued, None), VoucherState::Usable);
        assert_eq!(of(RedemptionStatus::Used, Some("2020-01-01T00:00:00Z")), VoucherState::Used);
        assert_eq!(of(RedemptionStatus::Unknown, None), VoucherState::Unknown);
    }

    #[test]
    fn stock_is_said_in_words() {
        assert_eq!(stock_label(Some(0)).as_deref(), Some("售罄"));
        assert_eq!(stock_label(Some(3)).as_deref(), Some("剩 3 份"));
        assert_eq!(stock_label(None), None);
    }
}
