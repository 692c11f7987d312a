use leptos::prelude::*;
use youxin::{app::App, config, platform};

fn main() {
    platform::crash::install_crash_screen();
    start();
}

/// Reads config.json and mounts the app; when the file fails, the static
/// shell says so and offers to try again, which runs this again.
fn start() {
    wasm_bindgen_futures::spawn_local(async {
        match config::load().await {
            Ok(config) => {
                platform::shell::remove();
                mount_to_body(move || view! { <App config /> });
            }
            Err(error) => {
                leptos::logging::error!("the app cannot start: {error}");
                platform::shell::show_error(error.user_message(), start);
            }
        }
    });
}
