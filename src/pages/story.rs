//! One story, built from the contract's typed blocks: never HTML from the backend.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{
        model::{Block, Story},
        use_api_resource,
    },
    components::{Loaded, SkeletonShape},
    domain::{time::format_date, url::safe_link},
    platform::document::use_page_meta,
};

#[component]
pub fn StoryDetail() -> impl IntoView {
    let params = use_params_map();
    let story = use_api_resource(move |api| {
        let id = params.read().get("id").unwrap_or_default();
        async move { api.story(&id).await }
    });
    let loaded = move || story.get().and_then(Result::ok);
    use_page_meta(
        move || loaded().map(|s| s.summary.title).unwrap_or_else(|| "酉新向党".into()),
        move || loaded().map(|s| s.summary.summary).unwrap_or_default(),
    );
    view! {
        <nav class="breadcrumb" aria-label="位置"><a href="/stories">"‹ 酉新向党"</a></nav>
        <Loaded resource=story skeleton=SkeletonShape::Detail render={|story: Story| view! { <StoryArticle story /> }} />
    }
}

#[component]
fn StoryArticle(story: Story) -> impl IntoView {
    let summary = story.summary;
    let date = summary.published_at.as_deref().and_then(format_date);
    view! {
        <article class="detail story">
            <header class="page-header">
                <p class="kicker">{summary.tag}</p>
                <h1>{summary.title}</h1>
                <p class="byline">{summary.author} " " {date}</p>
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
