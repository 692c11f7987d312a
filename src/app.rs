//! The app shell: context, header, navigation and the routes.

use leptos::{prelude::*, wasm_bindgen::JsCast};
use leptos_router::{
    components::{FlatRoutes, RouteChildren, Router, A},
    hooks::use_location,
};

use crate::{
    api::{
        model::{Site, StorySummary},
        use_api_resource, ApiClient, ApiError, ApiResource,
    },
    components::{sections, use_large_text, ConnectionNotice, FeedStore, Icon, TextSizeToggle},
    config::Config,
    domain,
    lazy_pages::LazyTarget,
    pages, platform,
    routes::PageRoutes,
};

/// `GET /v1/site`, loaded once by the shell and shared by every page.
pub type SiteResource = ApiResource<Result<Site, ApiError>>;

#[component]
pub fn App(config: Config) -> impl IntoView {
    let client = ApiClient::new(config.transport());
    // The backend's WeChat sign-in comes back with `#token=…`: keep it, then tidy the address.
    if let Some(token) = platform::location::take_fragment_token() {
        client.sign_in(token, None);
    }
    provide_context(client.clone());
    // Reports waiting on the phone go out at start, on `online`, on focus and after signing in.
    crate::outbox::install(client);
    // The programme's facts are read once per visit and shared by every page.
    let site: SiteResource = use_api_resource(|api| async move { api.site().await });
    provide_context(site);
    // Demo data says so itself, whichever transport brought it.
    let demo = move || site.get().and_then(Result::ok).is_some_and(|site| site.demo);
    // The story column's pages, kept while the worker opens a story and comes back.
    provide_context(FeedStore::<StorySummary>::new());
    provide_context(config.clone());
    // The service worker opens the app and its last answers without a network.
    platform::offline::register();
    // A page's code starts downloading as soon as a link to it is pointed at or touched.
    platform::link_intent::on_link_intent(|href| {
        if let Some(target) = LazyTarget::of_href(domain::url::app_path(platform::base::base_path(), href)) {
            target.preload();
        }
    });

    // A station's kiosk forgets each visitor (its own chunk: phones never fetch it).
    let kiosk = platform::kiosk::kiosk_mode(config.kiosk);
    let countdown = RwSignal::new(None::<u32>);
    if kiosk {
        platform::kiosk::leave_earlier_visit();
        crate::kiosk::install(config.kiosk_idle_seconds, countdown);
    }

    let large_text = use_large_text(config.large_text);
    // WeChat shows its own title bar: the app's header steps back (see main.css).
    let wechat = platform::wechat::in_wechat();
    let root_classes = move || {
        let mut classes = vec!["app"];
        if wechat {
            classes.push("wechat");
        }
        if large_text.get() {
            classes.push("large-text");
        }
        if kiosk {
            classes.push("kiosk");
        }
        classes.join(" ")
    };

    view! {
        <Router base=platform::base::base_path()>
            <div class=root_classes>
                <a class="skip-link" href="#main">"跳到正文"</a>
                <header class="site-header">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true">"酉"</span>
                        <span class="brand-name">"酉新送暖"</span>
                    </A>
                    <Show when=demo>
                        <span class="demo-badge" title="页面上的内容均为演示数据">"演示数据"</span>
                    </Show>
                    <TextSizeToggle large=large_text />
                </header>
                <SiteNav />
                <FocusOnNavigate />
                <main id="main" class="site-main" tabindex="-1">
                    <ConnectionNotice />
                    <FlatRoutes fallback=pages::not_found::NotFound children=RouteChildren::to_children(PageRoutes::new) />
                </main>
                {kiosk.then_some(move || crate::kiosk::arrived().map(|parts| (parts.visit)(countdown)))}
            </div>
        </Router>
    }
}

/// The tab bar on a phone, the side navigation on a wide screen.
#[component]
fn SiteNav() -> impl IntoView {
    let app_path = platform::base::use_app_path();
    view! {
        <nav class="site-nav" aria-label="主要栏目">
            <ul>
                {sections::tabs()
                    .map(|section| {
                        // A section's tab stays current on its other pages too (积分 on /rewards).
                        let current = move || app_path.with(|path| section.is_current(path)).then_some("page");
                        view! {
                            <li>
                                <a href=platform::base::href(section.path) aria-current=current>
                                    <Icon name=section.icon />
                                    <span class="nav-label">{section.nav}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// After moving to another page, puts keyboard and screen-reader focus on the
/// content, as a full page load would; typing in a search box (which only
/// changes the query) keeps its focus.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|p| p != current) {
            if let Some(main) = document().get_element_by_id("main") {
                let main: web_sys::HtmlElement = main.unchecked_into();
                let _ = main.focus();
            }
        }
        current
    });
}
