//! Pages downloaded when they are first needed.
//!
//! With the `split` feature (release builds, bound by `scripts/split-wasm.sh`)
//! each page below is its own WebAssembly chunk, fetched on the first visit to
//! its route or when a link to it is hovered or touched; the home page, the
//! 404 page and the shell stay in the main module. Without the feature the same
//! routes render directly, so tests and `trunk serve` need no splitter.
//!
//! A chunk that fails to download shows an error with 重试 in place of the
//! page; the shell and every other route keep working.

use futures::future::LocalBoxFuture;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::LazyRoute;

use crate::pages;

/// Renders a page whose code has arrived.
pub type RenderPage = fn() -> AnyView;
/// Fetches a page's code (once; a failed attempt is not remembered).
pub type LoadPage = fn() -> LocalBoxFuture<'static, Result<RenderPage, ChunkMissing>>;

/// A page's chunk did not arrive: offline, a dropped connection, a server error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Declares a lazy route `$route` showing `$page`, in a chunk named `$chunk`.
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $page:path) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                show(|| Box::pin($chunk::load())).await
            }

            async fn preload() {
                // A failure shows once the page itself is asked for.
                let _ = $chunk::preload().await;
            }
        }

        mod $chunk {
            use super::*;

            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
            pub fn load() -> Result<RenderPage, ChunkMissing> {
                Ok(|| $page().into_any())
            }

            #[cfg(not(feature = "split"))]
            pub async fn load() -> Result<RenderPage, ChunkMissing> {
                Ok(|| $page().into_any())
            }

            #[cfg(not(feature = "split"))]
            pub async fn preload() -> Result<(), ChunkMissing> {
                Ok(())
            }
        }
    };
}

lazy_page!(ServicesPage, services, pages::services::Services);
lazy_page!(ServicePage, service, pages::service::ServiceDetail);
lazy_page!(CoursesPage, courses, pages::courses::Courses);
lazy_page!(CoursePage, course, pages::course::CourseDetail);
lazy_page!(StoriesPage, stories, pages::stories::Stories);
lazy_page!(StoryPage, story, pages::story::StoryDetail);
lazy_page!(StationsPage, stations, pages::stations::Stations);
lazy_page!(StationPage, station, pages::station::StationDetail);
lazy_page!(PointsPage, points, pages::points::Points);
lazy_page!(LoginPage, login, pages::login::Login);

/// The page once its code is here, or the error with a way to fetch it again.
async fn show(load: LoadPage) -> AnyView {
    match load().await {
        Ok(render) => render(),
        Err(ChunkMissing) => view! { <ChunkFailed load /> }.into_any(),
    }
}

/// In place of a page whose code did not arrive: 重试 fetches it again and
/// shows the page once it has come.
#[component]
fn ChunkFailed(load: LoadPage) -> impl IntoView {
    let arrived = RwSignal::new(None::<RenderPage>);
    let trying = RwSignal::new(false);
    let retry = move |_| {
        if trying.get_untracked() {
            return;
        }
        trying.set(true);
        spawn_local(async move {
            let result = load().await;
            // The worker may have gone elsewhere meanwhile: then nobody is waiting.
            let _ = trying.try_set(false);
            if let Ok(render) = result {
                let _ = arrived.try_set(Some(render));
            }
        });
    };
    move || match arrived.get() {
        Some(render) => render(),
        None => view! {
            <div class="notice notice-error" role="alert">
                <p class="notice-title">"加载失败"</p>
                <p class="notice-text">"页面没有下载完整，请检查网络后重试。"</p>
                <button class="button" type="button" on:click=retry disabled=move || trying.get()>
                    "重试"
                </button>
            </div>
        }
        .into_any(),
    }
}

/// Which lazy page an address inside the app leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyTarget {
    Services,
    Service,
    Courses,
    Course,
    Stories,
    Story,
    Stations,
    Station,
    Points,
    Login,
}

impl LazyTarget {
    /// The lazy page an `href` of this app leads to; `None` for the home
    /// page, unknown paths and links that leave the app.
    pub fn of_href(href: &str) -> Option<Self> {
        if !href.starts_with('/') || href.starts_with("//") {
            return None;
        }
        let path = href.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|segment| !segment.is_empty());
        let section = segments.next()?;
        let detail = segments.next().is_some();
        if segments.next().is_some() {
            return None;
        }
        Some(match (section, detail) {
            ("services", false) => Self::Services,
            ("services", true) => Self::Service,
            ("courses", false) => Self::Courses,
            ("courses", true) => Self::Course,
            ("stories", false) => Self::Stories,
            ("stories", true) => Self::Story,
            ("stations", false) => Self::Stations,
            ("stations", true) => Self::Station,
            ("points", false) => Self::Points,
            ("login", false) => Self::Login,
            _ => return None,
        })
    }

    /// Starts fetching the page's code, so that following the link waits less.
    pub fn preload(self) {
        fn start<T: LazyRoute>() {
            spawn_local(T::preload());
        }
        match self {
            Self::Services => start::<ServicesPage>(),
            Self::Service => start::<ServicePage>(),
            Self::Courses => start::<CoursesPage>(),
            Self::Course => start::<CoursePage>(),
            Self::Stories => start::<StoriesPage>(),
            Self::Story => start::<StoryPage>(),
            Self::Stations => start::<StationsPage>(),
            Self::Station => start::<StationPage>(),
            Self::Points => start::<PointsPage>(),
            Self::Login => start::<LoginPage>(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LazyTarget;

    #[test]
    fn links_lead_to_their_lazy_page() {
        assert_eq!(LazyTarget::of_href("/services"), Some(LazyTarget::Services));
        assert_eq!(LazyTarget::of_href("/services?q=体检&category=health"), Some(LazyTarget::Services));
        assert_eq!(LazyTarget::of_href("/services/svc-01"), Some(LazyTarget::Service));
        assert_eq!(LazyTarget::of_href("/stories/st-02#top"), Some(LazyTarget::Story));
        assert_eq!(LazyTarget::of_href("/stations/"), Some(LazyTarget::Stations));
        assert_eq!(LazyTarget::of_href("/login?next=/points"), Some(LazyTarget::Login));
    }

    #[test]
    fn other_links_need_no_chunk() {
        for href in [
            "/",
            "",
            "/nowhere",
            "/points/extra",
            "/login/x",
            "/services/a/b",
            "//cdn.example/x",
            "tel:12345",
            "https://amap.com/",
        ] {
            assert_eq!(LazyTarget::of_href(href), None, "{href}");
        }
    }
}
