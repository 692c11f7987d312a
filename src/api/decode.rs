//! Turning response bodies into typed values, tolerantly.
//!
//! A list may come as a bare JSON array or as `{"items": [...], "next": ...}`.
//! One malformed item is skipped and counted rather than losing the whole list.

use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

use super::{model::ErrorBody, ApiError, ApiResponse};

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

/// Checks the status, then decodes one object.
pub fn object<T: DeserializeOwned>(response: &ApiResponse) -> Result<T, ApiError> {
    check_status(response)?;
    let mut value = parse(&response.body)?;
    drop_nulls(&mut value);
    serde_json::from_value(value).map_err(|e| ApiError::Decode(e.to_string()))
}

fn parse(body: &str) -> Result<Value, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Decode(e.to_string()))
}

/// Treats `"field": null` like a missing field, so it takes its default
/// instead of failing the item: many backends write null for "nothing".
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// Checks the status, then decodes a list, skipping malformed items; a list
/// whose every item is malformed is an error.
pub fn page<T: DeserializeOwned>(response: &ApiResponse) -> Result<Page<T>, ApiError> {
    check_status(response)?;
    let mut value = parse(&response.body)?;
    drop_nulls(&mut value);
    let (items, next) = match value {
        Value::Array(items) => (items, None),
        Value::Object(mut map) => {
            let items = match map.remove("items") {
                Some(Value::Array(items)) => items,
                Some(_) => return Err(ApiError::Decode("`items` is not an array".into())),
                None => return Err(ApiError::Decode("missing field `items`".into())),
            };
            let next = match map.remove("next") {
                Some(Value::String(cursor)) if !cursor.is_empty() => Some(cursor),
                _ => None,
            };
            (items, next)
        }
        _ => return Err(ApiError::Decode("expected a list or an object with `items`".into())),
    };
    let total = items.len();
    let items: Vec<T> = items.into_iter().filter_map(|item| serde_json::from_value(item).ok()).collect();
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
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(items) => {
            items.into_iter().filter_map(|item| serde_json::from_value(item).ok()).collect()
        }
        _ => Vec::new(),
    })
}

/// For an optional part of an object: a malformed one reads as absent.
pub fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(serde_json::from_value(Value::deserialize(deserializer)?).ok())
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
