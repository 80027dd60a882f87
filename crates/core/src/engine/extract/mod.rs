//! Short answers: the few words of a sentence that answer a question.
//!
//! The engine finds the sentence of an article that answers a question and
//! quotes it; this module picks, from that sentence, the span that answers —
//! "Up to 20 warning shots." for "How many warning shots were fired?", "On
//! November 27, 2017." for "When was the photo taken?", "A ditch near the
//! line." for "What did the soldier crash his jeep into?". It is pure (no
//! I/O; its only state is a per-thread memo of WordNet look-ups) and reads
//! words through the embedded WordNet ([`factdesk_lexdb`]).
//!
//! - [`candidates`] lists the typed spans of a sentence (amounts, dates,
//!   times, ages, persons, organisations, places) with their byte ranges;
//! - [`wanted_of`], [`focus_of`] and [`question_words_of`] read a question;
//! - [`short_answer`] (and [`extract`], which also tells where the answer
//!   lies) chooses the span.
//!
//! An answer is always words of the sentence (one span, or two for a hedged
//! age: "Reportedly 19."), optionally after a glue word from [`GLUE`],
//! first letter capitalised and ending with a full stop; never the whole
//! sentence. `None` when no span answers well.
//!
//! How the span is chosen, by what is wanted:
//! - amounts, dates, times, ages, persons, organisations, places: the
//!   candidate of that kind (or a close kind) nearest the question's words
//!   in the sentence, on the side the question points to, not made of the
//!   question's own words, preferring one whose counted noun is the focus
//!   ("how many *shots*"); widened with "the", a preposition of time or place,
//!   the names it is listed with and a bracketed gloss;
//! - reasons and purposes: the phrase a cause opens ("because of", "due to",
//!   "in order to", "to" + verb...) after the question's words;
//! - things, manners and the rest: the phrase beside a group of question
//!   words on the side the question's form points to ("What did X crash
//!   into?" reads after them, "What lowered X?" before), a noun phrase whose
//!   head WordNet makes a kind of the focus ("what *birds*" -> "common
//!   blackbirds"), or the phrase the question's preposition opens ("blended
//!   *with* what?");
//! - yes/no: the clause holding most question words, its reporting frame
//!   dropped, "No:"/"Yes:" only when its polarity is certain.
//!
//! Files: `tokens` (the sentence as tokens), `words` and `lexicon` (word
//! lists, WordNet), `numbers`, `dates` and `names` (candidates), `question`
//! (reading the question), `choose` (matching and rendering), `typed`,
//! `stretch`, `phrase` and `clause` (the choices). `examples/extract_eval.rs`
//! measures it on the tuning kits.
//!
//! Cost: a few tens of microseconds per sentence once its words have been
//! looked up (a per-thread memo keeps WordNet's answers), up to a few
//! hundred for a sentence of new words.

mod choose;
mod clause;
mod dates;
mod expansion;
mod lexicon;
mod names;
mod numbers;
mod phrase;
mod question;
mod stretch;
mod tokens;
mod typed;
mod words;

#[cfg(test)]
mod tests;

pub(crate) use question::{measured_after_how, names_a_figure};

use std::ops::Range;

/// What a question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wanted {
    /// A count or measure: "how many", "how far".
    Number,
    /// "How much did it cost?"
    Money,
    /// "What percentage...?"
    Percent,
    /// "How long...?"
    Duration,
    /// "When...?", "What year...?"
    Date,
    /// "What time...?"
    Time,
    /// "How old...?"
    Age,
    /// "Who...?"
    Person,
    /// "Which agency...?"
    Organisation,
    /// "Where...?"
    Place,
    /// "Why...?"
    Reason,
    /// "What for...?", "For what purpose...?"
    Purpose,
    /// "How did...?"
    Manner,
    /// "Did...?", "Was...?"
    YesNo,
    /// "What...?" with no typed noun.
    Thing,
}

impl Wanted {
    /// The kind's name, as `--explain` shows it ("place", "sum of money").
    pub fn name(self) -> &'static str {
        match self {
            Wanted::Number => "number",
            Wanted::Money => "sum of money",
            Wanted::Percent => "percentage",
            Wanted::Duration => "duration",
            Wanted::Date => "date",
            Wanted::Time => "time",
            Wanted::Age => "age",
            Wanted::Person => "person",
            Wanted::Organisation => "organisation",
            Wanted::Place => "place",
            Wanted::Reason => "reason",
            Wanted::Purpose => "purpose",
            Wanted::Manner => "manner",
            Wanted::YesNo => "yes or no",
            Wanted::Thing => "thing",
        }
    }

    /// Whether a span of this kind is a name: a person's, an
    /// organisation's, a place's, or one of no known kind (`Thing`).
    pub(super) fn is_a_name(self) -> bool {
        matches!(
            self,
            Wanted::Person | Wanted::Organisation | Wanted::Place | Wanted::Thing
        )
    }
}

/// A question, as the engine has read it.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The question as typed (markup already removed).
    pub question: &'a str,
    /// What it asks for; `None` to read it from `question` ([`wanted_of`]).
    pub wanted: Option<Wanted>,
    /// The thing asked about as the user wrote it ("shots" in "how many
    /// shots"); `None` to read it from `question` ([`focus_of`]).
    pub focus: Option<&'a str>,
    /// The question's content words, folded and lower-cased, typos
    /// corrected ([`question_words_of`] gives them for a plain question).
    pub question_words: &'a [String],
}

/// A typed span of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// What it is: one of `Number`, `Money`, `Percent`, `Duration`, `Date`,
    /// `Time`, `Age`, `Person`, `Organisation`, `Place`.
    pub kind: Wanted,
    /// Where it starts in the sentence (byte offset).
    pub start: usize,
    /// Where it ends in the sentence (byte offset, exclusive).
    pub end: usize,
}

impl Span {
    /// The span's text in `sentence`.
    pub fn text<'s>(&self, sentence: &'s str) -> &'s str {
        &sentence[self.start..self.end]
    }
}

/// A short answer and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The answer as shown: glue, the span(s), capitalised, with a full stop.
    pub text: String,
    /// The glue word put before the span, if any ("In", "Because"...).
    pub glue: Option<&'static str>,
    /// Byte ranges of the sentence the answer shows, in order (one, or two).
    pub ranges: Vec<Range<usize>>,
    /// The kind of span chosen, when it was a typed candidate; `Thing`
    /// when it gives the kind asked for ([`Extracted::gives_a_kind`]).
    pub kind: Option<Wanted>,
    /// It says only what the question says ("Mainland." for "what
    /// mainland?"): a reply shows the sentence instead.
    pub restates: bool,
    /// It stops on a word that needs more after it ("... are known
    /// statewide as.", "... the production of a."): a reply shows the
    /// sentence instead.
    pub unfinished: bool,
}

impl Extracted {
    /// Whether a reply shows this short answer rather than the sentence.
    pub fn shown(&self) -> bool {
        !self.restates && !self.unfinished
    }

    /// Whether it is the thing asked with what makes it a kind ("An old,
    /// engineless boat." for "what kind of boat?").
    pub fn gives_a_kind(&self) -> bool {
        self.kind == Some(Wanted::Thing)
    }
}

/// Words an answer may add to the sentence's: "In 1041.", "Because ...".
pub const GLUE: &[&str] = &["In", "On", "At", "Yes:", "No:", "Because", "By", "About"];

/// A typed span inside the module: token ranges of the whole span and of
/// its core (the number, the name without its title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cand {
    pub kind: Wanted,
    pub a: usize,
    pub b: usize,
    pub core: (usize, usize),
}

/// Typed spans of a tokenised sentence, in order, untyped names (kind
/// `Thing`) included.
fn scan(t: &tokens::Toks) -> Vec<Cand> {
    let (mut out, mut used) = numbers::scan(t);
    names::scan(t, &mut used, &mut out);
    out.sort_by_key(|c| c.a);
    out
}

/// Whether `text` states an amount of the kind `wanted` in words a span may
/// miss: a spelled number or multiplier ("a dozen", "thousands"), an
/// ordinal ("the fourth time this year"; never a sum of money or a
/// percentage: "the first examples" prices nothing), or, for a duration, a
/// unit of time ("a month after"); words of `asked` (the question's own) do
/// not count.
pub fn states_an_amount(text: &str, wanted: Wanted, asked: &[String]) -> bool {
    let time = wanted == Wanted::Duration;
    let ordinals = !matches!(wanted, Wanted::Money | Wanted::Percent);
    crate::text::words(text).iter().any(|word| {
        !asked.contains(word)
            && (spells_an_amount(word) && (ordinals || !words::ORDINALS.contains(&word.as_str()))
                || (time && words::TIME_UNITS.contains(&word.as_str())))
    })
}

/// Whether a word spells an amount: a spelled number, an ordinal or a
/// multiplier ("two", "fourth", "dozen").
fn spells_an_amount(word: &str) -> bool {
    use words::{MULTIPLIERS, ORDINALS, SPELLED};
    SPELLED.contains(&word) || ORDINALS.contains(&word) || MULTIPLIERS.contains(&word)
}

/// Whether a folded word scales or prices an amount ("billion", "dollars"):
/// a word of a quantity, not of a name, however it is written ("12.5
/// Billion Canadian Dollars").
pub fn is_quantity_word(word: &str) -> bool {
    words::MULTIPLIERS.contains(&word) || words::CURRENCY_WORDS.contains(&word)
}

/// Whether a folded word is a number in figures ("20", "5.7", "200,000").
pub fn is_figure(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// The nouns `text` counts: for each number in it (digits or spelled, with
/// its scale: "5.7 million"), the first counted noun among the few words
/// after it, before any stopword or stop ("20 warning shots" counts
/// "shots", "three field-ready brigade groups" counts "groups").
pub fn counted_nouns(text: &str) -> Vec<String> {
    let words = crate::text::words(text);
    let number = |w: &str| is_figure(w) || spells_an_amount(w);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !number(&words[i]) {
            i += 1;
            continue;
        }
        while i < words.len()
            && (number(&words[i]) || words::MULTIPLIERS.contains(&words[i].as_str()))
        {
            i += 1;
        }
        let counted = words[i..]
            .iter()
            .take(4)
            .take_while(|w| !crate::text::is_stopword(w))
            .find(|w| lexicon::is_counted_noun(w));
        if let Some(w) = counted {
            out.push(w.clone());
        }
    }
    out
}

/// Whether `w` is a plural or mass noun a number can count ("victims", "tons").
pub fn is_counted_noun(w: &str) -> bool {
    lexicon::is_counted_noun(w)
}

/// Whether `text` measures something in a unit of length, weight, area,
/// volume, power or data ("190 kilometers (118 miles)", "12GB"), which no
/// sum of money is.
pub fn measures(text: &str) -> bool {
    crate::text::words(text).iter().any(|w| {
        words::UNITS.contains(&w.as_str())
            && !matches!(w.as_str(), "times" | "fold" | "percent" | "points")
    })
}

/// Whether a span says only what the question does: every number word of it
/// ("two" in "Two North Korean civilians", "20" in "20 rounds"), or every word
/// when it has none, is one of `asked`.
pub fn restates(span: &str, asked: &[String]) -> bool {
    restates_words(&crate::text::words(span), asked)
}

/// [`restates`] of a span's words ([`crate::text::words`]).
pub fn restates_words(words: &[String], asked: &[String]) -> bool {
    let numeric = |w: &&String| w.chars().any(|c| c.is_ascii_digit()) || spells_an_amount(w);
    let mut numbers = words.iter().filter(numeric).peekable();
    if numbers.peek().is_some() {
        numbers.all(|w| asked.contains(w))
    } else {
        words.iter().all(|w| asked.contains(w))
    }
}

/// Whether `text` says why or what for: "because of heavy fog", "to honor
/// the flag", "after a dispute", "as he was injured".
pub fn gives_a_cause(text: &str) -> bool {
    clause::gives_a_cause(&crate::text::words(text))
}

/// The words of `text`'s capitalised runs that are adjectives before a
/// noun ("South Korean guards"), folded: they name no thing.
pub fn modifying_capitals(text: &str) -> Vec<String> {
    names::modifying_capitals(text)
}

/// The typed spans of `sentence` (amounts with their unit or counted noun,
/// dates and times, ages, persons, organisations, places), in order, with
/// byte ranges into it.
pub fn candidates(sentence: &str) -> Vec<Span> {
    ReadSentence::with_spans(sentence).1
}

/// The typed spans of `t`'s text, with byte ranges (the `Thing` spans left out).
fn spans_of(t: &tokens::Toks, cands: &[Cand]) -> Vec<Span> {
    cands
        .iter()
        .filter(|c| c.kind != Wanted::Thing)
        .map(|c| Span {
            kind: c.kind,
            start: t.start(c.a),
            end: t.end_without_possessive(c.b - 1),
        })
        .collect()
}

/// A sentence read once for the short-answer reader: its typed spans, kept
/// (beside the index, a few bytes each) so that answering does not scan it
/// again.
#[derive(Clone, Debug, Default)]
pub struct ReadSentence {
    /// The sentence's length in bytes (a check that it is read back against the same text).
    len: usize,
    /// Its typed spans, by token; `None` for a sentence too long to keep them
    /// in 16 bits (read afresh).
    cands: Option<Box<[KeptCand]>>,
    /// Its tokens.
    toks: tokens::KeptToks,
}

/// A typed span of a kept reading, its token offsets in 16 bits.
#[derive(Clone, Copy, Debug)]
struct KeptCand {
    kind: Wanted,
    a: u16,
    b: u16,
    core: (u16, u16),
}

impl ReadSentence {
    /// Reads `sentence`, and gives its typed spans too (see [`candidates`]).
    pub fn with_spans(sentence: &str) -> (ReadSentence, Vec<Span>) {
        let t = tokens::Toks::new(sentence);
        let cands = scan(&t);
        let spans = spans_of(&t, &cands);
        let small = |i: usize| u16::try_from(i).ok();
        let kept = cands
            .iter()
            .map(|c| {
                Some(KeptCand {
                    kind: c.kind,
                    a: small(c.a)?,
                    b: small(c.b)?,
                    core: (small(c.core.0)?, small(c.core.1)?),
                })
            })
            .collect();
        let read = ReadSentence {
            len: sentence.len(),
            cands: kept,
            toks: t.keep(),
        };
        (read, spans)
    }

    /// [`extract`] from `sentence`, the one it was read from.
    pub fn extract(&self, sentence: &str, request: &Request) -> Option<Extracted> {
        if sentence.len() != self.len {
            return choose::extract(sentence, request);
        }
        let t = tokens::Toks::kept(sentence, &self.toks);
        let cands = match &self.cands {
            Some(kept) => kept
                .iter()
                .map(|c| Cand {
                    kind: c.kind,
                    a: c.a.into(),
                    b: c.b.into(),
                    core: (c.core.0.into(), c.core.1.into()),
                })
                .collect(),
            _ => scan(&t),
        };
        choose::extract_from(&t, cands, request)
    }
}

/// Whether a question's folded words ask the length of a thing ("how long
/// is the DMZ?"), which a span of time does not answer, rather than how long
/// something lasts.
pub fn asks_a_length(words: &[String]) -> bool {
    question::asks_a_length(words)
}

/// What `question` asks for, read from its words: "how many" -> `Number`,
/// "when" -> `Date`, "what gun" -> the type of "gun" by WordNet (`Thing`)...
/// `None` when it has no question word and does not open with an auxiliary.
pub fn wanted_of(question: &str) -> Option<Wanted> {
    question::Parsed::of(question).question().wanted
}

/// The thing `question` asks about, as written: "warning shots" in "How many
/// warning shots were fired?", "gun" in "What gun was used?".
pub fn focus_of(question: &str) -> Option<String> {
    question::Parsed::of(question)
        .question()
        .focus_text()
        .map(str::to_string)
}

/// Whether `question` asks for a kind of its focus: "what kind of boat?",
/// "how is the border described?".
pub fn asks_a_kind(question: &str) -> bool {
    question::Parsed::of(question).question().kind_of()
}

/// The content words of `question`, folded ([`crate::text::words`] without
/// stopwords and question words), as the engine passes them in [`Request`].
pub fn question_words_of(question: &str) -> Vec<String> {
    question::content_words(question)
}

/// The short answer to `request` in `sentence`: a few of its words (see the
/// module documentation), or `None` when no span answers well.
pub fn short_answer(sentence: &str, request: &Request) -> Option<String> {
    extract(sentence, request)
        .filter(Extracted::shown)
        .map(|e| e.text)
}

/// Like [`short_answer`], with the glue and the ranges of the sentence shown.
pub fn extract(sentence: &str, request: &Request) -> Option<Extracted> {
    choose::extract(sentence, request)
}
