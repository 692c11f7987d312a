//! 积分: how points are earned and what they are worth.

use leptos::prelude::*;

use crate::{
    api::{
        model::{LedgerEntry, Me, PointsRule},
        use_api, use_api_resource, Page,
    },
    components::{
        page_texts, use_page_feed, use_signed_in, Door, Doors, FeedFooter, Loaded, SignInPrompt,
        SkeletonShape,
    },
    domain::{points::level_progress, time::ChinaTime},
    pages::rewards::reward_cards,
};

/// The ways to earn and spend, each a page of its own.
const WAYS: [Door; 5] = [
    ("/report", "随手拍", "拍下路上的安全隐患，采纳后加分"),
    ("/reports", "我的上报", "看看上报有没有被采纳"),
    ("/campaigns", "参加活动", "文明宣传、反诈宣传，现场签到加分"),
    ("/rewards", "积分兑换", "体检、培训、护具"),
    ("/vouchers", "我的兑换券", "到店出示券码使用"),
];

#[component]
pub fn Points() -> impl IntoView {
    page_texts::POINTS.use_page_meta();
    let rules = use_api_resource(|api| async move { api.points_rules().await });
    let (rewards, more_rewards) =
        use_page_feed(|api, cursor| async move { api.rewards(cursor.as_deref()).await });
    let signed_in = use_signed_in();
    view! {
        {page_texts::POINTS.header()}
        <Show when=move || signed_in.get() fallback=|| view! {
            <SignInPrompt text="登录后可以查看积分余额和每一笔积分明细。" action="登录查看我的积分" return_to="/points" />
        }>
            <MyPoints />
        </Show>
        <Doors label="攒积分、用积分" class="ways" doors=&WAYS />
        <section aria-labelledby="rules-title">
            <h2 id="rules-title">"怎么攒积分"</h2>
            <Loaded resource=rules render=rule_list />
        </section>
        <section aria-labelledby="rewards-title">
            <h2 id="rewards-title">"能换什么"</h2>
            {move || rewards.with(|feed| reward_cards(&feed.items))}
            <FeedFooter feed=rewards load_more=more_rewards />
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

/// The signed-in worker's balance and latest points.
#[component]
fn MyPoints() -> impl IntoView {
    let api = use_api();
    let me = use_api_resource(|api| async move { api.me().await });
    let (ledger, more_ledger) =
        use_page_feed(|api, cursor| async move { api.ledger(cursor.as_deref()).await });
    view! {
        <section class="my-points" aria-labelledby="my-points-title">
            <h2 id="my-points-title" class="visually-hidden">"我的积分"</h2>
            <Loaded resource=me skeleton=SkeletonShape::Detail render=balance_card />
            <h3>"积分明细"</h3>
            {move || ledger.with(|feed| ledger_list(&feed.items))}
            <FeedFooter feed=ledger load_more=more_ledger empty="还没有积分记录。上报一条安全隐患试试吧。" />
            <button type="button" class="button button-secondary" on:click=move |_| api.sign_out()>"退出登录"</button>
        </section>
    }
}

fn balance_card(me: Me) -> impl IntoView {
    let progress = me.level.as_ref().and_then(|level| level_progress(me.points_earned, level));
    let level = me.level.map(|level| level.name);
    view! {
        <div class="balance">
            <span class="balance-label">{format!("{}，你的积分", if me.name.is_empty() { "你好".to_owned() } else { me.name })}</span>
            <span class="balance-value">{me.points_balance}</span>
            {level.map(|name| view! {
                <span class="level">{format!("等级：{name} · 累计获得 {} 积分", me.points_earned)}</span>
            })}
            {progress.map(|progress| view! {
                <span class="level-next">
                    <span class="meter" role="progressbar" aria-label=format!("距离{}", progress.next_name)
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=progress.percent.to_string()>
                        <span class="meter-fill" style:width=format!("{}%", progress.percent)></span>
                    </span>
                    {if progress.to_go > 0 {
                        format!("再攒 {} 积分升为{}", progress.to_go, progress.next_name)
                    } else {
                        format!("已够{}的积分，等待升级", progress.next_name)
                    }}
                </span>
            })}
        </div>
    }
}

fn ledger_list(entries: &[LedgerEntry]) -> impl IntoView {
    (!entries.is_empty()).then(|| view! {
        <ul class="ledger">
            {entries.iter().cloned().map(|entry| {
                let when = entry.at.as_deref().and_then(ChinaTime::parse_rfc3339).map(|t| t.date_label());
                let (class, amount) = if entry.delta >= 0 { ("delta earn", format!("+{}", entry.delta)) } else { ("delta spend", entry.delta.to_string()) };
                view! {
                    <li class="ledger-entry">
                        <span class="ledger-reason">{entry.reason}</span>
                        <span class="ledger-date">{when}</span>
                        <span class=class>{amount}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}
