//! The demo backend answers the contract from the bundled data as a real one would,
//! and the bundled data decodes with the app's own models.

use youxin::api::{
    decode,
    demo::{DEMO_SMS_CODE, STORY_PAGE_SIZE},
    model::*,
    transport::RequestBody,
    ApiError, ApiRequest, ApiResponse, Page,
};

#[path = "support/demo_harness.rs"]
mod demo_harness;

use demo_harness::{Demo, NOW, TOKEN};

impl Demo {
    fn signed_in(&mut self, mut request: ApiRequest) -> ApiResponse {
        request.bearer = Some(TOKEN.into());
        self.send(request)
    }

    fn list<T: serde::de::DeserializeOwned>(&mut self, request: ApiRequest) -> Page<T> {
        let page = decode::page::<T>(&self.signed_in(request)).unwrap();
        assert_eq!(page.skipped, 0, "every bundled item decodes");
        page
    }
}

fn json(body: serde_json::Value) -> Option<RequestBody> {
    Some(RequestBody::Json(body.to_string()))
}

fn with_key(mut request: ApiRequest, key: &str) -> ApiRequest {
    request.idempotency_key = Some(key.into());
    request
}

#[test]
fn the_site_is_marked_as_demo_data() {
    let site: Site = decode::object(&Demo::new().send(ApiRequest::get("/v1/site"))).unwrap();
    assert!(site.demo);
    assert!(!site.name.is_empty());
}

#[test]
fn all_25_services_decode_and_each_opens_by_id() {
    let mut demo = Demo::new();
    let services = demo.list::<Service>(ApiRequest::get("/v1/services")).items;
    assert_eq!(services.len(), 25);
    let mut numbers: Vec<u32> = services.iter().filter_map(|s| s.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=25).collect::<Vec<_>>());
    for service in &services {
        assert!(!service.category.is_empty() && !service.provider.is_empty(), "{}", service.id);
        let one: Service =
            decode::object(&demo.send(ApiRequest::get(format!("/v1/services/{}", service.id)))).unwrap();
        assert_eq!(&one, service);
    }
}

#[test]
fn an_unknown_id_is_a_404_in_the_contracts_shape() {
    let response = Demo::new().send(ApiRequest::get("/v1/services/no-such-service"));
    let error = decode::object::<Service>(&response).unwrap_err();
    assert!(matches!(error, ApiError::Http { status: 404, .. }), "{error:?}");
    assert_eq!(error.code(), Some("not_found"));
}

#[test]
fn courses_filter_by_kind() {
    let mut demo = Demo::new();
    let online = demo.list::<Course>(ApiRequest::get("/v1/courses").param("kind", Some("online"))).items;
    assert_eq!(online.len(), 23);
    assert!(online.iter().all(|c| c.kind == CourseKind::Online));
    let all = demo.list::<Course>(ApiRequest::get("/v1/courses")).items;
    assert!(all.iter().any(|c| c.kind == CourseKind::Offline));
    assert!(all.iter().any(|c| c.kind == CourseKind::Competition));
}

#[test]
fn stories_page_by_cursor_and_filter_by_tag() {
    let mut demo = Demo::new();
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let request = ApiRequest::get("/v1/stories").param("cursor", cursor.as_deref());
        let page = demo.list::<StorySummary>(request);
        assert!(page.items.len() <= STORY_PAGE_SIZE);
        seen.extend(page.items.into_iter().map(|s| s.id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert!(seen.len() >= 12);
    let unique: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no story twice across pages");

    for tag in ["新经济组织", "新社会组织", "新就业群体"] {
        let page = demo.list::<StorySummary>(ApiRequest::get("/v1/stories").param("tag", Some(tag)));
        assert!(!page.items.is_empty(), "{tag}");
        assert!(page.items.iter().all(|s| s.tag == tag));
    }
    let story: Story =
        decode::object(&demo.send(ApiRequest::get(format!("/v1/stories/{}", seen[0])))).unwrap();
    assert!(!story.body.is_empty());
    assert!(story.body.iter().all(|b| *b != Block::Unknown));
}

#[test]
fn there_are_58_stations_two_of_them_night_stations_all_inside_youyang() {
    let stations = Demo::new().list::<Station>(ApiRequest::get("/v1/stations")).items;
    assert_eq!(stations.len(), 58);
    assert_eq!(stations.iter().filter(|s| s.night).count(), 2);
    for station in &stations {
        let at = station.location.unwrap_or_else(|| panic!("{} has a position", station.id));
        assert!((28.2..29.4).contains(&at.lat) && (108.2..109.2).contains(&at.lng), "{}", station.id);
        assert!(station.hours.always_open || !station.hours.spans.is_empty(), "{}", station.id);
    }
}

#[test]
fn personal_data_needs_a_sign_in() {
    let mut demo = Demo::new();
    for path in ["/v1/me", "/v1/points/ledger", "/v1/reports", "/v1/redemptions"] {
        assert_eq!(demo.send(ApiRequest::get(path)).status, 401, "{path}");
    }
    let me: Me = decode::object(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap();
    let ledger = demo.list::<LedgerEntry>(ApiRequest::get("/v1/points/ledger"));
    assert_eq!(me.points_balance, ledger.items.iter().map(|e| e.delta).sum::<i64>());
}

#[test]
fn login_takes_a_valid_phone_and_the_demo_code() {
    let mut demo = Demo::new();
    let code = |phone: &str, code: &str| {
        ApiRequest::post("/v1/auth/login", json(serde_json::json!({ "phone": phone, "code": code })))
    };
    assert_eq!(
        demo.send(ApiRequest::post("/v1/auth/sms-code", json(serde_json::json!({ "phone": "13800000000" }))))
            .status,
        204
    );
    assert_eq!(
        demo.send(ApiRequest::post("/v1/auth/sms-code", json(serde_json::json!({ "phone": "12345" }))))
            .status,
        400
    );
    assert_eq!(demo.send(code("13800000000", "000000")).status, 401);
    let session: AuthSession = decode::object(&demo.send(code("13800000000", DEMO_SMS_CODE))).unwrap();
    assert!(!session.token.is_empty());
    assert_eq!(demo.signed_in(ApiRequest::get("/v1/me")).status, 200);
}

#[test]
fn enrolment_is_once_only_and_respects_full_and_closed_sessions() {
    let mut demo = Demo::new();
    let courses = demo.list::<Course>(ApiRequest::get("/v1/courses")).items;
    let enrol =
        |id: &str| ApiRequest::post(format!("/v1/courses/{id}/enrolments"), json(serde_json::json!({})));
    let open = courses
        .iter()
        .find(|c| {
            c.kind != CourseKind::Online
                && c.seats_left.unwrap_or(0) > 0
                && c.enrol_deadline.as_deref().is_some_and(|d| d > NOW)
        })
        .expect("an open session in the demo data");
    assert_eq!(demo.send(enrol(&open.id)).status, 401, "needs a sign-in");
    assert_eq!(demo.signed_in(enrol(&open.id)).status, 201);
    let again = decode::object::<Enrolment>(&demo.signed_in(enrol(&open.id))).unwrap_err();
    assert_eq!(again.code(), Some("already_enrolled"));
    let course: Course =
        decode::object(&demo.signed_in(ApiRequest::get(format!("/v1/courses/{}", open.id)))).unwrap();
    assert!(course.enrolled);
    assert_eq!(course.seats_left, open.seats_left.map(|n| n - 1));

    let full = courses.iter().find(|c| c.seats_left == Some(0)).expect("a full session in the demo data");
    let error = decode::object::<Enrolment>(&demo.signed_in(enrol(&full.id))).unwrap_err();
    assert_eq!(error.code(), Some("course_full"));
    let closed = courses
        .iter()
        .find(|c| c.seats_left.unwrap_or(0) > 0 && c.enrol_deadline.as_deref().is_some_and(|d| d < NOW))
        .expect("a session past its deadline with seats left in the demo data");
    let error = decode::object::<Enrolment>(&demo.signed_in(enrol(&closed.id))).unwrap_err();
    assert_eq!(error.code(), Some("enrolment_closed"));
}

#[test]
fn a_repeated_report_with_the_same_key_is_one_report() {
    let mut demo = Demo::new();
    let report =
        json(serde_json::json!({ "category": "井盖缺失", "text": "桃花源路口井盖松动", "photos": [] }));
    let send = |key: &str| with_key(ApiRequest::post("/v1/reports", report.clone()), key);
    let before = demo.list::<Report>(ApiRequest::get("/v1/reports")).items.len();
    let first: Report = decode::object(&demo.signed_in(send("key-1"))).unwrap();
    let again: Report = decode::object(&demo.signed_in(send("key-1"))).unwrap();
    assert_eq!(first, again);
    assert_eq!(first.status, ReportStatus::Pending);
    assert_eq!(demo.list::<Report>(ApiRequest::get("/v1/reports")).items.len(), before + 1);
    let other: Report = decode::object(&demo.signed_in(send("key-2"))).unwrap();
    assert_ne!(other.id, first.id);
    let empty = with_key(
        ApiRequest::post("/v1/reports", json(serde_json::json!({ "category": "", "text": "" }))),
        "key-3",
    );
    assert_eq!(demo.signed_in(empty).status, 400);
}

fn photo(bytes: usize, content_type: &str) -> Option<RequestBody> {
    Some(RequestBody::File {
        name: "photo.jpg".into(),
        content_type: content_type.into(),
        bytes: vec![0xff; bytes],
    })
}

#[test]
fn an_upload_is_kept_by_its_size_and_a_report_carries_its_photos_and_place() {
    let mut demo = Demo::new();
    let upload: Upload =
        decode::object(&demo.signed_in(ApiRequest::post("/v1/uploads", photo(300_000, "image/jpeg"))))
            .unwrap();
    assert_eq!(upload.bytes, Some(300_000));
    assert_eq!(demo.state.uploads.get(&upload.id), Some(&300_000));
    let report = json(serde_json::json!({
        "category": "道路隐患", "text": "路口井盖松动", "photos": [upload.id],
        "address": "民族路口", "town": "桃花源街道", "anonymous": true,
    }));
    let filed: Report =
        decode::object(&demo.signed_in(with_key(ApiRequest::post("/v1/reports", report), "k"))).unwrap();
    assert_eq!(filed.photos, vec![upload.id.clone()]);
    assert_eq!(
        (filed.address.as_deref(), filed.town.as_deref(), filed.anonymous),
        (Some("民族路口"), Some("桃花源街道"), true)
    );
    let listed = demo.list::<Report>(ApiRequest::get("/v1/reports")).items;
    assert_eq!(listed[0], filed);
}

#[test]
fn uploads_that_are_not_pictures_or_too_large_and_unknown_photos_are_refused() {
    let mut demo = Demo::new();
    let html = demo.signed_in(ApiRequest::post("/v1/uploads", photo(10, "text/html")));
    assert_eq!(decode::object::<Upload>(&html).unwrap_err().code(), Some("unsupported_type"));
    let huge = demo.signed_in(ApiRequest::post("/v1/uploads", photo(11 * 1024 * 1024, "image/jpeg")));
    assert_eq!(decode::object::<Upload>(&huge).unwrap_err().code(), Some("too_large"));
    assert_eq!(demo.send(ApiRequest::post("/v1/uploads", photo(10, "image/jpeg"))).status, 401);
    let report =
        json(serde_json::json!({ "category": "其他", "text": "测试测试", "photos": ["upl-nowhere"] }));
    let unknown = demo.signed_in(with_key(ApiRequest::post("/v1/reports", report), "k"));
    assert_eq!(decode::object::<Report>(&unknown).unwrap_err().code(), Some("invalid_report"));
}

#[test]
fn the_report_list_comes_in_pages_with_the_reviewers_notes() {
    let mut demo = Demo::new();
    for n in 0..4 {
        let report = json(serde_json::json!({ "category": "其他", "text": format!("第 {n} 条") }));
        demo.signed_in(with_key(ApiRequest::post("/v1/reports", report), &format!("k{n}")));
    }
    let first = demo.list::<Report>(ApiRequest::get("/v1/reports"));
    assert_eq!(first.items.len(), youxin::api::demo::REPORT_PAGE_SIZE);
    let cursor = first.next.expect("a second page");
    let second = demo.list::<Report>(ApiRequest::get("/v1/reports").param("cursor", Some(&cursor)));
    assert_eq!(second.next, None);
    let all: Vec<Report> = first.items.into_iter().chain(second.items).collect();
    assert_eq!(all.len(), 7);
    let rejected = all.iter().find(|r| r.status == ReportStatus::Rejected).expect("a rejected demo report");
    assert!(rejected.review_note.as_deref().is_some_and(|n| !n.is_empty()), "it says why");
}

#[test]
fn a_redemption_spends_points_once_and_refuses_an_overdraft() {
    let mut demo = Demo::new();
    let balance = |demo: &mut Demo| {
        decode::object::<Me>(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap().points_balance
    };
    let start = balance(&mut demo);
    let rewards = demo.list::<Reward>(ApiRequest::get("/v1/rewards")).items;
    let affordable =
        rewards.iter().filter(|r| r.cost <= start).min_by_key(|r| r.cost).expect("an affordable reward");
    let redeem = |key: &str| {
        with_key(
            ApiRequest::post(
                format!("/v1/rewards/{}/redemptions", affordable.id),
                json(serde_json::json!({})),
            ),
            key,
        )
    };
    let first: Redemption = decode::object(&demo.signed_in(redeem("r-1"))).unwrap();
    let double_tap: Redemption = decode::object(&demo.signed_in(redeem("r-1"))).unwrap();
    assert_eq!(first, double_tap);
    assert!(!first.code.is_empty());
    assert_eq!(balance(&mut demo), start - affordable.cost);

    let too_dear = rewards
        .iter()
        .find(|r| r.cost > start - affordable.cost)
        .expect("a reward dearer than what is left in the demo data");
    let request = with_key(
        ApiRequest::post(format!("/v1/rewards/{}/redemptions", too_dear.id), json(serde_json::json!({}))),
        "r-2",
    );
    let error = decode::object::<Redemption>(&demo.signed_in(request)).unwrap_err();
    assert_eq!(error.code(), Some("insufficient_points"));
}

#[test]
fn a_campaign_check_in_earns_its_points_once() {
    let mut demo = Demo::new();
    let campaigns = demo.list::<Campaign>(ApiRequest::get("/v1/campaigns")).items;
    let campaign = campaigns
        .into_iter()
        .find(|c| c.ends_at.as_deref().is_some_and(|end| end > NOW))
        .expect("a campaign still open in the demo data");
    let check_in = |key: &str| {
        with_key(
            ApiRequest::post(format!("/v1/campaigns/{}/checkins", campaign.id), json(serde_json::json!({}))),
            key,
        )
    };
    let before = decode::object::<Me>(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap().points_balance;
    assert_eq!(demo.signed_in(check_in("c-1")).status, 201);
    let twice = decode::object::<Checkin>(&demo.signed_in(check_in("c-2"))).unwrap_err();
    assert_eq!(twice.code(), Some("already_checked_in"));
    let after = decode::object::<Me>(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap().points_balance;
    assert_eq!(after, before + campaign.points);
    let campaigns = demo.list::<Campaign>(ApiRequest::get("/v1/campaigns")).items;
    assert!(campaigns.iter().find(|c| c.id == campaign.id).unwrap().checked_in);
}

#[test]
fn a_me_file_that_is_not_an_object_is_malformed_data_not_a_panic() {
    for me in
        [serde_json::json!(42), serde_json::json!("演示"), serde_json::json!([1]), serde_json::json!(true)]
    {
        let mut demo = Demo::new();
        demo.files.insert("me", me.clone());
        let error = decode::object::<Me>(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap_err();
        assert!(matches!(error, ApiError::Decode(_)), "{me}: {error:?}");
    }
}

#[test]
fn an_ended_campaign_takes_no_check_in() {
    let mut demo = Demo::new();
    let campaigns = demo.list::<Campaign>(ApiRequest::get("/v1/campaigns")).items;
    let ended = campaigns
        .iter()
        .find(|c| c.ends_at.as_deref().is_some_and(|end| end < NOW))
        .expect("an ended campaign in the demo data");
    let request = with_key(
        ApiRequest::post(format!("/v1/campaigns/{}/checkins", ended.id), json(serde_json::json!({}))),
        "late",
    );
    let error = decode::object::<Checkin>(&demo.signed_in(request)).unwrap_err();
    assert_eq!(error.code(), Some("campaign_closed"));
}

#[test]
fn a_voucher_opens_by_id_with_where_and_until_when_and_the_stock_goes_down() {
    let mut demo = Demo::new();
    let rewards = demo.list::<Reward>(ApiRequest::get("/v1/rewards")).items;
    let reward =
        rewards.iter().find(|r| r.stock.is_some_and(|s| s > 0) && r.cost <= 140).expect("a stocked reward");
    let request = with_key(
        ApiRequest::post(format!("/v1/rewards/{}/redemptions", reward.id), json(serde_json::json!({}))),
        "v-1",
    );
    let made: Redemption = decode::object(&demo.signed_in(request)).unwrap();
    let opened: Redemption =
        decode::object(&demo.signed_in(ApiRequest::get(format!("/v1/redemptions/{}", made.id)))).unwrap();
    assert_eq!(opened, made);
    assert_eq!(opened.provider, reward.provider);
    assert_eq!(opened.place, reward.place);
    let days = i64::from(reward.valid_days.unwrap_or(90));
    let issued = youxin::domain::time::ChinaTime::parse_rfc3339(NOW).unwrap();
    let until =
        youxin::domain::time::ChinaTime::parse_rfc3339(opened.expires_at.as_deref().unwrap()).unwrap();
    assert_eq!(until.unix_millis - issued.unix_millis, days * 86_400_000);
    let after: Reward =
        decode::object(&demo.send(ApiRequest::get(format!("/v1/rewards/{}", reward.id)))).unwrap();
    assert_eq!(after.stock, reward.stock.map(|s| s - 1));
    let stranger = demo.send(ApiRequest::get(format!("/v1/redemptions/{}", made.id)));
    assert_eq!(stranger.status, 401);
}

#[test]
fn the_level_climbs_with_points_earned_and_spending_does_not_lower_it() {
    let mut demo = Demo::new();
    let me = |demo: &mut Demo| decode::object::<Me>(&demo.signed_in(ApiRequest::get("/v1/me"))).unwrap();
    let start = me(&mut demo);
    let level = start.level.clone().expect("the demo worker has a level");
    let to_next = level.next_at.expect("a next level") - start.points_earned;
    demo.state.ledger.push(serde_json::json!({ "id": "spent", "delta": -50, "reason": "兑换", "at": null }));
    assert_eq!(me(&mut demo).level, Some(level.clone()), "spending keeps the level");
    demo.state
        .ledger
        .push(serde_json::json!({ "id": "earned", "delta": to_next, "reason": "上报", "at": null }));
    let now = me(&mut demo);
    assert_eq!(now.points_earned, start.points_earned + to_next);
    assert_eq!(now.level.map(|l| l.name), level.next_name);
}

#[test]
fn campaigns_that_are_not_objects_are_passed_on_not_a_panic() {
    let mut demo = Demo::new();
    demo.files.insert("campaigns", serde_json::json!({ "items": [1, "二", null, [true]], "next": null }));
    let response = demo.signed_in(ApiRequest::get("/v1/campaigns"));
    assert_eq!(response.status, 200);
    let error = decode::page::<Campaign>(&response).unwrap_err();
    assert!(matches!(error, ApiError::Decode(_)), "{error:?}");
}
