//! What the shell says about the connection and the app itself: that the data
//! on screen was saved earlier, or that a new version has arrived. One notice
//! at a time, one view for both: this is in every first download.

use leptos::prelude::*;

use crate::{
    api::use_api,
    domain::saved_answers::saved_time_label,
    platform::{kiosk, offline},
};

/// "离线中" with the time the data on screen was saved, while the network
/// cannot give fresh data (重新加载 tries again); else "已更新" on the first
/// start of a new version, until it is closed (not on a kiosk: its
/// next visitor never saw the old one).
#[component]
pub fn ConnectionNotice() -> impl IntoView {
    let api = use_api();
    let updated = RwSignal::new(!kiosk::is_kiosk() && offline::arrived_new_build());
    move || {
        let saved_at = api.saved_at();
        let (class, text, action) = match saved_at {
            Some(at) => (
                "connection-notice connection-offline",
                format!("离线中，显示的是 {} 保存的内容", saved_time_label(at)),
                "重新加载",
            ),
            None if updated.get() => (
                "connection-notice connection-updated",
                "已更新：酉新送暖已是最新版本。".to_owned(),
                "知道了",
            ),
            None => return None,
        };
        let act = move |_| match saved_at {
            Some(_) => offline::reload(),
            None => updated.set(false),
        };
        Some(view! {
            <div class=class role="status">
                <p>{text}</p>
                <button type="button" class="button button-secondary" on:click=act>{action}</button>
            </div>
        })
    }
}
