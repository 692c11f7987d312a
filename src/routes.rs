//! The app's addresses: which page a path shows.
//!
//! One small matcher stands in for a `<Route>` per address. The router's code
//! is generic over its routes, and a tuple of 29 routes made it 26 KB of the
//! main module that every first visit downloads; this matcher is a `match`.
//! Each page still has its own route id, so moving to another page gives it a
//! fresh owner and waits for its code exactly as separate routes did.

use std::{borrow::Cow, sync::Arc};

use leptos::prelude::*;
use leptos_router::{
    ChooseView, GeneratedRouteData, MatchInterface, MatchNestedRoutes, MatchParams, RouteMatchId,
};

use crate::{lazy_pages::LazyTarget, pages, platform};

/// What an address inside the app shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Lazy(LazyTarget),
}

impl Page {
    /// The page of a path (without its query) and the id it names; `None`
    /// where the path leads nowhere.
    pub fn of_path(path: &str) -> Option<(Self, Option<&str>)> {
        match path {
            "" | "/" => Some((Self::Home, None)),
            path => LazyTarget::of_path(path).map(|(target, id)| (Self::Lazy(target), id)),
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Home => 0,
            Self::Lazy(target) => 1 + target as usize,
        }
    }
}

impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        let view = match self {
            Self::Home => pages::home::Home().into_any(),
            Self::Lazy(target) => target.show().await,
        };
        // The first page drawn takes the static shell's place (once the shell has been shown); later ones find it gone.
        platform::shell::remove();
        view
    }

    async fn preload(&self) {
        if let Self::Lazy(target) = self {
            let _ = target.load().await;
        }
    }
}

/// The route definitions given to `<FlatRoutes>`.
#[derive(Clone)]
pub struct PageRoutes {
    /// One id per [`Page`], by [`Page::index`].
    ids: Arc<[RouteMatchId]>,
}

impl PageRoutes {
    pub fn new() -> Self {
        let pages = 1 + LazyTarget::ALL.len();
        Self { ids: (0..pages).map(|_| RouteMatchId::new_from_route_id()).collect() }
    }
}

impl Default for PageRoutes {
    fn default() -> Self {
        Self::new()
    }
}

/// A path matched to its page.
pub struct PageMatch {
    id: RouteMatchId,
    page: Page,
    matched: String,
    param: Option<String>,
}

impl MatchNestedRoutes for PageRoutes {
    type Data = ();
    type Match = PageMatch;

    fn match_nested<'a>(&'a self, path: &'a str) -> (Option<(RouteMatchId, PageMatch)>, &'a str) {
        let Some((page, param)) = Page::of_path(path) else {
            return (None, path);
        };
        let id = self.ids[page.index()];
        let matched = PageMatch { id, page, matched: path.to_owned(), param: param.map(str::to_owned) };
        (Some((id, matched)), "")
    }

    fn generate_routes(&self) -> impl IntoIterator<Item = GeneratedRouteData> + '_ {
        // Only server rendering lists routes; this app renders in the browser.
        std::iter::empty()
    }

    fn optional(&self) -> bool {
        false
    }
}

impl MatchInterface for PageMatch {
    type Child = PageMatch;

    fn as_id(&self) -> RouteMatchId {
        self.id
    }

    fn as_matched(&self) -> &str {
        &self.matched
    }

    fn into_view_and_child(self) -> (impl ChooseView, Option<Self::Child>) {
        (self.page, None)
    }
}

impl MatchParams for PageMatch {
    fn to_params(&self) -> Vec<(Cow<'static, str>, String)> {
        self.param.iter().map(|id| (Cow::Borrowed("id"), id.clone())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{LazyTarget, Page};

    #[test]
    fn every_address_shows_its_page() {
        assert_eq!(Page::of_path(""), Some((Page::Home, None)));
        assert_eq!(Page::of_path("/"), Some((Page::Home, None)));
        assert_eq!(Page::of_path("/services"), Some((Page::Lazy(LazyTarget::Services), None)));
        assert_eq!(Page::of_path("/services/"), Some((Page::Lazy(LazyTarget::Services), None)));
        assert_eq!(
            Page::of_path("/services/svc-01"),
            Some((Page::Lazy(LazyTarget::Service), Some("svc-01")))
        );
        assert_eq!(
            Page::of_path("/voice/tpc%2001/"),
            Some((Page::Lazy(LazyTarget::Topic), Some("tpc%2001")))
        );
        assert_eq!(Page::of_path("/reports"), Some((Page::Lazy(LazyTarget::Report), None)));
    }

    #[test]
    fn other_paths_lead_nowhere() {
        for path in ["//", "/nowhere", "/services//x", "/services/a/b", "/points/x", "/about/x", "//services"]
        {
            assert_eq!(Page::of_path(path), None, "{path}");
        }
    }

    #[test]
    fn pages_have_distinct_indexes() {
        let mut indexes: Vec<usize> =
            LazyTarget::ALL.iter().map(|target| Page::Lazy(*target).index()).collect();
        indexes.push(Page::Home.index());
        indexes.sort_unstable();
        assert_eq!(indexes, (0..=LazyTarget::ALL.len()).collect::<Vec<_>>());
    }
}
