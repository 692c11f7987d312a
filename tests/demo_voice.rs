//! The demo backend's honours, 先锋骑士团 and 社区议事: the rules a worker
//! meets, the same as the mock backend's (tests/mock/backend.mjs).

use serde_json::{json, Value};
use youxin::api::{transport::RequestBody, ApiRequest, ApiResponse};

#[path = "support/demo_harness.rs"]
mod demo_harness;

use demo_harness::{Demo, TOKEN};

fn post(path: &str, body: Value, key: Option<&str>) -> ApiRequest {
    let mut request = ApiRequest::post(path, Some(RequestBody::Json(body.to_string())));
    request.bearer = Some(TOKEN.into());
    request.idempotency_key = key.map(str::to_owned);
    request
}

fn get(path: &str, signed_in: bool) -> ApiRequest {
    let mut request = ApiRequest::get(path);
    request.bearer = signed_in.then(|| TOKEN.into());
    request
}

fn json_of(response: &ApiResponse) -> Value {
    serde_json::from_str(&response.body).unwrap_or_default()
}

fn code(response: &ApiResponse) -> String {
    json_of(response)["error"]["code"].as_str().unwrap_or_default().to_owned()
}

fn application(reason: &str) -> Value {
    json!({ "occupation": "外卖骑手", "years": 2, "town": "龙潭镇", "reason": reason })
}

#[test]
fn the_roll_filters_by_honour_and_year() {
    let mut demo = Demo::new();
    let all = json_of(&demo.send(get("/v1/honourees", false)))["items"].as_array().unwrap().len();
    let volunteers = demo.send(get("/v1/honourees", false).param("honour", Some("hon-volunteer")));
    let volunteers = json_of(&volunteers)["items"].as_array().unwrap().clone();
    assert!(!volunteers.is_empty() && volunteers.len() < all);
    assert!(volunteers.iter().all(|h| h["honour"] == "hon-volunteer"));
    let in_2025 = json_of(&demo.send(get("/v1/honourees", false).param("year", Some("2025"))));
    assert!(in_2025["items"].as_array().unwrap().iter().all(|h| h["year"] == 2025));
}

#[test]
fn a_nomination_is_filed_once_per_key_and_listed_first() {
    let mut demo = Demo::new();
    let body = json!({ "nominee": "  龚师傅 ", "occupation": "快递员", "deed": "帮老人把药送上楼。", "contact": "" });
    let first = demo.send(post("/v1/nominations", body.clone(), Some("k-1")));
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(json_of(&first)["nominee"], "龚师傅", "trimmed");
    assert_eq!(json_of(&first)["status"], "submitted");
    assert_eq!(demo.send(post("/v1/nominations", body, Some("k-1"))), first);
    let mine = json_of(&demo.send(get("/v1/nominations", true)));
    let ids: Vec<&Value> = mine["items"].as_array().unwrap().iter().map(|n| &n["id"]).collect();
    assert_eq!(ids[0], &json_of(&first)["id"]);
    assert_eq!(ids.iter().filter(|id| **id == &json_of(&first)["id"]).count(), 1);
}

#[test]
fn a_nomination_needs_a_name_a_deed_and_a_known_honour() {
    let mut demo = Demo::new();
    let cases = [
        json!({ "nominee": "", "occupation": "快递员", "deed": "好人好事" }),
        json!({ "nominee": "王", "occupation": "快递员", "deed": "好".repeat(501) }),
        json!({ "nominee": "王", "occupation": "快递员", "deed": "好人好事", "honour": "hon-none" }),
        json!({ "nominee": 7, "occupation": "快递员", "deed": "好人好事" }),
    ];
    for (i, body) in cases.into_iter().enumerate() {
        let response = demo.send(post("/v1/nominations", body, Some(&format!("bad-{i}"))));
        assert_eq!((response.status, code(&response).as_str()), (400, "invalid_nomination"), "case {i}");
    }
    let unsigned = demo.send(ApiRequest::post("/v1/nominations", None));
    assert_eq!(unsigned.status, 401);
}

#[test]
fn one_application_is_under_review_at_a_time() {
    let mut demo = Demo::new();
    let first = demo.send(post("/v1/knights/applications", application("想参加议事。"), Some("a-1")));
    assert_eq!(first.status, 201, "{}", first.body);
    let second = demo.send(post("/v1/knights/applications", application("再申请一次。"), Some("a-2")));
    assert_eq!((second.status, code(&second).as_str()), (409, "application_open"));
    let latest = json_of(&demo.send(get("/v1/knights/applications", true)));
    assert_eq!(latest["items"][0]["status"], "submitted");
    let years = demo.send(post(
        "/v1/knights/applications",
        json!({ "occupation": "骑手", "years": 51, "town": "龙潭镇", "reason": "想参加" }),
        Some("a-3"),
    ));
    assert_eq!(code(&years), "invalid_application", "validation comes before the conflict");
}

#[test]
fn an_opinion_counts_and_is_listed_as_the_workers_own() {
    let mut demo = Demo::new();
    let before = json_of(&demo.send(get("/v1/topics/tpc-01", true)));
    let sent =
        demo.send(post("/v1/topics/tpc-01/opinions", json!({ "text": " 东门加盏灯。 " }), Some("o-1")));
    assert_eq!(sent.status, 201, "{}", sent.body);
    assert_eq!(demo.send(post("/v1/topics/tpc-01/opinions", json!({ "text": "x" }), Some("o-1"))), sent);
    let after = json_of(&demo.send(get("/v1/topics/tpc-01", true)));
    assert_eq!(after["opinion_count"], before["opinion_count"].as_u64().unwrap() + 1);
    assert_eq!(after["my_opinions"][0]["text"], "东门加盏灯。");
    let anonymous = json_of(&demo.send(get("/v1/topics/tpc-01", false)));
    assert_eq!(anonymous["my_opinions"], json!([]), "personal only with a token");
}

#[test]
fn closed_topics_take_no_opinion_and_come_after_open_ones() {
    let mut demo = Demo::new();
    let late = demo.send(post("/v1/topics/tpc-03/opinions", json!({ "text": "晚了" }), Some("o-2")));
    assert_eq!((late.status, code(&late).as_str()), (409, "topic_closed"));
    let long =
        demo.send(post("/v1/topics/tpc-01/opinions", json!({ "text": "长".repeat(501) }), Some("o-3")));
    assert_eq!(code(&long), "invalid_opinion");
    let exactly =
        demo.send(post("/v1/topics/tpc-01/opinions", json!({ "text": "长".repeat(500) }), Some("o-4")));
    assert_eq!(exactly.status, 201, "500 characters are allowed");
    let topics = json_of(&demo.send(get("/v1/topics", false)));
    let states: Vec<&str> =
        topics["items"].as_array().unwrap().iter().map(|t| t["state"].as_str().unwrap()).collect();
    let first_closed = states.iter().position(|s| *s == "closed").unwrap();
    assert!(states[first_closed..].iter().all(|s| *s == "closed"), "{states:?}");
    let no_key = demo.send(post("/v1/topics/tpc-01/opinions", json!({ "text": "x" }), None));
    assert_eq!(code(&no_key), "idempotency_key_required");
}

fn two_children() -> Value {
    json!({
        "answers": { "guardian_phone": "13800000000" },
        "group": [{ "name": "小雨", "age": 8, "school": "三年级" }, { "name": "小山", "age": "5" }],
    })
}

fn seats_left(demo: &mut Demo, id: &str) -> u64 {
    json_of(&demo.send(get(&format!("/v1/activities/{id}"), true)))["seats_left"].as_u64().unwrap()
}

#[test]
fn two_children_take_two_seats_until_the_sign_up_is_cancelled() {
    let mut demo = Demo::new();
    let before = seats_left(&mut demo, "act-summer-care");
    let signup = demo.send(post("/v1/activities/act-summer-care/signups", two_children(), Some("s-1")));
    assert_eq!(signup.status, 201, "{}", signup.body);
    assert_eq!(json_of(&signup)["group"][1]["age"], 5, "answers are sent back typed");
    assert_eq!(seats_left(&mut demo, "act-summer-care"), before - 2);
    let again = demo.send(post("/v1/activities/act-summer-care/signups", two_children(), Some("s-2")));
    assert_eq!((again.status, code(&again).as_str()), (409, "already_signed_up"), "one per worker");
    let mine = json_of(&demo.send(get("/v1/activities/act-summer-care", true)))["my_signup"].clone();
    assert_eq!(mine["id"], json_of(&signup)["id"]);
    assert_eq!(json_of(&demo.send(get("/v1/activities/act-summer-care", false)))["my_signup"], Value::Null);

    let cancel = format!("/v1/signups/{}/cancel", mine["id"].as_str().unwrap());
    let cancelled = demo.send(post(&cancel, json!({}), None));
    assert_eq!((cancelled.status, json_of(&cancelled)["status"].as_str()), (200, Some("cancelled")));
    assert_eq!(demo.send(post(&cancel, json!({}), None)), cancelled, "cancelling twice changes nothing");
    assert_eq!(seats_left(&mut demo, "act-summer-care"), before);
    let anew = demo.send(post("/v1/activities/act-summer-care/signups", two_children(), Some("s-3")));
    assert_eq!(anew.status, 201, "a cancelled sign-up can be made again");
}

#[test]
fn a_sign_up_is_checked_against_the_activitys_own_questions() {
    let mut demo = Demo::new();
    let too_old =
        json!({ "answers": { "guardian_phone": "13800000000" }, "group": [{ "name": "小雨", "age": 15 }] });
    let refused = demo.send(post("/v1/activities/act-summer-care/signups", too_old, Some("s-4")));
    assert_eq!((refused.status, code(&refused).as_str()), (400, "invalid_signup"));
    assert_eq!(json_of(&refused)["error"]["message"], "第 1 个孩子的年龄应在 3 到 14 之间");
    let four = json!({ "answers": { "guardian_phone": "13800000000" }, "group": vec![json!({ "name": "小雨", "age": 8 }); 4] });
    assert_eq!(
        code(&demo.send(post("/v1/activities/act-summer-care/signups", four, Some("s-5")))),
        "invalid_signup"
    );
    let no_form = demo.send(post("/v1/activities/act-family-games/signups", json!({}), Some("s-6")));
    assert_eq!(no_form.status, 201, "an activity without a form takes an empty sign-up: {}", no_form.body);
    let meal = json!({ "answers": { "people": 2, "meal": "火锅" } });
    let refused = demo.send(post("/v1/activities/act-festival/signups", meal, Some("s-7")));
    assert_eq!(json_of(&refused)["error"]["message"], "请选择用餐");
}

#[test]
fn full_and_closed_activities_refuse_sign_ups() {
    let mut demo = Demo::new();
    let full = demo.send(post(
        "/v1/activities/act-first-aid/signups",
        json!({ "answers": { "occupation": "快递员" } }),
        Some("s-8"),
    ));
    assert_eq!((full.status, code(&full).as_str()), (409, "activity_full"));
    let closed = demo.send(post("/v1/activities/act-mid-autumn/signups", json!({}), Some("s-9")));
    assert_eq!((closed.status, code(&closed).as_str()), (409, "signup_closed"));
    let listed = json_of(&demo.send(get("/v1/activities", false)));
    let ids: Vec<&str> =
        listed["items"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.last(), Some(&"act-mid-autumn"), "ended activities come last: {ids:?}");
    assert_eq!(ids.first(), Some(&"act-first-aid"), "the soonest first: {ids:?}");
}

#[test]
fn a_sign_up_that_is_not_the_contracts_shape_is_refused() {
    let mut demo = Demo::new();
    for (i, body) in
        [json!(null), json!([]), json!({ "group": [null] }), json!({ "answers": [] })].into_iter().enumerate()
    {
        let response =
            demo.send(post("/v1/activities/act-family-games/signups", body, Some(&format!("shape-{i}"))));
        assert_eq!((response.status, code(&response).as_str()), (400, "invalid_signup"), "case {i}");
    }
}

#[test]
fn each_request_goes_to_the_chunk_of_the_backend_that_answers_it() {
    use youxin::api::demo::Chunk;
    let later = [
        "/v1/honours",
        "/v1/honourees/hnr-01",
        "/v1/nominations",
        "/v1/knights/applications",
        "/v1/topics/tpc-01",
        "/v1/activities?cursor=2",
    ];
    let core =
        ["/v1/site", "/v1/services/svc-01", "/v1/stories", "/v1/me", "/v1/campaigns/c", "/v1/honoursx"];
    let writes = ["/v1/topics/tpc-01/opinions", "/v1/signups/sgn-1/cancel", "/v1/campaigns/c/checkins"];
    for path in later {
        assert_eq!(Chunk::for_request(&get(path, true)), Chunk::LaterReads, "{path}");
    }
    for path in core {
        assert_eq!(Chunk::for_request(&get(path, true)), Chunk::Reads, "{path}");
    }
    for path in writes {
        assert_eq!(Chunk::for_request(&post(path, serde_json::json!({}), None)), Chunk::Writes, "{path}");
    }
    // And the chunk each is sent to answers it (the harness sends as the browser does).
    let mut demo = Demo::new();
    for path in later {
        assert_eq!(demo.send(get(path, true)).status, 200, "{path}");
    }
}
