//! Many stories side by side: the articles behind the bot, the newest first
//! (`/latest`, "what's new?"), titles found from a few typed letters (the
//! `article` option's autocomplete), and a question answered from one story
//! only (`/ask article:`).

use super::rank::{Query, Scored};
use super::readers::Reading as Read;
use super::verify::{self, Checked};
use super::{ArticleInfo, Engine, Reading};
use crate::answer::{Answer, Status, Story};
use crate::knowledge::{ArticleIx, FactIx};

/// How close (in log-odds) a fact of another story must rank to the best
/// one for a question to fit both stories.
const RIVAL_MARGIN: f32 = 0.5;

/// How many stories "what's new?" lists.
pub const LATEST: usize = 5;

impl Engine {
    /// The articles behind the bot, in load order.
    pub fn articles(&self) -> Vec<ArticleInfo> {
        let mut facts = vec![0usize; self.kb.articles.len()];
        for f in &self.kb.facts {
            facts[f.article.get()] += 1;
        }
        self.kb
            .articles
            .iter()
            .zip(facts)
            .map(|(a, facts)| ArticleInfo {
                id: a.id.clone(),
                title: a.title.clone(),
                paragraphs: a.paragraphs.len(),
                facts,
                outlet: a.meta.outlet.clone(),
                published: a.meta.published.clone(),
            })
            .collect()
    }

    /// The `n` newest articles: by publication date, newest first, then
    /// those with no known date, the last loaded first ([`Engine::recency`]).
    pub fn latest(&self, n: usize) -> Vec<ArticleInfo> {
        let mut articles: Vec<(usize, ArticleInfo)> =
            self.articles().into_iter().enumerate().collect();
        articles.sort_by_key(|(i, _)| std::cmp::Reverse(self.recency(*i)));
        articles.into_iter().take(n).map(|(_, a)| a).collect()
    }

    /// How recent article `i` is, for ordering: its publication date when
    /// known (ISO 8601 orders as text), then its place in load order; an
    /// article with no date comes after every dated one.
    pub(super) fn recency(&self, i: usize) -> (Option<&str>, usize) {
        (self.kb.articles[i].meta.published.as_deref(), i)
    }

    /// Up to `n` articles whose title holds what was typed: every typed
    /// word begins a word of the title (case and accents aside); the newest
    /// first. Nothing typed lists the newest.
    pub fn find_articles(&self, typed: &str, n: usize) -> Vec<ArticleInfo> {
        let typed = crate::text::words(typed);
        self.latest(usize::MAX)
            .into_iter()
            .filter(|a| {
                let title = crate::text::words(&a.title);
                typed
                    .iter()
                    .all(|t| title.iter().any(|w| w.starts_with(t.as_str())))
            })
            .take(n)
            .collect()
    }

    /// Answers `question` from the article `id` only; `None` when no
    /// article has that id (one retired or removed since it was offered).
    pub fn answer_within(&self, question: &str, id: &str) -> Option<Answer> {
        let a = self.kb.articles.iter().position(|a| a.id == id)?;
        let reading = Reading {
            previous: None,
            within: Some(ArticleIx(a as u32)),
        };
        Some(self.respond_in(question, false, reading).answer)
    }

    /// A fact of another story than `best`'s that answers the question
    /// about as well: ranked within [`RIVAL_MARGIN`] of it, likely enough
    /// to answer, with another answer.
    pub(super) fn rival(
        &self,
        question: &str,
        read: &[(Read, Query)],
        ranked: &[Scored],
        best: &Checked,
    ) -> Option<Checked> {
        let story = self.kb.fact(best.scored.fact).article;
        let at = ranked.iter().take(verify::LOOKED_AT).position(|s| {
            self.kb.fact(s.fact).article != story && best.scored.logit - s.logit <= RIVAL_MARGIN
        })?;
        // The rival as read for its own article.
        let (reading, _) = self.reading_of(read, &ranked[at..]);
        let rival = verify::check_one(
            question,
            &reading.analysis,
            ranked,
            (&self.kb, &self.index),
            &verify::DECISIONS,
            at,
            Some(super::BAR),
        )?;
        if rival.chance < self.needed(&rival) {
            return None;
        }
        let said =
            |c: &Checked| crate::text::words(&self.answered(question, c, &reading.analysis).answer);
        (said(best) != said(&rival)).then_some(rival)
    }

    /// The reply that asks which of the stories of `facts` the question is about.
    pub(super) fn which_story(&self, question: &str, facts: &[FactIx]) -> Answer {
        let stories: Vec<Story> = facts
            .iter()
            .map(|&f| {
                let a = self.kb.article(self.kb.fact(f).article);
                Story {
                    article: a.id.clone(),
                    title: a.title.clone(),
                    outlet: a.meta.outlet.clone(),
                    published: a.meta.published.clone(),
                }
            })
            .collect();
        Answer {
            question: question.to_string(),
            status: Status::Unknown,
            answer: "Which story do you mean?".to_string(),
            confidence: 0.0,
            sources: Vec::new(),
            suggestions: Vec::new(),
            stories,
        }
    }

    /// Whether `question` asks for the newest stories ("what's new?",
    /// "latest news"), read from its folded words and slang alone (no typo
    /// correction): cheap enough for a front end to ask before answering.
    pub fn asks_for_latest(&self, question: &str) -> bool {
        super::chat::asks_for_latest(&self.readers.main().words(question))
    }

    /// The reply to "what's new?": the newest stories, with their outlet
    /// and date, and a summary of each to ask for.
    pub(super) fn whats_new(&self, question: &str) -> Answer {
        let latest = self.latest(LATEST);
        let listed: Vec<String> = latest
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let about = described(&a.title, a.outlet.as_deref(), a.published.as_deref());
                format!("{}. {about}", i + 1)
            })
            .collect();
        let answer = format!("The newest stories: {}", listed.join("; "));
        let mut reply = self.decline(question, answer, &[]);
        reply.suggestions = latest
            .iter()
            .map(|a| format!("tldr of {}", a.title))
            .collect();
        reply
    }
}

/// `"Title" (Outlet, 2019-11-19)`: the day of a full timestamp.
pub fn described(title: &str, outlet: Option<&str>, published: Option<&str>) -> String {
    match outlet_and_day(outlet, published) {
        Some(from) => format!("\"{title}\" ({from})"),
        None => format!("\"{title}\""),
    }
}

/// `Outlet, 2019-11-19`, or the one of them that is known; the day of a
/// full timestamp.
pub fn outlet_and_day(outlet: Option<&str>, published: Option<&str>) -> Option<String> {
    match (outlet, published.map(day_of)) {
        (Some(o), Some(d)) => Some(format!("{o}, {d}")),
        (Some(o), None) => Some(o.to_string()),
        (None, Some(d)) => Some(d.to_string()),
        (None, None) => None,
    }
}

/// The day of an ISO 8601 date or timestamp: `2019-11-19` of
/// `2019-11-19T17:42:40+00:00`.
pub fn day_of(published: &str) -> &str {
    published.get(..10).unwrap_or(published)
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Builder;
    use crate::Engine;

    fn three() -> Engine {
        let dated = |d: &str| format!("[article]\npublished = \"{d}\"\noutlet = \"The Post\"\n");
        let kb = Builder::new()
            .curated_article(
                "storm",
                "Storm Nadia floods coastal towns\nStorm Nadia made landfall near Calder on Tuesday.\n",
                &dated("2024-03-02"),
            )
            .and_then(|b| {
                b.curated_article(
                    "court",
                    "Court fines chemical maker over river spill\nA court fined Oxley Ltd 2 million pounds on Friday.\n",
                    &dated("2024-03-05T10:00:00+00:00"),
                )
            })
            .and_then(|b| {
                b.article(
                    "ferry",
                    "Ferry delayed by fog in the harbour\nThe ferry left two hours late on Monday because of fog.\n",
                )
            })
            .unwrap()
            .build()
            .unwrap();
        Engine::new(kb)
    }

    #[test]
    fn the_newest_come_first_and_the_undated_last() {
        let ids: Vec<String> = three().latest(10).into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["court", "storm", "ferry"]);
        assert_eq!(three().latest(1).len(), 1);
    }

    #[test]
    fn titles_are_found_from_the_beginnings_of_their_words() {
        let e = three();
        let found =
            |t: &str| -> Vec<String> { e.find_articles(t, 5).into_iter().map(|a| a.id).collect() };
        assert_eq!(found("riv spi"), ["court"]);
        assert_eq!(found("FLOODS"), ["storm"]);
        assert_eq!(found(""), ["court", "storm", "ferry"]);
        assert!(found("volcano").is_empty());
    }

    #[test]
    fn an_answer_within_one_story_comes_from_it_or_declines() {
        let e = three();
        let within = e
            .answer_within("what happened on friday?", "storm")
            .unwrap();
        assert!(
            within.sources.iter().all(|s| s.article == "storm"),
            "{within:?}"
        );
        let court = e.answer_within("how much was the fine?", "court").unwrap();
        assert!(court.answer.contains("2 million"), "{court:?}");
        assert!(e.answer_within("how much was the fine?", "gone").is_none());
        let summary = e.answer_within("tldr", "ferry").unwrap();
        assert!(
            summary.answer.contains("Ferry delayed"),
            "{}",
            summary.answer
        );
    }

    /// Two stories about two Johns.
    fn two_johns() -> Engine {
        let kb = Builder::new()
            .article(
                "king",
                "King John signs charter\nKing John, nicknamed Lackland, signed the charter at Runnymede in 1215.\n",
            )
            .and_then(|b| {
                b.article(
                    "mathematician",
                    "Mathematician John von Neumann dies\nJohn von Neumann, nicknamed Johnny, died in Washington in 1957.\n",
                )
            })
            .unwrap()
            .build()
            .unwrap();
        Engine::new(kb)
    }

    #[test]
    fn a_question_that_fits_two_stories_asks_which_one() {
        let e = two_johns();
        let asked = e.answer("what was john's nickname?");
        assert!(!asked.is_answered(), "{asked:?}");
        assert_eq!(asked.answer, "Which story do you mean?");
        let ids: Vec<&str> = asked.stories.iter().map(|s| s.article.as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert!(
            ids.contains(&"king") && ids.contains(&"mathematician"),
            "{ids:?}"
        );
        assert!(asked.to_json().contains("\"stories\":[{\"article\""));
        // Named, the story is plain: no question back.
        let named = e.answer("what was john von neumann's nickname?");
        assert!(named.stories.is_empty(), "{named:?}");
        assert!(named.sources.iter().all(|s| s.article == "mathematician"));
        // An answer never carries an empty "stories" in its JSON.
        assert!(!named.to_json().contains("stories"));
    }

    #[test]
    fn the_number_of_a_story_answers_the_waiting_question_from_it() {
        use crate::engine::Conversation;
        let e = two_johns();
        let mut c = Conversation::default();
        let asked = e.answer_in(&mut c, "what was john's nickname?");
        let second = asked.stories[1].article.clone();
        let chosen = e.answer_in(&mut c, "2");
        assert!(chosen.is_answered(), "{chosen:?}");
        assert_eq!(chosen.sources[0].article, second);
        assert_eq!(chosen.question, "what was john's nickname?");
        // The choice is made: nothing waits for a story any more.
        assert!(e.choose_story(&mut c, "king").is_none());
        let mut fresh = Conversation::default();
        assert!(
            e.choose_story(&mut fresh, "king").is_none(),
            "nothing waits"
        );
    }

    #[test]
    fn whats_new_lists_the_newest_with_outlet_and_day() {
        let e = three();
        assert!(e.asks_for_latest("ok so what's new?"));
        assert!(e.asks_for_latest("Latest news pls"));
        assert!(!e.asks_for_latest("what's new about the fine?"));
        let a = three().answer("what's new?");
        assert!(!a.is_answered());
        assert!(
            a.answer.starts_with("The newest stories: 1. \"Court fines chemical maker over river spill\" (The Post, 2024-03-05); 2. \"Storm"),
            "{}",
            a.answer
        );
        assert_eq!(a.suggestions.len(), 3);
        assert!(a.suggestions[0].starts_with("tldr of Court fines"));
    }
}
