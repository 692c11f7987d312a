//! 文明实践活动: civic campaigns workers join for points.

use leptos::prelude::*;

use crate::{
    api::model::Campaign,
    components::{page_texts, use_page_feed, Card, FeedFooter},
    domain::{
        campaigns::CampaignPhase,
        time::{span_label, ChinaTime},
        url::item_path,
    },
    platform::clock::use_minute_clock,
};

#[component]
pub fn Campaigns() -> impl IntoView {
    page_texts::CAMPAIGNS.use_page_meta();
    let (campaigns, more) =
        use_page_feed(|api, cursor| async move { api.campaigns(cursor.as_deref()).await });
    let now = use_minute_clock();
    view! {
        {page_texts::CAMPAIGNS.header()}
        {move || campaigns.with(|feed| campaign_cards(&feed.items, &now.get()))}
        <FeedFooter feed=campaigns load_more=more empty="暂时没有活动，过几天再来看看。" />
    }
}

/// `已签到`, or where the campaign stands in time.
pub fn campaign_state(campaign: &Campaign, now: &ChinaTime) -> &'static str {
    if campaign.checked_in {
        "已签到"
    } else {
        CampaignPhase::of(campaign.starts_at.as_deref(), campaign.ends_at.as_deref(), now).label()
    }
}

fn campaign_cards(campaigns: &[Campaign], now: &ChinaTime) -> impl IntoView {
    (!campaigns.is_empty()).then(|| {
        view! {
            <ul class="cards">
                {campaigns.iter().map(|campaign| {
                    let when = span_label(campaign.starts_at.as_deref(), campaign.ends_at.as_deref());
                    let meta = [when, campaign.place.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                    view! {
                        <li>
                            <Card href=item_path("/campaigns", &campaign.id) title=campaign.title.clone()
                                kicker=format!("{} · +{} 积分", campaign_state(campaign, now), campaign.points)
                                text=campaign.summary.clone() meta />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
