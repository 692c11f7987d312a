//! Shared components and browser edges, mounted in a real (headless) Chromium.
#![cfg(target_arch = "wasm32")]

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};

use leptos::{
    prelude::*,
    wasm_bindgen::{JsCast, JsValue},
};
use wasm_bindgen_test::*;
use youxin::{
    api::{demo::DemoTransport, use_api_resource, ApiClient, ApiError, Page, Transport},
    components::{
        card_list::{CardEntry, CARDS_PER_STEP, NEW_CARDS_PER_FRAME},
        search_field::ADDRESS_PAUSE,
        use_typed_search, Card, CardList, ErrorNotice, FeedFooter, Loaded, SearchField, Skeleton,
    },
    domain::feed::PagedFeed,
    platform::{crash, document::use_page_meta, js, location, shell, storage},
};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits until after the next animation frame's callbacks.
async fn next_frame() {
    let (sender, receiver) = futures::channel::oneshot::channel();
    request_animation_frame(move || {
        let _ = sender.send(());
    });
    let _ = receiver.await;
    tick().await;
}

/// Waits out `count` animation frames.
async fn frames(count: usize) {
    for _ in 0..count {
        next_frame().await;
    }
}

#[wasm_bindgen_test]
async fn an_error_notice_explains_and_retries() {
    let retried = Arc::new(AtomicUsize::new(0));
    let count = retried.clone();
    let retry = Callback::new(move |()| {
        count.fetch_add(1, Ordering::SeqCst);
    });
    let container = mount(move || view! { <ErrorNotice error=ApiError::Timeout(15_000) on_retry=retry /> });
    let alert = container.query_selector("[role=alert]").unwrap().expect("an alert");
    assert!(alert.text_content().unwrap().contains("超时"));
    let button: web_sys::HtmlElement = container.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().unwrap(), "重试");
    button.click();
    button.click();
    tick().await;
    assert_eq!(retried.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn a_missing_item_offers_no_pointless_retry() {
    let retry = Callback::new(|()| {});
    let error = ApiError::Http { status: 404, code: "not_found".into(), message: String::new() };
    let container = mount(move || view! { <ErrorNotice error on_retry=retry /> });
    assert!(container.text_content().unwrap().contains("没有找到"));
    assert!(container.query_selector("button").unwrap().is_none());
}

/// A request that waits for the test to answer it.
type Asked = (u32, futures::channel::oneshot::Sender<Result<String, ApiError>>);

#[wasm_bindgen_test]
async fn a_read_keeps_its_answer_while_asking_again_drops_what_it_replaces_and_retries() {
    let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Asked>::new()));
    let place = RwSignal::new(1_u32);
    let requests = asked.clone();
    let container = mount(move || {
        provide_context(ApiClient::new(Transport::Demo(DemoTransport::new("/demo", 5_000))));
        let read = use_api_resource(move |_| {
            let (answer, reply) = futures::channel::oneshot::channel();
            requests.borrow_mut().push((place.get(), answer));
            async move { reply.await.unwrap_or(Err(ApiError::Timeout(1))) }
        });
        view! { <Loaded resource=read render=|text: String| view! { <p class="answer">{text}</p> } /> }
    });
    let answer = |text: Result<&str, ApiError>| {
        let (_, reply) = asked.borrow_mut().pop().expect("a request under way");
        let _ = reply.send(text.map(str::to_owned));
    };
    let shown = || container.query_selector(".answer").unwrap().map(|p| p.text_content().unwrap());
    tick().await;
    assert!(container.text_content().unwrap().contains("正在加载"), "a skeleton until the answer");
    answer(Ok("甲"));
    tick().await;
    assert_eq!(shown().as_deref(), Some("甲"));

    place.set(2);
    tick().await;
    assert_eq!(asked.borrow().last().map(|(at, _)| *at), Some(2), "a changed place is read again");
    assert_eq!(shown().as_deref(), Some("甲"), "the last answer stays meanwhile");
    place.set(3);
    tick().await;
    assert!(asked.borrow()[0].1.is_canceled(), "the request it replaces is dropped");
    answer(Err(ApiError::Timeout(1_000)));
    tick().await;
    let retry: web_sys::HtmlElement = container
        .query_selector("[role=alert] button")
        .unwrap()
        .expect("an error with 重试")
        .unchecked_into();
    retry.click();
    tick().await;
    assert_eq!(asked.borrow().last().map(|(at, _)| *at), Some(3), "重试 reads the same place again");
    answer(Ok("丙"));
    tick().await;
    assert_eq!(shown().as_deref(), Some("丙"));
    assert!(container.query_selector("[role=alert]").unwrap().is_none(), "the error gives way");
}

#[wasm_bindgen_test]
fn hostile_text_in_a_card_stays_text() {
    let container = mount(|| {
        view! { <Card href="/services/x" title="<img src=x onerror=alert(1)>" text="<b>粗体</b>" /> }
    });
    assert!(container.query_selector("img").unwrap().is_none());
    assert!(container.query_selector("b").unwrap().is_none());
    assert!(container.text_content().unwrap().contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
fn a_skeleton_is_announced_as_loading() {
    let container = mount(|| view! { <Skeleton /> });
    let status = container.query_selector("[role=status]").unwrap().expect("a status region");
    assert!(status.text_content().unwrap().contains("正在加载"));
}

#[wasm_bindgen_test]
async fn a_page_sets_the_document_title_and_description() {
    let meta = document().create_element("meta").unwrap();
    meta.set_attribute("name", "description").unwrap();
    document().head().unwrap().append_child(&meta).unwrap();
    mount(|| {
        use_page_meta(|| "服务清单".into(), || "二十五项服务".into());
    });
    tick().await;
    assert_eq!(document().title(), "服务清单 · 酉新送暖");
    assert_eq!(meta.get_attribute("content").as_deref(), Some("二十五项服务"));
}

#[wasm_bindgen_test]
fn storage_round_trips_and_survives_garbage() {
    storage::save("test-list", &vec![1, 2, 3]);
    assert_eq!(storage::load::<Vec<i32>>("test-list"), Some(vec![1, 2, 3]));
    storage::set("test-list", "{not json");
    assert_eq!(storage::load::<Vec<i32>>("test-list"), None);
    storage::remove("test-list");
    assert_eq!(storage::get("test-list"), None);
}

#[wasm_bindgen_test]
fn a_stored_list_is_found_only_where_it_has_entries() {
    let listed = |stored: Option<&str>| {
        match stored {
            Some(text) => storage::set("test-state", text),
            None => storage::remove("test-state"),
        }
        storage::has_listed("test-state", "enrolments")
    };
    assert!(listed(Some(r#"{"enrolments":["crs-01"],"next_id":3}"#)));
    for stored in [
        None,
        Some(r#"{"enrolments":[]}"#),
        Some("{}"),
        Some(r#"{"enrolments":"crs-01"}"#),
        Some("[1]"),
        Some("{not json"),
        Some("null"),
    ] {
        assert!(!listed(stored), "{stored:?}");
    }
    storage::remove("test-state");
}

#[wasm_bindgen_test]
fn a_sign_in_is_remembered_across_visits_and_sign_out_forgets_it() {
    let _owner = Owner::new();
    let transport = || Transport::Demo(DemoTransport::new("/demo", 5_000));
    let client = ApiClient::new(transport());
    client.sign_in("demo-13800000000".into(), None);
    assert!(ApiClient::new(transport()).is_signed_in(), "a new visit starts signed in");
    client.sign_out();
    assert!(!ApiClient::new(transport()).is_signed_in());
}

#[wasm_bindgen_test]
fn a_cover_reserves_its_space_and_only_safe_sources_load() {
    use youxin::api::model::Image;
    let image =
        |src: &str| Image { src: src.into(), alt: "驿站".into(), width: Some(640), height: Some(360) };
    let safe = image("/demo/img/station.svg");
    let container = mount(move || view! { <Card href="/stories/a" title="t" cover=Some(safe) /> });
    let img = container.query_selector("img").unwrap().expect("a cover image");
    assert_eq!(img.get_attribute("width").as_deref(), Some("640"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("360"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));

    let hostile = image("javascript:alert(1)");
    let container = mount(move || view! { <Card href="/stories/b" title="t" cover=Some(hostile) /> });
    assert!(container.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_panic_covers_the_page_with_a_reload_button() {
    crash::show_crash_screen().expect("the crash screen is drawn");
    crash::show_crash_screen().expect("a second panic changes nothing");
    let screens = document().query_selector_all(&format!("#{}", crash::CRASH_SCREEN_ID)).unwrap();
    assert_eq!(screens.length(), 1);
    let screen = document().get_element_by_id(crash::CRASH_SCREEN_ID).unwrap();
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(
        screen.query_selector("h1").unwrap().unwrap().text_content().as_deref(),
        Some("页面出了点问题")
    );
    let button = screen.query_selector("button").unwrap().expect("a button");
    assert_eq!(button.text_content().as_deref(), Some("重新加载"));
    let focused = document().active_element().expect("focus moved");
    assert_eq!(focused, button, "the reload button has the focus");
    screen.remove();
}

/// Sends `window` an event as the browser would for an uncaught error or an
/// unhandled rejected promise.
fn report_to_window(event: &str, cause: JsValue) {
    let (class, field) =
        if event == "error" { ("ErrorEvent", "error") } else { ("PromiseRejectionEvent", "reason") };
    let init = js::object(&[(field, cause), ("promise", js_sys::Promise::resolve(&JsValue::NULL).into())]);
    let happened = js::construct(class, &[event.into(), init]).expect("the event is made");
    js::call(&js::global(), "dispatchEvent", &[happened]).expect("the event is sent");
}

#[wasm_bindgen_test]
fn a_webassembly_trap_covers_the_page_and_other_errors_do_not() {
    crash::show_crash_screen_on_traps();
    let screen = || document().get_element_by_id(crash::CRASH_SCREEN_ID);
    report_to_window("error", js_sys::Error::new("a script of the page failed").into());
    report_to_window("unhandledrejection", js_sys::Error::new("a fetch failed").into());
    assert!(screen().is_none(), "an ordinary error leaves the page alone");

    report_to_window("error", js_sys::WebAssembly::RuntimeError::new("unreachable").into());
    screen().expect("a trap as an uncaught error shows the crash screen").remove();
    report_to_window("unhandledrejection", js_sys::WebAssembly::RuntimeError::new("unreachable").into());
    screen().expect("a trap in a promise shows the crash screen").remove();
}

#[wasm_bindgen_test]
async fn the_static_shell_says_why_the_app_cannot_start_and_retries() {
    let shell = document().create_element("div").unwrap();
    shell.set_id(shell::SHELL_ID);
    shell.set_inner_html(r#"<main class="site-main"><p>正在加载…</p></main>"#);
    document().body().unwrap().append_child(&shell).unwrap();
    let retried = Arc::new(AtomicUsize::new(0));
    let count = retried.clone();
    shell::show_error("<b>配置</b>有误", move || {
        count.fetch_add(1, Ordering::SeqCst);
    })
    .expect("the error is shown");

    let alert = shell.query_selector("[role=alert]").unwrap().expect("an alert");
    assert!(alert.text_content().unwrap().contains("<b>配置</b>有误"), "the message stays text");
    assert!(alert.query_selector("b").unwrap().is_none());
    assert!(!shell.text_content().unwrap().contains("正在加载"), "the skeleton is gone");
    let button: web_sys::HtmlElement = alert.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("重试"));
    button.click();
    tick().await;
    assert_eq!(retried.load(Ordering::SeqCst), 1);
    assert!(shell.query_selector("[role=alert]").unwrap().is_none());
    assert!(shell.text_content().unwrap().contains("正在重新加载"));
    // It gives way once the page has been painted and one more frame after
    // that, or when it has waited its frames for the browser to say so (a
    // busy machine may not have counted the first paint yet).
    shell::remove();
    for _ in 0..=shell::FRAMES_TO_WAIT + 1 {
        if document().get_element_by_id(shell::SHELL_ID).is_none() {
            break;
        }
        next_frame().await;
    }
    assert!(document().get_element_by_id(shell::SHELL_ID).is_none(), "the shell is gone");
}

#[wasm_bindgen_test]
fn only_paths_that_stay_on_this_origin_are_followed() {
    assert_eq!(location::same_origin_path("/points").as_deref(), Some("/points"));
    assert_eq!(location::same_origin_path("/services?q=%2520#top").as_deref(), Some("/services?q=%2520#top"));
    for path in ["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/"] {
        assert_eq!(location::same_origin_path(path), None, "{path:?}");
    }
}

#[wasm_bindgen_test]
async fn a_feed_offers_more_until_its_last_page_and_retries_a_failed_one() {
    let feed = RwSignal::new(PagedFeed::<u32>::default());
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    let load_more = Callback::new(move |()| {
        count.fetch_add(1, Ordering::SeqCst);
    });
    let container = mount(move || view! { <FeedFooter feed load_more empty="没有内容" /> });
    let first = feed.try_update(PagedFeed::begin_load).flatten().unwrap();
    tick().await;
    assert!(container.text_content().unwrap().contains("正在加载"), "a skeleton while the first page loads");
    feed.update(|f| f.receive(&first, Ok(Page { items: vec![1], next: Some("2".into()), skipped: 0 })));
    tick().await;
    let button: web_sys::HtmlElement = container.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().unwrap(), "加载更多");
    button.click();
    assert_eq!(asked.load(Ordering::SeqCst), 1);

    let second = feed.try_update(PagedFeed::begin_load).flatten().unwrap();
    feed.update(|f| f.receive(&second, Err(ApiError::Timeout(1_000))));
    tick().await;
    assert!(container.query_selector("[role=alert]").unwrap().is_some());
    let retry: web_sys::HtmlElement =
        container.query_selector("[role=alert] button").unwrap().unwrap().unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "重试");
    retry.click();
    assert_eq!(asked.load(Ordering::SeqCst), 2);

    let third = feed.try_update(PagedFeed::begin_load).flatten().unwrap();
    feed.update(|f| f.receive(&third, Ok(Page { items: vec![2], next: None, skipped: 0 })));
    tick().await;
    assert!(container.query_selector("button").unwrap().is_none(), "nothing more to load");
    assert!(!container.text_content().unwrap().contains("没有内容"), "the list is not empty");
}

#[wasm_bindgen_test]
async fn a_card_list_keeps_the_cards_that_still_match_and_draws_a_screenful_at_a_time() {
    // 130 items under two headings, the even ones first.
    let all: Vec<(String, String)> =
        (0..130).map(|i| (format!("id{i}"), if i % 2 == 0 { "双" } else { "单" }.to_owned())).collect();
    let items = RwSignal::new(all.clone());
    let matches = Signal::derive(move || (0..items.with(Vec::len)).collect::<Vec<_>>());
    let entry = Callback::new(move |at: usize| {
        items.with_untracked(|items| CardEntry { heading: items[at].1.clone(), key: items[at].0.clone() })
    });
    let card = Callback::new(move |at: usize| {
        let id = items.with_untracked(|items| items[at].0.clone());
        view! { <a class="c" href="#">{id}</a> }.into_any()
    });
    let container = mount(move || view! { <CardList matches entry card measure="项" /> });
    let cards = || container.query_selector_all(".c").unwrap().length();
    let more =
        || container.query_selector("button").unwrap().map(|b| b.unchecked_into::<web_sys::HtmlElement>());
    let headings = container.query_selector_all("h2").unwrap();
    assert_eq!(headings.length(), 2);
    assert_eq!(headings.get(0).unwrap().text_content().unwrap(), "双");
    let line = format!("显示更多（还有 {} 项）", 130 - CARDS_PER_STEP);
    let per_frame = NEW_CARDS_PER_FRAME as u32;
    assert_eq!(cards(), per_frame, "the first frame draws a screenful");
    assert_eq!(more().unwrap().text_content().unwrap(), line, "and counts what the first step leaves out");
    next_frame().await;
    assert_eq!(cards(), 2 * per_frame, "each frame adds a screenful more");
    frames(CARDS_PER_STEP / NEW_CARDS_PER_FRAME).await;
    assert_eq!(cards(), CARDS_PER_STEP as u32, "until the first step is drawn, and no further");
    assert_eq!(more().unwrap().text_content().unwrap(), line);
    more().unwrap().click();
    tick().await;
    assert_eq!(cards(), CARDS_PER_STEP as u32 + per_frame, "显示更多 adds a screenful at once");
    next_frame().await;
    let focused = document().active_element().expect("a focused element");
    // id60 is the first card just drawn, under the first heading (the cards before it are id0…id58 and id1…id59).
    assert_eq!(focused.text_content().unwrap(), "id60", "focus goes on to the first card just drawn");
    while let Some(button) = more() {
        button.click();
        tick().await;
    }
    frames(130 / NEW_CARDS_PER_FRAME).await;
    assert_eq!(cards(), 130, "显示更多 draws the rest, frame by frame");

    // A narrower search keeps the nodes of the cards that still match (and so a focused card keeps focus).
    let id0 = container.query_selector(".c").unwrap().unwrap();
    assert_eq!(id0.text_content().unwrap(), "id0");
    items.set(all.iter().filter(|(id, _)| id.ends_with('0')).cloned().collect());
    tick().await;
    assert_eq!(cards(), 13);
    assert!(id0.is_connected(), "a matching card is kept, not drawn again");
    assert_eq!(container.query_selector_all("h2").unwrap().length(), 1, "an empty group goes");

    // Clearing it keeps those cards too, and draws the others a screenful a frame.
    items.set(all.clone());
    tick().await;
    assert_eq!(cards(), 13 + per_frame, "the kept cards and one frame's worth of new ones");
    assert!(id0.is_connected());
    frames(130 / NEW_CARDS_PER_FRAME).await;
    assert_eq!(cards(), 130);

    // A backend that repeats an id still gets every item drawn.
    items.set(vec![("x".into(), "双".into()), ("x".into(), "双".into())]);
    tick().await;
    assert_eq!(cards(), 2);
}

/// Types `text` into the page's search field, as one keystroke does (or as
/// the field is left with `change`).
fn type_into(container: &web_sys::HtmlElement, event: &str, text: &str) {
    let input = container.query_selector("input[type=search]").unwrap().expect("a search field");
    js::set(&input, "value", text);
    let happened = js::construct("Event", &[event.into(), js::object(&[("bubbles", true.into())])]).unwrap();
    js::call(&input, "dispatchEvent", &[happened]).expect("the event is sent");
}

/// After the search has paused long enough to be written to the address.
async fn after_the_pause() {
    gloo_timers::future::sleep(ADDRESS_PAUSE + std::time::Duration::from_millis(200)).await;
}

#[wasm_bindgen_test]
async fn a_search_shows_as_typed_and_reaches_the_address_once_typing_pauses() {
    let address = RwSignal::new(String::from("体检"));
    let writes = RwSignal::new(Vec::<String>::new());
    let filterings = Arc::new(AtomicUsize::new(0));
    let counted = filterings.clone();
    let container = mount(move || {
        let search = use_typed_search(Memo::new(move |_| address.get()), move |text: String| {
            writes.update(|w| w.push(text.clone()));
            address.set(text);
        });
        let counted = counted.clone();
        Effect::new(move |_| {
            search.query.track();
            counted.fetch_add(1, Ordering::SeqCst);
        });
        view! {
            <SearchField label="搜索" placeholder="" search />
            <p class="typed">{move || search.text.get()}</p>
            <p class="query">{move || search.query.get()}</p>
        }
    });
    let typed = || container.query_selector(".typed").unwrap().unwrap().text_content().unwrap();
    let query = || container.query_selector(".query").unwrap().unwrap().text_content().unwrap();
    tick().await;
    assert_eq!((typed(), query()), ("体检".into(), "体检".into()), "it starts from the address");
    let filtered_before = filterings.load(Ordering::SeqCst);

    // Two keystrokes before the next frame.
    type_into(&container, "input", "法");
    type_into(&container, "input", "法律");
    tick().await;
    assert_eq!(typed(), "法律", "the text follows each keystroke");
    frames(2).await;
    tick().await;
    assert_eq!(query(), "法律", "the list follows once the frame is drawn");
    assert_eq!(
        filterings.load(Ordering::SeqCst),
        filtered_before + 1,
        "keystrokes within a frame filter once"
    );
    assert_eq!(address.get_untracked(), "体检", "the address waits for a pause");
    after_the_pause().await;
    assert_eq!(writes.get_untracked(), ["法律"], "one write for the whole word");

    type_into(&container, "input", "法律援助");
    type_into(&container, "change", "法律援助");
    assert_eq!(address.get_untracked(), "法律援助", "leaving the field writes at once");
    after_the_pause().await;
    assert_eq!(writes.get_untracked().len(), 2, "and nothing is written twice");

    // Back, or a link that clears the filters: the address wins over what is typed.
    type_into(&container, "input", "充电");
    address.set(String::new());
    tick().await;
    assert_eq!(typed(), "");
    frames(2).await;
    assert_eq!(query(), "", "a keystroke the address replaced does not come back");
    after_the_pause().await;
    assert_eq!(address.get_untracked(), "", "the typing the address replaced is not written");
    assert_eq!(writes.get_untracked().len(), 2);
    container.remove();
}
