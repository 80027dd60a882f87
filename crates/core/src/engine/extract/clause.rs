//! Causes and purposes ("because of heavy fog"), manners, prepositional
//! phrases of time and place, and yes/no clauses.

use super::choose::{Ctx, Pick};
use super::lexicon::*;
use super::phrase::SUBORDINATORS;
use super::tokens::Kind;
use super::Wanted;

/// Causes and purposes, longest first: words, and whether it gives a purpose.
const CAUSES: &[(&[&str], bool)] = &[
    (&["as", "a", "result", "of"], false),
    (&["in", "order", "to"], true),
    (&["so", "as", "to"], true),
    (&["in", "response", "to"], false),
    (&["for", "fear", "of"], false),
    (&["in", "an", "effort", "to"], true),
    (&["in", "an", "attempt", "to"], true),
    (&["because", "of"], false),
    (&["due", "to"], false),
    (&["owing", "to"], false),
    (&["thanks", "to"], false),
    (&["so", "that"], true),
    (&["in", "protest"], false),
    (&["because"], false),
    (&["since"], false),
    (&["to"], true),
    (&["for"], true),
];

/// Words that tie a cause to what it caused without opening a phrase of
/// [`CAUSES`]: "after", "amid", "following" a thing, "over" a dispute, "as"
/// a clause, and the words "reason" and "why".
const CAUSE_WORDS: &[&str] = &[
    "after",
    "amid",
    "following",
    "over",
    "as",
    "reason",
    "reasons",
    "why",
];

/// The phrase of [`CAUSES`] that opens at word `i`, `word(k)` reading the
/// `k`-th folded word ("" past the end), with whether it gives a purpose.
fn cause_at<'w>(
    word: impl Fn(usize) -> &'w str,
    i: usize,
) -> Option<(&'static [&'static str], bool)> {
    CAUSES
        .iter()
        .find(|(ws, _)| ws.iter().enumerate().all(|(k, w)| word(i + k) == *w))
        .copied()
}

/// Whether `words` (folded) say why or what for: a phrase of [`CAUSES`] or
/// one of [`CAUSE_WORDS`].
pub(super) fn gives_a_cause(words: &[String]) -> bool {
    let word = |k: usize| words.get(k).map_or("", String::as_str);
    words.iter().any(|w| CAUSE_WORDS.contains(&w.as_str()))
        || (0..words.len()).any(|i| cause_at(word, i).is_some())
}

impl Ctx<'_, '_> {
    /// A phrase opened by one of `preps`, nearest to the question's words.
    fn prep_phrase(&self, preps: &[&str], kind: Option<Wanted>) -> Option<Pick> {
        let mut best: Option<(usize, (usize, usize))> = None;
        for p in 0..self.t.len() {
            if !preps.contains(&self.n(p)) || self.is_q(p) || self.is_q(p + 1) {
                continue;
            }
            let Some((s, e)) = self.forward(p + 1, self.t.len(), 8) else {
                continue;
            };
            if s != p + 1 || (s..e).any(|k| self.is_q(k)) {
                continue;
            }
            let Some(d) = self.distance(p, e) else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, (p, e)));
            }
        }
        let (_, (s, e)) = best?;
        Some(Pick {
            ranges: vec![(s, e)],
            glue: None,
            kind,
        })
    }

    /// The agent of a verb the question asks about, written in the passive:
    /// "his father" in "a newborn wrapped in a flag held by his father" for
    /// "who was holding the baby?".
    pub fn agent(&self) -> Option<Pick> {
        let n = self.t.len();
        (0..n).find_map(|v| {
            if !self.is_q(v) || self.n(v + 1) != "by" || !is_inflected_verb(self.n(v)) {
                return None;
            }
            let (s, e) = self.forward(v + 2, n, 6)?;
            (s == v + 2 && !(s..e).any(|k| self.is_q(k))).then(|| Pick {
                ranges: vec![(s, e)],
                glue: None,
                kind: Some(Wanted::Person),
            })
        })
    }

    /// A time phrase: "during the Neolithic", "after the war".
    pub fn temporal(&self) -> Option<Pick> {
        self.prep_phrase(
            &[
                "during",
                "after",
                "before",
                "until",
                "since",
                "following",
                "throughout",
                "when",
                "while",
                "by",
            ],
            None,
        )
    }

    /// A place phrase: "in a ditch", "at the border".
    pub fn locative(&self) -> Option<Pick> {
        self.prep_phrase(
            &[
                "in",
                "at",
                "near",
                "inside",
                "outside",
                "across",
                "into",
                "from",
                "throughout",
                "within",
                "on",
            ],
            None,
        )
    }

    /// A manner: "by crossing the border", "using a K-3", "through ...".
    pub fn manner(&self) -> Option<Pick> {
        self.prep_phrase(&["by", "through", "via", "using", "with", "without"], None)
    }

    /// A cause or purpose after the question's words: "because of heavy
    /// fog", "to warn off a patrol". `purpose` prefers "to"/"so that".
    pub fn reason(&self, purpose: bool) -> Option<Pick> {
        let n = self.t.len();
        let mut best: Option<(f32, Pick)> = None;
        for i in 0..n {
            let Some((words, is_purpose)) = cause_at(|k| self.n(k), i) else {
                continue;
            };
            let after = i + words.len();
            if after >= n || self.is_q(i) {
                continue;
            }
            let first = self.n(after);
            // "to" and "for" give purposes only before a verb or gerund.
            let blocked = match words {
                ["to"] => {
                    !is_base_verb(first)
                        || i > 0
                            && matches!(
                                self.n(i - 1),
                                "up" | "according"
                                    | "due"
                                    | "owing"
                                    | "thanks"
                                    | "close"
                                    | "able"
                                    | "going"
                                    | "have"
                                    | "has"
                                    | "had"
                                    | "likely"
                            )
                }
                ["for"] => !(purpose && first.ends_with("ing") && is_verb(first)),
                ["since"] => {
                    let date = self.cands.iter().any(|c| {
                        c.a <= after + 1
                            && c.b > after
                            && matches!(c.kind, Wanted::Date | Wanted::Time)
                    });
                    date || !(PRONOUNS.contains(&first) || DETERMINERS.contains(&first))
                        || self.t.toks[after].kind == Kind::Num
                }
                _ => false,
            };
            if blocked {
                continue;
            }
            let Some((s, e)) = self.forward(after, n, 14) else {
                continue;
            };
            if s != after && !(s == after + 1 && self.t.toks[after].kind == Kind::Punct) {
                continue;
            }
            // Causes found after the question's words; nearer is better.
            let before_q = (0..i).filter(|&k| self.is_q(k)).count();
            let inside_q = (s..e).filter(|&k| self.is_q(k)).count();
            let Some(d) = self.distance(i, e) else {
                continue;
            };
            let mut score =
                10.0 - d.min(15) as f32 * 0.5 + before_q.min(4) as f32 - inside_q as f32 * 0.5;
            if is_purpose != purpose {
                score -= 2.0;
            }
            if words.len() == 1 && matches!(words[0], "to" | "for") {
                score -= 1.5;
            }
            let (start, glue) = if words == ["since"] {
                (after, Some("Because"))
            } else {
                (i, None)
            };
            if best.as_ref().is_none_or(|(sc, _)| score > *sc) {
                best = Some((
                    score,
                    Pick {
                        ranges: vec![(start, e)],
                        glue,
                        kind: Some(if is_purpose {
                            Wanted::Purpose
                        } else {
                            Wanted::Reason
                        }),
                    },
                ));
            }
        }
        // "X, so Y" / "X, which led to Y": the cause stands before.
        if best.is_none() {
            for i in 1..n {
                let consequence = self.n(i) == "so"
                    && self.t.is_punct(i - 1, ',')
                    && !matches!(self.n(i + 1), "that" | "as" | "far" | "much" | "many")
                    || matches!(
                        (self.n(i), self.n(i + 1)),
                        ("which", "led")
                            | ("leading", "to")
                            | ("resulting", "in")
                            | ("which", "caused")
                    );
                if consequence && (i..n).any(|k| self.is_q(k)) {
                    if let Some((s, e)) = self.backward(0, i, 14) {
                        return Some(Pick {
                            ranges: vec![(s, e)],
                            glue: Some("Because"),
                            kind: Some(Wanted::Reason),
                        });
                    }
                }
            }
        }
        best.map(|(_, p)| p)
    }

    /// The most words of a clause answering a yes/no question.
    const MAX_WORDS: usize = 15;

    /// The clause that answers a yes/no question, with "No:"/"Yes:" only
    /// when its polarity is certain.
    pub fn yes_no(&self) -> Option<Pick> {
        let n = self.t.len();
        // Clauses: split at ; : and clause openers.
        let mut clauses: Vec<(usize, usize)> = Vec::new();
        let mut a = 0;
        for i in 0..=n {
            let cut = i == n
                || [';', ':'].iter().any(|&c| self.t.is_punct(i, c))
                || i > a
                    && (self.n(i) == "but" || self.n(i) == "however" || self.n(i) == "although");
            if cut {
                if i > a {
                    clauses.push((a, i));
                }
                a = i + 1;
            }
        }
        let (ca, cb) = clauses.into_iter().max_by_key(|&(a, b)| {
            (
                (a..b).filter(|&k| self.is_q(k)).count(),
                std::cmp::Reverse(a),
            )
        })?;
        let q_in = (ca..cb).filter(|&k| self.is_q(k)).count();
        if q_in == 0 {
            return None;
        }
        // Drop a reporting frame: "officials said (that) ...".
        let mut s = ca;
        if let Some(v) = (ca..cb).find(|&k| SAY_VERBS.contains(&self.n(k))) {
            if (v + 1..cb).filter(|&k| self.is_q(k)).count() * 2 >= q_in
                && (v + 1..cb).any(|k| self.is_q(k))
            {
                s = v + 1;
                if self.n(s) == "that" {
                    s += 1;
                }
            }
        }
        while s < cb
            && (self.t.toks[s].kind == Kind::Punct
                || matches!(self.n(s), "and" | "but" | "so" | "yet"))
        {
            s += 1;
        }
        // End at the first boundary once the negation and question words are in.
        let first_q = (s..cb).find(|&k| self.is_q(k))?;
        let mut e = cb;
        let mut seen = 0;
        for k in s..cb {
            if self.is_q(k) {
                seen += 1;
            }
            if k > first_q
                && seen >= 2.min(q_in)
                && (self.punct_boundary(k)
                    || SUBORDINATORS.contains(&self.n(k))
                    || CLAUSE_OPENERS.contains(&self.n(k))
                    || self.boundary(s, k))
            {
                e = k;
                break;
            }
        }
        // Past the last question word, a modifier ends it: "pleaded not
        // guilty [in Manhattan federal court]".
        if let Some(last_q) = (s..e).rev().find(|&k| self.is_q(k)) {
            if self.t.words_in(s, last_q + 1) >= 4 {
                if let Some(p) = (last_q + 1..e).find(|&k| {
                    PREPOSITIONS.contains(&self.n(k)) && !matches!(self.n(k), "of" | "to")
                }) {
                    e = p;
                }
            }
        }
        // At most fifteen words, unless that would cut off a word the question
        // asks about ("... 1080p and 4K often look just as good"); never ending
        // on a word that leads on ("between 1080p and.").
        if self.t.words_in(s, e) > Self::MAX_WORDS {
            let cap = (s..e)
                .filter(|&k| self.t.is_word(k))
                .nth(Self::MAX_WORDS)
                .unwrap_or(e);
            if (cap..e).all(|k| !self.is_q(k)) {
                e = cap;
                while e > s + 1 && self.junk_tail(e - 1) {
                    e -= 1;
                }
            }
        }
        while e > s && self.t.toks[e - 1].kind == Kind::Punct {
            e -= 1;
        }
        let negated = (s..e).any(|k| NEGATIONS.contains(&self.n(k)));
        let hedged = (s..e).any(|k| {
            matches!(
                self.n(k),
                "may"
                    | "might"
                    | "could"
                    | "reportedly"
                    | "allegedly"
                    | "if"
                    | "whether"
                    | "unclear"
                    | "possibly"
                    | "perhaps"
                    | "likely"
                    | "unlikely"
            )
        });
        let distinct = {
            let mut seen: Vec<&str> = Vec::new();
            for k in s..e {
                if self.is_q(k) && !seen.contains(&self.n(k)) {
                    seen.push(self.n(k));
                }
            }
            seen.len()
        };
        let wanted_words = self
            .qall
            .iter()
            .filter(|w| !is_stop(w) && !AUX.contains(&w.as_str()))
            .count()
            .max(1);
        let covered = distinct * 3 >= wanted_words * 2;
        let neg_near = (s..e).any(|k| {
            NEGATIONS.contains(&self.n(k)) && (k + 1..(k + 4).min(e)).any(|j| self.is_q(j))
        });
        let glue = if hedged || !covered {
            None
        } else if negated && neg_near && !self.q.negative {
            if NEGATIONS.contains(&self.n(s)) {
                None
            } else {
                Some("No:")
            }
        } else if !negated && !self.q.negative && distinct * 5 >= wanted_words * 4 {
            Some("Yes:")
        } else {
            None
        };
        Some(Pick {
            ranges: vec![(s, e)],
            glue,
            kind: Some(Wanted::YesNo),
        })
    }
}

/// Whether `w` is the base form of a verb ("warn", not "warned" or "gun").
fn is_base_verb(w: &str) -> bool {
    is_verb(w) && !is_inflected_verb(w) && !DETERMINERS.contains(&w) && !is_stop(w)
}
