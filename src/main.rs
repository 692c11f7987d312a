use leptos::prelude::*;
use youxin::{app::App, config, platform};

/// How long the static shell may stand in for a first page whose code is slow to come.
const SHELL_AT_MOST: std::time::Duration = std::time::Duration::from_secs(8);

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
                // The shell gives way when the first page is drawn (routes.rs), or
                // after a while if its code is slow to come, so the tabs show.
                set_timeout(platform::shell::remove_with_item, SHELL_AT_MOST);
                mount_to_body(move || view! { <App config /> });
            }
            Err(error) => {
                leptos::logging::error!("the app cannot start: {error}");
                platform::shell::show_error(error.user_message(), start);
            }
        }
    });
}
