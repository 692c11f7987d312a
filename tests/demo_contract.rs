//! The demo backend speaks the contract as the mock backend does: the same
//! error codes for the same refusals, errors replayed for a repeated key, and
//! answers for every endpoint that `tests/contract/demo.test.mjs` validates
//! against `public/openapi.yaml` (they are written to `target/demo-answers.json`).

use serde_json::{json, Value};
use youxin::api::{
    demo::{DemoFiles, DEMO_SMS_CODE},
    transport::RequestBody,
    ApiRequest, ApiResponse,
};

#[path = "support/demo_harness.rs"]
mod demo_harness;

use demo_harness::{root, Demo, TOKEN};

fn items(files: &DemoFiles, name: &str) -> Vec<Value> {
    files[name]["items"].as_array().cloned().unwrap_or_default()
}

fn signed_in(mut request: ApiRequest) -> ApiRequest {
    request.bearer = Some(TOKEN.into());
    request
}

fn post(path: &str, body: Value, key: Option<&str>) -> ApiRequest {
    let mut request = signed_in(ApiRequest::post(path, Some(RequestBody::Json(body.to_string()))));
    request.idempotency_key = key.map(str::to_owned);
    request
}

fn code(response: &ApiResponse) -> String {
    let body: Value = serde_json::from_str(&response.body).unwrap_or_default();
    body["error"]["code"].as_str().unwrap_or_default().to_owned()
}

fn course_of_kind(files: &DemoFiles, kind: &str) -> String {
    let course = items(files, "courses").into_iter().find(|c| c["kind"] == kind);
    course.unwrap_or_else(|| panic!("a course of kind {kind} in the demo data"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_wrong_sms_code_is_bad_code_as_the_contract_says() {
    let mut demo = Demo::new();
    let login = ApiRequest::post(
        "/v1/auth/login",
        Some(RequestBody::Json(json!({ "phone": "13800000000", "code": "000000" }).to_string())),
    );
    let response = demo.send(login);
    assert_eq!((response.status, code(&response).as_str()), (401, "bad_code"));
    assert_ne!(DEMO_SMS_CODE, "000000");
}

#[test]
fn an_online_course_needs_no_enrolment() {
    let mut demo = Demo::new();
    let online = course_of_kind(&demo.files, "online");
    let response = demo.send(post(&format!("/v1/courses/{online}/enrolments"), json!({}), None));
    assert_eq!((response.status, code(&response).as_str()), (409, "enrolment_not_needed"));
}

#[test]
fn a_repeated_key_replays_an_error_without_a_second_try() {
    let mut demo = Demo::new();
    let rewards = items(&demo.files, "rewards");
    let dear =
        rewards.iter().max_by_key(|r| r["cost"].as_i64().unwrap_or(0)).expect("rewards in the demo data");
    let path = format!("/v1/rewards/{}/redemptions", dear["id"].as_str().unwrap());
    // Enough points arrive between the two tries; the key still means the first answer.
    let first = demo.send(post(&path, json!({}), Some("key-dear")));
    assert_eq!(code(&first), "insufficient_points", "the dearest reward costs more than the demo balance");
    demo.state.ledger.push(json!({ "id": "gift", "delta": 1_000_000, "reason": "测试", "at": null }));
    let replay = demo.send(post(&path, json!({}), Some("key-dear")));
    assert_eq!(replay, first);
    let fresh = demo.send(post(&path, json!({}), Some("key-new")));
    assert_ne!(code(&fresh), "insufficient_points", "a new key is a new try");
}

#[test]
fn unknown_kinds_and_cursors_are_refused_as_the_mock_refuses_them() {
    let mut demo = Demo::new();
    let kind = demo.send(ApiRequest::get("/v1/courses").param("kind", Some("webinar")));
    assert_eq!((kind.status, code(&kind).as_str()), (400, "bad_request"));
    let cursor = demo.send(ApiRequest::get("/v1/stories").param("cursor", Some("not-ours")));
    assert_eq!((cursor.status, code(&cursor).as_str()), (400, "bad_cursor"));
}

#[test]
fn an_id_with_reserved_characters_reaches_its_item() {
    let mut demo = Demo::new();
    let odd = "a/b?c#d 空格";
    if let Value::Object(file) = demo.files.get_mut("services").unwrap() {
        file["items"].as_array_mut().unwrap()[0]["id"] = json!(odd);
    }
    let path = youxin::domain::url::item_path("/v1/services", odd);
    let response = demo.send(ApiRequest::get(path));
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(serde_json::from_str::<Value>(&response.body).unwrap()["id"], odd);
}

/// One answer as the contract tests read it: which operation, and what came back.
fn entry(template: &str, method: &str, response: &ApiResponse) -> Value {
    let body =
        if response.body.is_empty() { Value::Null } else { serde_json::from_str(&response.body).unwrap() };
    json!({ "method": method, "template": template, "status": response.status, "body": body })
}

#[test]
fn every_endpoint_answers_are_written_for_the_contract_tests() {
    let mut demo = Demo::new();
    let first = |name: &str, files: &DemoFiles| items(files, name)[0]["id"].as_str().unwrap().to_owned();
    let (service, story, station) =
        (first("services", &demo.files), first("stories", &demo.files), first("stations", &demo.files));
    let (online, offline) = (course_of_kind(&demo.files, "online"), course_of_kind(&demo.files, "offline"));
    let (campaign, reward) = (first("campaigns", &demo.files), first("rewards", &demo.files));
    let redemption = first("redemptions", &demo.files);
    let honouree = first("honourees", &demo.files);
    let (open_topic, closed_topic) = ("tpc-01", "tpc-03");
    let children = json!({
        "answers": { "guardian_phone": "13800000000" },
        "group": [{ "name": "小雨", "age": 8 }, { "name": "小山", "age": 5, "school": "幼儿园大班" }],
    });
    let nomination = json!({ "nominee": "龚师傅", "occupation": "快递员", "deed": "帮老人把药送上楼。" });
    let application = json!({ "occupation": "外卖骑手", "employer": null, "years": 3, "town": "钟多街道", "reason": "想参加议事。" });
    let login = |code: &str| {
        ApiRequest::post(
            "/v1/auth/login",
            Some(RequestBody::Json(json!({ "phone": "13800000000", "code": code }).to_string())),
        )
    };
    let report = json!({ "category": "道路隐患", "text": "路口井盖松动。", "photos": [] });
    let upload = |content_type: &str| {
        signed_in(ApiRequest::post(
            "/v1/uploads",
            Some(RequestBody::File {
                name: "a.jpg".into(),
                content_type: content_type.into(),
                bytes: vec![0xff, 0xd8, 0xff],
            }),
        ))
    };
    let full_report = json!({
        "category": "用电隐患", "text": "楼道飞线充电。", "photos": [], "location": { "lat": 28.85, "lng": 108.77 },
        "address": "城北一栋楼道", "town": "钟多街道", "anonymous": true,
    });

    let cases: Vec<(&str, &str, ApiRequest)> = vec![
        ("/v1/site", "GET", ApiRequest::get("/v1/site")),
        ("/v1/services", "GET", ApiRequest::get("/v1/services")),
        ("/v1/services/{id}", "GET", ApiRequest::get(format!("/v1/services/{service}"))),
        ("/v1/services/{id}", "GET", ApiRequest::get("/v1/services/no-such-id")),
        ("/v1/courses", "GET", ApiRequest::get("/v1/courses")),
        ("/v1/courses", "GET", ApiRequest::get("/v1/courses").param("kind", Some("offline"))),
        ("/v1/courses", "GET", ApiRequest::get("/v1/courses").param("kind", Some("webinar"))),
        ("/v1/courses/{id}", "GET", signed_in(ApiRequest::get(format!("/v1/courses/{offline}")))),
        ("/v1/stories", "GET", ApiRequest::get("/v1/stories")),
        ("/v1/stories", "GET", ApiRequest::get("/v1/stories").param("cursor", Some("not-ours"))),
        ("/v1/stories", "GET", ApiRequest::get("/v1/stories").param("tag", Some("新就业群体"))),
        ("/v1/stories/{id}", "GET", ApiRequest::get(format!("/v1/stories/{story}"))),
        ("/v1/stations", "GET", ApiRequest::get("/v1/stations")),
        ("/v1/stations/{id}", "GET", ApiRequest::get(format!("/v1/stations/{station}"))),
        ("/v1/points/rules", "GET", ApiRequest::get("/v1/points/rules")),
        ("/v1/campaigns", "GET", ApiRequest::get("/v1/campaigns")),
        ("/v1/campaigns/{id}", "GET", ApiRequest::get(format!("/v1/campaigns/{campaign}"))),
        ("/v1/campaigns/{id}", "GET", ApiRequest::get("/v1/campaigns/no-such-id")),
        ("/v1/rewards", "GET", ApiRequest::get("/v1/rewards")),
        ("/v1/rewards/{id}", "GET", ApiRequest::get(format!("/v1/rewards/{reward}"))),
        ("/v1/rewards/{id}", "GET", ApiRequest::get("/v1/rewards/no-such-id")),
        ("/v1/me", "GET", ApiRequest::get("/v1/me")),
        ("/v1/me", "GET", signed_in(ApiRequest::get("/v1/me"))),
        ("/v1/points/ledger", "GET", signed_in(ApiRequest::get("/v1/points/ledger"))),
        ("/v1/reports", "GET", signed_in(ApiRequest::get("/v1/reports"))),
        ("/v1/redemptions", "GET", signed_in(ApiRequest::get("/v1/redemptions"))),
        ("/v1/redemptions/{id}", "GET", signed_in(ApiRequest::get(format!("/v1/redemptions/{redemption}")))),
        ("/v1/redemptions/{id}", "GET", signed_in(ApiRequest::get("/v1/redemptions/no-such-id"))),
        ("/v1/redemptions/{id}", "GET", ApiRequest::get(format!("/v1/redemptions/{redemption}"))),
        ("/v1/honours", "GET", ApiRequest::get("/v1/honours")),
        ("/v1/honourees", "GET", ApiRequest::get("/v1/honourees").param("year", Some("2024"))),
        ("/v1/honourees", "GET", ApiRequest::get("/v1/honourees").param("year", Some("去年"))),
        ("/v1/honourees/{id}", "GET", ApiRequest::get(format!("/v1/honourees/{honouree}"))),
        ("/v1/honourees/{id}", "GET", ApiRequest::get("/v1/honourees/no-such-id")),
        ("/v1/nominations", "GET", ApiRequest::get("/v1/nominations")),
        ("/v1/nominations", "GET", signed_in(ApiRequest::get("/v1/nominations"))),
        ("/v1/nominations", "POST", post("/v1/nominations", nomination.clone(), Some("nominate-1"))),
        ("/v1/nominations", "POST", post("/v1/nominations", json!({ "nominee": " " }), Some("nominate-2"))),
        ("/v1/nominations", "POST", post("/v1/nominations", nomination, None)),
        ("/v1/knights", "GET", ApiRequest::get("/v1/knights")),
        ("/v1/knights/applications", "GET", signed_in(ApiRequest::get("/v1/knights/applications"))),
        (
            "/v1/knights/applications",
            "POST",
            post("/v1/knights/applications", application.clone(), Some("apply-1")),
        ),
        ("/v1/knights/applications", "POST", post("/v1/knights/applications", application, Some("apply-2"))),
        ("/v1/topics", "GET", ApiRequest::get("/v1/topics")),
        ("/v1/topics", "GET", signed_in(ApiRequest::get("/v1/topics").param("state", Some("closed")))),
        ("/v1/topics", "GET", ApiRequest::get("/v1/topics").param("state", Some("draft"))),
        ("/v1/topics/{id}", "GET", signed_in(ApiRequest::get(format!("/v1/topics/{closed_topic}")))),
        ("/v1/topics/{id}", "GET", ApiRequest::get("/v1/topics/no-such-id")),
        (
            "/v1/auth/sms-code",
            "POST",
            ApiRequest::post(
                "/v1/auth/sms-code",
                Some(RequestBody::Json(json!({ "phone": "13800000000" }).to_string())),
            ),
        ),
        (
            "/v1/auth/sms-code",
            "POST",
            ApiRequest::post(
                "/v1/auth/sms-code",
                Some(RequestBody::Json(json!({ "phone": "1" }).to_string())),
            ),
        ),
        ("/v1/auth/login", "POST", login(DEMO_SMS_CODE)),
        ("/v1/auth/login", "POST", login("000000")),
        (
            "/v1/courses/{id}/enrolments",
            "POST",
            post(&format!("/v1/courses/{offline}/enrolments"), json!({}), Some("enrol-1")),
        ),
        (
            "/v1/courses/{id}/enrolments",
            "POST",
            post(&format!("/v1/courses/{offline}/enrolments"), json!({}), None),
        ),
        (
            "/v1/courses/{id}/enrolments",
            "POST",
            post(&format!("/v1/courses/{online}/enrolments"), json!({}), None),
        ),
        ("/v1/reports", "POST", post("/v1/reports", report.clone(), Some("report-1"))),
        ("/v1/reports", "POST", post("/v1/reports", json!({ "text": "?" }), Some("report-2"))),
        ("/v1/reports", "POST", post("/v1/reports", report, None)),
        ("/v1/uploads", "POST", post("/v1/uploads", json!({}), None)),
        ("/v1/uploads", "POST", upload("image/jpeg")),
        ("/v1/uploads", "POST", upload("text/html")),
        ("/v1/reports", "POST", post("/v1/reports", full_report, Some("report-3"))),
        (
            "/v1/reports",
            "POST",
            post(
                "/v1/reports",
                json!({ "category": "其他", "text": "照片", "photos": ["upl-x"] }),
                Some("report-4"),
            ),
        ),
        ("/v1/reports", "GET", signed_in(ApiRequest::get("/v1/reports").param("cursor", Some("5")))),
        ("/v1/reports", "GET", signed_in(ApiRequest::get("/v1/reports").param("cursor", Some("not-ours")))),
        (
            "/v1/campaigns/{id}/checkins",
            "POST",
            post(&format!("/v1/campaigns/{campaign}/checkins"), json!({}), Some("check-1")),
        ),
        (
            "/v1/rewards/{id}/redemptions",
            "POST",
            post(&format!("/v1/rewards/{reward}/redemptions"), json!({}), Some("redeem-1")),
        ),
        (
            "/v1/topics/{id}/opinions",
            "POST",
            post(&format!("/v1/topics/{open_topic}/opinions"), json!({ "text": "加盏灯。" }), Some("say-1")),
        ),
        (
            "/v1/topics/{id}/opinions",
            "POST",
            post(&format!("/v1/topics/{closed_topic}/opinions"), json!({ "text": "晚了。" }), Some("say-2")),
        ),
        (
            "/v1/topics/{id}/opinions",
            "POST",
            post(
                &format!("/v1/topics/{open_topic}/opinions"),
                json!({ "text": "长".repeat(501) }),
                Some("say-3"),
            ),
        ),
        ("/v1/topics/{id}", "GET", signed_in(ApiRequest::get(format!("/v1/topics/{open_topic}")))),
        ("/v1/activities", "GET", ApiRequest::get("/v1/activities")),
        ("/v1/activities/{id}", "GET", ApiRequest::get("/v1/activities/act-summer-care")),
        ("/v1/activities/{id}", "GET", ApiRequest::get("/v1/activities/no-such-id")),
        (
            "/v1/activities/{id}/signups",
            "POST",
            post("/v1/activities/act-summer-care/signups", children.clone(), Some("signup-1")),
        ),
        (
            "/v1/activities/{id}/signups",
            "POST",
            post("/v1/activities/act-summer-care/signups", children, Some("signup-2")),
        ),
        (
            "/v1/activities/{id}/signups",
            "POST",
            post("/v1/activities/act-summer-care/signups", json!({ "group": [] }), Some("signup-3")),
        ),
        ("/v1/activities/{id}", "GET", signed_in(ApiRequest::get("/v1/activities/act-summer-care"))),
        ("/v1/signups/{id}/cancel", "POST", post("/v1/signups/sgn-demo-1/cancel", json!({}), None)),
        ("/v1/signups/{id}/cancel", "POST", post("/v1/signups/no-such-id/cancel", json!({}), None)),
    ];
    let mut answers = Vec::new();
    for (template, method, request) in cases {
        let response = demo.send(request);
        assert!(
            response.body.is_empty() || serde_json::from_str::<Value>(&response.body).is_ok(),
            "{method} {template} answered a body that is not JSON: {}",
            response.body
        );
        answers.push(entry(template, method, &response));
    }
    let statuses: Vec<u64> = answers.iter().map(|a| a["status"].as_u64().unwrap()).collect();
    assert!(
        statuses.iter().any(|s| *s >= 400) && statuses.iter().any(|s| *s < 300),
        "both kinds are covered"
    );

    let out = root().join("target/demo-answers.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, serde_json::to_string_pretty(&answers).unwrap()).unwrap();
}
