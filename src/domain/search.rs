//! Search as you type, and grouping by category.

/// Splits what the worker typed into folded words (see [`fold`]). Chinese has
/// no spaces, so a whole phrase is usually one word; spaces (ASCII or
/// full-width) separate more.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| c.is_whitespace() || c == '\u{3000}' || c == ',' || c == '，')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// The form text is compared in: Latin letters in lower case, and the
/// full-width letters, digits and signs of a Chinese keyboard (ＷｉＦｉ, １２３)
/// as their ASCII twins. The lists are Chinese with a little Latin (WiFi, APP);
/// folding only these keeps Unicode's case tables (14 KB) out of the download.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// True when every folded word appears in at least one of the fields, once
/// folded too.
pub fn matches_all(words: &[String], fields: &[&str]) -> bool {
    words.iter().all(|word| fields.iter().any(|field| contains_folded(field, word)))
}

/// Runs on every item at every keystroke: most fields (Chinese text) fold to
/// themselves, and are searched as they are, without a folded copy.
fn contains_folded(field: &str, folded_word: &str) -> bool {
    field.contains(folded_word)
        || (field.chars().any(|c| fold_char(c) != c) && fold(field).contains(folded_word))
}

/// What each item of a list is searched by, folded once when the list
/// arrives: a keystroke then only looks for its words.
#[derive(Clone, Debug)]
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    /// One entry per item, from the fields it is found by.
    pub fn new<'a, Fields>(items: impl IntoIterator<Item = Fields>) -> Self
    where
        Fields: IntoIterator<Item = &'a str>,
    {
        // A newline between fields: a query word (split on spaces) never spans two.
        Self(
            items
                .into_iter()
                .map(|fields| fold(&fields.into_iter().collect::<Vec<_>>().join("\n")))
                .collect(),
        )
    }

    /// Whether every word of [`query_words`] is in the item at `at`, as [`matches_all`] would say.
    pub fn matches(&self, at: usize, words: &[String]) -> bool {
        self.0.get(at).is_some_and(|text| words.iter().all(|word| text.contains(word.as_str())))
    }
}

/// Groups items by a key, keeping the order in which keys first appear and the
/// order of items within each group.
pub fn group_by<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<(String, Vec<&T>)> {
    let mut groups: Vec<(String, Vec<&T>)> = Vec::new();
    for item in items {
        let k = key(item);
        match groups.iter_mut().find(|(name, _)| name == k) {
            Some((_, members)) => members.push(item),
            None => groups.push((k.to_owned(), vec![item])),
        }
    }
    groups
}

/// The distinct values of a key, in order of first appearance.
pub fn distinct<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<String> {
    group_by(items, key).into_iter().map(|(name, _)| name).collect()
}

/// The count line of a filtered list, e.g. "共 25 项服务" when all are shown
/// or "找到 3 项服务（共 25 项）"; `measure` is the counting word (项, 门, 个).
pub fn count_line(shown: usize, total: usize, measure: &str, noun: &str) -> String {
    if shown == total {
        format!("共 {total} {measure}{noun}")
    } else {
        format!("找到 {shown} {measure}{noun}（共 {total} {measure}）")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_what_matches_all_finds() {
        let items = [["免费体检", "县总工会"], ["WiFi 充电", "驿站"], ["法律", "援助 中心"]];
        let index = SearchIndex::new(items.iter().map(|fields| fields.iter().copied()));
        for query in ["体检", "wifi 驿站", "WIFI", "工会 体检", "援助 法律", "律援", "检县", "", "没有"]
        {
            let words = query_words(query);
            for (at, fields) in items.iter().enumerate() {
                assert_eq!(index.matches(at, &words), matches_all(&words, fields), "{query:?} in {fields:?}");
            }
        }
        assert!(!index.matches(items.len(), &[]), "no item past the end");
    }

    #[test]
    fn words_split_on_ascii_and_full_width_spaces() {
        assert_eq!(query_words("  法律　援助 Legal "), vec!["法律", "援助", "legal"]);
        assert!(query_words(" \u{3000} ").is_empty());
    }

    #[test]
    fn every_word_must_match_some_field() {
        let words = query_words("工会 体检");
        assert!(matches_all(&words, &["免费体检", "县总工会"]));
        assert!(!matches_all(&words, &["免费体检", "县妇联"]));
        assert!(matches_all(&[], &["anything"]), "an empty query matches everything");
        assert!(matches_all(&query_words("WIFI"), &["免费 WiFi"]), "case-insensitive");
    }

    #[test]
    fn full_width_letters_and_digits_find_their_ascii_twins() {
        assert_eq!(query_words("ＷｉＦｉ　１２３"), vec!["wifi", "123"]);
        assert!(matches_all(&query_words("wifi"), &["免费ＷＩＦＩ"]));
        assert!(matches_all(&query_words("１２３４５"), &["热线 12345"]));
        assert!(!matches_all(&query_words("ｗｉｆｉ"), &["免费充电"]));
        assert_eq!(fold("驿站 A-Ｚ！"), "驿站 a-z!", "Chinese stays as it is");
    }

    #[test]
    fn groups_keep_first_seen_order() {
        let items = [("驿站", 1), ("权益", 2), ("驿站", 3)];
        let groups = group_by(&items, |i| i.0);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, "驿站");
        assert_eq!(groups[0].1.iter().map(|i| i.1).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(distinct(&items, |i| i.0), vec!["驿站", "权益"]);
    }

    #[test]
    fn the_count_line_says_how_many_of_how_many() {
        assert_eq!(count_line(25, 25, "项", "服务"), "共 25 项服务");
        assert_eq!(count_line(3, 58, "个", "驿站"), "找到 3 个驿站（共 58 个）");
    }
}
