//! A write the backend must apply once — a check-in, a redemption — however
//! often it is tapped, retried, or sent again after a reload lost the answer.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{hooks::use_navigate, NavigateOptions};

use crate::{
    api::{use_api, ApiClient, ApiError},
    domain::url::login_path,
    platform::{random::idempotency_key, storage},
};

/// The state of one intent, and the way to send it.
pub struct OnceAction<T: Send + Sync + 'static> {
    /// A request is under way: the button stays disabled.
    pub pending: ReadSignal<bool>,
    /// The last answer, once there is one.
    pub outcome: ReadSignal<Option<Result<T, ApiError>>>,
    send: Callback<()>,
}

impl<T: Send + Sync + 'static> Clone for OnceAction<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for OnceAction<T> {}

impl<T: Send + Sync + 'static> OnceAction<T> {
    /// Sends the intent, unless it is already under way.
    pub fn run(&self) {
        self.send.run(());
    }
}

/// Whether the backend has answered an intent for good, so that its key is done
/// with: a success, or a refusal that changed nothing. After a network failure,
/// a timeout, a server error or a page left mid-request the write may have
/// happened, so the same key must go again; a 401 is kept for after sign-in.
fn settled<T>(result: &Result<T, ApiError>) -> bool {
    match result {
        Ok(_) => true,
        Err(ApiError::Http { status, .. }) => {
            (400..500).contains(status) && ![401, 408, 429].contains(status)
        }
        Err(_) => false,
    }
}

/// An intent named `intent` (e.g. `redeem:rwd-1`), sent by `send(api, key)`.
/// Its `Idempotency-Key` is made once and kept on the phone until the backend
/// has answered for good, so a double tap, a retry or a reload after a lost
/// answer all repeat the same key and the backend applies it once. A 401 (the
/// session ended) goes to sign in and back to `return_to`.
pub fn use_once_action<T, Fut>(
    intent: String,
    return_to: String,
    send: impl Fn(ApiClient, String) -> Fut + Send + Sync + 'static,
) -> OnceAction<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let api = use_api();
    let navigate = use_navigate();
    let (pending, set_pending) = signal(false);
    let (outcome, set_outcome) = signal(None::<Result<T, ApiError>>);
    let storage_key = format!("intent.{intent}");
    let send = Callback::new(move |()| {
        if pending.get_untracked() {
            return;
        }
        let key = storage::get(&storage_key).unwrap_or_else(|| {
            let key = idempotency_key();
            storage::set(&storage_key, &key);
            key
        });
        set_pending.set(true);
        set_outcome.set(None);
        let answer = send(api.clone(), key);
        let (storage_key, navigate, return_to) = (storage_key.clone(), navigate.clone(), return_to.clone());
        spawn_local(async move {
            let result = answer.await;
            if settled(&result) {
                storage::remove(&storage_key);
            }
            if matches!(result, Err(ApiError::Http { status: 401, .. })) {
                navigate(&login_path(&return_to), NavigateOptions::default());
            }
            set_pending.try_set(false);
            set_outcome.try_set(Some(result));
        });
    });
    OnceAction { pending, outcome, send }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16) -> Result<(), ApiError> {
        Err(ApiError::Http { status, code: String::new(), message: String::new() })
    }

    #[test]
    fn a_key_is_done_with_only_when_nothing_more_can_happen() {
        assert!(settled(&Ok(())));
        assert!(settled(&http(409)), "a refusal changed nothing");
        assert!(settled(&http(404)));
        for open in [http(401), http(408), http(429), http(500), http(503)] {
            assert!(!settled(&open), "{open:?}");
        }
        assert!(!settled::<()>(&Err(ApiError::Network("reset".into()))));
        assert!(!settled::<()>(&Err(ApiError::Timeout(15_000))));
        assert!(!settled::<()>(&Err(ApiError::Cancelled)));
        assert!(!settled::<()>(&Err(ApiError::Decode("cut off".into()))));
    }
}
