//! 大字: the elder-friendly text size, switched from the header on every page
//! and remembered on the phone. `config.json`'s `large_text` is the start for
//! a phone that has never chosen (a station's tablet for older workers).

use leptos::prelude::*;

use crate::platform::storage;

const KEY: &str = "large-text";

/// Whether large text is on: the phone's own choice, else `default`.
pub fn use_large_text(default: bool) -> RwSignal<bool> {
    let chosen = storage::get(KEY).map(|value| value == "1");
    RwSignal::new(chosen.unwrap_or(default))
}

/// The header's 大字 switch; the choice outlives the visit.
#[component]
pub fn TextSizeToggle(large: RwSignal<bool>) -> impl IntoView {
    let toggle = move |_| {
        let now = !large.get_untracked();
        large.set(now);
        storage::set(KEY, if now { "1" } else { "0" });
    };
    view! {
        <button type="button" class="text-size-toggle" aria-pressed=move || large.get().to_string() on:click=toggle>
            "大字"
        </button>
    }
}
