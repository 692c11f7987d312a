//! 酉新学堂: online micro-courses, offline training sessions and skill competitions.

use leptos::prelude::*;

use crate::{
    api::model::{Course, CourseKind},
    components::{
        card_list::{positions, CardEntry},
        course_progress::load_progress,
        page_texts, use_page_feed, use_query_param, use_query_setter, use_typed_search, Card, CardList, Chip,
        CountLine, FeedFooter, NoMatch, SearchField,
    },
    domain::{
        courses::{arrange_courses, group_by_kind, kind_label, CourseFilter, EnrolState, Progress},
        search::{distinct, query_words},
        time::format_date,
        url::item_path,
    },
    platform::clock,
};

/// The kind filters in the order the catalogue shows them: (query value, kind, chip label).
const KINDS: [(&str, CourseKind, &str); 3] = [
    ("offline", CourseKind::Offline, "线下培训"),
    ("competition", CourseKind::Competition, "技能竞赛"),
    ("online", CourseKind::Online, "线上微课"),
];

#[component]
pub fn Courses() -> impl IntoView {
    page_texts::COURSES.use_page_meta();
    // Page by page: the filters and the search apply to what is loaded.
    let (feed, load_more) =
        use_page_feed(|api, cursor| async move { api.courses(None, cursor.as_deref()).await });

    let kind = use_query_param("kind");
    let category = use_query_param("category");
    let set_query = use_query_setter("/courses");
    let set_filters = move |q: String, kind: String, category: String| {
        set_query(&[("q", q), ("kind", kind), ("category", category)]);
    };
    let search = use_typed_search(use_query_param("q"), {
        let set_filters = set_filters.clone();
        move |text: String| set_filters(text, kind.get_untracked(), category.get_untracked())
    });
    let categories = move || {
        let names = feed.with(|f| distinct(&f.items, |c| &c.category));
        names.into_iter().filter(|name| !name.is_empty()).collect::<Vec<_>>()
    };

    let choose_kind = {
        let set_filters = set_filters.clone();
        move |value: &str| {
            let value = if kind.get_untracked() == value { String::new() } else { value.to_owned() };
            set_filters(search.text.get_untracked(), value, category.get_untracked());
        }
    };
    let choose_category = {
        let set_filters = set_filters.clone();
        move |value: String| {
            let value = if category.get_untracked() == value { String::new() } else { value };
            set_filters(search.text.get_untracked(), kind.get_untracked(), value);
        }
    };

    view! {
        {page_texts::COURSES.header()}
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField label="搜索课程" placeholder="搜索：直播、急救、安全…" search />
            <div class="chips" role="group" aria-label="按类型筛选">
                {KINDS.iter().map(|(value, _, label)| {
                    let choose_kind = choose_kind.clone();
                    view! {
                        <Chip label=*label pressed=Signal::derive(move || kind.get() == *value)
                            on_toggle=move || choose_kind(value) />
                    }
                }).collect_view()}
            </div>
            <div class="chips" role="group" aria-label="按类别筛选">
                <For each=categories key=|name| name.clone() let:name>
                    {
                        let choose_category = choose_category.clone();
                        let selected = name.clone();
                        let chosen = name.clone();
                        view! {
                            <Chip label=name pressed=Signal::derive(move || category.get() == selected)
                                on_toggle=move || choose_category(chosen.clone()) />
                        }
                    }
                </For>
            </div>
        </form>
        <Show when=move || feed.with(|f| f.started && !f.items.is_empty())>
            <CourseResults courses=Signal::derive(move || feed.with(|f| f.items.clone())) search=search.query kind category />
        </Show>
        <FeedFooter feed load_more empty="还没有课程，敬请期待。" />
    }
}

#[component]
fn CourseResults(
    courses: Signal<Vec<Course>>,
    search: Signal<String>,
    kind: Memo<String>,
    category: Memo<String>,
) -> impl IntoView {
    let progress = load_progress();
    // In the catalogue's groups, each arranged soonest first.
    let visible = Memo::new(move |_| {
        let filter = CourseFilter {
            kind: KINDS.iter().find(|(value, ..)| kind.with(|k| k == value)).map(|(_, k, _)| *k),
            category: Some(category.get()).filter(|c| !c.is_empty()),
            query: query_words(&search.get()),
        };
        let arranged = courses.with(|courses| arrange_courses(courses, &filter, &clock::now()));
        group_by_kind(&arranged).into_iter().flat_map(|(_, members)| members).cloned().collect::<Vec<_>>()
    });
    let total = Signal::derive(move || courses.with(Vec::len));
    let shown = Signal::derive(move || visible.with(Vec::len));
    let entry = Callback::new(move |at: usize| {
        visible.with_untracked(|v| CardEntry {
            heading: kind_label(v[at].kind).to_owned(),
            key: v[at].id.clone(),
        })
    });
    let card = Callback::new(move |at: usize| {
        let course = visible.with_untracked(|v| v[at].clone());
        let done = progress.get(&course.id);
        view! { <CourseCard course progress=done /> }.into_any()
    });
    view! {
        <CountLine shown total measure="门" noun="课程" />
        <Show
            when=move || { shown.get() > 0 }
            fallback=|| view! { <NoMatch title="没有找到相关课程" reset=("/courses", "查看全部课程") /> }
        >
            <CardList matches=positions(visible) entry card measure="门" />
        </Show>
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
        <Card href=item_path("/courses", &course.id) kicker title=course.title text=course.summary meta />
    }
}
