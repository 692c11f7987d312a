//! What a page shows in place of personal content when nobody is signed in.
//! A kiosk has no sign-in: it shows the page as a QR code for the worker's phone.

use leptos::prelude::*;

use super::{use_kiosk, HandOver};
use crate::{
    domain::url::login_path,
    platform::{base, kiosk::phone_url},
};

/// Says why signing in helps, with a link that signs in and comes back to `return_to`.
#[component]
pub fn SignInPrompt(
    text: &'static str,
    /// The link's words, e.g. "登录查看我的积分".
    action: &'static str,
    #[prop(into)] return_to: String,
) -> impl IntoView {
    let here = base::href(&return_to);
    view! {
        <div class="notice">
            <p class="notice-text">{text}</p>
            {if use_kiosk() {
                view! { <KioskSignIn target=phone_url(&here) /> }.into_any()
            } else {
                view! { <a class="button" href=base::href(&login_path(&return_to))>{action}</a> }.into_any()
            }}
        </div>
    }
}

/// On a kiosk, in place of signing in: the page `target`, to sign in to on a phone.
#[component]
pub fn KioskSignIn(target: String) -> impl IntoView {
    view! {
        <p class="notice-text">"这台设备是公用的，不能在这里登录。请用自己的手机扫码，在手机上登录后继续。"</p>
        <HandOver target label="在手机上登录的二维码".into() caption="用微信或相机扫码，在手机上打开".into() />
    }
}
