//! Follow-up questions: a conversation remembers its last answer, and the
//! next question is read against it. "Source?" or "who said that?" answers
//! about that answer; a question that names nothing ("how old was he?")
//! takes that answer's words as its context instead of the headline's; a
//! question that names something starts fresh; an elliptical one ("and the
//! civilians?", "when was that?", "by whom?") borrows the missing half from
//! the previous question. One implementation for
//! every front end (the terminal chat, Discord); it holds no clock and
//! nothing on disk: the front end decides when a conversation expires.

use super::index::TermId;
use super::Engine;
use crate::answer::{Answer, Status};
use crate::knowledge::ArticleIx;

/// What a conversation remembers between two questions.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    last: Option<Answer>,
    /// The last answered question, made whole when it was elliptical.
    asked: String,
    /// A question that fitted several stories, and their ids: the next
    /// turn may choose one (by its number, or a button).
    pending: Option<(String, Vec<String>)>,
}

impl Conversation {
    /// The last answered reply, if any.
    pub fn last(&self) -> Option<&Answer> {
        self.last.as_ref()
    }

    /// Nothing to remember: no answer, no story to choose.
    pub fn is_empty(&self) -> bool {
        self.last.is_none() && self.pending.is_none()
    }

    /// Remembers `answer` to `asked` (the question made whole) when it
    /// answers, or the stories it offers to choose from.
    fn remember(&mut self, asked: &str, answer: &Answer) {
        self.pending = (!answer.stories.is_empty()).then(|| {
            let ids = answer.stories.iter().map(|s| s.article.clone()).collect();
            (asked.to_string(), ids)
        });
        if answer.status == Status::Answered {
            self.asked = asked.to_string();
            self.last = Some(answer.clone());
        }
    }

    /// Forgets the last answer: the next question starts fresh.
    pub fn forget(&mut self) {
        self.last = None;
        self.pending = None;
    }
}

/// Words that open an elliptical follow-up ("and the civilians?"), longest first.
const CONNECTORS: &[&[&str]] = &[
    &["and", "what", "about"],
    &["and", "how", "about"],
    &["what", "about"],
    &["how", "about"],
    &["what", "of"],
    &["same", "for"],
    &["and"],
    &["also"],
    &["but"],
];

/// Words of a question's opening frame ("how many", "who", "what").
const FRAME: &[&str] = &[
    "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "many", "much", "old",
    "young", "long", "far", "often",
];

/// Question words.
pub(super) const WH: &[&str] = &[
    "who", "whom", "whose", "what", "which", "when", "where", "why", "how",
];

/// An elliptical follow-up, made whole.
enum Completed {
    /// The previous question's frame about something else: "how old" +
    /// "the civilians".
    Swapped(String),
    /// A question word about the previous question's subject: "when was
    /// that" + "shots were fired".
    Asked(String),
}

/// Both answers quote the same sentence first.
fn same_quote(a: &Answer, b: &Answer) -> bool {
    match (a.sources.first(), b.sources.first()) {
        (Some(x), Some(y)) => x.article == y.article && x.quote == y.quote,
        _ => false,
    }
}

/// A follow-up longer than this (in words) is a question of its own.
const FOLLOW_UP_WORDS: usize = 8;

/// Lower-case words, apostrophes dropped, other punctuation as spaces.
fn folded_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '\u{2019}'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The question asks where the previous answer comes from.
pub fn asks_for_source(question: &str) -> bool {
    // The longest of the phrases below has 19 letters and digits: a question
    // with more asks something else (and most questions are not read further).
    if question.chars().filter(|c| c.is_alphanumeric()).count() > 24 {
        return false;
    }
    let folded: String = question
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || *c == '\'')
        .collect::<String>()
        .to_lowercase()
        .replace('\'', "");
    let words: Vec<&str> = folded.split_whitespace().collect();
    matches!(
        words.join(" ").as_str(),
        "source"
            | "sources"
            | "your source"
            | "the source"
            | "whats the source"
            | "what is the source"
            | "whats your source"
            | "what is your source"
            | "who said that"
            | "who said it"
            | "who said so"
            | "who says"
            | "who says so"
            | "says who"
            | "says who exactly"
            | "who told you"
            | "who told you that"
            | "how do you know"
            | "how do you know that"
            | "where does it say that"
            | "where does it say so"
            | "where is that from"
            | "where did you read that"
            | "citation"
            | "cite"
            | "quote"
            | "proof"
    )
}

impl Engine {
    /// Answers `question` as the next turn of `conversation`, and remembers
    /// the answer when there is one.
    pub fn answer_in(&self, conversation: &mut Conversation, question: &str) -> Answer {
        // "2" after "which story do you mean?": that story.
        let chosen = conversation.pending.as_ref().and_then(|(_, ids)| {
            let n: usize = question.trim().trim_end_matches(['.', ')']).parse().ok()?;
            ids.get(n.checked_sub(1)?).cloned()
        });
        if let Some(id) = chosen {
            if let Some(answer) = self.choose_story(conversation, &id) {
                return answer;
            }
        }
        if asks_for_source(question) {
            if let Some(last) = &conversation.last {
                return where_from(question, last);
            }
        }
        let Some(last) = conversation.last.clone() else {
            let answer = self
                .respond_in(question, false, super::Reading::default())
                .answer;
            conversation.remember(question, &answer);
            return answer;
        };
        let context = self.context_of(&last, &conversation.asked);
        let ask = |asked: &str| {
            let reading = super::Reading {
                previous: Some(&context),
                within: None,
            };
            let mut answer = self.respond_in(asked, false, reading).answer;
            answer.question = question.to_string();
            answer
        };
        let (asked, answer) = match self.completed(question, &conversation.asked) {
            // "And the civilians?" answered by the very sentence of the last
            // answer asks about someone that sentence does not answer for:
            // the follow-up is read alone instead.
            Some(Completed::Swapped(whole)) => {
                let answer = ask(&whole);
                if same_quote(&answer, &last) || answer.status != Status::Answered {
                    (question.to_string(), ask(question))
                } else {
                    (whole, answer)
                }
            }
            Some(Completed::Asked(whole)) => {
                let answer = ask(&whole);
                (whole, answer)
            }
            None => (question.to_string(), ask(question)),
        };
        conversation.remember(&asked, &answer);
        answer
    }

    /// Answers the question that fitted several stories from the story
    /// `id`, as the next turn of `conversation`; `None` when no question
    /// waits for a story (or `id` is no longer served).
    pub fn choose_story(&self, conversation: &mut Conversation, id: &str) -> Option<Answer> {
        let (question, _) = conversation.pending.clone()?;
        let answer = self.answer_within(&question, id)?;
        conversation.remember(&question, &answer);
        Some(answer)
    }

    /// An elliptical follow-up made whole with the previous question: "and
    /// the civilians?" after "how old was the soldier?" reads "how old the
    /// civilians"; "when was that?" or "by whom?", which name nothing, read
    /// "when was that shots were fired" after "how many shots were fired?".
    /// `None` for a question that stands on its own.
    fn completed(&self, question: &str, previous: &str) -> Option<Completed> {
        let words = folded_words(question);
        if words.is_empty() || words.len() > FOLLOW_UP_WORDS {
            return None;
        }
        let previous = folded_words(previous);
        let frame_len = previous
            .iter()
            .take_while(|w| FRAME.contains(&w.as_str()))
            .count();
        let (frame, rest) = previous.split_at(frame_len);
        let opened = super::cues::opening_phrase(&words, CONNECTORS).map_or(0, <[&str]>::len);
        let tail = &words[opened..];
        if tail.is_empty() {
            return None;
        }
        let read = self.analyze(&tail.join(" "));
        let asks = !read.cues.wanted.is_empty()
            || read.cues.yes_no
            || tail.iter().any(|w| WH.contains(&w.as_str()));
        if opened > 0 && !asks && !frame.is_empty() {
            return Some(Completed::Swapped(format!(
                "{} {}",
                frame.join(" "),
                tail.join(" ")
            )));
        }
        let names_nothing = read.terms.is_empty() && read.cues.implied.is_empty();
        if asks && names_nothing && !rest.is_empty() {
            return Some(Completed::Asked(format!(
                "{} {}",
                tail.join(" "),
                rest.join(" ")
            )));
        }
        None
    }

    /// What a follow-up may lean on in the last answer (to `asked`, the
    /// question made whole).
    fn context_of(&self, answer: &Answer, asked: &str) -> Context {
        let half = |term: &str| {
            self.index
                .id(term)
                .map(|id| (id, 0.5 * self.index.idf[id as usize]))
        };
        let mut said: Vec<(TermId, f32)> = Vec::new();
        let text = match answer.sources.first() {
            Some(s) => format!("{asked} {}", s.quote),
            None => asked.to_string(),
        };
        let article = answer
            .sources
            .first()
            .and_then(|s| self.kb.articles.iter().position(|a| a.id == s.article));
        // Read as the article it comes from is.
        let analyzer = match article {
            Some(a) => self.readers.of(ArticleIx(a as u32)),
            None => self.readers.main(),
        };
        for (id, w) in analyzer
            .document_terms(&text)
            .iter()
            .filter_map(|t| half(t))
        {
            if !said.iter().any(|&(t, _)| t == id) {
                said.push((id, w));
            }
        }
        let headline = article.map_or("", |a| self.kb.articles[a].title.as_str());
        let mut story: Vec<(TermId, f32)> = Vec::new();
        let names = analyzer.document_terms(&format!("{headline} {asked}"));
        for (id, w) in names.iter().filter_map(|t| half(t)) {
            if self.index.proper[id as usize] && !story.iter().any(|&(t, _)| t == id) {
                story.push((id, w));
            }
        }
        Context { said, story }
    }
}

/// What a follow-up question leans on in the last answer, as query terms at
/// half their weight.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// The words of its question and its quote: for a question that names
    /// nothing ("how old was he?").
    pub said: Vec<(TermId, f32)>,
    /// Its story, by the names in the story's headline and its question:
    /// for a question with a pronoun that names something ("where did it
    /// crash?"), which may be answered by another sentence of that story.
    pub story: Vec<(TermId, f32)>,
}

/// The reply to "source?": who said the last answer, where.
fn where_from(question: &str, last: &Answer) -> Answer {
    let answer = match last.sources.first() {
        Some(s) => {
            let place = s.paragraph.map_or_else(
                || "its caption or headline".to_string(),
                |p| format!("paragraph {p}"),
            );
            match &s.attribution {
                Some(who) => format!("{who}, as quoted in \"{}\", {place}.", s.title),
                None => format!("\"{}\" says it in its own voice, {place}.", s.title),
            }
        }
        None => last.answer.clone(),
    };
    Answer {
        question: question.to_string(),
        status: Status::Answered,
        answer,
        confidence: last.confidence,
        sources: last.sources.clone(),
        suggestions: Vec::new(),
        stories: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::asks_for_source;

    #[test]
    fn source_questions_are_whole_phrases() {
        for q in [
            "source?",
            "Who said that?",
            "says who",
            "what's the source?",
            "How do you know?",
            "  Where did you read that???  ",
            "says who exactly",
        ] {
            assert!(asks_for_source(q), "{q}");
        }
        for q in [
            "who said the boat was small?",
            "what is the source of the river",
            "shots",
        ] {
            assert!(!asks_for_source(q), "{q}");
        }
    }
}
