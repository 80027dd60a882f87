//! Building an article from its verbatim text: title, paragraphs, sentences,
//! photo captions and each sentence's attribution, all by rule, no hand work.

use crate::text;

pub mod acronyms;
mod attribution;
mod split;

pub use attribution::attribution_of;
use attribution::{Kind, Named, Reading, Who};
pub use split::split_sentences;

/// Where a sentence stands in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The first line.
    Headline,
    /// A photo caption (repeated captions are kept once).
    Caption,
    /// Body paragraph `n` (1-based).
    Body(u32),
}

/// One sentence of an article, verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The text exactly as the article prints it (ends trimmed).
    pub text: String,
    /// Who, in the article, said it; `None` when the article says it in its own voice.
    pub attribution: Option<String>,
    /// Where it stands.
    pub place: Place,
}

impl Sentence {
    /// The body paragraph number, if the sentence is in the body.
    pub fn paragraph(&self) -> Option<u32> {
        match self.place {
            Place::Body(n) => Some(n),
            _ => None,
        }
    }
}

/// What is known of an article beyond its text: from its curated layer, or
/// from the page it was taken from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    /// A one-line summary.
    pub summary: Option<String>,
    /// The sentence the summary rests on (by default the lead: the first body sentence).
    pub summary_sentence: usize,
    /// The outlet that published it, when known (the text may not name one).
    pub outlet: Option<String>,
    /// The publication date, when known (ISO 8601 for ingested articles:
    /// `2019-11-19` or a full timestamp).
    pub published: Option<String>,
    /// The page the article was taken from (its canonical URL), when known.
    pub url: Option<String>,
    /// Who wrote it, as the page credits them, when known.
    pub byline: Option<String>,
}

/// A parsed article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The folder name under `knowledge/articles/`.
    pub id: String,
    /// The first line.
    pub title: String,
    /// The verbatim text.
    pub raw: String,
    /// Body paragraphs' text, verbatim; paragraph `n` is `paragraphs[n - 1]`.
    pub paragraphs: Vec<String>,
    /// Every sentence: the headline, then captions, then the body in order.
    pub sentences: Vec<Sentence>,
    /// Each sentence with its whitespace squashed, for locating quotes.
    pub squashed: Vec<String>,
    /// Summary, outlet, date.
    pub meta: ArticleMeta,
    /// The acronyms it defines ("the International Space Station (ISS)").
    pub acronyms: Vec<acronyms::Acronym>,
}

impl Article {
    /// Parses an article's text. Returns `None` when it has no title line.
    pub fn parse(id: &str, raw: &str) -> Option<Article> {
        let lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let (title, rest) = lines.split_first()?;
        let mut sentences = vec![Sentence {
            text: title.to_string(),
            attribution: None,
            place: Place::Headline,
        }];
        let mut paragraphs = Vec::new();
        let mut captions: Vec<Vec<String>> = Vec::new();
        let mut voices = Voices::default();
        // Words of a line, read only for lines that may repeat a neighbour.
        let mut line_words: Vec<Option<Vec<String>>> = vec![None; rest.len()];
        let mut words_of = |i: usize| -> Vec<String> {
            line_words[i]
                .get_or_insert_with(|| text::words(rest[i]))
                .clone()
        };
        for (i, line) in rest.iter().enumerate() {
            let mut repeats = |j: usize| {
                j < rest.len()
                    && similar_length(line, rest[j])
                    && near_duplicate(&words_of(i), &words_of(j))
            };
            let repeated = (i > 0 && repeats(i - 1)) || repeats(i + 1);
            if is_link_line(line) {
                continue;
            }
            if repeated || credit_of(line).is_some() {
                let words = words_of(i);
                if !captions.iter().any(|c| near_duplicate(c, &words)) {
                    captions.push(words);
                    sentences.push(Sentence {
                        text: line.to_string(),
                        attribution: credit_of(line).map(|c| format!("photo caption ({c})")),
                        place: Place::Caption,
                    });
                }
                continue;
            }
            paragraphs.push(line.to_string());
            let number = paragraphs.len() as u32;
            let split = split_sentences(line);
            let attributions = voices.paragraph(&split);
            for (s, attribution) in split.into_iter().zip(attributions) {
                sentences.push(Sentence {
                    text: s,
                    attribution,
                    place: Place::Body(number),
                });
            }
        }
        let squashed = sentences
            .iter()
            .map(|s| text::squash_whitespace(&s.text))
            .collect();
        let meta = ArticleMeta {
            summary_sentence: sentences
                .iter()
                .position(|s| matches!(s.place, Place::Body(_)))
                .unwrap_or(0),
            ..ArticleMeta::default()
        };
        let acronyms = acronyms::defined(sentences.iter().map(|s| s.text.as_str()));
        Some(Article {
            meta,
            acronyms,
            squashed,
            id: id.to_string(),
            title: title.to_string(),
            raw: raw.to_string(),
            paragraphs,
            sentences,
        })
    }
}

/// Who speaks in a paragraph, read sentence by sentence with what the
/// paragraph before it left: a pronoun speaker is the nearest person (or
/// people, or organisation) named or quoted before it in the paragraph, else
/// in the previous one; a quotation that runs over several sentences is its
/// speaker's throughout; a wholly quoted sentence goes on with the
/// paragraph's last quoted speaker (or the previous paragraph's, when that
/// paragraph ended inside a quotation and this one opens with a quote mark).
#[derive(Debug, Default)]
struct Voices {
    /// The previous paragraph's sentences.
    previous: Vec<Said>,
    /// The previous paragraph ended inside a quotation; whose it was.
    open_quote: Option<Option<String>>,
}

/// A sentence already read, for pronouns after it to look back to.
#[derive(Debug)]
struct Said {
    text: String,
    /// A quotation was open at its start.
    open_at_start: bool,
    /// Its speaker, named or resolved.
    speaker: Option<Named>,
    /// The people it names, read only when a pronoun looks back this far.
    mentions: std::cell::OnceCell<Vec<Named>>,
}

impl Said {
    /// Its speaker, then the people it names, nearest (last) first.
    fn candidates(&self) -> impl Iterator<Item = &Named> {
        let mentions = self
            .mentions
            .get_or_init(|| attribution::mentions(&self.text, self.open_at_start));
        self.speaker.iter().chain(mentions.iter().rev())
    }
}

impl Voices {
    /// The attribution of each sentence of a paragraph.
    fn paragraph(&mut self, sentences: &[String]) -> Vec<Option<String>> {
        let mut open = false;
        let mut readings: Vec<Reading> = Vec::with_capacity(sentences.len());
        let mut here: Vec<Said> = Vec::with_capacity(sentences.len());
        let mut out: Vec<Option<String>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let r = attribution::read(s, open);
            let who = match &r.who {
                Some(Who::Named(n)) => Some(n.clone()),
                Some(Who::Pronoun(p)) => resolve(p, &here, &self.previous),
                None => None,
            };
            out.push(attribution::render(who.as_ref(), r.via.as_deref()));
            here.push(Said {
                text: s.clone(),
                open_at_start: open,
                speaker: who,
                mentions: std::cell::OnceCell::new(),
            });
            open = r.open_at_end;
            readings.push(r);
        }
        // A quotation over several sentences: the speaker one of them names.
        let mut i = 0;
        while i < readings.len() {
            let mut j = i;
            while j + 1 < readings.len() && readings[j].open_at_end {
                j += 1;
            }
            if let Some(who) = out[i..=j].iter().flatten().next().cloned() {
                for (o, r) in out[i..=j].iter_mut().zip(&readings[i..=j]) {
                    if o.is_none() && r.has_quote {
                        *o = Some(who.clone());
                    }
                }
            }
            i = j + 1;
        }
        let opens_with_quote = sentences
            .first()
            .is_some_and(|s| s.starts_with(['"', '\u{201C}']));
        let mut last_quote = match &self.open_quote {
            Some(who) if opens_with_quote => who.clone(),
            _ => None,
        };
        for (o, r) in out.iter_mut().zip(&readings) {
            if o.is_none() && r.wholly_quoted {
                o.clone_from(&last_quote);
            } else if r.has_quote && o.is_some() {
                last_quote.clone_from(o);
            }
        }
        self.open_quote = readings
            .last()
            .filter(|r| r.open_at_end)
            .map(|_| last_quote);
        self.previous = here;
        out
    }
}

/// The nearest speaker or person a pronoun can stand for: "he" and "she" a
/// person, "it" an organisation or a document, "they" people or an organisation.
fn resolve(pronoun: &str, here: &[Said], previous: &[Said]) -> Option<Named> {
    let fits = |n: &Named| match pronoun {
        "he" | "she" => matches!(n.kind, Kind::Person | Kind::Unknown),
        "it" => matches!(n.kind, Kind::Thing | Kind::Unknown),
        // A lone word that may be a plural ("Officials said") may be "they".
        "they" => {
            matches!(n.kind, Kind::People | Kind::Thing)
                || (n.kind == Kind::Unknown && n.short.ends_with('s'))
        }
        _ => false,
    };
    if !["he", "she", "it", "they"].contains(&pronoun) {
        return None;
    }
    here.iter()
        .rev()
        .chain(previous.iter().rev())
        .flat_map(Said::candidates)
        .find(|n| fits(n))
        .map(|n| Named {
            text: n.short.clone(),
            short: n.short.clone(),
            kind: n.kind,
        })
}

/// Lengths close enough for two lines to be near duplicates (a cheap test first).
fn similar_length(a: &str, b: &str) -> bool {
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    short * 3 >= long * 2
}

/// Two lines that say the same thing (a caption printed twice, once with a slightly
/// different credit): nine tenths of their words in common.
fn near_duplicate(wa: &[String], wb: &[String]) -> bool {
    if wa.len() < 6 || wb.len() < 6 {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared * 10 >= wa.len().max(wb.len()) * 9
}

/// A navigation line such as "FAQ | North Korean defection": holds a bar and ends with no sentence punctuation.
fn is_link_line(line: &str) -> bool {
    line.contains(" | ") && !line.ends_with(['.', '!', '?', '"', '\u{201D}'])
}

/// A photo credit at the end of a caption ("... - AFP", "... Credit: AP").
fn credit_of(line: &str) -> Option<String> {
    let l = line.trim_end();
    let tail = l
        .rsplit_once("Credit:")
        .map(|(_, t)| t)
        .or_else(|| l.rsplit_once(" - ").map(|(_, t)| t))?;
    let tail = tail.trim().trim_start_matches("Credit:").trim();
    let looks_like_agency = !tail.is_empty()
        && tail.split_whitespace().count() <= 3
        && tail.chars().next().is_some_and(char::is_uppercase)
        && !tail.ends_with('.');
    looks_like_agency.then(|| tail.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_attributions() {
        let cases = [
            ("Two civilians also defected this week, Yonhap news agency said.", Some("Yonhap news agency")),
            ("The total rose to 15, a Joint Chiefs of Staff tally showed - three times as many.", Some("Joint Chiefs of Staff tally")),
            ("South Korean military officials said no shots were fired.", Some("South Korean military officials")),
            ("Gunfire was heard, but officials said there were no bullets.", Some("officials")),
            ("\"We have nothing to do with it,\" the spokesman said, according to the North's official KCNA news agency.", Some("the spokesman, according to the North's official KCNA news agency")),
            ("The pair \"expressed their willingness\", a South Korea's Unification Ministry said.", Some("South Korea's Unification Ministry")),
            ("A dramatic video showed the soldier speeding down a road.", None),
            ("He said nothing.", None),
            ("The man then lies injured.", None),
        ];
        for (s, want) in cases {
            assert_eq!(attribution_of(s).as_deref(), want, "{s}");
        }
    }

    /// The body sentences of an article and their attributions.
    fn voices(body: &str) -> Vec<(String, Option<String>)> {
        let raw = format!("Title\n\n{body}\n");
        let a = Article::parse("x", &raw).unwrap();
        a.sentences
            .into_iter()
            .filter(|s| s.paragraph().is_some())
            .map(|s| (s.text, s.attribution))
            .collect()
    }

    fn check_voices(body: &str, want: &[Option<&str>]) {
        let got = voices(body);
        let got_who: Vec<Option<&str>> = got.iter().map(|(_, a)| a.as_deref()).collect();
        assert_eq!(got_who, want, "{got:#?}");
    }

    #[test]
    fn pronouns_take_the_nearest_person_before_them() {
        check_voices(
            "Mayor Ines Ruiz visited the site on Tuesday. He said repairs would take years.",
            &[None, Some("Mayor Ines Ruiz")],
        );
        // From the previous paragraph, and to the name without its appositive.
        check_voices(
            "No rain has fallen since 1905, said Scott Strenfel, PG&E's principal meteorologist.\n\nThe Sierra has seen a fraction of an inch, he said.",
            &[
                Some("Scott Strenfel, PG&E's principal meteorologist"),
                Some("Scott Strenfel"),
            ],
        );
        // "it" is an organisation or a document, "they" people.
        check_voices(
            "\"The evidence has weakened,\" the Swedish Prosecution Authority said. \"The case is closed,\" it added.",
            &[
                Some("the Swedish Prosecution Authority"),
                Some("the Swedish Prosecution Authority"),
            ],
        );
        check_voices(
            "Officials said the road was closed. They said it would reopen on Monday.",
            &[Some("Officials"), Some("Officials")],
        );
        check_voices(
            "A key approach is patience, Zuckerberg said at the trial. These deals take time, he said according to a transcript.",
            &[Some("Zuckerberg"), Some("Zuckerberg, according to a transcript")],
        );
    }

    #[test]
    fn unresolved_pronouns_give_no_speaker() {
        check_voices(
            "The storm hit the coast on Tuesday. He said it was the worst in years.",
            &[None, None],
        );
        // Not two paragraphs back.
        check_voices(
            "Governor Maria Delgado toured the coast.\n\nThe storm hit on Tuesday.\n\nShe said the damage was severe.",
            &[None, None, None],
        );
        // "he" is no organisation.
        check_voices(
            "The company said profits fell. He said the outlook was poor.",
            &[Some("The company"), None],
        );
    }

    #[test]
    fn quotations_over_several_sentences_are_their_speakers() {
        check_voices(
            "\"We will rebuild. It will take years,\" the mayor said. Work starts on Monday.",
            &[Some("the mayor"), Some("the mayor"), None],
        );
        check_voices(
            "Ms Persson said: \"I would like to emphasise this. The case is closed. We move on.\"",
            &[Some("Ms Persson"), Some("Ms Persson"), Some("Ms Persson")],
        );
        // A quotation after an attributed one, in the same paragraph.
        check_voices(
            "\u{201C}Amazing,\u{201D} Davis said. \u{201C}To be able to do that is special.\u{201D}",
            &[Some("Davis"), Some("Davis")],
        );
        // A quotation that goes on in the next paragraph (its closing mark left out).
        check_voices(
            "Tottenham said in a statement: \"Jose is one of the best managers.\n\n\"He has won 25 senior trophies.\"\n\nThe club is in London.",
            &[Some("Tottenham"), Some("Tottenham"), None],
        );
        // A new paragraph's quotation is not the previous paragraph's when that one closed.
        check_voices(
            "\"We are ready,\" Smith said.\n\n\"The storm is near.\"",
            &[Some("Smith"), None],
        );
    }

    #[test]
    fn drops_repeated_captions_and_link_lines() {
        let raw = "Title here\n\nA file photo taken on a day shows soldiers at the village - AFP\nA file photo taken on a day shows soldiers at the village - AFP\n\nFirst para. Second sentence.\n\nFAQ | Things\n\nLast para.\n";
        let a = Article::parse("x", raw).unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(
            a.paragraphs,
            vec!["First para. Second sentence.", "Last para."]
        );
        let captions: Vec<_> = a
            .sentences
            .iter()
            .filter(|s| s.place == Place::Caption)
            .collect();
        assert_eq!(captions.len(), 1);
        assert_eq!(
            captions[0].attribution.as_deref(),
            Some("photo caption (AFP)")
        );
        assert_eq!(a.sentences.last().unwrap().place, Place::Body(2));
    }
}
