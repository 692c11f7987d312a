use leptos::prelude::*;

/// A small line icon drawn inline, so it needs no font or request. Decorative:
/// it always sits beside a text label, so screen readers skip it.
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path_of(name) />
        </svg>
    }
}

fn path_of(name: &str) -> &'static str {
    match name {
        "home" => "M3 11l9-8 9 8v10h-6v-6H9v6H3z",
        "services" => "M4 5h16v2.5H4zm0 5.75h16v2.5H4zM4 16.5h16V19H4z",
        "courses" => "M12 6.5C10 5 7 4.5 3 5v14c4-.5 7 0 9 1.5 2-1.5 5-2 9-1.5V5c-4-.5-7 0-9 1.5zm-1 11c-1.8-.9-4-1.2-6-1.1V7c2 0 4 .4 6 1.4zm8-1.1c-2-.1-4.2.2-6 1.1V8.4c2-1 4-1.4 6-1.4z",
        "stories" => "M4 4h16v12H9l-5 4zm3 4v2h10V8zm0 4v2h7v-2z",
        "stations" => "M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z",
        "points" => "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z",
        // Three dots in a rounded square: everything else.
        "more" => "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v14h14V5zm2.5 5.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm4.5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm4.5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z",
        _ => "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
    }
}
