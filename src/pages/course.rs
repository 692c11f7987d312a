//! One course, session or competition.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{model::Course, use_api_resource},
    components::{Loaded, SkeletonShape},
    domain::{time::ChinaTime, url::safe_link},
    pages::courses::kind_label,
    platform::document::use_page_meta,
};

#[component]
pub fn CourseDetail() -> impl IntoView {
    let params = use_params_map();
    let course = use_api_resource(move |api| {
        let id = params.read().get("id").unwrap_or_default();
        async move { api.course(&id).await }
    });
    let loaded = move || course.get().and_then(Result::ok);
    use_page_meta(
        move || loaded().map(|c| c.title).unwrap_or_else(|| "课程详情".into()),
        move || loaded().map(|c| c.summary).unwrap_or_default(),
    );
    view! {
        <nav class="breadcrumb" aria-label="位置"><a href="/courses">"‹ 酉新学堂"</a></nav>
        <Loaded resource=course skeleton=SkeletonShape::Detail render={|course: Course| view! { <CourseArticle course /> }} />
    }
}

fn when(rfc3339: &Option<String>) -> Option<String> {
    ChinaTime::parse_rfc3339(rfc3339.as_deref()?).map(|t| t.date_time_label())
}

#[component]
fn CourseArticle(course: Course) -> impl IntoView {
    let media = course.media_url.as_deref().and_then(safe_link).map(str::to_owned);
    let fact = |label: &'static str, value: Option<String>| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| view! { <div class="fact"><dt>{label}</dt><dd>{v}</dd></div> })
    };
    let seats = course.seats.map(|seats| match course.seats_left {
        Some(0) => format!("共 {seats} 个名额，已满"),
        Some(left) => format!("共 {seats} 个名额，剩余 {left} 个"),
        None => format!("共 {seats} 个名额"),
    });
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{kind_label(course.kind)} " · " {course.category.clone()}</p>
                <h1>{course.title.clone()}</h1>
                <p class="lead">{course.summary.clone()}</p>
            </header>
            <dl class="facts">
                {fact("主办单位", Some(course.provider.clone()))}
                {fact("课时", course.lessons.map(|n| format!("{n} 节")))}
                {fact("时长", course.duration_minutes.map(|m| format!("约 {m} 分钟")))}
                {fact("开始时间", when(&course.starts_at))}
                {fact("结束时间", when(&course.ends_at))}
                {fact("地点", course.place.clone())}
                {fact("名额", seats)}
                {fact("报名截止", when(&course.enrol_deadline))}
                {fact("比赛内容", (!course.judged_on.is_empty()).then(|| course.judged_on.join("、")))}
            </dl>
            {media.map(|href| view! { <p><a class="button" href=href rel="noopener noreferrer">"开始学习"</a></p> })}
        </article>
    }
}
