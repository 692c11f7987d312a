//! Which answers a phone without a service worker keeps for when the network
//! is gone: the most recently read, within what local storage can hold.

/// Answers kept at most; reading another drops the one read longest ago.
pub const MAX_KEPT: usize = 40;

/// A longer answer is not kept: one list must not push out all the others.
pub const MAX_BODY_CHARS: usize = 300_000;

/// The index after `url` was read: it moves to the front, and the urls that
/// fall off the end (to be forgotten) are returned with it.
pub fn remember(mut index: Vec<String>, url: &str) -> (Vec<String>, Vec<String>) {
    index.retain(|kept| kept != url);
    index.insert(0, url.to_owned());
    let dropped = if index.len() > MAX_KEPT { index.split_off(MAX_KEPT) } else { Vec::new() };
    (index, dropped)
}

/// A kept answer as stored: the moment it was saved, a line break, the body.
pub fn encode(saved_at_millis: i64, body: &str) -> String {
    format!("{saved_at_millis}\n{body}")
}

/// The moment and body of a stored answer; `None` for anything else found under its key.
pub fn decode(stored: &str) -> Option<(i64, &str)> {
    let (at, body) = stored.split_once('\n')?;
    let at: i64 = at.parse().ok()?;
    (at > 0).then_some((at, body))
}

/// The index as stored: one url a line (a url has no line break).
pub fn encode_index(index: &[String]) -> String {
    // A loop, not `join`: this code is in every first download.
    let mut stored = String::new();
    for url in index {
        stored.push_str(url);
        stored.push('\n');
    }
    stored
}

pub fn decode_index(stored: &str) -> Vec<String> {
    stored.lines().filter(|url| !url.is_empty()).map(str::to_owned).collect()
}

/// `HH:MM` in China time: when the answer on screen was saved.
pub fn saved_time_label(saved_at_millis: i64) -> String {
    let time = super::time::ChinaTime::from_unix_millis(saved_at_millis);
    format!("{:02}:{:02}", time.hour, time.minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("/v1/services?page={i}")).collect()
    }

    #[test]
    fn a_read_moves_its_url_to_the_front_once() {
        let (index, dropped) = remember(urls(3), "/v1/services?page=2");
        assert_eq!(index, vec!["/v1/services?page=2", "/v1/services?page=0", "/v1/services?page=1"]);
        assert!(dropped.is_empty());
    }

    #[test]
    fn the_answer_read_longest_ago_is_forgotten_beyond_the_limit() {
        let (index, dropped) = remember(urls(MAX_KEPT), "/v1/site");
        assert_eq!(index.len(), MAX_KEPT);
        assert_eq!(index[0], "/v1/site");
        assert_eq!(dropped, vec![format!("/v1/services?page={}", MAX_KEPT - 1)]);
    }

    #[test]
    fn stored_answers_round_trip_and_junk_is_refused() {
        let stored = encode(1_764_000_000_000, "{\"items\":[]}\nsecond line");
        assert_eq!(decode(&stored), Some((1_764_000_000_000, "{\"items\":[]}\nsecond line")));
        assert_eq!(decode("{\"items\":[]}"), None);
        assert_eq!(decode("yesterday\n{}"), None);
        assert_eq!(decode("-5\n{}"), None);
        assert_eq!(decode("1.5e12\n{}"), None);
    }

    #[test]
    fn the_index_round_trips_and_blank_lines_are_dropped() {
        let index = urls(3);
        assert_eq!(decode_index(&encode_index(&index)), index);
        assert_eq!(decode_index("\n/v1/site\n\n"), vec!["/v1/site"]);
        assert!(decode_index("").is_empty());
    }

    #[test]
    fn the_saved_time_is_china_time() {
        // 2026-11-29T06:05:00Z is 14:05 in China.
        assert_eq!(saved_time_label(1_795_932_300_000), "14:05");
    }
}
