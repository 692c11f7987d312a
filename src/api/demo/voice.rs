//! The demo backend's honours, 先锋骑士团 and 社区议事, with the same rules
//! and refusals as the mock backend (tests/mock/backend.mjs).

use serde_json::{json, Map, Value};

use super::router::{
    find, is_signed_in, items, made_here_then_bundled, not_found, ok, ok_created, whole, Call, DemoFiles,
};
use super::state::DemoState;
use crate::api::transport::{ApiRequest, ApiResponse};
use crate::domain::time::ChinaTime;

/// Which data files a request of this part needs; `None` for other requests.
pub fn files_for(segments: &[&str]) -> Option<&'static [&'static str]> {
    Some(match segments {
        ["honours"] => &["honours"],
        ["honourees", ..] => &["honourees"],
        ["nominations"] => &["nominations", "honours"],
        ["knights"] => &["knights"],
        ["knights", "applications"] => &["knight-applications"],
        ["topics", ..] => &["topics"],
        _ => return None,
    })
}

/// The personal endpoints of this part, which answer 401 without a token
/// (opinions too, as every write to an item: see `router::answer`).
pub fn needs_login(segments: &[&str]) -> bool {
    matches!(segments, ["nominations"] | ["knights", "applications"])
}

/// Answers a read of this part; `None` for other requests.
pub fn read(call: &Call, state: &DemoState) -> Option<ApiResponse> {
    let Call { request, segments, files, clock } = *call;
    let signed_in = is_signed_in(request);
    Some(match segments {
        ["honours"] => whole(items(files, "honours")),
        ["honourees"] => honourees(request, files),
        ["honourees", id] => find(files, "honourees", id).map_or_else(not_found, |h| ok(&h)),
        ["nominations"] => whole(made_here_then_bundled(&state.nominations, files, "nominations")),
        ["knights"] => whole(items(files, "knights")),
        ["knights", "applications"] => {
            whole(made_here_then_bundled(&state.knight_applications, files, "knight-applications"))
        }
        ["topics"] => topics(request, files, state, clock, signed_in),
        ["topics", id] => match find(files, "topics", id) {
            Some(topic) => ok(&topic_view(topic, state, clock, signed_in)),
            None => not_found(),
        },
        _ => return None,
    })
}

/// Answers a write of this part; `None` for other requests.
pub fn write(call: &Call, state: &mut DemoState) -> Option<ApiResponse> {
    let Call { request, segments, files, clock } = *call;
    Some(match segments {
        ["nominations"] => nominate(request, files, state, clock),
        ["knights", "applications"] => apply(request, files, state, clock),
        ["topics", id, "opinions"] => send_opinion(request, files, state, clock, id),
        _ => return None,
    })
}

fn honourees(request: &ApiRequest, files: &DemoFiles) -> ApiResponse {
    let honour = request.query_value("honour");
    let year = match request.query_value("year").map(str::parse::<i64>) {
        Some(Err(_)) => return ApiResponse::error(400, "bad_request", "年份无效"),
        year => year.and_then(Result::ok),
    };
    let mut all = items(files, "honourees");
    all.retain(|h| honour.is_none_or(|id| h["honour"] == id) && year.is_none_or(|y| h["year"] == y));
    whole(all)
}

/// The refusal of a write that came without its `Idempotency-Key`.
pub fn missing_key(request: &ApiRequest) -> Option<ApiResponse> {
    request
        .idempotency_key
        .is_none()
        .then(|| ApiResponse::error(400, "idempotency_key_required", "缺少 Idempotency-Key"))
}

/// The JSON body as an object, or the refusal `code` with `message`.
fn body(request: &ApiRequest, code: &str, message: &str) -> Result<Map<String, Value>, ApiResponse> {
    if let Some(refusal) = missing_key(request) {
        return Err(refusal);
    }
    request
        .json_body()
        .and_then(|body| serde_json::from_str(body).ok())
        .ok_or_else(|| ApiResponse::error(400, code, message))
}

/// A text field, trimmed, checked to hold `min..=max` characters; an absent
/// or null field reads as empty.
fn text(body: &Map<String, Value>, name: &str, min: usize, max: usize) -> Result<Option<String>, ()> {
    let text = match body.get(name) {
        None | Some(Value::Null) => "",
        Some(Value::String(text)) => text.trim(),
        Some(_) => return Err(()),
    };
    let count = text.chars().count();
    if count < min || count > max {
        return Err(());
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

fn nominate(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &mut DemoState,
    clock: &ChinaTime,
) -> ApiResponse {
    let body = match body(request, "invalid_nomination", "推荐内容不完整") {
        Ok(body) => body,
        Err(refusal) => return refusal,
    };
    let invalid = |message| ApiResponse::error(400, "invalid_nomination", message);
    let Ok(Some(nominee)) = text(&body, "nominee", 1, 40) else {
        return invalid("请填写被推荐人的姓名（40 字以内）");
    };
    let Ok(Some(occupation)) = text(&body, "occupation", 1, 40) else {
        return invalid("请填写被推荐人的职业（40 字以内）");
    };
    let Ok(Some(deed)) = text(&body, "deed", 1, 500) else {
        return invalid("请写下推荐的事迹（500 字以内）");
    };
    let Ok(contact) = text(&body, "contact", 0, 60) else { return invalid("联系方式最多 60 字") };
    let Ok(honour) = text(&body, "honour", 0, 128) else { return invalid("荣誉称号无效") };
    if honour.as_ref().is_some_and(|id| find(files, "honours", id).is_none()) {
        return invalid("没有这个荣誉称号");
    }
    let nomination = json!({
        "id": state.new_id("nom"), "nominee": nominee, "occupation": occupation, "deed": deed,
        "contact": contact, "honour": honour, "status": "submitted", "review_note": null,
        "created_at": clock.to_rfc3339(),
    });
    state.nominations.insert(0, nomination.clone());
    ok_created(&nomination)
}

fn apply(request: &ApiRequest, files: &DemoFiles, state: &mut DemoState, clock: &ChinaTime) -> ApiResponse {
    let body = match body(request, "invalid_application", "申请内容不完整") {
        Ok(body) => body,
        Err(refusal) => return refusal,
    };
    let invalid = |message| ApiResponse::error(400, "invalid_application", message);
    let Ok(Some(occupation)) = text(&body, "occupation", 1, 40) else {
        return invalid("请填写职业（40 字以内）");
    };
    let Ok(employer) = text(&body, "employer", 0, 40) else { return invalid("平台或单位最多 40 字") };
    let Some(years) = body.get("years").and_then(Value::as_u64).filter(|years| *years <= 50) else {
        return invalid("从业年限请填 0 到 50 之间的整数");
    };
    let Ok(Some(town)) = text(&body, "town", 1, 40) else { return invalid("请填写所在乡镇或街道") };
    let Ok(Some(reason)) = text(&body, "reason", 1, 500) else {
        return invalid("请写下申请理由（500 字以内）");
    };
    if made_here_then_bundled(&state.knight_applications, files, "knight-applications")
        .iter()
        .any(|a| a["status"] == "submitted")
    {
        return ApiResponse::error(409, "application_open", "你的申请正在审核中");
    }
    let application = json!({
        "id": state.new_id("kap"), "occupation": occupation, "employer": employer, "years": years,
        "town": town, "reason": reason, "status": "submitted", "review_note": null,
        "created_at": clock.to_rfc3339(),
    });
    state.knight_applications.insert(0, application.clone());
    ok_created(&application)
}

/// A topic is closed by its state or by its closing time passing.
fn is_closed(topic: &Value, clock: &ChinaTime) -> bool {
    let closes = topic["closes_at"].as_str().and_then(ChinaTime::parse_rfc3339);
    topic["state"] == "closed" || closes.is_some_and(|closes| closes.unix_millis < clock.unix_millis)
}

/// A topic as the worker sees it: its state now, the opinions counted, theirs listed.
fn topic_view(mut topic: Value, state: &DemoState, clock: &ChinaTime, signed_in: bool) -> Value {
    let closed = is_closed(&topic, clock);
    let Some(fields) = topic.as_object_mut() else { return topic };
    let id = fields.get("id").cloned().unwrap_or_default();
    let sent: Vec<Value> = state.opinions.iter().filter(|o| o["topic_id"] == id).cloned().collect();
    let count = fields.get("opinion_count").and_then(Value::as_u64).unwrap_or(0) + sent.len() as u64;
    let bundled = fields.get("my_opinions").and_then(Value::as_array).cloned().unwrap_or_default();
    let mine: Vec<Value> = if signed_in { sent.into_iter().chain(bundled).collect() } else { Vec::new() };
    fields.insert("state".into(), json!(if closed { "closed" } else { "open" }));
    fields.insert("opinion_count".into(), json!(count));
    fields.insert("my_opinions".into(), json!(mine));
    topic
}

fn topics(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &DemoState,
    clock: &ChinaTime,
    signed_in: bool,
) -> ApiResponse {
    let wanted = request.query_value("state");
    if wanted.is_some_and(|s| !["open", "closed"].contains(&s)) {
        return ApiResponse::error(400, "bad_request", "议题状态无效");
    }
    let all: Vec<Value> =
        items(files, "topics").into_iter().map(|t| topic_view(t, state, clock, signed_in)).collect();
    // Open topics first, each group in the file's order.
    let (open, closed): (Vec<Value>, Vec<Value>) = all.into_iter().partition(|t| t["state"] != "closed");
    let listed = open.into_iter().chain(closed).filter(|t| wanted.is_none_or(|s| t["state"] == s)).collect();
    whole(listed)
}

fn send_opinion(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &mut DemoState,
    clock: &ChinaTime,
    id: &str,
) -> ApiResponse {
    if let Some(refusal) = missing_key(request) {
        return refusal;
    }
    let Some(topic) = find(files, "topics", id) else { return not_found() };
    let body = match body(request, "invalid_opinion", "请写下你的意见") {
        Ok(body) => body,
        Err(refusal) => return refusal,
    };
    let Ok(Some(text)) = text(&body, "text", 1, 500) else {
        return ApiResponse::error(400, "invalid_opinion", "请写下你的意见，最多 500 字");
    };
    if is_closed(&topic, clock) {
        return ApiResponse::error(409, "topic_closed", "议题已经截止");
    }
    let opinion =
        json!({ "id": state.new_id("opn"), "topic_id": id, "text": text, "created_at": clock.to_rfc3339() });
    state.opinions.insert(0, opinion.clone());
    ok_created(&opinion)
}
