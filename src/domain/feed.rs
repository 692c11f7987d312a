//! A list loaded page by page with a cursor, as the story column pages.

use crate::api::{ApiError, Page};

/// The pages of one list loaded so far, for one filter `key` ("" for none).
#[derive(Clone, Debug, PartialEq)]
pub struct PagedFeed<T> {
    pub key: String,
    pub items: Vec<T>,
    /// Cursor of the next page; `None` once the last page is in.
    pub next: Option<String>,
    /// Whether the first page has come in (even if empty).
    pub started: bool,
    pub loading: bool,
    pub error: Option<ApiError>,
    /// Where the list was scrolled to when the worker left it.
    pub scroll_y: f64,
}

impl<T> Default for PagedFeed<T> {
    fn default() -> Self {
        Self {
            key: String::new(),
            items: Vec::new(),
            next: None,
            started: false,
            loading: false,
            error: None,
            scroll_y: 0.0,
        }
    }
}

impl<T> PagedFeed<T> {
    /// An empty feed for another filter.
    pub fn for_key(key: String) -> Self {
        Self { key, ..Self::default() }
    }

    /// Whether this feed can be shown again as it is for `key` (coming back to the list).
    pub fn is_reusable_for(&self, key: &str) -> bool {
        self.key == key && (self.started || self.loading)
    }

    /// Marks a page as requested and returns its cursor (`None` = the first page),
    /// or `Err(())` when a page is already on its way: a double tap loads one page.
    #[allow(clippy::result_unit_err)]
    pub fn begin_load(&mut self) -> Result<Option<String>, ()> {
        if self.loading || (self.started && self.next.is_none() && self.error.is_none()) {
            return Err(());
        }
        self.loading = true;
        self.error = None;
        Ok(self.next.clone())
    }

    /// Takes in a page for `key`; an answer for a filter the worker has left is dropped.
    pub fn receive(&mut self, key: &str, result: Result<Page<T>, ApiError>) {
        if self.key != key {
            return;
        }
        self.loading = false;
        self.started = true;
        match result {
            Ok(page) => {
                self.items.extend(page.items);
                self.next = page.next;
            }
            Err(error) => self.error = Some(error),
        }
    }

    pub fn has_more(&self) -> bool {
        self.next.is_some() && self.error.is_none()
    }

    pub fn is_empty_result(&self) -> bool {
        self.started && self.error.is_none() && self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(items: &[u32], next: Option<&str>) -> Result<Page<u32>, ApiError> {
        Ok(Page { items: items.to_vec(), next: next.map(str::to_owned), skipped: 0 })
    }

    #[test]
    fn pages_append_until_there_is_no_cursor() {
        let mut feed = PagedFeed::for_key(String::new());
        assert_eq!(feed.begin_load(), Ok(None));
        assert_eq!(feed.begin_load(), Err(()), "a second tap while loading does nothing");
        feed.receive("", page(&[1, 2], Some("2")));
        assert!(feed.has_more());
        assert_eq!(feed.begin_load(), Ok(Some("2".into())));
        feed.receive("", page(&[3], None));
        assert_eq!(feed.items, [1, 2, 3]);
        assert!(!feed.has_more());
        assert_eq!(feed.begin_load(), Err(()), "nothing left to load");
    }

    #[test]
    fn an_error_keeps_what_was_loaded_and_the_retry_asks_for_the_same_page() {
        let mut feed = PagedFeed::for_key(String::new());
        feed.begin_load().unwrap();
        feed.receive("", page(&[1], Some("1")));
        feed.begin_load().unwrap();
        feed.receive("", Err(ApiError::Timeout(1000)));
        assert_eq!(feed.items, [1]);
        assert!(!feed.has_more(), "the error replaces the more button");
        assert_eq!(feed.begin_load(), Ok(Some("1".into())));
        assert_eq!(feed.error, None);
    }

    #[test]
    fn an_answer_for_a_filter_left_behind_is_dropped() {
        let mut feed: PagedFeed<u32> = PagedFeed::for_key("新就业群体".into());
        feed.begin_load().unwrap();
        feed.receive("新经济组织", page(&[9], None));
        assert!(feed.items.is_empty() && feed.loading);
    }

    #[test]
    fn coming_back_reuses_the_feed_of_the_same_filter_only() {
        let mut feed: PagedFeed<u32> = PagedFeed::for_key("a".into());
        assert!(!feed.is_reusable_for("a"), "nothing loaded yet");
        feed.begin_load().unwrap();
        assert!(feed.is_reusable_for("a"));
        assert!(!feed.is_reusable_for("b"));
        feed.receive("a", page(&[], None));
        assert!(feed.is_empty_result());
    }
}
