use std::time::Duration;

use leptos::{prelude::*, wasm_bindgen::JsCast};

use crate::platform::frame;

/// How long typing must pause before the search is written to the address.
pub const ADDRESS_PAUSE: Duration = Duration::from_millis(500);

/// A search typed into a page and kept in its address (`?q=`).
///
/// The text changes with every keystroke. The list follows it in the task
/// after the next frame, so the frame that shows the typed character does
/// not wait for the list to be filtered and redrawn (on a cheap phone, a
/// keystroke's new cards can take longer than a frame); keystrokes within
/// one frame filter the list once. The address follows when typing pauses
/// ([`ADDRESS_PAUSE`]), or when the field is left or sent: writing it goes
/// through the router and the history API, a few milliseconds more. An
/// address changed elsewhere (back, a link that clears the filters)
/// replaces what is typed.
#[derive(Clone, Copy)]
pub struct TypedSearch {
    /// What is typed now.
    pub text: Signal<String>,
    /// What the list is filtered by: `text`, a frame later.
    pub query: Signal<String>,
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
    let query = RwSignal::new(text.get_untracked());
    let query_due = StoredValue::new(false);
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
        if !query_due.get_value() {
            query_due.set_value(true);
            // The page may be gone by then: every read and write is a try.
            frame::after_next_paint(move || {
                query_due.try_set_value(false);
                if let Some(typed) = text.try_get_untracked() {
                    query.try_set(typed);
                }
            });
        }
        cancel();
        let timer = set_timeout_with_handle(move || on_done.run(()), ADDRESS_PAUSE).ok();
        pending.set_value(timer);
    });
    Effect::new(move |_| {
        let address = in_address.get();
        cancel();
        if text.get_untracked() != address {
            text.set(address.clone());
        }
        if query.get_untracked() != address {
            query.set(address);
        }
    });
    on_cleanup(cancel);
    TypedSearch { text: text.into(), query: query.into(), on_type, on_done }
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
