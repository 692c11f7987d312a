//! Lists loaded page by page: the loader, and what goes under the items
//! (skeleton, error with retry, empty note, "加载更多").

use std::future::Future;

use leptos::prelude::*;

use super::{ErrorNotice, Skeleton};
use crate::{
    api::{use_api, ApiClient, ApiError, Page},
    domain::feed::PagedFeed,
};

/// A feed kept by the app shell for the whole visit, so that coming back to
/// its page shows the same pages at the same place. It holds one filter's pages.
pub struct FeedStore<T: Send + Sync + 'static>(pub RwSignal<PagedFeed<T>>);

impl<T: Send + Sync + 'static> Clone for FeedStore<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FeedStore<T> {}

impl<T: Send + Sync + 'static> FeedStore<T> {
    pub fn new() -> Self {
        Self(RwSignal::new(PagedFeed::default()))
    }
}

impl<T: Send + Sync + 'static> Default for FeedStore<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Returns what loads the feed's next page: `fetch(api, key, cursor)` asks
/// the backend for the page of the feed's filter `key` at `cursor`. Only the
/// answer to the latest request lands (see [`PagedFeed::receive`]). The
/// request lands even after the page is left: the feed is kept, and must not
/// be left waiting on it.
pub fn use_feed_loader<T, Fut>(
    feed: RwSignal<PagedFeed<T>>,
    fetch: impl Fn(ApiClient, String, Option<String>) -> Fut + Send + Sync + 'static,
) -> Callback<()>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    feed_loader(feed, fetch, None)
}

/// A feed of the page itself, started at once and gone with the page: a
/// request still under way when the page is left is aborted (api/http.rs).
pub fn use_page_feed<T, Fut>(
    fetch: impl Fn(ApiClient, Option<String>) -> Fut + Send + Sync + 'static,
) -> (RwSignal<PagedFeed<T>>, Callback<()>)
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    let feed = RwSignal::new(PagedFeed::default());
    // The loads run under a child of the page's owner, which goes with the
    // page. Not under the page's owner itself: the loader, which the page
    // keeps, would then keep the page's owner, and it would never go.
    let page = Owner::current().map(|owner| owner.child());
    let load_more = feed_loader(feed, move |api, _key, cursor| fetch(api, cursor), page);
    load_more.run(());
    (feed, load_more)
}

/// Loads the feed's next page, unless it is loading already or has no next
/// page. With a `scope`, each load runs under it and is aborted when it goes.
fn feed_loader<T, Fut>(
    feed: RwSignal<PagedFeed<T>>,
    fetch: impl Fn(ApiClient, String, Option<String>) -> Fut + Send + Sync + 'static,
    scope: Option<Owner>,
) -> Callback<()>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    let api = use_api();
    Callback::new(move |()| {
        let Some(request) = feed.try_update(PagedFeed::begin_load).flatten() else {
            return; // already loading, or nothing left
        };
        let key = feed.with_untracked(|f| f.key.clone());
        let answer = fetch(api.clone(), key, request.cursor.clone());
        let task = async move {
            let result = answer.await;
            feed.try_update(|f| f.receive(&request, result));
        };
        match &scope {
            Some(scope) => scope.with(|| leptos::task::spawn_local_scoped_with_cancellation(task)),
            None => leptos::task::spawn_local(task),
        }
    })
}

/// What follows a feed's items: a skeleton while the first page loads, the
/// error with 重试, `empty` when the list has nothing, and "加载更多".
#[component]
pub fn FeedFooter<T: Send + Sync + 'static>(
    /// The feed, or a page memo of it when it lives longer than the page.
    #[prop(into)]
    feed: Signal<PagedFeed<T>>,
    load_more: Callback<()>,
    /// Said when the whole list is empty; nothing when absent.
    #[prop(optional, into)]
    empty: Option<String>,
) -> impl IntoView {
    let loading = move || feed.with(PagedFeed::is_loading);
    view! {
        <Show when=move || loading() && feed.with(|f| f.items.is_empty())><Skeleton /></Show>
        {move || feed.with(|f| f.error.clone()).map(|error| view! { <ErrorNotice error on_retry=load_more /> })}
        {empty.map(|empty| view! {
            <Show when=move || feed.with(PagedFeed::is_empty_result)>
                <p class="notice notice-empty">{empty.clone()}</p>
            </Show>
        })}
        <Show when=move || feed.with(PagedFeed::has_more)>
            <p class="more">
                <button class="button button-secondary" type="button" disabled=loading
                    on:click=move |_| load_more.run(())>
                    {move || if loading() { "正在加载…" } else { "加载更多" }}
                </button>
            </p>
        </Show>
    }
}
