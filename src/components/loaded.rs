use leptos::prelude::*;

use super::{ErrorNotice, Skeleton, SkeletonShape};
use crate::api::{ApiError, ApiResource};

/// Shows what a read brought: a skeleton until it answers, its content once
/// it has, or the error with a retry. The content stays while the same place
/// is read again (no flash of a skeleton).
#[component]
pub fn Loaded<T, V, F>(
    resource: ApiResource<Result<T, ApiError>>,
    /// Renders the loaded value.
    render: F,
    #[prop(optional)] skeleton: SkeletonShape,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    move || match resource.get() {
        None => view! { <Skeleton shape=skeleton /> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(error)) => view! { <ErrorNotice error on_retry=retry /> }.into_any(),
    }
}
