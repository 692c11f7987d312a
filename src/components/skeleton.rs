use leptos::prelude::*;

/// The outline of what is loading, so the page does not jump when it arrives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SkeletonShape {
    /// A list of cards.
    #[default]
    List,
    /// One article or detail page.
    Detail,
}

#[component]
pub fn Skeleton(#[prop(optional)] shape: SkeletonShape) -> impl IntoView {
    let rows = match shape {
        SkeletonShape::List => 4,
        SkeletonShape::Detail => 1,
    };
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">"正在加载…"</span>
            {(0..rows)
                .map(|_| view! {
                    <div class="skeleton-card" aria-hidden="true">
                        <div class="skeleton-line skeleton-title"></div>
                        <div class="skeleton-line"></div>
                        <div class="skeleton-line skeleton-short"></div>
                    </div>
                })
                .collect_view()}
        </div>
    }
}
