//! 我的兑换券: every voucher the worker has redeemed.

use leptos::prelude::*;

use crate::{
    api::model::Redemption,
    components::{use_page_feed, use_signed_in, Card, FeedFooter, PageHeader, SignInPrompt},
    domain::{
        points::VoucherState,
        time::{format_date, ChinaTime},
        url::item_path,
    },
    platform::{base, clock, document::use_page_meta},
};

#[component]
pub fn Vouchers() -> impl IntoView {
    use_page_meta(|| "我的兑换券".into(), || "用积分兑换的体检、培训和物品券。".into());
    let signed_in = use_signed_in();
    view! {
        <nav class="breadcrumb" aria-label="位置"><a href=base::href("/rewards")>"‹ 积分兑换"</a></nav>
        <PageHeader title="我的兑换券" lead="到店出示券码或二维码就能使用。" />
        <Show when=move || signed_in.get() fallback=|| view! {
            <SignInPrompt text="登录后可以看到你兑换的每一张券。" action="登录查看兑换券" return_to="/vouchers" />
        }>
            <VoucherList />
        </Show>
    }
}

#[component]
fn VoucherList() -> impl IntoView {
    let (vouchers, more) =
        use_page_feed(|api, cursor| async move { api.redemptions(cursor.as_deref()).await });
    let now = clock::now();
    view! {
        {move || vouchers.with(|feed| voucher_cards(&feed.items, &now))}
        <FeedFooter feed=vouchers load_more=more empty="还没有兑换券。攒够积分，去“积分兑换”看看吧。" />
    }
}

fn voucher_cards(vouchers: &[Redemption], now: &ChinaTime) -> impl IntoView {
    (!vouchers.is_empty()).then(|| {
        view! {
            <ul class="cards">
                {vouchers.iter().map(|voucher| {
                    let state = VoucherState::of(voucher.status, voucher.expires_at.as_deref(), now);
                    let until = voucher.expires_at.as_deref().and_then(format_date).map(|d| format!("有效期至 {d}"));
                    view! {
                        <li>
                            <Card href=item_path("/vouchers", &voucher.id) title=voucher.reward_title.clone()
                                kicker=state.label() text=format!("券码 {}", voucher.code)
                                meta=until.unwrap_or_default() />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
