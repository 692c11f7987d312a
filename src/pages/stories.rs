//! 酉新向党: stories of new economic and social organisations and new-employment workers.
//!
//! The loaded pages live in the app shell ([`FeedStore`]), not in this page,
//! so that coming back from a story shows the same list at the same place.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    api::model::StorySummary,
    components::{
        page_memo, page_texts, use_feed_loader, use_query_param, use_query_setter, Card, Chip, FeedFooter,
        FeedStore,
    },
    domain::{
        time::format_date,
        url::{app_path, item_path},
    },
    platform::{base::base_path, scroll},
};

/// The column's three tags.
pub const TAGS: [&str; 3] = ["新经济组织", "新社会组织", "新就业群体"];

#[component]
pub fn Stories() -> impl IntoView {
    page_texts::STORIES.use_page_meta();
    let FeedStore(feed) = expect_context::<FeedStore<StorySummary>>();
    let tag = use_query_param("tag");
    let set_query = use_query_setter("/stories");

    let load_more = use_feed_loader(feed, |api, tag, cursor| async move {
        let filter = Some(tag.as_str()).filter(|t| !t.is_empty());
        api.stories(filter, cursor.as_deref()).await
    });

    // A new tag starts the feed afresh; the same tag (coming back) keeps what was loaded.
    Effect::new(move |_| {
        let tag = tag.get();
        if feed.with_untracked(|f| f.is_reusable_for(&tag)) {
            scroll::restore(feed.with_untracked(|f| f.scroll_y));
        } else {
            feed.update(|f| f.switch_to(tag));
            load_more.run(());
        }
    });
    // Where the worker is, kept as they scroll: by the time this page is cleaned
    // up, the next page is already shown and the window scrolled for it. Only
    // while the address is still this page's, so the next page's scroll is not taken.
    let pathname = use_location().pathname;
    let here = page_memo(move || pathname.with(|path| app_path(base_path(), path) == "/stories"));
    scroll::use_scroll_position(move |y| {
        if here.get_untracked() {
            feed.try_update_untracked(|f| f.scroll_y = y);
        }
    });

    // The feed outlives this page: the view reads it through a page memo.
    let shown = page_memo(move || feed.get());
    // Keyed by place as well as id: a backend that lists a story twice must not
    // give two rows the same key.
    let stories = move || shown.with(|f| f.items.iter().cloned().enumerate().collect::<Vec<_>>());

    view! {
        {page_texts::STORIES.header()}
        <div class="chips" role="group" aria-label="按主题筛选">
            {[""].into_iter().chain(TAGS).map(|value| {
                let set_query = set_query.clone();
                view! {
                    <Chip label=if value.is_empty() { "全部" } else { value }
                        pressed=Signal::derive(move || tag.get() == value)
                        on_toggle=move || set_query(&[("tag", value.to_owned())]) />
                }
            }).collect_view()}
        </div>
        <ul class="cards">
            <For each=stories key=|(at, s)| (*at, s.id.clone())
                children=|(_, story)| view! { <li><StoryCard story /></li> } />
        </ul>
        <FeedFooter feed=shown load_more empty="这个主题下还没有故事，敬请期待。" />
    }
}

#[component]
fn StoryCard(story: StorySummary) -> impl IntoView {
    let date = story.published_at.as_deref().and_then(format_date);
    view! {
        <Card href=item_path("/stories", &story.id) kicker=story.tag title=story.title text=story.summary meta=date.unwrap_or_default() cover=story.cover />
    }
}
