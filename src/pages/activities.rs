//! 活动: 节日慰问会, 流动子女暑托班, trainings and other programme activities.

use leptos::prelude::*;

use crate::{
    api::model::{Activity, Signup},
    components::{page_texts, use_page_feed, Card, FeedFooter},
    domain::{
        activities::SignupPhase,
        time::{span_label, ChinaTime},
        url::item_path,
    },
    platform::clock::use_minute_clock,
};

#[component]
pub fn Activities() -> impl IntoView {
    page_texts::ACTIVITIES.use_page_meta();
    let (activities, more) =
        use_page_feed(|api, cursor| async move { api.activities(cursor.as_deref()).await });
    let now = use_minute_clock();
    view! {
        {page_texts::ACTIVITIES.header()}
        {move || activities.with(|feed| activity_cards(&feed.items, &now.get()))}
        <FeedFooter feed=activities load_more=more empty="暂时没有活动，过几天再来看看。" />
    }
}

/// Where signing up stands for this worker now.
pub fn signup_phase(activity: &Activity, now: &ChinaTime) -> SignupPhase {
    let signed_up = activity.my_signup.as_ref().is_some_and(Signup::is_confirmed);
    SignupPhase::of(
        activity.deadline.as_deref(),
        activity.ends_at.as_deref(),
        activity.seats_left,
        signed_up,
        now,
    )
}

fn activity_cards(activities: &[Activity], now: &ChinaTime) -> impl IntoView {
    (!activities.is_empty()).then(|| {
        view! {
            <ul class="cards">
                {activities.iter().map(|activity| {
                    let when = span_label(activity.starts_at.as_deref(), activity.ends_at.as_deref());
                    let meta = [when, activity.place.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                    let kicker = format!("{} · {}", activity.kind.label(), signup_phase(activity, now).label());
                    view! {
                        <li>
                            <Card href=item_path("/activities", &activity.id) title=activity.title.clone()
                                kicker text=activity.summary.clone() meta />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
