//! The outbox: reports that have left the form but not yet reached the
//! backend. Each item goes queued → sending → sent, or back to waiting (retry
//! later with backoff, or until the worker signs in again), or stops as
//! rejected with the backend's reason. Its idempotency key is made once, so
//! however often it is sent the backend files one report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::report::{DraftPhoto, ReportDraft};
use crate::api::ApiError;

/// The first retry waits this long; each further one twice as long…
const BACKOFF_FIRST_MS: i64 = 2_000;
/// …up to this.
const BACKOFF_MAX_MS: i64 = 5 * 60_000;
/// Sent items are kept this long (to say 已提交 on the form), then forgotten.
const KEEP_SENT_MS: i64 = 24 * 3_600_000;

/// Where an item stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting for its first try, or due again.
    #[default]
    Queued,
    /// A try is under way. Found so at start, the tab was closed mid-try.
    Sending,
    /// The last try failed in a way that may pass (no network, 5xx, timeout).
    RetryLater { at_ms: i64, reason: String },
    /// The backend wants a fresh sign-in; sent once the worker has signed in.
    WaitingForSignIn,
    /// The backend refused it for good (4xx); it will not be sent again.
    Rejected { reason: String },
    /// The backend has it.
    Sent { report_id: String },
}

/// How a try ended, as far as the outbox is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Retry(String),
    SignIn,
    Reject(String),
}

impl Failure {
    /// 401 waits for sign-in; any other 4xx but 408 and 429 is final; the rest
    /// (no network, timeouts, 5xx, a garbled answer) is tried again.
    pub fn of(error: &ApiError) -> Self {
        match error {
            ApiError::Http { status: 401, .. } => Failure::SignIn,
            ApiError::Http { status, .. } if (400..500).contains(status) && !error.is_retryable() => {
                Failure::Reject(error.user_message())
            }
            _ => Failure::Retry(error.user_message()),
        }
    }
}

/// One report on its way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboxItem {
    /// The `Idempotency-Key`: made once when the report is submitted.
    pub key: String,
    pub report: ReportDraft,
    /// Upload ids the backend confirmed, by local photo id: never uploaded twice.
    pub uploads: BTreeMap<String, String>,
    pub state: OutboxState,
    /// Tries so far.
    pub attempts: u32,
    pub created_at_ms: i64,
}

impl OutboxItem {
    pub fn new(key: String, report: ReportDraft, now_ms: i64) -> Self {
        Self { key, report, created_at_ms: now_ms, ..Self::default() }
    }

    /// Whether a try may start now.
    pub fn is_due(&self, now_ms: i64) -> bool {
        match &self.state {
            OutboxState::Queued => true,
            OutboxState::RetryLater { at_ms, .. } => *at_ms <= now_ms,
            _ => false,
        }
    }

    /// Starts a try if one is due; `false` leaves the item as it was.
    pub fn begin(&mut self, now_ms: i64) -> bool {
        if !self.is_due(now_ms) {
            return false;
        }
        self.state = OutboxState::Sending;
        self.attempts += 1;
        true
    }

    /// The next photo that has no confirmed upload yet.
    pub fn next_upload(&self) -> Option<&DraftPhoto> {
        self.report.photos.iter().find(|photo| !self.uploads.contains_key(&photo.id))
    }

    pub fn photo_uploaded(&mut self, photo_id: &str, upload_id: String) {
        self.uploads.insert(photo_id.to_owned(), upload_id);
    }

    /// A photo whose bytes are gone from the phone (storage cleared): the
    /// report goes without it rather than never.
    pub fn photo_missing(&mut self, photo_id: &str) {
        self.report.photos.retain(|photo| photo.id != photo_id);
    }

    /// The backend's upload ids, in the order of the photos.
    pub fn upload_ids(&self) -> Vec<String> {
        self.report.photos.iter().filter_map(|photo| self.uploads.get(&photo.id).cloned()).collect()
    }

    pub fn confirmed(&mut self, report_id: String) {
        self.state = OutboxState::Sent { report_id };
    }

    pub fn failed(&mut self, failure: Failure, now_ms: i64) {
        self.state = match failure {
            Failure::Retry(reason) => {
                OutboxState::RetryLater { at_ms: now_ms + backoff_ms(self.attempts), reason }
            }
            Failure::SignIn => OutboxState::WaitingForSignIn,
            Failure::Reject(reason) => OutboxState::Rejected { reason },
        };
    }

    /// The connection is back: what waited for it is due now.
    pub fn network_returned(&mut self) {
        if matches!(self.state, OutboxState::RetryLater { .. }) {
            self.state = OutboxState::Queued;
        }
    }

    /// The worker signed in again: what waited for that is due now.
    pub fn signed_in(&mut self) {
        if self.state == OutboxState::WaitingForSignIn {
            self.state = OutboxState::Queued;
        }
    }

    /// At start: a try that was under way when the tab closed is tried again
    /// (with the same key, so the backend files it once).
    pub fn recover(&mut self) {
        if self.state == OutboxState::Sending {
            self.state = OutboxState::Queued;
        }
    }

    /// Still to be delivered: not sent and not refused for good.
    pub fn is_pending(&self) -> bool {
        !matches!(self.state, OutboxState::Sent { .. } | OutboxState::Rejected { .. })
    }

    /// What "我的上报" says of it.
    pub fn status_label(&self) -> String {
        match &self.state {
            OutboxState::Queued | OutboxState::RetryLater { .. } => "待发送".into(),
            OutboxState::Sending => "发送中".into(),
            OutboxState::WaitingForSignIn => "待发送（请重新登录）".into(),
            OutboxState::Rejected { .. } => "未能提交".into(),
            OutboxState::Sent { .. } => "已提交待审核".into(),
        }
    }
}

/// How long to wait after the `attempts`-th failed try.
pub fn backoff_ms(attempts: u32) -> i64 {
    let doublings = attempts.saturating_sub(1).min(20);
    (BACKOFF_FIRST_MS << doublings).min(BACKOFF_MAX_MS)
}

/// Sixteen random bytes as a version 4 UUID, e.g. `0f8fad5b-d9cb-469f-a165-70867728950e`.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Every report on the phone that has not been forgotten, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outbox {
    pub items: Vec<OutboxItem>,
}

impl Outbox {
    pub fn add(&mut self, item: OutboxItem) {
        // The same key twice is the same report (a double tap that got this far).
        if !self.items.iter().any(|i| i.key == item.key) {
            self.items.push(item);
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut OutboxItem> {
        self.items.iter_mut().find(|i| i.key == key)
    }

    /// The key of the oldest item that may be tried now.
    pub fn next_due(&self, now_ms: i64) -> Option<String> {
        self.items.iter().find(|i| i.is_due(now_ms)).map(|i| i.key.clone())
    }

    /// When the earliest waiting retry falls due, if any.
    pub fn next_wake_ms(&self) -> Option<i64> {
        self.items
            .iter()
            .filter_map(|i| match i.state {
                OutboxState::RetryLater { at_ms, .. } => Some(at_ms),
                _ => None,
            })
            .min()
    }

    pub fn pending_count(&self) -> usize {
        self.items.iter().filter(|i| i.is_pending()).count()
    }

    pub fn recover(&mut self) {
        self.items.iter_mut().for_each(OutboxItem::recover);
    }

    pub fn network_returned(&mut self) {
        self.items.iter_mut().for_each(OutboxItem::network_returned);
    }

    pub fn signed_in(&mut self) {
        self.items.iter_mut().for_each(OutboxItem::signed_in);
    }

    /// Forgets sent items after a day; returns the local photo ids nobody needs any more.
    pub fn prune(&mut self, now_ms: i64) -> Vec<String> {
        let mut freed = Vec::new();
        self.items.retain(|item| {
            let old_and_sent =
                matches!(item.state, OutboxState::Sent { .. }) && now_ms - item.created_at_ms > KEEP_SENT_MS;
            if old_and_sent {
                freed.extend(item.report.photos.iter().map(|p| p.id.clone()));
            }
            !old_and_sent
        });
        freed
    }

    /// Removes an item the worker gave up on (only a refused one); returns its photo ids.
    pub fn remove_rejected(&mut self, key: &str) -> Vec<String> {
        let Some(at) =
            self.items.iter().position(|i| i.key == key && matches!(i.state, OutboxState::Rejected { .. }))
        else {
            return Vec::new();
        };
        self.items.remove(at).report.photos.into_iter().map(|p| p.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(id: &str) -> DraftPhoto {
        DraftPhoto { id: id.into(), width: 1600, height: 1200, bytes: 300_000 }
    }

    fn item() -> OutboxItem {
        let report = ReportDraft {
            category: "道路隐患".into(),
            text: "井盖松动。".into(),
            photos: vec![photo("p1"), photo("p2")],
            ..ReportDraft::default()
        };
        OutboxItem::new("key-1".into(), report, 1_000)
    }

    fn http(status: u16) -> ApiError {
        ApiError::Http { status, code: String::new(), message: String::new() }
    }

    #[test]
    fn a_new_item_is_queued_and_due_at_once() {
        let item = item();
        assert_eq!(item.state, OutboxState::Queued);
        assert!(item.is_due(0));
        assert!(item.is_pending());
        assert_eq!(item.status_label(), "待发送");
    }

    #[test]
    fn a_try_goes_sending_and_a_second_try_cannot_start_meanwhile() {
        let mut item = item();
        assert!(item.begin(1_000));
        assert_eq!(item.state, OutboxState::Sending);
        assert_eq!(item.attempts, 1);
        assert!(!item.begin(1_000), "a double tap or a second wake starts nothing");
        assert_eq!(item.attempts, 1);
        assert_eq!(item.status_label(), "发送中");
    }

    #[test]
    fn photos_confirmed_once_are_not_uploaded_again() {
        let mut item = item();
        item.begin(0);
        assert_eq!(item.next_upload().map(|p| p.id.as_str()), Some("p1"));
        item.photo_uploaded("p1", "upl-9".into());
        assert_eq!(item.next_upload().map(|p| p.id.as_str()), Some("p2"));
        // The second upload fails: the retry starts from it, not from the first.
        item.failed(Failure::Retry("网络".into()), 1_000);
        assert!(item.begin(1_000 + backoff_ms(1)));
        assert_eq!(item.next_upload().map(|p| p.id.as_str()), Some("p2"));
        item.photo_uploaded("p2", "upl-10".into());
        assert_eq!(item.next_upload(), None);
        assert_eq!(item.upload_ids(), vec!["upl-9".to_owned(), "upl-10".to_owned()]);
    }

    #[test]
    fn a_photo_gone_from_the_phone_is_left_out_and_the_report_still_goes() {
        let mut item = item();
        item.photo_uploaded("p2", "upl-2".into());
        item.photo_missing("p1");
        assert_eq!(item.next_upload(), None);
        assert_eq!(item.upload_ids(), vec!["upl-2".to_owned()]);
    }

    #[test]
    fn a_confirmed_report_is_sent_and_no_longer_pending() {
        let mut item = item();
        item.begin(0);
        item.confirmed("rpt-1".into());
        assert_eq!(item.state, OutboxState::Sent { report_id: "rpt-1".into() });
        assert!(!item.is_pending());
        assert!(!item.is_due(i64::MAX));
        assert!(!item.begin(i64::MAX), "never sent twice");
    }

    #[test]
    fn a_passing_failure_waits_with_backoff_then_is_due_again() {
        let mut item = item();
        item.begin(10_000);
        item.failed(Failure::of(&ApiError::Network("offline".into())), 10_000);
        let OutboxState::RetryLater { at_ms, ref reason } = item.state else { panic!("{:?}", item.state) };
        assert_eq!(at_ms, 10_000 + backoff_ms(1));
        assert!(reason.contains("网络"));
        assert!(!item.is_due(at_ms - 1));
        assert!(item.is_due(at_ms));
        assert_eq!(item.status_label(), "待发送");
    }

    #[test]
    fn the_connection_returning_makes_a_waiting_retry_due_at_once() {
        let mut item = item();
        item.begin(0);
        item.failed(Failure::Retry("x".into()), 0);
        assert!(!item.is_due(1));
        item.network_returned();
        assert!(item.is_due(1));
        assert_eq!(item.attempts, 1, "the backoff keeps growing if it fails again");
    }

    #[test]
    fn which_errors_retry_wait_for_sign_in_or_stop() {
        for retry in [
            ApiError::Network("x".into()),
            ApiError::Timeout(15_000),
            ApiError::Decode("cut off".into()),
            ApiError::Cancelled,
            http(500),
            http(503),
            http(408),
            http(429),
        ] {
            assert!(matches!(Failure::of(&retry), Failure::Retry(_)), "{retry:?}");
        }
        assert_eq!(Failure::of(&http(401)), Failure::SignIn);
        for reject in [400, 403, 404, 409, 413, 415, 422] {
            assert!(matches!(Failure::of(&http(reject)), Failure::Reject(_)), "{reject}");
        }
        let said =
            ApiError::Http {
                status: 400, code: "invalid_report".into(), message: "描述不能为空".into()
            };
        assert_eq!(Failure::of(&said), Failure::Reject("描述不能为空（错误 400）".into()));
    }

    #[test]
    fn a_401_waits_for_sign_in_and_is_not_rejected() {
        let mut item = item();
        item.begin(0);
        item.failed(Failure::SignIn, 0);
        assert_eq!(item.state, OutboxState::WaitingForSignIn);
        assert!(item.is_pending());
        assert!(!item.is_due(i64::MAX), "no retries while signed out");
        item.network_returned();
        assert!(!item.is_due(i64::MAX));
        item.signed_in();
        assert!(item.is_due(0));
    }

    #[test]
    fn a_refusal_stops_retrying_and_keeps_the_reason() {
        let mut item = item();
        item.begin(0);
        item.failed(Failure::Reject("内容不完整（错误 400）".into()), 0);
        assert_eq!(item.state, OutboxState::Rejected { reason: "内容不完整（错误 400）".into() });
        assert!(!item.is_pending());
        item.network_returned();
        item.signed_in();
        assert!(!item.is_due(i64::MAX));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_ms(0), 2_000);
        assert_eq!(backoff_ms(1), 2_000);
        assert_eq!(backoff_ms(2), 4_000);
        assert_eq!(backoff_ms(3), 8_000);
        assert_eq!(backoff_ms(9), BACKOFF_MAX_MS);
        assert_eq!(backoff_ms(u32::MAX), BACKOFF_MAX_MS);
        for n in 1..30 {
            assert!(backoff_ms(n + 1) >= backoff_ms(n));
        }
    }

    #[test]
    fn the_key_survives_retries_and_a_reload() {
        let mut outbox = Outbox::default();
        outbox.add(item());
        let item = outbox.get_mut("key-1").unwrap();
        item.begin(0);
        item.photo_uploaded("p1", "upl-1".into());
        // The tab closes mid-try; the stored outbox is read back at start.
        let stored = serde_json::to_string(&outbox).unwrap();
        let mut reloaded: Outbox = serde_json::from_str(&stored).unwrap();
        reloaded.recover();
        let item = &reloaded.items[0];
        assert_eq!(item.key, "key-1");
        assert_eq!(item.state, OutboxState::Queued);
        assert_eq!(item.uploads.get("p1").map(String::as_str), Some("upl-1"));
        assert_eq!(reloaded.next_due(0).as_deref(), Some("key-1"));
    }

    #[test]
    fn keys_are_version_4_uuids() {
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let key = uuid_v4(*b"0123456789abcdef");
        assert_eq!(key.len(), 36);
        assert_eq!(key.matches('-').count(), 4);
    }

    #[test]
    fn the_same_key_is_one_item() {
        let mut outbox = Outbox::default();
        outbox.add(item());
        outbox.add(item());
        assert_eq!(outbox.items.len(), 1);
    }

    #[test]
    fn the_outbox_knows_what_is_due_and_when_to_wake() {
        let mut outbox = Outbox::default();
        let mut waiting = item();
        waiting.begin(0);
        waiting.failed(Failure::Retry("x".into()), 0);
        outbox.add(waiting);
        let mut second = item();
        second.key = "key-2".into();
        outbox.add(second);
        assert_eq!(outbox.next_due(0).as_deref(), Some("key-2"));
        assert_eq!(outbox.next_wake_ms(), Some(backoff_ms(1)));
        assert_eq!(outbox.pending_count(), 2);
        outbox.get_mut("key-2").unwrap().confirmed("rpt-2".into());
        assert_eq!(outbox.pending_count(), 1);
        assert_eq!(outbox.next_due(0), None);
        assert_eq!(outbox.next_due(backoff_ms(1)).as_deref(), Some("key-1"));
    }

    #[test]
    fn sent_items_are_forgotten_after_a_day_with_their_photos() {
        let mut outbox = Outbox::default();
        let mut sent = item();
        sent.confirmed("rpt-1".into());
        outbox.add(sent);
        let mut waiting = item();
        waiting.key = "key-2".into();
        outbox.add(waiting);
        assert_eq!(outbox.prune(1_000 + KEEP_SENT_MS), Vec::<String>::new());
        assert_eq!(outbox.prune(1_001 + KEEP_SENT_MS), vec!["p1".to_owned(), "p2".to_owned()]);
        assert_eq!(outbox.items.len(), 1);
        assert_eq!(outbox.items[0].key, "key-2", "an unsent item is never forgotten");
    }

    #[test]
    fn only_a_refused_item_can_be_removed() {
        let mut outbox = Outbox::default();
        outbox.add(item());
        assert!(outbox.remove_rejected("key-1").is_empty());
        assert_eq!(outbox.items.len(), 1);
        outbox.get_mut("key-1").unwrap().failed(Failure::Reject("x".into()), 0);
        assert_eq!(outbox.remove_rejected("key-1").len(), 2);
        assert!(outbox.items.is_empty());
    }
}
