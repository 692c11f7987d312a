//! What 朗读 says: a page's parts as one text, each ending as a sentence.

/// Joins the non-empty parts, each ended with "。" unless it already ends a
/// sentence, so that the voice pauses between them.
pub fn script<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let ended = part.ends_with(['。', '！', '？', '!', '?', '.', '；', '…']);
            if ended {
                part.to_owned()
            } else {
                format!("{part}。")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::script;

    #[test]
    fn parts_are_read_as_sentences_and_blanks_skipped() {
        assert_eq!(
            script(["基础体检", "  ", "提供单位：县医院", "带上身份证！"]),
            "基础体检。提供单位：县医院。带上身份证！"
        );
        assert_eq!(script([]), "");
    }
}
