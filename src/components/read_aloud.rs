//! 朗读: a page read aloud in Chinese for workers who would rather listen
//! than read small print. Shown only where the browser can speak.

use leptos::prelude::*;

use crate::platform::speech;

/// A button that reads `text` aloud, and stops it; leaving the page stops it too.
#[component]
pub fn ReadAloud(#[prop(into)] text: String) -> impl IntoView {
    if !speech::available() || text.trim().is_empty() {
        return ().into_any();
    }
    let reading = RwSignal::new(false);
    on_cleanup(move || {
        if reading.get_untracked() {
            speech::stop();
        }
    });
    let toggle = move |_| {
        if reading.get_untracked() {
            speech::stop();
            reading.set(false);
        } else if speech::speak(&text, move || {
            let _ = reading.try_set(false);
        })
        .is_ok()
        {
            reading.set(true);
        }
    };
    view! {
        <button type="button" class="button button-secondary read-aloud" aria-pressed=move || reading.get().to_string()
            on:click=toggle>
            {move || if reading.get() { "停止朗读" } else { "朗读" }}
        </button>
    }
    .into_any()
}
