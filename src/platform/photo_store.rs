//! Photos of drafts and of queued reports, kept in IndexedDB: three shrunk
//! photos per report soon outgrow local storage's few megabytes, and
//! IndexedDB keeps `Blob`s as they are. A minimal wrapper: one database, one
//! store, a key per photo.

use std::{cell::RefCell, rc::Rc};

use futures::channel::oneshot;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, EventTarget, IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "youxin";
const STORE: &str = "photos";
const VERSION: u32 = 1;

/// Why a photo could not be kept or read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The phone's storage (or the browser's share of it) is full.
    Full,
    /// No IndexedDB here (some private modes), or it failed.
    Unavailable,
}

impl StoreError {
    pub fn user_message(self) -> &'static str {
        match self {
            StoreError::Full => "手机存储空间不足，照片没有保存。请清理手机空间后再添加。",
            StoreError::Unavailable => "这个浏览器不能在手机上保存照片（可能是无痕模式），请换个浏览器再试。",
        }
    }
}

thread_local! {
    /// Opened once per visit.
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Keeps a photo under `id`.
pub async fn put(id: &str, photo: &Blob) -> Result<(), StoreError> {
    let (store, done) = store(IdbTransactionMode::Readwrite).await?;
    let request = store.put_with_key(photo, &JsValue::from_str(id)).map_err(|e| classify(&e))?;
    // The transaction's end, not the request's: only then is the photo on disk.
    let outcome = settle(&done, "complete", &["error", "abort"]).await;
    drop(request);
    outcome.map(|_| ()).map_err(|_| error_of(&done))
}

/// The photo kept under `id`, or `None` when there is none.
pub async fn get(id: &str) -> Result<Option<Blob>, StoreError> {
    let (store, _done) = store(IdbTransactionMode::Readonly).await?;
    let request = store.get(&JsValue::from_str(id)).map_err(|e| classify(&e))?;
    settle(&request, "success", &["error"]).await.map_err(|_| StoreError::Unavailable)?;
    let result = request.result().map_err(|_| StoreError::Unavailable)?;
    Ok(result.dyn_into::<Blob>().ok())
}

/// Forgets the photos under `ids`; missing ones are no error.
pub async fn delete(ids: &[String]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let (store, done) = store(IdbTransactionMode::Readwrite).await?;
    for id in ids {
        store.delete(&JsValue::from_str(id)).map_err(|e| classify(&e))?;
    }
    settle(&done, "complete", &["error", "abort"]).await.map(|_| ()).map_err(|_| StoreError::Unavailable)
}

/// The photo store in a new transaction, and the transaction to wait on.
async fn store(mode: IdbTransactionMode) -> Result<(IdbObjectStore, IdbTransaction), StoreError> {
    let database = database().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, mode).map_err(|e| classify(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| classify(&e))?;
    Ok((store, transaction))
}

async fn database() -> Result<IdbDatabase, StoreError> {
    if let Some(open) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(open);
    }
    let factory =
        web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(StoreError::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(|e| classify(&e))?;
    let upgrade = {
        let request = request.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Ok(result) = request.result() else { return };
            let database: IdbDatabase = result.unchecked_into();
            if !database.object_store_names().contains(STORE) {
                let _ = database.create_object_store(STORE);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let outcome = settle(&request, "success", &["error", "blocked"]).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    outcome.map_err(|_| StoreError::Unavailable)?;
    let database: IdbDatabase = request.result().map_err(|_| StoreError::Unavailable)?.unchecked_into();
    OPEN.with(|open| *open.borrow_mut() = Some(database.clone()));
    Ok(database)
}

/// Waits for `ok` or one of `failures` on `target`; the listeners go once it has.
async fn settle(target: &EventTarget, ok: &str, failures: &[&str]) -> Result<(), ()> {
    let (sender, receiver) = oneshot::channel::<bool>();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let listener = |success: bool| {
        let sender = sender.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(success);
            }
        })
    };
    let on_ok = listener(true);
    let on_fail = listener(false);
    let _ = target.add_event_listener_with_callback(ok, on_ok.as_ref().unchecked_ref());
    for name in failures {
        let _ = target.add_event_listener_with_callback(name, on_fail.as_ref().unchecked_ref());
    }
    let success = receiver.await.unwrap_or(false);
    let _ = target.remove_event_listener_with_callback(ok, on_ok.as_ref().unchecked_ref());
    for name in failures {
        let _ = target.remove_event_listener_with_callback(name, on_fail.as_ref().unchecked_ref());
    }
    if success {
        Ok(())
    } else {
        Err(())
    }
}

/// A failed transaction: a full disk says `QuotaExceededError`.
fn error_of(transaction: &IdbTransaction) -> StoreError {
    match transaction.error() {
        Some(error) if error.name() == "QuotaExceededError" => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

fn classify(error: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    if name.as_deref() == Some("QuotaExceededError") {
        StoreError::Full
    } else {
        StoreError::Unavailable
    }
}
