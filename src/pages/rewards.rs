//! 积分兑换: what points buy, beside the worker's balance.

use leptos::prelude::*;

use crate::{
    api::model::Reward,
    components::{page_texts, use_page_feed, use_signed_in, Card, FeedFooter, SignInPrompt},
    domain::{points::stock_label, url::item_path},
    platform::base,
};

#[component]
pub fn Rewards() -> impl IntoView {
    page_texts::REWARDS.use_page_meta();
    let (rewards, more) = use_page_feed(|api, cursor| async move { api.rewards(cursor.as_deref()).await });
    let signed_in = use_signed_in();
    view! {
        {page_texts::REWARDS.header()}
        <Show when=move || signed_in.get() fallback=|| view! {
            <SignInPrompt text="登录后可以看到你有多少积分、能换什么。" action="登录查看我的积分" return_to="/rewards" />
        }>
            <BalanceLine />
        </Show>
        {move || rewards.with(|feed| reward_cards(&feed.items))}
        <FeedFooter feed=rewards load_more=more empty="兑换目录还是空的，过几天再来看看。" />
    }
}

/// "我的积分 140", with the way to the vouchers already redeemed.
#[component]
pub fn BalanceLine() -> impl IntoView {
    let me = crate::api::use_api_resource(|api| async move { api.me().await });
    let balance = move || me.get().and_then(Result::ok).map(|me| me.points_balance.to_string());
    view! {
        <p class="balance-line">
            <span>"我的积分 "<strong class="balance-figure">{move || balance().unwrap_or_else(|| "…".into())}</strong></span>
            <a href=base::href("/vouchers")>"我的兑换券 ›"</a>
        </p>
    }
}

pub fn reward_cards(rewards: &[Reward]) -> impl IntoView {
    (!rewards.is_empty()).then(|| {
        view! {
            <ul class="cards">
                {rewards.iter().map(|reward| {
                    let meta = [Some(reward.provider.clone()), stock_label(reward.stock)]
                        .into_iter()
                        .flatten()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li>
                            <Card href=item_path("/rewards", &reward.id) title=reward.title.clone()
                                kicker=format!("{} 积分", reward.cost) text=reward.summary.clone() meta />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
