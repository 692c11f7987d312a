//! A value that a page reads through the client and shows.
//!
//! A signal and a task rather than Leptos's resources: their async machinery,
//! and `<Transition>`'s, went into every section's download.

use leptos::prelude::*;

use super::{use_api, ApiClient};

/// What a read has brought: nothing until its first answer, then the latest
/// answer, kept while the next request is under way (no flash of a skeleton).
pub struct ApiResource<T: 'static> {
    answer: RwSignal<Option<T>, LocalStorage>,
    again: Trigger,
}

impl<T> Clone for ApiResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ApiResource<T> {}

impl<T: Clone> ApiResource<T> {
    /// The latest answer, if one has come (reactive).
    pub fn get(&self) -> Option<T> {
        self.answer.get()
    }

    /// Whether an answer has come (reactive).
    pub fn has_answer(&self) -> bool {
        self.answer.with(Option::is_some)
    }

    /// Asks again; the answer shown stays until the new one comes.
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// Reads through the client. `fetch` runs again whenever a signal it reads
/// before its first `.await` changes (a route parameter, a filter). The task
/// runs under the effect's owner: the request it replaces, and the last one
/// once the page's owner is cleaned up, is dropped and its fetch aborted
/// (api/http.rs registers the abort with that owner).
pub fn use_api_resource<T, Fut>(fetch: impl Fn(ApiClient) -> Fut + 'static) -> ApiResource<T>
where
    T: 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let api = use_api();
    let answer = RwSignal::new_local(None);
    let again = Trigger::new();
    Effect::new(move |_| {
        again.track();
        let reply = fetch(api.clone());
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let reply = reply.await;
            answer.try_set(Some(reply));
        });
    });
    ApiResource { answer, again }
}
