//! Untrusted text (anything read from the CMS or the store: names, actor
//! ids, health-check errors, event messages) made safe for a terminal:
//! control characters shown escaped, widths measured as the terminal draws
//! them, truncation on character boundaries. JSON output is not touched.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters a terminal would act on or hide instead of showing: C0, DEL,
/// C1, and the invisible format and bidi controls (which can reorder what
/// an operator reads).
fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `s` with every dangerous character escaped: `\e`, `\n`, `\r`, `\t`,
/// else `\u{…}`. One line, nothing for the terminal to interpret.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The last line of defence on stdout: the non-ASCII invisible controls
/// (C1, bidi, format) that JSON carries raw, written as `\uXXXX` escapes.
/// Inside a JSON string that is the same value; in a table they were
/// already escaped by [`clean`]. ASCII is left alone (colour codes).
pub(crate) fn escape_invisible(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && is_dangerous(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !c.is_ascii() && is_dangerous(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`clean`] for an optional field, `-` when absent.
pub(crate) fn or_dash(s: Option<&str>) -> Cow<'_, str> {
    s.map_or(Cow::Borrowed("-"), clean)
}

/// Columns the terminal uses to draw `s` (after [`clean`]).
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// At most `max` columns of `s`, cut on a character boundary, with `…`
/// when something was cut.
pub(crate) fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_plain_text_is_untouched() {
        assert!(matches!(clean("db-01"), Cow::Borrowed("db-01")));
        assert_eq!(clean("a\u{1b}[2Jb"), "a\\e[2Jb");
        assert_eq!(clean("x\ny\rz\u{7}"), "x\\ny\\rz\\u{7}");
        assert_eq!(clean("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(clean("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(clean("\u{3000}wide"), "\u{3000}wide");
    }

    #[test]
    fn json_keeps_its_value_without_invisible_controls() {
        let json = serde_json::to_string(&"a\u{202e}b\u{9b}c\u{3000}").unwrap();
        let safe = escape_invisible(&json);
        assert_eq!(safe, "\"a\\u202eb\\u009bc\u{3000}\"");
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "a\u{202e}b\u{9b}c\u{3000}");
        assert!(matches!(escape_invisible("\u{1b}[31mred\u{1b}[0m"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_counts_columns_and_respects_char_boundaries() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("ab", 0), "…");
    }
}
