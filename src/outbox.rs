//! Delivering the outbox, wherever the worker is in the app.
//!
//! The shell wakes it at start, when the connection returns, when the app is
//! in front again and when the worker signs in. A wake costs one look at a
//! marker in local storage; only when something waits is the delivery code
//! fetched (its own chunk in a split build) and run. One run at a time per
//! tab: a wake during a run makes the run look once more.

use futures::future::LocalBoxFuture;

use crate::{
    api::ApiClient,
    lazy_pages::ChunkMissing,
    platform::{report_store, wake::Wake},
};

/// Runs the outbox until nothing is due.
pub type Deliver = fn(ApiClient, Wake) -> LocalBoxFuture<'static, ()>;

/// Wakes the outbox at start, then on `online` and focus for the life of the
/// calling owner (the app shell). The sign-in page wakes it after a sign-in.
pub fn install(api: ApiClient) {
    wake(api.clone(), Wake::Start);
    crate::platform::wake::on_wake(move |why| wake(api.clone(), why));
}

/// Delivers what is due, if anything waits (always, for [`Wake::Now`]).
pub fn wake(api: ApiClient, why: Wake) {
    if why != Wake::Now && !report_store::has_pending() {
        return;
    }
    // No owner: a request under way must outlive the page that woke the outbox.
    wasm_bindgen_futures::spawn_local(async move {
        // Offline before the chunk came: the next wake fetches it again.
        if let Ok(deliver) = delivery::load().await {
            deliver(api, why).await;
        }
    });
}

mod delivery {
    use super::*;

    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(outbox, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn load() -> Result<Deliver, ChunkMissing> {
        Ok(run::deliver)
    }

    #[cfg(not(feature = "split"))]
    pub async fn load() -> Result<Deliver, ChunkMissing> {
        Ok(run::deliver)
    }
}

/// The delivery itself: in the `outbox` chunk of a split build.
pub mod run {
    use std::cell::{Cell, RefCell};

    use gloo_timers::callback::Timeout;

    use super::*;
    use crate::{
        api::model::NewReport,
        domain::outbox::{Failure, OutboxItem},
        platform::{photo, photo_store, report_store::update_outbox, wake::is_online},
    };

    thread_local! {
        static RUNNING: Cell<bool> = const { Cell::new(false) };
        static AGAIN: Cell<bool> = const { Cell::new(false) };
        /// The wake for the earliest waiting retry; replacing it cancels the old one.
        static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    }

    pub fn deliver(api: ApiClient, why: Wake) -> LocalBoxFuture<'static, ()> {
        Box::pin(run(api, why))
    }

    fn now_ms() -> i64 {
        js_sys::Date::now() as i64
    }

    async fn run(api: ApiClient, why: Wake) {
        let signed_in = api.is_signed_in();
        let running = RUNNING.get();
        let _ = update_outbox(|outbox| {
            if why == Wake::Start && !running {
                outbox.recover();
            }
            if why == Wake::Online {
                outbox.network_returned();
            }
            if signed_in {
                outbox.signed_in();
            }
        });
        if running {
            AGAIN.set(true);
            return;
        }
        RUNNING.set(true);
        loop {
            AGAIN.set(false);
            while is_online() {
                let now = now_ms();
                let Some(key) = report_store::load_outbox().next_due(now) else { break };
                let began = update_outbox(|outbox| {
                    let item = outbox.get_mut(&key)?;
                    item.begin(now).then_some(())?;
                    if !api.is_signed_in() {
                        // No request that can only be refused: wait for the sign-in.
                        item.failed(Failure::SignIn, now);
                        return None;
                    }
                    Some(())
                });
                if !matches!(began, Ok(Some(()))) {
                    if began.is_err() {
                        break; // storage refuses writes: nothing can be tracked
                    }
                    continue;
                }
                let outcome = send(&api, &key).await;
                let _ = update_outbox(|outbox| {
                    if let Some(item) = outbox.get_mut(&key) {
                        match outcome {
                            Ok(report_id) => item.confirmed(report_id),
                            Err(failure) => item.failed(failure, now_ms()),
                        }
                    }
                });
            }
            if !AGAIN.get() {
                break;
            }
        }
        let freed = update_outbox(|outbox| outbox.prune(now_ms())).unwrap_or_default();
        let _ = photo_store::delete(&freed).await;
        RUNNING.set(false);
        schedule(api);
    }

    /// Sets a wake for when the earliest waiting retry falls due.
    fn schedule(api: ApiClient) {
        let next = report_store::load_outbox().next_wake_ms();
        let timer = next.map(|at| {
            let delay = (at - now_ms()).clamp(0, i64::from(i32::MAX)) as u32;
            Timeout::new(delay, move || super::wake(api, Wake::Now))
        });
        TIMER.with(|slot| *slot.borrow_mut() = timer);
    }

    /// One try: the photos not yet confirmed, then the report with its key.
    async fn send(api: &ApiClient, key: &str) -> Result<String, Failure> {
        loop {
            let item = current(key)?;
            let Some(next) = item.next_upload().cloned() else { break };
            match photo_store::get(&next.id).await {
                Ok(Some(blob)) => {
                    let bytes = photo::bytes_of(&blob)
                        .await
                        .ok_or_else(|| Failure::Retry("照片读取失败，稍后重试。".into()))?;
                    let upload = api
                        .upload(&format!("{}.jpg", next.id), "image/jpeg", bytes)
                        .await
                        .map_err(|error| Failure::of(&error))?;
                    // Remembered at once: a later failure does not upload it again.
                    remember(key, |item| item.photo_uploaded(&next.id, upload.id.clone()))?;
                }
                Ok(None) => remember(key, |item| item.photo_missing(&next.id))?,
                Err(error) => return Err(Failure::Retry(error.user_message().into())),
            }
        }
        let item = current(key)?;
        let draft = &item.report;
        let address = draft.clean_address();
        let report = NewReport {
            category: draft.category.clone(),
            text: draft.text.trim().to_owned(),
            photos: item.upload_ids(),
            location: draft.location,
            address: (!address.is_empty()).then_some(address),
            town: (!draft.town.is_empty()).then(|| draft.town.clone()),
            anonymous: draft.anonymous,
        };
        let filed = api.submit_report(&report, key).await.map_err(|error| Failure::of(&error))?;
        Ok(filed.id)
    }

    fn current(key: &str) -> Result<OutboxItem, Failure> {
        report_store::load_outbox()
            .items
            .into_iter()
            .find(|item| item.key == key)
            .ok_or_else(|| Failure::Reject("这条上报已不在手机上。".into()))
    }

    fn remember(key: &str, change: impl FnOnce(&mut OutboxItem)) -> Result<(), Failure> {
        update_outbox(|outbox| outbox.get_mut(key).map(change))
            .map(|_| ())
            .map_err(|full| Failure::Retry(full.user_message().into()))
    }
}
