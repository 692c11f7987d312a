//! The frame of every detail page: the item of the route's `:id`, the page's
//! title and description once it is in, the way back to its list, and the
//! item itself (or a skeleton, or the error with 重试).

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{ContinueOnPhone, Loaded, SkeletonShape};
use crate::{
    api::{use_api_resource, ApiClient, ApiError},
    platform::{self, base, document::use_page_meta},
};

/// Loads and shows one item. `render` gets the item and a callback that loads
/// it again (after a change the backend decides on, e.g. an enrolment).
#[component]
pub fn DetailPage<T, Fut, Fetch, V, Render>(
    /// Asks the backend for the item with this id.
    fetch: Fetch,
    /// The list this item belongs to: its path and its name.
    back: (&'static str, &'static str),
    /// The page's title until the item is in.
    title: &'static str,
    /// The page's title and description, from the item.
    describe: fn(&T) -> (String, String),
    render: Render,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    Fetch: Fn(ApiClient, String) -> Fut + Send + Sync + 'static,
    V: IntoView + 'static,
    Render: Fn(T, Callback<()>) -> V + Clone + Send + Sync + 'static,
{
    let params = use_params_map();
    let item = use_api_resource(move |api| {
        let id = params.read().get("id").unwrap_or_default();
        fetch(api, id)
    });
    let described = move || item.get().and_then(Result::ok).map(|item| describe(&item));
    use_page_meta(
        move || described().map_or_else(|| title.to_owned(), |(title, _)| title),
        move || described().map(|(_, description)| description).unwrap_or_default(),
    );
    // A cold link's shell may show the item's heading, drawn from its data
    // before the app ran: it gives way to the item itself, or its error.
    Effect::new(move || {
        if item.has_answer() {
            platform::shell::remove_with_item();
        }
    });
    let reload = Callback::new(move |()| item.refetch());
    let (href, label) = back;
    view! {
        <nav class="breadcrumb" aria-label="位置">
            <a href=base::href(href)>{format!("‹ {label}")}</a>
        </nav>
        <Loaded resource=item skeleton=SkeletonShape::Detail render=move |item: T| render(item, reload) />
        <ContinueOnPhone />
    }
}
