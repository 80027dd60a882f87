//! `common-words.txt`: common English words that are never taken for typos.

/// A sorted word list kept as one string with line offsets (cheap to load).
#[derive(Debug, Clone, Default)]
pub struct CommonWords {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl CommonWords {
    /// Reads the list: one word a line, `#` comments and blank lines skipped.
    pub fn parse(text: String) -> CommonWords {
        let list = Self::spans_of(text);
        if list
            .spans
            .iter()
            .any(|&s| list.word(s).chars().any(char::is_uppercase))
        {
            let lower: Vec<String> = list
                .spans
                .iter()
                .map(|&s| list.word(s).to_lowercase())
                .collect();
            return Self::sorted(Self::spans_of(lower.join("\n")));
        }
        Self::sorted(list)
    }

    fn spans_of(text: String) -> CommonWords {
        let mut spans = Vec::with_capacity(text.len() / 8);
        let bytes = text.as_bytes();
        let mut start = 0usize;
        while start < bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| start + p);
            let (mut a, mut b) = (start, end);
            while a < b && bytes[a].is_ascii_whitespace() {
                a += 1;
            }
            while b > a && bytes[b - 1].is_ascii_whitespace() {
                b -= 1;
            }
            if a < b && bytes[a] != b'#' {
                spans.push((a as u32, (b - a) as u32));
            }
            start = end + 1;
        }
        CommonWords { text, spans }
    }

    fn sorted(mut list: CommonWords) -> CommonWords {
        if !list
            .spans
            .windows(2)
            .all(|w| list.word(w[0]) <= list.word(w[1]))
        {
            let mut spans = std::mem::take(&mut list.spans);
            spans.sort_by(|a, b| list.word(*a).cmp(list.word(*b)));
            list.spans = spans;
        }
        list
    }

    fn word(&self, (start, len): (u32, u32)) -> &str {
        &self.text[start as usize..(start + len) as usize]
    }

    /// Whether `word` (folded) is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.spans
            .binary_search_by(|&s| self.word(s).cmp(word))
            .is_ok()
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_sorted_or_not() {
        let list = CommonWords::parse("# comment\nmake\nbetween\n\nStay\n".to_string());
        assert_eq!(list.len(), 3);
        for w in ["make", "between", "stay"] {
            assert!(list.contains(w), "{w}");
        }
        assert!(!list.contains("fierd"));
        assert!(!list.contains("# comment"));
    }
}
