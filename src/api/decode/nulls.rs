//! `"field": null` read as a missing field, on the JSON text itself.
//!
//! Many backends write null for "nothing"; the models' defaults are for
//! missing fields. Dropping null members from the text (not from a parsed
//! tree) keeps serde_json's `Value` out of the main module: every answer
//! decodes straight from text into its model.

use std::borrow::Cow;

/// serde_json's own limit: a deeper answer is refused, as the decoder would
/// refuse it.
const MAX_DEPTH: usize = 127;

/// An answer nested deeper than [`MAX_DEPTH`].
#[derive(Debug, PartialEq)]
pub struct TooDeep;

/// `text` without the object members whose value is `null`, at any depth
/// (array elements stay, for the decoder to skip). Text that is not
/// well-formed JSON comes back as it is, so the decoder names its fault.
pub fn without_null_members(text: &str) -> Result<Cow<'_, str>, TooDeep> {
    let mut scanner = Scanner { text, at: 0, out: String::new(), dropped: false, too_deep: false };
    let whole = scanner.value(0).is_some() && {
        scanner.skip_space();
        scanner.at == text.len()
    };
    if scanner.too_deep {
        Err(TooDeep)
    } else if whole && scanner.dropped {
        Ok(Cow::Owned(scanner.out))
    } else {
        Ok(Cow::Borrowed(text))
    }
}

/// Copies JSON from `text` to `out`, leaving out null members and the space
/// between tokens. Every step answers `None` on text that is not JSON.
struct Scanner<'a> {
    text: &'a str,
    at: usize,
    out: String,
    /// Whether a member was left out.
    dropped: bool,
    too_deep: bool,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Copies `byte` if it comes next.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| {
            self.at += 1;
            self.out.push(byte as char);
        })
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        self.skip_space();
        match self.peek()? {
            b'{' | b'[' if depth == MAX_DEPTH => {
                self.too_deep = true;
                None
            }
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string(),
            _ => self.scalar(),
        }
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        self.expect(b'{')?;
        self.skip_space();
        if self.expect(b'}').is_some() {
            return Some(());
        }
        let mut kept = 0;
        loop {
            let member = self.out.len();
            if kept > 0 {
                self.out.push(',');
            }
            self.skip_space();
            self.string()?;
            self.skip_space();
            self.expect(b':')?;
            self.skip_space();
            if self.null_comes_next() {
                self.at += "null".len();
                self.out.truncate(member);
                self.dropped = true;
            } else {
                self.value(depth)?;
                kept += 1;
            }
            self.skip_space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => return self.expect(b'}'),
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.expect(b'[')?;
        self.skip_space();
        if self.expect(b']').is_some() {
            return Some(());
        }
        loop {
            self.value(depth)?;
            self.skip_space();
            match self.peek()? {
                b',' => self.expect(b',')?,
                b']' => return self.expect(b']'),
                _ => return None,
            }
        }
    }

    /// A string, escapes and all, copied as written.
    fn string(&mut self) -> Option<()> {
        let start = self.at;
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        self.out.push_str(self.text.get(start + 1..self.at)?);
        Some(())
    }

    /// A number, `true`, `false` or an array's `null`, up to the next delimiter;
    /// the decoder checks what it says.
    fn scalar(&mut self) -> Option<()> {
        let start = self.at;
        while !matches!(self.peek(), None | Some(b',' | b']' | b'}' | b':' | b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
        (self.at > start).then(|| self.out.push_str(&self.text[start..self.at]))
    }

    fn null_comes_next(&self) -> bool {
        let rest = &self.text.as_bytes()[self.at..];
        rest.starts_with(b"null") && !rest.get(4).is_some_and(u8::is_ascii_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use serde::de::IgnoredAny;
    use serde_json::Value;

    use super::{without_null_members, TooDeep, MAX_DEPTH};

    fn dropped(text: &str) -> String {
        without_null_members(text).unwrap().into_owned()
    }

    #[test]
    fn null_members_go_at_every_depth_and_the_rest_stays() {
        assert_eq!(
            dropped(r#"{"a": null, "b": {"c": null, "d": [1, null, {"e": null}]}, "f": null}"#),
            r#"{"b":{"d":[1,null,{}]}}"#
        );
        assert_eq!(dropped(r#"{"a":1,"b":null,"c":"x"}"#), r#"{"a":1,"c":"x"}"#);
        assert_eq!(dropped(r#"[{"only": null}]"#), "[{}]");
        let clean = r#"{ "a": [1, null] }"#;
        assert_eq!(dropped(clean), clean, "nothing to leave out: the text as it came");
    }

    #[test]
    fn strings_that_say_null_are_text_not_null() {
        let text = r#"{"title": "null", "note": "a \"null\": null", "nullable": true}"#;
        assert_eq!(dropped(text), text, "no member is null");
        assert_eq!(dropped(r#"{"名字":"驿站\\","x":null}"#), r#"{"名字":"驿站\\"}"#);
    }

    #[test]
    fn text_that_is_not_json_stays_text_the_decoder_refuses() {
        for text in [
            r#"{"a": null"#,
            r#"{"a": null,}"#,
            r#"{"a" null}"#,
            r#"{"a": nullx}"#,
            r#"[1, null"#,
            r#"{"a": "unterminated null}"#,
            r#"{"a": null} trailing"#,
            r#"{"a": null, "b": "\u00"}"#,
        ] {
            let out = dropped(text);
            assert!(serde_json::from_str::<IgnoredAny>(&out).is_err(), "{text} became {out}");
        }
    }

    #[test]
    fn the_demo_data_reads_as_it_did_with_nulls_dropped_from_the_tree() {
        let mut texts: Vec<String> = std::fs::read_dir("public/demo")
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect();
        assert!(texts.len() > 10, "the demo files are found");
        texts.push(r#"{"items": [{"id": "a", "summary": null, "tags": [null, "x"]}], "next": null}"#.into());
        for text in &texts {
            let mut tree: Value = serde_json::from_str(text).unwrap();
            drop_nulls(&mut tree);
            assert_eq!(serde_json::from_str::<Value>(&dropped(text)).unwrap(), tree, "{text}");
        }
    }

    /// How nulls were dropped before: from the parsed tree.
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

    #[test]
    fn nesting_past_the_decoders_limit_is_refused_wherever_it_is() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(without_null_members(&nested(MAX_DEPTH)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok(), "the decoder's limit too");
        assert_eq!(without_null_members(&nested(MAX_DEPTH + 1)), Err(TooDeep));
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).is_err(), "the decoder's limit too");
        let in_a_field = format!(r#"{{"id":"a","extra":{}}}"#, nested(50_000));
        assert_eq!(without_null_members(&in_a_field), Err(TooDeep), "even with no null in it");
    }
}
