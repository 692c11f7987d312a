//! Lists that come in pages: loaded on demand ("加载更多") or followed to the end.
//!
//! A backend chooses its cursors; a broken one may hand back the same cursor
//! again or never stop. Both walks here end in that case.

use crate::api::{ApiError, Page};

/// One page asked for: which request it is (so a late answer to an earlier
/// request can be told apart) and its cursor (`None` = the first page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub id: u64,
    pub cursor: Option<String>,
}

/// The pages of one list loaded so far, for one filter `key` ("" for none).
#[derive(Clone, Debug, PartialEq)]
pub struct PagedFeed<T> {
    pub key: String,
    pub items: Vec<T>,
    /// Cursor of the next page; `None` once the last page is in.
    pub next: Option<String>,
    /// Whether the first page has come in (even if empty).
    pub started: bool,
    pub error: Option<ApiError>,
    /// Where the list was scrolled to when the worker left it.
    pub scroll_y: f64,
    /// The request whose answer is awaited; an answer to any other is stale.
    pending: Option<u64>,
    /// Source of request ids. It survives a change of filter, so an answer to
    /// a request made for an earlier visit of the same filter is still stale.
    last_request: u64,
    /// Cursors already asked for in this feed: one per page a worker asked
    /// for, few enough to search in turn (and no hash set's code to download).
    asked: Vec<String>,
}

impl<T> Default for PagedFeed<T> {
    fn default() -> Self {
        Self {
            key: String::new(),
            items: Vec::new(),
            next: None,
            started: false,
            error: None,
            scroll_y: 0.0,
            pending: None,
            last_request: 0,
            asked: Vec::new(),
        }
    }
}

impl<T> PagedFeed<T> {
    /// An empty feed for a filter.
    pub fn for_key(key: String) -> Self {
        Self { key, ..Self::default() }
    }

    /// Empties the feed for another filter (or the same one afresh). Whatever
    /// is on its way is stale from now on.
    pub fn switch_to(&mut self, key: String) {
        let last_request = self.last_request;
        *self = Self { last_request, ..Self::for_key(key) };
    }

    /// Whether this feed can be shown again as it is for `key` (coming back to the list).
    pub fn is_reusable_for(&self, key: &str) -> bool {
        self.key == key && (self.started || self.is_loading())
    }

    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// Marks a page as requested and says which, or `None` when a page is
    /// already on its way or nothing is left: a double tap loads one page.
    pub fn begin_load(&mut self) -> Option<PageRequest> {
        if self.is_loading() || (self.started && self.next.is_none() && self.error.is_none()) {
            return None;
        }
        self.last_request += 1;
        self.pending = Some(self.last_request);
        self.error = None;
        if let Some(cursor) = &self.next {
            self.asked.push(cursor.clone());
        }
        Some(PageRequest { id: self.last_request, cursor: self.next.clone() })
    }

    /// Takes in the answer to `request`; an answer to any request but the
    /// awaited one (a filter left, or left and come back to) is dropped.
    pub fn receive(&mut self, request: &PageRequest, result: Result<Page<T>, ApiError>) {
        if self.pending != Some(request.id) {
            return;
        }
        self.pending = None;
        self.started = true;
        match result {
            Ok(page) => {
                self.items.extend(page.items);
                // A cursor asked for before would show the same pages again, for ever.
                self.next = page.next.filter(|cursor| !self.asked.contains(cursor));
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

/// At most this many pages are followed for one list…
pub const MAX_PAGES: usize = 50;
/// …and at most this many items kept.
pub const MAX_ITEMS: usize = 5_000;

/// What to do after a page of a list that is followed to the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Follow {
    /// Ask for the page with this cursor.
    Next(String),
    /// The last page is in, or the backend repeated a cursor: nothing more to ask.
    End,
    /// The cap is reached while the backend still offers more.
    Capped,
}

/// The cursors of a list followed to the end, with a cap on pages and items.
#[derive(Clone, Debug, Default)]
pub struct CursorTrail {
    /// At most [`MAX_PAGES`]: searched in turn.
    asked: Vec<String>,
    pages: usize,
    items: usize,
}

impl CursorTrail {
    /// Counts a page of `items` items that came with `next`, and says what to do.
    pub fn follow(&mut self, items: usize, next: Option<String>) -> Follow {
        self.pages += 1;
        self.items += items;
        let Some(cursor) = next else { return Follow::End };
        if self.pages >= MAX_PAGES || self.items >= MAX_ITEMS {
            return Follow::Capped;
        }
        if self.asked.contains(&cursor) {
            return Follow::End;
        }
        self.asked.push(cursor.clone());
        Follow::Next(cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(items: &[u32], next: Option<&str>) -> Result<Page<u32>, ApiError> {
        Ok(Page { items: items.to_vec(), next: next.map(str::to_owned), skipped: 0 })
    }

    fn cursor(request: &PageRequest) -> Option<&str> {
        request.cursor.as_deref()
    }

    #[test]
    fn pages_append_until_there_is_no_cursor() {
        let mut feed = PagedFeed::for_key(String::new());
        let first = feed.begin_load().unwrap();
        assert_eq!(cursor(&first), None);
        assert_eq!(feed.begin_load(), None, "a second tap while loading does nothing");
        feed.receive(&first, page(&[1, 2], Some("2")));
        assert!(feed.has_more());
        let second = feed.begin_load().unwrap();
        assert_eq!(cursor(&second), Some("2"));
        feed.receive(&second, page(&[3], None));
        assert_eq!(feed.items, [1, 2, 3]);
        assert!(!feed.has_more());
        assert_eq!(feed.begin_load(), None, "nothing left to load");
    }

    #[test]
    fn an_error_keeps_what_was_loaded_and_the_retry_asks_for_the_same_page() {
        let mut feed = PagedFeed::for_key(String::new());
        let first = feed.begin_load().unwrap();
        feed.receive(&first, page(&[1], Some("1")));
        let second = feed.begin_load().unwrap();
        feed.receive(&second, Err(ApiError::Timeout(1000)));
        assert_eq!(feed.items, [1]);
        assert!(!feed.has_more(), "the error replaces the more button");
        let retry = feed.begin_load().unwrap();
        assert_eq!(cursor(&retry), Some("1"));
        assert_eq!(feed.error, None);
        feed.receive(&retry, page(&[2], None));
        assert_eq!(feed.items, [1, 2]);
    }

    #[test]
    fn an_answer_for_a_filter_left_behind_is_dropped() {
        let mut feed: PagedFeed<u32> = PagedFeed::for_key("新就业群体".into());
        let old = feed.begin_load().unwrap();
        feed.switch_to("新经济组织".into());
        let current = feed.begin_load().unwrap();
        feed.receive(&old, page(&[9], None));
        assert!(feed.items.is_empty() && feed.is_loading());
        feed.receive(&current, page(&[1], None));
        assert_eq!(feed.items, [1]);
    }

    /// A → B → A quickly: the first answer for A arrives after A was chosen
    /// again. Only the answer to the latest request counts, once.
    #[test]
    fn switching_a_b_a_takes_one_answer_for_a() {
        let mut feed: PagedFeed<u32> = PagedFeed::for_key("A".into());
        let first_a = feed.begin_load().unwrap();
        feed.switch_to("B".into());
        let b = feed.begin_load().unwrap();
        feed.switch_to("A".into());
        let second_a = feed.begin_load().unwrap();

        feed.receive(&first_a, page(&[1, 2], Some("p2")));
        feed.receive(&b, page(&[7], None));
        assert!(feed.items.is_empty(), "stale answers are dropped though the filter matches");
        feed.receive(&second_a, page(&[1, 2], Some("p2")));
        feed.receive(&second_a, page(&[1, 2], Some("p2")));
        assert_eq!(feed.items, [1, 2], "one answer lands, once");
        assert_eq!(feed.next.as_deref(), Some("p2"));
    }

    #[test]
    fn a_repeated_cursor_ends_the_feed() {
        let mut feed = PagedFeed::for_key(String::new());
        let first = feed.begin_load().unwrap();
        feed.receive(&first, page(&[1], Some("x")));
        let second = feed.begin_load().unwrap();
        feed.receive(&second, page(&[2], Some("x")));
        assert!(!feed.has_more(), "the same cursor again would load the same page for ever");
        let mut cycle = PagedFeed::for_key(String::new());
        for (items, next) in [(&[1][..], "a"), (&[2], "b")] {
            let request = cycle.begin_load().unwrap();
            cycle.receive(&request, page(items, Some(next)));
        }
        let third = cycle.begin_load().unwrap();
        cycle.receive(&third, page(&[3], Some("a")));
        assert_eq!(cycle.items, [1, 2, 3]);
        assert!(!cycle.has_more(), "a cycle back to an earlier cursor ends too");
    }

    #[test]
    fn coming_back_reuses_the_feed_of_the_same_filter_only() {
        let mut feed: PagedFeed<u32> = PagedFeed::for_key("a".into());
        assert!(!feed.is_reusable_for("a"), "nothing loaded yet");
        let first = feed.begin_load().unwrap();
        assert!(feed.is_reusable_for("a"));
        assert!(!feed.is_reusable_for("b"));
        feed.receive(&first, page(&[], None));
        assert!(feed.is_empty_result());
    }

    #[test]
    fn a_trail_follows_cursors_to_the_last_page() {
        let mut trail = CursorTrail::default();
        assert_eq!(trail.follow(5, Some("b".into())), Follow::Next("b".into()));
        assert_eq!(trail.follow(5, Some("c".into())), Follow::Next("c".into()));
        assert_eq!(trail.follow(2, None), Follow::End);
    }

    #[test]
    fn a_trail_ends_at_a_repeated_cursor_or_a_cycle() {
        let mut same = CursorTrail::default();
        assert_eq!(same.follow(1, Some("x".into())), Follow::Next("x".into()));
        assert_eq!(same.follow(1, Some("x".into())), Follow::End);
        let mut cycle = CursorTrail::default();
        for next in ["a", "b", "c"] {
            assert_eq!(cycle.follow(1, Some(next.into())), Follow::Next(next.into()));
        }
        assert_eq!(cycle.follow(1, Some("a".into())), Follow::End);
    }

    #[test]
    fn a_trail_stops_at_the_cap_of_pages_and_of_items() {
        let mut endless = CursorTrail::default();
        let mut asked = 0;
        while let Follow::Next(_) = endless.follow(1, Some(format!("page-{asked}"))) {
            asked += 1;
            assert!(asked < 10 * MAX_PAGES, "an endless backend must be cut off");
        }
        assert_eq!(asked + 1, MAX_PAGES, "pages fetched, the first included");
        assert_eq!(endless.follow(1, Some("more".into())), Follow::Capped);

        let mut big = CursorTrail::default();
        assert_eq!(big.follow(MAX_ITEMS - 1, Some("2".into())), Follow::Next("2".into()));
        assert_eq!(big.follow(1, Some("3".into())), Follow::Capped);
        assert_eq!(CursorTrail::default().follow(MAX_ITEMS + 1, None), Follow::End);
    }
}
