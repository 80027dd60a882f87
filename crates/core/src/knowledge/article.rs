//! Building an article from its verbatim text: title, paragraphs, sentences,
//! photo captions and each sentence's attribution, all by rule, no hand work.

use crate::text;

/// Where a sentence stands in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The first line.
    Headline,
    /// A photo caption (repeated captions are kept once).
    Caption,
    /// Body paragraph `n` (1-based).
    Body(u32),
}

/// One sentence of an article, verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The text exactly as the article prints it (ends trimmed).
    pub text: String,
    /// Who, in the article, said it; `None` when the article says it in its own voice.
    pub attribution: Option<String>,
    /// Where it stands.
    pub place: Place,
}

impl Sentence {
    /// The body paragraph number, if the sentence is in the body.
    pub fn paragraph(&self) -> Option<u32> {
        match self.place {
            Place::Body(n) => Some(n),
            _ => None,
        }
    }
}

/// What is known of an article beyond its text: from its curated layer, or
/// from the page it was taken from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    /// A one-line summary.
    pub summary: Option<String>,
    /// The sentence the summary rests on (by default the lead: the first body sentence).
    pub summary_sentence: usize,
    /// The outlet that published it, when known (the text may not name one).
    pub outlet: Option<String>,
    /// The publication date, when known (ISO 8601 for ingested articles:
    /// `2019-11-19` or a full timestamp).
    pub published: Option<String>,
    /// The page the article was taken from (its canonical URL), when known.
    pub url: Option<String>,
    /// Who wrote it, as the page credits them, when known.
    pub byline: Option<String>,
}

/// A parsed article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The folder name under `knowledge/articles/`.
    pub id: String,
    /// The first line.
    pub title: String,
    /// The verbatim text.
    pub raw: String,
    /// Body paragraphs' text, verbatim; paragraph `n` is `paragraphs[n - 1]`.
    pub paragraphs: Vec<String>,
    /// Every sentence: the headline, then captions, then the body in order.
    pub sentences: Vec<Sentence>,
    /// Each sentence with its whitespace squashed, for locating quotes.
    pub squashed: Vec<String>,
    /// Summary, outlet, date.
    pub meta: ArticleMeta,
}

impl Article {
    /// Parses an article's text. Returns `None` when it has no title line.
    pub fn parse(id: &str, raw: &str) -> Option<Article> {
        let lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let (title, rest) = lines.split_first()?;
        let mut sentences = vec![Sentence {
            text: title.to_string(),
            attribution: None,
            place: Place::Headline,
        }];
        let mut paragraphs = Vec::new();
        let mut captions: Vec<Vec<String>> = Vec::new();
        // Words of a line, read only for lines that may repeat a neighbour.
        let mut line_words: Vec<Option<Vec<String>>> = vec![None; rest.len()];
        let mut words_of = |i: usize| -> Vec<String> {
            line_words[i]
                .get_or_insert_with(|| text::words(rest[i]))
                .clone()
        };
        for (i, line) in rest.iter().enumerate() {
            let mut repeats = |j: usize| {
                j < rest.len()
                    && similar_length(line, rest[j])
                    && near_duplicate(&words_of(i), &words_of(j))
            };
            let repeated = (i > 0 && repeats(i - 1)) || repeats(i + 1);
            if is_link_line(line) {
                continue;
            }
            if repeated || credit_of(line).is_some() {
                let words = words_of(i);
                if !captions.iter().any(|c| near_duplicate(c, &words)) {
                    captions.push(words);
                    sentences.push(Sentence {
                        text: line.to_string(),
                        attribution: credit_of(line).map(|c| format!("photo caption ({c})")),
                        place: Place::Caption,
                    });
                }
                continue;
            }
            paragraphs.push(line.to_string());
            let number = paragraphs.len() as u32;
            for s in split_sentences(line) {
                let attribution = attribution_of(&s);
                sentences.push(Sentence {
                    text: s,
                    attribution,
                    place: Place::Body(number),
                });
            }
        }
        let squashed = sentences
            .iter()
            .map(|s| text::squash_whitespace(&s.text))
            .collect();
        let meta = ArticleMeta {
            summary_sentence: sentences
                .iter()
                .position(|s| matches!(s.place, Place::Body(_)))
                .unwrap_or(0),
            ..ArticleMeta::default()
        };
        Some(Article {
            meta,
            squashed,
            id: id.to_string(),
            title: title.to_string(),
            raw: raw.to_string(),
            paragraphs,
            sentences,
        })
    }
}

/// Lengths close enough for two lines to be near duplicates (a cheap test first).
fn similar_length(a: &str, b: &str) -> bool {
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    short * 3 >= long * 2
}

/// Two lines that say the same thing (a caption printed twice, once with a slightly
/// different credit): nine tenths of their words in common.
fn near_duplicate(wa: &[String], wb: &[String]) -> bool {
    if wa.len() < 6 || wb.len() < 6 {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared * 10 >= wa.len().max(wb.len()) * 9
}

/// A navigation line such as "FAQ | North Korean defection": holds a bar and ends with no sentence punctuation.
fn is_link_line(line: &str) -> bool {
    line.contains(" | ") && !line.ends_with(['.', '!', '?', '"', '\u{201D}'])
}

/// A photo credit at the end of a caption ("... - AFP", "... Credit: AP").
fn credit_of(line: &str) -> Option<String> {
    let l = line.trim_end();
    let tail = l
        .rsplit_once("Credit:")
        .map(|(_, t)| t)
        .or_else(|| l.rsplit_once(" - ").map(|(_, t)| t))?;
    let tail = tail.trim().trim_start_matches("Credit:").trim();
    let looks_like_agency = !tail.is_empty()
        && tail.split_whitespace().count() <= 3
        && tail.chars().next().is_some_and(char::is_uppercase)
        && !tail.ends_with('.');
    looks_like_agency.then(|| tail.to_string())
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "jr", "sr", "vs", "no",
    "inc", "corp", "co", "ltd", "approx",
];

/// Splits a paragraph into sentences, keeping each one verbatim.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')')
            {
                j += 1;
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '"' | '\u{201C}' | '\u{2018}'));
            if at_space
                && next_starts
                && !(c == '.' && ends_with_abbreviation(&paragraph[start..chars[i].0]))
            {
                let end = chars.get(j).map_or(paragraph.len(), |x| x.0);
                out.push(paragraph[start..end].trim().to_string());
                start = chars[k].0;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    let last = paragraph[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // Initialisms such as "U.S" (the final stop is the one being looked at) or a lone initial.
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// Detects who a sentence is attributed to, from the wording of the sentence itself.
pub fn attribution_of(sentence: &str) -> Option<String> {
    let s = sentence.trim().trim_end_matches(['.', '!', '?']);
    // "... according to the North's official KCNA news agency"
    if let Some((before, source)) = s.rsplit_once("according to ") {
        let source = source.trim_end_matches([',', ' ']);
        let speaker = before
            .trim_end_matches([',', ' '])
            .rsplit_once(['"', '\u{201D}', ','])
            .and_then(|(_, t)| {
                let t = t.trim();
                said_by(
                    t.strip_suffix(" said")
                        .or_else(|| t.strip_suffix(" says"))
                        .unwrap_or(t),
                )
            });
        return Some(match speaker {
            Some(who) => format!("{who}, according to {source}"),
            None => source.to_string(),
        });
    }
    // "..., a Joint Chiefs of Staff tally showed - three times ..."
    for verb in [" showed", " shows"] {
        if let Some(pos) = s.find(verb) {
            let before = &s[..pos];
            if let Some((_, who)) = before.rsplit_once(", ") {
                if who.split_whitespace().count() <= 8 && has_source_noun(who) {
                    return Some(strip_article(who).to_string());
                }
            }
        }
    }
    // "..., Yonhap news agency said" / "South Korean military officials said no shots ..." / "but officials said there ..."
    for verb in [" said", " says", " reported", " told"] {
        let mut search = 0;
        while let Some(pos) = s[search..].find(verb).map(|p| p + search) {
            search = pos + verb.len();
            let after = s[search..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let clause = s[..pos]
                .rsplit([',', '"', '\u{201D}', '\u{201C}', ';'])
                .next()
                .unwrap_or("")
                .trim();
            if let Some(who) = said_by(clause) {
                return Some(who);
            }
        }
    }
    None
}

/// The speaker in a clause ending just before "said": "but officials" -> "officials".
fn said_by(clause: &str) -> Option<String> {
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    while let Some(first) = words.first() {
        if ["but", "and", "meanwhile", "while", "as", "so"].contains(&first.to_lowercase().as_str())
        {
            words.remove(0);
        } else {
            break;
        }
    }
    if words.is_empty() || words.len() > 9 {
        return None;
    }
    let who = words.join(" ");
    let lower = who.to_lowercase();
    if ["he", "she", "it", "they", "we", "i", "you", "this", "that"].contains(&lower.as_str()) {
        return None;
    }
    has_source_noun(&who).then(|| strip_article(&who).to_string())
}

/// Whether a phrase names a source: a person, an office, an outlet or a document.
fn has_source_noun(phrase: &str) -> bool {
    const NOUNS: &[&str] = &[
        "agency",
        "official",
        "officials",
        "ministry",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "police",
        "military",
        "army",
        "office",
        "tally",
        "report",
        "statement",
        "yonhap",
        "kcna",
        "reuters",
        "ap",
        "afp",
        "source",
        "sources",
        "government",
        "department",
        "staff",
        "survey",
        "data",
        "media",
        "newspaper",
        "television",
        "tv",
        "radio",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "witnesses",
    ];
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NOUNS.contains(&w.to_lowercase().as_str()))
}

fn strip_article(phrase: &str) -> &str {
    for a in ["a ", "an ", "A ", "An "] {
        if let Some(rest) = phrase.strip_prefix(a) {
            return rest;
        }
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_around_abbreviations() {
        let p = "In this Nov. 27, 2017, file photo, soldiers look. The U.S. blamed it. \"We deny it,\" he said. Done";
        assert_eq!(
            split_sentences(p),
            vec![
                "In this Nov. 27, 2017, file photo, soldiers look.",
                "The U.S. blamed it.",
                "\"We deny it,\" he said.",
                "Done"
            ]
        );
    }

    #[test]
    fn detects_attributions() {
        let cases = [
            ("Two civilians also defected this week, Yonhap news agency said.", Some("Yonhap news agency")),
            ("The total rose to 15, a Joint Chiefs of Staff tally showed - three times as many.", Some("Joint Chiefs of Staff tally")),
            ("South Korean military officials said no shots were fired.", Some("South Korean military officials")),
            ("Gunfire was heard, but officials said there were no bullets.", Some("officials")),
            ("\"We have nothing to do with it,\" the spokesman said, according to the North's official KCNA news agency.", Some("the spokesman, according to the North's official KCNA news agency")),
            ("The pair \"expressed their willingness\", a South Korea's Unification Ministry said.", Some("South Korea's Unification Ministry")),
            ("A dramatic video showed the soldier speeding down a road.", None),
            ("He said nothing.", None),
            ("The man then lies injured.", None),
        ];
        for (s, want) in cases {
            assert_eq!(attribution_of(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn drops_repeated_captions_and_link_lines() {
        let raw = "Title here\n\nA file photo taken on a day shows soldiers at the village - AFP\nA file photo taken on a day shows soldiers at the village - AFP\n\nFirst para. Second sentence.\n\nFAQ | Things\n\nLast para.\n";
        let a = Article::parse("x", raw).unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(
            a.paragraphs,
            vec!["First para. Second sentence.", "Last para."]
        );
        let captions: Vec<_> = a
            .sentences
            .iter()
            .filter(|s| s.place == Place::Caption)
            .collect();
        assert_eq!(captions.len(), 1);
        assert_eq!(
            captions[0].attribution.as_deref(),
            Some("photo caption (AFP)")
        );
        assert_eq!(a.sentences.last().unwrap().place, Place::Body(2));
    }
}
