use leptos::prelude::*;

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
) -> impl IntoView {
    let line = |class: &'static str, text: String| {
        (!text.is_empty()).then(|| view! { <span class=class>{text}</span> })
    };
    view! {
        <a class="card" href=href>
            {line("card-kicker", kicker)}
            <span class="card-title">{title}</span>
            {line("card-text", text)}
            {line("card-meta", meta)}
        </a>
    }
}
