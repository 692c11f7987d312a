//! The demo transport: answers contract requests in the browser from the data
//! in `public/demo/`, keeping the worker's writes in local storage.
//!
//! The backend's logic is in chunks of their own in release builds (`split`):
//! a visitor of a real backend never downloads it. Its reads are one chunk,
//! the reads of its later parts (礼遇尊崇, 活动) one more, and its writes a
//! third, each fetched with the first request that needs it.

mod activities;
mod router;
mod state;
mod voice;

pub use router::{
    answer, file_as_it_is, files_for, Chunk, DemoFiles, DEMO_SMS_CODE, REPORT_PAGE_SIZE, STORY_PAGE_SIZE,
};
pub use state::{DemoState, StateList, StoredReply};

use router::{answer_with, Parts, ALL_READS, CORE_READS, WRITES};

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use futures::future::join;
use gloo_net::http::Request;

use super::{
    decode::well_formed,
    http::{send_with_limits, Kind},
    ApiError, ApiRequest, ApiResponse,
};
use crate::platform::{clock, storage};

/// Where the demo state lives in local storage.
const STATE_KEY: &str = "demo-state";

/// Data files as downloaded, by name: the main module keeps them as text, and
/// the backend's chunk parses them, so a real backend's visitor never
/// downloads the code of a JSON tree.
pub type DemoTexts = HashMap<&'static str, Arc<str>>;

/// The demo backend's entry points, as its chunk hands them over.
pub struct DemoBackend {
    /// Which data files a request needs.
    pub files_for: fn(&ApiRequest) -> &'static [&'static str],
    /// Answers a request from those files and the stored demo state, now.
    pub answer: fn(&ApiRequest, &DemoTexts) -> ApiResponse,
}

/// Answers at the browser's clock with `parts`, keeping what a write changed.
fn answer_and_keep(request: &ApiRequest, texts: &DemoTexts, parts: &Parts) -> ApiResponse {
    // Each file was checked before it was kept (`decode::well_formed`).
    let files: DemoFiles =
        texts.iter().filter_map(|(name, text)| Some((*name, serde_json::from_str(text).ok()?))).collect();
    let mut state: DemoState = storage::load(STATE_KEY).unwrap_or_default();
    let response = answer_with(request, &files, &mut state, &clock::now(), parts);
    if parts.writes.is_some() {
        storage::save(STATE_KEY, &state);
    }
    response
}

fn answer_core_reads(request: &ApiRequest, texts: &DemoTexts) -> ApiResponse {
    answer_and_keep(request, texts, &CORE_READS)
}

fn answer_all_reads(request: &ApiRequest, texts: &DemoTexts) -> ApiResponse {
    answer_and_keep(request, texts, &ALL_READS)
}

fn answer_writes(request: &ApiRequest, texts: &DemoTexts) -> ApiResponse {
    answer_and_keep(request, texts, &WRITES)
}

mod backend {
    use super::*;

    /// The split loader's failure, or none without the split.
    #[derive(Debug)]
    pub struct Missing;

    #[cfg(feature = "split")]
    impl From<leptos::wasm_split::SplitLoaderError> for Missing {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            Missing
        }
    }

    /// The reads of every page but those of 礼遇尊崇 and 活动.
    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(demo_backend, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn load() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_core_reads })
    }

    /// The reads of every page.
    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(demo_backend_later, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn load_later() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_all_reads })
    }

    /// Every write.
    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(demo_backend_writes, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn load_writes() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_writes })
    }

    #[cfg(not(feature = "split"))]
    pub async fn load() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_core_reads })
    }

    #[cfg(not(feature = "split"))]
    pub async fn load_later() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_all_reads })
    }

    #[cfg(not(feature = "split"))]
    pub async fn load_writes() -> Result<DemoBackend, Missing> {
        Ok(DemoBackend { files_for, answer: answer_writes })
    }
}

/// The data file that a request for `path` needs, when the path alone says
/// so: `/v1/services/svc-01` needs `services`. Known in the main module (the
/// backend's own [`files_for`] is in its chunk), so the two download together.
fn main_file(path: &str) -> Option<&'static str> {
    const SAME_NAME: [&str; 9] = [
        "site",
        "services",
        "courses",
        "stories",
        "stations",
        "campaigns",
        "rewards",
        "redemptions",
        "reports",
    ];
    let first = router::first_segment(path)?;
    SAME_NAME.into_iter().find(|name| *name == first)
}

/// Whether the stored demo state has anything in `list`, as the browser's
/// JSON parser reads it. Where the backend would read the state otherwise (it
/// takes a state it cannot decode for an empty one), its logic answers: the
/// same answer, with its code.
fn stored_has_any(list: StateList) -> bool {
    storage::has_listed(STATE_KEY, list.field())
}

/// The demo data names its own images from the site's root (`"/demo/img/…"`);
/// served under a sub-path, they are under it too.
fn under_base_path(body: &str, base: &str) -> String {
    if base.is_empty() {
        return body.to_owned();
    }
    body.replace("\"/demo/", &format!("\"{base}/demo/"))
}

#[derive(Clone, Debug)]
pub struct DemoTransport {
    /// URL of the folder with the demo files, e.g. `demo` (beside index.html).
    base: String,
    timeout_ms: u32,
    /// The files, downloaded once per visit.
    files: Arc<Mutex<DemoTexts>>,
    /// When the oldest saved copy among them was saved, if the network could not give one.
    saved_at: Arc<Mutex<Option<i64>>>,
}

impl DemoTransport {
    pub fn new(base: &str, timeout_ms: u32) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            timeout_ms,
            files: Arc::default(),
            saved_at: Arc::default(),
        }
    }

    pub async fn send(&self, request: ApiRequest) -> Result<ApiResponse, ApiError> {
        if let Some(name) = file_as_it_is(&request, stored_has_any) {
            let body = self.file(name).await?.to_string();
            return Ok(ApiResponse { saved_at: self.saved_at(), ..ApiResponse::new(200, body) });
        }
        let backend = async {
            match Chunk::for_request(&request) {
                Chunk::Reads => backend::load().await,
                Chunk::LaterReads => backend::load_later().await,
                Chunk::Writes => backend::load_writes().await,
            }
        };
        // The request's main data file downloads while the backend's code does,
        // not after it (once there, it is kept for the loop below).
        let early = async {
            match main_file(&request.path) {
                Some(name) => self.file(name).await.map(drop),
                None => Ok(()),
            }
        };
        let (backend, early) = join(backend, early).await;
        let backend =
            backend.map_err(|_| ApiError::Network("the demo backend's code did not arrive".into()))?;
        // A failed download is the answer, as it would be from a backend: not tried again unasked.
        early?;
        let mut files = DemoTexts::new();
        for name in (backend.files_for)(&request) {
            files.insert(name, self.file(name).await?);
        }
        let mut response = (backend.answer)(&request, &files);
        response.saved_at = self.saved_at();
        Ok(response)
    }

    /// When the oldest saved copy among the files was saved, if one stood in for the network.
    fn saved_at(&self) -> Option<i64> {
        self.saved_at.lock().ok().and_then(|saved_at| *saved_at)
    }

    async fn file(&self, name: &'static str) -> Result<Arc<str>, ApiError> {
        if let Some(text) = self.files.lock().ok().and_then(|files| files.get(name).cloned()) {
            return Ok(text);
        }
        let url = format!("{}/{name}.json", self.base);
        let response = send_with_limits(Request::get(&url), None, self.timeout_ms, Kind::PublicRead).await?;
        if response.status != 200 {
            return Err(ApiError::Http {
                status: response.status,
                code: String::new(),
                message: String::new(),
            });
        }
        let text: Arc<str> = under_base_path(&response.body, crate::platform::base::base_path()).into();
        // A broken file is not kept: 重试 downloads it again.
        well_formed(&text).map_err(|e| ApiError::Decode(format!("{name}.json: {e}")))?;
        if let Ok(mut files) = self.files.lock() {
            files.insert(name, text.clone());
        }
        if let (Some(at), Ok(mut saved_at)) = (response.saved_at, self.saved_at.lock()) {
            *saved_at = Some(saved_at.map_or(at, |earlier| earlier.min(at)));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{
        answer, file_as_it_is, files_for, main_file, under_base_path, DemoFiles, DemoState, StateList,
    };
    use crate::{
        api::{decode, transport::ApiRequest},
        domain::time::ChinaTime,
    };

    #[test]
    fn the_start_up_script_fetches_the_files_the_first_reads_need() {
        for (route, reads) in crate::api::reads::start_up_table() {
            let mut needed: Vec<&str> = Vec::new();
            for path in &reads.api {
                let path = path.replace(":id", "some-id");
                let files =
                    main_file(&path).into_iter().chain(files_for(&ApiRequest::get(&path)).iter().copied());
                for file in files {
                    if !needed.contains(&file) {
                        needed.push(file);
                    }
                }
            }
            assert_eq!(reads.demo, needed, "{route}");
            let needs_backend = reads.api.iter().any(|path| {
                file_as_it_is(&ApiRequest::get(path.replace(":id", "some-id")), |_| false).is_none()
            });
            assert_eq!(reads.demo_backend, needs_backend, "{route}: demo_backend");
        }
    }

    #[test]
    fn the_file_fetched_early_is_one_the_backend_reads() {
        let paths = [
            "/v1/site",
            "/v1/services",
            "/v1/services/svc-01",
            "/v1/courses",
            "/v1/stories/sty-01",
            "/v1/stations",
            "/v1/campaigns/cpn-01/checkins",
            "/v1/rewards",
            "/v1/rewards/rwd-01/redemptions",
            "/v1/redemptions/rdm-01",
            "/v1/reports",
        ];
        for path in paths {
            let early = main_file(path).unwrap_or_else(|| panic!("{path} has a main file"));
            assert!(files_for(&ApiRequest::get(path)).contains(&early), "{path}: {early}");
        }
        for path in ["/v1/me", "/v1/points/rules", "/v1/honours", "/v1/activities/act-01", "/v1/sitemap"] {
            assert_eq!(main_file(path), None, "{path}");
        }
    }

    /// The bundled files that some reads are answered with as they are.
    fn files_answered_as_they_are() -> DemoFiles {
        [
            ("site", include_str!("../../../public/demo/site.json")),
            ("services", include_str!("../../../public/demo/services.json")),
            ("stations", include_str!("../../../public/demo/stations.json")),
            ("points-rules", include_str!("../../../public/demo/points-rules.json")),
            ("courses", include_str!("../../../public/demo/courses.json")),
            ("rewards", include_str!("../../../public/demo/rewards.json")),
        ]
        .into_iter()
        .map(|(name, text)| (name, serde_json::from_str(text).unwrap()))
        .collect()
    }

    #[test]
    fn the_reads_answered_from_a_file_as_it_is_get_the_whole_file() {
        let clock = ChinaTime::parse_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let files = files_answered_as_they_are();
        let paths = [
            "/v1/site",
            "/v1/services",
            "/v1/stations",
            "/v1/points/rules",
            "/v1/services?q=体检",
            "/v1/courses",
            "/v1/rewards",
        ];
        for path in paths {
            let (base, query) = path.split_once('?').unwrap_or((path, ""));
            let request = ApiRequest::get(base).param("q", query.strip_prefix("q="));
            let name =
                file_as_it_is(&request, |_| false).unwrap_or_else(|| panic!("{path} is answered as it is"));
            assert_eq!(files_for(&request), [name], "{path}");
            let answered = answer(&request, &files, &mut DemoState::default(), &clock);
            assert_eq!(answered.status, 200, "{path}");
            if name == "site" {
                assert_eq!(serde_json::from_str::<Value>(&answered.body).unwrap(), files[name]);
            } else {
                let page = decode::page::<Value>(&answered).unwrap();
                assert_eq!(
                    (page.items.len(), page.next),
                    (files[name]["items"].as_array().unwrap().len(), None)
                );
            }
        }
        // Everything else needs the backend's logic.
        for path in ["/v1/services/svc-01", "/v1/stories", "/v1/sitemap", "/v1/me"] {
            assert_eq!(file_as_it_is(&ApiRequest::get(path), |_| false), None, "{path}");
        }
        assert_eq!(file_as_it_is(&ApiRequest::post("/v1/site", None), |_| false), None);
    }

    #[test]
    fn a_list_is_its_file_until_the_workers_writes_change_it() {
        let clock = ChinaTime::parse_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let files = files_answered_as_they_are();
        let body = |response: crate::api::ApiResponse| {
            (response.status, serde_json::from_str::<Value>(&response.body).unwrap())
        };
        let redemption = |reward_id: &str| serde_json::json!({ "id": "rdm-demo-1", "reward_id": reward_id });
        // The list, a state whose list names nothing in it, one that changes it.
        let cases = [
            (
                "/v1/courses",
                StateList::Enrolments,
                DemoState { enrolments: vec!["crs-gone".into()], ..DemoState::default() },
                DemoState { enrolments: vec!["crs-off-01".into()], ..DemoState::default() },
            ),
            (
                "/v1/rewards",
                StateList::Redemptions,
                DemoState { redemptions: vec![redemption("rwd-gone")], ..DemoState::default() },
                DemoState { redemptions: vec![redemption("rwd-health-basic")], ..DemoState::default() },
            ),
        ];
        for (path, list, mut unchanged, mut changed) in cases {
            let request = ApiRequest::get(path);
            let as_it_is = body(answer(&request, &files, &mut DemoState::default(), &clock));
            // The state's list is not empty: the backend's logic answers, the same.
            assert!(unchanged.has_any(list) && file_as_it_is(&request, |l| l == list).is_none(), "{path}");
            assert_eq!(body(answer(&request, &files, &mut unchanged, &clock)), as_it_is, "{path}");
            assert_ne!(body(answer(&request, &files, &mut changed, &clock)), as_it_is, "{path}");
            // The main module reads the stored state's JSON by the list's field.
            let stored = serde_json::to_value(&changed).unwrap();
            assert!(stored[list.field()].as_array().is_some_and(|l| !l.is_empty()), "{path}");
            // A filter or a later page is the backend's to answer.
            let filtered = ApiRequest::get(path).param("kind", Some("offline")).param("cursor", Some("2"));
            assert_eq!(file_as_it_is(&filtered, |_| false), None, "{path}");
        }
    }

    #[test]
    fn demo_images_follow_the_app_under_a_sub_path() {
        let body = r#"{"src": "/demo/img/station.svg", "text": "see /demo/ in words"}"#;
        assert_eq!(under_base_path(body, ""), body);
        assert_eq!(
            under_base_path(body, "/youxin"),
            r#"{"src": "/youxin/demo/img/station.svg", "text": "see /demo/ in words"}"#
        );
    }
}
