//! 社区议事: the questions communities and departments put to workers.

use leptos::prelude::*;

use crate::{
    api::model::{Topic, TopicState},
    components::{use_page_feed, Card, FeedFooter, PageHeader},
    domain::{
        time::{format_date_time, ChinaTime},
        url::item_path,
        voice::takes_opinions,
    },
    platform::{clock::use_minute_clock, document::use_page_meta},
};

#[component]
pub fn Voice() -> impl IntoView {
    use_page_meta(
        || "社区议事".into(),
        || "社区和部门想听听外卖骑手、快递员、网约车司机的意见：说说你的想法，看看议事结果。".into(),
    );
    let (topics, more) = use_page_feed(|api, cursor| async move { api.topics(cursor.as_deref()).await });
    let now = use_minute_clock();
    view! {
        <PageHeader title="社区议事" lead="停车点划在哪、驿站添什么、小区怎么进……你的意见会被带到议事会上。" />
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
