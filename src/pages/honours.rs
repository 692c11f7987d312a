//! 荣誉榜: the people the programme honoured, by honour and year, what each
//! honour is awarded for, and 推荐身边的榜样.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Answer, Honour, Honouree, NewNomination, Nomination},
        use_api_resource, ApiError, Page,
    },
    components::{
        page_texts, use_form_send, use_query_param, use_query_setter, use_signed_in, Card, CardGroup, Chip,
        CountLine, CutShort, Loaded, NoMatch, SendForm, SignInPrompt,
    },
    domain::{
        search::distinct,
        small_sort::{sorted_by, sorted_by_key},
        time::format_date_time,
        url::item_path,
        voice::nomination_form,
    },
    pages::take_part_forms::FormFromChunk,
};

/// The honours and the people honoured, loaded together: the roll cannot do
/// without its people, but it can without the honours' criteria.
#[derive(Clone, Debug, PartialEq)]
struct Roll {
    honours: Vec<Honour>,
    people: Page<Honouree>,
}

#[component]
pub fn Honours() -> impl IntoView {
    page_texts::HONOURS.use_page_meta();
    let roll = use_api_resource(|api| async move {
        let (honours, people) = futures::join!(api.honours(), api.honourees());
        Ok::<_, ApiError>(Roll {
            honours: honours.map(|page| page.items).unwrap_or_default(),
            people: people?,
        })
    });
    view! {
        {page_texts::HONOURS.header()}
        <Loaded resource=roll render={|roll: Roll| view! { <RollView roll /> }} />
    }
}

/// The honour a person holds, by its name: the honours list's, or their own record's.
fn honour_title(person: &Honouree, honours: &[Honour]) -> String {
    let listed = honours.iter().find(|h| Some(&h.id) == person.honour.as_ref()).map(|h| h.title.clone());
    listed.or_else(|| person.honour_title.clone()).unwrap_or_else(|| "其他荣誉".into())
}

#[component]
fn RollView(roll: Roll) -> impl IntoView {
    let honour = use_query_param("honour");
    let year = use_query_param("year");
    let set_query = use_query_setter("/honours");
    let set_filters = move |honour: &str, year: &str| {
        set_query(&[("honour", honour.to_owned()), ("year", year.to_owned())]);
    };
    let Roll { honours, people } = roll;
    let cut_short = people.next.is_some();
    let people = people.items;
    let total = people.len();
    let mut years = sorted_by(people.iter().filter_map(|p| p.year), |a, b| b.cmp(a));
    years.dedup();
    let titled: Vec<(String, Honouree)> =
        people.into_iter().map(|p| (honour_title(&p, &honours), p)).collect();
    // The honours in the backend's order, then any it did not list.
    let titles = sorted_by_key(distinct(&titled, |(title, _)| title), |title| {
        honours.iter().position(|h| h.title == *title).unwrap_or(usize::MAX)
    });
    let order = StoredValue::new(titles.clone());
    let visible = Memo::new(move |_| {
        let (honour, year) = (honour.get(), year.get());
        titled
            .iter()
            .filter(|(title, _)| honour.is_empty() || *title == honour)
            .filter(|(_, p)| year.is_empty() || p.year.map(|y| y.to_string()) == Some(year.clone()))
            .cloned()
            .collect::<Vec<_>>()
    });
    let shown = Signal::derive(move || visible.with(Vec::len));
    let criteria = StoredValue::new(honours.clone());
    let chips = |values: Vec<String>,
                 all: &'static str,
                 pick: fn(&str, &str, &str) -> (String, String),
                 current: Memo<String>| {
        std::iter::once(String::new())
            .chain(values)
            .map(|value| {
                let label = if value.is_empty() { all.to_owned() } else { value.clone() };
                let selected = value.clone();
                let set_filters = set_filters.clone();
                view! {
                    <Chip label pressed=Signal::derive(move || current.get() == selected)
                        on_toggle=move || {
                            let (honour, year) = pick(&value, &honour.get_untracked(), &year.get_untracked());
                            set_filters(&honour, &year)
                        } />
                }
            })
            .collect_view()
    };
    view! {
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="chips" role="group" aria-label="按荣誉筛选">
                {chips(titles, "全部荣誉", |value, _, year| (value.to_owned(), year.to_owned()), honour)}
            </div>
            <div class="chips" role="group" aria-label="按年份筛选">
                {chips(years.iter().map(|y| y.to_string()).collect(), "全部年份", |value, honour, _| (honour.to_owned(), value.to_owned()), year)}
            </div>
        </form>
        <CutShort cut_short loaded=total />
        <CountLine shown total measure="位" noun="获得荣誉的人" />
        <Show when=move || { shown.get() > 0 } fallback=|| view! {
            <NoMatch title="没有找到符合条件的人" text="换个荣誉或年份看看。" reset=("/honours", "查看全部") />
        }>
            {move || visible.with(|people| {
                order.with_value(|titles| {
                    titles
                        .iter()
                        .map(|title| {
                            let members: Vec<Honouree> =
                                people.iter().filter(|(t, _)| t == title).map(|(_, p)| p.clone()).collect();
                            (title.clone(), members)
                        })
                        .filter(|(_, members)| !members.is_empty())
                        .collect::<Vec<_>>()
                })
            }).into_iter().map(|(title, members)| {
                let honour = criteria.with_value(|all| all.iter().find(|h| h.title == title).cloned());
                view! {
                    <CardGroup title=title.clone()>
                        {honour.map(|honour| view! { <li class="card card-static"><Criteria honour /></li> })}
                        {members.into_iter().map(|person| view! { <li><HonoureeCard person /></li> }).collect_view()}
                    </CardGroup>
                }
            }).collect_view()}
        </Show>
        <Nominate honours />
    }
}

/// What an honour is awarded for.
#[component]
pub fn Criteria(honour: Honour) -> impl IntoView {
    view! {
        <span class="card-title">{format!("{}评选看什么", honour.title)}</span>
        {(!honour.summary.is_empty()).then(|| view! { <span class="card-text">{honour.summary.clone()}</span> })}
        {(!honour.criteria.is_empty()).then(|| view! {
            <ul class="criteria">{honour.criteria.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
        })}
    }
}

/// "网约车司机 · 某平台 · 钟多街道".
pub fn who_line(parts: [&Option<String>; 3]) -> String {
    parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).cloned().collect::<Vec<_>>().join(" · ")
}

#[component]
fn HonoureeCard(person: Honouree) -> impl IntoView {
    let kicker = person.year.map(|y| format!("{y} 年")).unwrap_or_default();
    view! {
        <Card href=item_path("/honours", &person.id) kicker title=person.name.clone() text=person.citation.clone()
            meta=who_line([&person.occupation, &person.employer, &person.town]) />
    }
}

/// 推荐身边的榜样, and the worker's nominations with where each stands.
#[component]
fn Nominate(honours: Vec<Honour>) -> impl IntoView {
    let signed_in = use_signed_in();
    view! {
        <section class="take-part" aria-labelledby="nominate-title">
            <h2 id="nominate-title">"推荐身边的榜样"</h2>
            <p>"身边有见义勇为、助老扶困、默默帮人的同行？写下来告诉我们，评选时会认真看。"</p>
            <Show when=move || signed_in.get() fallback=|| view! {
                <SignInPrompt text="登录后才能推荐，评选结果会告诉你。" action="登录后推荐" return_to="/honours" />
            }>
                <FormFromChunk draw={
                    let honours = honours.clone();
                    move |forms| (forms.nomination)(honours.clone())
                } />
            </Show>
        </section>
    }
}

#[component]
pub(crate) fn NominationForm(honours: Vec<Honour>) -> impl IntoView {
    let mine = use_api_resource(|api| async move { api.nominations().await });
    let form = nomination_form(honours.iter().map(|h| h.title.clone()).collect());
    let honours = StoredValue::new(honours);
    let send = use_form_send(
        "nominate",
        form.clone(),
        "draft.nomination".into(),
        "nominate".into(),
        "/honours".into(),
        move |api, key, answers, _| {
            let text = |name: &str| answers.get(name).and_then(Answer::as_text).map(str::to_owned);
            // The choice is the honour's name; the backend wants its id.
            let honour = text("honour").and_then(|title| {
                honours.with_value(|all| all.iter().find(|h| h.title == title).map(|h| h.id.clone()))
            });
            let nomination = NewNomination {
                nominee: text("nominee").unwrap_or_default(),
                occupation: text("occupation").unwrap_or_default(),
                deed: text("deed").unwrap_or_default(),
                contact: text("contact"),
                honour,
            };
            async move { api.nominate(&nomination, &key).await }
        },
    );
    send.after(&[], Callback::new(move |()| mine.refetch()));
    view! {
        <SendForm prefix="nominate" form send label="提交推荐" pending="提交中…"
            done="推荐已提交，谢谢你。评选结果出来后会在下面告诉你。" />
        <Loaded resource=mine render={|page: Page<Nomination>| view! { <MyNominations nominations=page.items /> }} />
    }
}

#[component]
fn MyNominations(nominations: Vec<Nomination>) -> impl IntoView {
    (!nominations.is_empty()).then(|| {
        view! {
            <h3>"我推荐的榜样"</h3>
            <ul class="cards">
                {nominations.into_iter().map(|n| {
                    let when = format_date_time(n.created_at.as_deref()).map(|t| format!("{t} 提交")).unwrap_or_default();
                    view! {
                        <li class="card card-static">
                            <span class="card-kicker">{n.status.label()}</span>
                            <span class="card-title">{format!("{}（{}）", n.nominee, n.occupation)}</span>
                            <span class="card-text">{n.review_note.unwrap_or(n.deed)}</span>
                            <span class="card-meta">{when}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
