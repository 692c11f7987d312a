use leptos::prelude::*;
use leptos_router::{
    hooks::{use_location, use_navigate},
    NavigateOptions,
};

use crate::domain::url::{query_string, query_value};

/// One parameter of the address's query, "" when absent. Read from the raw
/// query and decoded once: the router's own map decodes twice, which turns a
/// typed `%20` into a space.
pub fn use_query_param(name: &'static str) -> Memo<String> {
    let search = use_location().search;
    Memo::new(move |_| search.with(|search| query_value(search, name)).unwrap_or_default())
}

/// Returns a function that replaces the query of `path` with the given
/// parameters (empty values are left out). Filters live in the address, so a
/// shared or reloaded link keeps them, and the back button skips each keystroke.
pub fn use_query_setter(path: &'static str) -> impl Fn(&[(&'static str, String)]) + Clone + 'static {
    let navigate = use_navigate();
    move |params: &[(&'static str, String)]| {
        let pairs: Vec<(&str, &str)> = params.iter().map(|(key, value)| (*key, value.as_str())).collect();
        let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
        navigate(&format!("{path}{}", query_string(&pairs)), options);
    }
}
