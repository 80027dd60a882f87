//! Text normalization shared by the knowledge loader and the engine:
//! NFKC, case folding, quotes and punctuation, possessives, light stemming.

use unicode_normalization::UnicodeNormalization;

/// The 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let end = (0..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[..end].matches('\n').count() + 1
}

/// A message of several lines as one: its lines trimmed and joined with ": "
/// (a parser's "invalid table header\nexpected `.`, `]`" becomes
/// "invalid table header: expected `.`, `]`"), other control characters escaped.
pub fn one_line_message(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.chars()
                .flat_map(|c| {
                    let escaped: Vec<char> = if c.is_control() {
                        c.escape_default().collect()
                    } else {
                        vec![c]
                    };
                    escaped
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The word just before byte offset `at` of `text` (whitespace between them
/// skipped), with the offset where it starts: `(4, "the")` for offset 9 of
/// "see the\u{a0}Bank" (where "Bank" starts). `at` must be on a character
/// boundary.
pub fn word_before(text: &str, at: usize) -> (usize, &str) {
    let before = text[..at].trim_end_matches(char::is_whitespace);
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (from, &before[from..])
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// NFKC, lower case, straight quotes; control characters become spaces and
/// invisible ones (zero-width, bidi controls, variation selectors) are dropped,
/// so that "war\u{200B}ning" reads as "warning".
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // ASCII is its own NFKC form: only case, backticks and controls
        // change; most text has neither of the last two.
        let lower = s.to_ascii_lowercase();
        if !lower.bytes().any(|b| b == b'`' || b.is_ascii_control()) {
            return lower;
        }
        return lower
            .chars()
            .map(|c| match c {
                '`' => '\'',
                c if c.is_ascii_control() => ' ',
                c => c,
            })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    let already_nfkc =
        unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes;
    let chars: Box<dyn Iterator<Item = char>> = if already_nfkc {
        Box::new(s.chars())
    } else {
        Box::new(s.nfkc())
    };
    for c in chars {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if is_invisible(c) => {}
            c if c.is_control() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Characters that show nothing and join or reorder what is around them:
/// zero-width spaces and joiners, bidi marks, embeddings, overrides and
/// isolates, soft hyphens, variation selectors, Hangul fillers and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// A question as the engine reads it: invisible characters dropped, control
/// characters (newlines and tabs included) turned into spaces. Borrows when
/// there is nothing to change.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_invisible(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// True when `s` is mostly written in a script other than Latin: at least as
/// many of its words are mostly non-Latin letters (Hangul, Cyrillic, Han...)
/// as are mostly Latin, and there is one. Digits, punctuation and emoji do not count.
pub fn mostly_non_latin(s: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for word in s.split(|c: char| !c.is_alphabetic()) {
        let (l, o) = word.chars().fold((0usize, 0usize), |(l, o), c| {
            if is_latin(c) {
                (l + 1, o)
            } else {
                (l, o + 1)
            }
        });
        if o > l {
            other += 1;
        } else if l > 0 {
            latin += 1;
        }
    }
    other > 0 && other >= latin
}

/// Latin letters: ASCII, Latin-1, Latin Extended and their fullwidth forms.
fn is_latin(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{AA}' | '\u{BA}' | '\u{C0}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}'
        | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// Letters with their accents taken off ("hervé" -> "herve"), so that a
/// word typed without them matches.
pub(crate) fn without_accents(s: String) -> String {
    if s.is_ascii() {
        return s;
    }
    s.nfd()
        .filter(|c| !matches!(c, '\u{300}'..='\u{36F}'))
        .nfc()
        .collect()
}

/// The words of `s` after its first, as written: runs of letters and
/// digits. What stands capitalised there is written as a name.
pub fn later_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1)
}

/// Splits folded text into word tokens: letters and digits, with possessives
/// dropped, contractions and names joined at their apostrophe ("don't" ->
/// "dont", "O'Brien" -> "obrien"), thousands separators joined ("200,000" ->
/// "200000"), letter-digit hyphens joined ("k-3" -> "k3") and "8 am" joined
/// to "8am".
pub fn words(s: &str) -> Vec<String> {
    let folded = without_accents(fold(s));
    let text = folded.as_str();
    // Room for a word every four bytes: a question or sentence fills it
    // without growing it.
    let mut tokens: Vec<String> = Vec::with_capacity(text.len() / 4 + 1);
    // The word being read: its room is kept from word to word, and each word
    // copied out at its size (one allocation a word, none to grow it).
    let mut cur = String::with_capacity(32);
    let mut prev = ' ';
    let mut skip_to = 0;
    // Reading a dotted initialism ("U.S.A."): its letters join in one word.
    let mut initialism = false;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        if c.is_alphanumeric() {
            cur.push(c);
            prev = c;
            continue;
        }
        let after = &text[i + c.len_utf8()..];
        let next = after.chars().next().unwrap_or(' ');
        // "U.S." -> "us", "U.S.A." -> "usa", "a.m." -> "am": single letters
        // each with a stop, the next one a letter with a stop of its own.
        if c == '.' {
            let letter_next = next.is_alphabetic() && after[next.len_utf8()..].starts_with('.');
            let one_letter = {
                let mut chars = cur.chars();
                chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
            };
            if letter_next && (initialism || one_letter) {
                initialism = true;
                prev = c;
                continue;
            }
        }
        initialism = false;
        let joins_number = c == ',' && prev.is_ascii_digit() && next.is_ascii_digit();
        let joins_code =
            c == '-' && prev.is_alphanumeric() && next.is_ascii_digit() && cur.chars().count() <= 2;
        prev = c;
        if joins_number || joins_code {
            continue;
        }
        if c == '\'' && !cur.is_empty() {
            // Possessive or contraction: "world's" -> "world", "don't" -> "dont".
            let rest_len = after
                .find(|ch: char| !ch.is_alphanumeric())
                .unwrap_or(after.len());
            let rest = &after[..rest_len];
            if rest == "s" {
                skip_to = i + 1 + rest_len;
                continue;
            }
            if matches!(rest, "t" | "re" | "ve" | "ll" | "d" | "m") {
                cur.push_str(rest);
                skip_to = i + 1 + rest_len;
                continue;
            }
            // An apostrophe inside a name: "O'Brien" -> "obrien", "Nyong'o's" -> "nyongo".
            if next.is_alphabetic() {
                continue;
            }
        }
        if !cur.is_empty() {
            tokens.push(cur.as_str().into());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    join_clock_times(tokens)
}

/// "8 am" -> "8am": joins "am" and "pm" to a number before them, in place.
fn join_clock_times(mut tokens: Vec<String>) -> Vec<String> {
    let mut kept = 0;
    for i in 0..tokens.len() {
        if (tokens[i] == "am" || tokens[i] == "pm")
            && kept > 0
            && tokens[kept - 1].chars().all(|c| c.is_ascii_digit())
        {
            let t = std::mem::take(&mut tokens[i]);
            tokens[kept - 1].push_str(&t);
        } else {
            tokens.swap(kept, i);
            kept += 1;
        }
    }
    tokens.truncate(kept);
    tokens
}

/// Nouns that end in "s" but are no plural, and whose cut form is another
/// common word ("news" is not "new").
const SINGULAR_IN_S: [&str; 1] = ["news"];

/// A light English stemmer: conflates the inflections and agent nouns that
/// matter in questions (defected / defects / defector / defecting / defection -> "defect").
/// It is applied the same way to the knowledge and to questions, so its stems
/// need only be consistent, not dictionary words.
pub fn stem(word: &str) -> String {
    // An irregular verb form stems as its base: "began" as "begin".
    let w = irregular_base(word).unwrap_or(word);
    let n = w.chars().count();
    if n <= 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) || SINGULAR_IN_S.contains(&w) {
        return w.to_string();
    }
    let mut s = w.to_string();
    // Plurals and third person.
    if s.len() >= 5 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.ends_with("sses") {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
        && s.len() > 3
    {
        s.pop();
        if s.ends_with("xe") || s.ends_with("che") || s.ends_with("she") {
            s.pop();
        }
    }
    // Adverbs.
    if s.len() > 5 && s.ends_with("ly") {
        s.truncate(s.len() - 2);
    }
    // Past tense and participles.
    for suffix in ["ied", "ing", "ed"] {
        if s.len() > suffix.len() + 2 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            if suffix == "ied" {
                s.push('y');
            } else {
                s = undouble(s);
            }
            break;
        }
    }
    // Nouns of action and agent nouns.
    if s.len() > 6 {
        // "-ation" as "-at", "-tion" as "-t".
        if s.ends_with("tion") {
            s.truncate(s.len() - 3);
        } else if s.ends_with("ness") {
            s.truncate(s.len() - 4);
        }
    }
    if s.len() >= 7 && (s.ends_with("or") || s.ends_with("er")) {
        s.truncate(s.len() - 2);
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    if s.len() > 3 && s.ends_with('y') {
        s.pop();
        s.push('i');
    }
    s
}

/// The base that WordNet's verb exception list gives an irregular form
/// that is no word of its own ("began" -> "begin", "fled" -> "flee",
/// "came" -> "come"); `None` for other words, and for forms that are words
/// in their own right ("shot", "found", "left"), which stem as written.
fn irregular_base(word: &str) -> Option<&'static str> {
    type Forms = rustc_hash::FxHashMap<&'static str, &'static str>;
    static FORMS: std::sync::OnceLock<Forms> = std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            let db = factdesk_lexdb::Lexdb::get();
            db.irregular_verbs()
                .filter(|&(form, _)| !form.contains(' ') && db.lemma_id(form).is_none())
                .collect()
        })
        .get(word)
        .copied()
}

fn undouble(mut s: String) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !matches!(b[n - 1], b'l' | b's' | b'z')
        && !b"aeiou".contains(&b[n - 1])
    {
        s.pop();
    }
    s
}

/// Words that carry no content in a question (the question words themselves
/// are read separately, as cues).
pub fn is_stopword(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    // A word longer than every stopword is none: most content words, read
    // without hashing them.
    word.len() <= LONGEST_STOPWORD
        && SET
            .get_or_init(|| STOPWORDS.iter().copied().collect())
            .contains(word)
}

/// The length of the longest stopword, in bytes.
const LONGEST_STOPWORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < STOPWORDS.len() {
        if STOPWORDS[i].len() > longest {
            longest = STOPWORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// The stopwords, sorted (for binary search).
pub const STOPWORD_LIST: &[&str] = STOPWORDS;

const STOPWORDS: &[&str] = &[
    "a", "about", "above", "actually", "after", "again", "all", "also", "am", "an", "and", "any",
    "anyone", "anything", "are", "around", "as", "at", "be", "because", "been", "before", "being",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "during", "each",
    "either", "else", "even", "ever", "for", "from", "get", "got", "had", "has", "have", "having",
    "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "just", "know", "let", "like", "many", "me", "might", "more", "most", "much", "must", "my",
    "of", "on", "one", "only", "or", "other", "our", "out", "over", "please", "really", "said",
    "say", "says", "she", "should", "since", "so", "some", "such", "tell", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "thing", "this", "those", "to",
    "too", "until", "up", "us", "very", "was", "we", "were", "what", "whats", "when", "where",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_before_an_offset_skips_any_whitespace() {
        let text = "see the\u{a0}Bank";
        assert_eq!(word_before(text, text.find("Bank").unwrap()), (4, "the"));
        assert_eq!(word_before("Bank", 0), (0, ""));
        assert_eq!(word_before("a\u{a0}\u{a0}b", 5), (0, "a"));
        assert_eq!(word_before("x yé z", 6), (2, "yé"));
    }

    proptest::proptest! {
        /// ASCII text folds character by character: lower case, a backtick
        /// to an apostrophe, a control character to a space, the rest kept.
        #[test]
        fn ascii_text_folds_character_by_character(s in "[ -~\t\n\r\x00-\x1f\x7f`]{0,40}") {
            let one_by_one: String = s
                .chars()
                .map(|c| match c {
                    '`' => '\'',
                    c if c.is_ascii_control() => ' ',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            proptest::prop_assert_eq!(fold(&s), one_by_one);
        }
    }

    #[test]
    fn ascii_folding_maps_backticks_and_control_characters() {
        assert_eq!(fold("A`b\0C\td"), "a'b c d");
        assert_eq!(fold("\0"), " ");
        assert_eq!(fold("Plain Text"), "plain text");
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_fold_and_split() {
        assert_eq!(
            words("Pyongyang’s build-up"),
            vec!["pyongyang", "build", "up"]
        );
        assert_eq!(
            words("a K-3 machine gun"),
            vec!["a", "k3", "machine", "gun"]
        );
        assert_eq!(
            words("more than 200,000 victims"),
            vec!["more", "than", "200000", "victims"]
        );
        assert_eq!(
            words("just after 8 am on"),
            vec!["just", "after", "8am", "on"]
        );
        // Only after a number, each one once: "am" alone stays a word.
        assert_eq!(
            words("am I late, 8 am or 9 pm pm"),
            vec!["am", "i", "late", "8am", "or", "9pm", "pm"]
        );
        assert_eq!(words("WORLD'S “Most”"), vec!["world", "most"]);
        // An apostrophe inside a name joins it, as a contraction's does.
        assert_eq!(
            words("Lupita Nyong’o’s dress, O'Brien, rock 'n' roll, the 'fake' news"),
            vec!["lupita", "nyongo", "dress", "obrien", "rock", "n", "roll", "the", "fake", "news"]
        );
        // A dotted initialism is one word, as written without its stops.
        assert_eq!(
            words("the U.S. and U.S.A., at 8 a.m., J.K. Rowling, George W. Bush, Ch. 1.2."),
            vec![
                "the", "us", "and", "usa", "at", "8am", "jk", "rowling", "george", "w", "bush",
                "ch", "1", "2"
            ]
        );
        assert_eq!(words("ｆｕｌｌ\u{200B}width"), vec!["fullwidth"]);
        assert_eq!(words("full width"), vec!["full", "width"]);
    }

    #[test]
    fn invisible_characters_inside_words_are_dropped() {
        let plain = words("how many warning shots");
        for hidden in [
            "how many war\u{200B}ning shots",
            "how\u{200D} many warn\u{200C}ing sh\u{2060}ots\u{FEFF}",
            "\u{202E}how many warning shots\u{202C}",
            "\u{2067}how\u{2069} many warn\u{AD}ing shots",
        ] {
            assert_eq!(words(hidden), plain, "{hidden:?}");
        }
        assert_eq!(words("age?\u{0}\u{7}\tof"), vec!["age", "of"]);
    }

    #[test]
    fn clean_drops_invisibles_and_spaces_out_controls() {
        assert!(matches!(
            clean("plain words"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            clean("war\u{200B}ning\u{202E}\nshots\u{0}x"),
            "warning shots x"
        );
    }

    #[test]
    fn scripts_are_told_apart() {
        assert!(mostly_non_latin("북한 군인은 몇 살이었나요?"));
        assert!(mostly_non_latin("Сколько было выстрелов?"));
        assert!(mostly_non_latin("士兵多大了"));
        assert!(!mostly_non_latin("How old was the soldier?"));
        assert!(!mostly_non_latin("Pyongyang 평양 said what?"));
        assert!(mostly_non_latin("북한 WannaCry 해킹?"));
        assert!(mostly_non_latin("WannaCry 是什么"));
        assert!(!mostly_non_latin("¿Qué pasó en Panmunjom?"));
        assert!(!mostly_non_latin("😀 20 !!"));
        assert!(!mostly_non_latin(""));
    }

    #[test]
    fn each_suffix_rule_cuts_what_it_names() {
        for (word, stemmed) in [
            ("classes", "class"),
            ("boxes", "box"),
            ("churches", "church"),
            ("wishes", "wish"),
            ("happily", "happi"),
            ("studied", "studi"),
            ("stopped", "stop"),
            ("relations", "relat"),
            ("happiness", "happi"),
            ("directors", "direct"),
            ("flies", "fly"),
        ] {
            assert_eq!(stem(word), stemmed, "{word}");
        }
    }

    #[test]
    fn stems_conflate_inflections() {
        for w in [
            "defected",
            "defects",
            "defector",
            "defecting",
            "defection",
            "defect",
        ] {
            assert_eq!(stem(w), "defect", "{w}");
        }
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("fired"), stem("fire"));
        assert_eq!(stem("firing"), stem("fires"));
        assert_eq!(stem("investigated"), stem("investigation"));
        assert_eq!(stem("soldiers"), stem("soldier"));
        assert_eq!(stem("shots"), "shot");
        assert_eq!(stem("k3"), "k3");
        assert_ne!(stem("news"), stem("new"));
    }

    #[test]
    fn irregular_verb_forms_stem_as_their_base() {
        for (form, base) in [
            ("began", "begin"),
            ("begun", "begin"),
            ("came", "come"),
            ("fled", "flee"),
            ("went", "go"),
            ("fought", "fight"),
        ] {
            assert_eq!(stem(form), stem(base), "{form}");
        }
        // A form that is a word of its own stems as written: "a shot", "shots".
        assert_eq!(stem("shot"), stem("shots"));
        assert_ne!(stem("found"), stem("find"));
    }

    #[test]
    fn messages_are_made_one_line() {
        assert_eq!(
            one_line_message("invalid table header\nexpected `.`, `]`\n"),
            "invalid table header: expected `.`, `]`"
        );
        assert_eq!(one_line_message("a\r\n\n  b\u{0}c\u{85}"), "a: b\\u{0}c");
    }

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
