//! The forms that only a signed-in worker fills in, on pages that everyone
//! reads: 推荐身边的榜样 (荣誉榜), 申请加入 (先锋骑士团), 发表意见 (a topic)
//! and 报名 (an activity).
//!
//! With the `split` feature they are a chunk of their own, fetched when a
//! signed-in worker opens one of those pages. A reader who is not signed in,
//! as most who follow a shared link are, never downloads the forms' code:
//! their fields, drafts and answers.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{
        model::{Activity, Honour},
        ApiError,
    },
    components::{ErrorNotice, Skeleton},
    lazy_pages::ChunkMissing,
    pages::{activity::SignupForm, honours::NominationForm, knights::ApplicationForm, topic::OpinionForm},
};

/// The forms, as their chunk hands them over.
#[derive(Clone, Copy)]
pub struct Forms {
    pub nomination: fn(Vec<Honour>) -> AnyView,
    /// Called with what to do once the application is sent.
    pub knights_application: fn(Callback<()>) -> AnyView,
    /// Called with the topic's id and what to do once the opinion is sent.
    pub opinion: fn(String, Callback<()>) -> AnyView,
    /// Called with the activity and what to do once the sign-up is sent.
    pub signup: fn(Activity, Callback<()>) -> AnyView,
}

fn forms() -> Forms {
    Forms {
        nomination: |honours| view! { <NominationForm honours /> }.into_any(),
        knights_application: |on_sent| view! { <ApplicationForm on_sent /> }.into_any(),
        opinion: |topic_id, reload| view! { <OpinionForm topic_id reload /> }.into_any(),
        signup: |activity, reload| view! { <SignupForm activity reload /> }.into_any(),
    }
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(take_part, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load() -> Result<Forms, ChunkMissing> {
    Ok(forms())
}

#[cfg(not(feature = "split"))]
async fn load() -> Result<Forms, ChunkMissing> {
    Ok(forms())
}

/// The form that `draw` picks, once the forms' code is here: a skeleton while
/// it comes, and 重试 if it did not come. What `Loaded` does for a resource,
/// with a signal: a resource's async machinery for one more type cost 4 KB
/// on a cold link to 荣誉榜.
#[component]
pub fn FormFromChunk(draw: impl Fn(Forms) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    // None while the code comes.
    let arrived = RwSignal::new(None::<Result<Forms, ChunkMissing>>);
    let fetch = move || {
        spawn_local(async move {
            let result = load().await;
            // The worker may have left the page meanwhile: then nobody is waiting.
            let _ = arrived.try_set(Some(result));
        });
    };
    fetch();
    let retry = Callback::new(move |()| {
        // A second tap while the first try is under way changes nothing.
        if arrived.with_untracked(|arrived| matches!(arrived, Some(Err(_)))) {
            arrived.set(None);
            fetch();
        }
    });
    move || match arrived.get() {
        None => view! { <Skeleton /> }.into_any(),
        Some(Ok(forms)) => draw(forms),
        Some(Err(ChunkMissing)) => view! {
            <ErrorNotice error=ApiError::Network("the forms' code did not arrive".into()) on_retry=retry />
        }
        .into_any(),
    }
}
