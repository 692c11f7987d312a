use leptos::prelude::*;

use super::{ErrorNotice, Skeleton, SkeletonShape};
use crate::api::ApiError;

/// Shows a resource: a skeleton while it loads, its content once it has, or
/// the error with a retry. Keeps showing the old content while a new request
/// for the same place is under way (no flash of a skeleton).
#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    /// Renders the loaded value.
    render: F,
    #[prop(optional)] skeleton: SkeletonShape,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    view! {
        <Transition fallback=move || view! { <Skeleton shape=skeleton /> }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        match resource.await {
                            Ok(value) => render(value).into_any(),
                            Err(error) => view! { <ErrorNotice error on_retry=retry /> }.into_any(),
                        }
                    })
                }
            }
        </Transition>
    }
}
