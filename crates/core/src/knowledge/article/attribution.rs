//! Who, in an article, says a sentence: read from the sentence's structure,
//! the same way for every article.
//!
//! A sentence is read as words and marks (commas, colons, dashes, brackets,
//! quotation marks), each word knowing whether it stands inside a quotation.
//! Outside quotations, a reporting verb ("said", "told", "according to", "a
//! tally showed"...) with a noun phrase before it ("X said Y", "Y, X said",
//! "Tim Clark, the airline's president, said", "X, who ..., said") or after
//! it ("Y, said X") names the speaker. A pronoun is kept as such, for the
//! paragraph pass to resolve ([`super::Article::parse`]); alone, a sentence
//! with a pronoun speaker has no attribution.

use factdesk_lexdb::{Lexdb, Pos, SynsetId};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

/// Verbs that report speech or writing, in the forms news uses.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "announced",
    "announces",
    "reported",
    "reports",
    "wrote",
    "writes",
    "stated",
    "states",
    "warned",
    "warns",
    "warn",
    "confirmed",
    "confirms",
    "asked",
    "replied",
    "insisted",
    "argued",
    "tweeted",
    "acknowledged",
    "explain",
    "note",
    "argue",
    "insist",
    "learned",
    "learnt",
];

/// Reporting verbs that also take a plain object ("added 25 points", "asked
/// five people to ...", "announced an order"): they report speech when they
/// close the sentence or open a "that" clause or a quotation.
const OBJECT_VERBS: &[&str] = &[
    "added",
    "adds",
    "asked",
    "announced",
    "announces",
    "reported",
    "confirmed",
    "confirms",
    "wrote",
    "writes",
    "acknowledged",
    "tweeted",
    "noted",
    "note",
    "explained",
    "explains",
    "explain",
    "learned",
    "learnt",
];

/// Speech verbs that are also plural nouns ("the notes", "media reports"):
/// verbs only where a clause or the sentence's end follows.
const NOUN_LIKE_VERBS: &[&str] = &["notes", "reports", "states"];

/// Participles that report the speech of their clause's subject ("X did
/// this, saying ..."), with the finite form whose rules they follow.
const PARTICIPLES: &[(&str, &str)] = &[
    ("saying", "says"),
    ("telling", "tells"),
    ("adding", "adds"),
    ("noting", "noted"),
    ("warning", "warns"),
    ("explaining", "explains"),
    ("arguing", "argue"),
    ("insisting", "insist"),
];

/// Verbs by which a document, rather than a person, says something.
const FINDING_VERBS: &[&str] = &[
    "showed",
    "shows",
    "show",
    "found",
    "finds",
    "suggested",
    "suggests",
    "indicated",
    "indicates",
    "revealed",
    "reveals",
];

/// Documents and counts that can be the source of a finding.
const DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "poll",
    "polls",
    "statement",
    "statements",
    "tally",
    "figures",
    "census",
    "analysis",
    "count",
    "estimate",
    "estimates",
    "records",
    "documents",
    "research",
    "filing",
    "filings",
    "audit",
    "memo",
    "assessment",
    "transcript",
];

/// Words that begin a noun phrase.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "some",
    "many",
    "several",
    "both",
    "all",
    "other",
    "another",
    "each",
    "every",
    "most",
    "few",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "no",
];

/// Prepositions that may stand inside a noun phrase ("a spokesman for the
/// ministry", "police in Kabul", "the U.S. Attorney's Office for ...").
const INNER_PREPOSITIONS: &[&str] = &["of", "for", "at", "in", "from", "with", "on", "by"];

/// Prepositions that open an adverbial phrase ("On Monday, ...").
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "at",
    "in",
    "from",
    "with",
    "on",
    "by",
    "after",
    "before",
    "during",
    "since",
    "until",
    "about",
    "against",
    "among",
    "over",
    "under",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "upon",
    "within",
    "without",
    "via",
    "despite",
    "amid",
    "following",
    "into",
    "onto",
    "across",
    "behind",
    "beyond",
    "near",
    "per",
];

/// Name particles, lower case between capitalised words ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "el", "bin", "ibn",
    "del", "dos", "das", "ter", "ten", "y",
];

/// Words after which a new clause, and so a subject, may begin.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "while",
    "as",
    "because",
    "since",
    "although",
    "though",
    "when",
    "after",
    "before",
    "until",
    "meanwhile",
    "however",
    "still",
    "now",
    "instead",
    "separately",
    "moreover",
    "also",
    "then",
    "later",
    "earlier",
    "where",
    "whereas",
    "once",
];

/// Words that cannot stand in a speaker's noun phrase: verbs of being and
/// having, modals, negation, subordinators, pronouns.
const BLOCKERS: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "am",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "done",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "will",
    "would",
    "has",
    "have",
    "had",
    "not",
    "never",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "whatever",
    "whether",
    "if",
    "than",
    "there",
    "here",
    "so",
    "as",
    "just",
    "only",
    "even",
    "nothing",
    "something",
    "anything",
    "everything",
    "someone",
    "anyone",
    "everyone",
    "nobody",
    "him",
    "them",
    "us",
    "me",
    "according",
    "to",
    "said",
    "says",
    "told",
    "also",
    "previously",
    "because",
    "although",
    "though",
    "while",
    "when",
    "where",
    "why",
    "how",
    "but",
    "or",
    "nor",
    "then",
    "however",
    "like",
];

/// Pronouns that can be the subject of a reporting verb.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Words that may stand between a speaker and the verb ("officials also
/// said", "he has said", "police Tuesday said").
const BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "earlier",
    "then",
    "previously",
    "has",
    "have",
    "had",
    "would",
    "will",
    "once",
    "again",
    "further",
    "separately",
    "initially",
    "first",
    "recently",
    "repeatedly",
    "often",
    "already",
    "now",
    "still",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "previously",
    "just",
    "long",
    "always",
    "subsequently",
    "additionally",
];

/// Words of time that make no speaker ("Last week", "On Monday").
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "last",
    "this",
    "next",
    "early",
    "late",
    "earlier",
    "later",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "a.m",
    "p.m",
    "noon",
    "midnight",
    "hour",
    "hours",
];

/// Days and months, which are times even when capitalised.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Days of the week ("police Tuesday said").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lower-case word names a time.
fn is_time(w: &str) -> bool {
    CALENDAR.contains(&w) || TIME_WORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit())
}

/// What can follow a verb and make it no report of speech ("He said nothing.").
const NON_CLAUSES: &[&str] = &[
    "nothing",
    "little",
    "much",
    "so",
    "something",
    "anything",
    "everything",
    "goodbye",
    "hello",
    "otherwise",
    "yes",
    "sorry",
    "thanks",
    "grace",
];

/// Titles before a name ("Sen. Ted Cruz", "Mr Smith").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "lt", "gen", "col", "sgt",
    "capt", "maj", "cmdr", "adm", "rev", "sir", "dame", "lord", "lady", "judge", "justice",
];

/// Last words of organisations' names ("the National Hurricane Center").
const ORGANISATION_WORDS: &[&str] = &[
    "agency",
    "ministry",
    "office",
    "department",
    "center",
    "centre",
    "authority",
    "service",
    "council",
    "party",
    "police",
    "army",
    "force",
    "forces",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "inc",
    "co",
    "ltd",
    "group",
    "bank",
    "university",
    "institute",
    "court",
    "government",
    "administration",
    "association",
    "union",
    "organization",
    "organisation",
    "foundation",
    "board",
    "bureau",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "cross",
    "airline",
    "airlines",
    "club",
    "team",
    "federation",
    "fund",
    "reuters",
    "ap",
    "afp",
    "kcna",
    "yonhap",
    "tv",
    "radio",
    "nasa",
    "prosecutors",
    "staff",
    "media",
];

/// What a speaker is, as far as pronouns go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One person: "he" or "she".
    Person,
    /// People: "they".
    People,
    /// An organisation or a document: "it" (or "they").
    Thing,
    /// A lone name that may be a person or an organisation, or one
    /// capitalised word opening the sentence ("Officials", "Hicks").
    Unknown,
}

/// A speaker named in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    /// As the attribution shows it ("Tim Clark, the airline's president").
    pub text: String,
    /// The name alone, for a pronoun that refers back ("Tim Clark").
    pub short: String,
    /// Person, people or thing.
    pub kind: Kind,
}

/// Who says a sentence, as the sentence itself tells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Who {
    /// A noun phrase.
    Named(Named),
    /// A pronoun, lower case: "he", "she", "it", "they" (others are never resolved).
    Pronoun(String),
}

/// What one sentence tells of its speaker and of its quotations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reading {
    /// The speaker, if a reporting verb names one.
    pub who: Option<Who>,
    /// The source of an "according to", if any.
    pub via: Option<String>,
    /// A quotation is open at the sentence's end (it goes on in the next one).
    pub open_at_end: bool,
    /// The sentence holds quoted words.
    pub has_quote: bool,
    /// Every word of the sentence is quoted.
    pub wholly_quoted: bool,
}

/// Detects who a sentence is attributed to, from the wording of the sentence
/// itself. A pronoun speaker ("he said") gives no attribution here: the
/// paragraph pass of [`super::Article::parse`] resolves it.
pub fn attribution_of(sentence: &str) -> Option<String> {
    let reading = read(sentence, false);
    let who = match reading.who {
        Some(Who::Named(n)) => Some(n),
        _ => None,
    };
    render(who.as_ref(), reading.via.as_deref())
}

/// The attribution shown for a speaker and an "according to" source.
pub(crate) fn render(who: Option<&Named>, via: Option<&str>) -> Option<String> {
    match (who, via) {
        (Some(w), Some(v)) => Some(format!(
            "{}, according to {}",
            w.text,
            crate::text::squash_whitespace(v)
        )),
        (Some(w), None) => Some(w.text.clone()),
        (None, Some(v)) => Some(source_name(v)),
        (None, None) => None,
    }
}

/// The source of a document when the document names it ("a report by the
/// American Red Cross" -> "the American Red Cross"), else the phrase without
/// its indefinite article; its whitespace squashed.
fn source_name(phrase: &str) -> String {
    let squashed = crate::text::squash_whitespace(phrase);
    let phrase = squashed.as_str();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let is_document = DOCUMENTS.contains(&clean(w).to_lowercase().as_str());
        if is_document
            && matches!(words.get(i + 1), Some(&"by") | Some(&"from"))
            && i + 2 < words.len()
        {
            return words[i + 2..].join(" ");
        }
    }
    strip_indefinite(phrase).to_string()
}

fn strip_indefinite(phrase: &str) -> &str {
    for a in ["a ", "an ", "A ", "An "] {
        if let Some(rest) = phrase.strip_prefix(a) {
            return rest;
        }
    }
    phrase
}

/// A word without the punctuation around it ("‘low-ranking’" -> "low-ranking").
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Word,
    Comma,
    Colon,
    Semicolon,
    Dash,
    OpenBracket,
    CloseBracket,
    OpenQuote,
    CloseQuote,
    /// A straight quote whose direction only the quotation state tells.
    Quote,
    Stop,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    mark: Mark,
    start: usize,
    end: usize,
    quoted: bool,
    bracketed: bool,
}

/// Cuts a sentence into words and marks.
fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut toks = Vec::new();
    let mut word: Option<usize> = None;
    let tok = |mark, start, end| Tok {
        mark,
        start,
        end,
        quoted: false,
        bracketed: false,
    };
    let last_text = chars.iter().rposition(|x| x.1.is_alphanumeric());
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let rest_has_text = last_text.is_some_and(|l| l > i);
        let digits_around =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let spaced = |x: Option<char>| x.is_none_or(char::is_whitespace);
        let mut width = 1;
        let mark = match c {
            _ if c.is_whitespace() => None,
            ',' | ':' if digits_around => None,
            ',' => Some(Mark::Comma),
            ':' => Some(Mark::Colon),
            ';' => Some(Mark::Semicolon),
            '\u{2014}' | '\u{2013}' => Some(Mark::Dash),
            '-' if spaced(prev) || spaced(next) || next == Some('-') || prev == Some('-') => {
                Some(Mark::Dash)
            }
            '(' | '[' => Some(Mark::OpenBracket),
            ')' | ']' => Some(Mark::CloseBracket),
            '\u{201C}' | '\u{201E}' => Some(Mark::OpenQuote),
            '\u{201D}' => Some(Mark::CloseQuote),
            '\u{2018}' if next == Some('\u{2018}') => {
                width = 2;
                Some(Mark::OpenQuote)
            }
            '\u{2019}' if next == Some('\u{2019}') => {
                width = 2;
                Some(Mark::CloseQuote)
            }
            '"' => {
                let opening =
                    prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(p));
                let closing = next
                    .is_none_or(|n| n.is_whitespace() || ",.;:!?)]\u{2014}\u{2013}-".contains(n));
                Some(match (opening, closing) {
                    (true, false) => Mark::OpenQuote,
                    (false, true) => Mark::CloseQuote,
                    _ => Mark::Quote,
                })
            }
            '!' | '?' => Some(Mark::Stop),
            '\u{2026}' => Some(if rest_has_text {
                Mark::Dash
            } else {
                Mark::Stop
            }),
            '.' if next == Some('.') || prev == Some('.') => Some(if rest_has_text {
                Mark::Dash
            } else {
                Mark::Stop
            }),
            '.' if !rest_has_text || next == Some('(') => Some(Mark::Stop),
            _ => {
                if word.is_none() {
                    word = Some(at);
                }
                i += 1;
                continue;
            }
        };
        if let Some(start) = word.take() {
            toks.push(tok(Mark::Word, start, at));
        }
        if let Some(mark) = mark {
            let end = chars.get(i + width).map_or(s.len(), |x| x.0);
            toks.push(tok(mark, at, end));
        }
        i += width;
    }
    if let Some(start) = word {
        toks.push(tok(Mark::Word, start, s.len()));
    }
    toks
}

/// Marks quoted and bracketed words; returns whether a quotation is open at the end.
fn mark_quotes(toks: &mut [Tok], open_at_start: bool) -> bool {
    let mut open = open_at_start;
    let mut since = 0;
    for i in 0..toks.len() {
        let mark = match toks[i].mark {
            Mark::Quote if open => Mark::CloseQuote,
            Mark::Quote => Mark::OpenQuote,
            m => m,
        };
        toks[i].mark = mark;
        match mark {
            Mark::OpenQuote => {
                open = true;
                since = i + 1;
            }
            Mark::CloseQuote => {
                if !open {
                    // The quotation began in an earlier sentence.
                    for t in &mut toks[since..i] {
                        t.quoted = true;
                    }
                }
                open = false;
                since = i + 1;
            }
            _ => toks[i].quoted = open,
        }
    }
    let mut depth = 0usize;
    let closes = toks.iter().filter(|t| t.mark == Mark::CloseBracket).count();
    let mut closes_left = closes;
    for t in toks.iter_mut() {
        match t.mark {
            Mark::OpenBracket if closes_left > depth => depth += 1,
            Mark::CloseBracket => {
                closes_left = closes_left.saturating_sub(1);
                depth = depth.saturating_sub(1);
            }
            _ => t.bracketed = depth > 0,
        }
    }
    open
}

/// A candidate speaker and how strongly the sentence's structure makes it the speaker.
struct Candidate {
    who: Who,
    /// The reporting verb's token.
    verb: usize,
    /// 3: closes the sentence ("..., X said."); 2: a parenthesis (", X said,");
    /// 1: opens a clause ("X said that ...").
    rank: u8,
}

struct Sentence<'a> {
    s: &'a str,
    toks: Vec<Tok>,
    /// Each token in lower case without the punctuation around it.
    lower: Vec<String>,
    /// The first word's token (the length if there is none).
    first_word: usize,
}

/// What WordNet says of a word, as far as speakers go.
#[derive(Debug, Clone, Copy, Default)]
struct Senses {
    /// Hypernym steps to "person", if one of its first senses is a person.
    person: Option<u8>,
    /// An organisation or a social group.
    group: bool,
    /// A communication or a document.
    message: bool,
    /// A location.
    place: bool,
    /// An adverb and no noun ("allegedly", not "tally").
    adverb: bool,
}

/// WordNet's senses of a word, looked up once per word and thread.
fn senses(word: &str) -> Senses {
    thread_local! {
        static CACHE: RefCell<rustc_hash::FxHashMap<String, Senses>> = RefCell::default();
    }
    if let Some(found) = CACHE.with(|c| c.borrow().get(word).copied()) {
        return found;
    }
    static TARGETS: OnceLock<[Vec<SynsetId>; 6]> = OnceLock::new();
    let db = Lexdb::get();
    let targets = TARGETS.get_or_init(|| {
        [
            "person",
            "organization",
            "social group",
            "communication",
            "document",
            "location",
        ]
        .map(|g| {
            db.base_lemmas(g)
                .into_iter()
                .flat_map(|(pos, id)| {
                    let senses = db.lemma_senses(id, pos);
                    senses[..senses.len().min(factdesk_lexdb::SENSE_LIMIT)].to_vec()
                })
                .collect()
        })
    });
    let mut found = Senses::default();
    for (synset, depth) in db.concepts(word, factdesk_lexdb::MAX_IS_A_DEPTH) {
        let is = |t: usize| targets[t].contains(&synset);
        if is(0) {
            found.person = Some(found.person.map_or(depth, |d| d.min(depth)));
        }
        found.group |= is(1) || is(2);
        found.message |= is(3) || is(4);
        found.place |= is(5);
    }
    let forms: Vec<Pos> = db.base_forms(word).map(|(p, _)| p).collect();
    found.adverb = forms.contains(&Pos::Adv) && !forms.contains(&Pos::Noun);
    CACHE.with(|c| c.borrow_mut().insert(word.to_string(), found));
    found
}

/// Reads a sentence; `open_at_start` says whether a quotation from an earlier
/// sentence of the paragraph is still open.
pub(crate) fn read(sentence: &str, open_at_start: bool) -> Reading {
    let (st, open_at_end) = Sentence::new(sentence, open_at_start);
    let words = st.toks.iter().filter(|t| t.mark == Mark::Word);
    let has_quote = open_at_start
        || st
            .toks
            .iter()
            .any(|t| matches!(t.mark, Mark::OpenQuote | Mark::CloseQuote) || t.quoted);
    let wholly_quoted = words.clone().count() > 0 && words.clone().all(|t| t.quoted);
    let (who, via) = st.speaker();
    Reading {
        who,
        via,
        open_at_end,
        has_quote,
        wholly_quoted,
    }
}

/// People a sentence names outside quotations, in order (see [`Sentence::mentions`]).
pub(crate) fn mentions(sentence: &str, open_at_start: bool) -> Vec<Named> {
    Sentence::new(sentence, open_at_start).0.mentions()
}

impl<'a> Sentence<'a> {
    /// A sentence read into tokens; also whether a quotation is open at its end.
    fn new(sentence: &'a str, open_at_start: bool) -> (Sentence<'a>, bool) {
        let mut toks = tokenize(sentence);
        let open_at_end = mark_quotes(&mut toks, open_at_start);
        let lower = toks
            .iter()
            .map(|t| clean(&sentence[t.start..t.end]).to_lowercase())
            .collect();
        let first_word = toks
            .iter()
            .position(|t| t.mark == Mark::Word)
            .unwrap_or(toks.len());
        let st = Sentence {
            s: sentence,
            toks,
            lower,
            first_word,
        };
        (st, open_at_end)
    }
}

impl Sentence<'_> {
    fn text(&self, i: usize) -> &str {
        &self.s[self.toks[i].start..self.toks[i].end]
    }

    fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.mark == Mark::Word && !t.quoted && !t.bracketed)
    }

    fn word_is(&self, i: usize, set: &[&str]) -> bool {
        self.is_word(i) && set.contains(&self.lower(i))
    }

    /// A function word from `set`: in lower case, or capitalised only as the
    /// sentence's first word ("Will Moy" and "US" are names, not "will", "us").
    fn function_word(&self, i: usize, set: &[&str]) -> bool {
        let sentence_start = i <= self.first_word;
        self.word_is(i, set)
            && (!self.capitalised(i) || (sentence_start && !self.capitalised(i + 1)))
            && !self.acronym(i)
    }

    /// A lower-case adverb in "-ly" ("allegedly", "reportedly"; not "tally").
    fn adverb(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.is_word(i) && !self.capitalised(i) && w.ends_with("ly") && senses(w).adverb
    }

    /// A word in capitals: "US", "AP", "CPUC".
    fn acronym(&self, i: usize) -> bool {
        let w = clean(self.text(i));
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    }

    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i)
            && clean(self.text(i))
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    fn span(&self, r: Range<usize>) -> &str {
        &self.s[self.toks[r.start].start..self.toks[r.end - 1].end]
    }

    fn mark(&self, i: usize) -> Option<Mark> {
        self.toks.get(i).map(|t| t.mark)
    }

    /// Whether any words stand before token `i` (outside brackets).
    fn has_words_before(&self, i: usize) -> bool {
        self.toks[..i]
            .iter()
            .any(|t| t.mark == Mark::Word && !t.bracketed)
    }

    /// The speaker and the "according to" source of the sentence.
    fn speaker(&self) -> (Option<Who>, Option<String>) {
        let mut candidates: Vec<Candidate> = Vec::new();
        for v in 0..self.toks.len() {
            if !self.is_word(v) {
                continue;
            }
            let verb = self.lower(v);
            let text = clean(self.text(v));
            if text.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if SPEECH_VERBS.contains(&verb) || FINDING_VERBS.contains(&verb) {
                candidates.extend(self.candidate(v, verb));
            } else if let Some(&(_, finite)) = PARTICIPLES.iter().find(|(p, _)| *p == verb) {
                // "X did this, saying ...": X says it.
                let after_comma = v > 0 && self.mark(v - 1) == Some(Mark::Comma);
                let who = after_comma
                    .then(|| self.after_verb(v, finite))
                    .flatten()
                    .and_then(|_| self.clause_subject(v - 1));
                if let Some(who) = who {
                    candidates.push(Candidate {
                        who,
                        verb: v,
                        rank: 1,
                    });
                }
            }
        }
        let via = self.according_to();
        // "..., the spokesman said, according to KCNA": the speaker as the source has it.
        if let Some((at, source)) = &via {
            let joined = candidates.iter().find(|c| self.adjoins(c.verb, *at));
            if let Some(c) = joined {
                return (Some(c.who.clone()), Some(source.clone()));
            }
        }
        let best = candidates.iter().max_by_key(|c| {
            // Closing attributions: the last wins; opening ones: the first.
            let order = if c.rank == 3 {
                c.verb
            } else {
                usize::MAX - c.verb
            };
            (c.rank, order)
        });
        match (best, via) {
            (Some(c), _) if c.rank == 3 => (Some(c.who.clone()), None),
            (_, Some((_, source))) => (None, Some(source)),
            (Some(c), None) => (Some(c.who.clone()), None),
            (None, None) => (None, None),
        }
    }

    /// Whether "according to" at `at` follows the verb at `v` with at most an
    /// adjunct between ("said, according to", "said on Monday according to").
    fn adjoins(&self, v: usize, at: usize) -> bool {
        at > v
            && at - v <= 6
            && (v + 1..at).all(|i| {
                (self.mark(i) == Some(Mark::Word) && !self.toks[i].quoted)
                    || (self.mark(i) == Some(Mark::Comma) && i + 1 == at)
            })
    }

    /// "according to X": where it stands and X.
    fn according_to(&self) -> Option<(usize, String)> {
        let at = (0..self.toks.len().saturating_sub(1)).find(|&i| {
            self.is_word(i) && self.lower(i) == "according" && self.lower(i + 1) == "to"
        })?;
        let start = at + 2;
        let mut end = start;
        // The source ends at a mark or where a clause begins ("According to
        // Martin Heidegger we do not ...").
        while end < self.toks.len()
            && self.is_word(end)
            && !self.function_word(end, BLOCKERS)
            && !self.function_word(end, PRONOUNS)
        {
            end += 1;
        }
        // Drop a trailing time: "according to police on Monday".
        let mut cut = end;
        for i in start + 1..end {
            let time_after = (i + 1..end).all(|j| is_time(self.lower(j)));
            if self.word_is(i, &["on", "in", "last", "this", "late", "early"]) && time_after {
                cut = i;
                break;
            }
        }
        // "according to particular standards" is no source.
        let source =
            cut > start && self.valid_phrase(start..cut).is_some() && self.speaker_like(start..cut);
        source.then(|| (at, self.span(start..cut).to_string()))
    }

    /// The candidate speaker of the reporting verb at `v`, if the structure around it makes one.
    fn candidate(&self, v: usize, verb: &str) -> Option<Candidate> {
        let finding = FINDING_VERBS.contains(&verb);
        // Skip "also", "has", "Tuesday"... between the speaker and the verb.
        let mut l = v;
        while l > 1
            && (self.function_word(l - 1, BEFORE_VERB)
                || self.word_is(l - 1, WEEKDAYS)
                || self.adverb(l - 1))
        {
            l -= 1;
        }
        let first = self.phrase_start(l);
        if first == l {
            return if finding {
                None
            } else {
                self.without_subject(v, verb)
            };
        }
        let opener = self.clause_start(first)?;
        let np = first..l;
        let who = self.noun_phrase(np.clone())?;
        let after = self.after_verb(v, verb)?;
        // "a Reuters tally showed", not "a dramatic video showed".
        if finding
            && (matches!(who, Who::Pronoun(_)) || !np.clone().any(|i| self.word_is(i, DOCUMENTS)))
        {
            return None;
        }
        let content_before = opener.is_some_and(|o| {
            matches!(
                self.mark(o),
                Some(Mark::Comma | Mark::CloseQuote | Mark::Dash | Mark::Colon)
            ) && self.has_words_before(o)
        });
        let rank = match after {
            After::End | After::Adjunct if content_before => 3,
            // "The mayor said on Monday." alone reports nothing.
            After::End | After::Adjunct => return None,
            After::Comma if content_before => 2,
            _ => 1,
        };
        Some(Candidate { who, verb: v, rank })
    }

    /// The first token of the noun phrase that ends before `l`, or `l` if none.
    fn phrase_start(&self, l: usize) -> usize {
        if l == 0 {
            return l;
        }
        if self.function_word(l - 1, PRONOUNS) {
            return l - 1;
        }
        let mut i = l;
        while i > 0 && self.is_word(i - 1) {
            let w = self.lower(i - 1);
            if self.function_word(i - 1, BLOCKERS) || self.function_word(i - 1, PRONOUNS) {
                break;
            }
            if w == "and" || w == "&" {
                // "and" joins names ("Noel and Thomas", "U.S. and South Korean
                // officials", "Paganini and his team").
                let joins = w == "&"
                    || (i >= 2
                        && self.capitalised(i - 2)
                        && (self.capitalised(i) || self.word_is(i, DETERMINERS)));
                if !joins {
                    break;
                }
            } else if self.function_word(i - 1, CLAUSE_OPENERS) {
                break;
            }
            i -= 1;
            if DETERMINERS.contains(&w) {
                // "the head of the agency", "Paganini and his team" go on.
                let of = i > 0 && self.word_is(i - 1, INNER_PREPOSITIONS);
                let and = i > 1 && self.word_is(i - 1, &["and"]) && self.capitalised(i - 2);
                if !(of || and) {
                    break;
                }
            }
        }
        i
    }

    /// Whether a clause may begin at `first`: at the sentence's start, after a
    /// mark or a conjunction, or after an opening adverbial ("On Monday the
    /// company said"). If so, the token before the clause (`None` at the start).
    fn clause_start(&self, first: usize) -> Option<Option<usize>> {
        let Some(before) = first.checked_sub(1) else {
            return Some(None);
        };
        if !self.is_word(before) {
            return Some(Some(before));
        }
        if self.function_word(before, CLAUSE_OPENERS) {
            return Some(Some(before));
        }
        let mut s = before;
        while s > 0 && self.is_word(s - 1) {
            s -= 1;
        }
        let adverbial = first - s <= 6
            && self.word_is(s, PREPOSITIONS)
            && !(s..first)
                .any(|i| self.function_word(i, BLOCKERS) || self.function_word(i, PRONOUNS));
        adverbial.then(|| s.checked_sub(1))
    }

    /// Reads a noun phrase as a speaker: a pronoun or a named phrase.
    fn noun_phrase(&self, r: Range<usize>) -> Option<Who> {
        if r.len() == 1 && self.function_word(r.start, PRONOUNS) {
            return Some(Who::Pronoun(self.lower(r.start).to_string()));
        }
        let r = self.trim_phrase(r)?;
        self.valid_phrase(r.clone())?;
        self.speaker_like(r.clone()).then_some(())?;
        let text = source_name(self.span(r.clone()));
        Some(Who::Named(Named {
            short: text.clone(),
            kind: self.kind_of(r),
            text,
        }))
    }

    /// Drops what opens a clause before its subject: an adverb ("Later"), a
    /// time ("Last week"), an adverbial phrase ("On Monday", "In Kabul").
    fn trim_phrase(&self, r: Range<usize>) -> Option<Range<usize>> {
        let mut start = r.start;
        while start < r.end {
            let w = self.lower(start);
            if self.time_word(start) && start + 1 < r.end || self.adverb(start) {
                start += 1;
                continue;
            }
            if PREPOSITIONS.contains(&w) {
                // Skip the adverbial's object up to where a subject can begin.
                let mut j = start + 1;
                if self.word_is(j, DETERMINERS) {
                    j += 1;
                }
                let mut found = None;
                while j + 1 < r.end {
                    j += 1;
                    let cap_after_lower = self.capitalised(j) && !self.capitalised(j - 1);
                    let lower_after_cap = !self.capitalised(j) && self.capitalised(j - 1);
                    if self.word_is(j, DETERMINERS) || cap_after_lower || lower_after_cap {
                        found = Some(j);
                        break;
                    }
                }
                start = found?;
                continue;
            }
            break;
        }
        (start < r.end).then_some(start..r.end)
    }

    /// A word of time: "Monday", "last", "week"; a capitalised one only at the
    /// sentence's start or as a day or month ("Early" in "says Early" is a name).
    fn time_word(&self, i: usize) -> bool {
        let w = self.lower(i);
        CALENDAR.contains(&w)
            || self.function_word(i, TIME_WORDS)
            || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
    }

    /// Whether words make a speaker's noun phrase.
    fn valid_phrase(&self, r: Range<usize>) -> Option<()> {
        if r.is_empty() || r.len() > 14 || !r.clone().all(|i| self.is_word(i)) {
            return None;
        }
        if r.clone()
            .any(|i| self.function_word(i, BLOCKERS) || self.function_word(i, PRONOUNS))
        {
            return None;
        }
        let (first, last) = (r.start, r.end - 1);
        let first_lower = !self.capitalised(first);
        if self.function_word(first, PREPOSITIONS)
            || (first_lower && self.lower(first).ends_with("ing"))
        {
            return None;
        }
        if (self.function_word(last, DETERMINERS) && r.len() > 1)
            || self.function_word(last, PREPOSITIONS)
            || self.function_word(last, &["and"])
        {
            return None;
        }
        if r.clone().all(|i| self.time_word(i)) {
            return None;
        }
        let starts_lower = first_lower && !self.word_is(first, DETERMINERS);
        if starts_lower && r.len() > 4 && !self.capitalised(last) {
            return None;
        }
        Some(())
    }

    /// Whether a phrase can name who speaks: it holds a name, or a word for
    /// people, an organisation, a document or a message ("officials",
    /// "the utility", "a new study"; not "characteristic of quantum confined").
    fn speaker_like(&self, r: Range<usize>) -> bool {
        if r.clone()
            .any(|i| self.capitalised(i) && !self.word_is(i, DETERMINERS))
        {
            return true;
        }
        // The nouns that count: the head (before "of", "for"...), the last
        // word, and possessives ("the researchers' calculations").
        let head = (r.start + 1..r.end)
            .find(|&i| self.word_is(i, INNER_PREPOSITIONS))
            .map_or(r.end - 1, |p| p - 1);
        r.clone().any(|i| {
            let w = self.lower(i);
            let possessive = self.text(i).ends_with(['\'', '\u{2019}'])
                || w.ends_with("'s")
                || w.ends_with("\u{2019}s");
            if i != head && i != r.end - 1 && !possessive {
                return false;
            }
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            let found = senses(w);
            DOCUMENTS.contains(&w)
                || ORGANISATION_WORDS.contains(&w)
                || w.ends_with("-year-old")
                || found.person.is_some()
                || found.group
                || found.message
        })
    }

    /// Person, people or thing, from the phrase's head.
    fn kind_of(&self, r: Range<usize>) -> Kind {
        // The head: the last word before a comma-free "of/for/at..." phrase.
        let mut end = r.end;
        for i in r.clone().skip(1) {
            if self.word_is(i, INNER_PREPOSITIONS) {
                end = i;
                break;
            }
        }
        let words: Vec<&str> = (r.start..end).map(|i| self.lower(i)).collect();
        if words.iter().any(|w| DOCUMENTS.contains(w)) {
            return Kind::Thing;
        }
        let Some(&head) = words.last() else {
            return Kind::Unknown;
        };
        // One capitalised word at the sentence's start: "Officials" or "Hicks".
        if r.len() == 1 && r.start <= self.first_word {
            return Kind::Unknown;
        }
        let head_capital = self.capitalised(end - 1);
        if ORGANISATION_WORDS.contains(&head) {
            return if head == "police" || head == "prosecutors" || head == "staff" {
                Kind::People
            } else {
                Kind::Thing
            };
        }
        if head_capital {
            let run = (r.start..end)
                .rev()
                .take_while(|&i| self.capitalised(i) || self.word_is(i, PARTICLES))
                .count();
            let titled = (r.start..end).any(|i| self.person_noun(i));
            if run >= 2 || titled {
                return Kind::Person;
            }
            return if self.is_a_group(head) {
                Kind::Thing
            } else {
                Kind::Unknown
            };
        }
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if senses(head).person.is_some() {
            return if plural { Kind::People } else { Kind::Person };
        }
        if head == "people" || head == "police" {
            return Kind::People;
        }
        if self.is_a_group(head) {
            return Kind::Thing;
        }
        Kind::Unknown
    }

    fn is_a_group(&self, word: &str) -> bool {
        let found = senses(word);
        found.group || found.place
    }

    /// A title or a noun for a person, singular: "Mayor", "Sen.", "spokesman".
    fn person_noun(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        TITLES.contains(&w) || (!w.ends_with('s') && senses(w).person.is_some_and(|d| d <= 5))
    }

    /// What follows the reporting verb at `v`, or `None` if it makes no report.
    fn after_verb(&self, v: usize, verb: &str) -> Option<After> {
        let next = v + 1;
        let rest_words: Vec<usize> = (next..self.toks.len())
            .take_while(|&i| self.mark(i) == Some(Mark::Word))
            .collect();
        let boundary = next + rest_words.len();
        let ends = matches!(self.mark(boundary), None | Some(Mark::Stop));
        if NOUN_LIKE_VERBS.contains(&verb) {
            // "a new study reports." / "the report states: ..." / "notes that ...".
            let ok = match self.mark(next) {
                None | Some(Mark::Stop) => Some(After::End),
                Some(Mark::Colon | Mark::OpenQuote | Mark::Quote) => Some(After::Clause),
                Some(Mark::Word) if self.lower(next) == "that" => Some(After::Clause),
                _ => None,
            };
            return ok;
        }
        match self.mark(next) {
            None | Some(Mark::Stop) => return Some(After::End),
            Some(Mark::Comma) => return Some(After::Comma),
            Some(Mark::Colon | Mark::OpenQuote | Mark::Quote | Mark::Dash) => {
                return Some(After::Clause)
            }
            Some(Mark::Word) => {}
            Some(_) => return Some(After::Clause),
        }
        let first = self.lower(next);
        let one_word = rest_words.len() == 1 && ends;
        if NON_CLAUSES.contains(&first)
            || (one_word && ["it", "this", "that", "no", "none"].contains(&first))
        {
            return None;
        }
        // A verb of its own ("are", "had been") makes what follows a clause.
        let finite = rest_words.iter().any(|&i| {
            self.function_word(i, BLOCKERS)
                && !self.word_is(
                    i,
                    &[
                        "as", "than", "only", "just", "even", "also", "like", "to", "so",
                    ],
                )
        });
        if verb == "told" || verb == "tells" {
            // "told the BBC." closes; "told the BBC that ..." opens a clause.
            let clause = finite
                || rest_words.iter().any(|&i| self.lower(i) == "that")
                || matches!(
                    self.mark(boundary),
                    Some(Mark::Colon | Mark::Comma | Mark::OpenQuote | Mark::Quote)
                );
            return Some(if clause {
                After::Clause
            } else if ends {
                After::Adjunct
            } else {
                After::Clause
            });
        }
        let that = rest_words.iter().take(7).any(|&i| self.lower(i) == "that");
        let closes = ends
            || (self.mark(boundary) == Some(Mark::Comma)
                && self.word_is(
                    boundary + 1,
                    &["which", "who", "where", "when", "while", "as"],
                ));
        let adjunct = closes
            && rest_words.len() <= 12
            && (PREPOSITIONS.contains(&first)
                || CALENDAR.contains(&first)
                || TIME_WORDS.contains(&first)
                || ["while", "when", "after", "before", "during"].contains(&first))
            && !that
            && !finite;
        if adjunct {
            return Some(After::Adjunct);
        }
        if OBJECT_VERBS.contains(&verb) {
            // "added 25 points" is no report; "added that ..." and "added: ..." are.
            let quote_follows = rest_words.len() <= 2
                && matches!(
                    self.mark(boundary),
                    Some(Mark::Colon | Mark::OpenQuote | Mark::Quote)
                );
            return (that || quote_follows).then_some(After::Clause);
        }
        Some(After::Clause)
    }

    /// A reporting verb with no noun phrase right before it: "Y, said X",
    /// "Tim Clark, the airline's president, said", "X, who ..., said",
    /// "X did this and said".
    fn without_subject(&self, v: usize, verb: &str) -> Option<Candidate> {
        let before = v.checked_sub(1)?;
        match self.mark(before) {
            Some(Mark::Comma | Mark::CloseQuote | Mark::Dash) if self.has_words_before(before) => {}
            Some(Mark::Word) if self.function_word(before, &["and"]) => {
                self.after_verb(v, verb)?;
                let who = self.clause_subject(before)?;
                return Some(Candidate {
                    who,
                    verb: v,
                    rank: 1,
                });
            }
            _ => return None,
        }
        let after = self.after_verb(v, verb);
        // "Y, said X[, appositive]": the speaker follows.
        if verb != "told" && verb != "tells" {
            if let Some(c) = self.inverted(v) {
                return Some(c);
            }
        }
        if self.mark(before) != Some(Mark::Comma) {
            return None;
        }
        let (head, appositive) = self.subject_before_commas(before)?;
        let opener = head.start.checked_sub(1);
        self.noun_phrase(head.clone())?;
        let range = match &appositive {
            Some(a) => head.start..a.end,
            None => head.clone(),
        };
        let text = source_name(self.span(range));
        let short = source_name(self.span(head.clone()));
        let content_before = opener.is_some_and(|o| self.has_words_before(o));
        let rank = match after? {
            After::End | After::Adjunct if content_before => 3,
            After::Comma => 2,
            _ => 1,
        };
        Some(Candidate {
            who: Who::Named(Named {
                text,
                short,
                kind: self.kind_of(head),
            }),
            verb: v,
            rank,
        })
    }

    /// The subject of a verb that follows a comma at `comma`, and its
    /// appositive: "Tim Clark, the airline's president," -> ("Tim Clark",
    /// "the airline's president"); "Assange, who denies it," -> ("Assange").
    fn subject_before_commas(&self, comma: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        // Segments between commas back to the last other mark.
        let mut segments: Vec<Range<usize>> = Vec::new();
        let mut end = comma;
        loop {
            let mut start = end;
            while start > 0 && self.is_word(start - 1) {
                start -= 1;
            }
            if start == end {
                break;
            }
            // A lone adverb is no part of the structure: ", meanwhile,".
            let adverb = end - start == 1
                && (self.function_word(start, CLAUSE_OPENERS)
                    || self.adverb(start)
                    || self.function_word(start, &["too"]));
            if !adverb {
                segments.push(start..end);
            }
            if start > 0 && self.mark(start - 1) == Some(Mark::Comma) {
                end = start - 1;
                continue;
            }
            break;
        }
        segments.reverse();
        let relative = segments
            .iter()
            .position(|r| self.function_word(r.start, &["who", "whose", "which", "whom"]));
        let (head, appositive) = match relative {
            Some(0) => return None,
            Some(p) => (segments[p - 1].clone(), None),
            None => {
                // The run of noun phrases that ends at the verb; the first is the head.
                let run: Vec<Range<usize>> = segments
                    .iter()
                    .rev()
                    .map(|r| self.trim_and(r))
                    .take_while(|r| self.valid_phrase(r.clone()).is_some())
                    .collect();
                let head = run.last()?.clone();
                if run.len() == 1 && segments.len() > 1 {
                    // "many people, both military and civilian, told": the head
                    // ends the segment before, and must open a clause there.
                    let prev = &segments[segments.len() - 2];
                    let first = self.phrase_start(prev.end);
                    self.clause_start(first)?;
                    return Some((first..prev.end, Some(head)));
                }
                let appositive = (run.len() == 2 && run[0].len() <= 10).then(|| run[0].clone());
                (head, appositive)
            }
        };
        let head = self.trim_and(&head);
        if let Some(o) = head.start.checked_sub(1) {
            if self.mark(o) == Some(Mark::Word) && !self.function_word(o, CLAUSE_OPENERS) {
                return None;
            }
        }
        Some((head, appositive))
    }

    /// Drops a leading "and" from a segment ("and American University").
    fn trim_and(&self, r: &Range<usize>) -> Range<usize> {
        if r.len() > 1 && self.word_is(r.start, &["and", "but"]) {
            r.start + 1..r.end
        } else {
            r.clone()
        }
    }

    /// "Y, said X" / "Y, says X, Z": the noun phrase after the verb.
    fn inverted(&self, v: usize) -> Option<Candidate> {
        let start = v + 1;
        let mut end = start;
        while end < self.toks.len() && self.is_word(end) {
            if end > start
                && self.word_is(end, PREPOSITIONS)
                && !self.word_is(end, INNER_PREPOSITIONS)
            {
                break;
            }
            end += 1;
        }
        if end == start || !(self.capitalised(start) || self.word_is(start, DETERMINERS)) {
            return None;
        }
        // Cut a trailing time or place adjunct: "said Smith on Monday".
        let mut cut = end;
        for i in start + 1..end {
            if self.word_is(i, &["on", "in", "at", "during", "late", "early", "last"])
                && (i + 1..end).all(|j| {
                    is_time(self.lower(j))
                        || self.word_is(j, DETERMINERS)
                        || self.word_is(
                            j,
                            &[
                                "statement",
                                "interview",
                                "email",
                                "tweet",
                                "news",
                                "conference",
                                "release",
                            ],
                        )
                })
            {
                cut = i;
                break;
            }
        }
        let head = start..cut;
        self.valid_phrase(head.clone())?;
        self.speaker_like(head.clone()).then_some(())?;
        if self.word_is(start, DETERMINERS) && head.len() == 1 {
            return None;
        }
        let mut text_end = head.end;
        let mut rank = 2;
        match self.mark(end) {
            None | Some(Mark::Stop) => rank = 3,
            Some(Mark::Comma) => {
                // An appositive that closes the sentence: "said X, the mayor."
                let mut a = end + 1;
                while a < self.toks.len() && self.is_word(a) {
                    a += 1;
                }
                let closes = matches!(self.mark(a), None | Some(Mark::Stop));
                if closes
                    && a > end + 1
                    && a - end - 1 <= 10
                    && self.valid_phrase(end + 1..a).is_some()
                {
                    text_end = a;
                    rank = 3;
                }
            }
            _ => {}
        }
        let text = source_name(self.span(head.start..text_end));
        let short = source_name(self.span(head.clone()));
        Some(Candidate {
            who: Who::Named(Named {
                text,
                short,
                kind: self.kind_of(head),
            }),
            verb: v,
            rank,
        })
    }

    /// The subject of the clause that holds token `at`: a pronoun, a name or
    /// a short phrase at the clause's start, up to its verb ("Raab defended
    /// the party's actions and said", "The agency would not say, saying").
    fn clause_subject(&self, at: usize) -> Option<Who> {
        let mut start = at;
        while start > 0 && (self.is_word(start - 1) || self.mark(start - 1) == Some(Mark::Comma)) {
            start -= 1;
        }
        if start > 0
            && !matches!(
                self.mark(start - 1),
                Some(Mark::Dash | Mark::Semicolon | Mark::Colon)
            )
        {
            return None;
        }
        // Skip an opening adverbial: "After the hearing, ...".
        let mut s = start;
        loop {
            let comma = (s..at).find(|&i| self.mark(i) == Some(Mark::Comma));
            match comma {
                Some(c)
                    if self.function_word(s, PREPOSITIONS)
                        || self.function_word(s, CLAUSE_OPENERS)
                        || self.time_word(s) =>
                {
                    s = c + 1
                }
                _ => break,
            }
        }
        if self.function_word(s, PRONOUNS) {
            return Some(Who::Pronoun(self.lower(s).to_string()));
        }
        let mut end = s;
        if self.capitalised(s) && !self.word_is(s, DETERMINERS) {
            while end < at && (self.capitalised(end) || (end > s && self.word_is(end, PARTICLES))) {
                end += 1;
            }
        } else if self.word_is(s, DETERMINERS) {
            // Up to the verb: a function word or a lower-case past tense.
            end = s + 1;
            while end < at
                && self.is_word(end)
                && !self.function_word(end, BLOCKERS)
                && (self.capitalised(end) || !self.lower(end).ends_with("ed"))
            {
                end += 1;
            }
            if end - s > 6
                || !(self.function_word(end, BLOCKERS) || self.lower(end).ends_with("ed"))
            {
                return None;
            }
        }
        if end == s || end >= at || self.capitalised(end) || !self.is_word(end) {
            return None;
        }
        let r = s..end;
        self.valid_phrase(r.clone())?;
        self.speaker_like(r.clone()).then_some(())?;
        let text = source_name(self.span(r.clone()));
        Some(Who::Named(Named {
            short: text.clone(),
            text,
            kind: self.kind_of(r),
        }))
    }

    /// People the sentence names outside quotations: a title or a person's
    /// noun before a name ("Mayor Ines Ruiz", "spokesman Zabihullah Mujahid"),
    /// a name before an age or an appositive ("Carlineo Jr., 55,", "Tim Clark,
    /// the airline's president").
    fn mentions(&self) -> Vec<Named> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.capitalised(i) || clean(self.text(i)).chars().all(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end < self.toks.len()
                && (self.capitalised(end)
                    || (self.word_is(end, PARTICLES) && self.capitalised(end + 1)))
            {
                end += 1;
            }
            i = end;
            // The name: the capitalised words after the last title in the run.
            let last_title = (start..end).rev().find(|&j| self.person_noun(j));
            let titled_before = start > 0 && self.person_noun(start - 1);
            let name_start = match last_title {
                Some(t) if t + 1 < end => t + 1,
                Some(_) => continue,
                None => start,
            };
            if name_start == end {
                continue;
            }
            let age_after = self.mark(end) == Some(Mark::Comma)
                && self.is_word(end + 1)
                && clean(self.text(end + 1))
                    .chars()
                    .all(|c| c.is_ascii_digit());
            let appositive = self.mark(end) == Some(Mark::Comma)
                && (end + 1..(end + 8).min(self.toks.len()))
                    .take_while(|&j| self.is_word(j))
                    .any(|j| self.person_noun(j) && !self.capitalised(j));
            let multiword = end - name_start >= 2 || end - name_start == 1 && last_title.is_some();
            if last_title.is_some() || titled_before || ((age_after || appositive) && multiword) {
                let text = crate::text::squash_whitespace(self.span(start..end));
                out.push(Named {
                    short: text.clone(),
                    text,
                    kind: Kind::Person,
                });
            }
        }
        out
    }
}

/// What follows a reporting verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// The sentence ends: "..., officials said."
    End,
    /// Only a phrase of time, place or manner: "said in a statement on Monday."
    Adjunct,
    /// A comma: ", officials said, ..."
    Comma,
    /// What was said: "said that ...", "said: ...", "said the plan ...".
    Clause,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cases: &[(&str, Option<&str>)]) {
        let mut wrong = Vec::new();
        for &(s, want) in cases {
            let got = attribution_of(s);
            if got.as_deref() != want {
                wrong.push(format!("{s}\n  got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn speaker_after_the_clause() {
        check(&[
            ("The storm will strengthen overnight, the National Hurricane Center said.", Some("the National Hurricane Center")),
            ("The storm was moving north at 12 mph, the National Hurricane Center said in its 5 p.m. advisory.", Some("the National Hurricane Center")),
            ("The fire is contained, police told reporters on Monday.", Some("police")),
            ("Shares fell 3%, analysts noted.", Some("analysts")),
            ("The vote will be held in March, the election commission announced.", Some("the election commission")),
            ("Prices rose in the U.S., the Commerce Department reported.", Some("the Commerce Department")),
            ("\"It will take years,\" the mayor said.", Some("the mayor")),
            ("\u{201C}We messed up,\u{201D} Thomas allegedly told a supervisor.", Some("Thomas")),
            ("It was an attempt to mislead, Moy wrote in a blog post.", Some("Moy")),
            ("Such stripping would occur often, Paganini and his team wrote in the paper, which was published today.", Some("Paganini and his team")),
        ]);
    }

    #[test]
    fn speaker_after_the_verb() {
        check(&[
            ("\"We will not back down,\" said Tim Clark, the airline's president.", Some("Tim Clark, the airline's president")),
            ("No rain has fallen since 1905, said Scott Strenfel, PG&E's principal meteorologist.", Some("Scott Strenfel, PG&E's principal meteorologist")),
            ("\u{201C}Streaming is somewhat binary,\u{201D} says Early.", Some("Early")),
            ("The key to Stadia's success, says Buser, is Google's infrastructure.", Some("Buser")),
            ("\u{201C}We hope to settle,\u{201D} said Jason Foy, who represents Noel.", Some("Jason Foy")),
        ]);
    }

    #[test]
    fn speaker_before_the_clause() {
        check(&[
            ("Governor Maria Delgado said the state would open shelters.", Some("Governor Maria Delgado")),
            ("Meanwhile, a\u{a0}spokesman for North Korea's foreign ministry said on Thursday that Pyongyang is not linked.", Some("spokesman for North Korea's foreign ministry")),
            ("Will Moy told the BBC that it was an attempt to mislead voters.", Some("Will Moy")),
            ("A spokesman for the ministry said no decision had been made.", Some("spokesman for the ministry")),
            ("The company's chief executive said profits would rise.", Some("The company's chief executive")),
            ("Two witnesses said the car did not stop.", Some("Two witnesses")),
            ("US officials said the talks would resume.", Some("US officials")),
            ("Noel and Thomas said they had made the rounds.", Some("Noel and Thomas")),
            ("Ursula von der Leyen said the bloc would respond.", Some("Ursula von der Leyen")),
            ("Police in the city said the suspect had fled.", Some("Police in the city")),
            ("On Monday the ministry said it would appeal.", Some("the ministry")),
            ("In a statement, Tottenham said the deal was done.", Some("Tottenham")),
            ("Officials Tuesday said the road was closed.", Some("Officials")),
            ("Reuters reported on Monday that the deal was done.", Some("Reuters")),
            ("Ms Persson said: \"I would like to emphasise the facts.\"", Some("Ms Persson")),
            ("The plan, officials said, was never approved.", Some("officials")),
            ("LONDON (AP) \u{2014} Prime Minister Boris Johnson said Tuesday that the election would go ahead.", Some("Prime Minister Boris Johnson")),
            ("Foreign Secretary Dominic Raab defended the party's actions, saying the account was clearly labelled.", Some("Foreign Secretary Dominic Raab")),
        ]);
    }

    #[test]
    fn speaker_with_an_appositive_or_a_relative_clause() {
        check(&[
            ("Tim Clark, the airline's president, said the order was vital.", Some("Tim Clark, the airline's president")),
            ("Tim Clark, who has run the airline since 2003, said the order was vital.", Some("Tim Clark")),
            ("\u{201C}It was an attempt to mislead voters,\u{2019}\u{2019} Will Moy, chief executive of Full Fact, told the BBC.", Some("Will Moy, chief executive of Full Fact")),
            ("Carlineo's attorney, Sonya Zoghlin, said in an email that he never intended harm.", Some("Carlineo's attorney, Sonya Zoghlin")),
            ("Emirates President Tim Clark, meanwhile, told reporters that the airline would grow.", Some("Emirates President Tim Clark")),
            ("Hicks, a Navy veteran herself and the wife of an active-duty Navy member, said her intention was to honor the flag.", Some("Hicks")),
        ]);
    }

    #[test]
    fn what_an_outlet_has_learned() {
        check(&[
            ("The dress was stolen right out of her hotel room ... TMZ has learned.", Some("TMZ")),
            ("The two firms are in talks, the Financial Times has learnt.", Some("the Financial Times")),
            ("And that's when he learned another name, the name of the woman who had preceded Fetter.", None),
            ("She learned to fly in 1931.", None),
        ]);
    }

    #[test]
    fn according_to_and_documents() {
        check(&[
            ("More than 500 homes were destroyed, according to the American Red Cross.", Some("the American Red Cross")),
            ("According to the American Red Cross, more than 500 homes were destroyed.", Some("the American Red Cross")),
            ("More than 500 homes were destroyed, according to a report by the American Red Cross.", Some("the American Red Cross")),
            ("The planet has lost half its wildlife since 1970 according to a 2014 study by the World Wildlife Fund.", Some("the World Wildlife Fund")),
            ("The officers were asleep, according to court documents.", Some("court documents")),
            ("According to Martin Heidegger we do not exist inside time.", Some("Martin Heidegger")),
            ("The death toll rose to 41, a Reuters tally showed.", Some("Reuters tally")),
            ("The drug cut infections by 80%, a new study found.", Some("new study")),
            ("A survey by Gallup found that most voters were undecided.", Some("Gallup")),
            ("Literature is classified according to whether it is fiction or not.", None),
            ("Writing must use language according to particular standards.", None),
        ]);
    }

    #[test]
    fn no_speaker() {
        check(&[
            ("LONDON (AP) \u{2014} Britain's Conservative Party was accused Wednesday of trying to deceive voters.", None),
            ("He said nothing.", None),
            ("She said so.", None),
            ("The man then lies injured.", None),
            ("As previously said, the bridge will close.", None),
            ("The so-called experts were wrong.", None),
            ("A so-called tally of the votes was posted.", None),
            ("Danilo Gallinari added 25 points.", None),
            ("To answer this question, the scientists asked five people to perform a \"direction discrimination\" task.", None),
            ("The Taliban claimed the attack, which it said killed five soldiers.", None),
            ("The plan is said to be ready.", None),
            ("That is what the mayor said.", None),
            ("This provides better color rendering, characteristic of quantum confined states.", None),
            ("After most slave states, located in the south, formed the Confederacy, troops mobilized.", None),
            ("The photo showed a newborn wrapped in a flag.", None),
            // A pronoun speaker needs the paragraph to be resolved.
            ("\"We will rebuild,\" she said.", None),
        ]);
    }
}
