//! One topic of 社区议事: its background, the meeting, the outcome once there
//! is one, and the worker's opinion (≤ 500 characters, kept as a draft).

use leptos::prelude::*;

use crate::{
    api::model::{Answer, Opinion, Topic, TopicState},
    components::{fact, use_form_send, use_signed_in, DetailPage, SendForm, SignInPrompt},
    domain::{
        time::{format_date_time, span_label},
        url::item_path,
        voice::{opinion_form, takes_opinions},
    },
    pages::{take_part_forms::FormFromChunk, voice::topic_state},
    platform::clock,
};

#[component]
pub fn TopicDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.topic(&id).await }
            back=("/voice", "社区议事")
            title="议题"
            describe=|t: &Topic| (t.title.clone(), t.background.clone())
            render=|topic: Topic, reload| view! { <TopicArticle topic reload /> }
        />
    }
}

#[component]
fn TopicArticle(topic: Topic, reload: Callback<()>) -> impl IntoView {
    let now = clock::now();
    let open = takes_opinions(topic.state == TopicState::Closed, topic.closes_at.as_deref(), &now);
    let meeting = topic.meeting.clone().unwrap_or_default();
    let when = span_label(meeting.at.as_deref(), None).or_else(|| format_date_time(meeting.at.as_deref()));
    let meeting_line = [when, meeting.place].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{topic_state(&topic, &now)}</p>
                <h1>{topic.title.clone()}</h1>
            </header>
            <p>{topic.background.clone()}</p>
            <dl class="facts">
                {fact("发起", topic.asker.clone())}
                {fact("截止", format_date_time(topic.closes_at.as_deref()))}
                {fact("议事会", Some(meeting_line))}
                {fact("收到意见", topic.opinion_count.map(|n| format!("{n} 条")))}
            </dl>
            {topic.outcome.clone().map(|outcome| view! {
                <section class="outcome" aria-labelledby="outcome-title">
                    <h2 id="outcome-title">"议事结果"</h2>
                    <p>{outcome}</p>
                </section>
            })}
            <MyOpinions opinions=topic.my_opinions.clone() />
            {if open {
                view! { <SayIt topic_id=topic.id.clone() reload /> }.into_any()
            } else {
                view! { <p class="status status-closed" role="status">"这个议题已经截止，不再收集意见。"</p> }.into_any()
            }}
        </article>
    }
}

#[component]
fn MyOpinions(opinions: Vec<Opinion>) -> impl IntoView {
    (!opinions.is_empty()).then(|| {
        view! {
            <section aria-labelledby="mine-title">
                <h2 id="mine-title">"我的意见"</h2>
                <ul class="cards">
                    {opinions.into_iter().map(|opinion| view! {
                        <li class="card card-static">
                            <span class="card-text">{opinion.text}</span>
                            <span class="card-meta">{format_date_time(opinion.created_at.as_deref()).unwrap_or_default()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// 发表意见: signed in, while the topic is open.
#[component]
fn SayIt(topic_id: String, reload: Callback<()>) -> impl IntoView {
    let signed_in = use_signed_in();
    let here = item_path("/voice", &topic_id);
    view! {
        <section class="take-part" aria-labelledby="say-title">
            <h2 id="say-title">"说说你的意见"</h2>
            <Show when=move || signed_in.get() fallback={
                let here = here.clone();
                move || view! {
                    <SignInPrompt text="登录后才能发表意见。可以先想好，登录后回到这里。" action="登录后发表意见" return_to=here.clone() />
                }
            }>
                <FormFromChunk draw={
                    let topic_id = topic_id.clone();
                    move |forms| (forms.opinion)(topic_id.clone(), reload)
                } />
            </Show>
        </section>
    }
}

#[component]
pub(crate) fn OpinionForm(topic_id: String, reload: Callback<()>) -> impl IntoView {
    let id = topic_id.clone();
    let send = use_form_send(
        "say",
        opinion_form(),
        format!("draft.opinion.{topic_id}"),
        format!("opinion:{topic_id}"),
        item_path("/voice", &topic_id),
        move |api, key, answers, _| {
            let (id, text) =
                (id.clone(), answers.get("text").and_then(Answer::as_text).unwrap_or_default().to_owned());
            async move { api.send_opinion(&id, &text, &key).await }
        },
    );
    // Sent, or closed meanwhile: the topic is loaded again to show it.
    send.after(&["topic_closed"], reload);
    view! {
        <SendForm prefix="say" form=opinion_form() send label="发表意见" pending="发送中…" done="意见已送达，谢谢你。"
            note="没写完也不要紧：草稿会保存在这台手机上。" />
    }
}
