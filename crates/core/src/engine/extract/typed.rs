//! Typed answers: the candidate of the wanted kind nearest the question's
//! words, widened to read well ("In 1041.", "Reportedly 19.", "Trevor Fung,
//! Paul Oakenfold and Danny Rampling.").

use super::choose::{Ctx, Pick};
use super::lexicon::*;
use super::question::{Form, Side};
use super::tokens::Kind;
use super::{Cand, Wanted};

/// Nouns naming a part of a place: "the western *part* of Ukraine", "the
/// South's eastern *coast*".
#[rustfmt::skip]
const PLACE_PARTS: &[&str] = &[
    "part", "parts", "side", "area", "areas", "region", "north", "south", "east", "west", "centre",
    "center", "heart", "edge", "outskirts", "coast", "border", "borders", "banks", "shores",
    "city", "town", "village", "province", "state", "county", "island", "suburbs", "middle",
    "rest",
];

impl Ctx<'_, '_> {
    /// Whether the question asks how much an amount changed ("how much did
    /// profit fall?"), not what it came to ("... fall to?").
    fn asks_a_change(&self) -> bool {
        let q_words = || (0..self.q.t.len()).filter(|&k| self.q.t.is_word(k));
        q_words().any(|k| super::question::a_change(self.q.t.norm(k)))
            && !q_words().any(|k| matches!(self.q.t.norm(k), "to" | "from" | "reach" | "reached"))
    }

    /// A typed candidate of (or close to) the wanted kind.
    pub fn typed(&self, wanted: Wanted) -> Option<Pick> {
        self.typed_among(wanted, true)
    }

    /// Like [`Ctx::typed`]; `untyped` admits names of no known kind.
    pub fn typed_among(&self, wanted: Wanted, untyped: bool) -> Option<Pick> {
        let any_q = self.qm.iter().any(Option::is_some);
        let n = self.t.len();
        // The preposition before the question word, when it says how the
        // answer stands to the rest: "*by* how much", "*since* when" ("in",
        // "at" or "to" are said of too much).
        let asked_after = self
            .q
            .wh
            .filter(|&k| k > 0)
            .map(|k| self.q.t.norm(k - 1))
            .filter(|p| matches!(*p, "by" | "since" | "until" | "till"));
        // "How much did profit fall?": the change ("fell 30%"), not the
        // level it reached or left ("to $2.1 billion", "from $3 billion").
        let amount = |c: &Cand| matches!(c.kind, Wanted::Number | Wanted::Money | Wanted::Percent);
        let a_level = |c: &Cand| c.a > 0 && matches!(self.n(c.a - 1), "to" | "from");
        let changes = self.asks_a_change();
        let asks_a_change = changes && self.cands.iter().any(|c| amount(c) && !a_level(c));
        let mut best: Option<(f32, Cand)> = None;
        for c in &self.cands {
            let c = &self.untitled(*c);
            let w = weight(wanted, c, self, changes);
            if w <= 0.0 || !untyped && c.kind == Wanted::Thing {
                continue;
            }
            // The question already says it.
            let (ca, cb) = c.core;
            let core_words: Vec<usize> = (ca..cb)
                .filter(|&i| self.t.is_word(i) && !is_stop(self.n(i)))
                .collect();
            if core_words.is_empty() || core_words.iter().all(|&i| self.is_q(i)) {
                continue;
            }
            // Question words inside the span (its counted noun) put it at the match.
            let inside = (c.a..c.b).any(|i| (i < ca || i >= cb) && self.is_q(i));
            let dist = if inside {
                0
            } else {
                self.distance(c.a, c.b)
                    .unwrap_or(if any_q { 30 } else { 0 })
            };
            let named = c.kind.is_a_name();
            // Question words in the counted noun or unit ("6,329 feet" for
            // "in feet") point to it; in a name they say it is the question's
            // own thing, unless they are its focus.
            let q_unit = (c.a..c.b)
                .filter(|&i| (i < ca || i >= cb) && self.is_q(i))
                .count();
            let q_core = (ca..cb).filter(|&i| self.is_q(i) && !self.fm[i]).count();
            let focus_in = (c.a..c.b).any(|i| self.fm[i]);
            let counted_other = c.b > cb
                && !focus_in
                && q_unit == 0
                && self.q.focus.is_some()
                && matches!(c.kind, Wanted::Number);
            let mut score = w * 10.0 - (dist.min(25) as f32) * 0.5 + q_unit.min(2) as f32 * 3.0;
            if named {
                score -= q_core as f32 * 3.0;
            } else {
                score += q_core as f32;
            }
            if focus_in {
                score += 6.0;
            }
            if counted_other {
                score -= 2.0;
            }
            // A name in another script than the question's is a gloss.
            let text = &self.t.text[self.t.start(c.a)..self.t.end(c.b - 1)];
            if crate::text::mostly_non_latin(text) && !crate::text::mostly_non_latin(self.q.t.text)
            {
                score -= 5.0;
            }
            // Question words on the wrong side: the answer follows the words
            // the question says before it and precedes those after.
            let wrong = (c.b..n)
                .filter(|&k| self.qm[k] == Some(Side::Before))
                .count()
                + (0..c.a)
                    .filter(|&k| self.qm[k] == Some(Side::After))
                    .count();
            score -= wrong.min(3) as f32 * 0.7;
            if asks_a_change && amount(c) && a_level(c) {
                score -= 3.0;
            }
            // "By how much did it cut...?": the span after the same
            // preposition ("cut their chances by more than 80%").
            if asked_after.is_some_and(|p| c.a > 0 && self.n(c.a - 1) == p) {
                score += 2.0;
            }
            // A passive agent answers "who did": "established in 1933 by Edward S. Harkness".
            if matches!(wanted, Wanted::Person | Wanted::Organisation)
                && c.a > 0
                && self.n(c.a - 1) == "by"
                && self.q.form == Form::Subject
            {
                score += 2.0;
            }
            // Ties go to the span after a question word ("Southport (1905)").
            if (0..c.a)
                .rev()
                .find(|&i| self.t.is_word(i))
                .is_some_and(|i| self.is_q(i))
            {
                score += 0.2;
            }
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, *c));
            }
        }
        let (_, c) = best?;
        let mut c = self.widen(c);
        c.b = self.possessed(c);
        if !matches!(
            c.kind,
            Wanted::Number | Wanted::Money | Wanted::Percent | Wanted::Duration | Wanted::Age
        ) {
            (c.a, c.b) = self.with_focus(c.a, c.b);
        } else if c.kind == Wanted::Number && c.b == c.core.1 {
            // A bare count followed by the thing asked about, a word WordNet
            // does not know as a noun: "23 megapixels" for "how many megapixels".
            // Only up to the focus's head, a common noun or an acronym:
            // "over 130 Xbox One X-enhanced titles" is no "130 Xbox".
            let head = self.focus_head();
            let mut b = c.b;
            while b < self.t.len() && b < c.b + 3 && self.t.is_word(b) && self.fm[b] {
                b += 1;
                let tok = &self.t.toks[b - 1];
                let common = !tok.cap || tok.caps;
                if common
                    && head
                        .as_deref()
                        .is_some_and(|h| self.is_focus_head(b - 1, h))
                {
                    c.b = b;
                    break;
                }
            }
        }
        Some(self.render_typed(c))
    }

    /// The end of a person or an organisation named as a possessor, with
    /// what it possesses: "Sheriff's deputies" were at the hotel, not the
    /// sheriff; but "on Liu Bei's suggestion" names Liu Bei. Up to two
    /// lower-case words, the last a noun naming persons.
    fn possessed(&self, c: Cand) -> usize {
        let t = self.t;
        if !matches!(c.kind, Wanted::Person | Wanted::Organisation) || !t.is_possessive(c.b - 1) {
            return c.b;
        }
        let mut end = c.b;
        let mut k = c.b;
        while k < t.len() && k < c.b + 2 {
            let w = self.n(k);
            if t.toks[k].kind != Kind::Word || t.toks[k].cap || is_stop(w) || !is_noun(w) {
                break;
            }
            k += 1;
            if mostly_a_noun(w) && crate::engine::meaning::names_persons(w) {
                end = k;
            }
        }
        end
    }

    /// A person's name opened by the question's own words, a title it asks
    /// about: "Australian Federal Police Commissioner Andrew Colvin" for "who
    /// is the Australian Federal Police Commissioner?" names "Andrew Colvin",
    /// its core, and the title is its context, not words it repeats. Names
    /// with no such title, with capitalised words of their own before the
    /// question's, or whose title is the question's focus ("which judge":
    /// the focus counts for the name) are left whole; so are organisations
    /// and places, whose names hold the question's words ("the London Fire
    /// Brigade").
    fn untitled(&self, c: Cand) -> Cand {
        if c.kind != Wanted::Person {
            return c;
        }
        let (ca, cb) = c.core;
        let Some(last) = (ca..cb).rev().find(|&i| self.is_q(i)) else {
            return c;
        };
        let title = (ca..=last)
            .all(|i| self.is_q(i) && !self.fm[i] || !self.t.is_word(i) || is_stop(self.n(i)));
        let Some(start) = (last + 1..cb).find(|&i| self.t.is_word(i)) else {
            return c;
        };
        let named = (start..cb).all(|i| !self.t.is_word(i) || self.t.toks[i].cap && !self.is_q(i));
        // The title ends on a noun naming persons ("commissioner", "leader"),
        // not on a name the question repeats ("Emirates", "Mr.").
        if title && named && crate::engine::meaning::names_persons(self.n(last)) {
            Cand {
                core: (start, cb),
                ..c
            }
        } else {
            c
        }
    }

    /// The stem of the focus's head: "journal" in "which medical journal".
    fn focus_head(&self) -> Option<String> {
        let (_, end) = self.q.focus?;
        Some(crate::text::stem(self.q.t.norm(end.checked_sub(1)?)))
    }

    /// Whether token `i` is the question's focus word in the sentence (marked
    /// as the focus, its stem the focus's `head`): "journal" for "which
    /// journal?".
    fn is_focus_head(&self, i: usize, head: &str) -> bool {
        self.fm[i] && crate::text::stem(self.n(i)) == head
    }

    /// A name holding the question's focus word and more: "the New England
    /// Journal of Medicine" for "which journal?", "the Bank of England" for
    /// "which bank?". The nearest to the question's other words.
    pub(super) fn named_focus(&self) -> Option<Pick> {
        let head = self.focus_head()?;
        let holds_head = |c: &Cand| (c.a..c.b).any(|i| self.is_focus_head(i, &head));
        let (_, c) = self
            .cands
            .iter()
            .filter(|c| c.kind.is_a_name() && holds_head(c))
            .filter(|c| {
                (c.a..c.b).any(|i| self.t.is_word(i) && !self.is_q(i) && !is_stop(self.n(i)))
            })
            .map(|c| (self.distance(c.a, c.b).unwrap_or(usize::MAX), *c))
            .min_by_key(|(d, c)| (*d, c.a))?;
        let mut a = c.a;
        if a > 0 && self.n(a - 1) == "the" {
            a -= 1;
        }
        Some(Pick::one(a, c.b))
    }

    /// A name in apposition after the question's focus word: "website
    /// Snopes.com" for "which website", the launch game "“Job Simulator”"
    /// for "which launch game" (a quotation of a few words, or a list of
    /// them). Names of the question's own words answer nothing.
    pub(super) fn focus_apposition(&self) -> Option<Pick> {
        let head = self.focus_head()?;
        let t = self.t;
        let heads = (0..t.len()).filter(|&k| t.is_word(k) && self.is_focus_head(k, &head));
        for k in heads {
            if let Some(pick) = self.quotations_at(k + 1) {
                return Some(pick);
            }
            let after = self
                .cands
                .iter()
                .find(|c| c.kind.is_a_name() && c.a == k + 1 && self.says_own(c.a, c.b));
            if let Some(c) = after {
                return Some(Pick::one(c.a, c.b));
            }
        }
        None
    }

    /// The quotation of a few words opening at token `open`, with those
    /// listed after it ("“frequency” and “wavelength”"): one is shown without
    /// its marks, a list with each item's pair.
    fn quotations_at(&self, open: usize) -> Option<Pick> {
        let t = self.t;
        let quotation = |open: usize| {
            (open < t.len() && t.is_quote_mark(open))
                .then(|| (open + 2..t.len().min(open + 10)).find(|&i| t.is_quote_mark(i)))
                .flatten()
                .filter(|&close| self.says_own(open + 1, close))
        };
        let first = quotation(open)?;
        let mut close = first;
        for _ in 0..3 {
            let mut next = close + 1;
            while next < t.len() && (t.is_punct(next, ',') || matches!(self.n(next), "and" | "or"))
            {
                next += 1;
            }
            match quotation(next).filter(|_| next > close + 1) {
                Some(more) => close = more,
                None => break,
            }
        }
        Some(if close == first {
            Pick::one(open + 1, first)
        } else {
            Pick::one(open, close + 1)
        })
    }

    /// A place with the words that narrow it: "modern Russia", "the western
    /// part of Todmorden", "the leeward side of the island".
    pub(super) fn place_phrase(&self, a: usize, b: usize) -> (usize, usize) {
        let t = self.t;
        let mut a = a;
        let mut b = b;
        // "... of the island" after a lower-case place.
        if !t.toks[b - 1].cap && self.n(b) == "of" {
            let mut k = b + 1;
            if DETERMINERS.contains(&self.n(k)) {
                k += 1;
            }
            if k < t.len()
                && t.toks[k].kind == Kind::Word
                && !is_stop(self.n(k))
                && is_noun(self.n(k))
            {
                b = k + 1;
            }
        }
        // "the South's eastern coast": the part of the place named before it.
        if t.is_possessive(b - 1) {
            let mut k = b;
            while k < t.len()
                && k < b + 2
                && t.toks[k].kind == Kind::Word
                && !t.toks[k].cap
                && is_adjective(self.n(k))
                && !is_stop(self.n(k))
            {
                k += 1;
            }
            if k < t.len() && t.toks[k].kind == Kind::Word && PLACE_PARTS.contains(&self.n(k)) {
                b = k + 1;
            }
        }
        // "the western part of" before a name.
        if a >= 2 && self.n(a - 1) == "of" && PLACE_PARTS.contains(&self.n(a - 2)) {
            a -= 2;
            while a > 0
                && t.toks[a - 1].kind == Kind::Word
                && !t.toks[a - 1].cap
                && is_adjective(self.n(a - 1))
                && !is_stop(self.n(a - 1))
            {
                a -= 1;
            }
        } else if a > 0
            && t.toks[a - 1].kind == Kind::Word
            && !self.is_q(a - 1)
            && !is_inflected_verb(self.n(a - 1))
            && !t.toks[a - 1].cap
            && is_adjective(self.n(a - 1))
            && !is_stop(self.n(a - 1))
            && !DETERMINERS.contains(&self.n(a - 1))
        {
            // "modern Russia", "eastern Ukraine".
            a -= 1;
        }
        (a, b)
    }

    /// A candidate with the others it is listed with ("Trevor Fung, Paul
    /// Oakenfold and Danny Rampling") and a conversion in brackets after it
    /// ("900 kilometres (560 mi)").
    pub(super) fn widen(&self, c: Cand) -> Cand {
        let t = self.t;
        let family = |k: Wanted| match k {
            Wanted::Person | Wanted::Organisation | Wanted::Thing => 0,
            Wanted::Place => 1,
            Wanted::Date | Wanted::Time => 2,
            _ => 3,
        };
        let list_word = |i: usize| t.is_punct(i, ',') || matches!(self.n(i), "and" | "or");
        let fresh = |x: &Cand| !(x.a..x.b).any(|i| self.is_q(i));
        let mut out = c;
        let mut items = 1;
        if family(c.kind) <= 1 {
            // Rightwards: ", Name", " and Name", ", and Name".
            while items < 6 {
                let mut j = out.b;
                while j < t.len() && j < out.b + 2 && list_word(j) {
                    j += 1;
                }
                match self
                    .cands
                    .iter()
                    .find(|x| x.a == j && j > out.b && family(x.kind) == family(c.kind))
                {
                    Some(x) if fresh(x) => {
                        out.b = x.b;
                        items += 1;
                    }
                    _ => break,
                }
            }
            // Leftwards.
            while items < 6 {
                let mut j = out.a;
                while j > 0 && j + 2 > out.a && list_word(j - 1) {
                    j -= 1;
                }
                match self
                    .cands
                    .iter()
                    .find(|x| x.b == j && j < out.a && family(x.kind) == family(c.kind))
                {
                    Some(x) if fresh(x) => {
                        out.a = x.a;
                        items += 1;
                    }
                    _ => break,
                }
            }
        }
        // A gloss in brackets after it, or the span it glosses before it:
        // "900 kilometres (560 mi)", "Church of Central Africa (CCAP)".
        // (For names, only an acronym in brackets: "(CCAP)", not "(Christian
        // Democratic Union)" after a person.)
        let acronym = |x: &Cand| x.b == x.a + 1 && t.toks[x.a].caps;
        let same = |x: &Cand| family(x.kind) == family(c.kind) && family(c.kind) > 1;
        if out.b + 2 < t.len() && t.is_punct(out.b, '(') {
            if let Some(x) = self
                .cands
                .iter()
                .find(|x| x.a == out.b + 1 && (same(x) || family(c.kind) <= 1 && acronym(x)))
            {
                if x.b < t.len() && t.is_punct(x.b, ')') {
                    out.b = x.b + 1;
                }
            }
        } else if out.a >= 2
            && t.is_punct(out.a - 1, '(')
            && out.b < t.len()
            && t.is_punct(out.b, ')')
        {
            let inside = Cand {
                kind: c.kind,
                a: out.a,
                b: out.b,
                core: c.core,
            };
            if let Some(x) = self
                .cands
                .iter()
                .find(|x| x.b == out.a - 1 && (same(x) || family(c.kind) <= 1 && acronym(&inside)))
            {
                out.a = x.a;
                out.b += 1;
            }
        }
        out
    }

    /// A number word alone, for "how many" when no counted amount stands in
    /// the sentence: "four", "twice", "thirteen", "all but one".
    pub fn bare_number(&self) -> Option<Pick> {
        let mut best: Option<(usize, usize)> = None;
        for k in 0..self.t.len() {
            let w = self.n(k);
            let number = SPELLED.contains(&w)
                || matches!(
                    w,
                    "one" | "once" | "twice" | "thrice" | "several" | "none" | "both"
                );
            if !number || self.is_q(k) || self.t.toks[k].kind != Kind::Word {
                continue;
            }
            let Some(d) = self.distance(k, k + 1) else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, k));
            }
        }
        let Some((_, k)) = best else {
            return self.ordinal_count();
        };
        // "all but one", "at least one".
        let mut a = k;
        if a >= 2
            && matches!(
                (self.n(a - 2), self.n(a - 1)),
                ("all", "but")
                    | ("at", "least")
                    | ("more", "than")
                    | ("less", "than")
                    | ("fewer", "than")
            )
        {
            a -= 2;
        }
        Some(Pick {
            ranges: vec![(a, k + 1)],
            glue: None,
            kind: Some(Wanted::Number),
        })
    }

    /// An ordinal that counts, for "how many" when the sentence holds no
    /// amount: "the fourth time this year", "the second defection", "its
    /// third botched launch" (the ordinal, its determiner and its noun).
    /// "First" counts nothing here ("the North's first response").
    fn ordinal_count(&self) -> Option<Pick> {
        let n = self.t.len();
        let mut best: Option<(usize, usize, usize)> = None;
        for k in 1..n {
            let w = self.n(k);
            if !ORDINALS.contains(&w) || w == "first" || self.is_q(k) {
                continue;
            }
            // After a determiner or a possessive: "the", "its", "Russia's".
            let before = self.t.raw(k - 1);
            let possessive = before.ends_with("'s") || before.ends_with("\u{2019}s");
            if self.t.toks[k].kind != Kind::Word
                || !(DETERMINERS.contains(&self.n(k - 1)) || possessive)
            {
                continue;
            }
            // Its noun: the words after it up to a stopword or preposition, at most three.
            let mut b = k + 1;
            while b < n
                && b < k + 4
                && self.t.is_word(b)
                && !self.t.toks[b].cap
                && !is_stop(self.n(b))
                && !PREPOSITIONS.contains(&self.n(b))
            {
                b += 1;
            }
            if b == k + 1 || !is_noun(self.n(b - 1)) {
                continue;
            }
            let Some(d) = self.distance(k - 1, b) else {
                continue;
            };
            if best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, k - 1, b));
            }
        }
        let (_, a, b) = best?;
        Some(Pick {
            ranges: vec![(a, b)],
            glue: None,
            kind: Some(Wanted::Number),
        })
    }

    /// A typed candidate widened to read well: "the" and a preposition
    /// before a date or place, a hedge before an age.
    pub(super) fn render_typed(&self, c: Cand) -> Pick {
        let t = self.t;
        let mut a = c.a;
        let b = c.b;
        // "about 4.54 billion years old", "19-year-old": shown whole.
        let whole_age =
            b > a && matches!(self.n(b - 1), "old") || self.n(c.core.0).ends_with("-old");
        if c.kind == Wanted::Age && !whole_age {
            let (ca, cb) = c.core;
            // "reportedly aged 19" -> "Reportedly 19".
            let hedge_at = if a > 0
                && matches!(
                    self.n(a - 1),
                    "reportedly"
                        | "allegedly"
                        | "about"
                        | "around"
                        | "nearly"
                        | "only"
                        | "just"
                        | "approximately"
                        | "roughly"
                        | "believed"
                        | "thought"
                        | "estimated"
                        | "apparently"
                        | "aged"
                ) {
                Some(a - 1)
            } else if a < ca
                && matches!(
                    self.n(a),
                    "reportedly"
                        | "about"
                        | "around"
                        | "nearly"
                        | "only"
                        | "just"
                        | "approximately"
                        | "roughly"
                )
            {
                Some(a)
            } else {
                None
            };
            return match hedge_at {
                Some(h) if self.n(h) != "aged" && h + 1 < ca => Pick {
                    ranges: vec![(h, h + 1), (ca, cb)],
                    glue: None,
                    kind: Some(c.kind),
                },
                Some(h) if self.n(h) != "aged" => Pick {
                    ranges: vec![(h, cb)],
                    glue: None,
                    kind: Some(c.kind),
                },
                _ => Pick {
                    ranges: vec![(ca, cb.max(b))],
                    glue: None,
                    kind: Some(c.kind),
                },
            };
        }
        let named = matches!(
            c.kind,
            Wanted::Date
                | Wanted::Place
                | Wanted::Person
                | Wanted::Organisation
                | Wanted::Thing
                | Wanted::Time
        );
        let mut b = b;
        if c.kind == Wanted::Place {
            (a, b) = self.place_phrase(a, b);
        }
        // "the second half of the 8th century", "the end of 2019".
        if c.kind == Wanted::Date
            && a >= 2
            && self.n(a - 1) == "of"
            && matches!(
                self.n(a - 2),
                "half"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "part"
                    | "turn"
                    | "course"
                    | "dawn"
                    | "close"
                    | "height"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
            )
        {
            a -= 2;
            while a > 0
                && (ORDINALS.contains(&self.n(a - 1))
                    || matches!(self.n(a - 1), "latter" | "early" | "late" | "very" | "last"))
            {
                a -= 1;
            }
        }
        // "In the 2012 book ...": a year before a noun is the noun's, and so
        // is the article before it ("In 2012.", not "In the 2012.").
        let year_of_a_noun = c.kind == Wanted::Date
            && c.b == c.core.0 + 1
            && a == c.core.0
            && self.n(a).len() == 4
            && self.n(a).bytes().all(|x| x.is_ascii_digit())
            && t.toks.get(c.b).is_some_and(|x| x.kind == Kind::Word);
        if named && !year_of_a_noun && a > 0 && self.n(a - 1) == "the" {
            a -= 1;
        }
        let mut glue = None;
        let preps: &[&str] = match c.kind {
            Wanted::Date | Wanted::Time => &[
                "in",
                "on",
                "at",
                "since",
                "until",
                "till",
                "by",
                "during",
                "before",
                "after",
                "from",
                "around",
                "between",
                "through",
                "throughout",
                "circa",
                "c",
                "as",
            ],
            Wanted::Place => &[
                "in",
                "at",
                "from",
                "near",
                "across",
                "off",
                "outside",
                "inside",
                "into",
                "to",
                "throughout",
                "on",
                "along",
                "within",
            ],
            _ => &[],
        };
        if a > 0 && preps.contains(&self.n(a - 1)) && !self.is_q(a - 1) {
            a -= 1;
            // "just after 8am", "shortly before midnight".
            if a > 0
                && matches!(
                    self.n(a - 1),
                    "just" | "shortly" | "soon" | "right" | "well" | "long" | "immediately"
                )
            {
                a -= 1;
            }
        } else if matches!(c.kind, Wanted::Date | Wanted::Time) {
            let first = self.n(c.core.0);
            glue = if c.kind == Wanted::Time && first.starts_with(|ch: char| ch.is_ascii_digit()) {
                Some("At")
            } else if WEEKDAYS.contains(&first)
                || MONTHS.contains(&first)
                    && self
                        .t
                        .toks
                        .get(c.core.0 + 1)
                        .is_some_and(|x| x.kind == Kind::Num && self.n(c.core.0 + 1).len() <= 2)
            {
                Some("On")
            } else if first.starts_with(|ch: char| ch.is_ascii_digit()) && c.b == c.core.0 + 1
                || MONTHS.contains(&first)
                || self.n(a) == "the"
            {
                Some("In")
            } else {
                None
            };
            if a > 0
                && t.toks[a - 1].kind == Kind::Word
                && (PREPOSITIONS.contains(&self.n(a - 1))
                    || matches!(self.n(a - 1), "early" | "late"))
            {
                glue = None;
            }
        }
        Pick {
            ranges: vec![(a, b)],
            glue,
            kind: Some(c.kind),
        }
    }
}

/// How well a candidate of kind `c.kind` answers a question wanting `w`
/// (`changes`: the question asks how much an amount changed).
fn weight(w: Wanted, c: &Cand, ctx: &Ctx, changes: bool) -> f32 {
    use Wanted::*;
    let bare_small = || {
        c.core.1 == c.core.0 + 1
            && c.b == c.core.1
            && ctx
                .n(c.core.0)
                .parse::<u32>()
                .is_ok_and(|n| (1..=125).contains(&n))
    };
    match (w, c.kind) {
        (a, b) if a == b => 1.0,
        (Number, Money | Percent) => 0.8,
        (Number, Duration) => 0.7,
        (Number, Age) => 0.6,
        (Money, Number) => 0.5,
        // A sum of money changes by a share as often: "how much did profit
        // fall?", "30%".
        (Money, Percent) if changes => 1.0,
        // A count is no share: "8,558 families" never answers "what
        // percentage" (a percentage question takes only a percentage).
        // "90 minutes later" answers "how long after".
        (Duration, Date) if (c.a..c.b).any(|i| TIME_UNITS.contains(&ctx.n(i))) => 0.8,
        (Duration, Date) => 0.4,
        (Duration, Number) => 0.3,
        (Duration, Age) => 0.3,
        (Date, Time) => 0.6,
        (Time, Date) => 0.8,
        (Age, Number) if bare_small() => 0.5,
        (Person, Organisation) => 0.7,
        // A country blamed or thanked: "Who did the US blame?" -> "North Korea".
        (Person, Place) if c.a == 0 || !PREPOSITIONS.contains(&ctx.n(c.a - 1)) => 0.3,
        // A name of no known kind may be one, unless it is a code with
        // digits: "K-3", "F-16" and "MH17" are models and flights.
        (Person | Organisation | Place, Thing)
            if !(c.core.0..c.core.1).any(|i| ctx.n(i).bytes().any(|b| b.is_ascii_digit())) =>
        {
            0.55
        }
        (Organisation, Person) => 0.6,
        (Organisation, Place) => 0.4,
        (Place, Organisation) => 0.4,
        _ => 0.0,
    }
}
