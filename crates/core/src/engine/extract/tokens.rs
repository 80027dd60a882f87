//! A sentence as tokens: byte ranges into its text, each with a folded form
//! (lower case, possessive and abbreviation dot dropped, thousands
//! separators and apostrophes removed) kept in one shared buffer.

use std::borrow::Cow;

use super::lexicon::Words;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Starts with a letter: "soldier", "K-3", "U.S.", "don't".
    Word,
    /// Starts with a digit: "20", "200,000", "3.5", "8am", "1990s", "19-year-old".
    Num,
    /// One other character: "$", "%", ",", "(".
    Punct,
}

/// One token of a text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// Byte range in the text ([`Toks::start`], [`Toks::end`]).
    start: u32,
    end: u32,
    pub kind: Kind,
    /// Begins with an upper-case letter.
    pub cap: bool,
    /// At least two letters, all upper case (an acronym: "NASA", "DMZ").
    pub caps: bool,
    /// Range of the folded form in [`Toks::folded`]'s buffer.
    norm: (u32, u32),
}

/// The tokens of a text.
pub(super) struct Toks<'s> {
    pub text: &'s str,
    pub toks: Cow<'s, [Tok]>,
    buf: Cow<'s, str>,
}

/// The tokens of a sentence kept beside the index ([`Toks::keep`]), so that
/// answering from it does not split it again.
#[derive(Clone, Debug, Default)]
pub(super) struct KeptToks {
    toks: Box<[Tok]>,
    buf: Box<str>,
}

/// Abbreviations whose dot belongs to the word ("Nov.", "Dr.", "Inc.").
#[rustfmt::skip]
const ABBREVIATIONS: Words = Words::new(&[
    "apr", "aug", "capt", "co", "col", "corp", "dec", "dr", "etc", "feb", "fig", "fri", "ft",
    "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mon", "mr", "mrs", "ms",
    "mt", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "thu",
    "tue", "vs", "wed",
]);

impl<'s> Toks<'s> {
    /// Splits `text` into tokens.
    pub fn new(text: &'s str) -> Toks<'s> {
        let mut toks = Vec::with_capacity(text.len() / 5 + 4);
        let mut buf = String::with_capacity(text.len() + 8);
        let bytes = text.as_bytes();
        let char_at = |i: usize| text[i..].chars().next();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = char_at(i) else { break };
            if c.is_whitespace() || crate::text::is_invisible(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                push(&mut toks, &mut buf, text, start, i, Kind::Punct);
                continue;
            }
            // A run of letters and digits, joined across , . : / - ' & when
            // they sit inside a number, an initialism, a compound or a contraction.
            let mut seg_start = i;
            loop {
                while let Some(c) = char_at(i).filter(|&c| c.is_alphanumeric() || is_mark(c)) {
                    i += c.len_utf8();
                }
                let Some(j) = char_at(i) else { break };
                let after = i + j.len_utf8();
                let Some(n) = char_at(after).filter(|n| n.is_alphanumeric()) else {
                    break;
                };
                let p = text[..i].chars().next_back().unwrap_or(' ');
                let joins = match j {
                    ',' => {
                        p.is_ascii_digit()
                            && bytes.len() >= after + 3
                            && bytes[after..after + 3].iter().all(u8::is_ascii_digit)
                            && !bytes.get(after + 3).is_some_and(u8::is_ascii_digit)
                    }
                    '.' => {
                        // "U.S.", "e.g.", and "Ph.D." (two letters, then one).
                        (p.is_ascii_digit() && n.is_ascii_digit())
                            || (p.is_alphabetic()
                                && n.is_alphabetic()
                                && (text[seg_start..i].chars().count() == 1
                                    || (text[seg_start..i].chars().count() == 2
                                        && char_at(after + n.len_utf8()) == Some('.')))
                                && !char_at(after + n.len_utf8())
                                    .is_some_and(char::is_alphanumeric))
                    }
                    ':' => p.is_ascii_digit() && n.is_ascii_digit(),
                    // "9/11", "mg/kg", "and/or".
                    '/' => p.is_ascii_alphanumeric() && n.is_ascii_alphanumeric(),
                    '-' | '\u{2010}' | '\u{2011}' => true,
                    // "1990–1995"; "Zermelo–Fraenkel", "Wheeler–Feynman".
                    '\u{2013}' => {
                        (p.is_ascii_digit() && n.is_ascii_digit())
                            || (p.is_alphabetic() && n.is_uppercase())
                    }
                    '\'' | '\u{2019}' => p.is_alphabetic() && n.is_alphabetic(),
                    '&' => p.is_ascii_uppercase() && n.is_ascii_uppercase(),
                    _ => false,
                };
                if !joins {
                    break;
                }
                i = after;
                seg_start = after;
            }
            // The dot of an abbreviation or initialism belongs to it.
            if bytes.get(i) == Some(&b'.') {
                let w = &text[start..i];
                let single = w.chars().count() == 1 && c.is_alphabetic();
                if single
                    || (w.contains('.') && !c.is_ascii_digit())
                    || ABBREVIATIONS.0.iter().any(|a| a.eq_ignore_ascii_case(w))
                {
                    i += 1;
                }
            }
            let kind = if c.is_numeric() {
                Kind::Num
            } else {
                Kind::Word
            };
            push(&mut toks, &mut buf, text, start, i, kind);
        }
        country_not_pronoun(&mut toks, &mut buf);
        Toks {
            text,
            toks: Cow::Owned(toks),
            buf: Cow::Owned(buf),
        }
    }

    /// These tokens, kept to be read back with [`Toks::kept`].
    pub fn keep(&self) -> KeptToks {
        KeptToks {
            toks: self.toks.iter().copied().collect(),
            buf: self.buf.as_ref().into(),
        }
    }

    /// The tokens of `text` that [`Toks::keep`] kept when `text` was split.
    pub fn kept(text: &'s str, kept: &'s KeptToks) -> Toks<'s> {
        Toks {
            text,
            toks: Cow::Borrowed(&kept.toks),
            buf: Cow::Borrowed(&kept.buf),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Where token `i` starts in the text (a byte offset).
    pub fn start(&self, i: usize) -> usize {
        self.toks[i].start as usize
    }

    /// Where token `i` ends in the text (a byte offset).
    pub fn end(&self, i: usize) -> usize {
        self.toks[i].end as usize
    }

    /// The token's text as written.
    pub fn raw(&self, i: usize) -> &'s str {
        &self.text[self.start(i)..self.end(i)]
    }

    /// The token's folded form: "Pyongyang’s" -> "pyongyang", "200,000" ->
    /// "200000", "Nov." -> "nov", "don't" -> "dont", "U.S." -> "u.s".
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].norm;
        &self.buf[a as usize..b as usize]
    }

    /// Whether token `i` is a word or number.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind != Kind::Punct
    }

    /// Whether token `i` is a double quotation mark, straight or curly.
    pub fn is_quote_mark(&self, i: usize) -> bool {
        matches!(self.raw(i), "\"" | "\u{201C}" | "\u{201D}")
    }

    /// Whether token `i` is punctuation equal to `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks[i].kind == Kind::Punct && self.raw(i).starts_with(c)
    }

    /// Whether the folded form of token `i` is one of `words`.
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.norm(i))
    }

    /// Byte end of the token without a possessive "'s" or "’" ending.
    pub fn end_without_possessive(&self, i: usize) -> usize {
        let raw = self.raw(i);
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(stem) = raw.strip_suffix(suffix) {
                if !stem.is_empty() {
                    return self.start(i) + stem.len();
                }
            }
        }
        self.end(i)
    }

    /// Whether token `i` ends with a possessive.
    pub fn is_possessive(&self, i: usize) -> bool {
        self.end_without_possessive(i) != self.end(i)
    }

    /// Number of word tokens in `a..b`.
    pub fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.is_word(i)).count()
    }
}

/// Combining marks, which belong to the letter before them ("Толсто́й").
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5C7}'
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{900}'..='\u{903}'
        | '\u{93A}'..='\u{94F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Folds "US" in capitals, among words that are not, as "U.S." folds: it
/// is the country ("the US allegations"), not the pronoun "us" that a text
/// in capitals writes so ("TELL US").
fn country_not_pronoun(toks: &mut [Tok], buf: &mut String) {
    let word = |t: &Tok| t.kind == Kind::Word;
    for i in 0..toks.len() {
        let t = toks[i];
        if !(t.caps && word(&t) && &buf[t.norm.0 as usize..t.norm.1 as usize] == "us") {
            continue;
        }
        let shouting = |j: Option<usize>| {
            j.and_then(|j| toks.get(j))
                .is_some_and(|n| word(n) && n.caps)
        };
        if shouting(i.checked_sub(1)) || shouting(Some(i + 1)) {
            continue;
        }
        let a = buf.len();
        buf.push_str("u.s");
        toks[i].norm = (a as u32, buf.len() as u32);
    }
}

fn push(toks: &mut Vec<Tok>, buf: &mut String, text: &str, start: usize, end: usize, kind: Kind) {
    let raw = &text[start..end];
    let a = buf.len();
    if kind == Kind::Punct {
        buf.push_str(raw);
    } else {
        let mut body = raw;
        for suffix in ["'s", "\u{2019}s"] {
            if let Some(stem) = body.strip_suffix(suffix) {
                body = stem;
            }
        }
        body = body.strip_suffix('.').unwrap_or(body);
        for c in body.chars() {
            match c {
                '\'' | '\u{2019}' => {}
                ',' if kind == Kind::Num => {}
                '\u{2010}' | '\u{2011}' | '\u{2013}' => buf.push('-'),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let first = raw.chars().next().unwrap_or(' ');
    let cap = first.is_uppercase();
    let caps = cap
        && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(|c| !c.is_lowercase());
    toks.push(Tok {
        start: start as u32,
        end: end as u32,
        kind,
        cap,
        caps,
        norm: (a as u32, buf.len() as u32),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<(&str, String)> {
        let t = Toks::new(s);
        (0..t.len())
            .map(|i| (t.raw(i), t.norm(i).to_string()))
            .collect()
    }

    #[test]
    fn numbers_initialisms_and_compounds_hold_together() {
        let got = split(
            "On Nov. 27, 2017, the U.S. paid $9.5 billion (3.5%) for 200,000 K-3 guns at 8:30am.",
        );
        let raws: Vec<&str> = got.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            raws,
            [
                "On", "Nov.", "27", ",", "2017", ",", "the", "U.S.", "paid", "$", "9.5", "billion",
                "(", "3.5", "%", ")", "for", "200,000", "K-3", "guns", "at", "8:30am", "."
            ]
        );
        assert_eq!(got[1].1, "nov");
        assert_eq!(got[7].1, "u.s");
        assert_eq!(got[17].1, "200000");
        assert_eq!(got[18].1, "k-3");
    }

    /// An en dash joins a range of numbers and a compound of names, not
    /// words set apart by it.
    #[test]
    fn an_en_dash_joins_ranges_and_names() {
        let raws =
            |s: &str| -> Vec<String> { split(s).into_iter().map(|(r, _)| r.to_string()).collect() };
        assert_eq!(raws("In 1990\u{2013}1995"), ["In", "1990\u{2013}1995"]);
        assert_eq!(
            raws("the Zermelo\u{2013}Fraenkel approach"),
            ["the", "Zermelo\u{2013}Fraenkel", "approach"]
        );
        assert_eq!(split("Zermelo\u{2013}Fraenkel")[0].1, "zermelo-fraenkel");
        assert_eq!(
            raws("a dash\u{2013}then"),
            ["a", "dash", "\u{2013}", "then"]
        );
    }

    #[test]
    fn us_in_capitals_is_the_country() {
        // The country among words in lower case; the pronoun in lower case
        // or in a text written in capitals.
        for (text, at, folded) in [
            ("The US blamed North Korea.", 1, "u.s"),
            ("What did North Korea call the US allegations?", 6, "u.s"),
            ("Tell us more.", 1, "us"),
            ("TELL US MORE.", 1, "us"),
        ] {
            assert_eq!(split(text)[at].1, folded, "{text}");
        }
    }

    #[test]
    fn possessives_and_contractions_fold() {
        let got = split("Pyongyang’s build-up didn't stop the world's 1,900-mile-wide plan.");
        assert_eq!(got[0], ("Pyongyang’s", "pyongyang".to_string()));
        assert_eq!(got[1].1, "build-up");
        assert_eq!(got[2].1, "didnt");
        assert_eq!(got[5].1, "world");
        assert_eq!(got[6], ("1,900-mile-wide", "1900-mile-wide".to_string()));
        let t = Toks::new("Pyongyang’s build-up");
        assert_eq!(&t.text[..t.end_without_possessive(0)], "Pyongyang");
    }

    #[test]
    fn sentence_final_dots_stay_apart() {
        let got = split("He left in 2017. Then 20 fled.");
        assert_eq!(got[3].0, "2017");
        assert_eq!(got[4].0, ".");
        let got = split("It was founded by Apple Inc.");
        assert_eq!(got.last().unwrap().0, "Inc.");
    }

    #[test]
    fn acronyms_and_capitals_are_flagged() {
        let t = Toks::new("NASA and Tim saw a K-3");
        assert!(t.toks[0].caps && t.toks[0].cap);
        assert!(!t.toks[2].caps && t.toks[2].cap);
        assert!(!t.toks[3].cap);
    }
}
