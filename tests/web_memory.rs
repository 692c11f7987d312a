//! A kiosk at a station shows the app for days: leaving a page must give back
//! the memory the page took. These tests count the bytes the allocator has
//! handed out while the real app, on the bundled demo data, is walked through
//! its sections again and again in a headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::{
    alloc::{GlobalAlloc, Layout, System},
    sync::atomic::{AtomicIsize, Ordering},
};

use gloo_timers::future::TimeoutFuture;
use leptos::{prelude::*, wasm_bindgen::JsCast};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use youxin::{app::App, components::page_memo, config::Config};

wasm_bindgen_test_configure!(run_in_browser);

/// The system allocator, keeping count of the bytes in use.
struct CountingAllocator;

static BYTES_IN_USE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let block = System.alloc(layout);
        if !block.is_null() {
            BYTES_IN_USE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let block = System.alloc_zeroed(layout);
        if !block.is_null() {
            BYTES_IN_USE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        System.dealloc(block, layout);
        BYTES_IN_USE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(block, layout, new_size);
        if !moved.is_null() {
            BYTES_IN_USE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn bytes_in_use() -> isize {
    BYTES_IN_USE.load(Ordering::Relaxed)
}

// The demo data, answered by a stand-in for `fetch` so that the demo transport
// reads exactly what the app ships.
#[wasm_bindgen(inline_js = "
export function answer_fetch_from(files) {
  window.fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    const body = files[url.pathname];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}")]
extern "C" {
    fn answer_fetch_from(files: &js_sys::Object);
}

macro_rules! demo_files {
    ($($name:literal),*) => {{
        let files = js_sys::Object::new();
        $(js_sys::Reflect::set(
            &files,
            &concat!("/demo/", $name, ".json").into(),
            &include_str!(concat!("../public/demo/", $name, ".json")).into(),
        ).unwrap();)*
        files
    }};
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(selector).ok().flatten().map(JsCast::unchecked_into)
}

/// Waits, without a fixed sleep, until `ready` holds; fails the test after a generous limit.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("waited 10 s for {what}");
}

/// Follows a link the way a finger would, and waits until its page has settled:
/// its heading is shown and nothing is loading any more.
async fn visit(href: &str, heading: &str) {
    element(&format!("a[href='{href}']")).unwrap_or_else(|| panic!("a link to {href}")).click();
    until(&format!("the page {href}"), || {
        element("main h1").and_then(|h1| h1.text_content()).is_some_and(|text| text == heading)
            && element(".skeleton").is_none()
    })
    .await;
    // Let the last answers and effects run to the end.
    for _ in 0..3 {
        TimeoutFuture::new(0).await;
    }
}

/// Bytes kept per navigation, measured over `rounds` rounds after a warm-up.
async fn bytes_kept_per_navigation(round: &[(&str, &str)], rounds: usize) -> f64 {
    for _ in 0..3 {
        for (href, heading) in round {
            visit(href, heading).await;
        }
    }
    let before = bytes_in_use();
    for _ in 0..rounds {
        for (href, heading) in round {
            visit(href, heading).await;
        }
    }
    (bytes_in_use() - before) as f64 / (rounds * round.len()) as f64
}

/// The round the soak script takes, through the tab bar.
const SECTIONS: [(&str, &str); 6] = [
    ("/services", "服务清单"),
    ("/courses", "酉新学堂"),
    ("/stories", "酉新向党"),
    ("/stations", "酉新驿站"),
    ("/points", "积分"),
    ("/", "酉新送暖 · 阳光同行"),
];

/// What the router itself keeps of every page it has shown (a few dozen
/// bytes); anything a page of ours kept would come on top of it.
const ROUTER_BYTES_PER_NAVIGATION: f64 = 160.0;

#[wasm_bindgen_test]
async fn walking_through_every_section_keeps_no_memory() {
    answer_fetch_from(&demo_files!(
        "site",
        "services",
        "courses",
        "stories",
        "stations",
        "points-rules",
        "rewards",
        "campaigns"
    ));
    let config: Config = serde_json::from_str(r#"{"api_base": null, "demo_base": "/demo"}"#).unwrap();
    let handle = leptos::mount::mount_to(document().body().unwrap(), move || view! { <App config /> });
    until("the home page", || element("main h1").is_some()).await;

    let kept = bytes_kept_per_navigation(&SECTIONS, 10).await;
    drop(handle);
    assert!(
        kept <= ROUTER_BYTES_PER_NAVIGATION,
        "each navigation keeps {kept:.0} bytes; leaving a page must give back what it took"
    );
}

/// State that lives as long as the app, like the signed-in worker.
#[derive(Clone, Copy)]
struct Shared(RwSignal<u32>);

#[component]
fn ReadsThroughPageMemo() -> impl IntoView {
    let Shared(shared) = expect_context();
    let value = page_memo(move || shared.get());
    view! { <h1>"page"</h1><p>{move || value.get()}</p> }
}

#[component]
fn ReadsDirectly() -> impl IntoView {
    let Shared(shared) = expect_context();
    view! { <h1>"page"</h1><p>{move || shared.get()}</p> }
}

#[component]
fn Blank() -> impl IntoView {
    view! { <h1>"blank"</h1> }
}

/// Bytes kept per navigation between a blank page and `page`.
async fn kept_by(page: fn() -> AnyView) -> f64 {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Shared(RwSignal::new(7)));
        view! {
            <Router>
                <nav><A href="/page">"page"</A><A href="/blank">"blank"</A></nav>
                <main><Routes fallback=|| "?">
                    <Route path=path!("/page") view=page />
                    <Route path=path!("/blank") view=Blank />
                    <Route path=path!("/") view=Blank />
                </Routes></main>
            </Router>
        }
    });
    let kept = bytes_kept_per_navigation(&[("/page", "page"), ("/blank", "blank")], 50).await;
    drop(handle);
    container.remove();
    kept
}

#[wasm_bindgen_test]
async fn a_page_reading_long_lived_state_through_page_memo_lets_go_of_it() {
    let direct = kept_by(|| view! { <ReadsDirectly /> }.into_any()).await;
    let through_page_memo = kept_by(|| view! { <ReadsThroughPageMemo /> }.into_any()).await;
    // The measurement can see the leak: a direct read keeps a note per visit…
    assert!(direct > through_page_memo + 32.0, "direct {direct:.0} B, page_memo {through_page_memo:.0} B");
    // …and page_memo keeps nothing beyond the router's own share.
    assert!(
        through_page_memo <= ROUTER_BYTES_PER_NAVIGATION,
        "page_memo keeps {through_page_memo:.0} B a visit"
    );
}
