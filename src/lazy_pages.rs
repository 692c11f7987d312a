//! Pages downloaded when they are first needed.
//!
//! With the `split` feature (release builds, bound by `scripts/split-wasm.sh`)
//! the pages below come in WebAssembly chunks, one fetched on the first visit to
//! any of its routes or when a link to one is hovered or touched; the home page, the
//! 404 page and the shell stay in the main module. Without the feature the same
//! routes render directly, so tests and `trunk serve` need no splitter.
//!
//! A chunk that fails to download twice in a row shows an error with 重试 in
//! place of the page; the shell and every other route keep working.
//!
//! `src/page_chunks.json` says which chunk each address needs, for the start-up
//! script: it fetches the page's code beside the main module, before any Rust
//! runs (scripts/split-wasm.mjs). A test holds it to [`LazyTarget::of_href`].

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::{use_location, use_params_map};

use crate::{
    api::{reads, use_api, ApiRequest},
    pages,
};

/// Renders a page whose code has arrived: any of the pages of its chunk.
pub type RenderPage = fn(LazyTarget) -> AnyView;
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

/// Declares the lazy pages: each `chunk: { Target => page, … }` is a
/// WebAssembly chunk holding the pages listed, each a variant of [`LazyTarget`].
/// Pages visited together share a chunk: every chunk is one more set of code
/// shared with the others, and small shared pieces cost more than they save.
macro_rules! lazy_pages {
    ($($chunk:ident: { $($target:ident => $page:path),+ $(,)? },)*) => {
        /// Which lazy page an address inside the app leads to.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum LazyTarget {
            $($($target,)+)*
        }

        impl LazyTarget {
            /// Fetches the page's code (at once when it is already here).
            pub fn load(self) -> LocalBoxFuture<'static, Result<RenderPage, ChunkMissing>> {
                match self {
                    $($(Self::$target)|+ => Box::pin($chunk::load()),)*
                }
            }

            /// Starts fetching the page's code, so that following a link waits less.
            /// One future for every page (not one per page), to keep the main module small.
            pub fn preload(self) {
                spawn_local(async move {
                    // A failure shows once the page itself is asked for.
                    let _ = self.load().await;
                });
            }

            /// The chunk's name, as `src/page_chunks.json` gives it.
            #[cfg(test)]
            fn chunk(self) -> &'static str {
                match self {
                    $($(Self::$target)|+ => stringify!($chunk),)*
                }
            }

            /// Every lazy page, in the order of its declaration.
            pub const ALL: &[LazyTarget] = &[$($(LazyTarget::$target,)+)*];

            /// The loader of this page, for a retry after a failed download.
            fn loader(self) -> LoadPage {
                match self {
                    $($(Self::$target)|+ => || Box::pin($chunk::load()),)*
                }
            }
        }

        $(
            mod $chunk {
                use super::*;

                #[allow(unreachable_patterns)]
                fn render(target: LazyTarget) -> AnyView {
                    match target {
                        $(LazyTarget::$target => $page().into_any(),)+
                        _ => ().into_any(),
                    }
                }

                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                pub fn load() -> Result<RenderPage, ChunkMissing> {
                    Ok(render)
                }

                #[cfg(not(feature = "split"))]
                pub async fn load() -> Result<RenderPage, ChunkMissing> {
                    Ok(render)
                }
            }
        )*
    };
}

lazy_pages! {
    services: { Services => pages::services::Services },
    service: { Service => pages::service::ServiceDetail },
    courses: { Courses => pages::courses::Courses },
    course: { Course => pages::course::CourseDetail },
    stories: { Stories => pages::stories::Stories },
    story: { Story => pages::story::StoryDetail },
    stations: { Stations => pages::stations::Stations },
    station: { Station => pages::station::StationDetail },
    points: { Points => pages::points::Points },
    login: { Login => pages::login::Login },
    campaigns: { Campaigns => pages::campaigns::Campaigns },
    campaign: { Campaign => pages::campaign::CampaignDetail },
    rewards: { Rewards => pages::rewards::Rewards },
    reward: { Reward => pages::reward::RewardDetail },
    vouchers: { Vouchers => pages::vouchers::Vouchers },
    voucher: { Voucher => pages::voucher::VoucherDetail },
    // 随手拍 and 我的上报 share a chunk: they are visited together.
    report: { Report => pages::report::ReportPages },
    // 更多 is a tab of links, opened often; 关于行动 reads the services and the
    // stations, so it is a chunk of its own rather than in 更多's.
    more: { More => pages::more::More },
    about: { About => pages::about::About },
    // The sections under 更多. 荣誉榜, its person pages and 先锋骑士团 are a
    // chunk each: in one, theirs was the heaviest cold link. 发声 and 活动 share
    // one with their pages: split, they made the main sections' downloads heavier.
    honours: { Honours => pages::honours::Honours },
    honouree: { Honouree => pages::honouree::HonoureeDetail },
    knights: { Knights => pages::knights::Knights },
    voice: { Voice => pages::voice::Voice, Topic => pages::topic::TopicDetail },
    activities: { Activities => pages::activities::Activities, Activity => pages::activity::ActivityDetail },
}

impl LazyTarget {
    /// The page, once its code is here; in its place an error with 重试
    /// if the code does not arrive.
    pub async fn show(self) -> AnyView {
        let mut loading = self.load();
        let loaded = match (&mut loading).now_or_never() {
            Some(loaded) => loaded,
            None => {
                // The code is on its way: its data need not wait for it.
                read_ahead(self);
                loading.await
            }
        };
        // Weak 4G drops a download now and then: one more try before saying so.
        let loaded = match loaded {
            Err(ChunkMissing) => self.load().await,
            loaded => loaded,
        };
        match loaded {
            Ok(render) => render(self),
            Err(ChunkMissing) => view! { <ChunkFailed target=self load=self.loader() /> }.into_any(),
        }
    }
}

/// Sends the reads the page will make first, with its address's id.
fn read_ahead(target: LazyTarget) {
    let id = use_params_map().with_untracked(|params| params.get("id")).unwrap_or_default();
    let filtered = use_location().search.with_untracked(|search| !search.is_empty());
    let api = use_api();
    for request in target.first_reads(&id, filtered) {
        api.read_ahead(request);
    }
}

/// In place of a page whose code did not arrive: 重试 fetches it again and
/// shows the page once it has come.
#[component]
fn ChunkFailed(target: LazyTarget, load: LoadPage) -> impl IntoView {
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
        Some(render) => render(target),
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

impl LazyTarget {
    /// The reads the page makes as it opens, as far as its address tells
    /// (`id` of a detail page): the main sections'. The stories filtered by
    /// the address are left to the page: decoding its query here would
    /// weigh on every first visit.
    pub fn first_reads(self, id: &str, filtered: bool) -> Vec<ApiRequest> {
        match self {
            Self::Services => vec![reads::services()],
            Self::Service => vec![reads::service(id)],
            Self::Courses => vec![reads::courses(None, None)],
            Self::Course => vec![reads::course(id)],
            Self::Stories if !filtered => vec![reads::stories(None, None)],
            Self::Story => vec![reads::story(id)],
            Self::Stations => vec![reads::stations()],
            Self::Station => vec![reads::station(id)],
            Self::Points => vec![reads::points_rules(), reads::rewards(None)],
            _ => Vec::new(),
        }
    }

    /// The lazy page an `href` of this app leads to; `None` for the home
    /// page, unknown paths and links that leave the app.
    pub fn of_href(href: &str) -> Option<Self> {
        if !href.starts_with('/') || href.starts_with("//") {
            return None;
        }
        let path = href.split(['?', '#']).next().unwrap_or_default();
        Self::of_path(path).map(|(target, _)| target)
    }

    /// The lazy page of a path and the id it names (`/services/svc-01`):
    /// one or two segments, and a slash at the end or not.
    pub fn of_path(path: &str) -> Option<(Self, Option<&str>)> {
        let path = path.strip_prefix('/')?;
        let path = path.strip_suffix('/').unwrap_or(path);
        let (section, id) = match path.split_once('/') {
            Some((section, id)) => (section, Some(id)),
            None => (path, None),
        };
        if id.is_some_and(|id| id.is_empty() || id.contains('/')) {
            return None;
        }
        let target = match (section, id.is_some()) {
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
            ("campaigns", false) => Self::Campaigns,
            ("campaigns", true) => Self::Campaign,
            ("rewards", false) => Self::Rewards,
            ("rewards", true) => Self::Reward,
            ("vouchers", false) => Self::Vouchers,
            ("vouchers", true) => Self::Voucher,
            ("report" | "reports", false) => Self::Report,
            ("more", false) => Self::More,
            ("honours", false) => Self::Honours,
            ("honours", true) => Self::Honouree,
            ("knights", false) => Self::Knights,
            ("voice", false) => Self::Voice,
            ("voice", true) => Self::Topic,
            ("activities", false) => Self::Activities,
            ("activities", true) => Self::Activity,
            ("about", false) => Self::About,
            _ => return None,
        };
        Some((target, id))
    }
}

#[cfg(test)]
mod tests {
    use super::LazyTarget;
    use crate::api::ApiRequest;

    #[test]
    fn links_lead_to_their_lazy_page() {
        assert_eq!(LazyTarget::of_href("/services"), Some(LazyTarget::Services));
        assert_eq!(LazyTarget::of_href("/services?q=体检&category=health"), Some(LazyTarget::Services));
        assert_eq!(LazyTarget::of_href("/services/svc-01"), Some(LazyTarget::Service));
        assert_eq!(LazyTarget::of_href("/stories/st-02#top"), Some(LazyTarget::Story));
        assert_eq!(LazyTarget::of_href("/stations/"), Some(LazyTarget::Stations));
        assert_eq!(LazyTarget::of_href("/login?next=/points"), Some(LazyTarget::Login));
        assert_eq!(LazyTarget::of_href("/campaigns/cpn-02"), Some(LazyTarget::Campaign));
        assert_eq!(LazyTarget::of_href("/rewards"), Some(LazyTarget::Rewards));
        assert_eq!(LazyTarget::of_href("/vouchers/rdm-01?new=1"), Some(LazyTarget::Voucher));
        assert_eq!(LazyTarget::of_href("/report"), Some(LazyTarget::Report));
        assert_eq!(LazyTarget::of_href("/reports?x=1"), Some(LazyTarget::Report));
        assert_eq!(LazyTarget::of_href("/more"), Some(LazyTarget::More));
        assert_eq!(LazyTarget::of_href("/honours?year=2024"), Some(LazyTarget::Honours));
        assert_eq!(LazyTarget::of_href("/honours/hnr-01"), Some(LazyTarget::Honouree));
        assert_eq!(LazyTarget::of_href("/knights"), Some(LazyTarget::Knights));
        assert_eq!(LazyTarget::of_href("/voice/tpc-01"), Some(LazyTarget::Topic));
        assert_eq!(LazyTarget::of_href("/activities/act-summer-care"), Some(LazyTarget::Activity));
        assert_eq!(LazyTarget::of_href("/about"), Some(LazyTarget::About));
    }

    /// Each read as the path and query it asks for.
    fn reads(target: LazyTarget, id: &str, filtered: bool) -> Vec<String> {
        let asked = |request: ApiRequest| {
            let query: Vec<String> =
                request.query.iter().map(|(name, value)| format!("{name}={value}")).collect();
            format!("{} {}", request.path, query.join("&")).trim_end().to_owned()
        };
        target.first_reads(id, filtered).into_iter().map(asked).collect()
    }

    #[test]
    fn a_page_on_its_way_has_the_reads_of_its_address_sent_ahead() {
        assert_eq!(reads(LazyTarget::Services, "", false), ["/v1/services"]);
        assert_eq!(reads(LazyTarget::Service, "svc 01", false), ["/v1/services/svc%2001"]);
        assert_eq!(reads(LazyTarget::Courses, "", false), ["/v1/courses"]);
        assert_eq!(reads(LazyTarget::Course, "crs-on-01", false), ["/v1/courses/crs-on-01"]);
        assert_eq!(reads(LazyTarget::Stories, "", false), ["/v1/stories"]);
        assert!(reads(LazyTarget::Stories, "", true).is_empty(), "a filtered list is left to the page");
        assert_eq!(reads(LazyTarget::Story, "sty-01", false), ["/v1/stories/sty-01"]);
        assert_eq!(reads(LazyTarget::Stations, "", false), ["/v1/stations"]);
        assert_eq!(reads(LazyTarget::Station, "stn/01", false), ["/v1/stations/stn%2F01"]);
        assert_eq!(reads(LazyTarget::Points, "", false), ["/v1/points/rules", "/v1/rewards"]);
        for target in [LazyTarget::Login, LazyTarget::Report, LazyTarget::More, LazyTarget::Honours] {
            assert!(reads(target, "x", false).is_empty(), "{target:?} reads nothing ahead");
        }
    }

    #[test]
    fn the_start_up_script_knows_the_chunk_of_every_lazy_page() {
        let table: std::collections::BTreeMap<String, String> =
            serde_json::from_str(include_str!("page_chunks.json")).expect("page_chunks.json is a map");
        let href = |route: &str| format!("/{}", route.replace(":id", "some-id"));
        for (route, chunk) in &table {
            let target =
                LazyTarget::of_href(&href(route)).unwrap_or_else(|| panic!("{route} is a lazy page"));
            assert_eq!(target.chunk(), chunk, "{route}");
        }
        for target in LazyTarget::ALL {
            let listed = table.keys().any(|route| LazyTarget::of_href(&href(route)) == Some(*target));
            assert!(listed, "page_chunks.json has no address of {target:?}");
        }
    }

    #[test]
    fn the_start_up_script_asks_for_what_each_page_reads_first() {
        let table = crate::api::reads::start_up_table();
        let every_page = &table["*"].api;
        assert_eq!(every_page, &[crate::api::reads::site().path], "the site every page reads");
        for (route, reads_ahead) in table.iter().filter(|(route, _)| *route != "*") {
            let href = format!("/{}", route.replace(":id", "some-id"));
            let target = LazyTarget::of_href(&href).unwrap_or_else(|| panic!("{route} is a lazy page"));
            let paths: Vec<String> =
                reads_ahead.api.iter().map(|path| path.replace(":id", "some-id")).collect();
            assert_eq!(paths, reads(target, "some-id", false), "{route}");
        }
        // A page that reads ahead in the app is read ahead by a cold visit too.
        for target in LazyTarget::ALL {
            let listed = table.keys().any(|route| {
                LazyTarget::of_href(&format!("/{}", route.replace(":id", "x"))) == Some(*target)
            });
            assert_eq!(listed, !reads(*target, "x", false).is_empty(), "{target:?}");
        }
    }

    #[test]
    fn other_links_need_no_chunk() {
        for href in [
            "/",
            "",
            "/nowhere",
            "/points/extra",
            "/login/x",
            "/report/x",
            "/about/x",
            "/knights/kn-01",
            "/services/a/b",
            "//cdn.example/x",
            "tel:12345",
            "https://amap.com/",
        ] {
            assert_eq!(LazyTarget::of_href(href), None, "{href}");
        }
    }
}
