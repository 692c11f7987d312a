//! The report draft and the outbox, kept on the phone.
//!
//! Both are small JSON (the photos themselves are in `photo_store`), so they
//! live in local storage: writes are synchronous, so a read-modify-write of the
//! outbox cannot interleave with another in this tab, and the draft is on disk
//! before the next keystroke. A write that fails (a full disk) is reported, never ignored.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{closure::Closure, JsCast};

use crate::domain::{outbox::Outbox, report::ReportDraft};

const DRAFT_KEY: &str = "youxin.report-draft";
const OUTBOX_KEY: &str = "youxin.outbox";
/// Present while the outbox holds something to deliver: the shell reads only this.
pub const PENDING_MARKER: &str = "youxin.outbox-pending";
/// Fired on `window` after every change of the outbox.
const CHANGED_EVENT: &str = "youxin-outbox";

/// The phone refused to keep something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageFull;

impl StorageFull {
    pub fn user_message(self) -> &'static str {
        "手机存储空间不足，草稿没能保存。请清理手机空间，或先把写好的内容复制下来。"
    }
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read<T: DeserializeOwned + Default>(key: &str) -> T {
    local()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), StorageFull> {
    let json = serde_json::to_string(value).map_err(|_| StorageFull)?;
    local().ok_or(StorageFull)?.set_item(key, &json).map_err(|_| StorageFull)
}

pub fn load_draft() -> ReportDraft {
    read(DRAFT_KEY)
}

pub fn save_draft(draft: &ReportDraft) -> Result<(), StorageFull> {
    if draft.is_empty() {
        clear_draft();
        return Ok(());
    }
    write(DRAFT_KEY, draft)
}

pub fn clear_draft() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

pub fn load_outbox() -> Outbox {
    read(OUTBOX_KEY)
}

/// Changes the stored outbox and tells every page that shows it.
pub fn update_outbox<R>(change: impl FnOnce(&mut Outbox) -> R) -> Result<R, StorageFull> {
    let mut outbox = load_outbox();
    let result = change(&mut outbox);
    write(OUTBOX_KEY, &outbox)?;
    if let Some(storage) = local() {
        let _ = if outbox.pending_count() > 0 {
            storage.set_item(PENDING_MARKER, "1")
        } else {
            storage.remove_item(PENDING_MARKER)
        };
    }
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(CHANGED_EVENT) {
            let _ = window.dispatch_event(&event);
        }
    }
    Ok(result)
}

/// Whether the outbox holds something to deliver; cheap, for the shell.
pub fn has_pending() -> bool {
    local().and_then(|s| s.get_item(PENDING_MARKER).ok().flatten()).is_some()
}

/// Calls `changed` whenever the outbox changes (in this tab or another), while
/// the calling component is shown; the listeners go with the component.
pub fn on_outbox_change(changed: impl Fn() + 'static) {
    use leptos::prelude::on_cleanup;
    use send_wrapper::SendWrapper;

    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn()>::new(changed);
    // `storage` tells of another tab's writes.
    for name in [CHANGED_EVENT, "storage"] {
        let _ = window.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    let listener = SendWrapper::new(listener);
    on_cleanup(move || {
        if let Some(window) = web_sys::window() {
            for name in [CHANGED_EVENT, "storage"] {
                let _ = window.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
        drop(listener);
    });
}
