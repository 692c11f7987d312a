//! One person on the 荣誉榜: what they did, and their story when there is one.

use leptos::prelude::*;

use crate::{
    api::{model::Honouree, use_api_resource},
    components::{fact, DetailPage, ReadAloud},
    domain::{
        reading::script,
        url::{item_path, safe_link},
    },
    pages::honours::{who_line, Criteria},
    platform::base,
};

#[component]
pub fn HonoureeDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.honouree(&id).await }
            back=("/honours", "荣誉榜")
            title="荣誉榜"
            describe=|p: &Honouree| (p.name.clone(), p.citation.clone())
            render=|person: Honouree, _| view! { <HonoureeArticle person /> }
        />
    }
}

#[component]
fn HonoureeArticle(person: Honouree) -> impl IntoView {
    let photo = person.photo.clone().and_then(|image| {
        let src = safe_link(&image.src)?.to_owned();
        Some(view! {
            <img class="detail-photo" src=src alt=image.alt decoding="async"
                width=image.width.map(|w| w.to_string()) height=image.height.map(|h| h.to_string()) />
        })
    });
    let honour_id = person.honour.clone();
    // The honour's criteria, when the honours list has it.
    let honours = use_api_resource(|api| async move { api.honours().await });
    let criteria = move || {
        let honours = honours.get()?.ok()?;
        let honour = honours.items.into_iter().find(|h| Some(&h.id) == honour_id.as_ref())?;
        Some(view! { <aside class="card card-static"><Criteria honour /></aside> })
    };
    let title = person.honour_title.clone().unwrap_or_default();
    let kicker = [person.year.map(|y| format!("{y} 年")), Some(title)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let who = who_line([&person.occupation, &person.employer, &person.town]);
    let spoken = script([person.name.as_str(), kicker.as_str(), who.as_str(), person.citation.as_str()]);
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{kicker.clone()}</p>
                <h1>{person.name.clone()}</h1>
                <p class="lead">{who}</p>
                <ReadAloud text=spoken />
            </header>
            {photo}
            <dl class="facts">
                {fact("职业", person.occupation.clone())}
                {fact("平台或单位", person.employer.clone())}
                {fact("乡镇街道", person.town.clone())}
            </dl>
            <h2>"事迹"</h2>
            <p>{person.citation.clone()}</p>
            {person.story_id.clone().map(|id| view! {
                <p><a class="button button-secondary" href=base::href(&item_path("/stories", &id))>"读他们的故事"</a></p>
            })}
            {criteria}
        </article>
    }
}
