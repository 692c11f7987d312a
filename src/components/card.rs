use leptos::prelude::*;

use crate::{api::model::Image, domain::url::safe_link, platform::base};

/// A tappable summary of one item in a list: the whole card is the link.
#[component]
pub fn Card(
    #[prop(into)] href: String,
    #[prop(into)] title: String,
    /// A short line above the title: a number, a kind, a date.
    /// Empty lines (here and below) are left out.
    #[prop(optional, into)]
    kicker: String,
    #[prop(optional, into)] text: String,
    /// A line below the text: a provider, a town, a place.
    #[prop(optional, into)]
    meta: String,
    /// A picture above the text; only http(s) or same-site sources are shown.
    #[prop(default = None)]
    cover: Option<Image>,
) -> impl IntoView {
    let cover = cover.and_then(|image| {
        let src = safe_link(&image.src)?.to_owned();
        // Width and height reserve the space before the picture arrives.
        Some(view! {
            <img class="card-cover" src=src alt=image.alt loading="lazy" decoding="async"
                width=image.width.map(|w| w.to_string()) height=image.height.map(|h| h.to_string()) />
        })
    });
    let line = |class: &'static str, text: String| {
        (!text.is_empty()).then(|| view! { <span class=class>{text}</span> })
    };
    view! {
        <a class="card" href=base::href(&href)>
            {cover}
            {line("card-kicker", kicker)}
            <span class="card-title">{title}</span>
            {line("card-text", text)}
            {line("card-meta", meta)}
        </a>
    }
}
