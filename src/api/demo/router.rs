//! The demo backend's logic: answers contract requests from the bundled data
//! and the demo state, as a real backend would. Pure, so it is tested natively.

use percent_encoding::percent_decode_str;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{
    activities,
    state::{DemoState, StateList, StoredReply},
    voice,
};
use crate::api::{
    model::{Checkin, Enrolment, LedgerEntry, NewReport, Redemption, RedemptionStatus, Report, ReportStatus},
    transport::{ApiRequest, ApiResponse, Method, RequestBody},
};
use crate::domain::{points::level_on_ladder, time::ChinaTime};

/// Stories per page, so that paging is exercised in demo mode too.
pub const STORY_PAGE_SIZE: usize = 6;
/// Reports per page of "我的上报", for the same reason.
pub const REPORT_PAGE_SIZE: usize = 5;
/// The largest photo the contract accepts.
const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The one code the demo login accepts; the login form says so in demo mode.
pub const DEMO_SMS_CODE: &str = "123456";
const DEMO_TOKEN_PREFIX: &str = "demo-";
/// The kinds of course the contract knows.
const COURSE_KINDS: [&str; 3] = ["online", "offline", "competition"];
/// The demo's level ladder: `(name, points_earned at which it begins)`.
/// The mock backend (tests/mock/backend.mjs) climbs the same one.
const LEVELS: [(&str, i64); 4] =
    [("新星志愿者", 0), ("热心志愿者", 200), ("先锋志愿者", 500), ("金牌志愿者", 1000)];
/// How long a voucher stays valid when the reward does not say.
const VOUCHER_DAYS: u32 = 90;

/// The bundled data files by name (without `.json`), as parsed JSON.
pub type DemoFiles = std::collections::HashMap<&'static str, Value>;

/// Which data files a request needs, so that only those are downloaded.
pub fn files_for(request: &ApiRequest) -> &'static [&'static str] {
    let segments = segments(&request.path);
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match segments.as_slice() {
        ["site"] => &["site"],
        ["services", ..] => &["services"],
        ["courses", ..] => &["courses"],
        ["stories", ..] => &["stories"],
        ["stations", ..] => &["stations"],
        ["points", "rules"] => &["points-rules"],
        ["points", "ledger"] => &["ledger"],
        ["me"] => &["me", "ledger"],
        ["reports"] => &["reports"],
        ["campaigns", ..] => &["campaigns"],
        ["rewards", _, "redemptions"] => &["rewards", "me"],
        ["rewards", ..] => &["rewards"],
        ["redemptions", ..] => &["redemptions"],
        _ => voice::files_for(&segments).or_else(|| activities::files_for(&segments)).unwrap_or(&[]),
    }
}

/// Answers one request at the moment `clock`, which dates what it creates,
/// with the part of the backend the browser loads for it.
pub fn answer(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &mut DemoState,
    clock: &ChinaTime,
) -> ApiResponse {
    let parts = match Chunk::for_request(request) {
        Chunk::Reads => &CORE_READS,
        Chunk::LaterReads => &ALL_READS,
        Chunk::Writes => &WRITES,
    };
    answer_with(request, files, state, clock, parts)
}

/// What a request is answered from, besides the demo state.
#[derive(Clone, Copy)]
pub struct Call<'a> {
    pub request: &'a ApiRequest,
    /// The path's segments under `/v1/`, percent-decoded.
    pub segments: &'a [&'a str],
    /// The data files the request needs ([`files_for`]).
    pub files: &'a DemoFiles,
    /// The moment of the request, which dates what it creates.
    pub clock: &'a ChinaTime,
}

/// Answers the reads of one part of the backend (`None` for other requests).
pub type Reads = fn(&Call, &DemoState) -> Option<ApiResponse>;
/// Answers every write, keeping its effect in the state.
pub type Writes = fn(&Call, &mut DemoState) -> ApiResponse;

/// The parts of the backend that one chunk of its code holds.
pub struct Parts {
    pub reads: &'static [Reads],
    pub writes: Option<Writes>,
}

/// The reads of every page but those of 礼遇尊崇 and 活动.
pub const CORE_READS: Parts = Parts { reads: &[read], writes: None };
/// The reads of every page.
pub const ALL_READS: Parts = Parts { reads: &[voice::read, activities::read, read], writes: None };
/// Every write.
pub const WRITES: Parts = Parts { reads: &[], writes: Some(write_once) };

/// The chunks of the backend's code in the browser: a demo visit fetches
/// only the code its requests run, and most visits only read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// [`CORE_READS`].
    Reads,
    /// [`ALL_READS`].
    LaterReads,
    /// [`WRITES`].
    Writes,
}

impl Chunk {
    /// The chunk that answers `request`.
    pub fn for_request(request: &ApiRequest) -> Self {
        // Kept in step with `voice::files_for` and `activities::files_for`: a test checks it.
        let first = first_segment(&request.path);
        let later = matches!(
            first,
            Some("honours" | "honourees" | "nominations" | "knights" | "topics" | "activities" | "signups")
        );
        match request.method {
            Method::Post => Chunk::Writes,
            Method::Get if later => Chunk::LaterReads,
            Method::Get => Chunk::Reads,
        }
    }
}

/// The data file a request is answered with as it is, if it is: the main
/// module answers such a request itself, so that a page reading nothing else
/// (home, the services, the stations, the points) never downloads the
/// backend's code. Some lists are their file only until the worker's writes
/// change them: while asked for whole (no query) and `has_any(list)` says
/// the demo state's list that changes them is empty. The other files are
/// theirs whatever the query: the app filters them itself.
pub fn file_as_it_is(request: &ApiRequest, has_any: impl Fn(StateList) -> bool) -> Option<&'static str> {
    const AS_IT_IS: [(&str, &str, Option<StateList>); 6] = [
        ("/v1/site", "site", None),
        ("/v1/services", "services", None),
        ("/v1/stations", "stations", None),
        ("/v1/points/rules", "points-rules", None),
        // Each marked enrolled, or filtered by kind.
        ("/v1/courses", "courses", Some(StateList::Enrolments)),
        // Each one's stock less what was redeemed.
        ("/v1/rewards", "rewards", Some(StateList::Redemptions)),
    ];
    let path = request.path.trim_end_matches('/');
    let (_, name, changed_by) = AS_IT_IS.into_iter().find(|(read, ..)| *read == path)?;
    let unchanged = changed_by.is_none_or(|list| request.query.is_empty() && !has_any(list));
    (request.method == Method::Get && unchanged).then_some(name)
}

/// [`answer`] with only the given `parts`.
pub fn answer_with(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &mut DemoState,
    clock: &ChinaTime,
    parts: &Parts,
) -> ApiResponse {
    let segments = segments(&request.path);
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let needs_login = matches!(
        (request.method, segments.as_slice()),
        (_, ["me"] | ["points", "ledger"] | ["reports"] | ["redemptions", ..] | ["uploads"])
            | (Method::Post, [_, _, _])
    ) || voice::needs_login(&segments);
    if needs_login && !is_signed_in(request) {
        return ApiResponse::error(401, "unauthorized", "请先登录");
    }
    if let Some(name) = file_as_it_is(request, |list| state.has_any(list)) {
        return file(files, name);
    }
    let call = Call { request, segments: &segments, files, clock };
    match (request.method, parts.writes) {
        (Method::Get, _) => parts.reads.iter().find_map(|read| read(&call, state)).unwrap_or_else(not_found),
        (Method::Post, Some(write)) => write(&call, state),
        (Method::Post, None) => not_found(),
    }
}

/// Every write, once per idempotency key: a repeated key answers what the
/// first request got, an error as well, without a second effect.
fn write_once(call: &Call, state: &mut DemoState) -> ApiResponse {
    let Some(key) = call.request.idempotency_key.clone() else {
        return write(call, state);
    };
    if let Some(reply) = state.replies.get(&key) {
        return ApiResponse::new(reply.status, reply.body.clone());
    }
    let response = write(call, state);
    state.replies.insert(key, StoredReply { status: response.status, body: response.body.clone() });
    response
}

fn write(call: &Call, state: &mut DemoState) -> ApiResponse {
    let parts = [voice::write, activities::write];
    if let Some(response) = parts.iter().find_map(|part| part(call, state)) {
        return response;
    }
    let Call { request, segments, files, clock } = *call;
    let now = &clock.to_rfc3339();
    match segments {
        ["courses", id, "enrolments"] => enrol(files, state, id, now),
        ["reports"] => submit_report(request, state, now),
        ["uploads"] => upload(request, state),
        ["campaigns", id, "checkins"] => check_in(files, state, id, now),
        ["rewards", id, "redemptions"] => redeem(files, state, id, clock),
        ["auth", "sms-code"] => match phone_of(request) {
            Some(_) => ApiResponse::new(204, ""),
            None => ApiResponse::error(400, "invalid_phone", "手机号格式不正确"),
        },
        ["auth", "login"] => login(request),
        _ => not_found(),
    }
}

/// The core's reads: every page's but those of 礼遇尊崇 and 活动.
fn read(call: &Call, state: &DemoState) -> Option<ApiResponse> {
    let Call { request, segments, files, .. } = *call;
    Some(match segments {
        ["courses"] => {
            let kind = request.query_value("kind");
            if kind.is_some_and(|k| !COURSE_KINDS.contains(&k)) {
                return Some(ApiResponse::error(400, "bad_request", "课程类型无效"));
            }
            let mut items = items(files, "courses");
            // A course without a kind is an online one, as the contract says.
            items.retain(|c| kind.is_none_or(|k| c["kind"].as_str().unwrap_or("online") == k));
            items.iter_mut().for_each(|c| mark_enrolled(c, state));
            whole(items)
        }
        ["courses", id] => match find(files, "courses", id) {
            Some(mut course) => {
                mark_enrolled(&mut course, state);
                ok(&course)
            }
            None => not_found(),
        },
        ["stories"] => stories(files, request),
        ["services" | "stories" | "stations", id] => {
            find(files, segments[0], id).map_or_else(not_found, |item| ok(&item))
        }
        ["points", "ledger"] => whole(made_here_then_bundled(&state.ledger, files, "ledger")),
        ["me"] => match files.get("me") {
            Some(me) => {
                let mut me = me.clone();
                // A file that is not an object is passed on as it is, for the client to refuse.
                if let Some(fields) = me.as_object_mut() {
                    let balance = fields.get("points_balance").and_then(Value::as_i64).unwrap_or(0);
                    fields.insert("points_balance".into(), json!(balance + state.points_delta()));
                    let earned = fields.get("points_earned").and_then(Value::as_i64).unwrap_or(0)
                        + state.points_earned();
                    fields.insert("points_earned".into(), json!(earned));
                    fields.insert("level".into(), json!(level_on_ladder(earned, &LEVELS)));
                }
                ok(&me)
            }
            None => not_found(),
        },
        ["reports"] => {
            offset_page(request, made_here_then_bundled(&state.reports, files, "reports"), REPORT_PAGE_SIZE)
        }
        ["campaigns"] => {
            let mut campaigns = items(files, "campaigns");
            campaigns.iter_mut().for_each(|c| mark_checked_in(c, state, is_signed_in(request)));
            whole(campaigns)
        }
        ["campaigns", id] => match find(files, "campaigns", id) {
            Some(mut campaign) => {
                mark_checked_in(&mut campaign, state, is_signed_in(request));
                ok(&campaign)
            }
            None => not_found(),
        },
        ["rewards"] => {
            let mut rewards = items(files, "rewards");
            rewards.iter_mut().for_each(|r| take_redeemed_from_stock(r, state));
            whole(rewards)
        }
        ["rewards", id] => match find(files, "rewards", id) {
            Some(mut reward) => {
                take_redeemed_from_stock(&mut reward, state);
                ok(&reward)
            }
            None => not_found(),
        },
        ["redemptions"] => whole(made_here_then_bundled(&state.redemptions, files, "redemptions")),
        ["redemptions", id] => made_here_then_bundled(&state.redemptions, files, "redemptions")
            .into_iter()
            .find(|r| r["id"] == *id)
            .map_or_else(not_found, |r| ok(&r)),
        _ => return None,
    })
}

pub(super) fn is_signed_in(request: &ApiRequest) -> bool {
    request.bearer.as_deref().is_some_and(|t| t.starts_with(DEMO_TOKEN_PREFIX))
}

/// The first path segment under `/v1/`, as sent: `services` for `/v1/services/a?b`.
pub(super) fn first_segment(path: &str) -> Option<&str> {
    path.trim_start_matches('/').trim_start_matches("v1/").split(['/', '?']).next()
}

/// Path segments under `/v1/`, percent-decoded: the client encodes ids.
fn segments(path: &str) -> Vec<String> {
    let path = path.split('?').next().unwrap_or_default();
    path.trim_start_matches('/')
        .trim_start_matches("v1")
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect()
}

pub(super) fn ok<T: Serialize>(value: &T) -> ApiResponse {
    ApiResponse::new(200, serde_json::to_string(value).unwrap_or_default())
}

pub(super) fn ok_created<T: Serialize>(value: &T) -> ApiResponse {
    ApiResponse::new(201, serde_json::to_string(value).unwrap_or_default())
}

/// A list answered whole, on one page.
pub(super) fn whole(items: Vec<Value>) -> ApiResponse {
    ok(&json!({ "items": items, "next": null }))
}

pub(super) fn not_found() -> ApiResponse {
    ApiResponse::error(404, "not_found", "没有找到这项内容")
}

fn file(files: &DemoFiles, name: &str) -> ApiResponse {
    files.get(name).map_or_else(not_found, ok)
}

/// The items of a list file, whether it holds `{"items": [...]}` or a bare array.
pub(super) fn items(files: &DemoFiles, name: &str) -> Vec<Value> {
    match files.get(name) {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::Object(map)) => match map.get("items") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

pub(super) fn find(files: &DemoFiles, name: &str, id: &str) -> Option<Value> {
    items(files, name).into_iter().find(|item| item["id"] == id)
}

/// The demo worker's own things, newest first: those made here, then the bundled ones.
pub(super) fn made_here_then_bundled(made_here: &[Value], files: &DemoFiles, name: &str) -> Vec<Value> {
    made_here.iter().cloned().chain(items(files, name)).collect()
}

/// A thing made in demo mode, as the state keeps it.
fn kept<T: Serialize>(thing: &T) -> Value {
    serde_json::to_value(thing).unwrap_or_default()
}

/// `checked_in` is personal: without a token it is always false.
fn mark_checked_in(campaign: &mut Value, state: &DemoState, authed: bool) {
    let id = campaign["id"].as_str().unwrap_or_default().to_owned();
    // A malformed item is passed on as it is, for the client to skip.
    if let Some(fields) = campaign.as_object_mut() {
        fields.insert("checked_in".into(), json!(authed && state.checkins.contains(&id)));
    }
}

/// The stock left once the demo worker's own redemptions are taken out.
fn take_redeemed_from_stock(reward: &mut Value, state: &DemoState) {
    let id = reward["id"].as_str().unwrap_or_default();
    let redeemed = state.redeemed(id);
    if let Some(stock) = reward["stock"].as_u64() {
        reward["stock"] = json!(stock.saturating_sub(redeemed));
    }
}

fn mark_enrolled(course: &mut Value, state: &DemoState) {
    let id = course["id"].as_str().unwrap_or_default();
    if state.enrolments.iter().any(|e| e == id) {
        course["enrolled"] = json!(true);
        if let Some(left) = course["seats_left"].as_u64() {
            course["seats_left"] = json!(left.saturating_sub(1));
        }
    }
}

/// One page of `all`, by an offset cursor.
fn offset_page(request: &ApiRequest, all: Vec<Value>, size: usize) -> ApiResponse {
    let start: usize = match request.query_value("cursor").map(str::parse) {
        None => 0,
        Some(Ok(start)) => start,
        Some(Err(_)) => return ApiResponse::error(400, "bad_cursor", "分页参数无效，请刷新"),
    };
    let end = (start + size).min(all.len());
    let page = all.get(start..end).unwrap_or_default();
    let next = (end < all.len()).then(|| end.to_string());
    ok(&json!({ "items": page, "next": next }))
}

/// Story list: filtered by tag, without bodies, paged by an offset cursor.
fn stories(files: &DemoFiles, request: &ApiRequest) -> ApiResponse {
    let tag = request.query_value("tag");
    let matching: Vec<Value> = items(files, "stories")
        .into_iter()
        .filter(|s| tag.is_none_or(|t| s["tag"] == t))
        .map(|mut story| {
            if let Value::Object(map) = &mut story {
                map.remove("body");
            }
            story
        })
        .collect();
    offset_page(request, matching, STORY_PAGE_SIZE)
}

fn enrol(files: &DemoFiles, state: &mut DemoState, id: &str, now: &str) -> ApiResponse {
    let Some(course) = find(files, "courses", id) else { return not_found() };
    // The same checks in the same order as the mock backend (tests/mock/backend.mjs).
    if course["kind"].as_str().unwrap_or("online") == "online" {
        return ApiResponse::error(409, "enrolment_not_needed", "线上课程无需报名，直接学习即可");
    }
    if state.enrolments.iter().any(|e| e == id) {
        return ApiResponse::error(409, "already_enrolled", "您已报名");
    }
    // RFC 3339 times in one offset compare as text; the demo data uses +08:00.
    if course["enrol_deadline"].as_str().is_some_and(|deadline| deadline < now) {
        return ApiResponse::error(409, "enrolment_closed", "报名已截止");
    }
    if course["seats_left"].as_u64() == Some(0) {
        return ApiResponse::error(409, "course_full", "名额已满");
    }
    state.enrolments.push(id.to_owned());
    let enrolment =
        Enrolment { id: state.new_id("enr"), course_id: id.to_owned(), created_at: Some(now.to_owned()) };
    ok_created(&enrolment)
}

fn submit_report(request: &ApiRequest, state: &mut DemoState, now: &str) -> ApiResponse {
    if request.idempotency_key.is_none() {
        return ApiResponse::error(400, "idempotency_key_required", "缺少 Idempotency-Key");
    }
    let Some(new) = request.json_body().and_then(|b| serde_json::from_str::<NewReport>(b).ok()) else {
        return ApiResponse::error(400, "invalid_report", "隐患上报内容不完整");
    };
    if new.category.trim().is_empty() || new.text.trim().is_empty() {
        return ApiResponse::error(400, "invalid_report", "请选择隐患类别并填写描述");
    }
    if let Some(unknown) = new.photos.iter().find(|id| !state.uploads.contains_key(*id)) {
        return ApiResponse::error(400, "invalid_report", &format!("照片 {unknown} 没有上传"));
    }
    let report = Report {
        id: state.new_id("rep"),
        category: new.category,
        text: new.text,
        photos: new.photos,
        location: new.location,
        address: new.address,
        town: new.town,
        anonymous: new.anonymous,
        status: ReportStatus::Pending,
        points_awarded: None,
        review_note: None,
        created_at: Some(now.to_owned()),
    };
    state.reports.insert(0, kept(&report));
    ok_created(&report)
}

/// Keeps only the size of a photo: the demo stores no pictures.
fn upload(request: &ApiRequest, state: &mut DemoState) -> ApiResponse {
    let Some(RequestBody::File { content_type, bytes, .. }) = &request.body else {
        return ApiResponse::error(400, "bad_request", "请上传一张照片");
    };
    if !["image/jpeg", "image/png", "image/webp"].contains(&content_type.as_str()) {
        return ApiResponse::error(415, "unsupported_type", "只支持 JPEG、PNG、WebP 图片");
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return ApiResponse::error(413, "too_large", "照片太大，请压缩后再传");
    }
    let id = state.new_id("upl");
    state.uploads.insert(id.clone(), bytes.len() as u64);
    ok_created(&json!({ "id": id, "url": null, "bytes": bytes.len() }))
}

fn check_in(files: &DemoFiles, state: &mut DemoState, id: &str, now: &str) -> ApiResponse {
    let Some(campaign) = find(files, "campaigns", id) else { return not_found() };
    if state.checkins.iter().any(|c| c == id) {
        return ApiResponse::error(409, "already_checked_in", "你已经签到过了");
    }
    // Same-offset RFC 3339 times compare as text, as in `enrol`.
    if campaign["ends_at"].as_str().is_some_and(|end| end < now) {
        return ApiResponse::error(409, "campaign_closed", "活动已经结束");
    }
    let points = campaign["points"].as_i64().unwrap_or(0);
    state.checkins.push(id.to_owned());
    let title = campaign["title"].as_str().unwrap_or_default();
    add_ledger(state, points, format!("参加活动：{title}"), now);
    let checkin =
        Checkin { id: state.new_id("chk"), campaign_id: id.to_owned(), points, at: Some(now.to_owned()) };
    ok_created(&checkin)
}

fn redeem(files: &DemoFiles, state: &mut DemoState, id: &str, clock: &ChinaTime) -> ApiResponse {
    let now = &clock.to_rfc3339();
    let Some(reward) = find(files, "rewards", id) else { return not_found() };
    let cost = reward["cost"].as_i64().unwrap_or(0);
    let balance =
        files.get("me").and_then(|me| me["points_balance"].as_i64()).unwrap_or(0) + state.points_delta();
    if balance < cost {
        return ApiResponse::error(409, "insufficient_points", "积分不足");
    }
    if reward["stock"].as_u64().is_some_and(|stock| stock <= state.redeemed(id)) {
        return ApiResponse::error(409, "out_of_stock", "已经兑完了");
    }
    let title = reward["title"].as_str().unwrap_or_default().to_owned();
    add_ledger(state, -cost, format!("兑换：{title}"), now);
    let number = state.next_id;
    let days = reward["valid_days"].as_u64().map_or(VOUCHER_DAYS, |d| d.min(3650) as u32);
    let expires_at =
        Some(ChinaTime::from_unix_millis(clock.unix_millis + i64::from(days) * 86_400_000).to_rfc3339());
    let redemption = Redemption {
        id: state.new_id("rdm"),
        reward_id: id.to_owned(),
        reward_title: title,
        provider: reward["provider"].as_str().unwrap_or_default().to_owned(),
        place: reward["place"].as_str().map(str::to_owned),
        cost,
        code: format!("YX-DEMO-{number:04}"),
        status: RedemptionStatus::Issued,
        created_at: Some(now.to_owned()),
        expires_at,
    };
    state.redemptions.insert(0, kept(&redemption));
    ok_created(&redemption)
}

fn add_ledger(state: &mut DemoState, delta: i64, reason: String, now: &str) {
    let entry = LedgerEntry { id: state.new_id("led"), delta, reason, at: Some(now.to_owned()) };
    state.ledger.insert(0, kept(&entry));
}

fn body_field(request: &ApiRequest, name: &str) -> Option<String> {
    let body: Map<String, Value> = serde_json::from_str(request.json_body()?).ok()?;
    body.get(name)?.as_str().map(str::to_owned)
}

/// A mainland mobile number: 11 digits starting with 1.
fn phone_of(request: &ApiRequest) -> Option<String> {
    let phone = body_field(request, "phone")?;
    let valid = phone.len() == 11 && phone.starts_with('1') && phone.bytes().all(|b| b.is_ascii_digit());
    valid.then_some(phone)
}

fn login(request: &ApiRequest) -> ApiResponse {
    let Some(phone) = phone_of(request) else {
        return ApiResponse::error(400, "invalid_phone", "手机号格式不正确");
    };
    if body_field(request, "code").as_deref() != Some(DEMO_SMS_CODE) {
        return ApiResponse::error(401, "bad_code", "验证码错误或已过期");
    }
    ok(&json!({ "token": format!("{DEMO_TOKEN_PREFIX}{phone}"), "expires_at": null }))
}
