//! Choosing the span: the sentence's tokens marked with the question words
//! they share, then a typed candidate, a cause, or the stretch beside them.

use super::lexicon::*;
use super::question::{Form, Question, Side};
use super::tokens::{Kind, Toks};
use super::{scan, Cand, Extracted, Request, Wanted};

/// The sentence read against the question.
pub(super) struct Ctx<'a, 's> {
    pub t: &'a Toks<'s>,
    pub q: &'a Question<'a>,
    /// Per token: the side of the answer of the question word it matches.
    pub qm: Vec<Option<Side>>,
    /// Per token: it matches a word of the focus.
    pub fm: Vec<bool>,
    pub cands: Vec<Cand>,
    pub wanted: Wanted,
    /// Folded words of the question, stopwords included (to drop a
    /// preposition the question ends with).
    pub qall: Vec<String>,
}

/// A chosen answer: token ranges, glue, kind.
pub(super) struct Pick {
    pub ranges: Vec<(usize, usize)>,
    pub glue: Option<&'static str>,
    pub kind: Option<Wanted>,
}

impl Pick {
    pub fn one(a: usize, b: usize) -> Pick {
        Pick {
            ranges: vec![(a, b)],
            glue: None,
            kind: None,
        }
    }
}

/// One question word, ready for matching.
struct QWord {
    word: String,
    stem: String,
    bases: Box<[&'static str]>,
}

fn qwords(words: &[String]) -> Vec<QWord> {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| QWord {
            word: w.clone(),
            stem: crate::text::stem(w),
            bases: bases(w),
        })
        .collect()
}

/// The index in `qs` of a question word the folded sentence word `w` matches.
fn match_word(qs: &[QWord], w: &str) -> Option<usize> {
    if w.is_empty() || qs.is_empty() {
        return None;
    }
    let numeric = w.starts_with(|c: char| c.is_ascii_digit());
    if !numeric && (is_stop(w) || w.len() < 2) {
        return None;
    }
    // "U.S." against "u", "s" (the question's words split it) or "us".
    if w.contains('.') {
        let mut parts = w.split('.').filter(|p| !p.is_empty());
        if let Some(k) = parts
            .next()
            .and_then(|p| qs.iter().position(|q| q.word == p))
        {
            if parts.all(|p| qs.iter().any(|q| q.word == p)) {
                return Some(k);
            }
        }
    }
    let joined: String;
    let w = if w.contains('.') || w.contains('&') {
        joined = w.replace(['.', '&'], "");
        joined.as_str()
    } else {
        w
    };
    if let Some(k) = qs.iter().position(|q| q.word == w) {
        return Some(k);
    }
    // Inflections and derivations keep the first letter (but for a few
    // irregular forms: "went", "was"), so only question words sharing it are tried.
    let first = w.as_bytes()[0];
    if !w.contains('-') && !qs.iter().any(|q| q.word.as_bytes().first() == Some(&first)) {
        return None;
    }
    if w.contains('-') {
        let flat: String = w.chars().filter(|&c| c != '-').collect();
        if let Some(k) = qs.iter().position(|q| q.word == flat) {
            return Some(k);
        }
        return w.split('-').find_map(|p| match_word(qs, p));
    }
    if numeric {
        return None;
    }
    let stem = crate::text::stem(w);
    if stem.len() >= 3 {
        if let Some(k) = qs.iter().position(|q| q.stem == stem) {
            return Some(k);
        }
    }
    let b = bases(w);
    if b.is_empty() {
        return None;
    }
    qs.iter()
        .position(|q| q.bases.iter().any(|x| b.contains(x)) || b.contains(&q.word.as_str()))
}

impl<'a, 's> Ctx<'a, 's> {
    pub fn new(t: &'a Toks<'s>, q: &'a Question<'a>, req: &Request, wanted: Wanted) -> Ctx<'a, 's> {
        let qs = qwords(req.question_words);
        // Each question word's side, from where it stands in the question.
        let sides: Vec<Side> = qs
            .iter()
            .map(|qw| {
                (0..q.t.len())
                    .find(|&i| {
                        let n = q.t.norm(i);
                        n == qw.word || crate::text::stem(n) == qw.stem
                    })
                    .map_or(Side::Either, |i| q.side(i))
            })
            .collect();
        let focus_words: Vec<String> = match req.focus {
            Some(f) => crate::text::words(f),
            None => q.focus.map_or(Vec::new(), |(a, b)| {
                (a..b)
                    .filter(|&i| q.t.is_word(i))
                    .map(|i| q.t.norm(i).to_string())
                    .collect()
            }),
        };
        let fq = qwords(&focus_words);
        let mut qm = vec![None; t.len()];
        let mut fm = vec![false; t.len()];
        for i in 0..t.len() {
            if t.toks[i].kind == Kind::Punct {
                continue;
            }
            let w = t.norm(i);
            if let Some(k) = match_word(&qs, w) {
                qm[i] = Some(sides[k]);
                fm[i] = fq
                    .iter()
                    .any(|f| f.word == qs[k].word || f.stem == qs[k].stem);
            } else if !fq.is_empty() && match_word(&fq, w).is_some() {
                fm[i] = true;
                qm[i] = Some(Side::Either);
            }
        }
        let qall = (0..q.t.len())
            .filter(|&i| q.t.is_word(i))
            .map(|i| q.t.norm(i).to_string())
            .collect();
        Ctx {
            t,
            q,
            qm,
            fm,
            cands: scan(t),
            wanted,
            qall,
        }
    }

    pub fn n(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.norm(i)
        } else {
            ""
        }
    }

    pub fn is_q(&self, i: usize) -> bool {
        i < self.qm.len() && self.qm[i].is_some()
    }

    /// Words between `a..b` and the nearest question word outside it, or
    /// `None` when the sentence shares no word with the question.
    pub fn distance(&self, a: usize, b: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for i in (0..a).rev() {
            if self.is_q(i) {
                best = Some(self.t.words_in(i + 1, a));
                break;
            }
        }
        for i in b..self.t.len() {
            if self.is_q(i) {
                let d = self.t.words_in(b, i);
                best = Some(best.map_or(d, |x| x.min(d)));
                break;
            }
        }
        best
    }

    /// A typed candidate of (or close to) the wanted kind.
    pub fn typed(&self, wanted: Wanted) -> Option<Pick> {
        self.typed_among(wanted, true)
    }

    /// Like [`Ctx::typed`]; `untyped` admits names of no known kind.
    pub fn typed_among(&self, wanted: Wanted, untyped: bool) -> Option<Pick> {
        let any_q = self.qm.iter().any(Option::is_some);
        let n = self.t.len();
        let mut best: Option<(f32, Cand)> = None;
        for c in &self.cands {
            let w = weight(wanted, c, self);
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
            let named = matches!(
                c.kind,
                Wanted::Person | Wanted::Organisation | Wanted::Place | Wanted::Thing
            );
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
            let text = &self.t.text[self.t.toks[c.a].start..self.t.toks[c.b - 1].end];
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
        if !matches!(
            c.kind,
            Wanted::Number | Wanted::Money | Wanted::Percent | Wanted::Duration | Wanted::Age
        ) {
            (c.a, c.b) = self.with_focus(c.a, c.b);
        }
        Some(self.render_typed(c))
    }

    /// A place with the words that narrow it: "modern Russia", "the western
    /// part of Todmorden", "the leeward side of the island".
    fn place_phrase(&self, a: usize, b: usize) -> (usize, usize) {
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
        // "the western part of" before a name.
        if a >= 2
            && self.n(a - 1) == "of"
            && matches!(
                self.n(a - 2),
                "part"
                    | "parts"
                    | "side"
                    | "area"
                    | "areas"
                    | "region"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "centre"
                    | "center"
                    | "heart"
                    | "edge"
                    | "outskirts"
                    | "coast"
                    | "border"
                    | "borders"
                    | "banks"
                    | "shores"
                    | "city"
                    | "town"
                    | "village"
                    | "province"
                    | "state"
                    | "county"
                    | "island"
                    | "suburbs"
                    | "middle"
                    | "rest"
            )
        {
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
    fn widen(&self, c: Cand) -> Cand {
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
        let (_, k) = best?;
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

    /// A typed candidate widened to read well: "the" and a preposition
    /// before a date or place, a hedge before an age.
    fn render_typed(&self, c: Cand) -> Pick {
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
        if named && a > 0 && self.n(a - 1) == "the" {
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

/// How well a candidate of kind `c.kind` answers a question wanting `w`.
fn weight(w: Wanted, c: &Cand, ctx: &Ctx) -> f32 {
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
        (Percent, Number) => 0.5,
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
        (Person | Organisation | Place, Thing) => 0.55,
        (Organisation, Person) => 0.6,
        (Organisation, Place) => 0.4,
        (Place, Organisation) => 0.4,
        _ => 0.0,
    }
}

/// The answer for `req` in `sentence` (see [`super::extract`]).
pub(super) fn extract(sentence: &str, req: &Request) -> Option<Extracted> {
    let t = Toks::new(sentence);
    let total = (0..t.len()).filter(|&i| t.is_word(i)).count();
    if total < 2 {
        return None;
    }
    let q = Question::parse(req.question);
    let wanted = req.wanted.or(q.wanted).unwrap_or(Wanted::Thing);
    let ctx = Ctx::new(&t, &q, req, wanted);
    use Wanted::*;
    let pick = match wanted {
        Number => ctx.typed(wanted).or_else(|| ctx.bare_number()),
        Money | Percent | Duration | Age => ctx.typed(wanted),
        Date | Time => ctx
            .typed(wanted)
            .or_else(|| ctx.temporal())
            .or_else(|| ctx.stretch()),
        Person | Organisation => ctx.typed(wanted).or_else(|| ctx.stretch()),
        Place => ctx
            .typed_among(wanted, false)
            .or_else(|| ctx.locative())
            .or_else(|| ctx.typed(wanted))
            .or_else(|| ctx.stretch()),
        Reason => ctx.reason(false).or_else(|| ctx.stretch()),
        Purpose => ctx.reason(true).or_else(|| ctx.stretch()),
        Manner => ctx.manner().or_else(|| ctx.stretch()),
        YesNo => ctx.yes_no(),
        Thing => ctx.stretch(),
    }?;
    render(&t, pick, total)
}

/// The answer text of a pick: glue, spans, a capital and a full stop.
fn render(t: &Toks, pick: Pick, total: usize) -> Option<Extracted> {
    let mut ranges = Vec::new();
    let mut shown = 0;
    for &(a, b) in &pick.ranges {
        // Trim punctuation at the ends (keep a closing bracket or quote that opens inside).
        let (mut a, mut b) = (a, b.min(t.len()));
        while a < b
            && t.toks[a].kind == Kind::Punct
            && !t.is_punct(a, '$')
            && !t.is_punct(a, '£')
            && !t.is_punct(a, '€')
            && !t.is_punct(a, '\'')
            && !t.is_punct(a, '\u{2019}')
        {
            a += 1;
        }
        while a < b
            && t.toks[b - 1].kind == Kind::Punct
            && !t.is_punct(b - 1, '%')
            && !(t.is_punct(b - 1, ')') && (a..b).any(|k| t.is_punct(k, '(')))
        {
            b -= 1;
        }
        // Drop a quote mark left without its pair at either end.
        let quote = |i: usize| {
            ["\"", "\u{201C}", "\u{201D}"]
                .iter()
                .any(|q| t.raw(i) == *q)
        };
        let quotes = (a..b).filter(|&i| quote(i)).count();
        if quotes % 2 == 1 {
            if quote(a) {
                a += 1;
            } else if b > a && quote(b - 1) {
                b -= 1;
            } else if let Some(q) = (a..b).rev().find(|&i| quote(i)) {
                // Cut inside a quotation: end before it opens.
                b = q;
                while b > a && (t.toks[b - 1].kind == Kind::Punct || is_stop(t.norm(b - 1))) {
                    b -= 1;
                }
            }
        }
        if a >= b {
            continue;
        }
        shown += t.words_in(a, b);
        let start = t.toks[a].start;
        let end = t.end_without_possessive(b - 1);
        ranges.push(start..end);
    }
    if ranges.is_empty() || shown == 0 || shown >= total {
        return None;
    }
    let mut text = String::new();
    if let Some(g) = pick.glue {
        text.push_str(g);
        text.push(' ');
    }
    for (k, r) in ranges.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        text.push_str(&t.text[r.clone()]);
    }
    // Capitalise a lower-case first word ("a ditch" -> "A ditch"; not "iPhone").
    let first_word: &str = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().all(|c| !c.is_uppercase()) {
        if let Some(c) = text.chars().next().filter(|c| c.is_lowercase()) {
            let upper: String = c.to_uppercase().collect();
            text.replace_range(..c.len_utf8(), &upper);
        }
    }
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    Some(Extracted {
        text,
        glue: pick.glue,
        ranges,
        kind: pick.kind,
    })
}
