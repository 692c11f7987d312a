//! How the client reads what a backend sends: tolerant of the harmless, clear about the rest.

use youxin::api::{
    decode,
    model::{Block, CourseKind, Service, Station, Story},
    ApiError, ApiResponse,
};

fn ok(body: &str) -> ApiResponse {
    ApiResponse::new(200, body)
}

#[test]
fn a_list_may_be_a_bare_array_or_an_items_object() {
    let bare = decode::page::<Service>(&ok(r#"[{"id":"a","title":"甲"}]"#)).unwrap();
    let wrapped = decode::page::<Service>(&ok(r#"{"items":[{"id":"a","title":"甲"}],"next":"c2"}"#)).unwrap();
    assert_eq!(bare.items, wrapped.items);
    assert_eq!(bare.next, None);
    assert_eq!(wrapped.next.as_deref(), Some("c2"));
}

#[test]
fn one_malformed_item_is_skipped_and_counted_without_losing_the_rest() {
    let body =
        r#"{"items":[{"id":"a","title":"甲"},{"title":"没有编号"},7,{"id":"c","title":"丙"}],"next":null}"#;
    let page = decode::page::<Service>(&ok(body)).unwrap();
    assert_eq!(page.items.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
    assert_eq!(page.skipped, 2);
}

#[test]
fn a_list_whose_every_item_is_malformed_is_an_error_not_an_empty_list() {
    for body in [r#"{"items":[{"title":"没有编号"},7,"x"],"next":null}"#, r#"[null, [], {"id": 5}]"#] {
        let error = decode::page::<Service>(&ok(body)).unwrap_err();
        assert!(matches!(error, ApiError::Decode(_)), "{body}: {error:?}");
        assert!(error.user_message().contains("数据格式有误"));
        assert!(error.is_retryable(), "the worker is offered 重试");
    }
    let empty = decode::page::<Service>(&ok(r#"{"items":[],"next":null}"#)).unwrap();
    assert!(empty.items.is_empty() && empty.skipped == 0, "a list that is really empty stays a list");
}

#[test]
fn unknown_fields_are_ignored_and_missing_optionals_take_defaults() {
    let body = r#"{"id":"svc","title":"法律援助","brand_new_field":{"x":1},"access":{"phone":"12348"}}"#;
    let service: Service = decode::object(&ok(body)).unwrap();
    assert_eq!(service.title, "法律援助");
    assert_eq!(service.access.phone.as_deref(), Some("12348"));
    assert!(service.access.steps.is_empty());
    assert_eq!(service.number, None);
}

#[test]
fn unknown_enum_values_and_block_types_do_not_break_a_page() {
    let story: Story = decode::object(&ok(
        r#"{"id":"s","title":"t","body":[{"type":"paragraph","text":"一"},{"type":"video","src":"x"},{"type":"quote","text":"二"}]}"#,
    ))
    .unwrap();
    assert_eq!(story.body.len(), 3);
    assert_eq!(story.body[1], Block::Unknown);
    let course: youxin::api::model::Course =
        decode::object(&ok(r#"{"id":"c","title":"t","kind":"webinar"}"#)).unwrap();
    assert_eq!(course.kind, CourseKind::Unknown);
}

#[test]
fn an_error_status_carries_the_servers_code_and_message() {
    let response = ApiResponse::error(409, "course_full", "名额已满");
    let error = decode::object::<Service>(&response).unwrap_err();
    assert_eq!(error.code(), Some("course_full"));
    assert_eq!(error.user_message(), "名额已满（错误 409）");
    assert!(!error.is_retryable());
}

#[test]
fn an_error_status_with_a_non_json_body_still_reports_the_status() {
    let error = decode::page::<Service>(&ApiResponse::new(502, "<html>Bad Gateway</html>")).unwrap_err();
    assert_eq!(error, ApiError::Http { status: 502, code: String::new(), message: String::new() });
    assert!(error.user_message().contains("502"));
    assert!(error.is_retryable());
}

#[test]
fn a_malformed_body_is_a_decode_error_that_names_the_problem() {
    let truncated = decode::page::<Service>(&ok(r#"{"items": ["#)).unwrap_err();
    assert!(matches!(truncated, ApiError::Decode(_)), "{truncated:?}");
    let wrong_shape = decode::page::<Service>(&ok(r#"{"items": "none"}"#)).unwrap_err();
    assert_eq!(wrong_shape, ApiError::Decode("`items` is not an array".into()));
    let missing = decode::object::<Station>(&ok(r#"{"name":"驿站"}"#)).unwrap_err();
    match missing {
        ApiError::Decode(what) => assert!(what.contains("id"), "{what}"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn a_long_hostile_server_message_is_cut_to_a_screenful() {
    let message = "错".repeat(5000);
    let error = decode::object::<Service>(&ApiResponse::error(400, "bad", &message)).unwrap_err();
    assert!(error.user_message().chars().count() < 200);
}

#[test]
fn no_content_is_success_for_calls_that_return_nothing() {
    assert_eq!(decode::empty(&ApiResponse::new(204, "")), Ok(()));
    assert!(decode::empty(&ApiResponse::error(429, "too_many", "请稍后再试")).is_err());
}

#[test]
fn a_null_counts_as_missing_and_takes_the_default() {
    let body = r#"{"items":[{"id":"a","title":"甲","summary":null,"tags":null,"access":{"steps":null,"phone":null}}],"next":null}"#;
    let page = decode::page::<Service>(&ok(body)).unwrap();
    assert_eq!(page.skipped, 0);
    assert_eq!(page.items[0].summary, "");
    assert!(page.items[0].access.steps.is_empty());
    let one: Service =
        decode::object(&ok(r#"{"id":"a","title":"甲","number":null,"provider":null}"#)).unwrap();
    assert_eq!(one.number, None);
    assert!(
        decode::object::<Service>(&ok(r#"{"id":"a","title":null}"#)).is_err(),
        "a required field stays required"
    );
}

#[test]
fn a_malformed_part_of_a_topic_or_activity_is_left_out_not_the_whole() {
    use youxin::api::model::{Activity, Programme, SubActionState, Topic, TopicState};
    let topic: Topic = decode::object(&ok(r#"{"id":"t","title":"议题","state":"pending",
        "meeting":"今晚","my_opinions":[{"id":"o","text":"好"},{"text":"没有编号"},3]}"#))
    .unwrap();
    assert_eq!(topic.state, TopicState::Unknown);
    assert_eq!(topic.meeting, None, "a meeting that is not an object reads as none");
    assert_eq!(topic.my_opinions.len(), 1);

    let activity: Activity = decode::object(&ok(r#"{"id":"a","title":"活动","kind":"party",
        "form":{"questions":"请填表"},"my_signup":{"status":"confirmed"}}"#))
    .unwrap();
    assert_eq!(activity.form, None, "a form the app cannot read: the backend says what it misses");
    assert_eq!(activity.my_signup, None);

    let programme: Programme =
        decode::object(&ok(r#"{"sub_actions":[{"id":"s","title":"驿站","state":"paused"},
        {"title":"没有编号"}],"contact":7,"hotline":"12345"}"#))
        .unwrap();
    assert_eq!(programme.sub_actions.len(), 1);
    assert_eq!(programme.sub_actions[0].state, SubActionState::Unknown);
    assert_eq!(programme.contact, None);
}
