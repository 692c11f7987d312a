//! 我的上报: every report of the worker and where it stands. Reports still on
//! the phone (the outbox) come first, then the backend's list, page by page.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::model::{Report, ReportStatus},
    components::{use_page_feed, use_signed_in, FeedFooter, PageHeader},
    domain::{
        outbox::{OutboxItem, OutboxState},
        small_sort::sorted_by_key,
        time::ChinaTime,
        url::login_path,
    },
    platform::{base, document::use_page_meta, photo_store, report_store},
};

#[component]
pub fn Reports() -> impl IntoView {
    use_page_meta(|| "我的上报".into(), || "我上报的安全隐患，以及每一条的审核结果。".into());
    let signed_in = use_signed_in();
    let outbox = RwSignal::new(report_store::load_outbox());
    report_store::on_outbox_change(move || {
        outbox.try_set(report_store::load_outbox());
    });
    view! {
        <PageHeader title="我的上报" lead="每一条上报和它的审核结果。被采纳的上报会加积分。" />
        <p><a class="button" href=base::href("/report")>"随手拍：上报隐患"</a></p>
        <OnThePhone outbox />
        <Show when=move || signed_in.get() fallback=|| view! {
            <div class="notice">
                <p class="notice-text">"登录后可以查看已经提交的上报和审核结果。"</p>
                <a class="button" href=base::href(&login_path("/reports"))>"登录查看我的上报"</a>
            </div>
        }>
            <Submitted outbox />
        </Show>
    }
}

/// Reports not yet confirmed by the backend, or refused by it.
#[component]
fn OnThePhone(outbox: RwSignal<crate::domain::outbox::Outbox>) -> impl IntoView {
    let waiting = move || {
        outbox.with(|o| {
            let waiting = o.items.iter().filter(|i| !matches!(i.state, OutboxState::Sent { .. })).cloned();
            sorted_by_key(waiting, |i: &OutboxItem| std::cmp::Reverse(i.created_at_ms))
        })
    };
    let remove = move |key: String| {
        if let Ok(freed) = report_store::update_outbox(|o| o.remove_rejected(&key)) {
            spawn_local(async move {
                let _ = photo_store::delete(&freed).await;
            });
        }
    };
    view! {
        <Show when=move || !waiting().is_empty()>
            <section aria-labelledby="outbox-title">
                <h2 id="outbox-title">"还在手机上"</h2>
                <ul class="cards">
                    {move || waiting().into_iter().map(|item| {
                        let reason = match &item.state {
                            OutboxState::Rejected { reason } => Some(format!("原因：{reason}")),
                            OutboxState::RetryLater { reason, .. } => Some(format!("上次没发出：{reason}会自动重试。")),
                            OutboxState::WaitingForSignIn => Some("登录已过期，重新登录后会自动发送。".into()),
                            _ => None,
                        };
                        let rejected = matches!(item.state, OutboxState::Rejected { .. });
                        let key = item.key.clone();
                        view! {
                            <li class="card card-static report">
                                <span class="card-kicker report-status">{item.status_label()}</span>
                                <span class="card-title">{item.report.category.clone()}</span>
                                <span class="card-text">{item.report.text.clone()}</span>
                                {reason.map(|r| view! { <span class="card-meta">{r}</span> })}
                                {(item.state == OutboxState::WaitingForSignIn).then(|| view! {
                                    <a class="button" href=base::href(&login_path("/reports"))>"重新登录"</a>
                                })}
                                {rejected.then(|| view! {
                                    <button type="button" class="button button-secondary"
                                        on:click=move |_| remove(key.clone())>"删除这条"</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The backend's list, with 加载更多.
#[component]
fn Submitted(outbox: RwSignal<crate::domain::outbox::Outbox>) -> impl IntoView {
    let (feed, load_more) = use_page_feed(|api, cursor| async move { api.reports(cursor.as_deref()).await });
    // Sent from the phone after this list was loaded: shown until the list is loaded again.
    let sent_since = move || {
        let listed: Vec<String> = feed.with(|f| f.items.iter().map(|r: &Report| r.id.clone()).collect());
        outbox.with(|o| {
            o.items
                .iter()
                .filter_map(|i| match &i.state {
                    OutboxState::Sent { report_id } if !listed.contains(report_id) => Some(i.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="submitted-title">
            <h2 id="submitted-title">"已提交"</h2>
            <ul class="cards">
                {move || sent_since().into_iter().rev().map(|item| view! {
                    <li class="card card-static report">
                        <span class="card-kicker report-status">{item.status_label()}</span>
                        <span class="card-title">{item.report.category.clone()}</span>
                        <span class="card-text">{item.report.text.clone()}</span>
                    </li>
                }).collect_view()}
                {move || feed.with(|f| f.items.clone()).into_iter().map(report_card).collect_view()}
            </ul>
            <FeedFooter feed load_more empty="还没有提交过上报。看到隐患，随手拍一下吧。" />
        </section>
    }
}

fn report_card(report: Report) -> impl IntoView {
    let when = report.created_at.as_deref().and_then(ChinaTime::parse_rfc3339).map(|t| t.date_label());
    let status = match (report.status, report.points_awarded) {
        (ReportStatus::Pending, _) => "已提交待审核".to_owned(),
        (ReportStatus::Accepted, Some(points)) if points > 0 => format!("已采纳 +{points} 分"),
        (ReportStatus::Accepted, _) => "已采纳".to_owned(),
        (ReportStatus::Rejected, _) => "未采纳".to_owned(),
        (ReportStatus::Unknown, _) => "审核中".to_owned(),
    };
    let note = report.review_note.filter(|n| !n.trim().is_empty()).map(|note| match report.status {
        ReportStatus::Rejected => format!("原因：{note}"),
        _ => format!("审核意见：{note}"),
    });
    let place = [report.town, report.address]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="card card-static report">
            <span class="card-kicker report-status">{status}</span>
            <span class="card-title">{report.category}</span>
            <span class="card-text">{report.text}</span>
            {(!place.is_empty()).then(|| view! { <span class="card-meta">{place}</span> })}
            {note.map(|n| view! { <span class="card-meta">{n}</span> })}
            {when.map(|w| view! { <span class="card-meta">{w}</span> })}
        </li>
    }
}
