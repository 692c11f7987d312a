//! Photos of drafts and of queued reports, kept in IndexedDB: three shrunk
//! photos per report soon outgrow local storage's few megabytes, and
//! IndexedDB keeps `Blob`s as they are. A minimal wrapper: one database, one
//! store, a key per photo, reached through [`super::js`] (report chunk only).

use std::cell::RefCell;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::Blob;

use super::js;

pub const DATABASE: &str = "youxin";
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
    static OPEN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps a photo under `id`.
pub async fn put(id: &str, photo: &Blob) -> Result<(), StoreError> {
    let transaction = transaction("readwrite").await?;
    js::call(&store_of(&transaction)?, "put", &[photo.into(), id.into()]).map_err(|e| classify(&e))?;
    // The transaction's end, not the request's: only then is the photo on disk.
    finished(&transaction).await
}

/// The photo kept under `id`, or `None` when there is none.
pub async fn get(id: &str) -> Result<Option<Blob>, StoreError> {
    let transaction = transaction("readonly").await?;
    let request = js::call(&store_of(&transaction)?, "get", &[id.into()]).map_err(|e| classify(&e))?;
    succeeded(&request).await?;
    let photo = js::get(&request, "result");
    Ok(js::has_method(&photo, "arrayBuffer").then(|| photo.unchecked_into()))
}

/// Forgets the photos under `ids`; missing ones are no error.
pub async fn delete(ids: &[String]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let transaction = transaction("readwrite").await?;
    let store = store_of(&transaction)?;
    for id in ids {
        js::call(&store, "delete", &[id.into()]).map_err(|e| classify(&e))?;
    }
    finished(&transaction).await
}

async fn transaction(mode: &str) -> Result<JsValue, StoreError> {
    let database = database().await?;
    js::call(&database, "transaction", &[STORE.into(), mode.into()]).map_err(|e| classify(&e))
}

fn store_of(transaction: &JsValue) -> Result<JsValue, StoreError> {
    js::call(transaction, "objectStore", &[STORE.into()]).map_err(|e| classify(&e))
}

async fn database() -> Result<JsValue, StoreError> {
    if let Some(open) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(open);
    }
    let factory = js::get(&js::global(), "indexedDB");
    let request = js::call(&factory, "open", &[DATABASE.into(), VERSION.into()]).map_err(|e| classify(&e))?;
    let upgrade = {
        let request = request.clone();
        Closure::<dyn FnMut()>::new(move || {
            let database = js::get(&request, "result");
            let names = js::get(&database, "objectStoreNames");
            let has_store = js::call(&names, "contains", &[STORE.into()]).is_ok_and(|has| has.is_truthy());
            if !has_store {
                let _ = js::call(&database, "createObjectStore", &[STORE.into()]);
            }
        })
    };
    js::set(&request, "onupgradeneeded", upgrade.as_ref().clone());
    let outcome = js::settled(|success, failure| {
        js::set(&request, "onsuccess", success);
        js::set(&request, "onerror", failure.clone());
        js::set(&request, "onblocked", failure);
    })
    .await;
    js::set(&request, "onupgradeneeded", JsValue::NULL);
    drop(upgrade);
    outcome.map_err(|_| StoreError::Unavailable)?;
    let database = js::get(&request, "result");
    OPEN.with(|open| *open.borrow_mut() = Some(database.clone()));
    Ok(database)
}

/// Waits for a request's answer.
async fn succeeded(request: &JsValue) -> Result<(), StoreError> {
    js::settled(|success, failure| {
        js::set(request, "onsuccess", success);
        js::set(request, "onerror", failure);
    })
    .await
    .map(|_| ())
    .map_err(|_| StoreError::Unavailable)
}

/// Waits for a transaction's end; a full disk says `QuotaExceededError`.
async fn finished(transaction: &JsValue) -> Result<(), StoreError> {
    js::settled(|success, failure| {
        js::set(transaction, "oncomplete", success);
        js::set(transaction, "onerror", failure.clone());
        js::set(transaction, "onabort", failure);
    })
    .await
    .map(|_| ())
    .map_err(|_| classify(&js::get(transaction, "error")))
}

fn classify(error: &JsValue) -> StoreError {
    if js::get(error, "name").as_string().as_deref() == Some("QuotaExceededError") {
        StoreError::Full
    } else {
        StoreError::Unavailable
    }
}
