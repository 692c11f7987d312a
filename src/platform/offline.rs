//! The service worker (`public/sw.js`), and which build this page runs.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::{js, storage};

/// Which build ran last on this phone, to say so when a new one arrives.
const BUILD_KEY: &str = "build";
/// The worker's cache of saved answers (`DATA_CACHE` in public/sw.js).
const DATA_CACHE: &str = "youxin-data";
/// Resource timings kept by the browser: enough for every chunk of a long visit.
const RESOURCE_TIMINGS: u32 = 2_000;

fn container() -> JsValue {
    js::get(&js::get(&js::global(), "navigator"), "serviceWorker")
}

/// Whether a service worker answers this page's requests (it then keeps the
/// last good answers itself).
pub fn is_controlled() -> bool {
    let controller = js::get(&container(), "controller");
    !(controller.is_undefined() || controller.is_null())
}

/// Registers the worker of a release build once the page has loaded (its
/// caching must not compete with the first paint), and hands it every file
/// the page loads, so that those fetched before it took control open offline too.
pub fn register() {
    if cfg!(debug_assertions) || !js::has_method(&container(), "register") {
        return;
    }
    let performance = js::get(&js::global(), "performance");
    let _ = js::call(&performance, "setResourceTimingBufferSize", &[RESOURCE_TIMINGS.into()]);
    let start = || {
        wasm_bindgen_futures::spawn_local(async {
            if js::call_async(&container(), "register", &["sw.js".into()]).await.is_err() {
                return;
            }
            // A later visit: the worker is in control already.
            hand_over(loaded_files());
            // A first visit: the worker takes control once installed.
            let on_control = Closure::once_into_js(|| hand_over(loaded_files()));
            let options = js::object(&[("once", true.into())]);
            let _ =
                js::call(&container(), "addEventListener", &["controllerchange".into(), on_control, options]);
            // And whatever arrives later, such as answers that were on their way at that moment.
            let on_entries = Closure::<dyn Fn(JsValue)>::new(|list: JsValue| {
                if let Ok(entries) = js::call(&list, "getEntries", &[]) {
                    hand_over(names(entries));
                }
            })
            .into_js_value();
            if let Ok(observer) = js::construct("PerformanceObserver", &[on_entries]) {
                let options = js::object(&[("type", "resource".into()), ("buffered", true.into())]);
                let _ = js::call(&observer, "observe", &[options]);
            }
        });
    };
    let document = js::get(&js::global(), "document");
    if js::get(&document, "readyState").as_string().as_deref() == Some("complete") {
        start();
    } else {
        let on_load = Closure::once_into_js(start);
        let options = js::object(&[("once", true.into())]);
        let _ = js::call(&js::global(), "addEventListener", &["load".into(), on_load, options]);
    }
}

/// The address of every file the page has loaded so far.
fn loaded_files() -> js_sys::Array {
    let performance = js::get(&js::global(), "performance");
    js::call(&performance, "getEntriesByType", &["resource".into()]).map(names).unwrap_or_default()
}

fn names(entries: JsValue) -> js_sys::Array {
    entries.unchecked_into::<js_sys::Array>().iter().map(|entry| js::get(&entry, "name")).collect()
}

/// Posts `{ keep: [urls] }` to the worker in control, which caches those it may.
fn hand_over(urls: js_sys::Array) {
    if !is_controlled() || urls.length() == 0 {
        return;
    }
    let controller = js::get(&container(), "controller");
    let _ = js::call(&controller, "postMessage", &[js::object(&[("keep", urls.into())])]);
}

/// The build this page runs, named by its folder (`app-<hash>`); `None` in a
/// development build, which has none.
fn build_id() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let script = document.query_selector("script[type=module][src*='app-']").ok()??;
    let src = script.get_attribute("src")?;
    let start = src.find("app-")?;
    let folder = src[start..].split('/').next()?;
    Some(folder.to_owned())
}

/// Whether this start is the first of a new build on a phone that ran an
/// older one: the shell then says "已更新". Remembers this build.
pub fn arrived_new_build() -> bool {
    let Some(current) = build_id() else { return false };
    let previous = storage::get(BUILD_KEY);
    storage::set(BUILD_KEY, &current);
    previous.is_some_and(|previous| previous != current)
}

/// Forgets every answer the worker saved (a kiosk's next visitor must not
/// find what the last one searched for); done when the returned future is.
pub async fn forget_saved_answers() {
    let caches = js::get(&js::global(), "caches");
    if js::has_method(&caches, "delete") {
        let _ = js::call_async(&caches, "delete", &[DATA_CACHE.into()]).await;
    }
}

/// Loads the page afresh: the way back from saved answers to live ones.
pub fn reload() {
    let location = js::get(&js::global(), "location");
    let _ = js::call(&location, "reload", &[]);
}
