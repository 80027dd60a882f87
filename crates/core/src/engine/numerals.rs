//! Small numbers written in words and in digits are the same number: a
//! question asking about "season 11" matches a sentence writing "season
//! eleven", one asking "how many of the four" matches "4".

use super::contradiction::{spelled, spelled_value};

/// The smallest number given its other form: "one" is too often a pronoun.
const SMALLEST: usize = 2;

/// The other form of a small number (two to twenty): "11" for "eleven",
/// "eleven" for "11"; `None` for any other word.
pub fn other_form(word: &str) -> Option<String> {
    match spelled_value(word) {
        Some(n) => (n >= SMALLEST).then(|| n.to_string()),
        None => digits_value(word).map(|n| spelled(n).to_string()),
    }
}

/// The value of a number written in one or two digits, from two to twenty
/// ("07" is a code, not a number).
fn digits_value(w: &str) -> Option<usize> {
    if w.is_empty() || w.len() > 2 || w.starts_with('0') || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|n| (SMALLEST..=20).contains(n))
}

#[cfg(test)]
mod tests {
    use super::other_form;

    #[test]
    fn a_small_number_has_its_other_form() {
        assert_eq!(other_form("eleven").as_deref(), Some("11"));
        assert_eq!(other_form("20").as_deref(), Some("twenty"));
        assert_eq!(other_form("2").as_deref(), Some("two"));
    }

    #[test]
    fn one_large_numbers_codes_and_words_have_none() {
        for w in ["one", "1", "21", "100", "07", "", "season", "thirty"] {
            assert_eq!(other_form(w), None, "{w}");
        }
    }
}
