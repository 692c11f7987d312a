//! Form input kept on the phone while it is written, so a reload, a call or a
//! trip to the sign-in page loses nothing. A kiosk's reset clears it with the
//! rest of the app's storage.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::platform::storage;

/// A draft stored under `key`: read once, saved on every change, removed when
/// it is back to empty (its default).
pub fn use_draft<T>(key: String) -> RwSignal<T>
where
    T: Serialize + DeserializeOwned + Default + PartialEq + Send + Sync + 'static,
{
    let draft = RwSignal::new(storage::load::<T>(&key).unwrap_or_default());
    Effect::new(move |_| {
        draft.with(|value| {
            if *value == T::default() {
                storage::remove(&key);
            } else {
                storage::save(&key, value);
            }
        })
    });
    draft
}
