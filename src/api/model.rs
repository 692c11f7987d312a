//! The JSON contract's types, as `public/openapi.yaml` describes them.
//!
//! Decoding is tolerant by design: unknown fields are ignored, missing optional
//! fields take their defaults and unknown enum values land in an `Unknown`
//! variant, so a backend that is newer than the app never breaks it. Only the
//! fields a page cannot do without (ids and titles) are required.

use serde::{Deserialize, Serialize};

mod activity;
mod voice;
pub use activity::*;
pub use voice::*;

use super::decode::{lenient, lenient_vec};

/// Programme-wide facts: name, hotline, notices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Site {
    pub name: String,
    pub slogan: String,
    pub hotline: Option<String>,
    pub notices: Vec<Notice>,
    /// True when the data is demonstration data, not the programme's own.
    pub demo: bool,
}

/// What 关于行动 reads of `GET /v1/site`: the parts only that page shows, decoded
/// in its own chunk so that the shell, which reads the site at every start,
/// does not carry their code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Programme {
    pub hotline: Option<String>,
    /// The programme's sub-actions and where each stands.
    #[serde(deserialize_with = "lenient_vec")]
    pub sub_actions: Vec<SubAction>,
    #[serde(deserialize_with = "lenient")]
    pub contact: Option<Contact>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubAction {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub state: SubActionState,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubActionState {
    Planned,
    InProgress,
    Done,
    #[default]
    #[serde(other)]
    Unknown,
}

/// Who runs the programme and how to reach them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub organisation: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub published_at: Option<String>,
}

/// One of the 25 published services.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub title: String,
    /// Position in the published list (1–25).
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub summary: String,
    /// Department or organisation that provides it.
    #[serde(default)]
    pub provider: String,
    /// Who it is for, in a sentence.
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub access: ServiceAccess,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// How to get a service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceAccess {
    pub place: Option<String>,
    pub hours: Option<String>,
    pub phone: Option<String>,
    pub steps: Vec<String>,
    /// An http(s) page with more about it, if any.
    pub url: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseKind {
    #[default]
    Online,
    Offline,
    Competition,
    #[serde(other)]
    Unknown,
}

/// A course in the catalogue: an online micro-course, an offline training
/// session or a skill competition. Fields that do not apply to a kind are absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Course {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kind: CourseKind,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub cover: Option<Image>,
    // Online micro-courses.
    #[serde(default)]
    pub lessons: Option<u32>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    /// Where the course is watched or read (http(s) only).
    #[serde(default)]
    pub media_url: Option<String>,
    // Offline sessions and competitions.
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub seats: Option<u32>,
    #[serde(default)]
    pub seats_left: Option<u32>,
    #[serde(default)]
    pub enrol_deadline: Option<String>,
    /// Whether the signed-in worker is already enrolled.
    #[serde(default)]
    pub enrolled: bool,
    // Competitions.
    #[serde(default)]
    pub judged_on: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Enrolment {
    pub id: String,
    pub course_id: String,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
}

/// A story of the column 酉新向党, without its body (as lists carry it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// 新经济组织, 新社会组织 or 新就业群体.
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub cover: Option<Image>,
}

/// A whole story: its summary fields and a body of typed blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    #[serde(flatten)]
    pub summary: StorySummary,
    #[serde(default)]
    pub body: Vec<Block>,
}

/// One block of a story's body. Never HTML: each is rendered as elements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    Quote {
        text: String,
        #[serde(default)]
        cite: Option<String>,
    },
    Image {
        #[serde(flatten)]
        image: Image,
        #[serde(default)]
        caption: Option<String>,
    },
    List {
        items: Vec<String>,
    },
    /// A block type this app does not know yet; skipped when rendering.
    #[serde(other)]
    Unknown,
}

/// A point on the map; defined with the geometry that uses it.
pub use crate::domain::geo::GeoPoint;

/// A rest station (酉新驿站) or night station (星空补给站).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Station {
    pub id: String,
    pub name: String,
    /// Town or subdistrict (镇 / 乡 / 街道).
    #[serde(default)]
    pub town: String,
    #[serde(default)]
    pub address: String,
    /// Who hosts it: a community grid hall, a supermarket, a company…
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// Facility codes, e.g. `hot_water`, `charging`, `microwave`, `medicine_kit`.
    #[serde(default)]
    pub facilities: Vec<String>,
    #[serde(default)]
    pub hours: OpeningHours,
    /// A 星空补给站 that serves night workers.
    #[serde(default)]
    pub night: bool,
    #[serde(default)]
    pub phone: Option<String>,
}

/// Weekly opening hours in China time (UTC+8).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpeningHours {
    /// Open round the clock, every day.
    pub always_open: bool,
    pub spans: Vec<OpeningSpan>,
    /// Free text for people, e.g. holiday arrangements.
    pub note: Option<String>,
}

/// Open from `opens` to `closes` ("HH:MM") on each of `days` (1 = Monday … 7 =
/// Sunday). A `closes` earlier than `opens` runs past midnight into the next day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpeningSpan {
    pub days: Vec<u8>,
    pub opens: String,
    pub closes: String,
}

/// The signed-in worker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone_masked: Option<String>,
    /// 外卖骑手, 快递员, 网约车司机, 网络主播…
    #[serde(default)]
    pub occupation: Option<String>,
    #[serde(default)]
    pub points_balance: i64,
    /// Every point ever earned; levels are counted on it.
    #[serde(default)]
    pub points_earned: i64,
    #[serde(default)]
    pub level: Option<Level>,
}

/// A level of the points scheme and what the next one needs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub name: String,
    /// The `points_earned` at which this level begins.
    #[serde(default)]
    pub floor: i64,
    #[serde(default)]
    pub next_name: Option<String>,
    /// The `points_earned` at which the next level begins; `None` at the top.
    #[serde(default)]
    pub next_at: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: String,
    /// Positive for points earned, negative for points spent.
    pub delta: i64,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub at: Option<String>,
}

/// What earns how many points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PointsRule {
    pub id: String,
    pub action: String,
    pub points: i64,
    #[serde(default)]
    pub description: String,
    /// A cap in words, e.g. "每月最多 10 次".
    #[serde(default)]
    pub limit: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    #[default]
    Pending,
    Accepted,
    Rejected,
    #[serde(other)]
    Unknown,
}

/// A hazard report as the backend keeps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// Where the hazard is, in the worker's words.
    #[serde(default)]
    pub address: Option<String>,
    /// Town or subdistrict (镇 / 乡 / 街道).
    #[serde(default)]
    pub town: Option<String>,
    /// The worker asked not to be named in public.
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub status: ReportStatus,
    #[serde(default)]
    pub points_awarded: Option<i64>,
    /// The reviewer's words, e.g. why a report was not accepted.
    #[serde(default)]
    pub review_note: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

/// A hazard report as the worker sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewReport {
    pub category: String,
    pub text: String,
    /// Ids returned by `POST /v1/uploads`.
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    #[serde(default)]
    pub anonymous: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    /// What the backend stored, in bytes.
    #[serde(default)]
    pub bytes: Option<u64>,
}

/// A civic campaign workers can join for points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub points: i64,
    #[serde(default)]
    pub checked_in: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkin {
    pub id: String,
    pub campaign_id: String,
    #[serde(default)]
    pub points: i64,
    #[serde(default)]
    pub at: Option<String>,
}

/// Something points can be redeemed for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reward {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub cost: i64,
    #[serde(default)]
    pub provider: String,
    /// `health`, `training` or another category.
    #[serde(default)]
    pub category: String,
    /// Left in stock; absent means no limit.
    #[serde(default)]
    pub stock: Option<u32>,
    /// Where the voucher is used, in words.
    #[serde(default)]
    pub place: Option<String>,
    /// Days a voucher stays valid after it is issued.
    #[serde(default)]
    pub valid_days: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedemptionStatus {
    #[default]
    Issued,
    Used,
    Expired,
    #[serde(other)]
    Unknown,
}

/// A redeemed reward, with the voucher code its provider scans.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Redemption {
    pub id: String,
    pub reward_id: String,
    #[serde(default)]
    pub reward_title: String,
    /// Who honours the voucher.
    #[serde(default)]
    pub provider: String,
    /// Where the voucher is used, in words.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub cost: i64,
    pub code: String,
    #[serde(default)]
    pub status: RedemptionStatus,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub expires_at: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SmsCodeRequest {
    pub phone: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub phone: String,
    pub code: String,
}

/// What a successful login returns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthSession {
    pub token: String,
    #[serde(default)]
    pub expires_at: Option<String>,
}

/// The body of every error response: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}
