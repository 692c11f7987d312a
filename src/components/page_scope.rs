//! Reading state that outlives a page (the shell's, the router's) from a page.
//!
//! A reactive source keeps a note of every memo or effect that read it until
//! that reader runs again. A page that has been left never runs again, so a
//! long-lived source read directly by page code keeps one dead note per visit,
//! and a kiosk that shows the app for days grows without end. Pages read such
//! state through [`page_memo`], which takes its note back when the page goes.

use leptos::{
    prelude::*,
    reactive::graph::{Subscriber, ToAnySubscriber},
};

use crate::api::use_api;

/// A memo owned by the current page: it follows `read` (which may read any
/// long-lived signal) and unsubscribes from everything it read when the page
/// is left. Page code then reads the memo, which dies with the page.
pub fn page_memo<T>(read: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(move |_| read());
    let subscriber = memo.to_any_subscriber();
    on_cleanup(move || subscriber.clear_sources(&subscriber));
    memo.into()
}

/// Whether a worker is signed in, for the current page.
pub fn use_signed_in() -> Memo<bool> {
    let api = use_api();
    page_memo(move || api.is_signed_in())
}
