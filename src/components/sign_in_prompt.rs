//! What a page shows in place of personal content when nobody is signed in.

use leptos::prelude::*;

use crate::{domain::url::login_path, platform::base};

/// Says why signing in helps, with a link that signs in and comes back to `return_to`.
#[component]
pub fn SignInPrompt(
    text: &'static str,
    /// The link's words, e.g. "登录查看我的积分".
    action: &'static str,
    #[prop(into)] return_to: String,
) -> impl IntoView {
    view! {
        <div class="notice">
            <p class="notice-text">{text}</p>
            <a class="button" href=base::href(&login_path(&return_to))>{action}</a>
        </div>
    }
}
