//! Text helpers for Discord markdown: escaping, one-lining, truncation on
//! character boundaries. Pure functions, no Discord types.

/// The mark appended to text that was cut to fit a limit.
pub const ELLIPSIS: char = '…';

/// Escapes Discord markdown so that `text` shows exactly as typed: no bold,
/// italics, strikethrough, spoilers, code, masked links, mentions, custom
/// emojis, and at the start of a line no heading, list or block quote.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // Only spaces since the start of the line: block markers count here.
    let mut line_start = true;
    // Only digits (and spaces) since the start of the line: "1." is a list.
    let mut digits_at_line_start = true;
    for c in text.chars() {
        let escaped = match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '@' => true,
            '#' | '-' | '+' | '>' => line_start,
            '.' | ')' => digits_at_line_start && !line_start,
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
        line_start = match c {
            '\n' => true,
            ' ' | '\t' => line_start,
            _ => false,
        };
        digits_at_line_start = match c {
            '\n' => true,
            '0'..='9' | ' ' | '\t' => digits_at_line_start,
            _ => false,
        };
    }
    out
}

/// Collapses every run of whitespace (newlines included) into one space and trims.
pub use factdesk_core::text::squash_whitespace as one_line;

/// Cuts `text` to at most `max` characters (never inside a character),
/// marking a cut with [`ELLIPSIS`].
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    // A trailing backslash would escape the ellipsis; drop it.
    if out.ends_with('\\') {
        out.pop();
    }
    out.push(ELLIPSIS);
    out
}

/// Number of characters, the unit of Discord's limits.
pub fn len(text: &str) -> usize {
    text.chars().count()
}

/// `text` as a markdown block quote, escaped, one `> ` per line.
pub fn block_quote(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_mentions() {
        assert_eq!(
            escape("**bold** _it_ `code` ~~s~~"),
            r"\*\*bold\*\* \_it\_ \`code\` \~\~s\~\~"
        );
        assert_eq!(escape("@everyone <@123>"), r"\@everyone \<\@123>");
        assert_eq!(escape("[x](http://a)"), r"\[x\](http://a)");
        assert_eq!(escape(r"||spoiler|| a\b"), r"\|\|spoiler\|\| a\\b");
    }

    #[test]
    fn escapes_block_markers_at_line_start_only() {
        assert_eq!(
            escape("# title\n> quote\n - item\n-# small"),
            "\\# title\n\\> quote\n \\- item\n\\-# small"
        );
        assert_eq!(escape("front-line a > b #1 +2"), "front-line a > b #1 +2");
    }

    #[test]
    fn escapes_ordered_lists_but_not_decimals() {
        assert_eq!(escape("1. first"), r"1\. first");
        assert_eq!(escape("2) second"), r"2\) second");
        assert_eq!(escape("it is 3.5 km (about)"), "it is 3.5 km (about)");
        assert_eq!(escape("a\n12. b"), "a\n12\\. b");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  a\n\nb \t c  "), "a b c");
    }

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate("héllo", 10), "héllo");
        assert_eq!(truncate("héllo wörld", 5), "héll…");
        assert_eq!(len(&truncate(&"é".repeat(300), 256)), 256);
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate(r"ab\cd", 4), "ab…");
    }

    #[test]
    fn block_quote_prefixes_each_line() {
        assert_eq!(block_quote("one\n\n two *x*"), "> one\n> two \\*x\\*");
    }
}
