//! One voucher: its code in large type and as a QR code the provider scans.

use leptos::prelude::*;

use crate::{
    api::model::Redemption,
    components::{
        fact, qr_code::QrCode, use_query_param, use_signed_in, DetailPage, PageHeader, SignInPrompt,
    },
    domain::{points::VoucherState, time::format_date_time, url::item_path},
    platform::clock,
};

#[component]
pub fn VoucherDetail() -> impl IntoView {
    let signed_in = use_signed_in();
    let params = leptos_router::hooks::use_params_map();
    let here = move || item_path("/vouchers", &params.read_untracked().get("id").unwrap_or_default());
    view! {
        <Show when=move || signed_in.get() fallback=move || view! {
            <PageHeader title="兑换券" />
            <SignInPrompt text="兑换券只有本人登录后才能查看。" action="登录查看兑换券" return_to=here() />
        }>
            <DetailPage
                fetch=|api, id| async move { api.redemption(&id).await }
                back=("/vouchers", "我的兑换券")
                title="兑换券"
                describe=|v: &Redemption| (v.reward_title.clone(), String::new())
                render=|voucher: Redemption, _| view! { <VoucherArticle voucher /> }
            />
        </Show>
    }
}

#[component]
fn VoucherArticle(voucher: Redemption) -> impl IntoView {
    let just_issued = use_query_param("new");
    let state = VoucherState::of(voucher.status, voucher.expires_at.as_deref(), &clock::now());
    let status_class =
        if state == VoucherState::Usable { "status status-open" } else { "status status-closed" };
    view! {
        <article class="detail voucher">
            <Show when=move || just_issued.get() == "1">
                <p class="notice notice-success" role="status">"兑换成功！到店出示下面的券码或二维码即可使用。"</p>
            </Show>
            <header class="page-header">
                <p class="kicker">"兑换券"</p>
                <h1>{voucher.reward_title.clone()}</h1>
                <p><span class=status_class>{state.label()}</span></p>
            </header>
            <p class="voucher-code-label">"券码"</p>
            <p class="voucher-code">{voucher.code.clone()}</p>
            {(state == VoucherState::Usable).then(|| view! {
                <QrCode text=voucher.code.clone() label=format!("券码 {} 的二维码", voucher.code)
                    caption="请商家扫码核销".into() />
            })}
            <dl class="facts">
                {fact("提供单位", Some(voucher.provider.clone()))}
                {fact("使用地点", voucher.place.clone())}
                {fact("有效期至", format_date_time(voucher.expires_at.as_deref()))}
                {fact("兑换时间", format_date_time(voucher.created_at.as_deref()))}
                {fact("花费积分", (voucher.cost > 0).then(|| format!("{} 积分", voucher.cost)))}
            </dl>
        </article>
    }
}
