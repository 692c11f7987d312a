//! 酉新学堂: online micro-courses, offline training sessions and skill competitions.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Course, CourseKind},
        use_api_resource, Page,
    },
    components::{Card, Loaded, PageHeader},
    domain::{search::group_by, time::format_date},
    platform::document::use_page_meta,
};

/// How each kind of course is named to workers.
pub fn kind_label(kind: CourseKind) -> &'static str {
    match kind {
        CourseKind::Online => "酉新共学 · 线上微课",
        CourseKind::Offline => "酉新学堂 · 线下培训",
        CourseKind::Competition => "技能竞赛",
        CourseKind::Unknown => "其他课程",
    }
}

#[component]
pub fn Courses() -> impl IntoView {
    use_page_meta(|| "酉新学堂".into(), || "线上微课、线下培训和技能竞赛，为新就业群体免费开放。".into());
    let courses = use_api_resource(|api| async move { api.courses(None, None).await });
    view! {
        <PageHeader title="酉新学堂" lead="手机上随时学的微课，家门口的培训班，还有比一比的技能竞赛。" />
        <Loaded resource=courses render={|page: Page<Course>| view! { <CourseGroups courses=page.items /> }} />
    }
}

#[component]
fn CourseGroups(courses: Vec<Course>) -> impl IntoView {
    if courses.is_empty() {
        return view! { <p class="notice notice-empty">"暂时没有课程，过几天再来看看。"</p> }.into_any();
    }
    group_by(&courses, |c| kind_label(c.kind))
        .into_iter()
        .map(|(label, members)| view! {
            <section class="group">
                <h2 class="group-title">{label}</h2>
                <ul class="cards">
                    {members.into_iter().map(|c| view! { <li><CourseCard course=c.clone() /></li> }).collect_view()}
                </ul>
            </section>
        })
        .collect_view()
        .into_any()
}

#[component]
fn CourseCard(course: Course) -> impl IntoView {
    let meta = match course.kind {
        CourseKind::Online => {
            let lessons = course.lessons.map(|n| format!("{n} 节")).unwrap_or_default();
            format!("{} {}", course.provider, lessons)
        }
        _ => {
            let when = course.starts_at.as_deref().and_then(format_date).unwrap_or_default();
            format!("{when} {}", course.place.unwrap_or_default())
        }
    };
    view! {
        <Card href=format!("/courses/{}", course.id) kicker=course.category title=course.title text=course.summary meta />
    }
}
