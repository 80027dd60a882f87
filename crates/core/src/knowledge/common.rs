//! `common-words.txt`: common English words that are never taken for typos.

/// A word list kept as one string with line offsets (cheap to load), and
/// an open-addressing table of those offsets by the words' hashes.
#[derive(Debug, Clone, Default)]
pub struct CommonWords {
    text: String,
    spans: Vec<(u32, u32)>,
    /// One more than an index into `spans`, at its hash's first free slot
    /// from there on; 0 for an empty slot. Twice as many slots as words,
    /// a power of two.
    slots: Vec<u32>,
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
            return Self::hashed(Self::spans_of(lower.join("\n")));
        }
        Self::hashed(list)
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
        CommonWords {
            text,
            spans,
            slots: Vec::new(),
        }
    }

    fn hashed(mut list: CommonWords) -> CommonWords {
        let size = (list.spans.len() * 2).next_power_of_two();
        let mut slots = vec![0u32; size];
        for (i, &span) in list.spans.iter().enumerate() {
            let mut at = slot_of(list.word(span), size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        list.slots = slots;
        list
    }

    fn word(&self, (start, len): (u32, u32)) -> &str {
        &self.text[start as usize..(start + len) as usize]
    }

    /// Whether `word` (folded) is on the list.
    pub fn contains(&self, word: &str) -> bool {
        let size = self.slots.len();
        if size == 0 {
            return false;
        }
        let mut at = slot_of(word, size);
        loop {
            match self.slots[at] {
                0 => return false,
                i if self.word(self.spans[i as usize - 1]) == word => return true,
                _ => at = (at + 1) & (size - 1),
            }
        }
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

/// Where `word`'s probe starts in a table of `size` slots (a power of two).
fn slot_of(word: &str, size: usize) -> usize {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    h.finish() as usize & (size - 1)
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
        assert!(!CommonWords::default().contains("make"));
        assert!(!CommonWords::parse(String::new()).contains(""));
    }

    #[test]
    fn every_word_of_a_long_list_is_found_and_no_other() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let list = CommonWords::parse(words.join("\n"));
        assert_eq!(list.len(), 5000);
        assert!(words.iter().all(|w| list.contains(w)));
        assert!((5000..10000).all(|i| !list.contains(&format!("w{i}"))));
    }
}
