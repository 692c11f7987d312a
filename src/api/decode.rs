//! Turning response bodies into typed values, tolerantly.
//!
//! A list may come as a bare JSON array or as `{"items": [...], "next": ...}`.
//! One malformed item is skipped and counted rather than losing the whole list.

mod nulls;

use serde::{
    de::{DeserializeOwned, IgnoredAny},
    Deserialize,
};
use serde_json::value::RawValue;

use super::{model::ErrorBody, ApiError, ApiResponse};
use nulls::without_null_members;

/// One page of a list endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last one.
    pub next: Option<String>,
    /// How many items were malformed and left out.
    pub skipped: usize,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self { items: Vec::new(), next: None, skipped: 0 }
    }
}

/// Checks the status, then decodes one object. A `null` field reads as a
/// missing one, so it takes its default instead of failing the whole.
pub fn object<T: DeserializeOwned>(response: &ApiResponse) -> Result<T, ApiError> {
    check_status(response)?;
    from_text(&prepared(&response.body)?)
}

/// The body with its null members left out, or refused when nested too deep.
fn prepared(body: &str) -> Result<std::borrow::Cow<'_, str>, ApiError> {
    without_null_members(body).map_err(|_| ApiError::Decode("the answer is nested too deeply".into()))
}

/// Whether `text` is JSON this module could decode (well-formed, and not
/// nested too deep); if not, why.
pub fn well_formed(text: &str) -> Result<(), String> {
    match prepared(text).and_then(|text| from_text::<IgnoredAny>(&text)) {
        Err(ApiError::Decode(why)) => Err(why),
        _ => Ok(()),
    }
}

fn from_text<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))
}

/// A list's envelope, its items left as text to decode one by one.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    items: Option<&'a RawValue>,
    #[serde(borrow)]
    next: Option<&'a RawValue>,
}

/// Checks the status, then decodes a list, skipping malformed items; a list
/// whose every item is malformed is an error.
pub fn page<T: DeserializeOwned>(response: &ApiResponse) -> Result<Page<T>, ApiError> {
    check_status(response)?;
    let text = prepared(&response.body)?;
    let (items, next): (Vec<&RawValue>, _) = match text.trim_start().as_bytes().first() {
        Some(b'[') => (from_text(&text)?, None),
        Some(b'{') => {
            let envelope: Envelope = from_text(&text)?;
            let Some(items) = envelope.items else {
                return Err(ApiError::Decode("missing field `items`".into()));
            };
            let items = serde_json::from_str(items.get())
                .map_err(|_| ApiError::Decode("`items` is not an array".into()))?;
            let next = envelope.next.and_then(|next| serde_json::from_str::<String>(next.get()).ok());
            (items, next.filter(|cursor| !cursor.is_empty()))
        }
        _ => {
            from_text::<IgnoredAny>(&text)?;
            return Err(ApiError::Decode("expected a list or an object with `items`".into()));
        }
    };
    let total = items.len();
    let items: Vec<T> = items.into_iter().filter_map(|item| serde_json::from_str(item.get()).ok()).collect();
    if total > 0 && items.is_empty() {
        // Nothing readable is a broken answer, not an empty list: "共 0 项" would mislead.
        return Err(ApiError::Decode(format!("all {total} item(s) of the list are malformed")));
    }
    Ok(Page { skipped: total - items.len(), items, next })
}

/// For a list inside an object (`#[serde(deserialize_with = …)]`): malformed
/// elements are left out and anything but an array reads as empty, so one bad
/// notice does not lose the whole site.
pub fn lenient_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw = <&RawValue>::deserialize(deserializer)?;
    let items: Vec<&RawValue> = serde_json::from_str(raw.get()).unwrap_or_default();
    Ok(items.into_iter().filter_map(|item| serde_json::from_str(item.get()).ok()).collect())
}

/// For an optional part of an object: a malformed one reads as absent.
pub fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(serde_json::from_str(<&RawValue>::deserialize(deserializer)?.get()).ok())
}

/// Checks for success, with nothing to decode (e.g. 204 No Content).
pub fn empty(response: &ApiResponse) -> Result<(), ApiError> {
    check_status(response)
}

/// A non-2xx status becomes [`ApiError::Http`] with the server's code and message.
fn check_status(response: &ApiResponse) -> Result<(), ApiError> {
    if (200..300).contains(&response.status) {
        return Ok(());
    }
    let detail = serde_json::from_str::<ErrorBody>(&response.body).map(|b| b.error).unwrap_or_default();
    Err(ApiError::Http { status: response.status, code: detail.code, message: detail.message })
}
