//! The pieces every list page shows: filter chips, the count line, groups of
//! cards, the note when nothing matches and the note when a list was cut short.

use leptos::prelude::*;

use crate::{domain::search::count_line, platform::base};

/// A filter button that shows whether it is on.
#[component]
pub fn Chip(
    #[prop(into)] label: String,
    #[prop(into)] pressed: Signal<bool>,
    #[prop(into)] on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="chip" aria-pressed=move || pressed.get().to_string()
            on:click=move |_| on_toggle.run(())>
            {label}
        </button>
    }
}

/// "共 25 项服务" or "找到 3 项服务（共 25 项）", announced as it changes.
#[component]
pub fn CountLine(
    #[prop(into)] shown: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    /// The counting word: 项, 门, 个.
    measure: &'static str,
    noun: &'static str,
) -> impl IntoView {
    view! {
        <p class="result-count" role="status" aria-live="polite">
            {move || count_line(shown.get(), total.get(), measure, noun)}
        </p>
    }
}

/// A titled group of cards.
#[component]
pub fn CardGroup(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let label = title.clone();
    view! {
        <section class="group" aria-label=label>
            <h2 class="group-title">{title}</h2>
            <ul class="cards">{children()}</ul>
        </section>
    }
}

/// Nothing matches the filters: say so, and offer the whole list.
#[component]
pub fn NoMatch(
    title: &'static str,
    #[prop(optional)] text: Option<&'static str>,
    /// The list without filters, and the button's words.
    reset: (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <div class="notice notice-empty">
            <p class="notice-title">{title}</p>
            {text.map(|text| view! { <p class="notice-text">{text}</p> })}
            <a class="button" href=base::href(reset.0)>{reset.1}</a>
        </div>
    }
}

/// Said when a list followed to its end was too long to load whole
/// (the backend still offered more at the cap).
#[component]
pub fn CutShort(cut_short: bool, loaded: usize) -> impl IntoView {
    cut_short.then(|| {
        view! {
            <p class="notice" role="status">
                {format!("列表太长，只加载了前 {loaded} 项。请用筛选或搜索缩小范围。")}
            </p>
        }
    })
}
