use leptos::prelude::*;
use youxin::{app::App, config};

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let config = config::load().await;
        // Replace the static shell that index.html paints before WebAssembly runs.
        if let Some(shell) = document().get_element_by_id("static-shell") {
            shell.remove();
        }
        mount_to_body(move || view! { <App config /> });
    });
}
