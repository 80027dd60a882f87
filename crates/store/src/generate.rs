//! Synthetic knowledge bases for benchmarks (`factdesk generate`).
//!
//! A generated knowledge directory holds the bundled knowledge (its lexicon, common
//! words and articles) plus articles of synthetic news sentences, so that it has
//! exactly the asked number of facts. The sentences follow news patterns (who said
//! what, where, when, how many, according to whom) over a realistic vocabulary: the
//! common English words drawn with Zipf frequencies, and invented names of people,
//! places, organisations and outlets, long enough to be mistyped. The same seed and
//! size always give the same files. `questions.txt` beside `knowledge/` holds
//! questions about the synthetic sentences, a third of them with a typo.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// Sentences per synthetic article.
const SENTENCES_PER_ARTICLE: usize = 240;
/// Sentences per paragraph.
const SENTENCES_PER_PARAGRAPH: usize = 3;

/// What [`generate`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The knowledge directory (`<out>/knowledge`).
    pub knowledge: PathBuf,
    /// The question file (`<out>/questions.txt`), one question a line.
    pub questions: PathBuf,
    /// The same questions for `factdesk eval` (`<out>/questions.jsonl`): each
    /// expects a word of its sentence that the question does not hold, so a
    /// reply is right when it quotes that sentence.
    pub eval: PathBuf,
    /// Facts in the knowledge base, bundled ones included.
    pub facts: usize,
    /// Synthetic articles written.
    pub articles: usize,
}

/// A small deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Rank offset of the Zipf-Mandelbrot law: the stopwords are gone, so the most
/// frequent content words are not as dominant as "the" is in running text.
const ZIPF_OFFSET: f64 = 30.0;

/// Words drawn with Zipf frequencies (the `k`-th most frequent with weight `1/(k + 30)`).
struct Zipf {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(words: Vec<String>) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|k| {
                total += 1.0 / (k as f64 + ZIPF_OFFSET);
                total
            })
            .collect();
        Zipf { words, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gr",
    "h", "j",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const CODAS: &[&str] = &["", "", "", "n", "r", "l", "s", "m", "k", "th"];

/// An invented capitalized name of two to four syllables ("Dravelin").
fn name(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    let mut s = String::new();
    for _ in 0..syllables {
        s.push_str(rng.pick::<&str>(ONSETS));
        s.push_str(rng.pick::<&str>(VOWELS));
    }
    s.push_str(rng.pick::<&str>(CODAS));
    capitalize(&s)
}

/// Invented names, no two alike.
fn names(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let s = name(rng);
        if seen.insert(s.clone()) {
            out.push(s);
        }
    }
    out
}

/// The people, places, organisations and outlets the synthetic news speaks of.
struct Cast {
    people: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
    outlets: Vec<String>,
}

const ROLES: &[&str] = &[
    "spokesman",
    "minister",
    "official",
    "commander",
    "analyst",
    "lawmaker",
    "researcher",
    "mayor",
    "diplomat",
    "witness",
];
const ORG_KINDS: &[&str] = &[
    "Ministry",
    "Institute",
    "Council",
    "Agency",
    "Command",
    "Bank",
];
const OUTLET_KINDS: &[&str] = &["News Agency", "Press", "Times", "Herald", "Broadcasting"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const OPENERS: &[&str] = &[
    "what did",
    "who said",
    "when did",
    "how many",
    "what happened to",
    "where did",
    "why did",
    "tell me about",
    "did",
    "what about",
];

/// Writes the synthetic sentences of one article: its text and the questions about it.
struct Writer<'a> {
    rng: Rng,
    words: &'a Zipf,
    cast: &'a Cast,
}

impl Writer<'_> {
    fn word(&mut self) -> String {
        self.words.draw(&mut self.rng).to_string()
    }

    fn person(&mut self) -> String {
        let first = self.rng.pick(&self.cast.people).clone();
        let last = self.rng.pick(&self.cast.people).clone();
        format!("{first} {last}")
    }

    fn place(&mut self) -> String {
        self.rng.pick(&self.cast.places).clone()
    }

    fn org(&mut self) -> String {
        let name = self.rng.pick(&self.cast.orgs).clone();
        format!("the {name} {}", self.rng.pick(ORG_KINDS))
    }

    fn outlet(&mut self) -> String {
        self.rng.pick(&self.cast.outlets).clone()
    }

    fn number(&mut self) -> String {
        match self.rng.below(4) {
            0 => (2 + self.rng.below(18)).to_string(),
            1 => (20 + self.rng.below(480)).to_string(),
            2 => format!("{},000", 1 + self.rng.below(900)),
            _ => (1990 + self.rng.below(36)).to_string(),
        }
    }

    /// One sentence in a news pattern.
    fn sentence(&mut self) -> String {
        capitalize(&self.pattern())
    }

    fn pattern(&mut self) -> String {
        let (w1, w2, w3, w4) = (self.word(), self.word(), self.word(), self.word());
        match self.rng.below(8) {
            0 => format!(
                "{}, a {} from {}, said the {w1} would {w2} the {w3} on {}.",
                self.person(),
                self.rng.pick(ROLES),
                self.place(),
                self.rng.pick(WEEKDAYS)
            ),
            1 => format!(
                "{} reported that {} {w1} {w2} were found near {} after the {w3}.",
                self.outlet(),
                self.number(),
                self.place()
            ),
            2 => format!(
                "The {w1} {w2} in {} was delayed by the {w3} of {}, according to {}.",
                self.place(),
                self.org(),
                self.outlet()
            ),
            3 => format!(
                "Officials in {} said the {w1} could {w2} {} {w3} by {} {}.",
                self.place(),
                self.number(),
                self.rng.pick(MONTHS),
                1990 + self.rng.below(36)
            ),
            4 => format!(
                "{} announced a {w1} {w2} worth {} dollars for the {w3} of {}.",
                self.org(),
                self.number(),
                self.place()
            ),
            5 => format!(
                "About {} people gathered in {} to protest the {w1} {w2}, {} said.",
                self.number(),
                self.place(),
                self.person()
            ),
            6 => format!(
                "The {w1} between {} and {} ended after {} {w2} because of the {w3} {w4}.",
                self.place(),
                self.place(),
                self.number(),
            ),
            _ => format!(
                "{} denied any {w1} with the {w2} and called the {w3} claims {w4}.",
                self.org(),
            ),
        }
    }

    /// A question about `sentence`: an opener and two to four of its words, sometimes mistyped.
    fn question(&mut self, sentence: &str) -> String {
        let words: Vec<&str> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 4 && !factdesk_core::text::is_stopword(&w.to_lowercase()))
            .collect();
        let mut q = self.rng.pick(OPENERS).to_string();
        let take = (2 + self.rng.below(3)).min(words.len());
        let start = self.rng.below(words.len().saturating_sub(take) + 1);
        let typo_at = if self.rng.chance(0.33) {
            Some(self.rng.below(take.max(1)))
        } else {
            None
        };
        for (k, w) in words[start..start + take].iter().enumerate() {
            let mut w = w.to_lowercase();
            if typo_at == Some(k) && w.len() >= 6 {
                w = mistype(&w, &mut self.rng);
            }
            q.push(' ');
            q.push_str(&w);
        }
        q
    }
}

/// The longest word of `sentence` that `question` does not hold: what a
/// reply quoting the sentence shows and a reply quoting another rarely does.
fn expected_word(sentence: &str, question: &str) -> String {
    let asked: Vec<String> = question.split(' ').map(str::to_lowercase).collect();
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !asked.contains(&w.to_lowercase()))
        .max_by_key(|w| (w.len(), std::cmp::Reverse(*w)))
        .unwrap_or(sentence)
        .to_string()
}

/// `w` with one typo: two neighbouring letters swapped, one dropped or one doubled.
pub fn mistype(w: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = w.chars().collect();
    if chars.len() < 3 {
        return w.to_string();
    }
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(3) {
        0 if chars[i] != chars[i + 1] => chars.swap(i, i + 1),
        1 => {
            chars.remove(i);
        }
        _ => chars.insert(i, chars[i]),
    }
    chars.into_iter().collect()
}

/// Writes `<out>/knowledge` (the bundled knowledge from `source` plus synthetic articles)
/// holding `facts` facts, and `<out>/questions.txt` with `questions` questions;
/// calls `written(done, total)` as each synthetic article is written.
pub fn generate(
    source: &Path,
    out: &Path,
    facts: usize,
    questions: usize,
    seed: u64,
    written: &dyn Fn(usize, usize),
) -> io::Result<Generated> {
    let bundled = crate::load(source)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    if facts < bundled.facts.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{facts} facts is fewer than the {} of the knowledge it starts from ({}): ask for {} or more",
                bundled.facts.len(),
                source.display(),
                bundled.facts.len()
            ),
        ));
    }
    let knowledge = out.join("knowledge");
    if knowledge.exists() {
        std::fs::remove_dir_all(&knowledge)?;
    }
    copy_dir(source, &knowledge)?;

    let mut rng = Rng::new(seed);
    let vocabulary: Vec<String> = {
        let mut v: Vec<String> = std::fs::read_to_string(source.join("common-words.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|w| !w.starts_with('#') && w.len() >= 4 && !factdesk_core::text::is_stopword(w))
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .filter(|w| fit_for_news(w))
            .map(str::to_string)
            .collect();
        // The list is alphabetical: a seeded shuffle gives each word its frequency rank.
        for i in (1..v.len()).rev() {
            v.swap(i, rng.below(i + 1));
        }
        v
    };
    if vocabulary.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} has no common words to draw from",
                source.join("common-words.txt").display()
            ),
        ));
    }
    let words = Zipf::new(vocabulary);
    let wanted = facts - bundled.facts.len();
    let cast_size = (wanted / 40).clamp(50, 40_000);
    let cast = Cast {
        people: names(&mut rng, cast_size),
        places: names(&mut rng, cast_size / 2 + 10),
        orgs: names(&mut rng, cast_size / 4 + 10),
        outlets: names(&mut rng, 30)
            .into_iter()
            .map(|n| format!("{n} {}", rng.pick(OUTLET_KINDS)))
            .collect(),
    };

    // Each article's headline is a fact too.
    let articles = wanted.div_ceil(SENTENCES_PER_ARTICLE + 1);
    let per_article_questions = questions.div_ceil(articles.max(1));
    let mut all_questions = Vec::with_capacity(questions);
    let mut remaining = wanted;
    for a in 0..articles {
        let mut writer = Writer {
            rng: Rng::new(seed ^ (a as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D)),
            words: &words,
            cast: &cast,
        };
        let take = remaining.min(SENTENCES_PER_ARTICLE + 1);
        remaining -= take;
        let n = take - 1;
        let mut text = format!(
            "{} {} {} {}\n",
            writer.place(),
            capitalize(&writer.word()),
            writer.word(),
            writer.word()
        );
        let mut sentences = Vec::with_capacity(n);
        for s in 0..n {
            if s % SENTENCES_PER_PARAGRAPH == 0 {
                text.push('\n');
            }
            let sentence = writer.sentence();
            text.push_str(&sentence);
            text.push(
                if s % SENTENCES_PER_PARAGRAPH == SENTENCES_PER_PARAGRAPH - 1 {
                    '\n'
                } else {
                    ' '
                },
            );
            sentences.push(sentence);
        }
        for _ in 0..per_article_questions {
            if all_questions.len() < questions && !sentences.is_empty() {
                let s = writer.rng.below(sentences.len());
                let q = writer.question(&sentences[s]);
                let expect = expected_word(&sentences[s], &q);
                all_questions.push((q, expect));
            }
        }
        let folder = knowledge.join("articles").join(format!("synthetic-{a:06}"));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join("article.txt"), text)?;
        written(a + 1, articles);
    }
    let questions_path = out.join("questions.txt");
    let eval_path = out.join("questions.jsonl");
    let (mut q, mut jsonl) = (String::new(), String::new());
    for (line, expect) in &all_questions {
        let _ = writeln!(q, "{line}");
        // Questions and words are letters, digits and spaces: nothing to escape.
        let _ = writeln!(
            jsonl,
            "{{\"q\": \"{line}\", \"expect\": [[\"{expect}\"]], \"kind\": \"synthetic\"}}"
        );
    }
    std::fs::write(&questions_path, q)?;
    std::fs::write(&eval_path, jsonl)?;
    Ok(Generated {
        knowledge,
        questions: questions_path,
        eval: eval_path,
        facts: bundled.facts.len() + wanted,
        articles,
    })
}

/// Words a generated news sentence never uses: the common-word list is drawn
/// from real text, profanity and slurs included.
const UNFIT: &[&str] = &[
    "anal",
    "asshole",
    "assholes",
    "bastard",
    "bitch",
    "bitches",
    "boobs",
    "bullshit",
    "cock",
    "cocks",
    "crap",
    "crappy",
    "cunt",
    "damn",
    "damned",
    "dick",
    "dicks",
    "dildo",
    "fag",
    "faggot",
    "goddamn",
    "hell",
    "horny",
    "jerk",
    "naked",
    "nazi",
    "nigga",
    "nigger",
    "nude",
    "orgasm",
    "penis",
    "piss",
    "pissed",
    "porn",
    "porno",
    "pornography",
    "pussy",
    "rape",
    "raped",
    "rapist",
    "retard",
    "retarded",
    "sex",
    "sexy",
    "slut",
    "suck",
    "sucked",
    "sucks",
    "tits",
    "twat",
    "vagina",
    "wank",
    "whore",
];

/// `w` (lowercase) is fit for a generated news sentence.
fn fit_for_news(w: &str) -> bool {
    !UNFIT.contains(&w) && !["fuck", "shit"].iter().any(|bad| w.contains(bad))
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Copies the folder `from` into `to`, recursively (a knowledge folder, say).
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testkit/fixtures/bundled/knowledge")
    }

    #[test]
    fn generates_exactly_the_asked_facts_deterministically() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let ga = generate(&bundled(), a.path(), 2_000, 50, 7, &|_, _| {}).unwrap();
        let gb = generate(&bundled(), b.path(), 2_000, 50, 7, &|_, _| {}).unwrap();
        assert_eq!(ga.facts, 2_000);
        let kb = crate::load(&ga.knowledge).unwrap();
        assert_eq!(
            kb.facts.len(),
            2_000,
            "every synthetic sentence is one fact"
        );
        let qa = std::fs::read_to_string(&ga.questions).unwrap();
        let qb = std::fs::read_to_string(&gb.questions).unwrap();
        assert_eq!(qa, qb, "same seed, same questions");
        assert_eq!(qa.lines().count(), 50);
        let first = |g: &Generated| {
            std::fs::read_to_string(g.knowledge.join("articles/synthetic-000000/article.txt"))
                .unwrap()
        };
        assert_eq!(first(&ga), first(&gb), "same seed, same articles");
    }

    #[test]
    fn the_eval_file_expects_a_word_of_each_question_s_sentence() {
        let out = tempfile::tempdir().unwrap();
        let g = generate(&bundled(), out.path(), 1_000, 40, 3, &|_, _| {}).unwrap();
        let text = std::fs::read_to_string(&g.eval).unwrap();
        let cases = factdesk_core::eval::parse_cases(&text, "questions.jsonl").unwrap();
        assert_eq!(cases.len(), 40);
        let kb = crate::load(&g.knowledge).unwrap();
        let engine = factdesk_core::Engine::new(kb);
        let report = factdesk_core::eval::run(&engine, &cases);
        for case in &cases {
            let word = &case.expect.as_ref().unwrap()[0][0];
            assert!(!case.q.contains(word.as_str()), "{case:?}");
        }
        assert!(
            report.answerable.0 * 2 > report.answerable.1,
            "most synthetic questions find their sentence: {:?}",
            report.answerable
        );
    }

    #[test]
    fn fewer_facts_than_the_bundled_knowledge_is_a_clear_error() {
        let out = tempfile::tempdir().unwrap();
        let err = generate(&bundled(), out.path(), 3, 5, 1, &|_, _| {}).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(
            err.to_string().contains("3 facts is fewer than the"),
            "{err}"
        );
    }

    #[test]
    fn generated_news_draws_no_unfit_word() {
        let out = tempfile::tempdir().unwrap();
        let g = generate(&bundled(), out.path(), 3_000, 200, 3, &|_, _| {}).unwrap();
        let mut text = std::fs::read_to_string(&g.questions).unwrap();
        for a in 0..g.articles {
            let path = g
                .knowledge
                .join(format!("articles/synthetic-{a:06}/article.txt"));
            text.push_str(&std::fs::read_to_string(path).unwrap());
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            assert!(fit_for_news(&word.to_lowercase()), "{word}");
        }
        assert!(!fit_for_news("shitty") && !fit_for_news("hell") && fit_for_news("hello"));
    }

    #[test]
    fn mistyping_changes_a_word_by_one_edit() {
        let mut rng = Rng::new(1);
        for _ in 0..100 {
            let typo = mistype("warning", &mut rng);
            assert_ne!(typo, "warning");
            assert!(strsim::damerau_levenshtein(&typo, "warning") == 1);
        }
    }
}
