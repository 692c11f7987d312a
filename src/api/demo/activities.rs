//! The demo backend's activities and sign-ups, with the same rules and
//! refusals as the mock backend (tests/mock/backend.mjs).

use serde::Deserialize;
use serde_json::{json, Value};

use super::router::{find, is_signed_in, items, not_found, ok, ok_created, whole, Call, DemoFiles};
use super::{state::DemoState, voice::missing_key};
use crate::api::transport::{ApiRequest, ApiResponse};
use crate::domain::{
    forms::{Answer, SignupForm, Typed},
    time::ChinaTime,
};

/// Which data files a request of this part needs; `None` for other requests.
pub fn files_for(segments: &[&str]) -> Option<&'static [&'static str]> {
    matches!(segments, ["activities", ..] | ["signups", ..]).then_some(&["activities"])
}

/// Answers a read of this part; `None` for other requests.
pub fn read(call: &Call, state: &DemoState) -> Option<ApiResponse> {
    let Call { request, segments, files, clock } = *call;
    let signed_in = is_signed_in(request);
    Some(match segments {
        ["activities"] => {
            let mut all: Vec<Value> =
                items(files, "activities").into_iter().map(|a| view(a, state, signed_in)).collect();
            all.sort_by_key(|a| order(a, clock));
            whole(all)
        }
        ["activities", id] => match find(files, "activities", id) {
            Some(activity) => ok(&view(activity, state, signed_in)),
            None => not_found(),
        },
        _ => return None,
    })
}

/// Answers a write of this part; `None` for other requests.
pub fn write(call: &Call, state: &mut DemoState) -> Option<ApiResponse> {
    let Call { request, segments, files, clock } = *call;
    Some(match segments {
        ["activities", id, "signups"] => sign_up(request, files, state, clock, id),
        ["signups", id, "cancel"] => cancel(files, state, clock, id),
        _ => return None,
    })
}

fn millis(value: &Value) -> Option<i64> {
    value.as_str().and_then(ChinaTime::parse_rfc3339).map(|t| t.unix_millis)
}

/// Coming activities soonest first, then those that have ended, latest first.
fn order(activity: &Value, clock: &ChinaTime) -> (bool, i64) {
    let start = millis(&activity["starts_at"]).unwrap_or(i64::MAX);
    let ended = millis(&activity["ends_at"]).is_some_and(|end| end < clock.unix_millis);
    (ended, if ended { -start } else { start })
}

fn form_of(activity: &Value) -> SignupForm {
    serde_json::from_value(activity["form"].clone()).unwrap_or_default()
}

/// The worker's latest sign-up for an activity, whatever its status.
fn latest<'a>(state: &'a DemoState, activity_id: &Value) -> Option<&'a Value> {
    state.signups.iter().find(|s| s["activity_id"] == *activity_id)
}

/// Seats the demo worker's confirmed sign-ups hold in an activity.
fn seats_taken(state: &DemoState, activity: &Value) -> u64 {
    let form = form_of(activity);
    let taken =
        state.signups.iter().filter(|s| s["activity_id"] == activity["id"] && s["status"] == "confirmed");
    taken.map(|s| u64::from(form.seats_for(s["group"].as_array().map_or(0, Vec::len)))).sum()
}

/// An activity as the worker sees it: the seats their sign-ups took, and their sign-up.
fn view(mut activity: Value, state: &DemoState, signed_in: bool) -> Value {
    let taken = seats_taken(state, &activity);
    let mine = latest(state, &activity["id"]).filter(|_| signed_in).cloned();
    let Some(fields) = activity.as_object_mut() else { return activity };
    if let Some(left) = fields.get("seats_left").and_then(Value::as_u64) {
        fields.insert("seats_left".into(), json!(left.saturating_sub(taken)));
    }
    fields.insert("my_signup".into(), mine.unwrap_or(Value::Null));
    activity
}

/// What was sent, as typed answers: `None` when the body is not the contract's shape.
fn typed_body(request: &ApiRequest) -> Option<(Typed, Vec<Typed>)> {
    let body: Value = serde_json::from_str(request.json_body()?).ok()?;
    body.as_object()?;
    let answers = |value: &Value| -> Option<Typed> {
        value
            .as_object()?
            .iter()
            .map(|(k, v)| Some((k.clone(), Answer::deserialize(v).ok()?.as_typed()?)))
            .collect()
    };
    let group = match &body["group"] {
        Value::Null => Vec::new(),
        Value::Array(members) => members.iter().map(answers).collect::<Option<_>>()?,
        _ => return None,
    };
    let once = if body["answers"].is_null() { Some(Typed::new()) } else { answers(&body["answers"]) };
    Some((once?, group))
}

fn sign_up(
    request: &ApiRequest,
    files: &DemoFiles,
    state: &mut DemoState,
    clock: &ChinaTime,
    id: &str,
) -> ApiResponse {
    if let Some(refusal) = missing_key(request) {
        return refusal;
    }
    let Some(activity) = find(files, "activities", id) else { return not_found() };
    let Some((typed, members)) = typed_body(request) else {
        return ApiResponse::error(400, "invalid_signup", "报名内容格式不对");
    };
    let form = form_of(&activity);
    let (answers, group) = match form.check(&typed, &members) {
        Ok(checked) => checked,
        Err(problems) => return ApiResponse::error(400, "invalid_signup", &form.describe(&problems[0])),
    };
    if latest(state, &activity["id"]).is_some_and(|s| s["status"] == "confirmed") {
        return ApiResponse::error(409, "already_signed_up", "你已经报过名了");
    }
    if past(&activity["deadline"], clock) || past(&activity["ends_at"], clock) {
        return ApiResponse::error(409, "signup_closed", "报名已截止");
    }
    let left = activity["seats_left"].as_u64().map(|left| left.saturating_sub(seats_taken(state, &activity)));
    if left.is_some_and(|left| left < u64::from(form.seats_for(group.len()))) {
        return ApiResponse::error(409, "activity_full", "名额不够了");
    }
    let signup = json!({
        "id": state.new_id("sgn"), "activity_id": id, "status": "confirmed",
        "answers": answers, "group": group, "created_at": clock.to_rfc3339(),
    });
    state.signups.insert(0, signup.clone());
    ok_created(&signup)
}

fn past(time: &Value, clock: &ChinaTime) -> bool {
    millis(time).is_some_and(|t| t < clock.unix_millis)
}

fn cancel(files: &DemoFiles, state: &mut DemoState, clock: &ChinaTime, id: &str) -> ApiResponse {
    let Some(index) = state.signups.iter().position(|s| s["id"] == id) else { return not_found() };
    if state.signups[index]["status"] == "cancelled" {
        return ok(&state.signups[index]);
    }
    let activity_id = state.signups[index]["activity_id"].as_str().unwrap_or_default().to_owned();
    let deadline = find(files, "activities", &activity_id).map(|a| a["deadline"].clone()).unwrap_or_default();
    if past(&deadline, clock) {
        return ApiResponse::error(409, "signup_closed", "报名已截止，不能取消");
    }
    state.signups[index]["status"] = json!("cancelled");
    ok(&state.signups[index])
}
