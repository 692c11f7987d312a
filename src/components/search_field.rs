use std::time::Duration;

use leptos::{prelude::*, wasm_bindgen::JsCast};

/// How long typing must pause before the search is written to the address.
pub const ADDRESS_PAUSE: Duration = Duration::from_millis(500);

/// A search typed into a page and kept in its address (`?q=`).
///
/// The text changes with every keystroke and the list follows it at once;
/// the address follows when typing pauses ([`ADDRESS_PAUSE`]), or when the
/// field is left or sent. Writing the address goes through the router and
/// the history API, a few milliseconds of a cheap phone's frame that a
/// keystroke need not wait for. An address changed elsewhere (back, a link
/// that clears the filters) replaces what is typed.
#[derive(Clone, Copy)]
pub struct TypedSearch {
    /// What is typed now.
    pub text: Signal<String>,
    on_type: Callback<String>,
    on_done: Callback<()>,
}

/// A [`TypedSearch`] over the search in the address, `in_address`; `write`
/// puts a search into the address (with the page's other filters).
pub fn use_typed_search(
    in_address: Memo<String>,
    write: impl Fn(String) + Send + Sync + 'static,
) -> TypedSearch {
    let text = RwSignal::new(in_address.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    let on_done = Callback::new(move |()| {
        cancel();
        let typed = text.get_untracked();
        if in_address.get_untracked() != typed {
            write(typed);
        }
    });
    let on_type = Callback::new(move |typed: String| {
        text.set(typed);
        cancel();
        let timer = set_timeout_with_handle(move || on_done.run(()), ADDRESS_PAUSE).ok();
        pending.set_value(timer);
    });
    Effect::new(move |_| {
        let address = in_address.get();
        cancel();
        if text.get_untracked() != address {
            text.set(address);
        }
    });
    on_cleanup(cancel);
    TypedSearch { text: text.into(), on_type, on_done }
}

/// A search box that reports what is typed as it is typed. Chinese input
/// methods compose a word over several keystrokes (pinyin): it waits until the
/// characters are chosen, so a search never runs on half-typed pinyin.
#[component]
pub fn SearchField(
    /// The accessible name, e.g. "搜索服务".
    label: &'static str,
    placeholder: &'static str,
    search: TypedSearch,
) -> impl IntoView {
    let on_input = move |ev: leptos::ev::Event| {
        if !ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing()) {
            search.on_type.run(event_target_value(&ev));
        }
    };
    view! {
        <label class="search-field">
            <span class="visually-hidden">{label}</span>
            <input type="search" name="q" placeholder=placeholder autocomplete="off" enterkeyhint="search"
                prop:value=move || search.text.get()
                on:input=on_input
                on:compositionend=move |ev| search.on_type.run(event_target_value(&ev))
                on:change=move |_| search.on_done.run(()) />
        </label>
    }
}
