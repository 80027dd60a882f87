//! Turning text into match terms: folding, chat slang, typo correction,
//! stemming, lexicon synonyms and stopwords.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::cues::{self, Cues};
use super::typo::TypoIndex;
use crate::knowledge::{CommonWords, Lexicon};
use crate::text;

/// Whether a word whose stem is [`GENERIC`]'s is generic itself: an "-ing"
/// form is a noun of its own ("machine learning", "the findings") unless
/// the list writes it ("happening", "going").
fn is_generic_form(word: &str) -> bool {
    !(word.ends_with("ing") || word.ends_with("ings")) || GENERIC.contains(&word)
}

/// Words that say little about what is asked ("what happened in the story"):
/// they count, but lightly.
const GENERIC: &[&str] = &[
    "happen",
    "happened",
    "happening",
    "news",
    "article",
    "story",
    "info",
    "information",
    "detail",
    "details",
    "thing",
    "things",
    "stuff",
    "mention",
    "mentioned",
    "talk",
    "explain",
    "describe",
    "described",
    "regarding",
    "concerning",
    "basically",
    "exactly",
    "guy",
    "guys",
    "bot",
    "hey",
    "lol",
    "pls",
    "something",
    "anything",
    "everything",
    "actually",
    "anybody",
    "somebody",
    "someone",
    "anyone",
    "give",
    "want",
    "need",
    "think",
    "find",
    "learn",
    // "rn" is "right now": a filler at the end of a chat question.
    "now",
    "kind",
    "kinds",
    "type",
    "types",
    "sort",
    "go",
    "going",
    "down",
    "nah",
    "huh",
    "yeah",
    "yes",
    "no",
    "okay",
    "ok",
    "right",
    "true",
    "really",
    "wonder",
    "curious",
    "yo",
    "bruh",
    "lmao",
    "omg",
    "wow",
    "hi",
    "hello",
    "dude",
    "man",
    "folks",
    "bit",
    "part",
    "happy",
    "say",
    "deal",
    "besides",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "about",
    "around",
    "exact",
    "precisely",
    "overall",
    "general",
    "generally",
    "specifically",
    "sum",
    "summary",
    "summarise",
    "summarize",
    "tldr",
    "gist",
    "recap",
    "overview",
    "brief",
    "briefly",
    "effect",
    "effects",
    "impact",
    "result",
    "consequence",
    "outcome",
    "status",
    "situation",
    "significance",
    "purpose",
    "point",
    "points",
    "main",
    "key",
    "highlights",
];

/// Verbs that may follow "what" ("what made", "what did"): never the thing asked for.
const NOT_A_FOCUS: &[&str] = &[
    "did", "does", "do", "made", "make", "makes", "has", "had", "have", "got", "went", "came",
    "took", "gave", "said", "told", "caused", "led", "saw", "showed", "shows", "happened",
    "happens", "is", "was", "are", "were", "will", "would", "can", "could", "should",
];

/// Auxiliaries that may open a question after its question word ("where
/// *was*", "where *did*"): after "were", they show it is "where".
const OPENING_AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "did", "does", "do", "can", "could", "will", "would", "should",
    "has", "had", "have",
];

/// Words that may stand between a question word and the thing asked for.
const FOCUS_SKIP: &[&str] = &[
    "is", "was", "are", "were", "the", "a", "an", "his", "her", "their", "its", "this", "that",
    "of", "exact", "actual", "kind", "type", "sort",
];

/// A word that looks like an inflected verb ("produced", "coming"): a
/// paraphrase of the article's verb more often than what a question is about.
fn looks_inflected(w: &str) -> bool {
    w.len() > 5 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// Words that negate a clause.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "cannot",
    "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent", "wont", "wouldnt", "couldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "cant",
];

/// Whether folded words hold a negation.
pub fn is_negated(words: &[String]) -> bool {
    words.iter().any(|w| is_negation(w))
}

/// Whether a folded word is a negation ("not", "never", "didnt").
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word)
}

/// A weekday or a month ("may" aside, which is also a verb).
fn is_calendar_word(w: &str) -> bool {
    cues::WEEKDAYS.contains(&w) || (cues::MONTHS.contains(&w) && w != "may")
}

/// Whether a folded word is an inflected form of a WordNet verb ("belies",
/// "fled"), not the verb's own lemma.
fn is_verb_inflection(w: &str) -> bool {
    factdesk_lexdb::Lexdb::get()
        .base_forms(w)
        .any(|(pos, base)| pos == factdesk_lexdb::Pos::Verb && base != w)
}

/// Whether `s` writes the folded word `w` in lower case (not as a name).
fn typed_in_lower_case(s: &str, w: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|t| t == w)
}

/// Folded words written with a capital letter other than the question's first word.
fn named_words(s: &str) -> Vec<String> {
    text::later_words(s)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .map(|w| text::without_accents(text::fold(w)))
        .collect()
}

/// Words that stand before a name without being part of it ("President
/// Trump" for an article's "President Donald Trump").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "president",
    "prime",
    "minister",
    "judge",
    "governor",
    "senator",
    "sen",
    "rep",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "sir",
    "lord",
    "lady",
    "saint",
    "st",
    "pope",
    "chancellor",
    "secretary",
    "captain",
    "mayor",
    "justice",
    "chief",
    "officer",
    "sergeant",
    "private",
    "colonel",
    "lieutenant",
];

/// Pairs of capitalised words standing side by side in the question, after
/// its first word: parts of one name, which an article answering it writes
/// side by side too. A pair never crosses punctuation ("UK, Skyfall"), a
/// possessive ("Oberhauser's"), a stopword ("The Sun"), a word of a
/// quantity ("12.5 Billion Canadian Dollars") or a title ("President
/// Trump"); a question typed in title case has none.
pub fn name_pairs(s: &str) -> Vec<(String, String)> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
    let capital = |t: &str| {
        t.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase)
    };
    // Title case: three in four longer words after the first or more are
    // capitalised ("How Many Awards Did It Win"; a question naming
    // "Game of the Year" and "Twilight Princess" has fewer).
    let long: Vec<&&str> = tokens.iter().skip(1).filter(|t| letters(t) > 3).collect();
    if long.len() >= 3 && long.iter().filter(|t| capital(t)).count() * 4 >= long.len() * 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut previous: Option<(String, String)> = None;
    for (i, token) in tokens.iter().enumerate() {
        if token.starts_with(|c: char| !c.is_alphanumeric()) {
            previous = None;
        }
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let (word, possessive) = match word.find(['\'', '’']) {
            Some(at) => (&word[..at], true),
            None => (word, false),
        };
        let named = i > 0 && word.starts_with(char::is_uppercase) && word.chars().count() > 1;
        if !named {
            previous = None;
            continue;
        }
        let folded = text::without_accents(text::fold(word));
        if text::is_stopword(&folded) || super::extract::is_quantity_word(&folded) {
            // "The Sun": an article's stopwords are no part of its names.
            previous = None;
            continue;
        }
        let stem = text::stem(&folded);
        if let Some((before, before_stem)) = previous.take() {
            if !TITLES.contains(&before.as_str()) {
                out.push((before_stem, stem.clone()));
            }
        }
        let ends = possessive || token.ends_with(|c: char| !c.is_alphanumeric());
        previous = (!ends).then_some((folded, stem));
    }
    out
}

/// Words of `s` spelled on purpose, so never a typo, folded as
/// [`text::words`] folds them: typed with an accent ("Hervé", "café"), or in
/// mixed case, a capital after a small letter ("PlayStation", "McDonald",
/// "iPhone"), whatever word of the knowledge they are a slip or two from.
fn spelled_on_purpose(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_ascii()
                || w.chars()
                    .zip(w.chars().skip(1))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
        })
        .map(|w| text::without_accents(text::fold(w)))
        .collect()
}

/// One match term of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The stemmed word or the lexicon's canonical term.
    pub text: String,
    /// The user's word was corrected to reach it.
    pub corrected: bool,
    /// A low-information word ("happened", "story").
    pub generic: bool,
    /// The thing the question asks for ("how many *victims*", "what *gun*"): a fact must hold it.
    pub focus: bool,
    /// Position of its first word.
    pub pos: usize,
    /// It names something specific (a capitalized word mid-question, a weekday,
    /// a month): if the knowledge has never heard of it, the question is not about it.
    pub named: bool,
    /// The user's word looks like an inflected verb ("produced", "coming").
    pub verb_form: bool,
    /// Other terms that match it, each with how much such a match counts
    /// (its family, synonyms and kinds: see [`super::meaning`]), shared
    /// with the per-thread memo of the words read lately.
    pub alts: super::meaning::QuestionTerms,
    /// The user's word is a common English word (`common-words.txt`).
    pub common: bool,
}

/// A question, read.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Folded words after slang and typo correction.
    pub words: Vec<String>,
    /// Content terms, in order, without repeats.
    pub terms: Vec<Term>,
    /// The question-type cues.
    pub cues: Cues,
    /// (typed, corrected) pairs.
    pub corrections: Vec<(String, String)>,
    /// The question holds a negation ("not", "never", "didn't").
    pub negated: bool,
    /// What the question asks for, read from its own words.
    pub wanted: Option<super::extract::Wanted>,
    /// Stems of two capitalised words standing side by side in the question,
    /// part of one name ("Radar Princess", "Nine Eyes"); see [`name_pairs`].
    pub name_pairs: Vec<(String, String)>,
    /// The question writes a word capitalised after its first: it writes
    /// its names so, and a word it writes in lowercase is no name ("marshal
    /// law" in "Why was marshal law declared in Burma?").
    pub cased: bool,
    /// Per word, whether typo correction wrote it.
    corrected: Vec<bool>,
    /// Slang was expanded.
    slang: bool,
    /// The question with its slang and typos replaced word for word, when
    /// there were any ([`Analysis::read_as`]).
    fixed: Option<String>,
}

impl Analysis {
    /// `question` as this analysis read it, the text the short-answer reader
    /// is given: its own, or, when slang or typos were read, the same with
    /// each such word replaced, its case and punctuation kept ("wat did the
    /// unifcation ministery say" is read "what did the unification ministry
    /// say").
    pub fn read_as<'q>(&'q self, question: &'q str) -> &'q str {
        self.fixed.as_deref().unwrap_or(question)
    }
}

/// A question's words as read before its terms.
struct QuestionWords {
    /// Its capitalised words after the first, folded.
    names: Vec<String>,
    /// Folded words after slang and typo correction.
    words: Vec<String>,
    /// Per word, whether typo correction wrote it.
    corrected: Vec<bool>,
    /// (typed, corrected) pairs.
    corrections: Vec<(String, String)>,
    /// Slang was expanded.
    slang: bool,
}

/// The words typo correction aims at, and its index.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
    typos: TypoIndex,
    /// Words the knowledge writes as names ([`names_written`]).
    names: HashSet<String>,
}

impl Vocabulary {
    /// This vocabulary, knowing `names` as the words the knowledge writes as names.
    pub fn with_names(self, names: HashSet<String>) -> Vocabulary {
        Vocabulary { names, ..self }
    }
}

/// The folded words that `sentences` write as names: capitalised after a
/// sentence's first word more often than in lower case ("North" in "the
/// North", "Seoul"; not "Hand" in a title).
pub fn names_written<'a>(sentences: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut seen: HashMap<String, (u32, u32)> = HashMap::default();
    for sentence in sentences {
        for w in text::later_words(sentence) {
            let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else {
                continue;
            };
            let folded = text::without_accents(text::fold(w));
            let (capital, lower) = seen.entry(folded).or_default();
            if first.is_uppercase() {
                *capital += 1;
            } else {
                *lower += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(_, (capital, lower))| capital > lower)
        .map(|(w, _)| w)
        .collect()
}

/// Reads text with the knowledge base's lexicon and vocabulary.
///
/// Cloning is cheap: the vocabulary, its typo index and the common words
/// are shared, so each article with a lexicon of its own has an analyzer
/// of its own ([`Analyzer::with_own`]).
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    lexicon: Lexicon,
    /// The stems of [`GENERIC`].
    generic: Arc<HashSet<String>>,
    /// Sorted common English words: real words, so never corrected.
    common: Arc<CommonWords>,
    vocabulary: Arc<HashSet<String>>,
    typos: Arc<TypoIndex>,
    /// Words the knowledge writes as names.
    names: Arc<HashSet<String>>,
}

impl Analyzer {
    /// An analyzer that knows only the lexicon (for indexing documents).
    pub fn new(lexicon: Lexicon, common: CommonWords) -> Analyzer {
        Analyzer {
            generic: Arc::new(GENERIC.iter().map(|w| text::stem(w)).collect()),
            lexicon,
            common: Arc::new(common),
            vocabulary: Arc::default(),
            typos: Arc::default(),
            names: Arc::default(),
        }
    }

    /// This analyzer with `own` (an article's own lexicon) added to its
    /// lexicon, sharing everything else.
    pub fn with_own(&self, own: &Lexicon) -> Analyzer {
        let mut lexicon = self.lexicon.clone();
        lexicon.extend(own.clone());
        Analyzer {
            lexicon,
            ..self.clone()
        }
    }

    /// Whether `own`'s groups could read a question's terms otherwise than
    /// without them: `own` holds one of the words it is `read` as (slang and
    /// typos fixed), or the first word of one of its phrases.
    pub fn touches(own: &Lexicon, read: &[String]) -> bool {
        read.iter().any(|w| {
            let s = text::stem(w);
            own.canonical(&s).is_some() || own.phrase_starts.contains(&s)
        })
    }

    /// The typo-correction vocabulary: the knowledge's own words (`counts`, as
    /// counted while indexing), with the stopwords, cue words, the words and
    /// slang of the lexicon and of `own` (the articles' own lexicons) added.
    pub fn vocabulary(&self, mut counts: HashMap<String, u32>, own: &[&Lexicon]) -> Vocabulary {
        let mut add = |w: String, n: u32| *counts.entry(w).or_insert(0) += n;
        for w in crate::text::STOPWORD_LIST.iter().chain(cues::CUE_WORDS) {
            add(w.to_string(), 0);
        }
        for lexicon in std::iter::once(&self.lexicon).chain(own.iter().copied()) {
            for group in &lexicon.groups {
                for term in group {
                    for w in text::words(term) {
                        add(w, 1);
                    }
                }
            }
            for (k, v) in &lexicon.slang {
                add(k.clone(), 0);
                for w in v {
                    add(w.clone(), 0);
                }
            }
        }
        let mut sorted: Vec<(String, u32)> =
            counts.into_iter().map(|(w, n)| (w, n.max(1))).collect();
        sorted.sort_unstable();
        Vocabulary {
            words: sorted.iter().map(|(w, _)| w.clone()).collect(),
            typos: TypoIndex::new(sorted),
            names: HashSet::default(),
        }
    }

    /// Installs the vocabulary built by [`Analyzer::vocabulary`].
    pub fn set_vocabulary(&mut self, vocabulary: Vocabulary) {
        self.vocabulary = Arc::new(vocabulary.words);
        self.names = Arc::new(vocabulary.names);
        self.typos = Arc::new(vocabulary.typos);
    }

    /// Folded words with slang expanded.
    pub fn words(&self, s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for w in text::words(s) {
            match self.lexicon.slang.get(&w) {
                Some(rep) => out.extend(rep.iter().cloned()),
                None => out.push(w),
            }
        }
        out
    }

    /// The match terms of knowledge text (no typo correction, no cues).
    pub fn document_terms(&self, s: &str) -> Vec<String> {
        self.word_terms(&self.words(s))
    }

    /// The match terms of words already read with [`Analyzer::words`].
    pub fn word_terms(&self, words: &[String]) -> Vec<String> {
        self.terms(words, &[]).into_iter().map(|t| t.text).collect()
    }

    /// The match terms of article words with the meaning terms of each
    /// (families, senses, hypernyms: see [`super::meaning`]).
    pub fn content_terms(&self, words: &[String]) -> Vec<String> {
        let mut out = self.word_terms(words);
        let mut seen: HashSet<&str> = HashSet::default();
        let mut have: HashSet<String> = out.iter().cloned().collect();
        // The words of a lexicon phrase count by themselves too: "rank" in
        // "low-ranking", read as the phrase's canonical term.
        for w in words {
            if !text::is_stopword(w) {
                let s = text::stem(w);
                if have.insert(s.clone()) {
                    out.push(s);
                }
            }
        }
        // A phrasal verb written as one noun ("laid off": "layoff") is that word.
        for pair in words.windows(2) {
            if let Some(noun) = super::meaning::particle_compound(&pair[0], &pair[1]) {
                let s = text::stem(&noun);
                if have.insert(s.clone()) {
                    out.push(s);
                }
            }
        }
        // Each word's meaning, and a phrasal verb's ("laid off": "furloughed").
        let phrasal = super::meaning::phrasal_verbs(words);
        for w in words.iter().chain(&phrasal) {
            if seen.insert(w.as_str()) {
                for t in super::meaning::article_terms_of(w).iter() {
                    if have.insert(t.clone()) {
                        out.push(t.clone());
                    }
                }
            }
        }
        out
    }

    /// Reads a question.
    pub fn question(&self, s: &str) -> Analysis {
        self.question_terms(s, self.question_words(s))
    }

    /// Reads a question whose words `read` has read already (an analyzer
    /// with the same slang and vocabulary): its terms, with this analyzer's
    /// lexicon phrases.
    pub fn question_as(&self, s: &str, read: &Analysis) -> Analysis {
        // What it asks for, its negation and names are the words' own.
        let (cues, terms) = self.cues_and_terms(&read.words, &named_words(s), &read.corrected);
        Analysis {
            words: read.words.clone(),
            terms,
            cues,
            corrections: read.corrections.clone(),
            negated: read.negated,
            wanted: read.wanted,
            name_pairs: read.name_pairs.clone(),
            cased: read.cased,
            corrected: read.corrected.clone(),
            slang: read.slang,
            fixed: read.fixed.clone(),
        }
    }

    /// A question's words: slang expanded, split words joined, typos fixed.
    fn question_words(&self, s: &str) -> QuestionWords {
        let mut corrections = Vec::new();
        // Names are left as typed, unless long enough to be a misspelled name
        // the knowledge holds ("Panmunjum").
        let names = named_words(s);
        let on_purpose = spelled_on_purpose(s);
        let raw = self.join_split_words(text::words(s), &mut corrections);
        let mut words = Vec::with_capacity(raw.len());
        let mut corrected = Vec::with_capacity(raw.len());
        let mut slang = false;
        for (w, known) in raw {
            if let Some(rep) = self.lexicon.slang.get(&w) {
                slang = true;
                words.extend(rep.iter().cloned());
                corrected.extend(rep.iter().map(|_| false));
            } else if let Some(full) = (!known).then(|| self.typos.expand_skeleton(&w)).flatten() {
                corrections.push((w.clone(), full.to_string()));
                words.push(full.to_string());
                corrected.push(true);
            } else if let Some(fix) = (known
                && !self.vocabulary.contains(&w)
                && !self.common.contains(&w)
                && !is_verb_inflection(&w))
            .then(|| self.typos.real_word_slip(&w))
            .flatten()
            {
                // A real word the knowledge never writes, one slip from one it
                // does ("boarder" for "border"); a verb's inflection ("belies")
                // is typed on purpose, whatever noun it is one letter from ("beliefs").
                corrections.push((w.clone(), fix.to_string()));
                words.push(fix.to_string());
                corrected.push(true);
            } else if known || w.chars().count() < 4 || on_purpose.contains(&w) {
                words.push(w);
                corrected.push(false);
            } else if names.contains(&w) && w.chars().count() < 6 {
                // A short name is left as typed, unless two of its letters are
                // swapped from a word the knowledge writes and WordNet knows
                // it not ("Kroea", "Nroth"), or it is one slip from a name
                // the knowledge writes often ("Norh", "Seoal").
                match self.swapped_from_known(&w).or_else(|| {
                    self.typos
                        .name_slip(&w, |fix| self.names.contains(fix))
                        .map(str::to_string)
                }) {
                    Some(fix) => {
                        corrections.push((w.clone(), fix.clone()));
                        words.push(fix);
                        corrected.push(true);
                    }
                    None => {
                        words.push(w);
                        corrected.push(false);
                    }
                }
            } else if let Some(fix) = super::typo::question_word_slip(&w) {
                // "wich" is "which", not the more frequent "with".
                corrections.push((w.clone(), fix.to_string()));
                words.push(fix.to_string());
                corrected.push(true);
            } else if let Some(fix) = self.typos.respelled(&w).or_else(|| {
                if typed_in_lower_case(s, &w) {
                    self.typos.correct_framed(&w)
                } else {
                    self.typos.correct(&w)
                }
            }) {
                corrections.push((w.clone(), fix.to_string()));
                words.push(fix.to_string());
                corrected.push(true);
            } else if let Some(fix) = super::typo::one_slip_from(&w, |c| self.common.contains(c))
                .or_else(|| {
                    // "denyng" is "denying", a form of a word WordNet knows.
                    (w.chars().count() >= 6 && typed_in_lower_case(s, &w))
                        .then(|| super::typo::one_slip_from_wordnet(&w))
                        .flatten()
                })
            {
                // "happend" is "happened", a common word the articles need not write.
                corrections.push((w.clone(), fix.to_string()));
                words.push(fix.to_string());
                corrected.push(true);
            } else {
                words.push(w);
                corrected.push(false);
            }
        }
        // "Were was the boat found?": "were" before another auxiliary opens
        // no English question; it is "where" with a letter dropped.
        if words.len() >= 2
            && words[0] == "were"
            && OPENING_AUXILIARIES.contains(&words[1].as_str())
        {
            corrections.push((words[0].clone(), "where".to_string()));
            words[0] = "where".to_string();
            corrected[0] = true;
        }
        QuestionWords {
            names,
            words,
            corrected,
            corrections,
            slang,
        }
    }

    /// A question's terms and cues, from its words.
    fn question_terms(&self, s: &str, read: QuestionWords) -> Analysis {
        let QuestionWords {
            names,
            words,
            corrected,
            corrections,
            slang,
        } = read;
        let (cues, terms) = self.cues_and_terms(&words, &names, &corrected);
        // What is asked for is read from the words as corrected ("hw lng
        // after" asks how long) when slang or typos were fixed.
        let read_as = if corrections.is_empty() && !slang {
            std::borrow::Cow::Borrowed(s)
        } else {
            std::borrow::Cow::Owned(words.join(" "))
        };
        let fixed = (!corrections.is_empty() || slang).then(|| self.fixed_text(s, &corrections));
        Analysis {
            // A topic request asks for what the article says, not for one typed fact.
            wanted: super::extract::wanted_of(&read_as).filter(|_| !cues.topic),
            negated: is_negated(&words),
            name_pairs: name_pairs(s),
            cased: !names.is_empty(),
            words,
            terms,
            cues,
            corrections,
            corrected,
            slang,
            fixed,
        }
    }

    /// `s` with each word typo correction or slang read otherwise replaced by
    /// what it was read as, its case and punctuation kept; chat filler
    /// ("lmao") is left out, the punctuation after it kept.
    fn fixed_text(&self, s: &str, corrections: &[(String, String)]) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        for token in s.split_whitespace() {
            let punct = |c: char| !c.is_alphanumeric();
            let start = token.len() - token.trim_start_matches(punct).len();
            let end = token.trim_end_matches(punct).len().max(start);
            let core = &token[start..end];
            let replacement = match text::words(core).as_slice() {
                [w] => corrections
                    .iter()
                    .find(|(typed, _)| typed == w)
                    .map(|(_, read)| read.clone())
                    .or_else(|| self.lexicon.slang.get(w).map(|rep| rep.join(" "))),
                _ => None,
            };
            let piece = match replacement {
                // Filler goes, the punctuation after it stays ("huts tho?").
                Some(read) if read.is_empty() => {
                    out.push_str(&token[end..]);
                    continue;
                }
                Some(read) => format!("{}{read}{}", &token[..start], &token[end..]),
                None => token.to_string(),
            };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece);
        }
        out
    }

    /// A question's cues and terms from its words (with their `names` and
    /// which typo correction wrote), read with this analyzer's lexicon.
    fn cues_and_terms(
        &self,
        words: &[String],
        names: &[String],
        corrected: &[bool],
    ) -> (Cues, Vec<Term>) {
        let mut cues = cues::detect(words);
        // "which news agency": a type noun ending a phrase the lexicon knows
        // is read as part of it (the type is still wanted).
        let in_phrase: Vec<usize> = cues
            .type_nouns
            .iter()
            .copied()
            .filter(|&j| self.ends_a_phrase(words, j))
            .collect();
        cues.consumed.retain(|j| !in_phrase.contains(j));
        let mut terms = self.terms_marked(words, &cues.consumed, corrected);
        if cues.implied.is_empty() {
            if let Some(at) = cues.focus_at {
                let noun = |t: &&mut Term| {
                    let w = words.get(t.pos).map_or("", String::as_str);
                    !NOT_A_FOCUS.contains(&w) && !looks_inflected(w)
                };
                if let Some(t) = terms
                    .iter_mut()
                    .find(|t| t.pos >= at && !t.generic)
                    .filter(noun)
                {
                    // Only the word right after the question word: "what gun", "how many victims", "what was the name".
                    let between = &words[at..t.pos.min(words.len())];
                    if between.iter().all(|w| FOCUS_SKIP.contains(&w.as_str())) {
                        t.focus = true;
                    }
                }
            }
        }
        for implied in &cues.implied {
            let stem = text::stem(implied);
            if !terms.iter().any(|t| t.text == stem) {
                terms.push(Term {
                    text: stem,
                    corrected: false,
                    generic: false,
                    focus: true,
                    named: false,
                    verb_form: false,
                    alts: super::meaning::QuestionTerms::default(),
                    common: false,
                    pos: words.len(),
                });
            }
        }
        for t in &mut terms {
            t.named = words
                .get(t.pos)
                .is_some_and(|w| names.contains(w) || is_calendar_word(w));
            t.verb_form = words.get(t.pos).is_some_and(|w| looks_inflected(w));
            t.common = words.get(t.pos).is_some_and(|w| self.common.contains(w));
            if !t.generic {
                if let Some(w) = words.get(t.pos).filter(|w| text::stem(w) == t.text) {
                    t.alts = super::meaning::question_terms_of(w);
                    // A phrasal verb's meaning too ("stepped down": "resigned"),
                    // and the noun it is written as ("turned out": "turnout").
                    let next = words.get(t.pos + 1);
                    let phrasal = next.and_then(|next| super::meaning::phrasal_verb(w, next));
                    let compound = next.and_then(|next| super::meaning::particle_compound(w, next));
                    if phrasal.is_some() || compound.is_some() {
                        let mut alts = t.alts.to_vec();
                        let mut add = |x: &String, f: f32| {
                            if !alts.iter().any(|(y, _)| y == x) {
                                alts.push((x.clone(), f));
                            }
                        };
                        if let Some(noun) = &compound {
                            add(&text::stem(noun), super::meaning::FAMILY);
                        }
                        if let Some(phrase) = &phrasal {
                            for (x, f) in super::meaning::question_terms_of(phrase).iter() {
                                add(x, *f);
                            }
                        }
                        t.alts = alts.into();
                    }
                }
            }
        }
        (cues, terms)
    }

    /// `partial` with its unfinished last word completed to the most frequent
    /// vocabulary word it begins ("how many warn" -> "how many warning"); `None`
    /// when the last word is complete, too short, or begins no known word.
    pub fn complete_last_word(&self, partial: &str) -> Option<String> {
        let start = partial
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let last = text::fold(&partial[start..]);
        if last.chars().count() < 2 || self.vocabulary.contains(&last) {
            return None;
        }
        let word = self.typos.complete(&last)?;
        Some(format!("{}{word}", &partial[..start]))
    }

    /// The word of the knowledge `w` is, two adjacent letters swapped back,
    /// when `w` itself is no word the knowledge, the common words or WordNet
    /// know.
    fn swapped_from_known(&self, w: &str) -> Option<String> {
        if !w.is_ascii() || self.knows(w) {
            return None;
        }
        let b = w.as_bytes();
        (1..b.len().saturating_sub(1)).find_map(|i| {
            let mut swapped = b.to_vec();
            swapped.swap(i, i + 1);
            let swapped = String::from_utf8(swapped).ok()?;
            self.vocabulary.contains(&swapped).then_some(swapped)
        })
    }

    /// A word to leave as typed: in the knowledge, an English word (common,
    /// or known to WordNet in some form: "belies"), or not a plain word.
    fn knows(&self, w: &str) -> bool {
        self.vocabulary.contains(w)
            || w.chars().any(|c| !c.is_alphabetic())
            || self.common.contains(w)
            || factdesk_lexdb::Lexdb::get().base_forms(w).next().is_some()
    }

    /// "wanna cry" -> "wannacry": two words, one of them unknown, that the
    /// vocabulary knows (or nearly knows) as one. Each word comes with
    /// whether it is a known word ([`Analyzer::knows`]), read once.
    fn join_split_words(
        &self,
        raw: Vec<String>,
        corrections: &mut Vec<(String, String)>,
    ) -> Vec<(String, bool)> {
        let known: Vec<bool> = raw.iter().map(|w| self.knows(w)).collect();
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if let Some(next) = raw.get(i + 1) {
                let (w, n) = (&raw[i], next);
                let alphabetic = |x: &str| x.chars().all(char::is_alphabetic);
                // Correcting the joined word is worth it only when one half is
                // no word at all: "guards use" is no "guardhouse".
                let one_unknown = !known[i] || !known[i + 1];
                // Nor when one half is a stopword ("the iss" is no "theirs")
                // or a negation ("not usng" is no "nothing").
                let stopword = text::is_stopword(w) || text::is_stopword(n) || is_negation(w);
                if alphabetic(w) && alphabetic(n) && !stopword {
                    let joined = format!("{w}{n}");
                    // Two known words that the knowledge writes more often
                    // than their joining, itself no English word, stay
                    // apart: "von Neumann", not the "Vonneumann" an article
                    // writes once ("peace keeping" is "peacekeeping").
                    let apart = || {
                        let count = self.typos.count(&joined);
                        self.typos.count(w).min(self.typos.count(n)) > count
                            && !self.common.contains(&joined)
                            && factdesk_lexdb::Lexdb::get()
                                .base_forms(&joined)
                                .next()
                                .is_none()
                    };
                    let fixed = if self.vocabulary.contains(&joined) {
                        (one_unknown || !apart()).then_some(joined)
                    } else if one_unknown {
                        self.typos.correct(&joined).map(str::to_string)
                    } else {
                        None
                    };
                    if let Some(f) = fixed.filter(|f| f.chars().count() >= 6) {
                        corrections.push((format!("{w} {n}"), f.clone()));
                        let k = self.knows(&f);
                        out.push((f, k));
                        i += 2;
                        continue;
                    }
                }
            }
            out.push((raw[i].clone(), known[i]));
            i += 1;
        }
        out
    }

    fn terms(&self, words: &[String], skip: &[usize]) -> Vec<Term> {
        self.terms_marked(words, skip, &[])
    }

    /// Every term of the words in order, repeats kept, with the position of
    /// its first word: where in a sentence each term stands.
    pub fn term_sequence(&self, words: &[String]) -> Vec<(usize, String)> {
        self.terms_in_order(words, &[], &[], false)
            .into_iter()
            .map(|t| (t.pos, t.text))
            .collect()
    }

    /// Stems, matches lexicon phrases (longest first), drops stopwords and repeats.
    fn terms_marked(&self, words: &[String], skip: &[usize], corrected: &[bool]) -> Vec<Term> {
        self.terms_in_order(words, skip, corrected, true)
    }

    fn terms_in_order(
        &self,
        words: &[String],
        skip: &[usize],
        corrected: &[bool],
        dedup: bool,
    ) -> Vec<Term> {
        let stems: Vec<String> = words.iter().map(|w| text::stem(w)).collect();
        let mut out: Vec<Term> = Vec::new();
        let mut push = |t: Term| {
            if !dedup || !out.iter().any(|o| o.text == t.text) {
                out.push(t);
            }
        };
        let mut i = 0;
        while i < words.len() {
            if skip.contains(&i) {
                i += 1;
                continue;
            }
            let found = self.phrase_at(&stems, words, skip, i);
            // "the south korean ...": a stopword opening a phrase ("the south") yields
            // to a longer phrase starting just after it ("south korean").
            if let Some((len, _)) = found {
                let next = self.phrase_at(&stems, words, skip, i + 1);
                if text::is_stopword(&words[i]) && next.is_some_and(|(l, _)| i + 1 + l > i + len) {
                    i += 1;
                    continue;
                }
            }
            let base = Term {
                text: String::new(),
                corrected: corrected.get(i).copied().unwrap_or(false),
                generic: false,
                focus: false,
                named: false,
                verb_form: false,
                alts: super::meaning::QuestionTerms::default(),
                common: false,
                pos: i,
            };
            if let Some((len, canon)) = found {
                push(Term {
                    text: canon.to_string(),
                    ..base
                });
                i += len;
                continue;
            }
            if !text::is_stopword(&words[i]) {
                let s = &stems[i];
                push(Term {
                    text: s.clone(),
                    generic: self.generic.contains(s) && is_generic_form(&words[i]),
                    ..base
                });
            }
            i += 1;
        }
        out
    }

    /// Whether word `j` ends a lexicon phrase of two words or more.
    fn ends_a_phrase(&self, words: &[String], j: usize) -> bool {
        let Some(upto) = words.get(..=j) else {
            return false;
        };
        let from = j.saturating_sub(self.lexicon.longest_phrase.saturating_sub(1));
        let stems: Vec<String> = upto.iter().map(|w| text::stem(w)).collect();
        (from..j).any(|i| {
            self.phrase_at(&stems, upto, &[], i)
                .is_some_and(|(len, _)| i + len == j + 1)
        })
    }

    /// The longest lexicon phrase starting at word `i`: its length and canonical term.
    fn phrase_at(
        &self,
        stems: &[String],
        words: &[String],
        skip: &[usize],
        i: usize,
    ) -> Option<(usize, &str)> {
        if i >= words.len() || skip.contains(&i) {
            return None;
        }
        let longest = if self.lexicon.phrase_starts.contains(&stems[i]) {
            self.lexicon.longest_phrase.min(words.len() - i)
        } else {
            1
        };
        for len in (1..=longest).rev() {
            if (i..i + len).any(|k| skip.contains(&k)) {
                continue;
            }
            if len == 1 && text::is_stopword(&words[i]) {
                return None;
            }
            let key: std::borrow::Cow<str> = if len == 1 {
                (&stems[i]).into()
            } else {
                stems[i..i + len].join(" ").into()
            };
            if let Some(canon) = self.lexicon.canonical(&key) {
                return Some((len, canon));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{name_pairs, names_written, Analyzer};
    use crate::knowledge::{CommonWords, Lexicon};

    /// An analyzer with `lexicon`, the `common` words (one a line) and a
    /// vocabulary of `known` words, as an index would count them.
    fn analyzer(lexicon: Lexicon, common: &str, known: &[(&str, u32)]) -> Analyzer {
        let mut analyzer = Analyzer::new(lexicon, CommonWords::parse(common.to_string()));
        let counts = known.iter().map(|&(w, n)| (w.to_string(), n)).collect();
        analyzer.set_vocabulary(analyzer.vocabulary(counts, &[]));
        analyzer
    }

    #[test]
    fn a_short_name_with_two_letters_swapped_is_the_knowledges_word() {
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[("korea", 3), ("north", 3), ("kora", 2)],
        );
        let read = |q: &str| analyzer.question(q).words.join(" ");
        assert_eq!(read("Did North Kroea deny it?"), "did north korea deny it");
        assert_eq!(read("Was the Nroth involved?"), "was the north involved");
        // Another name, and a word WordNet knows, stay as typed.
        assert_eq!(read("Did Kira deny it?"), "did kira deny it");
        assert_eq!(read("Did the Koran say so?"), "did the koran say so");
    }

    #[test]
    fn a_short_name_one_slip_from_a_name_written_often_is_that_name() {
        let mut analyzer = Analyzer::new(Lexicon::default(), CommonWords::default());
        let counts = [("north", 5), ("hand", 5), ("seoul", 2), ("korea", 4)]
            .iter()
            .map(|&(w, n)| (w.to_string(), n))
            .collect();
        let names = names_written(
            [
                "Troops of the North fired.",
                "He said North Korea and Seoul met.",
                "The hand was hurt, the hand bled.",
                "It was Hand in hand.",
            ]
            .into_iter(),
        );
        analyzer.set_vocabulary(analyzer.vocabulary(counts, &[]).with_names(names));
        let read = |q: &str| analyzer.question(q).words.join(" ");
        assert_eq!(
            read("Did bullets from the Norh cross?"),
            "did bullets from the north cross"
        );
        assert_eq!(
            read("What did Nerth Korea say?"),
            "what did north korea say"
        );
        // A common word is no name; a name written once or twice may be
        // one slip from the one the question means.
        assert_eq!(read("What did Hanz say?"), "what did hanz say");
        assert_eq!(read("Was Seoal there?"), "was seoal there");
    }

    #[test]
    fn names_are_words_written_capitalised_mid_sentence() {
        let names = names_written(
            [
                "The North said so.",
                "North of here, the north wind blew from the North.",
            ]
            .into_iter(),
        );
        assert!(names.contains("north"), "{names:?}");
        assert!(!names.contains("the"), "{names:?}");
        let names = names_written(["It went north.", "They said North."].into_iter());
        assert!(!names.contains("north"), "{names:?}");
    }

    #[test]
    fn a_word_in_mixed_case_is_a_name_spelled_on_purpose() {
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[
                ("plantation", 3),
                ("donald", 3),
                ("phone", 2),
                ("soldier", 2),
            ],
        );
        let read = |q: &str| analyzer.question(q).words.join(" ");
        assert_eq!(
            read("Who makes the PlayStation?"),
            "who makes the playstation"
        );
        assert_eq!(read("what did McDonald say"), "what did mcdonald say");
        // Written in one case, the same slips are corrected.
        assert_eq!(read("who makes the plantaion"), "who makes the plantation");
        assert_eq!(read("WHAT DID THE SOLDEIR SAY"), "what did the soldier say");
    }

    #[test]
    fn a_light_verbs_ing_noun_is_no_light_word() {
        let analyzer = analyzer(Lexicon::default(), "", &[("machine", 3)]);
        let generic = |question: &str, stem: &str| {
            let read = analyzer.question(question);
            let term = read.terms.iter().find(|t| t.text == stem);
            term.unwrap_or_else(|| panic!("{stem} in {:?}", read.terms))
                .generic
        };
        assert!(!generic("what is machine learning", "learn"));
        assert!(!generic("what were the findings", "find"));
        assert!(generic("what can we learn from it", "learn"));
        assert!(generic("what is happening there", "happen"));
    }

    #[test]
    fn a_typo_of_a_common_word_the_knowledge_never_writes_is_corrected() {
        let analyzer = analyzer(
            Lexicon::default(),
            "happened\nwhich\n",
            &[("soldier", 3), ("panmunjom", 2)],
        );
        let read = analyzer.question("what happend to the soldeir at panmunjom");
        let fixed =
            |typo: &str, word: &str| read.corrections.iter().any(|(a, b)| a == typo && b == word);
        assert!(fixed("happend", "happened"), "{:?}", read.corrections);
        // The knowledge's own words come first.
        assert!(fixed("soldeir", "soldier"), "{:?}", read.corrections);
    }

    #[test]
    fn a_name_of_two_words_stays_apart_when_written_so_more_often() {
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[
                ("von", 40),
                ("neumann", 45),
                ("vonneumann", 1),
                ("peacekeeping", 1),
                ("peace", 9),
                ("keeping", 4),
            ],
        );
        let read = |q: &str| analyzer.question(q).words.join(" ");
        // The article writes "Vonneumann" once and "von Neumann" forty times.
        assert_eq!(
            read("When was von Neumann born?"),
            "when was von neumann born"
        );
        // An English word written as two still joins.
        assert_eq!(
            read("Which peace keeping effort?"),
            "which peacekeeping effort"
        );
    }

    #[test]
    fn two_slips_are_undone_only_in_a_word_typed_in_lower_case() {
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[("warning", 4), ("shots", 4), ("hana", 2), ("official", 2)],
        );
        let read = |q: &str| analyzer.question(q).words.join(" ");
        assert_eq!(read("how many warang shots"), "how many warning shots");
        // A name two edits from the knowledge's word is another name.
        assert_eq!(
            read("Honda was the official car of what?"),
            "honda was the official car of what"
        );
    }

    #[test]
    fn a_slip_of_a_word_no_article_writes_is_read_as_that_word() {
        let analyzer = analyzer(Lexicon::default(), "", &[("korea", 4), ("denied", 2)]);
        let read = |q: &str| analyzer.question(q).words.join(" ");
        assert_eq!(read("is korea denyng it"), "is korea denying it");
        // Not a name, and not a short word.
        assert_eq!(read("did Denyng write it"), "did denyng write it");
        assert_eq!(read("is it a gost"), "is it a gost");
    }

    #[test]
    fn a_negation_joins_no_word_after_it() {
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[
                ("tools", 3),
                ("respondents", 2),
                ("nothing", 2),
                ("using", 2),
            ],
        );
        let read = analyzer.question("how many respondents not usng tools");
        assert!(
            read.words.contains(&"not".to_string()),
            "{:?}",
            read.corrections
        );
        assert!(
            !read.words.contains(&"nothing".to_string()),
            "{:?}",
            read.corrections
        );
    }

    #[test]
    fn a_slip_of_a_question_word_is_read_as_it() {
        // "with" is one edit from "wich" too, and far more frequent.
        let analyzer = analyzer(
            Lexicon::default(),
            "",
            &[("with", 40), ("university", 2), ("which", 1)],
        );
        let read = analyzer.question("wich universty did they go to");
        assert_eq!(read.words[0], "which", "{:?}", read.corrections);
        // Read as "with", it would ask for nothing.
        assert!(read.wanted.is_some());
    }

    #[test]
    fn were_before_an_auxiliary_is_where() {
        let analyzer = analyzer(Lexicon::default(), "", &[("boat", 2), ("found", 2)]);
        let read = analyzer.question("Were was the boat found?");
        assert_eq!(read.words[0], "where", "{:?}", read.corrections);
        assert_eq!(read.wanted, Some(super::super::extract::Wanted::Place));
        // A question that opens with "were" asks yes or no.
        let read = analyzer.question("Were the boats found?");
        assert_eq!(read.words[0], "were", "{:?}", read.corrections);
    }

    #[test]
    fn a_question_words_contraction_is_read_whole() {
        let analyzer = analyzer(
            Lexicon::general(),
            "hold\nwhy\n",
            &[("measured", 3), ("hold", 2)],
        );
        let read = analyzer.question("how'd they measure it");
        assert_eq!(read.words[..2], ["how", "did"], "{:?}", read.corrections);
        assert!(
            !read.corrections.iter().any(|(typo, _)| typo == "howd"),
            "{:?}",
            read.corrections
        );
        let read = analyzer.question("why'd she do it");
        assert_eq!(read.wanted, Some(super::super::extract::Wanted::Reason));
    }

    /// "the U.S." in an article is the United States, as "the US",
    /// "the USA" or "America" in a question: not "you" and "s".
    #[test]
    fn a_dotted_initialism_reads_as_its_letters_together() {
        let analyzer = analyzer(Lexicon::general(), "", &[]);
        let sentence =
            analyzer.document_terms("In the U.S., more than 2% of people react to peanuts.");
        for question in ["Is it common in America?", "Is it common in the US?"] {
            let asked = analyzer.question(question);
            let country = asked.terms.last().expect("a term");
            assert!(
                sentence.contains(&country.text),
                "{question}: {country:?} in {sentence:?}"
            );
        }
        assert!(!sentence.iter().any(|t| t == "you"), "{sentence:?}");
    }

    #[test]
    fn the_words_of_a_lexicon_phrase_are_terms_of_the_article_too() {
        let lexicon = Lexicon::parse(r#"groups = [["low-ranking", "junior"]]"#).unwrap();
        let analyzer = Analyzer::new(lexicon, CommonWords::parse(String::new()));
        let terms = analyzer.content_terms(&analyzer.words("A low-ranking soldier defected."));
        assert!(
            terms.iter().any(|t| t == "low rank"),
            "the phrase: {terms:?}"
        );
        // "What rank was he?" finds "low-ranking".
        let rank = crate::text::stem("rank");
        assert!(terms.contains(&rank), "{terms:?}");
    }

    fn pairs(s: &str) -> Vec<(String, String)> {
        name_pairs(s)
    }

    #[test]
    fn name_pairs_are_capitalised_words_side_by_side() {
        assert_eq!(
            pairs("What accolade did Radar Princess receive?"),
            vec![("radar".to_string(), "princess".to_string())]
        );
        // Punctuation, possessives, stopwords and titles end a name.
        assert!(pairs("Which film did better in the UK, Skyfall or Spectre?").is_empty());
        assert!(pairs("What is Franz Oberhauser's other name?").len() == 1);
        assert!(pairs("Who was editor of The Sun in 1998?").is_empty());
        assert!(pairs("What did President Trump say?").is_empty());
        // Nor is a quantity, capitalised or not.
        assert!(pairs("What year was 12.5 Billion Canadian Dollars assigned?").is_empty());
        // The first word is capitalised anyway.
        assert!(pairs("Spectre grossed how much?").is_empty());
        // A question typed in title case says nothing by its capitals.
        assert!(pairs("What Did The North Korean Soldier Do After Crossing?").is_empty());
        // A question naming several names is not in title case.
        assert_eq!(
            pairs("How many Game of the Year awards did Radar Princess receive?"),
            vec![("radar".to_string(), "princess".to_string())]
        );
    }
}
