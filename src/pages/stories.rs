//! 酉新向党: stories of new economic and social organisations and new-employment workers.
//!
//! The loaded pages live in the app shell, not in this page, so that coming
//! back from a story shows the same list at the same place.

use leptos::prelude::*;

use crate::{
    api::{model::StorySummary, use_api},
    components::{page_memo, use_query_param, use_query_setter, Card, ErrorNotice, PageHeader, Skeleton},
    domain::{feed::PagedFeed, time::format_date},
    platform::{document::use_page_meta, scroll},
};

/// The column's three tags.
pub const TAGS: [&str; 3] = ["新经济组织", "新社会组织", "新就业群体"];

/// The feed, kept by the shell for the whole visit.
#[derive(Clone, Copy)]
pub struct StoryFeedStore(pub RwSignal<PagedFeed<StorySummary>>);

#[component]
pub fn Stories() -> impl IntoView {
    use_page_meta(|| "酉新向党".into(), || "新经济组织、新社会组织和新就业群体“在路上”的奋斗故事。".into());
    let api = use_api();
    let StoryFeedStore(feed) = expect_context();
    let tag = use_query_param("tag");
    let set_query = use_query_setter("/stories");

    let load_more = move || {
        let Ok(cursor) = feed.try_update(PagedFeed::begin_load).unwrap_or(Err(())) else {
            return; // already loading, or nothing left
        };
        let tag = feed.with_untracked(|f| f.key.clone());
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let filter = Some(tag.as_str()).filter(|t| !t.is_empty());
            let result = api.stories(filter, cursor.as_deref()).await;
            feed.try_update(|f| f.receive(&tag, result));
        });
    };

    // A new tag starts a new feed; the same tag (coming back) keeps what was loaded.
    Effect::new({
        let load_more = load_more.clone();
        move |_| {
            let tag = tag.get();
            if !feed.with_untracked(|f| f.is_reusable_for(&tag)) {
                feed.set(PagedFeed::for_key(tag));
                load_more();
            } else {
                scroll::restore(feed.with_untracked(|f| f.scroll_y));
            }
        }
    });
    on_cleanup(move || {
        let y = scroll::current();
        feed.try_update(|f| f.scroll_y = y);
    });

    let retry = Callback::new({
        let load_more = load_more.clone();
        move |()| load_more()
    });
    // The feed outlives this page: the view reads it through a page memo.
    let shown = page_memo(move || feed.get());
    let stories = move || shown.with(|f| f.items.clone());
    let loading = move || shown.with(|f| f.loading);

    view! {
        <PageHeader title="酉新向党" lead="新经济组织、新社会组织、新就业群体“在路上”的故事。" />
        <div class="chips" role="group" aria-label="按主题筛选">
            {[""].into_iter().chain(TAGS).map(|value| {
                let set_query = set_query.clone();
                view! {
                    <button type="button" class="chip" aria-pressed=move || (tag.get() == value).to_string()
                        on:click=move |_| set_query(&[("tag", value.to_owned())])>
                        {if value.is_empty() { "全部" } else { value }}
                    </button>
                }
            }).collect_view()}
        </div>
        <ul class="cards">
            <For each=stories key=|s| s.id.clone() let:story>
                <li><StoryCard story /></li>
            </For>
        </ul>
        <Show when=move || loading() && shown.with(|f| f.items.is_empty())><Skeleton /></Show>
        {move || shown.with(|f| f.error.clone()).map(|error| view! { <ErrorNotice error on_retry=retry /> })}
        <Show when=move || shown.with(PagedFeed::is_empty_result)>
            <p class="notice notice-empty">"这个主题下还没有故事，敬请期待。"</p>
        </Show>
        <Show when=move || shown.with(PagedFeed::has_more)>
            <p class="more">
                <button class="button button-secondary" type="button" disabled=loading
                    on:click={
                        let load_more = load_more.clone();
                        move |_| load_more()
                    }>
                    {move || if loading() { "正在加载…" } else { "加载更多" }}
                </button>
            </p>
        </Show>
    }
}

#[component]
fn StoryCard(story: StorySummary) -> impl IntoView {
    let date = story.published_at.as_deref().and_then(format_date);
    view! {
        <Card href=format!("/stories/{}", story.id) kicker=story.tag title=story.title text=story.summary meta=date.unwrap_or_default() cover=story.cover />
    }
}
