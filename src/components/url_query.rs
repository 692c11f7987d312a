use leptos::prelude::*;

use super::page_memo;
use leptos_router::{
    hooks::{use_location, use_navigate},
    params::ParamsMap,
    NavigateOptions,
};

/// One parameter of the address's query, "" when absent.
pub fn use_query_param(name: &'static str) -> Memo<String> {
    // The router's query lives as long as the app: read it through a page memo.
    let query = use_location().query;
    page_memo(move || query.read().get(name).unwrap_or_default())
}

/// Returns a function that replaces the query of `path` with the given
/// parameters (empty values are left out). Filters live in the address, so a
/// shared or reloaded link keeps them, and the back button skips each keystroke.
pub fn use_query_setter(path: &'static str) -> impl Fn(&[(&'static str, String)]) + Clone + 'static {
    let navigate = use_navigate();
    move |params: &[(&'static str, String)]| {
        let query: ParamsMap = params
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| (*key, value.clone()))
            .collect();
        let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
        navigate(&format!("{path}{}", query.to_query_string()), options);
    }
}
