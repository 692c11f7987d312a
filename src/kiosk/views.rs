//! What a kiosk shows differently: the countdown before the next visitor, and
//! QR codes where a phone would leave the app.

use leptos::{html, prelude::*};
use leptos_router::hooks::use_location;

use crate::{
    components::qr_code::QrCode,
    platform::kiosk::{mark_entry, phone_url},
};

pub fn qr(text: String, label: String, caption: String) -> AnyView {
    view! { <QrCode text label caption /> }.into_any()
}

pub fn visit(countdown: RwSignal<Option<u32>>) -> AnyView {
    view! { <KioskVisit countdown /> }.into_any()
}

pub fn out_link(href: String, text: String, class: &'static str) -> AnyView {
    let caption = if href.starts_with("tel:") { "用手机扫码拨打" } else { "用手机扫码打开" };
    let label = format!("{text} 的二维码");
    view! {
        <details class="out-link">
            <summary class=class>{text}</summary>
            <QrCode text=phone_url(&href) label caption=caption.into() />
        </details>
    }
    .into_any()
}

/// Says that the kiosk forgets, marks each page's history entry as this
/// visit's, and shows the countdown while `countdown` holds the seconds left.
#[component]
fn KioskVisit(countdown: RwSignal<Option<u32>>) -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        mark_entry();
    });
    let stay = NodeRef::<html::Button>::new();
    // Focus goes to 继续使用 as the countdown appears, for keyboard and screen-reader users.
    Effect::new(move |shown: Option<bool>| {
        let showing = countdown.with(Option::is_some);
        if showing && shown != Some(true) {
            if let Some(button) = stay.get() {
                let _ = button.focus();
            }
        }
        showing
    });
    view! {
        <aside class="kiosk-note" aria-label="公用设备">
            "这是公用设备：一段时间没有人操作，就会回到首页，并清除你在这里留下的内容。"
        </aside>
        <Show when=move || countdown.with(Option::is_some)>
            <div class="kiosk-countdown" role="alertdialog" aria-labelledby="kiosk-countdown-title"
                aria-describedby="kiosk-countdown-text">
                <p id="kiosk-countdown-title" class="kiosk-countdown-title">
                    {move || countdown.get().map(|seconds| format!("{seconds} 秒后回到首页"))}
                </p>
                <p id="kiosk-countdown-text">"这台设备是公用的：回到首页时，你在这里看过、填过的内容都会清除。"</p>
                // Any touch keeps the visit going; this is the obvious one.
                <button type="button" class="button" node_ref=stay>"继续使用"</button>
            </div>
        </Show>
    }
}
