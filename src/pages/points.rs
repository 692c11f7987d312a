//! 积分: how points are earned and what they are worth.

use leptos::prelude::*;

use crate::{
    api::{
        model::{PointsRule, Reward},
        use_api, Page,
    },
    components::{Loaded, PageHeader},
    platform::document::use_page_meta,
};

#[component]
pub fn Points() -> impl IntoView {
    use_page_meta(|| "积分".into(), || "上报安全隐患、参加文明宣传攒积分，兑换体检套餐和技能培训。".into());
    let api = use_api();
    let rules = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.points_rules().await }
        }
    });
    let rewards = LocalResource::new(move || {
        let api = api.clone();
        async move { api.rewards().await }
    });
    view! {
        <PageHeader title="积分" lead="上报安全隐患、参加文明宣传都能攒积分，积分可以换体检和培训。" />
        <section aria-labelledby="rules-title">
            <h2 id="rules-title">"怎么攒积分"</h2>
            <Loaded resource=rules render=rule_list />
        </section>
        <section aria-labelledby="rewards-title">
            <h2 id="rewards-title">"能换什么"</h2>
            <Loaded resource=rewards render=reward_list />
        </section>
    }
}

fn rule_list(page: Page<PointsRule>) -> impl IntoView {
    view! {
                <ul class="cards">
                    {page.items.into_iter().map(|rule| view! {
                        <li class="card card-static">
                            <span class="card-kicker">{format!("+{} 分", rule.points)}</span>
                            <span class="card-title">{rule.action}</span>
                            <span class="card-text">{rule.description}</span>
                            {rule.limit.map(|l| view! { <span class="card-meta">{l}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
    }
}

fn reward_list(page: Page<Reward>) -> impl IntoView {
    view! {
                <ul class="cards">
                    {page.items.into_iter().map(|reward| view! {
                        <li class="card card-static">
                            <span class="card-kicker">{format!("{} 积分", reward.cost)}</span>
                            <span class="card-title">{reward.title}</span>
                            <span class="card-text">{reward.summary}</span>
                            <span class="card-meta">{reward.provider}</span>
                        </li>
                    }).collect_view()}
                </ul>
    }
}
