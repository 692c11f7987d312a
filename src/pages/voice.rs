//! 社区议事: the questions communities and departments put to workers.

use leptos::prelude::*;

use crate::{
    api::model::{Topic, TopicState},
    components::{page_texts, use_page_feed, Card, FeedFooter},
    domain::{
        time::{format_date_time, ChinaTime},
        url::item_path,
        voice::takes_opinions,
    },
    platform::clock::use_minute_clock,
};

#[component]
pub fn Voice() -> impl IntoView {
    page_texts::VOICE.use_page_meta();
    let (topics, more) = use_page_feed(|api, cursor| async move { api.topics(cursor.as_deref()).await });
    let now = use_minute_clock();
    view! {
        {page_texts::VOICE.header()}
        {move || topics.with(|feed| topic_cards(&feed.items, &now.get()))}
        <FeedFooter feed=topics load_more=more empty="暂时没有议题，过几天再来看看。" />
    }
}

/// `征集意见中` with its deadline, `已有结果`, or `已截止`.
pub fn topic_state(topic: &Topic, now: &ChinaTime) -> String {
    if takes_opinions(topic.state == TopicState::Closed, topic.closes_at.as_deref(), now) {
        match format_date_time(topic.closes_at.as_deref()) {
            Some(until) => format!("征集意见中 · {until} 截止"),
            None => "征集意见中".into(),
        }
    } else if topic.outcome.is_some() {
        "已有议事结果".into()
    } else {
        "已截止".into()
    }
}

fn topic_cards(topics: &[Topic], now: &ChinaTime) -> impl IntoView {
    (!topics.is_empty()).then(|| {
        view! {
            <ul class="cards">
                {topics.iter().map(|topic| {
                    let count = topic.opinion_count.map(|n| format!("{n} 条意见")).unwrap_or_default();
                    let meta = [topic.asker.clone().unwrap_or_default(), count]
                        .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    view! {
                        <li>
                            <Card href=item_path("/voice", &topic.id) title=topic.title.clone()
                                kicker=topic_state(topic, now) text=topic.background.clone() meta />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
