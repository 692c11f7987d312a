//! 服务清单: the 25 published services, grouped by category, searchable.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{
    api::{model::Service, use_api_resource, Page},
    components::{
        card_list::CardEntry, page_texts, use_query_param, use_query_setter, use_typed_search, Card,
        CardList, Chip, CountLine, CutShort, Loaded, NoMatch, SearchField,
    },
    domain::{
        search::{distinct, query_words, SearchIndex},
        url::item_path,
    },
};

#[component]
pub fn Services() -> impl IntoView {
    page_texts::SERVICES.use_page_meta();
    // Small enough to load whole and search on the phone.
    let services = use_api_resource(|api| async move { api.services().await });

    // The search and the category live in the URL, so a shared or reloaded link keeps them.
    let category = use_query_param("category");
    let set_query = use_query_setter("/services");
    let set_filters = move |search: &str, category: &str| {
        set_query(&[("q", search.to_owned()), ("category", category.to_owned())]);
    };
    let search = use_typed_search(use_query_param("q"), {
        let set_filters = set_filters.clone();
        move |text: String| set_filters(&text, &category.get_untracked())
    });
    let categories = move || {
        let names = services
            .get()
            .and_then(Result::ok)
            .map(|page| distinct(&page.items, |s| &s.category))
            .map(|names| names.into_iter().filter(|n| !n.is_empty()).collect::<Vec<_>>())
            .unwrap_or_default();
        std::iter::once(String::new()).chain(names).collect::<Vec<_>>()
    };

    view! {
        {page_texts::SERVICES.header()}
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField label="搜索服务" placeholder="搜索：体检、法律、充电…" search />
            <div class="chips" role="group" aria-label="按类别筛选">
                <For each=categories key=|name| name.clone() let:name>
                    {
                        let set_filters = set_filters.clone();
                        let label = if name.is_empty() { "全部".to_owned() } else { name.clone() };
                        let selected = name.clone();
                        view! {
                            <Chip label pressed=Signal::derive(move || category.get() == selected)
                                on_toggle=move || set_filters(&search.text.get_untracked(), &name) />
                        }
                    }
                </For>
            </div>
        </form>
        <Loaded
            resource=services
            render={move |page: Page<Service>| view! { <ServiceResults page search=search.query category /> }}
        />
    }
}

#[component]
fn ServiceResults(page: Page<Service>, search: Signal<String>, category: Memo<String>) -> impl IntoView {
    let cut_short = page.next.is_some();
    let services = Arc::new(page.items);
    let total = services.len();
    let index = SearchIndex::new(services.iter().map(|s| [s.title.as_str(), &s.summary, &s.provider]));
    // Positions in the list, not copies: a keystroke over a long list copies nothing.
    let visible = Memo::new({
        let services = services.clone();
        move |_| {
            let words = query_words(&search.get());
            let category = category.get();
            (0..services.len())
                .filter(|&at| category.is_empty() || services[at].category == category)
                .filter(|&at| index.matches(at, &words))
                .collect::<Vec<_>>()
        }
    });
    let shown = Signal::derive(move || visible.with(Vec::len));
    let entry = Callback::new({
        let services = services.clone();
        move |at: usize| CardEntry { heading: services[at].category.clone(), key: at.to_string() }
    });
    let card =
        Callback::new(move |at: usize| view! { <ServiceCard service=services[at].clone() /> }.into_any());
    view! {
        <CutShort cut_short loaded=total />
        <CountLine shown total measure="项" noun="服务" />
        <Show
            when=move || { shown.get() > 0 }
            fallback=|| view! {
                <NoMatch title="没有找到相关服务"
                    text="换个词试试，或者清除筛选后查看全部服务。也可以拨打 12345 咨询。"
                    reset=("/services", "查看全部服务") />
            }
        >
            <CardList matches=visible entry card measure="项" />
        </Show>
    }
}

#[component]
fn ServiceCard(service: Service) -> impl IntoView {
    view! {
        <Card
            href=item_path("/services", &service.id)
            kicker=service.number.map(|n| format!("第 {n} 项")).unwrap_or_default()
            title=service.title
            text=service.summary
            meta=service.provider
        />
    }
}
