//! 酉新学堂: online micro-courses, offline training sessions and skill competitions.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Course, CourseKind},
        use_api_resource, Page,
    },
    components::{use_query_param, use_query_setter, Card, Loaded, PageHeader, SearchField},
    domain::{
        courses::{arrange_courses, CourseFilter, EnrolState, Progress, ProgressBook},
        search::{distinct, query_words},
        time::format_date,
    },
    platform::{clock, document::use_page_meta, storage},
};

/// Where a worker's progress with online courses is kept on the phone.
const PROGRESS_KEY: &str = "course-progress";

/// The kinds in the order the catalogue shows them: (query value, kind).
const KINDS: [(&str, CourseKind); 3] = [
    ("offline", CourseKind::Offline),
    ("competition", CourseKind::Competition),
    ("online", CourseKind::Online),
];

/// How each kind of course is named to workers.
pub fn kind_label(kind: CourseKind) -> &'static str {
    match kind {
        CourseKind::Online => "酉新共学 · 线上微课",
        CourseKind::Offline => "酉新学堂 · 线下培训",
        CourseKind::Competition => "技能竞赛",
        CourseKind::Unknown => "其他课程",
    }
}

pub fn load_progress() -> ProgressBook {
    storage::load(PROGRESS_KEY).unwrap_or_default()
}

/// Records a step and returns where the worker now stands with the course.
pub fn record_progress(course_id: &str, progress: Progress) -> Option<Progress> {
    let mut book = load_progress();
    book.record(course_id, progress);
    storage::save(PROGRESS_KEY, &book);
    book.get(course_id)
}

#[component]
pub fn Courses() -> impl IntoView {
    use_page_meta(|| "酉新学堂".into(), || "线上微课、线下培训和技能竞赛，为新就业群体免费开放。".into());
    let courses = use_api_resource(|api| async move { api.courses(None, None).await });

    let search = use_query_param("q");
    let kind = use_query_param("kind");
    let category = use_query_param("category");
    let set_query = use_query_setter("/courses");
    let set_filters = move |q: String, kind: String, category: String| {
        set_query(&[("q", q), ("kind", kind), ("category", category)]);
    };
    let categories = move || {
        courses
            .get()
            .and_then(Result::ok)
            .map(|page| distinct(&page.items, |c| &c.category))
            .unwrap_or_default()
    };

    let on_search = Callback::new({
        let set_filters = set_filters.clone();
        move |text: String| set_filters(text, kind.get_untracked(), category.get_untracked())
    });
    let choose_kind = {
        let set_filters = set_filters.clone();
        move |value: &str| {
            let value = if kind.get_untracked() == value { String::new() } else { value.to_owned() };
            set_filters(search.get_untracked(), value, category.get_untracked());
        }
    };
    let choose_category = {
        let set_filters = set_filters.clone();
        move |value: String| {
            let value = if category.get_untracked() == value { String::new() } else { value };
            set_filters(search.get_untracked(), kind.get_untracked(), value);
        }
    };

    view! {
        <PageHeader title="酉新学堂" lead="手机上随时学的微课，家门口的培训班，还有比一比的技能竞赛。" />
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField label="搜索课程" placeholder="搜索：直播、急救、安全…" value=search on_change=on_search />
            <div class="chips" role="group" aria-label="按类型筛选">
                {KINDS.iter().map(|(value, k)| {
                    let choose_kind = choose_kind.clone();
                    view! {
                        <button type="button" class="chip" aria-pressed=move || (kind.get() == *value).to_string()
                            on:click=move |_| choose_kind(value)>
                            {short_kind_label(*k)}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="chips" role="group" aria-label="按类别筛选">
                <For each=categories key=|name| name.clone() let:name>
                    {
                        let choose_category = choose_category.clone();
                        let selected = name.clone();
                        view! {
                            <button type="button" class="chip" aria-pressed=move || (category.get() == selected).to_string()
                                on:click={ let name = name.clone(); move |_| choose_category(name.clone()) }>
                                {name.clone()}
                            </button>
                        }
                    }
                </For>
            </div>
        </form>
        <Loaded resource=courses render={move |page: Page<Course>| view! { <CourseResults courses=page.items search kind category /> }} />
    }
}

fn short_kind_label(kind: CourseKind) -> &'static str {
    match kind {
        CourseKind::Online => "线上微课",
        CourseKind::Offline => "线下培训",
        CourseKind::Competition => "技能竞赛",
        CourseKind::Unknown => "其他",
    }
}

#[component]
fn CourseResults(
    courses: Vec<Course>,
    search: Memo<String>,
    kind: Memo<String>,
    category: Memo<String>,
) -> impl IntoView {
    let total = courses.len();
    let progress = load_progress();
    let visible = Memo::new(move |_| {
        let filter = CourseFilter {
            kind: KINDS.iter().find(|(value, _)| kind.with(|k| k == value)).map(|(_, k)| *k),
            category: Some(category.get()).filter(|c| !c.is_empty()),
            query: query_words(&search.get()),
        };
        arrange_courses(&courses, &filter, &clock::now())
    });
    let count = move || visible.with(Vec::len);
    view! {
        <p class="result-count" role="status" aria-live="polite">
            {move || if count() == total { format!("共 {total} 门课程") } else { format!("找到 {} 门课程（共 {total} 门）", count()) }}
        </p>
        {move || {
            let progress = progress.clone();
            visible.with(|visible| {
                if visible.is_empty() {
                    return view! {
                        <div class="notice notice-empty">
                            <p class="notice-title">"没有找到相关课程"</p>
                            <a class="button" href="/courses">"查看全部课程"</a>
                        </div>
                    }.into_any();
                }
                KINDS.iter()
                    .map(|(_, k)| (*k, visible.iter().filter(|c| c.kind == *k).cloned().collect::<Vec<_>>()))
                    .filter(|(_, members)| !members.is_empty())
                    .map(|(k, members)| {
                        let progress = progress.clone();
                        view! {
                            <section class="group">
                                <h2 class="group-title">{kind_label(k)}</h2>
                                <ul class="cards">
                                    {members.into_iter().map(|c| {
                                        let done = progress.get(&c.id);
                                        view! { <li><CourseCard course=c progress=done /></li> }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        }}
    }
}

#[component]
fn CourseCard(course: Course, progress: Option<Progress>) -> impl IntoView {
    let state = EnrolState::of(&course, &clock::now());
    let status = match (state, progress) {
        (EnrolState::NotNeeded, Some(p)) => p.label(),
        (EnrolState::NotNeeded, None) => "",
        (s, _) => s.label(),
    };
    let kicker = [course.category.as_str(), status]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
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
        <Card href=format!("/courses/{}", course.id) kicker title=course.title text=course.summary meta />
    }
}
