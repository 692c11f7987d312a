//! 先锋骑士团: what it is, who is in it, and 申请加入.

use leptos::prelude::*;

use crate::{
    api::{
        model::{Knight, KnightApplication, NewKnightApplication, ReviewStatus},
        use_api_resource, Page,
    },
    components::{page_texts, use_form_send, use_signed_in, Loaded, SendForm, SignInPrompt},
    domain::{time::format_date_time, voice::application_form},
    pages::{honours::who_line, take_part_forms::FormFromChunk},
};

/// What members do, in the programme's own terms.
const DUTIES: [&str; 3] = [
    "参加所在社区的议事会，把骑手、快递员、司机们遇到的难处带到桌面上",
    "在政策制定时提意见：驿站怎么建、小区怎么进、停车点放哪里",
    "带头参加文明宣传、反诈宣传和应急物资转运，带动身边的同行",
];

#[component]
pub fn Knights() -> impl IntoView {
    page_texts::KNIGHTS.use_page_meta();
    let knights = use_api_resource(|api| async move { api.knights().await });
    let signed_in = use_signed_in();
    view! {
        {page_texts::KNIGHTS.header()}
        <section aria-labelledby="duties-title">
            <h2 id="duties-title">"成员做什么"</h2>
            <ul class="duties">{DUTIES.iter().map(|duty| view! { <li>{*duty}</li> }).collect_view()}</ul>
        </section>
        <section aria-labelledby="members-title">
            <h2 id="members-title">"成员"</h2>
            <Loaded resource=knights render={|page: Page<Knight>| member_cards(page.items)} />
        </section>
        <section class="take-part" aria-labelledby="apply-title">
            <h2 id="apply-title">"申请加入"</h2>
            <Show when=move || signed_in.get() fallback=|| view! {
                <SignInPrompt text="登录后才能申请，审核结果会在这里告诉你。" action="登录后申请" return_to="/knights" />
            }>
                <Apply />
            </Show>
        </section>
    }
}

fn member_cards(knights: Vec<Knight>) -> impl IntoView {
    if knights.is_empty() {
        return view! { <p class="notice notice-empty">"成员名单还没有公布。"</p> }.into_any();
    }
    view! {
        <ul class="cards">
            {knights.into_iter().map(|k| {
                let since = k.since.map(|y| format!("{y} 年加入")).unwrap_or_default();
                view! {
                    <li class="card card-static">
                        <span class="card-kicker">{since}</span>
                        <span class="card-title">{k.name}</span>
                        <span class="card-text">{k.duty.unwrap_or_default()}</span>
                        <span class="card-meta">{who_line([&k.occupation, &k.employer, &k.town])}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The latest application's state; the form while none is under review.
#[component]
fn Apply() -> impl IntoView {
    let mine = use_api_resource(|api| async move { api.knight_applications().await });
    view! {
        <Loaded resource=mine render={move |page: Page<KnightApplication>| {
            let latest = page.items.into_iter().next();
            let open = latest.as_ref().is_some_and(|a| a.status == ReviewStatus::Submitted);
            view! {
                {latest.map(|application| view! { <ApplicationState application /> })}
                {(!open).then(|| view! {
                    <FormFromChunk draw=move |forms| (forms.knights_application)(Callback::new(move |()| mine.refetch())) />
                })}
            }
        }} />
    }
}

#[component]
fn ApplicationState(application: KnightApplication) -> impl IntoView {
    let when = format_date_time(application.created_at.as_deref()).map(|t| format!("{t} 提交的申请"));
    let words = match application.status {
        ReviewStatus::Submitted => "正在审核，结果出来后会在这里告诉你。",
        ReviewStatus::Selected => "恭喜，你已入选先锋骑士团。",
        ReviewStatus::NotSelected => "这次没有入选，欢迎下次再申请。",
        ReviewStatus::Unknown => "申请已收到。",
    };
    view! {
        <div class="notice" role="status">
            <p class="notice-title">{format!("我的申请：{}", application.status.label())}</p>
            {when.map(|when| view! { <p class="notice-text">{when}</p> })}
            <p class="notice-text">{words}</p>
            {application.review_note.map(|note| view! { <p class="notice-text">{note}</p> })}
        </div>
    }
}

#[component]
pub(crate) fn ApplicationForm(on_sent: Callback<()>) -> impl IntoView {
    let form = application_form();
    let send = use_form_send(
        "apply",
        form.clone(),
        "draft.knights".into(),
        "knights-apply".into(),
        "/knights".into(),
        |api, key, answers, _| {
            let application = NewKnightApplication::from_answers(&answers);
            async move {
                // The form's own checks make this complete; a form that no longer matches says so.
                let application = application.ok_or_else(|| {
                    crate::api::ApiError::Decode("the application form lacks an answer".into())
                })?;
                api.apply_to_knights(&application, &key).await
            }
        },
    );
    // Another phone may have sent one meanwhile: then it is shown.
    send.after(&["application_open"], on_sent);
    view! { <SendForm prefix="apply" form send label="提交申请" pending="提交中…" done="申请已提交。" /> }
}
