use leptos::{prelude::*, wasm_bindgen::JsCast};

/// A search box that reports what is typed as it is typed. Chinese input
/// methods compose a word over several keystrokes (pinyin): it waits until the
/// characters are chosen, so a search never runs on half-typed pinyin.
#[component]
pub fn SearchField(
    /// The accessible name, e.g. "搜索服务".
    label: &'static str,
    placeholder: &'static str,
    /// The current search, e.g. from the address.
    value: Memo<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let on_input = move |ev: leptos::ev::Event| {
        if !ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing()) {
            on_change.run(event_target_value(&ev));
        }
    };
    view! {
        <label class="search-field">
            <span class="visually-hidden">{label}</span>
            <input type="search" name="q" placeholder=placeholder autocomplete="off" enterkeyhint="search"
                prop:value=move || value.get()
                on:input=on_input
                on:compositionend=move |ev| on_change.run(event_target_value(&ev)) />
        </label>
    }
}
