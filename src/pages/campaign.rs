//! One campaign, and checking in to it.

use leptos::prelude::*;

use crate::{
    api::{model::Campaign, ApiError},
    components::{fact, use_once_action, use_signed_in, DetailPage, SignInPrompt},
    domain::{campaigns::CampaignPhase, time::span_label, url::item_path},
    pages::campaigns::campaign_state,
    platform::clock,
};

#[component]
pub fn CampaignDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.campaign(&id).await }
            back=("/campaigns", "文明实践活动")
            title="活动详情"
            describe=|c: &Campaign| (c.title.clone(), c.summary.clone())
            render=|campaign: Campaign, reload| view! { <CampaignArticle campaign reload /> }
        />
    }
}

#[component]
fn CampaignArticle(campaign: Campaign, reload: Callback<()>) -> impl IntoView {
    let now = clock::now();
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{format!("{} · +{} 积分", campaign_state(&campaign, &now), campaign.points)}</p>
                <h1>{campaign.title.clone()}</h1>
                <p class="lead">{campaign.summary.clone()}</p>
            </header>
            <dl class="facts">
                {fact("时间", span_label(campaign.starts_at.as_deref(), campaign.ends_at.as_deref()))}
                {fact("地点", campaign.place.clone())}
                {fact("积分", Some(format!("现场签到得 {} 积分", campaign.points)))}
            </dl>
            <CheckIn campaign reload />
        </article>
    }
}

/// 签到: once per worker, whatever the taps; an ended campaign says so.
#[component]
fn CheckIn(campaign: Campaign, reload: Callback<()>) -> impl IntoView {
    let signed_in = use_signed_in();
    let here = item_path("/campaigns", &campaign.id);
    let phase = CampaignPhase::of(campaign.starts_at.as_deref(), campaign.ends_at.as_deref(), &clock::now());
    let id = campaign.id.clone();
    let check_in = use_once_action(format!("checkin:{}", campaign.id), here.clone(), move |api, key| {
        let id = id.clone();
        async move { api.check_in(&id, &key).await }
    });
    // Checked in, now or before (another tap, another phone): the campaign is loaded again to say so.
    Effect::new(move |_| {
        let done = check_in.outcome.with(|outcome| match outcome {
            Some(Ok(_)) => true,
            Some(Err(error)) => already_checked_in(error),
            None => false,
        });
        if done {
            reload.run(());
        }
    });
    let message = move || {
        check_in.outcome.with(|outcome| match outcome {
            Some(Err(error)) if error.code() == Some("campaign_closed") => {
                Some("活动已经结束，不能再签到了。".into())
            }
            Some(Err(error)) if !already_checked_in(error) => Some(error.user_message()),
            _ => None,
        })
    };
    let points = campaign.points;
    let done = if campaign.checked_in {
        Some(format!("你已签到，{points} 积分已记入积分明细。"))
    } else if phase == CampaignPhase::Ended {
        Some("活动已经结束。".to_owned())
    } else {
        None
    };
    view! {
        <section class="enrol" aria-label="签到">
            {match done {
                Some(status) => view! { <p class="status status-open" role="status">{status}</p> }.into_any(),
                None => view! {
                    <Show when=move || signed_in.get() fallback=move || view! {
                        <SignInPrompt text="登录后才能签到，积分会记到你的名下。" action="登录后签到" return_to=here.clone() />
                    }>
                        <button type="button" class="button" disabled=move || check_in.pending.get()
                            on:click=move |_| check_in.run()>
                            {move || if check_in.pending.get() { "签到中…".to_owned() } else { format!("签到领 {points} 积分") }}
                        </button>
                    </Show>
                }.into_any(),
            }}
            {move || message().map(|text| view! { <p class="form-message" role="alert">{text}</p> })}
        </section>
    }
}

/// A refusal that means the worker is checked in already (from another tap or phone).
fn already_checked_in(error: &ApiError) -> bool {
    error.code() == Some("already_checked_in")
}
