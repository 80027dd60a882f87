//! Scoring facts against a question: weighted term coverage, similarity to the
//! fact's example questions, and question-type cues.

use super::analyze::Analysis;
use super::extract::Wanted;
use super::features::Features;
use super::index::{Index, Posting, TermId};
use crate::knowledge::{Cue, FactIx};

/// Share of the score from the question's weight the fact holds anywhere.
const W_COV: f32 = 0.5;
/// Share from the weight held by the fact's own text (not its example questions).
const W_CONTENT: f32 = 0.2;
/// Share from the best similarity with one of its example questions.
const W_QSIM: f32 = 0.3;
/// Share of an unknown word's weight kept when it looks like an inflected verb.
const UNKNOWN_VERB_FACTOR: f32 = 0.5;
/// Weight of a low-information word.
pub(crate) const GENERIC_WEIGHT: f32 = 0.3;
/// A corrected word counts a little less than one typed right.
const CORRECTED_FACTOR: f32 = 0.85;

/// One fact's score for a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The fact.
    pub fact: FactIx,
    /// The final score.
    pub score: f32,
    /// Share of the question's weight the fact holds anywhere.
    pub coverage: f32,
    /// Best weighted Jaccard similarity with one of its example questions.
    pub question_similarity: f32,
    /// That example question (an index into [`Index::questions`]), if any shares a term.
    pub best_question: Option<u32>,
    /// What was measured of the fact.
    pub features: Features,
    /// The learned model's log-odds that the fact answers the question.
    pub logit: f32,
    /// The question names something (a name the articles write capitalised)
    /// that the fact's article never mentions though another one does: the
    /// question is about another story.
    pub stranger: bool,
}

/// What the question asks for ("how many *victims*", "what *gun*"), which a fact must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The question names no such thing.
    #[default]
    None,
    /// It names one the knowledge base has never seen: no fact holds it.
    Unknown,
    /// It names the word of this slot of the query.
    Slot(usize),
}

/// One question word, resolved against the index: the terms that match it,
/// best first, each with how much such a match counts.
#[derive(Debug, Clone, Default)]
pub struct Slot {
    /// The word's weight (its rarity in the knowledge).
    pub weight: f32,
    /// (term, factor): the word itself (1.0) when the knowledge holds it, then
    /// its family, synonyms and kinds.
    pub alts: Vec<(TermId, f32)>,
    /// The word itself is a term of the knowledge (`alts[0]` is it, at 1.0).
    pub exact: bool,
    /// It names something specific: a name, a weekday or month.
    pub named: bool,
    /// It is a number.
    pub number: bool,
    /// The question's own word, one the articles write only as a name: the
    /// question writes it capitalised, be it a common English word too
    /// ("Sony", "Android"), or writes no word so ([`Analysis::cased`]) and
    /// it is no common word. An article that never mentions it is not the
    /// one asked about.
    pub distinct: bool,
}

/// A question's terms, resolved against the index.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The question's words the knowledge can match.
    pub slots: Vec<Slot>,
    /// Total weight, unknown terms included.
    pub total: f32,
    /// Weight of the terms the knowledge base has never seen (low-information words aside).
    pub unknown: f32,
    /// The weight of the heaviest of those terms.
    pub unknown_largest: f32,
    /// The slot a fact must match: what the question asks for.
    pub focus: Focus,
    /// The question names something specific the knowledge has never seen
    /// ("on Friday", "the Super Bowl"), or asks for a thing it has never seen.
    pub names_the_unknown: bool,
    /// Only the facts of this article (its index) may answer.
    pub within: Option<u32>,
    /// The facts of these articles may not: they are read with lexicons of
    /// their own ([`super::readers`]).
    pub except: Vec<u32>,
    /// The question named nothing and leans on a headline's words: the
    /// headline itself, which only repeats them, is no answer.
    pub on_headline: bool,
    /// The question's content words in order: their positions, and their
    /// slots when the knowledge holds them (see [`substituted`]).
    pub order: Vec<(usize, Option<usize>)>,
    /// Two word stems the question writes side by side as one name, each a
    /// word the knowledge holds ([`super::analyze::name_pairs`]); each
    /// with the stems of its derivational family ("Alaskan Statehood" is
    /// written as "Alaska Statehood", "North American market" as "North America").
    pub name_pairs: Vec<(Family, Family)>,
    /// The question asks about a photo ("in the first photo", "the
    /// picture's caption"): a caption answers it as well as a sentence.
    pub photo: bool,
}

/// A word's stem with its derivational family's ([`super::meaning::family_stems`]).
pub type Family = std::rc::Rc<[String]>;

/// Words that ask about a photo, whose caption is no sentence of lesser rank.
const PHOTO_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "pic",
    "pics",
    "image",
    "images",
    "caption",
    "captions",
];

impl Query {
    /// Resolves analyzed terms to ids and weights.
    pub fn new(analysis: &Analysis, index: &Index) -> Query {
        let mut q = Query {
            slots: Vec::with_capacity(analysis.terms.len()),
            order: Vec::with_capacity(analysis.terms.len()),
            photo: analysis
                .words
                .iter()
                .any(|w| PHOTO_WORDS.contains(&w.as_str())),
            ..Query::default()
        };
        for term in &analysis.terms {
            let factor = if term.corrected {
                CORRECTED_FACTOR
            } else {
                1.0
            };
            let exact = index.id(&term.text);
            let mut alts: Vec<(TermId, f32)> = Vec::with_capacity(term.alts.len() + 1);
            if let Some(id) = exact {
                alts.push((id, 1.0));
            }
            for (text, f) in term.alts.iter() {
                if let Some(id) = index.id(text) {
                    match alts.iter_mut().find(|(t, _)| *t == id) {
                        Some(a) => a.1 = a.1.max(*f),
                        None => alts.push((id, *f)),
                    }
                }
            }
            alts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            if alts.is_empty() {
                if term.named || term.focus {
                    q.names_the_unknown = true;
                }
                let generic = term.generic
                    || analysis
                        .words
                        .get(term.pos)
                        .is_some_and(|w| !term.named && super::meaning::only_an_adverb(w));
                let w = if generic {
                    GENERIC_WEIGHT
                } else if term.verb_form || (term.common && !term.named) {
                    // An unknown verb ("produced", "rescued") is most often a paraphrase of
                    // the article's own verb, and an unknown common word ("though",
                    // "anyway") says little; the rarer nouns say what the question is about.
                    UNKNOWN_VERB_FACTOR * index.unknown_idf
                } else {
                    index.unknown_idf
                };
                if !generic {
                    q.unknown += w;
                    q.unknown_largest = q.unknown_largest.max(w);
                }
                q.total += w;
                if term.focus {
                    q.focus = Focus::Unknown;
                }
                if !generic {
                    q.order.push((term.pos, None));
                }
                continue;
            }
            let w = if term.generic {
                GENERIC_WEIGHT
            } else if let Some(id) = exact {
                index.idf[id as usize] * factor
            } else {
                // Known only through its meaning: as rare as the rarest way to match it.
                index
                    .meaning_weight(alts.iter().map(|&(t, _)| t))
                    .unwrap_or(0.0)
                    * factor
            };
            if term.focus {
                q.focus = Focus::Slot(q.slots.len());
            }
            let number = term.text.bytes().any(|b| b.is_ascii_digit());
            if !term.generic {
                q.order.push((term.pos, Some(q.slots.len())));
            }
            q.slots.push(Slot {
                weight: w,
                alts,
                exact: exact.is_some(),
                named: term.named,
                number,
                distinct: exact.is_some_and(|id| index.proper[id as usize])
                    && (term.named || !analysis.cased && !term.common)
                    && !term.generic
                    && !number,
            });
            q.total += w;
        }
        let known = |stem: &str| index.id(stem).is_some();
        q.name_pairs = analysis
            .name_pairs
            .iter()
            .filter(|(a, b)| known(a) && known(b))
            .map(|(a, b)| {
                (
                    super::meaning::family_stems(a),
                    super::meaning::family_stems(b),
                )
            })
            .collect();
        q
    }

    /// Adds terms as context, for a question that names nothing ("what time
    /// did he get there"). With `names` (a conversation's last answer), the
    /// names among them bind the question to their story as the question's
    /// own names do ([`Slot::distinct`]).
    pub fn add_context(&mut self, terms: &[(u32, f32)], index: &Index, names: bool) {
        for &(t, w) in terms {
            if !self.slots.iter().any(|s| s.exact && s.alts[0].0 == t) {
                self.slots.push(Slot {
                    weight: w,
                    alts: vec![(t, 1.0)],
                    exact: true,
                    named: false,
                    number: false,
                    distinct: names && index.proper[t as usize],
                });
                self.total += w;
            }
        }
    }

    /// The question's own words the knowledge holds, with their weights.
    pub fn exact_terms(&self) -> impl Iterator<Item = (TermId, f32)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.exact)
            .map(|s| (s.alts[0].0, s.weight))
    }

    /// The question names something beyond low-information words.
    pub fn names_something(&self, analysis: &Analysis) -> bool {
        analysis.terms.iter().any(|t| !t.generic)
    }

    /// The mask of every slot (bit k: slot k; the first 64).
    fn all_slots(&self) -> u64 {
        if self.slots.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.slots.len()) - 1
        }
    }

    /// The question has something to match.
    pub fn is_empty(&self) -> bool {
        self.total <= 0.0
    }
}

/// Share of the question's weight a fact must hold to be answered: a fact holding
/// none of the heaviest terms worth more than the rest cannot reach it, so it is
/// never scored.
pub const MIN_COVERAGE: f32 = 0.45;
/// Most facts scored for one question. Past it, the commonest terms only rescore
/// the candidates the rarer terms found; a question whose rarest term alone is in
/// more facts than this ("what did the agency report", over millions of facts)
/// names nothing that singles one out, and only the first of them are scored.
const MAX_CANDIDATES: usize = 4_000;

/// What the ranking holds of one fact for the question being read, live
/// when `stamp` is the current epoch. One fact's fields sit together: a
/// posting of the inverted index touches one cache line, not one per field.
#[derive(Clone, Copy, Debug)]
struct FactScratch {
    stamp: u32,
    /// The last slot that added to it (a number unique to the slot over
    /// every question): a slot counts once per fact, through its best match.
    slot_mark: u32,
    /// Which slots of the query it matches (bit k: slot k; the first 64).
    matched: u64,
    /// Which slots it matches through the question's own word.
    matched_exact: u64,
    /// The weight of the slots it holds.
    held: f32,
    /// The part of `held` its content fields hold.
    content: f32,
    /// The best similarity of one of its example questions with the query.
    best_q: f32,
    /// That example question (`u32::MAX`: none).
    best_question: u32,
}

impl Default for FactScratch {
    fn default() -> FactScratch {
        FactScratch {
            stamp: 0,
            slot_mark: 0,
            matched: 0,
            matched_exact: 0,
            held: 0.0,
            content: 0.0,
            best_q: 0.0,
            best_question: u32::MAX,
        }
    }
}

/// Per-thread scratch arrays indexed by fact and by example question, reused from
/// one question to the next: a slot is live when its stamp is the current epoch.
#[derive(Default)]
struct Scratch {
    epoch: u32,
    /// Per fact, its scores for the question being read.
    facts: Vec<FactScratch>,
    /// The number of the slot being added.
    mark: u32,
    /// Per term, live when stamped: the slots it matches (bit k: slot k).
    term_stamp: Vec<u32>,
    term_slots: Vec<u64>,
    /// Per term, live when stamped: the slots whose own word it is.
    term_exact: Vec<u64>,
    /// The slots every fact holding them became a candidate for: a fact
    /// that is no candidate holds none of them.
    opened: u64,
    candidates: Vec<u32>,
    /// Per unit (paragraph, caption, headline): which slots it matches, live when stamped.
    unit_stamp: Vec<u32>,
    unit_mask: Vec<u64>,
    /// Per article: which slots it matches anywhere, live when stamped.
    article_stamp: Vec<u32>,
    article_mask: Vec<u64>,
    question_stamp: Vec<u32>,
    shared: Vec<f32>,
    touched_questions: Vec<u32>,
}

impl Scratch {
    /// Readies the arrays for an index of `facts` facts, `units` units,
    /// `articles` articles and `questions` questions.
    fn begin(
        &mut self,
        facts: usize,
        units: usize,
        articles: usize,
        questions: usize,
        terms: usize,
    ) {
        if self.term_stamp.len() < terms {
            self.term_stamp.resize(terms, 0);
            self.term_slots.resize(terms, 0);
            self.term_exact.resize(terms, 0);
        }
        if self.unit_stamp.len() < units {
            self.unit_stamp.resize(units, 0);
            self.unit_mask.resize(units, 0);
        }
        if self.article_stamp.len() < articles {
            self.article_stamp.resize(articles, 0);
            self.article_mask.resize(articles, 0);
        }
        if self.facts.len() < facts {
            self.facts.resize(facts, FactScratch::default());
        }
        if self.question_stamp.len() < questions {
            self.question_stamp.resize(questions, 0);
            self.shared.resize(questions, 0.0);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.facts.iter_mut().for_each(|f| f.stamp = 0);
            self.question_stamp.fill(0);
            self.unit_stamp.fill(0);
            self.article_stamp.fill(0);
            self.term_stamp.fill(0);
            self.epoch = 1;
        }
        self.candidates.clear();
        self.touched_questions.clear();
    }

    fn live(&self, fact: u32) -> bool {
        self.facts[fact as usize].stamp == self.epoch
    }

    /// Marks slot `k` as matched in unit `u` of article `a`.
    fn add_unit(&mut self, u: usize, a: usize, k: usize) {
        if k >= 64 {
            return;
        }
        if self.unit_stamp[u] != self.epoch {
            self.unit_stamp[u] = self.epoch;
            self.unit_mask[u] = 0;
        }
        self.unit_mask[u] |= 1 << k;
        if self.article_stamp[a] != self.epoch {
            self.article_stamp[a] = self.epoch;
            self.article_mask[a] = 0;
        }
        self.article_mask[a] |= 1 << k;
    }

    fn unit(&self, u: usize) -> u64 {
        if self.unit_stamp[u] == self.epoch {
            self.unit_mask[u]
        } else {
            0
        }
    }

    fn article(&self, a: usize) -> u64 {
        if self.article_stamp[a] == self.epoch {
            self.article_mask[a]
        } else {
            0
        }
    }

    /// Starts adding slot `k` of the query.
    fn next_slot(&mut self) {
        self.mark = self.mark.wrapping_add(1);
        if self.mark == 0 {
            self.facts.iter_mut().for_each(|f| f.slot_mark = 0);
            self.mark = 1;
        }
    }

    /// Marks term `t` as matching slot `k` (as the slot's own word if `exact`).
    fn add_term(&mut self, t: TermId, k: usize, exact: bool) {
        let t = t as usize;
        if self.term_stamp[t] != self.epoch {
            self.term_stamp[t] = self.epoch;
            self.term_slots[t] = 0;
            self.term_exact[t] = 0;
        }
        self.term_slots[t] |= 1 << k;
        if exact {
            self.term_exact[t] |= 1 << k;
        }
    }

    /// The slots whose own word term `t` is.
    fn exact_slots(&self, t: TermId) -> u64 {
        if self.term_stamp[t as usize] == self.epoch {
            self.term_exact[t as usize]
        } else {
            0
        }
    }

    /// The slots of the query the sorted `terms` match.
    fn slots_of(&self, terms: &[TermId]) -> u64 {
        terms
            .iter()
            .filter(|&&t| self.term_stamp[t as usize] == self.epoch)
            .fold(0, |m, &t| m | self.term_slots[t as usize])
    }

    /// Adds a posting's weight to its fact for slot `k` (through the
    /// question's own word if `exact`), making the fact a candidate if
    /// `open`; a slot already counted for the fact adds nothing.
    fn add(&mut self, posting: Posting, w: f32, open: bool, k: usize, exact: bool) {
        let f = posting.fact().get();
        if self.facts[f].stamp != self.epoch {
            if !open {
                return;
            }
            self.facts[f] = FactScratch {
                stamp: self.epoch,
                ..FactScratch::default()
            };
            self.candidates.push(f as u32);
        }
        if self.facts[f].slot_mark == self.mark {
            return;
        }
        self.facts[f].slot_mark = self.mark;
        if k < 64 {
            self.facts[f].matched |= 1 << k;
            if exact {
                self.facts[f].matched_exact |= 1 << k;
            }
        }
        self.facts[f].held += w;
        if posting.in_content() {
            self.facts[f].content += w;
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Scores the facts sharing a term with the query and returns the `limit` best, best first.
///
/// Only facts that could be answered are scored: the query's terms, heaviest first,
/// open candidates until the terms left weigh less than [`MIN_COVERAGE`] of the
/// question (terms as heavy as the last to open open too); the lighter terms
/// then only add to those candidates.
pub fn rank(query: &Query, analysis: &Analysis, index: &Index, limit: usize) -> Vec<Scored> {
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    SCRATCH.with(|scratch| rank_with(&mut scratch.borrow_mut(), query, analysis, index, limit))
}

/// How many candidates, those holding most of the question's weight (and
/// most like an example question), are measured in full and weighed by the
/// model. Fewer are faster and answer no worse: against 64, measuring 24
/// gained three `squad-train` answers (a candidate holding little of the
/// question no longer outranks those holding more) and changed nothing on
/// the bundled sets; 16 gained more answers but lost three pool declines.
pub(crate) const MEASURED: usize = 24;

fn rank_with(
    scratch: &mut Scratch,
    query: &Query,
    analysis: &Analysis,
    index: &Index,
    limit: usize,
) -> Vec<Scored> {
    scratch.begin(
        index.fact_terms.len(),
        index.unit_article.len(),
        index.headline_unit.len(),
        index.questions.len(),
        index.postings.len(),
    );
    for (k, slot) in query.slots.iter().enumerate().take(64) {
        for (alt, &(t, _)) in slot.alts.iter().enumerate() {
            scratch.add_term(t, k, alt == 0 && slot.exact);
        }
    }
    // Slots heaviest first.
    let mut order: Vec<usize> = (0..query.slots.len()).collect();
    order.sort_by(|&a, &b| {
        query.slots[b]
            .weight
            .total_cmp(&query.slots[a].weight)
            .then(a.cmp(&b))
    });
    // The lightest slots whose weight together stays under the coverage bar.
    let bar = MIN_COVERAGE * query.total;
    let mut light = 0.0;
    let mut opening = order.len();
    while opening > 1 && light + query.slots[order[opening - 1]].weight < bar {
        light += query.slots[order[opening - 1]].weight;
        opening -= 1;
    }
    // Slots as heavy as the lightest opening one open too: which of equal
    // words (each in one sentence, or known only through a meaning that
    // rare) stays closed must not depend on where the question writes it.
    while opening < order.len()
        && query.slots[order[opening]].weight >= query.slots[order[opening - 1]].weight
    {
        opening += 1;
    }
    let mut opened = 0usize;
    scratch.opened = 0;
    for (rank, &k) in order.iter().enumerate() {
        let slot = &query.slots[k];
        scratch.next_slot();
        let mut whole = k < 64;
        for (alt, &(t, factor)) in slot.alts.iter().enumerate() {
            let w = slot.weight * factor;
            let exact = alt == 0 && slot.exact;
            let mut postings = index.postings[t as usize].as_slice();
            if rank == 0 && alt == 0 && postings.len() > MAX_CANDIDATES {
                postings = &postings[..MAX_CANDIDATES];
                whole = false;
            }
            let open = rank < opening && opened + postings.len() <= MAX_CANDIDATES;
            whole &= open;
            if open {
                opened += postings.len();
                for &p in postings {
                    scratch.add(p, w, true, k, exact);
                }
            } else if postings.len() <= scratch.candidates.len() * 4 {
                for &p in postings {
                    scratch.add(p, w, false, k, exact);
                }
            } else {
                for i in 0..scratch.candidates.len() {
                    let f = scratch.candidates[i];
                    if index.fact_terms[f as usize].binary_search(&t).is_ok() {
                        let content = index.fact_content[f as usize].binary_search(&t).is_ok();
                        scratch.add(Posting::new(FactIx(f), content), w, false, k, exact);
                    }
                }
            }
        }
        if whole {
            scratch.opened |= 1 << k;
        }
    }
    add_pointing_back(scratch, query, index);
    // Which slots each paragraph, caption and headline matches: a sentence's context.
    for (k, slot) in query.slots.iter().enumerate().take(64) {
        for &(t, _) in &slot.alts {
            for &u in &index.unit_postings[t as usize] {
                let a = index.unit_article[u as usize] as usize;
                scratch.add_unit(u as usize, a, k);
            }
        }
    }
    question_similarity(scratch, query, analysis, index);
    if let Some(a) = query.within {
        scratch.candidates.retain(|&f| index.article_of(f) == a);
    }
    if !query.except.is_empty() {
        scratch
            .candidates
            .retain(|&f| !query.except.contains(&index.article_of(f)));
    }
    if query.on_headline {
        scratch.candidates.retain(|&f| !index.is_headline(f));
    }
    // Only the candidates holding most of the question are measured in full.
    if scratch.candidates.len() > MEASURED {
        // Each candidate's measure read once, beside it: selecting compares
        // these pairs, not facts looked up again at each comparison.
        let mut keyed: Vec<(f32, u32)> = scratch
            .candidates
            .iter()
            .map(|&f| {
                let fact = &scratch.facts[f as usize];
                (fact.held + fact.best_q, f)
            })
            .collect();
        keyed.select_nth_unstable_by(MEASURED - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scratch.candidates.clear();
        scratch
            .candidates
            .extend(keyed[..MEASURED].iter().map(|&(_, f)| f));
    }
    // Whether the question names another story than each article's: the
    // same for every fact of an article, so read once per article (the
    // measured candidates come from a few).
    let mut strangers: Vec<(usize, bool)> = Vec::new();
    let mut out: Vec<Scored> = scratch
        .candidates
        .iter()
        .map(|&fact| {
            let article = index.article_of(fact) as usize;
            let stranger = match strangers.iter().find(|(a, _)| *a == article) {
                Some(&(_, known)) => known,
                None => {
                    let found = names_another_story(scratch, article, query, index);
                    strangers.push((article, found));
                    found
                }
            };
            score(scratch, FactIx(fact), query, analysis, index, stranger)
        })
        .collect();
    if out.len() > limit {
        out.select_nth_unstable_by(limit - 1, best_first);
        out.truncate(limit);
    }
    out.sort_by(best_first);
    out
}

/// Makes a candidate of the sentence that points back ("It's valued at
/// $150,000.") to a candidate holding most of the question ("The dress is
/// made of pearls." for "What is the pearl dress valued at?"), when it
/// holds a word of the question, not a name, that the candidate lacks: the
/// two sentences read as one. Holding few of the question's words itself,
/// it would not have been opened; [`previous_context`] weighs the rest.
fn add_pointing_back(scratch: &mut Scratch, query: &Query, index: &Index) {
    let bar = MIN_COVERAGE * query.total;
    for i in 0..scratch.candidates.len() {
        let f = scratch.candidates[i] as usize;
        if scratch.facts[f].held < bar {
            continue;
        }
        let n = index.fact_pointed_from[f];
        if n == u32::MAX || scratch.live(n) {
            continue;
        }
        let held = held_by(
            query,
            &index.fact_terms[n as usize],
            &index.fact_content[n as usize],
            scratch.epoch,
        );
        let new = held.matched & !scratch.facts[f].matched;
        let unnamed = query
            .slots
            .iter()
            .take(64)
            .enumerate()
            .any(|(k, slot)| new & (1 << k) != 0 && !slot.named);
        if unnamed {
            scratch.facts[n as usize] = held;
            scratch.candidates.push(n);
        }
    }
}

/// What a fact holding the sorted `terms` (`content` those of its content
/// fields) holds of the query, stamped `epoch`: each slot through its best
/// match, as the postings would have added it.
fn held_by(query: &Query, terms: &[TermId], content: &[TermId], epoch: u32) -> FactScratch {
    let mut held = FactScratch {
        stamp: epoch,
        ..FactScratch::default()
    };
    for (k, slot) in query.slots.iter().enumerate().take(64) {
        let best = slot
            .alts
            .iter()
            .enumerate()
            .find(|(_, (t, _))| terms.binary_search(t).is_ok());
        let Some((alt, &(t, factor))) = best else {
            continue;
        };
        held.matched |= 1 << k;
        if alt == 0 && slot.exact {
            held.matched_exact |= 1 << k;
        }
        held.held += slot.weight * factor;
        if content.binary_search(&t).is_ok() {
            held.content += slot.weight * factor;
        }
    }
    held
}

/// The order of ranked facts: the highest log-odds first, then the first fact.
pub fn best_first(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.logit.total_cmp(&a.logit).then(a.fact.cmp(&b.fact))
}

/// The best weighted Jaccard similarity of each candidate's example questions with the query.
fn question_similarity(scratch: &mut Scratch, query: &Query, analysis: &Analysis, index: &Index) {
    for (t, w) in query.exact_terms() {
        for &q in &index.question_postings[t as usize] {
            let qi = q as usize;
            if !scratch.live(index.questions[qi].fact.0) {
                continue;
            }
            if scratch.question_stamp[qi] != scratch.epoch {
                scratch.question_stamp[qi] = scratch.epoch;
                scratch.shared[qi] = 0.0;
                scratch.touched_questions.push(q);
            }
            scratch.shared[qi] += w;
        }
    }
    let wanted = &analysis.cues.wanted;
    for i in 0..scratch.touched_questions.len() {
        let q = scratch.touched_questions[i] as usize;
        let inter = scratch.shared[q];
        let example = &index.questions[q];
        let union = query.total + example.weight - inter;
        let mut sim = if union > 0.0 { inter / union } else { 0.0 };
        let q_cues = &example.cues;
        if !wanted.is_empty() && !q_cues.is_empty() && !wanted.iter().any(|c| q_cues.contains(c)) {
            // Same words, another question: "how many shots" is not "when were shots fired".
            sim *= 0.5;
        }
        let f = example.fact.get();
        if scratch.facts[f].best_question == u32::MAX || sim > scratch.facts[f].best_q {
            scratch.facts[f].best_q = sim;
            scratch.facts[f].best_question = q as u32;
        }
    }
}

/// One candidate's score from its accumulated weights.
fn score(
    scratch: &Scratch,
    fact: FactIx,
    query: &Query,
    analysis: &Analysis,
    index: &Index,
    stranger: bool,
) -> Scored {
    let f = fact.get();
    let coverage = scratch.facts[f].held / query.total;
    let content_coverage = scratch.facts[f].content / query.total;
    let question_similarity = scratch.facts[f].best_q;
    let wanted = &analysis.cues.wanted;
    let cues = &index.fact_cues[f];
    let mut cue = 0.0;
    let mut factor = 1.0;
    if !wanted.is_empty() {
        if wanted.iter().any(|c| cues.contains(c)) {
            cue = 0.1;
        } else if wanted.iter().any(|c| matches!(c, Cue::Number | Cue::Time)) {
            // A "how many" or "when" question needs a number or a time in the answer.
            factor = 0.65;
        } else {
            cue = -0.1;
        }
    }
    if analysis.cues.future && !cues.contains(&Cue::Future) {
        cue -= 0.25;
    }
    let mut score =
        (W_COV * coverage + W_CONTENT * content_coverage + W_QSIM * question_similarity + cue)
            * factor;
    let holds_focus = match query.focus {
        Focus::None => true,
        Focus::Unknown => false,
        Focus::Slot(k) => k >= 64 || scratch.facts[f].matched & (1 << k) != 0,
    };
    if !holds_focus {
        score *= 0.55;
    }
    let features = measure(scratch, f, query, analysis, index, score, holds_focus);
    let logit = super::model::FACT.logit(&features) - if stranger { STRANGER } else { 0.0 };
    Scored {
        fact,
        score,
        coverage,
        question_similarity,
        best_question: Some(scratch.facts[f].best_question).filter(|&q| q != u32::MAX),
        logit,
        features,
        stranger,
    }
}

/// How much a fact of another story than the one the question names falls
/// behind in the ranking (log-odds).
const STRANGER: f32 = 4.0;

/// Whether the question names something `article` never mentions, or
/// writes two of its names side by side as one name that the article never
/// writes so ("Radar Princess" where it writes "Twilight Princess" and "Game
/// Radar"); see [`Scored::stranger`].
fn names_another_story(scratch: &Scratch, article: usize, query: &Query, index: &Index) -> bool {
    let in_article = scratch.article(article);
    query
        .slots
        .iter()
        .take(64)
        .enumerate()
        .any(|(k, slot)| slot.distinct && in_article & (1 << k) == 0)
        || query.name_pairs.iter().any(|(firsts, seconds)| {
            !firsts.iter().any(|a| {
                seconds
                    .iter()
                    .any(|b| index.writes_side_by_side(article, a, b))
            })
        })
}

/// The summed weight of the slots in `mask`.
fn weight_of(query: &Query, mask: u64) -> f32 {
    let mut sum = 0.0;
    let mut m = mask;
    while m != 0 {
        let k = m.trailing_zeros() as usize;
        sum += query.slots[k].weight;
        m &= m - 1;
    }
    sum
}

/// What the model weighs: see [`super::features::NAMES`].
fn measure(
    scratch: &Scratch,
    f: usize,
    query: &Query,
    analysis: &Analysis,
    index: &Index,
    heuristic: f32,
    holds_focus: bool,
) -> Features {
    let total = query.total.max(f32::EPSILON);
    let all = query.all_slots();
    let own = scratch.facts[f].matched;
    let unit = index.fact_unit[f] as usize;
    let article = index.unit_article[unit] as usize;
    let para = scratch.unit(unit) & !own;
    let headline = index.headline_unit[article];
    let title = if headline == u32::MAX {
        0
    } else {
        scratch.unit(headline as usize) & !own & !para
    };
    let in_article = scratch.article(article);
    let missing = all & !own & !para & !title;
    let largest_missing = (0..query.slots.len().min(64))
        .filter(|&k| missing & (1 << k) != 0)
        .map(|k| query.slots[k].weight)
        .fold(query.unknown_largest, f32::max);
    let exact = weight_of(query, scratch.facts[f].matched_exact);
    let wanted = &analysis.cues.wanted;
    let cues = &index.fact_cues[f];
    let typed = !wanted.is_empty();
    let present = typed && wanted.iter().any(|c| cues.contains(c));
    let number_or_time = wanted.iter().any(|c| matches!(c, Cue::Number | Cue::Time));
    let held = scratch.facts[f].held;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let place = index.fact_words[f] as f32;
    let curated = !index.fact_is_sentence[f];
    let (typed_question, typed_new, typed_any) = typed_answer(analysis, &index.fact_spans[f]);
    let (mut named, mut numbers) = (0u64, 0u64);
    for (k, slot) in query.slots.iter().enumerate().take(64) {
        named |= u64::from(slot.named) << k;
        numbers |= u64::from(slot.number) << k;
    }
    let (proximity, phrase_pairs, novelty) = positions(scratch, query, &index.fact_sequence[f]);
    let is_headline = headline as usize == unit;
    let previous = previous_context(scratch, f, own, query, index) / total;
    let swapped = substituted(query, own, &index.fact_sequence[f]);
    let pointed = if index.fact_points_back[f] {
        previous
    } else {
        0.0
    };
    Features([
        held / total,
        exact / total,
        scratch.facts[f].content / total,
        scratch.facts[f].best_q,
        weight_of(query, para) / total,
        weight_of(query, title) / total,
        weight_of(query, all & !in_article) / total + query.unknown / total,
        query.unknown / total,
        largest_missing / total,
        flag(query.names_the_unknown),
        flag(present),
        flag(typed && !present && number_or_time),
        flag(typed && !present && !number_or_time),
        flag(!holds_focus),
        flag(analysis.cues.future && !cues.contains(&Cue::Future)),
        flag(curated),
        flag(is_headline),
        flag(index.fact_is_caption[f] && !query.photo),
        (1.0 + place).ln() / 4.0,
        flag(analysis.cues.yes_no),
        (1.0 + query.slots.len() as f32).ln(),
        total / index.unknown_idf.max(1.0),
        (held - exact).max(0.0) / total,
        heuristic,
        proximity,
        phrase_pairs,
        novelty,
        weight_of(query, named & !own) / total,
        flag(numbers & !own != 0),
        flag(analysis.negated != index.fact_negated[f]),
        if curated { heuristic } else { 0.0 },
        if curated { held / total } else { 0.0 },
        flag(typed_question),
        flag(typed_new),
        flag(typed_any),
        previous,
        pointed,
        flag(swapped),
    ])
}

/// Whether the sentence (its terms in order, `sequence`; `own` the slots it
/// holds) writes another word where the question writes one it lacks,
/// between two words they share at the same distance: "dying of thallium
/// poisoning" for "dying of potassium poisoning?". Questions written to
/// look answerable are often made so.
fn substituted(query: &Query, own: u64, sequence: &[(u16, TermId)]) -> bool {
    let holds = |k: usize| k < 64 && own & (1 << k) != 0;
    let at = |k: usize, t: TermId| query.slots[k].alts.iter().any(|&(a, _)| a == t);
    query.order.windows(3).any(|w| {
        let [(before, Some(a)), (_, middle), (after, Some(b))] = *w else {
            return false;
        };
        if middle.is_some_and(holds) || !holds(a) || !holds(b) {
            return false;
        }
        let gap = (after - before) as u16;
        sequence.iter().filter(|&&(_, t)| at(a, t)).any(|&(p, _)| {
            sequence.iter().any(|&(q, t)| q == p + gap && at(b, t))
                && sequence.iter().any(|&(q, _)| q > p && q < p + gap)
        })
    })
}

/// The weight of the question's slots that fact `f`'s sentence lacks (`own`
/// holds the ones it has) and the sentence before it holds.
fn previous_context(scratch: &Scratch, f: usize, own: u64, query: &Query, index: &Index) -> f32 {
    let previous = index.fact_previous[f] as usize;
    let Some(terms) = index.fact_terms.get(previous) else {
        return 0.0;
    };
    let held = if scratch.live(previous as u32) {
        scratch.facts[previous].matched
    } else {
        // No candidate: it holds none of the opened slots; look up the
        // others the fact lacks, if any.
        let open = query.all_slots() & !own & !scratch.opened;
        if open == 0 {
            return 0.0;
        }
        scratch.slots_of(terms) & open
    };
    weight_of(query, held & !own)
}

/// Span kinds that answer a question asking for `wanted`.
pub(crate) fn answers(wanted: Wanted, kind: Wanted) -> bool {
    use Wanted::*;
    kind == wanted
        || matches!(
            (wanted, kind),
            (Number, Money | Percent | Age | Duration)
                | (Money | Percent | Age, Number)
                | (Duration, Number | Time)
                | (Date, Time)
                | (Time, Date)
                | (Person, Organisation)
                | (Organisation, Person)
                | (Place, Organisation)
        )
}

/// Whether the question asks for a typed answer (an amount, a date, a
/// person, a place...), whether the sentence holds a span of that type with
/// a word the question does not say, and whether it holds one at all.
fn typed_answer(analysis: &Analysis, spans: &[(Wanted, Box<[String]>)]) -> (bool, bool, bool) {
    use Wanted::*;
    let Some(wanted) = analysis.wanted.filter(|w| {
        matches!(
            w,
            Number | Money | Percent | Duration | Date | Time | Age | Person | Organisation | Place
        )
    }) else {
        return (false, false, false);
    };
    // "What day?": a date of another grain ("this year") does not answer it.
    let grain = matches!(wanted, Date | Time)
        .then(|| super::fits::asked_grain(analysis))
        .flatten();
    let mut any = false;
    let mut new = false;
    for (kind, words) in spans {
        let of_grain = || {
            grain.is_none_or(|g| {
                !matches!(kind, Date | Time) || super::fits::holds_grain(g, words, || *kind == Time)
            })
        };
        if answers(wanted, *kind) && of_grain() {
            any = true;
            if words.iter().any(|w| !analysis.words.contains(w)) {
                new = true;
                break;
            }
        }
    }
    (true, new, any)
}

/// Where the question's words stand in the fact's sentence: how close
/// together (matched words per word spanned), how many consecutive question
/// words stand in the same order within three words, and the share of the
/// sentence's terms the question does not name.
fn positions(scratch: &Scratch, query: &Query, sequence: &[(u16, TermId)]) -> (f32, f32, f32) {
    // Where each slot is first found in the sentence: on the stack for a
    // question of up to 64 slots, as every question but a pasted page is.
    let n = query.slots.len();
    let mut on_stack = [None::<u16>; 64];
    let mut on_heap: Vec<Option<u16>>;
    let first: &mut [Option<u16>] = if n <= 64 {
        &mut on_stack[..n]
    } else {
        on_heap = vec![None; n];
        &mut on_heap
    };
    let mut matched_terms = 0usize;
    if n <= 64 {
        // One pass over the sentence, its terms looked up by their slots.
        for &(p, t) in sequence {
            let mut m = scratch.exact_slots(t);
            matched_terms += m.count_ones() as usize;
            while m != 0 {
                let k = m.trailing_zeros() as usize;
                first[k].get_or_insert(p);
                m &= m - 1;
            }
        }
    } else {
        for (at, slot) in first.iter_mut().zip(&query.slots) {
            if slot.exact {
                let t = slot.alts[0].0;
                *at = sequence.iter().find(|(_, x)| *x == t).map(|&(p, _)| p);
                matched_terms += sequence.iter().filter(|(_, x)| *x == t).count();
            }
        }
    }
    // The span of the slots found, read without collecting them.
    let (found, lo, hi) = first
        .iter()
        .flatten()
        .fold((0usize, u16::MAX, 0u16), |(n, lo, hi), &p| {
            (n + 1, lo.min(p), hi.max(p))
        });
    let proximity = if found >= 2 {
        (found - 1) as f32 / f32::from(hi - lo).max(1.0)
    } else {
        0.0
    };
    let pairs = first
        .windows(2)
        .filter(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b > a && b - a <= 3))
        .count();
    let phrase_pairs = if query.slots.len() >= 2 {
        pairs as f32 / (query.slots.len() - 1) as f32
    } else {
        0.0
    };
    let novelty = if sequence.is_empty() {
        0.0
    } else {
        1.0 - (matched_terms as f32 / sequence.len() as f32).min(1.0)
    };
    (proximity.min(1.0), phrase_pairs, novelty)
}
