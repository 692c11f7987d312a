//! The last good answers of public reads, kept in local storage by a phone
//! whose pages no service worker controls (WeChat on iOS, a first visit):
//! when the network is gone, they stand in for it.

use super::storage;
use crate::domain::saved_answers::{decode, decode_index, encode, encode_index, remember, MAX_BODY_CHARS};

const INDEX_KEY: &str = "saved-index";

fn key(url: &str) -> String {
    format!("saved:{url}")
}

/// Keeps `body` as the answer to `url`, read at `now_millis`.
pub fn keep(url: &str, body: &str, now_millis: i64) {
    if body.len() > MAX_BODY_CHARS {
        return;
    }
    let index = storage::get(INDEX_KEY).map(|stored| decode_index(&stored)).unwrap_or_default();
    let (index, dropped) = remember(index, url);
    for url in &dropped {
        storage::remove(&key(url));
    }
    storage::set(INDEX_KEY, &encode_index(&index));
    storage::set(&key(url), &encode(now_millis, body));
}

/// The kept answer to `url` and when it was saved (Unix milliseconds).
pub fn recall(url: &str) -> Option<(i64, String)> {
    let stored = storage::get(&key(url))?;
    decode(&stored).map(|(at, body)| (at, body.to_owned()))
}
