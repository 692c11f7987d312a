//! One activity, and signing up with the questions it asks: for a 暑托班, one
//! set per child. One sign-up per worker; it can be cancelled until the deadline.

use leptos::prelude::*;

use crate::{
    api::model::{Activity, NewSignup, Signup},
    components::{fact, use_form_send, use_once_action, use_signed_in, DetailPage, SendForm, SignInPrompt},
    domain::{
        activities::SignupPhase,
        time::{format_date_time, span_label},
        url::item_path,
    },
    pages::{activities::signup_phase, take_part_forms::FormFromChunk},
    platform::clock,
};

#[component]
pub fn ActivityDetail() -> impl IntoView {
    view! {
        <DetailPage
            fetch=|api, id| async move { api.activity(&id).await }
            back=("/activities", "活动")
            title="活动详情"
            describe=|a: &Activity| (a.title.clone(), a.summary.clone())
            render=|activity: Activity, reload| view! { <ActivityArticle activity reload /> }
        />
    }
}

#[component]
fn ActivityArticle(activity: Activity, reload: Callback<()>) -> impl IntoView {
    let phase = signup_phase(&activity, &clock::now());
    let seats = match (activity.seats, activity.seats_left) {
        (Some(seats), Some(left)) => Some(format!("共 {seats} 个，还剩 {left} 个")),
        (None, Some(left)) => Some(format!("还剩 {left} 个")),
        (Some(seats), None) => Some(format!("共 {seats} 个")),
        (None, None) => Some("不限".into()),
    };
    view! {
        <article class="detail">
            <header class="page-header">
                <p class="kicker">{format!("{} · {}", activity.kind.label(), phase.label())}</p>
                <h1>{activity.title.clone()}</h1>
                <p class="lead">{activity.summary.clone()}</p>
            </header>
            <dl class="facts">
                {fact("时间", span_label(activity.starts_at.as_deref(), activity.ends_at.as_deref()))}
                {fact("地点", activity.place.clone())}
                {fact("主办", activity.organiser.clone())}
                {fact("名额", seats)}
                {fact("报名截止", format_date_time(activity.deadline.as_deref()))}
            </dl>
            <section class="take-part" aria-labelledby="signup-title">
                <h2 id="signup-title">"报名"</h2>
                <SignupPart activity phase reload />
            </section>
        </article>
    }
}

#[component]
fn SignupPart(activity: Activity, phase: SignupPhase, reload: Callback<()>) -> impl IntoView {
    let signed_in = use_signed_in();
    let here = item_path("/activities", &activity.id);
    match phase {
        SignupPhase::SignedUp { can_cancel } => {
            let signup = activity.my_signup.clone().unwrap_or_default();
            view! { <MySignup activity signup can_cancel reload /> }.into_any()
        }
        SignupPhase::Closed => view! { <p class="status status-closed" role="status">"报名已截止。"</p> }.into_any(),
        SignupPhase::Full => view! { <p class="status status-closed" role="status">"名额已满，下次早点来报名。"</p> }.into_any(),
        SignupPhase::Open(_) => view! {
            {activity.my_signup.as_ref().map(|_| view! { <p class="hint">"你取消过这个活动的报名，可以重新报名。"</p> })}
            <Show when=move || signed_in.get() fallback={
                let here = here.clone();
                move || view! { <SignInPrompt text="登录后才能报名。" action="登录后报名" return_to=here.clone() /> }
            }>
                <FormFromChunk draw={
                    let activity = activity.clone();
                    move |forms| (forms.signup)(activity.clone(), reload)
                } />
            </Show>
        }
        .into_any(),
    }
}

#[component]
pub(crate) fn SignupForm(activity: Activity, reload: Callback<()>) -> impl IntoView {
    let form = activity.form.clone().unwrap_or_default();
    let id = activity.id.clone();
    let send = use_form_send(
        "signup",
        form.clone(),
        format!("draft.signup.{}", activity.id),
        format!("signup:{}", activity.id),
        item_path("/activities", &activity.id),
        move |api, key, answers, group| {
            let id = id.clone();
            async move { api.sign_up(&id, &NewSignup { answers, group }, &key).await }
        },
    );
    // Signed up, now or from another phone, or the seats and dates moved: show the activity as it is.
    send.after(&["already_signed_up", "signup_closed", "activity_full"], reload);
    view! { <SendForm prefix="signup" form send label="提交报名" pending="报名中…" done="报名成功。" /> }
}

/// The sign-up as the backend keeps it, and 取消报名 (confirmed first) before the deadline.
#[component]
fn MySignup(activity: Activity, signup: Signup, can_cancel: bool, reload: Callback<()>) -> impl IntoView {
    let form = activity.form.clone().unwrap_or_default();
    let lines: Vec<String> = {
        let answer = |questions: &[crate::api::model::Question], answers: &crate::api::model::Answers| {
            questions
                .iter()
                .filter_map(|q| Some(format!("{}：{}", q.label, answers.get(&q.id)?.as_typed()?)))
                .collect::<Vec<_>>()
                .join("，")
        };
        let mut lines = vec![answer(&form.questions, &signup.answers)];
        if let Some(group) = &form.group {
            lines.extend(signup.group.iter().enumerate().map(|(i, member)| {
                format!("第 {} 个{}：{}", i + 1, group.noun, answer(&group.questions, member))
            }));
        }
        lines.into_iter().filter(|line| !line.is_empty()).collect()
    };
    let signup_id = signup.id.clone();
    let cancel = use_once_action(
        format!("cancel:{}", signup.id),
        item_path("/activities", &activity.id),
        move |api, key| {
            let id = signup_id.clone();
            async move { api.cancel_signup(&id, &key).await }
        },
    );
    Effect::new(move |_| {
        if cancel.outcome.with(|o| matches!(o, Some(Ok(_)))) {
            reload.run(());
        }
    });
    let confirming = RwSignal::new(false);
    let when = format_date_time(signup.created_at.as_deref()).map(|t| format!("{t} 报名"));
    view! {
        <div class="notice" role="status">
            <p class="notice-title">"你已报名"</p>
            {when.map(|when| view! { <p class="notice-text">{when}</p> })}
            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        </div>
        {if can_cancel {
            view! {
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(true)>"取消报名"</button>
                }>
                    <div class="confirm" role="group" aria-labelledby="cancel-question">
                        <p id="cancel-question" class="confirm-question">"确定取消报名？名额会让给别人。"</p>
                        <p class="actions">
                            <button type="button" class="button" disabled=move || cancel.pending.get() on:click=move |_| cancel.run()>
                                {move || if cancel.pending.get() { "取消中…" } else { "确定取消" }}
                            </button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>"不取消"</button>
                        </p>
                    </div>
                </Show>
            }.into_any()
        } else {
            view! { <p class="hint">"报名已截止，不能再取消。有变化请联系主办方。"</p> }.into_any()
        }}
        {move || cancel.outcome.with(|o| match o {
            Some(Err(error)) if error.code() == Some("signup_closed") => Some("报名已截止，不能取消了。".to_owned()),
            Some(Err(error)) => Some(error.user_message()),
            _ => None,
        }).map(|text| view! { <p class="form-message" role="alert">{text}</p> })}
    }
}
