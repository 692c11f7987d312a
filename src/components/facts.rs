//! The label–value lines of a detail page (`<dl class="facts">`).

use leptos::prelude::*;

/// One line of facts; left out when there is nothing to say.
pub fn fact(label: &'static str, value: Option<String>) -> impl IntoView {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| view! { <div class="fact"><dt>{label}</dt><dd>{v}</dd></div> })
}
