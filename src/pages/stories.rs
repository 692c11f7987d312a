//! 酉新向党: stories of new economic and social organisations and new-employment workers.

use leptos::prelude::*;

use crate::{
    api::{model::StorySummary, use_api, ApiError, Page},
    components::{Card, ErrorNotice, PageHeader, Skeleton},
    domain::time::format_date,
    platform::document::use_page_meta,
};

#[component]
pub fn Stories() -> impl IntoView {
    use_page_meta(|| "酉新向党".into(), || "新经济组织、新社会组织和新就业群体“在路上”的奋斗故事。".into());
    let api = use_api();
    // Pages loaded so far; "more" appends the next one.
    let stories = RwSignal::new(Vec::<StorySummary>::new());
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
    let started = RwSignal::new(false);

    let load_more = move || {
        if loading.get_untracked() {
            return; // a double tap loads one page, not two
        }
        loading.set(true);
        error.set(None);
        let (api, cursor) = (api.clone(), next.get_untracked());
        leptos::task::spawn_local(async move {
            // Leaving the page disposes these signals: `try_` writes skip them.
            match api.stories(None, cursor.as_deref()).await {
                Ok(Page { items, next: cursor, .. }) => {
                    stories.try_update(|list| list.extend(items));
                    next.try_set(cursor);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            loading.try_set(false);
            started.try_set(true);
        });
    };
    load_more.clone()();
    let retry = Callback::new({
        let load_more = load_more.clone();
        move |()| load_more()
    });

    view! {
        <PageHeader title="酉新向党" lead="新经济组织、新社会组织、新就业群体“在路上”的故事。" />
        <ul class="cards">
            <For each=move || stories.get() key=|s| s.id.clone() let:story>
                <li><StoryCard story /></li>
            </For>
        </ul>
        <Show when=move || loading.get() && stories.with(Vec::is_empty)><Skeleton /></Show>
        {move || error.get().map(|error| view! { <ErrorNotice error on_retry=retry /> })}
        <Show when=move || started.get() && error.with(Option::is_none) && stories.with(Vec::is_empty)>
            <p class="notice notice-empty">"还没有故事，敬请期待。"</p>
        </Show>
        <Show when=move || next.with(Option::is_some) && error.with(Option::is_none)>
            <p class="more">
                <button class="button button-secondary" type="button" disabled=move || loading.get()
                    on:click={
                        let load_more = load_more.clone();
                        move |_| load_more()
                    }>
                    {move || if loading.get() { "正在加载…" } else { "加载更多" }}
                </button>
            </p>
        </Show>
    }
}

#[component]
fn StoryCard(story: StorySummary) -> impl IntoView {
    let date = story.published_at.as_deref().and_then(format_date);
    view! {
        <Card href=format!("/stories/{}", story.id) kicker=story.tag title=story.title text=story.summary meta=date.unwrap_or_default() />
    }
}
