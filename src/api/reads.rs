//! The first request of the reads a page makes as it opens. The client's
//! methods send them; a page whose code is still downloading has them sent
//! ahead ([`crate::lazy_pages::LazyTarget::first_reads`]), and a cold visit's
//! start-up script asks for them before the app runs (`src/first_reads.json`,
//! held to these by tests). All build them from here, so that the answer read
//! ahead is the one the page asks for.

use super::ApiRequest;
use crate::domain::url::item_path;

pub fn site() -> ApiRequest {
    ApiRequest::get("/v1/site")
}

pub fn services() -> ApiRequest {
    ApiRequest::get("/v1/services")
}

pub fn service(id: &str) -> ApiRequest {
    ApiRequest::get(item_path("/v1/services", id))
}

pub fn courses(kind: Option<&str>, cursor: Option<&str>) -> ApiRequest {
    ApiRequest::get("/v1/courses").param("kind", kind).param("cursor", cursor)
}

pub fn course(id: &str) -> ApiRequest {
    ApiRequest::get(item_path("/v1/courses", id))
}

pub fn stories(tag: Option<&str>, cursor: Option<&str>) -> ApiRequest {
    ApiRequest::get("/v1/stories").param("tag", tag).param("cursor", cursor)
}

pub fn story(id: &str) -> ApiRequest {
    ApiRequest::get(item_path("/v1/stories", id))
}

pub fn stations() -> ApiRequest {
    ApiRequest::get("/v1/stations")
}

pub fn station(id: &str) -> ApiRequest {
    ApiRequest::get(item_path("/v1/stations", id))
}

pub fn points_rules() -> ApiRequest {
    ApiRequest::get("/v1/points/rules")
}

pub fn rewards(cursor: Option<&str>) -> ApiRequest {
    ApiRequest::get("/v1/rewards").param("cursor", cursor)
}

/// `src/first_reads.json`, the start-up script's table, as the tests hold it
/// to the app: address (or `*`, every page) to the API paths it asks for and
/// the demo data's files.
#[cfg(test)]
pub(crate) fn start_up_table() -> std::collections::BTreeMap<String, StartUpReads> {
    serde_json::from_str(include_str!("../first_reads.json")).expect("first_reads.json is a map")
}

#[cfg(test)]
#[derive(serde::Deserialize)]
pub(crate) struct StartUpReads {
    pub api: Vec<String>,
    pub demo: Vec<String>,
    /// Whether, on the demo data, a read needs the demo backend's code
    /// (rather than a file answered as it is).
    #[serde(default)]
    pub demo_backend: bool,
}
