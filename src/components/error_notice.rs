use leptos::prelude::*;

use crate::api::ApiError;

/// A failed load, in words for a person, with a way to try again.
#[component]
pub fn ErrorNotice(
    error: ApiError,
    /// Called when the worker asks to try again; no button when absent.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let retry = on_retry.filter(|_| error.is_retryable() || error == ApiError::Cancelled);
    view! {
        <div class="notice notice-error" role="alert">
            <p class="notice-title">"加载失败"</p>
            <p class="notice-text">{error.user_message()}</p>
            {retry.map(|retry| view! {
                <button class="button" type="button" on:click=move |_| retry.run(())>"重试"</button>
            })}
        </div>
    }
}
