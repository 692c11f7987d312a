//! The kiosk at a rest station, shared by strangers: the idle reset
//! ([`idle`]) and what the kiosk shows differently ([`views`]). All of it is a
//! chunk of its own in a split build, fetched at start on a kiosk only:
//! phones never download it, and the main module holds only the thin
//! components of `components::kiosk` that hand over to it.

mod idle;
mod views;

use leptos::prelude::*;

use crate::lazy_pages::ChunkMissing;

/// What the kiosk's chunk hands over.
#[derive(Clone, Copy)]
pub struct KioskParts {
    /// Starts the idle reset, given the idle time and where to put the countdown.
    pub start: fn(u32, RwSignal<Option<u32>>),
    /// The countdown, and the mark on each history entry that keeps the back
    /// button within one visit; inside the router.
    pub visit: fn(RwSignal<Option<u32>>) -> AnyView,
    /// A link that would leave the app, as a QR code: its URL, words and class.
    pub out_link: fn(String, String, &'static str) -> AnyView,
    /// A QR code: the text, its accessible name and its caption.
    pub qr: fn(String, String, String) -> AnyView,
}

thread_local! {
    /// The chunk once it has arrived; read by the components that show it.
    static ARRIVED: ArcRwSignal<Option<KioskParts>> = ArcRwSignal::new(None);
}

/// The kiosk's chunk, if it has arrived (a reactive read).
pub fn arrived() -> Option<KioskParts> {
    ARRIVED.with(|arrived| arrived.get())
}

/// Fetches the chunk and starts the idle reset. Without the chunk the kiosk
/// still works, without the reset or its QR codes.
pub fn install(idle_after_seconds: u32, countdown: RwSignal<Option<u32>>) {
    wasm_bindgen_futures::spawn_local(async move {
        match load().await {
            Ok(parts) => {
                (parts.start)(idle_after_seconds, countdown);
                ARRIVED.with(|arrived| arrived.set(Some(parts)));
            }
            Err(_) => leptos::logging::error!("the kiosk's chunk did not arrive"),
        }
    });
}

fn parts() -> KioskParts {
    KioskParts { start: idle::start, visit: views::visit, out_link: views::out_link, qr: views::qr }
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(kiosk, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load() -> Result<KioskParts, ChunkMissing> {
    Ok(parts())
}

#[cfg(not(feature = "split"))]
async fn load() -> Result<KioskParts, ChunkMissing> {
    Ok(parts())
}
