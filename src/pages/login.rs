//! 登录: sign in with a phone number and an SMS code, then go back where the worker was.

use leptos::prelude::*;
use leptos_router::{hooks::use_navigate, NavigateOptions};

use crate::{
    api::use_api,
    components::{sign_in_prompt::KioskSignIn, use_kiosk, use_query_param, PageHeader},
    config::Config,
    domain::{
        auth::{is_sms_code, normalize_phone, safe_return_path},
        url::wechat_login_link,
    },
    platform::{base, document::use_page_meta, kiosk::phone_url, location::same_origin_path},
};

/// How long to wait before another code may be asked for.
const RESEND_SECONDS: u32 = 60;

#[component]
pub fn Login() -> impl IntoView {
    use_page_meta(|| "登录".into(), || "用手机号和短信验证码登录，查看积分、报名课程。".into());
    let api = use_api();
    let demo_hint = api.demo_sign_in_hint();
    let next_param = use_query_param("next");
    let next = move || {
        let path = safe_return_path(Some(next_param.get_untracked().as_str()));
        same_origin_path(&path).unwrap_or_else(|| "/".to_owned())
    };
    if use_kiosk() {
        return view! {
            <PageHeader title="登录" />
            <div class="notice"><KioskSignIn target=phone_url(&base::href(&next())) /></div>
        }
        .into_any();
    }
    let navigate = use_navigate();
    // 微信登录, when the backend offers it: it comes back to the same page with `#token=…`.
    let wechat = expect_context::<Config>()
        .wechat_login_url
        .and_then(|start| wechat_login_link(&start, &phone_url(&base::href(&next()))));

    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let signing_in = RwSignal::new(false);
    let countdown = RwSignal::new(0u32);

    let send_code = {
        let api = api.clone();
        move |_| {
            let Some(number) = normalize_phone(&phone.get_untracked()) else {
                message.set(Some("请输入 11 位手机号码。".into()));
                return;
            };
            if sending.get_untracked() || countdown.get_untracked() > 0 {
                return; // a double tap sends one code
            }
            sending.set(true);
            message.set(None);
            let api = api.clone();
            leptos::task::spawn_local(async move {
                // The worker may have left the page meanwhile: `try_` writes skip disposed signals.
                let outcome = match api.request_sms_code(&number).await {
                    Ok(()) => {
                        start_countdown(countdown);
                        "验证码已发送，请查看短信。".to_owned()
                    }
                    Err(error) => error.user_message(),
                };
                message.try_set(Some(outcome));
                sending.try_set(false);
            });
        }
    };

    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(number), entered) = (normalize_phone(&phone.get_untracked()), code.get_untracked()) else {
            message.set(Some("请输入 11 位手机号码。".into()));
            return;
        };
        if !is_sms_code(&entered) {
            message.set(Some("请输入 6 位短信验证码。".into()));
            return;
        }
        if signing_in.get_untracked() {
            return;
        }
        signing_in.set(true);
        message.set(None);
        let (api, navigate, next) = (api.clone(), navigate.clone(), next());
        leptos::task::spawn_local(async move {
            let result = api.login(&number, entered.trim()).await;
            signing_in.try_set(false);
            match result {
                Ok(_) => {
                    // Reports that waited for a fresh sign-in can go now.
                    crate::outbox::wake(api, crate::platform::wake::Wake::SignedIn);
                    navigate(&next, NavigateOptions { replace: true, ..Default::default() })
                }
                Err(error) => {
                    message.try_set(Some(error.user_message()));
                }
            }
        });
    };

    view! {
        <PageHeader title="登录" lead="用手机号登录后，可以查看积分、上报隐患、报名课程。" />
        {wechat.map(|href| view! {
            <div class="form">
                <a class="button button-block" href=href>"微信登录"</a>
                <p class="hint">"或者用手机号和短信验证码登录："</p>
            </div>
        })}
        <form class="form" on:submit=sign_in novalidate>
            <label class="field">
                <span class="field-label">"手机号"</span>
                <input type="tel" inputmode="numeric" autocomplete="tel" maxlength="13" required
                    prop:value=move || phone.get() on:input=move |ev| phone.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span class="field-label">"短信验证码"</span>
                <span class="field-row">
                    <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                    <button type="button" class="button button-secondary" on:click=send_code
                        disabled=move || { sending.get() || countdown.get() > 0 }>
                        {move || match countdown.get() {
                            0 if sending.get() => "发送中…".to_owned(),
                            0 => "获取验证码".to_owned(),
                            left => format!("{left} 秒后重发"),
                        }}
                    </button>
                </span>
            </label>
            {demo_hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <p class="form-message" role="status" aria-live="polite">{move || message.get()}</p>
            <button type="submit" class="button button-block" disabled=move || signing_in.get()>
                {move || if signing_in.get() { "登录中…" } else { "登录" }}
            </button>
        </form>
    }
    .into_any()
}

/// Counts the resend wait down once a second, until done or the page is left.
fn start_countdown(countdown: RwSignal<u32>) {
    countdown.try_set(RESEND_SECONDS);
    leptos::task::spawn_local(async move {
        while countdown.try_get_untracked().is_some_and(|left| left > 0) {
            gloo_timers::future::TimeoutFuture::new(1_000).await;
            countdown.try_update(|left| *left = left.saturating_sub(1));
        }
    });
}
