//! One reward, and redeeming it: confirm first, spend once.

use leptos::{html, prelude::*};
use leptos_router::{hooks::use_navigate, NavigateOptions};

use crate::{
    api::{model::Reward, use_api_resource},
    components::{fact, use_once_action, use_signed_in, DetailPage, SignInPrompt},
    domain::{
        points::{shortfall, stock_label},
        url::item_path,
    },
};

#[component]
pub fn RewardDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.reward(&id).await }
            back=("/rewards", "积分兑换")
            title="兑换详情"
            describe=|r: &Reward| (r.title.clone(), r.summary.clone())
            render=|reward: Reward, _| view! { <RewardArticle reward /> }
        />
    }
}

#[component]
fn RewardArticle(reward: Reward) -> impl IntoView {
    let signed_in = use_signed_in();
    let here = item_path("/rewards", &reward.id);
    let sold_out = reward.stock == Some(0);
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{format!("{} 积分", reward.cost)}</p>
                <h1>{reward.title.clone()}</h1>
                <p class="lead">{reward.summary.clone()}</p>
            </header>
            <dl class="facts">
                {fact("提供单位", Some(reward.provider.clone()))}
                {fact("使用地点", reward.place.clone())}
                {fact("有效期", reward.valid_days.map(|days| format!("兑换后 {days} 天内使用")))}
                {fact("库存", stock_label(reward.stock))}
            </dl>
            <section class="enrol" aria-label="兑换">
                {if sold_out {
                    view! { <p class="status status-closed" role="status">"已经兑完了，看看别的吧。"</p> }.into_any()
                } else {
                    view! {
                        <Show when=move || signed_in.get() fallback=move || view! {
                            <SignInPrompt text="登录后才能用积分兑换。" action="登录后兑换" return_to=here.clone() />
                        }>
                            <Redeem reward=reward.clone() />
                        </Show>
                    }.into_any()
                }}
            </section>
        </article>
    }
}

/// The balance, 兑换, the confirmation, and the voucher once it is issued.
#[component]
fn Redeem(reward: Reward) -> impl IntoView {
    let me = use_api_resource(|api| async move { api.me().await });
    let balance = move || me.get().and_then(Result::ok).map(|me| me.points_balance);
    let (id, cost, title) = (reward.id.clone(), reward.cost, reward.title.clone());
    let redeem = use_once_action(format!("redeem:{id}"), item_path("/rewards", &id), move |api, key| {
        let id = id.clone();
        async move { api.redeem(&id, &key).await }
    });
    let confirming = RwSignal::new(false);
    let confirm_button = NodeRef::<html::Button>::new();
    // The confirmation takes the focus, so a keyboard or a screen reader lands on it.
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        let outcome = redeem.outcome.get();
        match &outcome {
            Some(Ok(voucher)) => navigate(
                &format!("{}?new=1", item_path("/vouchers", &voucher.id)),
                NavigateOptions::default(),
            ),
            // The balance or the stock moved under the worker: show them as they are now.
            Some(Err(error)) if matches!(error.code(), Some("insufficient_points" | "out_of_stock")) => {
                confirming.set(false);
                me.refetch();
            }
            _ => {}
        }
    });
    let message = move || {
        redeem.outcome.with(|outcome| match outcome {
            Some(Err(error)) => Some(match error.code() {
                Some("insufficient_points") => {
                    format!("积分不够：这项要 {cost} 积分。多上报隐患、参加活动就能攒够。")
                }
                Some("out_of_stock") => "刚刚被兑完了，看看别的吧。".to_owned(),
                _ => error.user_message(),
            }),
            _ => None,
        })
    };
    let lacking = move || balance().and_then(|balance| shortfall(balance, cost));
    let sold_out =
        move || redeem.outcome.with(|o| matches!(o, Some(Err(e)) if e.code() == Some("out_of_stock")));
    let question = format!("用 {cost} 积分兑换 {title}？");
    view! {
        <p class="balance-line">
            <span>"我的积分 "<strong class="balance-figure">{move || balance().map_or_else(|| "…".into(), |b| b.to_string())}</strong></span>
        </p>
        {move || match (lacking(), confirming.get()) {
            _ if sold_out() => ().into_any(),
            (Some(missing), _) => view! {
                <p class="status status-closed" role="status">{format!("还差 {missing} 积分")}</p>
            }.into_any(),
            (None, false) => view! {
                <button type="button" class="button" disabled=move || balance().is_none()
                    on:click=move |_| confirming.set(true)>
                    "兑换"
                </button>
            }.into_any(),
            (None, true) => view! {
                <div class="confirm" role="group" aria-labelledby="confirm-question">
                    <p id="confirm-question" class="confirm-question">{question.clone()}</p>
                    <p class="actions">
                        <button type="button" class="button" node_ref=confirm_button
                            disabled=move || redeem.pending.get() on:click=move |_| redeem.run()>
                            {move || if redeem.pending.get() { "兑换中…" } else { "确认兑换" }}
                        </button>
                        <button type="button" class="button button-secondary"
                            disabled=move || redeem.pending.get() on:click=move |_| confirming.set(false)>
                            "取消"
                        </button>
                    </p>
                </div>
            }.into_any(),
        }}
        {move || message().map(|text| view! { <p class="form-message" role="alert">{text}</p> })}
    }
}
