//! Who a question says spoke: "What did the Unification Ministry say?" is
//! answered only by a sentence that ministry says, not by one that another
//! speaker says ("a spokesman for North Korea's foreign ministry said...")
//! or that says nothing ("the defector crossed...") for "what did the
//! defector say?".

use std::collections::HashSet;

use super::analyze::Analysis;
use super::verify::SAYING;
use crate::knowledge::Sentence;
use crate::text;

/// The auxiliaries between "what" and the speaker: "what *did* X say".
const AUXILIARIES: [&str; 7] = ["did", "does", "do", "has", "have", "had", "will"];

/// A sentence's own verbs of saying, when no attribution was read from it.
const SAID: [&str; 27] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "claimed",
    "claims",
    "announced",
    "announces",
    "warned",
    "warns",
    "stated",
    "states",
    "wrote",
    "writes",
    "argued",
    "argues",
    "added",
    "reported",
    "noted",
    "notes",
    "tweeted",
    "insisted",
    "declared",
    "explained",
    "explains",
    "according",
];

/// Speakers that are the article itself: "what does the headline say?".
const THE_ARTICLE: [&str; 8] = [
    "article", "headline", "report", "story", "piece", "page", "text", "source",
];

/// Pronouns, which name no one the sentence can be checked against.
const PRONOUNS: [&str; 8] = ["he", "she", "they", "it", "we", "you", "i", "someone"];

/// The speaker a question names, as the stems that may write each of its
/// words: the word itself, or the words of the lexicon phrase it stands for
/// ("nk" for "north korea").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AskedSpeaker(Vec<Vec<Vec<String>>>);

/// The speaker of "what did X say / tell / announce ...?", or `None` when
/// the question asks no such thing, or names the speaker by a pronoun or as
/// the article itself.
pub(super) fn asked_speaker(analysis: &Analysis) -> Option<AskedSpeaker> {
    let w = &analysis.words;
    let at = (0..w.len().saturating_sub(2))
        .find(|&i| w[i] == "what" && AUXILIARIES.contains(&w[i + 1].as_str()))?;
    let verb = (at + 2..w.len().min(at + 10)).find(|&k| SAYING.contains(&w[k].as_str()))?;
    let named: Vec<usize> = (at + 2..verb)
        .filter(|&k| !text::is_stopword(&w[k]))
        .collect();
    if named.is_empty()
        || named.iter().any(|&k| {
            let word = w[k].strip_suffix('s').unwrap_or(&w[k]);
            PRONOUNS.contains(&w[k].as_str()) || THE_ARTICLE.contains(&word)
        })
    {
        return None;
    }
    // "the group Freedom House": the names say who, "group" may go unsaid.
    let term_at = |k: usize| analysis.terms.iter().find(|t| t.pos == k);
    let names: Vec<usize> = named
        .iter()
        .copied()
        .filter(|&k| term_at(k).is_some_and(|t| t.named))
        .collect();
    let named = if names.is_empty() { named } else { names };
    let words = named
        .iter()
        .map(|&k| {
            let mut ways = vec![vec![text::stem(&w[k])]];
            if let Some(term) = term_at(k) {
                let phrase: Vec<String> = term.text.split(' ').map(text::stem).collect();
                if phrase.len() > 1 || phrase[0] != ways[0][0] {
                    ways.push(phrase);
                }
            }
            ways
        })
        .collect();
    Some(AskedSpeaker(words))
}

impl AskedSpeaker {
    /// Whether `sentence` is said by this speaker: its attribution names
    /// every word of the speaker, or, with none read, the sentence does and
    /// reports a saying (a verb of saying, or a quotation).
    pub(super) fn says(&self, sentence: &Sentence) -> bool {
        let names = |s: &str| {
            let stems: HashSet<String> = text::words(s).iter().map(|w| text::stem(w)).collect();
            self.0
                .iter()
                .all(|ways| ways.iter().any(|way| way.iter().all(|s| stems.contains(s))))
        };
        match &sentence.attribution {
            Some(who) => names(who),
            None => {
                names(&sentence.text)
                    && (sentence.text.contains(['"', '\u{201C}'])
                        || text::words(&sentence.text)
                            .iter()
                            .any(|w| SAID.contains(&w.as_str())))
            }
        }
    }
}

/// Whether the question asks who said something: "who said Pyongyang is
/// not linked to any cyber attacks?", "who told reporters ...?". Then the
/// sentence's speaker is the answer ([`speaker_answer`]), not another name
/// of the saying ("the United States").
pub(super) fn asks_who_said(analysis: &Analysis) -> bool {
    let w = &analysis.words;
    w.first().is_some_and(|f| f == "who")
        && w.get(1).is_some_and(|v| SAYING.contains(&v.as_str()))
        && w.len() > 3
}

/// The short answer naming `speaker`, the attribution read from `sentence`,
/// as the sentence writes it (with its determiner: "A spokesman for North
/// Korea's foreign ministry."); `None` when the sentence does not write it
/// as read.
pub(super) fn speaker_answer(sentence: &str, speaker: &str) -> Option<super::extract::Extracted> {
    let start = sentence.find(speaker)?;
    let end = start + speaker.len();
    let (from, word) = text::word_before(sentence, start);
    let start = if matches!(word.to_lowercase().as_str(), "a" | "an" | "the") {
        from
    } else {
        start
    };
    let shown = &sentence[start..end];
    let mut chars = shown.chars();
    let first = chars.next()?;
    Some(super::extract::Extracted {
        text: format!("{}{}.", first.to_uppercase(), chars.as_str()),
        glue: None,
        ranges: std::iter::once(start..end).collect(),
        kind: Some(super::extract::Wanted::Person),
        restates: false,
        unfinished: false,
    })
}
