//! The stretch answer: the phrase beside the question's words that the
//! question does not say, for "what" questions and as a fallback.

use super::choose::{Ctx, Pick};
use super::lexicon::*;
use super::phrase::MAX_WORDS;
use super::question::{Form, Side};
use super::tokens::Kind;
use super::Wanted;

impl Ctx<'_, '_> {
    /// The phrase beside the question's words that the question does not
    /// say, on the side the question points to.
    pub fn stretch(&self) -> Option<Pick> {
        let n = self.t.len();
        let clusters = self.clusters();
        let focus_head = self.q.focus_head().map(str::to_string);
        let does = self.qall.iter().any(|w| {
            matches!(
                w.as_str(),
                "do" | "did" | "does" | "doing" | "happen" | "happened"
            )
        });
        let mut best: Option<(f32, (usize, usize))> = None;
        for &(ca, cb) in &clusters {
            let distinct = {
                let mut seen: Vec<&str> = Vec::new();
                for k in ca..cb {
                    if self.is_q(k) && !seen.contains(&self.n(k)) {
                        seen.push(self.n(k));
                    }
                }
                seen.len()
            };
            let before = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::Before)))
                .count();
            let after = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::After)))
                .count();
            let either = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::Either)))
                .count();
            for forward in [true, false] {
                let span = if forward {
                    (cb < n).then(|| self.forward(cb, n, MAX_WORDS)).flatten()
                } else {
                    (ca > 0).then(|| self.backward(0, ca, MAX_WORDS)).flatten()
                };
                let Some((s, e)) = span else { continue };
                let total = before + after + either;
                let side_ok = if forward {
                    before + either
                } else {
                    after + either
                } as f32
                    / total.max(1) as f32;
                let content = (s..e).filter(|&k| self.content(k) && !self.is_q(k)).count();
                if content == 0 {
                    continue;
                }
                let mut score =
                    side_ok + content.min(4) as f32 * 0.75 + distinct.min(5) as f32 * 0.8;
                // Pulled-in junk between the cluster and the phrase.
                let gap = if forward {
                    self.t.words_in(cb, s)
                } else {
                    self.t.words_in(e, ca)
                };
                score -= gap as f32 * 0.45;
                // "X is Y" when the question asks "what is X": the copula
                // links the question's words to the phrase.
                if self.q.form == Form::Copular {
                    let between = if forward { cb..s } else { e..ca };
                    if between
                        .clone()
                        .any(|k| matches!(self.n(k), "is" | "are" | "was" | "were"))
                        && between.clone().all(|k| !self.content(k))
                    {
                        score += 1.5;
                    }
                }
                // Question words on the wrong side of the phrase.
                let wrong = (e..n)
                    .filter(|&k| self.qm[k] == Some(Side::Before) && !(ca..cb).contains(&k))
                    .count()
                    + (0..s)
                        .filter(|&k| self.qm[k] == Some(Side::After) && !(ca..cb).contains(&k))
                        .count();
                score -= wrong.min(4) as f32 * 0.5;
                // "What" asks for a thing: a phrase opening with a verb rarely is one.
                if !does && self.wanted != Wanted::Manner && self.verbish(s) {
                    score -= 2.0;
                }
                // Beside the focus: "Red or yellow [LEDs]", "[mammal], the bumblebee bat".
                if (s > 0 && self.fm[s - 1]) || (e < n && self.fm[e]) || (s > 1 && self.fm[s - 2]) {
                    score += 6.0;
                }
                // Examples after the question's thing: "diseases such as cholera".
                if forward
                    && (matches!(self.n(s), "such") && self.n(s + 1) == "as"
                        || matches!(self.n(s), "including" | "namely"))
                {
                    score += 1.5;
                }
                // A passive agent answers a subject question: "invented by Whitney".
                if forward && self.n(s.saturating_sub(1)) == "by" && after > before {
                    score += 3.0;
                }
                if let Some(h) = &focus_head {
                    if (s..e).any(|k| {
                        self.t.toks[k].kind == Kind::Word
                            && !self.is_q(k)
                            && is_kind_of(self.n(k), h)
                    }) {
                        score += 1.5;
                    }
                }
                let soft = self.wanted;
                if soft != Wanted::Thing
                    && self.cands.iter().any(|c| {
                        c.a >= s
                            && c.b <= e
                            && (c.kind == soft
                                || c.kind == Wanted::Thing
                                    && matches!(
                                        soft,
                                        Wanted::Person | Wanted::Organisation | Wanted::Place
                                    ))
                    })
                {
                    score += 2.5;
                }
                if cfg!(test) && std::env::var("EXTRACT_DEBUG").is_ok() {
                    eprintln!(
                        "  stretch {forward} {:?} {score}",
                        &self.t.text[self.t.start(s)..self.t.end(e - 1)]
                    );
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (s, e)));
                }
            }
        }
        // Phrases whose head is a kind of the focus: "what birds" ->
        // "common blackbirds and crimson rosellas", wherever they stand.
        if let Some(h) = &focus_head {
            for k in 0..n {
                let w = self.n(k);
                if self.is_q(k)
                    || self.t.toks[k].kind != Kind::Word
                    || is_stop(w)
                    || !is_kind_of(w, h)
                {
                    continue;
                }
                let (s, e) = self.noun_phrase(k);
                let d = self.distance(s, e).unwrap_or(16).min(16);
                let wrong = (e..n).filter(|&j| self.qm[j] == Some(Side::Before)).count()
                    + (0..s).filter(|&j| self.qm[j] == Some(Side::After)).count();
                let mut score = 6.5 - d.min(12) as f32 * 0.15 - wrong.min(4) as f32 * 0.5;
                // Touching a question word: "[Union] blockade".
                if (s > 0 && self.is_q(s - 1)) || (e < n && self.is_q(e)) {
                    score += 1.5;
                }
                if (s > 0 && self.fm[s - 1]) || (e < n && self.fm[e]) {
                    score += 1.5;
                }
                if cfg!(test) && std::env::var("EXTRACT_DEBUG").is_ok() {
                    eprintln!(
                        "  kind {:?} {score}",
                        &self.t.text[self.t.start(s)..self.t.end(e - 1)]
                    );
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (s, e)));
                }
            }
        }
        // "blended with what?", "changing with advances in what?": the
        // phrase that preposition opens in the sentence.
        if let Some(p) = self.q.wh_preposition() {
            for k in 0..n {
                if self.n(k) != p || self.is_q(k + 1) {
                    continue;
                }
                let Some((s, e)) = self.forward(k + 1, n, 8) else {
                    continue;
                };
                // Question words may stand inside it, not open it.
                let q_in = (s..e).filter(|&j| self.is_q(j)).count();
                if s != k + 1 || self.is_q(s) || q_in * 2 > self.t.words_in(s, e) {
                    continue;
                }
                let d = self.distance(k, e).unwrap_or(10).min(10);
                let mut score = 7.5 - d as f32 * 0.4;
                // Right after a question word: "advances [in] technology".
                if k > 0 && self.is_q(k - 1) {
                    score += 2.0;
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (k, e)));
                }
            }
        }
        let (_, (s, e)) = best?;
        let (s, e) = self.with_focus(s, e);
        // A phrase holding a noun of the focus's kind narrows to that noun's
        // phrase: "left the court ... with an eye abrasion" -> "an eye abrasion".
        // So does a phrase holding the focus word itself with words of its
        // own: "about 20 rounds from a K-3 machine [gun]" -> "a K-3 machine gun".
        let headed = (s..e).rev().find(|&k| self.fm[k]).and_then(|k| {
            let (a, b) = self.focus_phrase_at(k);
            ((a..b).any(|j| !self.is_q(j) && self.content(j)) && self.t.words_in(s, e) > 7)
                .then_some((a.max(s), b.min(e)))
        });
        let (s, e) = match &focus_head {
            _ if headed.is_some() => headed.unwrap_or((s, e)),
            Some(h) if self.t.words_in(s, e) > 4 => (s..e)
                .find(|&k| {
                    self.t.toks[k].kind == Kind::Word
                        && !self.is_q(k)
                        && !is_stop(self.n(k))
                        && is_kind_of(self.n(k), h)
                })
                .map_or((s, e), |k| {
                    let (a, b) = self.noun_phrase(k);
                    let a = if a > s && DETERMINERS.contains(&self.n(a - 1)) {
                        a - 1
                    } else {
                        a
                    };
                    (a.max(s), b.min(e))
                }),
            _ => (s, e),
        };
        // A question word that begins the same noun phrase: "[cotton] wool".
        let mut s = s;
        let mut took = 0;
        let total = self.t.words_in(0, n);
        while took < 2
            && s > 0
            && self.is_q(s - 1)
            && self.t.toks[s - 1].kind == Kind::Word
            && !self.fm[s - 1]
            && self.nounish(s - 1)
            && self.nounish(s)
            && (self.t.toks[s].cap || !is_inflected_verb(self.n(s)) || is_counted_noun(self.n(s)))
            && self.t.words_in(s - 1, e) + 1 < total
        {
            s -= 1;
            took += 1;
        }
        Some(Pick::one(s, e))
    }
}
