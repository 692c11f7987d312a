//! The demo backend with every bundled file, as native tests drive it: each
//! request gets only the files `files_for` names, as in the browser.

use std::{collections::HashMap, path::Path};

use youxin::api::{
    demo::{answer, files_for, DemoFiles, DemoState},
    ApiRequest, ApiResponse,
};

/// The fixed moment the tests run at (the e2e tests fix the same one).
pub const NOW: &str = "2026-11-28T10:00:00+08:00";

/// The demo worker's token.
pub const TOKEN: &str = "demo-13800000000";

const FILES: [&str; 19] = [
    "site",
    "services",
    "courses",
    "stories",
    "stations",
    "points-rules",
    "ledger",
    "me",
    "reports",
    "campaigns",
    "rewards",
    "redemptions",
    "honours",
    "honourees",
    "nominations",
    "knights",
    "knight-applications",
    "topics",
    "activities",
];

/// The project's folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every bundled file, as the browser would download it.
pub fn all_files() -> DemoFiles {
    FILES
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root().join(format!("public/demo/{name}.json")))
                .unwrap_or_else(|e| panic!("{name}.json: {e}"));
            (name, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}.json: {e}")))
        })
        .collect()
}

pub struct Demo {
    pub files: DemoFiles,
    pub state: DemoState,
}

impl Demo {
    pub fn new() -> Self {
        Self { files: all_files(), state: DemoState::default() }
    }

    pub fn send(&mut self, request: ApiRequest) -> ApiResponse {
        let needed: HashMap<_, _> =
            files_for(&request).iter().map(|name| (*name, self.files[name].clone())).collect();
        answer(
            &request,
            &needed,
            &mut self.state,
            &youxin::domain::time::ChinaTime::parse_rfc3339(NOW).unwrap(),
        )
    }
}
