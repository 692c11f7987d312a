//! One story, built from the contract's typed blocks: never HTML from the backend.

use leptos::prelude::*;

use crate::{
    api::model::{Block, Story},
    components::{DetailPage, ReadAloud},
    domain::{reading::script, time::format_date, url::safe_link},
};

#[component]
pub fn StoryDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.story(&id).await }
            back=("/stories", "酉新向党")
            title="酉新向党"
            describe=|s: &Story| (s.summary.title.clone(), s.summary.summary.clone())
            render=|story: Story, _| view! { <StoryArticle story /> }
        />
    }
}

#[component]
fn StoryArticle(story: Story) -> impl IntoView {
    let summary = story.summary;
    let date = summary.published_at.as_deref().and_then(format_date);
    let spoken =
        script([summary.title.as_str()].into_iter().chain(story.body.iter().filter_map(
            |block| match block {
                Block::Paragraph { text } | Block::Heading { text } | Block::Quote { text, .. } => {
                    Some(text.as_str())
                }
                _ => None,
            },
        )));
    view! {
        <article class="detail story">
            <header class="page-header">
                <p class="kicker">{summary.tag}</p>
                <h1>{summary.title}</h1>
                {(!summary.summary.trim().is_empty()).then(|| view! { <p class="lead">{summary.summary}</p> })}
                <p class="byline">{summary.author} " " {date}</p>
                <ReadAloud text=spoken />
            </header>
            {story.body.into_iter().map(render_block).collect_view()}
        </article>
    }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
        Block::Heading { text } => view! { <h2>{text}</h2> }.into_any(),
        Block::Quote { text, cite } => view! {
            <blockquote>
                <p>{text}</p>
                {cite.map(|cite| view! { <footer>"—— " {cite}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::List { items } => {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Image { image, caption } => match safe_link(&image.src).map(str::to_owned) {
            Some(src) => view! {
                <figure>
                    <img src=src alt=image.alt loading="lazy" decoding="async"
                        width=image.width.map(|w| w.to_string()) height=image.height.map(|h| h.to_string()) />
                    {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
                </figure>
            }
            .into_any(),
            None => ().into_any(),
        },
        Block::Unknown => ().into_any(),
    }
}
