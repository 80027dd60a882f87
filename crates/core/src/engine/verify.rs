//! The last look at the best few facts: does the sentence hold what the
//! question asks for? The short-answer reader ([`super::extract`]) tries to
//! take the answer out of each; whether it finds one, and of the type asked
//! for, weighs in the decision to answer. The choice of fact stays the
//! ranker's: re-ordering the best few by their chance was measured to lose
//! answers on every question set. A fact that cannot reach the bar
//! whatever its short answer says is declined unread ([`Bar`]).

use super::analyze::Analysis;
use super::contradiction::contradicts;
use super::extract::{self, Extracted, Request, Wanted};
use super::features::{sigmoid, Logistic};
use super::fits::{
    a_measure_for_money, a_point_for_a_span, a_sum_for_a_count, a_time_for_a_count,
    a_time_for_a_length, a_year_only_compared, ages_another_thing, amounts_of_other_names,
    another_grain, asks_a_makers_name, asks_a_name, asks_a_persons_name, asks_an_uncompared_amount,
    asks_to_count_a_thing, asks_when, counts_another_thing, counts_the_thing_asked,
    curated_of_another_grain, holds_a_name, holds_a_persons_name, holds_the_amount,
    may_hold_the_amount, may_tell_when, names_only_the_kind, of_another_grain,
    only_a_time_for_a_count, only_times_of_saying,
};
use super::index::Index;
use super::rank::Scored;
use super::speaker::{asked_speaker, asks_who_said, speaker_answer};
use crate::knowledge::{Fact, KnowledgeBase};

/// The log-odds an answer read from the text gains when it counts the very
/// thing "how many" asks about, by the question's own noun ("Seven
/// provinces." for "how many provinces?"; [`counts_the_thing_asked`]). The
/// model has no measure of it: on our question sets, 89 of the 97 replies
/// the bonus touches are right (92%), while the model alone gave them 0.80
/// on average (0.89 with the bonus).
pub const COUNTED: f32 = 0.8;

/// How many of the best facts are looked at.
pub const LOOKED_AT: usize = 5;

/// How many measures of its own the decision weighs, before the fact's
/// [`Features`](super::features::Features).
pub const OWN: usize = 6;

/// How many measures the decision weighs: its own, then the fact's.
pub const COUNT: usize = OWN + super::features::COUNT;

/// The names of the decision's own measures, in order (the training script
/// reads them; the fact's follow, named as in [`super::features::NAMES`]).
pub const NAMES: [&str; OWN] = [
    "logit",
    "lead",
    "typed_question",
    "typed_found",
    "extracted",
    "curated",
];

/// Where the measures the short answer sets stand among [`NAMES`].
const TYPED_QUESTION: usize = 2;
const TYPED_FOUND: usize = 3;
const EXTRACTED: usize = 4;

/// The decision's two models: curated facts (their answers written by a
/// curator, their example questions at hand) and facts read from the text
/// differ in what their measures mean, so each has its own weights.
#[derive(Debug, Clone, Copy)]
pub struct Decisions {
    /// For facts read from the article's text.
    pub read: Logistic<COUNT>,
    /// For curated facts.
    pub curated: Logistic<COUNT>,
}

impl Decisions {
    /// The model for a fact, curated or not.
    pub fn of(&self, curated: bool) -> &Logistic<COUNT> {
        if curated {
            &self.curated
        } else {
            &self.read
        }
    }
}

/// The learned decision.
pub const DECISIONS: Decisions = Decisions {
    read: super::model::DECISION,
    curated: super::model::DECISION_CURATED,
};

/// The chance a fact must reach to be answered. A fact whose chance cannot
/// reach it, whatever its short answer says, is declined unread: neither
/// the short-answer reader nor the rules that decline run for it.
#[derive(Debug, Clone, Copy)]
pub struct Bar {
    /// For a curated fact.
    pub curated: f32,
    /// For a fact read from the text.
    pub read: f32,
}

impl Bar {
    /// The bar for a fact, curated or not.
    pub fn of(&self, curated: bool) -> f32 {
        if curated {
            self.curated
        } else {
            self.read
        }
    }
}

/// One of the best facts, looked at.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Its scores.
    pub scored: Scored,
    /// The short answer read from its sentence (uncurated facts).
    pub extracted: Option<Extracted>,
    /// The decision's measures (for a fact declined unread, [`Bar`], with
    /// the short answer's at their most favourable).
    pub measures: [f32; COUNT],
    /// The chance that it answers the question rightly; for a fact declined
    /// unread ([`Bar`]), the most it could have been, below the bar.
    pub chance: f32,
}

/// Whether the question asks for a typed answer.
fn typed(wanted: Option<Wanted>) -> bool {
    use Wanted::*;
    matches!(
        wanted,
        Some(
            Number | Money | Percent | Duration | Date | Time | Age | Person | Organisation | Place
        )
    )
}

/// Whether the question asks when something is to happen: a date or time,
/// asked with "will", "gonna" or "going to" ("when will the civilians be
/// sent home?").
fn asks_when_it_will_be(analysis: &Analysis) -> bool {
    let words = &analysis.words;
    matches!(analysis.wanted, Some(Wanted::Date | Wanted::Time))
        && (words.iter().any(|w| w == "will" || w == "gonna")
            || words.windows(2).any(|p| p[0] == "going" && p[1] == "to"))
}

/// Words opening a clause of its own inside a question: "if", "when"...
const SUBORDINATORS: &[&str] = &[
    "if", "when", "whenever", "although", "though", "because", "since", "unless", "while",
    "whether", "after", "before", "until",
];

/// Whether a question's words negate its main clause: a negation before
/// any word opening a clause of its own. The first word is the question
/// word or a chat opener ("no, who fired?"), never the negation asked about.
fn main_clause_negated(words: &[String]) -> bool {
    words
        .iter()
        .skip(1)
        .take_while(|w| !SUBORDINATORS.contains(&w.as_str()))
        .any(|w| super::analyze::is_negation(w))
}

/// Verbs of saying: "what did KCNA say?", "how did Pyongyang respond?".
pub(super) const SAYING: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "claim",
    "claimed",
    "respond",
    "responded",
    "react",
    "reacted",
    "announce",
    "announced",
    "reply",
    "replied",
    "state",
    "stated",
];

/// Whether a short answer to "what did KCNA say?" is only who said it (the
/// sentence's attribution, or words of the question): then the sentence
/// itself, quoted, answers.
fn names_the_speaker(analysis: &Analysis, answer: &Extracted, speaker: Option<&str>) -> bool {
    use Wanted::*;
    let asks_what_was_said = matches!(analysis.wanted, None | Some(Thing | Manner))
        && analysis.words.iter().any(|w| SAYING.contains(&w.as_str()));
    if !asks_what_was_said {
        return false;
    }
    let shown = answer.text.trim_end_matches('.').to_lowercase();
    let is_speaker = speaker.is_some_and(|s| {
        let s = s.to_lowercase();
        s.contains(&shown) || shown.contains(&s)
    });
    is_speaker
        || crate::text::words(&shown)
            .iter()
            .all(|w| analysis.words.contains(w))
}

/// Words of a question that asks who said or reported something: then the
/// sentence's speaker may be the answer.
const SOURCE_WORDS: &[&str] = &[
    "according",
    "report",
    "reported",
    "reports",
    "source",
    "sources",
    "confirm",
    "confirmed",
    "quoted",
];

/// Whether the question asks who said or reported something: then the
/// sentence's speaker may be the answer.
fn asks_the_source(analysis: &Analysis) -> bool {
    analysis
        .words
        .iter()
        .any(|w| SAYING.contains(&w.as_str()) || SOURCE_WORDS.contains(&w.as_str()))
}

/// Whether a short answer is the sentence's whole speaker, articles aside
/// (a name inside a longer attribution, "Richard Rushfield, author of *the
/// book ...*", may well be the answer).
fn is_the_speaker(answer: &Extracted, speaker: Option<&str>) -> bool {
    let shown = bare_words(&answer.text);
    !shown.is_empty() && speaker.is_some_and(|s| bare_words(s) == shown)
}

/// The folded words of an answer or a speaker, articles and a closing full
/// stop aside.
fn bare_words(text: &str) -> Vec<String> {
    let mut words = crate::text::words(text.trim_end_matches('.'));
    words.retain(|w| !matches!(w.as_str(), "a" | "an" | "the"));
    words
}

/// Whether a short answer is only the sentence's speaker ("a South Korea's
/// Unification Ministry" for "where did he defect?") while the question asks
/// for a place, a time or a number and not who said or reported it.
fn only_the_speaker(analysis: &Analysis, answer: &Extracted, speaker: Option<&str>) -> bool {
    use Wanted::*;
    // Who did something may well be who says so: "Berg told the court he
    // had warned the captain" answers "who warned the captain?".
    if matches!(analysis.wanted, None | Some(Person | Organisation | Thing)) {
        return false;
    }
    !asks_the_source(analysis) && is_the_speaker(answer, speaker)
}

/// Whether a short answer given as a person's is the name that opens the
/// sentence's speaker, a thing that is no person: "Yonhap", of "..., Yonhap
/// news agency said", for "what were the names of the two civilians?". (A
/// person's name opening the speaker stays an answer: "Richard Rushfield",
/// of "Richard Rushfield, author of the book".) A question asking who said
/// or reported it, whose it is, or naming the speaker's kind ("whose tally
/// showed ...?") is answered by the speaker.
fn a_speakers_name_for_a_person(
    analysis: &Analysis,
    answer: &Extracted,
    speaker: Option<&str>,
) -> bool {
    let person_asked =
        answer.kind == Some(Wanted::Person) || matches!(analysis.wanted, Some(Wanted::Person));
    let (Some(speaker), true) = (speaker, person_asked) else {
        return false;
    };
    let shown = bare_words(&answer.text);
    let said = bare_words(speaker);
    let opens = !shown.is_empty() && said.len() > shown.len() && said.starts_with(&shown);
    opens
        && !asks_the_source(analysis)
        && !analysis.words.iter().any(|w| w == "whose")
        && said[shown.len()..]
            .iter()
            .take_while(|w| !crate::text::is_stopword(w))
            .last()
            .is_some_and(|head| {
                !super::meaning::names_persons(head) && !analysis.words.contains(head)
            })
}

/// Whether a short answer to "who did it?" is only the sentence's speaker,
/// while the sentence does not say the thing asked was done: "TMZ", of
/// "Lupita Nyong'o's Oscar dress was stolen ..., TMZ has learned", for "who
/// designed the dress?". (Who did something may well be who says so: "Berg
/// told the court he had warned the captain" answers "who warned the
/// captain?", its verb in the sentence; so does one that asks who said it
/// in other words, "which ministry commented on ...?".)
fn speaker_for_a_deed(
    analysis: &Analysis,
    answer: &Extracted,
    speaker: Option<&str>,
    sentence: &str,
) -> bool {
    use Wanted::*;
    if !matches!(analysis.wanted, Some(Person | Organisation))
        || asks_the_source(analysis)
        || !is_the_speaker(answer, speaker)
    {
        return false;
    }
    lacks_a_deed_of(analysis, sentence)
}

/// Whether the sentence writes none of the forms of a verb the question
/// writes inflected ("designed", "founded"), nor a word its meaning matches,
/// the verb being no verb of saying ("commented" may be the sentence's
/// "said").
fn lacks_a_deed_of(analysis: &Analysis, sentence: &str) -> bool {
    use crate::text::stem;
    let said: Vec<String> = crate::text::words(sentence)
        .iter()
        .map(|w| stem(w))
        .collect();
    analysis.terms.iter().any(|t| {
        t.verb_form
            && !t.generic
            && !said.contains(&t.text)
            && !t.alts.iter().any(|(a, _)| said.contains(a))
            && analysis
                .words
                .get(t.pos)
                .is_some_and(|w| !super::meaning::is_saying(w))
    })
}

/// Looks at the first `looked_at` of the best [`LOOKED_AT`] facts of
/// `ranked` and returns them with the chance that each answers, in the
/// ranker's order. Answering looks at the first only (the ranker chooses the
/// fact; the decision says whether to answer); tuning looks at all five.
/// With a `bar`, a fact that cannot reach it is declined unread; without,
/// every fact is read in full (tuning, `--explain`).
pub fn check(
    question: &str,
    analysis: &Analysis,
    ranked: &[Scored],
    (kb, index): (&KnowledgeBase, &Index),
    models: &Decisions,
    looked_at: usize,
    bar: Option<Bar>,
) -> Vec<Checked> {
    check_some(
        question,
        analysis,
        ranked,
        (kb, index),
        (models, bar),
        looked_at,
        None,
    )
}

/// [`check`] of the `i`-th of the best [`LOOKED_AT`] facts alone, measured
/// as [`check`] measures it among the others; `None` past them.
pub fn check_one(
    question: &str,
    analysis: &Analysis,
    ranked: &[Scored],
    knowledge: (&KnowledgeBase, &Index),
    models: &Decisions,
    i: usize,
    bar: Option<Bar>,
) -> Option<Checked> {
    check_some(
        question,
        analysis,
        ranked,
        knowledge,
        (models, bar),
        i + 1,
        Some(i),
    )
    .pop()
}

fn check_some(
    question: &str,
    analysis: &Analysis,
    ranked: &[Scored],
    (kb, index): (&KnowledgeBase, &Index),
    (models, bar): (&Decisions, Option<Bar>),
    looked_at: usize,
    only: Option<usize>,
) -> Vec<Checked> {
    let words: Vec<String> = analysis
        .terms
        .iter()
        .filter(|t| !t.generic)
        .filter_map(|t| analysis.words.get(t.pos).cloned())
        .collect();
    // The question as read, typos and slang corrected: its words are those
    // the reader finds in the sentence.
    let request = Request {
        question: analysis.read_as(question),
        wanted: analysis.wanted,
        focus: None,
        question_words: &words,
    };
    let top = &ranked[..ranked.len().min(LOOKED_AT)];
    let typed_question = typed(analysis.wanted);
    // "What kind of boat?": a sentence that writes the boat with the words
    // that make it a kind gives the type asked for; one that does not is
    // measured as for a question of no type.
    let kind_asked = super::extract::asks_a_kind(request.question);
    let kind_found = |mut measures: [f32; COUNT]| {
        measures[TYPED_QUESTION] = 1.0;
        measures[TYPED_FOUND] = 1.0;
        measures
    };
    // Whether the question asks for a name, or a person's: the same for every fact.
    let name_asked = asks_a_name(analysis);
    let makers_name_asked = asks_a_makers_name(analysis);
    let persons_name_asked = asks_a_persons_name(analysis);
    let why_asked = matches!(analysis.wanted, Some(Wanted::Reason | Wanted::Purpose));
    let when_asked = asks_when(analysis);
    let count_asked = asks_to_count_a_thing(analysis);
    // "What did the Unification Ministry say?": whose saying is asked.
    let speaker_asked = asked_speaker(analysis);
    let who_said = asks_who_said(analysis);
    // "Who did not return?": a sentence without a negation answers whom it
    // names doing the thing, not failing to (a yes/no question's answer may
    // be that negation; one in a clause of its own, "what if they can't
    // pay?", is left alone).
    let negation_asked = !analysis.cues.yes_no && main_clause_negated(&analysis.words);
    // "Where did cloud computing rank in 2021?": the years the question
    // names, which an article that never writes them cannot answer of.
    let years: Vec<&str> = analysis
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| super::contradiction::is_year(w))
        .collect();
    // "How many defected in 2016?": the years a sentence may give only as
    // what its amount is measured against.
    let amount_years: &[&str] = if asks_an_uncompared_amount(analysis) {
        &years
    } else {
        &[]
    };
    top.iter()
        .enumerate()
        .take(looked_at)
        .filter(|&(i, _)| only.is_none_or(|o| o == i))
        .map(|(i, s)| {
            let fact: &Fact = kb.fact(s.fact);
            let curated = fact.curated;
            let sentence = fact
                .evidence
                .first()
                .map(|&e| &kb.article(fact.article).sentences[e]);
            let best_other = top
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, o)| o.logit)
                .fold(f32::NEG_INFINITY, f32::max);
            let lead = if best_other.is_finite() {
                (s.logit - best_other).clamp(-3.0, 3.0)
            } else {
                3.0
            };
            let model = models.of(curated);
            let measured = |typed_found: bool, extracted: bool| {
                let flag = |b: bool| if b { 1.0 } else { 0.0 };
                let mut measures = [0.0; COUNT];
                measures[..OWN].copy_from_slice(&[
                    s.logit,
                    lead,
                    flag(typed_question),
                    0.0,
                    0.0,
                    flag(curated),
                ]);
                measures[TYPED_FOUND] = flag(typed_found);
                measures[EXTRACTED] = flag(curated || extracted);
                measures[OWN..].copy_from_slice(&s.features.0);
                measures
            };
            // A curated fact's measures are known before it is read; a
            // sentence's short answer may yet be found, and of the type asked
            // for: the best it could weigh bounds its chance.
            let curated_typed =
                curated && typed_question && s.features.get("typed_answer_new") > 0.0;
            let best_case = if curated {
                measured(curated_typed, true)
            } else {
                measured(
                    typed_question && model.weights[TYPED_FOUND] > 0.0,
                    model.weights[EXTRACTED] > 0.0,
                )
            };
            // A kind asked for may yet be found: the best case counts it
            // when that weighs more.
            let best_case = if kind_asked && !curated {
                let found = kind_found(best_case);
                if model.logit_of(&found) > model.logit_of(&best_case) {
                    found
                } else {
                    best_case
                }
            } else {
                best_case
            };
            let bonus = if !curated && count_asked {
                COUNTED
            } else {
                0.0
            };
            let most = sigmoid(model.logit_of(&best_case) + bonus);
            if bar.is_some_and(|b| most < b.of(curated)) {
                return Checked {
                    scored: *s,
                    chance: most,
                    extracted: None,
                    measures: best_case,
                };
            }
            // A sentence read from the text (a curated fact answers in its own words).
            let text = sentence.filter(|_| !curated);
            // A topic request ("tell me about the boat") is answered with the sentence.
            let read = text
                .filter(|_| !analysis.cues.topic)
                .and_then(|e| index.fact_read[s.fact.get()].extract(&e.text, &request));
            // The sentence's best count is an age, a span of time or a sum of
            // money: it does not count the thing asked about.
            let not_a_count = if curated {
                only_a_time_for_a_count(analysis, &fact.answer)
            } else {
                read.as_ref().is_some_and(|e| {
                    a_time_for_a_count(analysis, e) || a_sum_for_a_count(analysis, e)
                })
            };
            // "What was the name of the company she founded?": "Her own
            // company."; "which two hospitals ...?": "Two Los Angeles area
            // hospitals.", from a sentence that names none.
            let kind_for_a_name = read
                .as_ref()
                .is_some_and(|e| names_only_the_kind(analysis, e))
                && text.is_some_and(|t| !holds_a_name(&t.text, &analysis.words));
            // Or it counts other things than those asked about.
            let counts_another = if curated {
                counts_another_thing(analysis, &fact.answer, None)
            } else {
                read.as_ref().is_some_and(|e| {
                    counts_another_thing(analysis, &e.text, text.map(|t| t.text.as_str()))
                })
            };
            // Its best date is of another grain: "this year" for "what day?".
            let wrong_grain = read.as_ref().is_some_and(|e| another_grain(analysis, e));
            // Or a point in time for "how long": "this week"; or any time
            // for the length of a thing ("how long is the DMZ?").
            let point_for_span = read.as_ref().is_some_and(|e| {
                a_point_for_a_span(analysis, e) || a_time_for_a_length(analysis, e)
            });
            // Or a measure for "how much did it cost": "190 kilometers".
            let measure_for_money = read
                .as_ref()
                .is_some_and(|e| a_measure_for_money(analysis, e));
            let speaker = text.and_then(|e| e.attribution.as_deref());
            // "Who designed the dress?": the speaker of a sentence that says
            // nothing of designing.
            let speaker_not_doer = read.as_ref().is_some_and(|e| {
                text.is_some_and(|t| speaker_for_a_deed(analysis, e, speaker, &t.text))
            });
            let extracted = read.filter(|e| {
                !names_the_speaker(analysis, e, speaker)
                    && !only_the_speaker(analysis, e, speaker)
                    && !a_speakers_name_for_a_person(analysis, e, speaker)
            });
            // "Who said ...?": the sentence's speaker, whatever else it names.
            let extracted = match (who_said, speaker, text) {
                (true, Some(who), Some(e)) => speaker_answer(&e.text, who).or(extracted),
                _ => extracted,
            };
            let typed_found = if curated {
                curated_typed
            } else {
                typed_question
                    && extracted.as_ref().is_some_and(|e| {
                        e.kind
                            .zip(analysis.wanted)
                            .is_some_and(|(k, w)| super::rank::answers(w, k))
                    })
            };
            let measures = measured(typed_found, extracted.is_some());
            let measures =
                if kind_asked && !curated && extracted.as_ref().is_some_and(|e| e.gives_a_kind()) {
                    kind_found(measures)
                } else {
                    measures
                };
            // No answer from: a fact of another story than the one the
            // question names; a sentence that holds another month, weekday or
            // count where the question names one, the opposite of its
            // superlative, or neither side of its choice; a sentence whose
            // best count is an age, or with no amount at all, for "how
            // many"; one whose best date is of another grain ("this year"
            // for "what day?"), or a point in time for "how long" ("this
            // week"); a curated answer without the amount or the
            // name the question asks for, and any answer without the
            // person's name it asks for ("Pyongyang" for "what is the name
            // of the spokesman?"); a sentence not said by the speaker the
            // question names ("what did the defector say?"); a sentence
            // that says nothing the question does not ("Vanessa Hicks" for
            // "where does Vanessa Hicks live?"), unless it confirms a yes/no
            // question.
            // What the reply would show: the curated answer, the short answer, or the sentence.
            let shown = match (&extracted, text) {
                _ if curated => fact.answer.as_str(),
                (Some(e), _) => e.text.as_str(),
                (None, Some(e)) => e.text.as_str(),
                (None, None) => fact.answer.as_str(),
            };
            // "When will they be sent home?": a time the sentence gives for
            // what happened, with no word of what is to come, is no answer.
            let past_for_future = !curated
                && asks_when_it_will_be(analysis)
                && s.features.get("future_missing") > 0.0;
            // "What weapons did the soldiers use to shoot at the defector at
            // Panmunjom?": a curated fact that holds none of a name the
            // question writes is about another thing than the one named.
            let misses_a_name = curated && s.features.get("named_missing") > 0.0;
            // "Explain quantum computing in simple terms": most of the question
            // is words no article writes, and the curated fact holds less of it
            // than a fact must to be answered, nor do its example questions
            // come close.
            let mostly_unknown = curated
                && s.features.get("unknown_share") >= 0.5
                && s.features.get("coverage") < super::rank::MIN_COVERAGE
                && s.features.get("question_similarity") < 0.5;
            // "What is the speed of light?" against "the speeding jeep, its
            // headlights on": a sentence sharing less than a fifth of the
            // question's weight word for word, the rest only through
            // meaning, does not answer it.
            let only_by_meaning = !curated && s.features.get("exact_coverage") < 0.2;
            let says_nothing_new = !curated
                && extracted.is_none()
                && !analysis.cues.yes_no
                && s.features.get("novelty") == 0.0;
            let article = index.article_of(s.fact.0);
            let chance = if s.stranger
                || years.iter().any(|y| !index.article_writes(article, y))
                || sentence.is_some_and(|e| amounts_of_other_names(analysis, question, &e.text))
                || not_a_count
                || kind_for_a_name
                || speaker_not_doer
                || counts_another
                || wrong_grain
                || text.is_some_and(|e| of_another_grain(analysis, &e.text))
                || (negation_asked
                    && text
                        .is_some_and(|e| !super::analyze::is_negated(&crate::text::words(&e.text))))
                || point_for_span
                || text.is_some_and(|e| ages_another_thing(analysis, &e.text))
                // "How many defected in 2016?": "..., three times as many as in 2016".
                || sentence.is_some_and(|e| a_year_only_compared(amount_years, &e.text))
                || measure_for_money
                || says_nothing_new
                || mostly_unknown
                || misses_a_name
                || only_by_meaning
                || past_for_future
                || (curated && !holds_the_amount(analysis.wanted, &fact.answer, &analysis.words))
                || text.is_some_and(|e| {
                    !may_hold_the_amount(analysis.wanted, &e.text, &analysis.words)
                        || (when_asked
                            && !may_tell_when(analysis, &e.text, &index.fact_spans[s.fact.get()]))
                })
                || (curated && name_asked && !holds_a_name(shown, &analysis.words))
                || (makers_name_asked && !holds_a_name(shown, &analysis.words))
                || (curated && why_asked && !extract::gives_a_cause(&fact.answer))
                || (curated
                    && curated_of_another_grain(
                        analysis,
                        &fact.answer,
                        sentence.map_or("", |e| e.text.as_str()),
                    ))
                || (persons_name_asked && !holds_a_persons_name(shown, &analysis.words))
                || speaker_asked
                    .as_ref()
                    .is_some_and(|who| sentence.is_some_and(|e| !who.says(e)))
                // "When did the US blame the North?": "a spokesman said on
                // Thursday ..., the first response since the US blamed it".
                || (when_asked
                    && sentence.is_some_and(|e| {
                        only_times_of_saying(analysis, &e.text, &index.fact_spans[s.fact.get()])
                    }))
                // Last, as the dearest: read only when nothing above ruled the fact out.
                || sentence.is_some_and(|e| contradicts(question, &e.text))
            {
                0.0
            } else {
                let counted = bonus > 0.0
                    && extracted
                        .as_ref()
                        .is_some_and(|e| counts_the_thing_asked(analysis, &e.text));
                sigmoid(model.logit_of(&measures) + if counted { bonus } else { 0.0 })
            };
            Checked {
                scored: *s,
                chance,
                extracted,
                measures,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_answers_measures_stand_where_the_bound_reads_them() {
        assert_eq!(NAMES[TYPED_FOUND], "typed_found");
        assert_eq!(NAMES[EXTRACTED], "extracted");
    }
}
