//! One course, session or competition.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Course, CourseKind},
        use_api,
    },
    components::{
        course_progress::{load_progress, record_progress},
        fact, use_kiosk, use_signed_in, DetailPage, OutLink, ReadAloud,
    },
    domain::{
        courses::{kind_label, EnrolState, Progress},
        reading::script,
        time::format_date_time,
        url::{item_path, login_path, safe_link},
    },
    platform::clock,
};

#[component]
pub fn CourseDetail() -> impl IntoView {
    // After signing up, the course is loaded again so seats and state are the backend's.
    view! {
        <DetailPage
            fetch=|api, id| async move { api.course(&id).await }
            back=("/courses", "酉新学堂")
            title="课程详情"
            describe=|c: &Course| (c.title.clone(), c.summary.clone())
            render=|course: Course, on_enrolled| view! { <CourseArticle course on_enrolled /> }
        />
    }
}

#[component]
fn CourseArticle(course: Course, on_enrolled: Callback<()>) -> impl IntoView {
    let media = course.media_url.as_deref().and_then(safe_link).map(str::to_owned);
    let seats = course.seats.map(|seats| match course.seats_left {
        Some(0) => format!("共 {seats} 个名额，已满"),
        Some(left) => format!("共 {seats} 个名额，剩余 {left} 个"),
        None => format!("共 {seats} 个名额"),
    });
    let spoken =
        script([course.title.as_str(), course.summary.as_str(), &format!("主办单位：{}", course.provider)]);
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{kind_label(course.kind)} " · " {course.category.clone()}</p>
                <h1>{course.title.clone()}</h1>
                <p class="lead">{course.summary.clone()}</p>
                <ReadAloud text=spoken />
            </header>
            <dl class="facts">
                {fact("主办单位", Some(course.provider.clone()))}
                {fact("课时", course.lessons.map(|n| format!("{n} 节")))}
                {fact("时长", course.duration_minutes.map(|m| format!("约 {m} 分钟")))}
                {fact("开始时间", format_date_time(course.starts_at.as_deref()))}
                {fact("结束时间", format_date_time(course.ends_at.as_deref()))}
                {fact("地点", course.place.clone())}
                {fact("名额", seats)}
                {fact("报名截止", format_date_time(course.enrol_deadline.as_deref()))}
                {fact("比赛内容", (!course.judged_on.is_empty()).then(|| course.judged_on.join("、")))}
            </dl>
            {match course.kind {
                CourseKind::Online | CourseKind::Unknown => view! { <Study course_id=course.id.clone() media /> }.into_any(),
                _ => view! { <Enrol course=course.clone() on_enrolled /> }.into_any(),
            }}
        </article>
    }
}

/// Online courses: open it, mark it finished; progress stays on the phone.
#[component]
fn Study(course_id: String, media: Option<String>) -> impl IntoView {
    let progress = RwSignal::new(load_progress().get(&course_id));
    let mark = move |step: Progress| {
        progress.set(record_progress(&course_id, step));
    };
    let open = {
        let mark = mark.clone();
        move |_| mark(Progress::Opened)
    };
    view! {
        <section class="enrol" aria-label="学习">
            <p class="status" role="status">
                {move || progress.get().map_or("还没有开始学习", Progress::label)}
            </p>
            <p class="actions">
                {match media {
                    Some(href) => view! {
                        {if use_kiosk() {
                            view! { <OutLink class="button" href text="开始学习".into() /> }.into_any()
                        } else {
                            view! {
                                <a class="button" href=href rel="noopener noreferrer" on:click=move |_| open(())>"开始学习"</a>
                            }.into_any()
                        }}
                    }.into_any(),
                    None => view! {
                        <button type="button" class="button" on:click=move |_| open(())>"开始学习"</button>
                    }.into_any(),
                }}
                <button type="button" class="button button-secondary"
                    disabled=move || progress.get() == Some(Progress::Finished)
                    on:click=move |_| mark(Progress::Finished)>
                    "我学完了"
                </button>
            </p>
        </section>
    }
}

/// Sessions and competitions: sign up once, or say why not.
#[component]
fn Enrol(course: Course, on_enrolled: Callback<()>) -> impl IntoView {
    let api = use_api();
    let state = EnrolState::of(&course, &clock::now());
    let pending = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let signed_in = use_signed_in();
    let course_id = course.id.clone();
    let enrol = move |_| {
        if pending.get_untracked() {
            return; // a double tap signs up once
        }
        pending.set(true);
        message.set(None);
        let (api, id) = (api.clone(), course_id.clone());
        leptos::task::spawn_local(async move {
            let result = api.enrol(&id).await;
            pending.try_set(false);
            match result {
                Ok(_) => {
                    message.try_set(Some("报名成功！请按时参加。".into()));
                    on_enrolled.run(());
                }
                Err(error) => {
                    message.try_set(Some(error.user_message()));
                }
            }
        });
    };
    let login_href = login_path(&item_path("/courses", &course.id));
    view! {
        <section class="enrol" aria-label="报名">
            {match state {
                EnrolState::Open => view! {
                    <Show when=move || signed_in.get() fallback=move || view! {
                        <a class="button" href=login_href.clone()>"登录后报名"</a>
                    }>
                        <button type="button" class="button" disabled=move || pending.get() on:click=enrol.clone()>
                            {move || if pending.get() { "报名中…" } else { "报名" }}
                        </button>
                    </Show>
                }.into_any(),
                other => view! { <p class="status">{other.label()}</p> }.into_any(),
            }}
            <p class="form-message" role="status" aria-live="polite">{move || message.get()}</p>
        </section>
    }
}
