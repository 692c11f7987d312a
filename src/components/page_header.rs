use leptos::prelude::*;

use crate::platform::document::use_page_meta;

/// A page's heading and one line on what it offers.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>{title}</h1>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
        </header>
    }
}

/// A section page's words. Its own index.html paints the same heading and
/// lead before the app runs (build.rs, scripts/section-pages.mjs), so that a
/// worker on weak 4G reads where they are at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageText {
    pub title: &'static str,
    /// What the page offers, for search results and share cards.
    pub description: &'static str,
    pub lead: &'static str,
}

impl PageText {
    /// Names the page in the document's title and share card.
    pub fn use_page_meta(self) {
        use_page_meta(move || self.title.into(), move || self.description.into());
    }

    /// The page's heading and lead.
    pub fn header(self) -> impl IntoView {
        view! { <PageHeader title=self.title lead=self.lead /> }
    }
}

/// Each section page's words, one constant per address of `src/page_texts.json`.
pub mod page_texts {
    use super::PageText;

    include!(concat!(env!("OUT_DIR"), "/page_texts.rs"));
}
