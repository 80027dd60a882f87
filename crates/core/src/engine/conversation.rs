//! Follow-up questions: a conversation remembers its last answer, and the
//! next question is read against it. "Source?" or "who said that?" answers
//! about that answer; a question that names nothing ("how old was he?")
//! takes that answer's words as its context instead of the headline's; a
//! question that names something starts fresh. One implementation for
//! every front end (the terminal chat, Discord); it holds no clock and
//! nothing on disk: the front end decides when a conversation expires.

use super::index::TermId;
use super::Engine;
use crate::answer::{Answer, Status};

/// What a conversation remembers between two questions.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    last: Option<Answer>,
}

impl Conversation {
    /// The last answered reply, if any.
    pub fn last(&self) -> Option<&Answer> {
        self.last.as_ref()
    }

    /// Forgets the last answer: the next question starts fresh.
    pub fn forget(&mut self) {
        self.last = None;
    }
}

/// The question asks where the previous answer comes from.
pub fn asks_for_source(question: &str) -> bool {
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
        if asks_for_source(question) {
            if let Some(last) = &conversation.last {
                return where_from(question, last);
            }
        }
        let context = conversation.last.as_ref().map(|a| self.context_of(a));
        let answer = self.respond_in(question, false, context.as_deref()).answer;
        if answer.status == Status::Answered {
            conversation.last = Some(answer.clone());
        }
        answer
    }

    /// The terms of an answer (its question and main quote) at half weight.
    fn context_of(&self, answer: &Answer) -> Vec<(TermId, f32)> {
        let text = match answer.sources.first() {
            Some(s) => format!("{} {}", answer.question, s.quote),
            None => answer.question.clone(),
        };
        let mut context: Vec<(TermId, f32)> = Vec::new();
        for term in self.analyzer.document_terms(&text) {
            if let Some(id) = self.index.id(&term) {
                if !context.iter().any(|&(t, _)| t == id) {
                    context.push((id, 0.5 * self.index.idf[id as usize]));
                }
            }
        }
        context
    }
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
