//! Splitting a paragraph into sentences, each one a verbatim (trimmed)
//! substring of the paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, with any closing quotes
//! and brackets after it, before whitespace and a word that can start a
//! sentence. It does not end inside brackets, at an abbreviation that always
//! has more after it ("Sen.", "Nov.", "e.g."), at the number of an inline
//! list ("1. Finland 2. Norway"), and ends at an abbreviation that may close a
//! sentence ("U.S.", "p.m.", "Inc.", an initial, an ellipsis) only when the
//! next word is one that starts sentences ("The", "He", "But") or a quote.

/// Abbreviations after which a sentence never ends: titles before a name,
/// and short forms before a number or a reference.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs",
    "lt", "gen", "col", "sgt", "capt", "maj", "cmdr", "adm", "cpl", "pvt", "rev", "hon", "pres",
    "supt", "det", "insp", "atty", "mt", "ft", "vs", "approx", "dept", "fig", "figs", "vol",
    "vols", "ch", "pp", "eq", "eds", "cf", "viz", "ca", "e.g", "i.e",
];

/// Abbreviations that may close a sentence: months (before a day, most
/// often), company and name suffixes, "etc.", street words.
const MAYBE_FINAL: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "al", "st", "ave", "rd", "blvd",
    "no", "nos",
];

/// Words that start sentences and seldom follow an abbreviation inside one
/// ("at 5 p.m. The storm" ends a sentence, "at 5 p.m. Monday" does not).
const STARTERS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "several",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "your",
];

/// How the word before a full stop bears on the end of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The stop ends the sentence.
    Ends,
    /// The stop belongs to an abbreviation that always has more after it.
    Never,
    /// The stop ends the sentence only if a sentence-starting word follows.
    Maybe,
}

/// Splits a paragraph into sentences, keeping each one verbatim.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let n = chars.len();
    let matched = matched_brackets(&chars);
    // Read only when a number ends a sentence.
    let mut markers: Option<std::collections::HashSet<usize>> = None;
    // Matched brackets open before each character.
    let mut depth = vec![0u32; n + 1];
    for (i, &(_, c)) in chars.iter().enumerate() {
        depth[i + 1] = match c {
            '(' | '[' if matched[i] => depth[i] + 1,
            ')' | ']' if matched[i] => depth[i].saturating_sub(1),
            _ => depth[i],
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        // Two stops, not three: an abbreviation's and the sentence's
        // ("Harry Connick, Jr.. Lopez returned"), which ends the sentence.
        let double_stop =
            c == '.' && i >= 2 && chars[i - 1].1 == '.' && chars[i - 2].1.is_alphanumeric();
        let ellipsis =
            !double_stop && (c == '\u{2026}' || (c == '.' && i > 0 && chars[i - 1].1 == '.'));
        if !matches!(c, '.' | '!' | '?' | '\u{2026}')
            || (c == '.' && chars.get(i + 1).is_some_and(|x| x.1 == '.'))
        {
            i += 1;
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut j = i + 1;
        let mut open = depth[i + 1];
        let mut quote_closed = false;
        while j < n {
            match chars[j].1 {
                '"' | '\'' | '\u{201D}' | '\u{2019}' => quote_closed = true,
                ')' | ']' if matched[j] => open = open.saturating_sub(1),
                ')' | ']' => {}
                _ => break,
            }
            j += 1;
        }
        let mut k = j;
        while k < n && chars[k].1.is_whitespace() {
            k += 1;
        }
        let next_word = next_word(&paragraph[chars.get(k).map_or(paragraph.len(), |x| x.0)..]);
        let breaks = open == 0
            && j < n
            && k > j
            && k < n
            && can_start(&chars[k..])
            && match (c, ellipsis) {
                _ if double_stop => true,
                (_, true) => starts_sentence(next_word) || quote_closed,
                ('.', false) => {
                    let before = word_before(&paragraph[chars[start].0..chars[i].0]);
                    let numbered = before.bytes().all(|b| b.is_ascii_digit())
                        && markers
                            .get_or_insert_with(|| list_markers(paragraph))
                            .contains(&chars[i].0);
                    match stop_after(before, next_word) {
                        _ if numbered => false,
                        Stop::Ends => true,
                        Stop::Never => false,
                        Stop::Maybe => starts_sentence(next_word) || quote_closed,
                    }
                }
                _ => true,
            };
        if breaks {
            let sentence = paragraph[chars[start].0..chars[j].0].trim();
            if !sentence.is_empty() {
                out.push(sentence.to_string());
            }
            start = k;
            i = k;
            continue;
        }
        i += 1;
    }
    let last = paragraph[chars.get(start).map_or(paragraph.len(), |x| x.0)..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// For each character, whether it is a bracket with a partner: `(`/`)` and
/// `[`/`]` paired innermost first. An unpaired bracket ("1) first") does not
/// hold sentences together.
fn matched_brackets(chars: &[(usize, char)]) -> Vec<bool> {
    let mut matched = vec![false; chars.len()];
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '(' | '[' => stack.push((i, c)),
            ')' | ']' => {
                let want = if c == ')' { '(' } else { '[' };
                if let Some(pos) = stack.iter().rposition(|&(_, o)| o == want) {
                    matched[stack[pos].0] = true;
                    matched[i] = true;
                    stack.truncate(pos);
                }
            }
            _ => {}
        }
    }
    matched
}

/// Whether the text at a position can begin a sentence: a capital letter, a
/// digit, an opening quote, or a bracket before one of those.
fn can_start(rest: &[(usize, char)]) -> bool {
    match rest.first().map(|x| x.1) {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '\u{201C}' | '\u{2018}' | '\'') => true,
        Some('(' | '[') => rest
            .get(1)
            .is_some_and(|x| x.1.is_uppercase() || x.1.is_ascii_digit()),
        _ => false,
    }
}

/// The word a text starts with, without quotes or brackets around it.
fn next_word(rest: &str) -> &str {
    rest.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// The last word of a text, without the quotes or brackets that open it.
fn word_before(text: &str) -> &str {
    text.rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a word usually starts a sentence rather than continues one.
fn starts_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && STARTERS.contains(&word.to_lowercase().as_str())
}

/// What a full stop after `word` means, given the word after it.
fn stop_after(word: &str, next: &str) -> Stop {
    if word.is_empty() {
        return Stop::Ends;
    }
    let lower = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return Stop::Never;
    }
    if matches!(lower.as_str(), "no" | "nos") && next.starts_with(|c: char| c.is_ascii_digit()) {
        return Stop::Never;
    }
    if MAYBE_FINAL.contains(&lower.as_str()) {
        return Stop::Maybe;
    }
    // A lone letter: an initial ("George W. Bush"), "c. 1500", "13.76 h. The".
    if letters == 1 && word.chars().count() == 1 {
        return Stop::Maybe;
    }
    // Initialisms: "U.S", "a.m", "D.C", "Ph.D".
    let initialism = word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    if initialism {
        return Stop::Maybe;
    }
    Stop::Ends
}

/// Byte positions of the full stops of inline numbered lists
/// (`as follows: 1. Finland 2. Norway 3. Iceland`): a number alone before a
/// stop and a capitalised word, in a run from one, counting up, of at least two.
fn list_markers(paragraph: &str) -> std::collections::HashSet<usize> {
    let mut candidates: Vec<(usize, u32)> = Vec::new();
    let mut tokens = paragraph
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - paragraph.as_ptr() as usize, t))
        .peekable();
    while let Some((at, token)) = tokens.next() {
        let Some(number) = token.strip_suffix('.') else {
            continue;
        };
        let capital_next = tokens
            .peek()
            .is_some_and(|(_, t)| t.starts_with(char::is_uppercase));
        if capital_next && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
            if let Ok(value) = number.parse::<u32>() {
                candidates.push((at + number.len(), value));
            }
        }
    }
    let mut markers = std::collections::HashSet::new();
    for (i, &(_, value)) in candidates.iter().enumerate() {
        if value != 1 {
            continue;
        }
        let mut run = vec![candidates[i].0];
        let mut want = 2;
        for &(at, v) in &candidates[i + 1..] {
            if v == want {
                run.push(at);
                want += 1;
            }
        }
        if run.len() >= 2 {
            markers.extend(run);
        }
    }
    markers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraph: &str, want: &[&str]) {
        let got = split_sentences(paragraph);
        assert_eq!(got, want, "{paragraph}");
        for s in &got {
            assert!(paragraph.contains(s.as_str()), "{s:?} is verbatim");
        }
    }

    #[test]
    fn splits_sentences_around_abbreviations() {
        check(
            "In this Nov. 27, 2017, file photo, soldiers look. The U.S. blamed it. \"We deny it,\" he said. Done",
            &[
                "In this Nov. 27, 2017, file photo, soldiers look.",
                "The U.S. blamed it.",
                "\"We deny it,\" he said.",
                "Done",
            ],
        );
    }

    #[test]
    fn an_abbreviations_stop_and_the_sentences_end_it() {
        check(
            "He was joined by former mentor Harry Connick, Jr.. Lopez and Urban returned. Then... Nothing.",
            &[
                "He was joined by former mentor Harry Connick, Jr..",
                "Lopez and Urban returned.",
                "Then... Nothing.",
            ],
        );
    }

    #[test]
    fn citations_and_brackets() {
        check(
            "Proofs are hard (Goldreich 2008, Chapter 1.2). This one is easy.",
            &[
                "Proofs are hard (Goldreich 2008, Chapter 1.2).",
                "This one is easy.",
            ],
        );
        check(
            "The test (see Sect. 2. Also the appendix. It has more) is short. Next one.",
            &[
                "The test (see Sect. 2. Also the appendix. It has more) is short.",
                "Next one.",
            ],
        );
        check(
            "Values rose [as noted. Above all in May] last year. Then fell.",
            &[
                "Values rose [as noted. Above all in May] last year.",
                "Then fell.",
            ],
        );
        check(
            "(The figures were revised.) The total is 12.",
            &["(The figures were revised.)", "The total is 12."],
        );
        // An unpaired bracket holds nothing together.
        check(
            "Step 1) mix it. Then bake it.",
            &["Step 1) mix it.", "Then bake it."],
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        check(
            "Sen. Ben Sasse, Rep. Ilhan Omar and Gov. Maria Delgado met Lt. Gen. Paul Ryan and Prof. Ann Lee. They talked.",
            &[
                "Sen. Ben Sasse, Rep. Ilhan Omar and Gov. Maria Delgado met Lt. Gen. Paul Ryan and Prof. Ann Lee.",
                "They talked.",
            ],
        );
        check(
            "They drove from St. Louis to Mt. Hood and Ft. Worth. It took No. 1 seed Texas a week.",
            &[
                "They drove from St. Louis to Mt. Hood and Ft. Worth.",
                "It took No. 1 seed Texas a week.",
            ],
        );
        check(
            "The answer was no. Then he left.",
            &["The answer was no.", "Then he left."],
        );
    }

    #[test]
    fn months_and_country_initials() {
        check(
            "The vote is on Dec. 12 in the U.K. and Sept. 3 in the U.S. The polls open early.",
            &[
                "The vote is on Dec. 12 in the U.K. and Sept. 3 in the U.S.",
                "The polls open early.",
            ],
        );
        check(
            "U.S. President Donald Trump praised the U.S. Army. He lives in Washington, D.C. But not for long.",
            &[
                "U.S. President Donald Trump praised the U.S. Army.",
                "He lives in Washington, D.C.",
                "But not for long.",
            ],
        );
    }

    #[test]
    fn clock_times() {
        check(
            "The advisory came at 5 p.m. Monday and another at 11 a.m. Tuesday.",
            &["The advisory came at 5 p.m. Monday and another at 11 a.m. Tuesday."],
        );
        check(
            "The eye passed at 5 p.m. The storm then weakened.",
            &["The eye passed at 5 p.m.", "The storm then weakened."],
        );
        check(
            "It closed at 9 a.m. ET. It reopened at noon.",
            &["It closed at 9 a.m. ET.", "It reopened at noon."],
        );
    }

    #[test]
    fn initials() {
        check(
            "J. R. R. Tolkien wrote it. George W. Bush read it. Franklin D. Roosevelt did not.",
            &[
                "J. R. R. Tolkien wrote it.",
                "George W. Bush read it.",
                "Franklin D. Roosevelt did not.",
            ],
        );
        check(
            "It matches the Xbox One S. That revision was better.",
            &["It matches the Xbox One S.", "That revision was better."],
        );
        check(
            "It was built c. 1500 and lasts 13.76 h. The rest decays.",
            &[
                "It was built c. 1500 and lasts 13.76 h.",
                "The rest decays.",
            ],
        );
        check(
            "The W.M. Keck Observatory saw it.",
            &["The W.M. Keck Observatory saw it."],
        );
    }

    #[test]
    fn decimals_versions_and_percentages() {
        check(
            "Version v2.1 is 3.5 times faster. Shares closed at $185.25, up 0.35%. The index fell.",
            &[
                "Version v2.1 is 3.5 times faster.",
                "Shares closed at $185.25, up 0.35%.",
                "The index fell.",
            ],
        );
        check(
            "The bill passed in 2008. In 2009 it was repealed.",
            &["The bill passed in 2008.", "In 2009 it was repealed."],
        );
    }

    #[test]
    fn ellipses() {
        check(
            "He paused... then went on. \"We will fight \u{2026} and win.\"",
            &[
                "He paused... then went on.",
                "\"We will fight \u{2026} and win.\"",
            ],
        );
        check(
            "It was the variety of life forms... The term spread.",
            &["It was the variety of life forms...", "The term spread."],
        );
        check(
            "The deal \u{2026} Officials declined to comment.",
            &["The deal \u{2026} Officials declined to comment."],
        );
    }

    #[test]
    fn latin_abbreviations_mid_sentence() {
        check(
            "Some metals, e.g. Zinc and Copper, i.e. Base Metals, etc. are cheap. Gold is not.",
            &[
                "Some metals, e.g. Zinc and Copper, i.e. Base Metals, etc. are cheap.",
                "Gold is not.",
            ],
        );
        check(
            "They sold fruit, nuts, etc. The stall closed.",
            &["They sold fruit, nuts, etc.", "The stall closed."],
        );
        check(
            "Shares of Oxley Inc. rose after the deal went to Acme Co. The company said so.",
            &[
                "Shares of Oxley Inc. rose after the deal went to Acme Co.",
                "The company said so.",
            ],
        );
    }

    #[test]
    fn inline_numbered_lists() {
        check(
            "The rankings were as follows: 1. Finland 2. Norway 3. Iceland 4. Spain. The list is new.",
            &[
                "The rankings were as follows: 1. Finland 2. Norway 3. Iceland 4. Spain.",
                "The list is new.",
            ],
        );
        // A lone number at the end of a sentence is no list.
        check(
            "The score was 3. Then it was 4. After that, it rained.",
            &[
                "The score was 3.",
                "Then it was 4.",
                "After that, it rained.",
            ],
        );
    }

    #[test]
    fn quotes_end_sentences() {
        check(
            "\"We will rebuild. It will take years,\" the mayor said. Work starts Monday.",
            &[
                "\"We will rebuild.",
                "It will take years,\" the mayor said.",
                "Work starts Monday.",
            ],
        );
        check(
            "\u{201C}Amazing,\u{201D} Davis said. \u{201C}I loved it.\u{201D} He left. \"Why?\" she asked.",
            &[
                "\u{201C}Amazing,\u{201D} Davis said.",
                "\u{201C}I loved it.\u{201D}",
                "He left.",
                "\"Why?\" she asked.",
            ],
        );
        check(
            "He called it a \"crisis.\" Cruz called it a \"profound indictment of the system.\"",
            &[
                "He called it a \"crisis.\"",
                "Cruz called it a \"profound indictment of the system.\"",
            ],
        );
    }

    #[test]
    fn splitting_is_total_and_verbatim() {
        for p in [
            "",
            "   ",
            "...",
            "a. b. c.",
            "(unclosed. Text. Here",
            "Closed) too. Yes.",
            "1. 2. 3.",
            "\u{2026}\u{2026} \u{201C}\u{201D}",
        ] {
            for s in split_sentences(p) {
                assert!(!s.is_empty() && p.contains(s.as_str()), "{p:?}: {s:?}");
            }
        }
    }
}
