use leptos::prelude::*;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    params::ParamsMap,
    NavigateOptions,
};

/// One parameter of the address's query, "" when absent.
pub fn use_query_param(name: &'static str) -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get(name).unwrap_or_default())
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
