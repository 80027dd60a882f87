//! Typed spans of real sentences, and how questions are read.

use super::*;

/// Typed spans of real sentences, as (kind, text) in order.
fn spans(sentence: &str) -> Vec<(Wanted, &str)> {
    candidates(sentence)
        .into_iter()
        .map(|s| (s.kind, s.text(sentence)))
        .collect()
}

#[test]
fn candidates_of_real_sentences() {
    use Wanted::*;
    let cases: &[(&str, &[(Wanted, &str)])] = &[
        (NK, &[(Number, "up to 20 warning shots"), (Place, "the heavily militarised border")]),
        (NK_AGE, &[(Age, "aged 19"), (Place, "a front-line South Korean guard post"), (Time, "8am"), (Date, "Thursday morning")]),
        (NK_ROUNDS, &[(Date, "around 90 minutes later"), (Number, "about 20 rounds")]),
        ("Akkadian and Sumerian coexisted as vernacular languages for about one thousand years, but by around 1800 BC, Sumerian was becoming more of a literary language.", &[(Duration, "about one thousand years"), (Date, "1800 BC")]),
        ("The study took the ratio of employed men and women between the ages of 25 and 54 to the population.", &[(Age, "ages of 25 and 54")]),
        (NK_HACK, &[(Place, "US"), (Place, "North Korea"), (Number, "more than 200,000 victims"), (Number, "around 150 countries")]),
        (NK_PHOTO, &[(Date, "November 27, 2017"), (Place, "the truce village of Panmunjom"), (Place, "Demilitarized zone"), (Place, "DMZ")]),
        ("The order is valued at $8.8 billion at list prices, but a steep discount is typically negotiated by airlines.", &[(Money, "$8.8 billion")]),
        ("Keck Observatory in Hawaii to study the 1,900-mile-wide (3,100 kilometers) Europa, which astrobiologists regard as one of the solar system's best bets to host alien life.", &[(Organisation, "Keck Observatory"), (Place, "Hawaii"), (Number, "1,900-mile-wide"), (Number, "3,100 kilometers")]),
        ("And there was quite a bit of the stuff — about 2,300 tons (2,095 metric tons), according to the researchers' calculations.", &[(Number, "about 2,300 tons"), (Number, "2,095 metric tons")]),
        ("Emirates President Tim Clark, meanwhile, told reporters at a press conference that the airline will recommence its expansion in the early 2020s.", &[(Person, "Emirates President Tim Clark"), (Date, "the early 2020s")]),
        ("The Vedic Period began in the Late Bronze Age and extended until the Iron Age.", &[(Date, "Vedic Period"), (Date, "Late Bronze Age"), (Date, "Iron Age")]),
        ("Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks.", &[(Number, "Roughly 13,000 US troops"), (Place, "Afghanistan"), (Duration, "18 years"), (Place, "Washington"), (Date, "September 11, 2001")]),
        ("About 63% of people in Kazakhstan speak Russian fluently, and 3.5 percent speak it as a second language.", &[(Percent, "About 63%"), (Place, "Kazakhstan"), (Percent, "3.5 percent")]),
        ("Noel, 31, is charged with five counts of falsifying records; Thomas, 41, is charged with three.", &[(Age, "31"), (Number, "five counts"), (Person, "Thomas"), (Age, "41")]),
        ("The tour in March 1987 boosted house in the UK, and by the 1990s it had spread across Europe since the 19th century had ended last year.", &[(Date, "March 1987"), (Place, "UK"), (Date, "the 1990s"), (Place, "Europe"), (Date, "the 19th century"), (Date, "last year")]),
        ("The Ministry of Defence and the Bank of England met Governor Maria Delgado in Lisbon.", &[(Organisation, "Ministry of Defence"), (Organisation, "Bank of England"), (Person, "Governor Maria Delgado"), (Place, "Lisbon")]),
        ("Castle Rising was built in 1041 and rebuilt in the 1140s.", &[(Date, "1041"), (Date, "the 1140s")]),
        // An organisation's name "X of Y and Z" is whole; two names, a place
        // or a noun after "and" are not one.
        ("The Imperial College of Science and Technology was created by the merger.", &[(Organisation, "Imperial College of Science and Technology")]),
        ("The Department of Health and Human Services issued the rule.", &[(Organisation, "Department of Health and Human Services")]),
        ("The Bank of England and Bank of France met in May.", &[(Organisation, "Bank of England"), (Organisation, "Bank of France"), (Date, "May")]),
        ("He studied at the University of Oxford and Cambridge colleges.", &[(Organisation, "University of Oxford")]),
        // A capitalised modifier after other modifiers, then the counted noun.
        ("The dress is made of 6,000 white Akoya pearls.", &[(Number, "6,000 white Akoya pearls")]),
        ("They sold 2,000 red Ferrari cars last year.", &[(Number, "2,000 red Ferrari cars"), (Date, "last year")]),
    ];
    let mut failures = Vec::new();
    for (sentence, want) in cases {
        let got = spans(sentence);
        if got != *want {
            failures.push(format!("{sentence}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn questions_are_read() {
    use Wanted::*;
    let cases: &[(&str, Option<Wanted>, Option<&str>)] = &[
        (
            "How many warning shots were fired?",
            Some(Number),
            Some("warning shots"),
        ),
        ("How much did the jets cost?", Some(Money), None),
        ("how much was the airbus a350 ordr worth", Some(Money), None),
        ("How much is Verizon paying for Yahoo?", Some(Money), None),
        ("how much is nintendo charging for it", Some(Money), None),
        ("How much did Spectre gross?", Some(Money), None),
        (
            "How common are peanut allergies in America?",
            Some(Number),
            None,
        ),
        ("how rare is the disease", Some(Number), None),
        ("What is the pearl dress valued at?", Some(Money), None),
        ("what is the house worth", Some(Money), None),
        ("How old was the soldier?", Some(Age), None),
        ("How young was the deserter?", Some(Age), None),
        (
            "With what species do humans hunt in partnership?",
            Some(Thing),
            Some("species"),
        ),
        ("How long did the guards nap on duty?", Some(Duration), None),
        ("When is the UK election?", Some(Date), None),
        (
            "What time did the soldier arrive?",
            Some(Time),
            Some("time"),
        ),
        ("Who heads Emirates?", Some(Person), None),
        ("Where was the deal announced?", Some(Place), None),
        ("Why were the rounds fired?", Some(Reason), None),
        ("How did the soldier cross the border?", Some(Manner), None),
        (
            "Were shots fired when the soldier crossed?",
            Some(YesNo),
            None,
        ),
        ("What gun fired the rounds?", Some(Thing), Some("gun")),
        (
            "Which cabinet minister stood up for the party?",
            Some(Person),
            Some("cabinet minister"),
        ),
        (
            "In which province did the Taliban say the helicopter crashed?",
            Some(Place),
            Some("province"),
        ),
        ("What year was the castle built?", Some(Date), Some("year")),
        (
            "Which agency released the report?",
            Some(Organisation),
            Some("agency"),
        ),
        (
            "What group sought to investigate the purchase?",
            Some(Organisation),
            Some("group"),
        ),
        (
            "What percent of people in Kazakhstan speak Russian fluently?",
            Some(Percent),
            Some("percent"),
        ),
        (
            "hw mny yrs since the us invaded afghanistan",
            Some(Duration),
            Some("yrs"),
        ),
        ("galileo flyby year?", Some(Date), None),
        ("What is the diameter of Europa?", Some(Number), None),
        // "How" and an adjective of measure asks for an amount; of price, a sum.
        (
            "How warm does it get in the delta in summer?",
            Some(Number),
            None,
        ),
        ("how thick is the ice", Some(Number), None),
        ("How expensive is the headset?", Some(Money), None),
        // A name is no amount, whatever WordNet files its noun under.
        (
            "What was the name of the winning unit in the 2010 elections?",
            Some(Thing),
            Some("winning unit"),
        ),
        ("What kind of gun was used?", Some(Thing), Some("gun")),
        (
            "What plays a vital role in harbouring species?",
            Some(Thing),
            None,
        ),
        ("the soldier, lol", None, None),
        // A clause of time before the question: its main clause asks.
        (
            "When the merger was passed, what college was created?",
            Some(Thing),
            Some("college"),
        ),
        (
            "When Namibia was under South African rule, who governed it?",
            Some(Person),
            None,
        ),
        ("When did the merger pass, and why?", Some(Date), None),
    ];
    let mut failures = Vec::new();
    for (question, wanted, focus) in cases {
        let got = (wanted_of(question), focus_of(question));
        if got.0 != *wanted || got.1.as_deref() != *focus {
            failures.push(format!(
                "{question}: want {wanted:?} {focus:?}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn how_long_is_a_thing_asks_its_length() {
    let asks = |q: &str| crate::engine::extract::asks_a_length(&crate::text::words(q));
    for q in [
        "How long is the DMZ?",
        "how long was von Neumann's lattice theory paper",
        "How long is the border?",
        "how long is the border between the two koreas",
    ] {
        assert!(asks(q), "{q}");
    }
    for q in [
        "How long was the flight?",
        "How long is the initial trial period?",
        "How long was the war?",
        "How long was the video?",
        "How long was the truce intended to last?",
        "How long was the soldier held in the hospital?",
        "How long were the civilians drifting at sea?",
        "How long did it take to cross the border?",
        "For how long was Spanish the official language of Galicia?",
        "How long was Spanish the official language of Galicia?",
        "how long was assange in the ecuadorean embassy?",
        "How long was the film?",
        "How long was the soldier?",
    ] {
        assert!(!asks(q), "{q}");
    }
}

/// A phrase cut before the question's noun that its own words qualify
/// keeps that noun: "the parton model", not "the parton". A qualifier that
/// is mostly an adjective ("free"), a verb or the question's own word is
/// A title joined by a hyphen, or followed by "elect", makes the name after
/// it a person's, though WordNet knows its words ("mike", "pence").
#[test]
fn a_name_after_a_hyphenated_title_is_a_persons() {
    check(&[
        (
            "Who was watching the Hamilton performance with his family when the cast made a public announcement?",
            "Emery, a writer for partisan \u{201c}fact-checking\u{201d} website Snopes.com which soon will be in charge of labelling \u{201c}fake news\u{201d} alongside ABC News and Politifact, retweeted an article by Vulture magazine relating to the protests of the Hamilton musical following the decision by the cast of the show to make a public announcement to Vice-president elect Mike Pence while he watched the performance with his family.",
            Is("Mike Pence."),
        ),
        (
            "Who spoke after the show?",
            "Ex-governor Frank Gates spoke after the show.",
            Has("Frank Gates"),
        ),
    ]);
}

/// A one-word answer keeps the "of" phrase that says what it is of.
#[test]
fn a_one_word_answer_keeps_what_it_is_of() {
    check(&[
        (
            "Under what conditions did the earlier Panmunjom defection take place?",
            "The incident came a month after the rare and dramatic defection of a North Korean soldier under a hail of bullets from his own side at Panmunjom, the truce village where opposing forces confront each other across a concrete dividing line.",
            Is("Hail of bullets."),
        ),
        (
            "What events created the Batavian Republic?",
            "The Republic of the United Provinces lasted until a series of republican revolutions in 1783\u{2013}1795 created the Batavian Republic.",
            Is("A series of republican revolutions."),
        ),
    ]);
}

/// A short answer does not cut a name in two: the capitalised words after
/// its last capitalised word are the name's, but a weekday is no part of it.
#[test]
fn a_short_answer_keeps_the_whole_name() {
    check(&[
        (
            "During which storm was the company accused of raking in huge profits?",
            "Uber has been strenuously defending its surge pricing in the wake of accusations (apparently justified) that the company enjoyed windfall profits during Hurricane Sandy.",
            Is("Hurricane Sandy."),
        ),
        (
            "Which addendum was added to the Lectures book in 2005?",
            "They were edited and supplemented in 2005 with \"Feynman's Tips on Physics: A Problem-Solving Supplement to the Feynman Lectures on Physics\" by Michael Gottlieb and Ralph Leighton (Robert Leighton's son), with support from Kip Thorne and other physicists.",
            Has("Feynman Lectures"),
        ),
        (
            "When did Trump speak about the storm?",
            "On Monday Trump said the storm named Hurricane Sandy had passed.",
            Is("On Monday."),
        ),
    ]);
}

/// not such a noun, and a date stays a date.
#[test]
fn a_phrase_keeps_the_head_noun_its_words_qualify() {
    check(&[
        (
            "Feynman proposed a integral model in particle physics, what was it?",
            "Richard Phillips Feynman (/\u{02c8}fa\u{026a}nm\u{0259}n/; May 11, 1918 \u{2013} February 15, 1988) was an American theoretical physicist known for his work in the path integral formulation of quantum mechanics, the theory of quantum electrodynamics, and the physics of the superfluidity of supercooled liquid helium, as well as in particle physics for which he proposed the parton model.",
            Is("The parton model."),
        ),
        (
            "What did the blast furnace help do to pig iron in the middle ages?",
            "With the introduction of the blast furnace to Europe in the Middle Ages, pig iron was able to be produced in much higher volumes than wrought iron.",
            Is("Able to be produced in much higher volumes than wrought iron."),
        ),
        (
            "What is Alaska's most prominent orchestra?",
            "The most prominent orchestra in Alaska is the Anchorage Symphony Orchestra, though the Fairbanks Symphony Orchestra and Juneau Symphony are also notable.",
            Is("The Anchorage Symphony Orchestra."),
        ),
        (
            "Currently, contestants can not have a recording track by what stage of the competition?",
            "The contestants must be legal U.S. residents, cannot have advanced to particular stages of the competition in previous seasons (varies depending on the season, currently by the semi-final stage until season thirteen), and must not hold any current recording or talent representation contract by the semi-final stage (in previous years by the audition stage).",
            Is("By the semi-final stage."),
        ),
        (
            "According to the United States Census Bureau, what is the total area in square miles?",
            "According to the United States Census Bureau, the city had a total area of 17.037 square miles (44.125 km2), including 10.747 square miles (27.835 km2) of land and 6.290 square miles (16.290 km2) of water (36.92%).",
            Has("17.037 square miles"),
        ),
        (
            "During what dynasty did Nanjing become a thriving textile city?",
            "During the Ming dynasty, Nanjing's industry was further expanded, and the city became one of the most prosperous cities in China and the world.",
            Is("During the Ming dynasty."),
        ),
        (
            "Many holds will leave what body parts free?",
            "Most holds leave an arm or leg free, so that the person can tap out if they want.",
            Is("Arm or leg."),
        ),
    ]);
}

/// A person named after a title the question asks about ("who is the
/// Police Commissioner?") is that person, though the question says the
/// title; a title that is a name the question repeats ("Emirates") or the
/// question's focus is no such title.
#[test]
fn a_title_the_question_names_points_to_the_name_after_it() {
    check(&[
        (
            "Who is the Australian Federal Police Commissioner?",
            "The roadshow featured the Prime Minister’s national security adviser, Andrew Shearer, Justin Bassi, who advises Attorney-General George Brandis on crime and security matters, and Australian Federal Police Commissioner Andrew Colvin.",
            Has("Andrew Colvin"),
        ),
        (
            "who's the opposition leader again lol",
            "AS Opposition Leader Bill Shorten said in a letter to Abbott last month: “Press freedom concerns about mandatory data retention would ideally be addressed in this Bill.”",
            Has("Bill Shorten"),
        ),
        (
            "Who was appointed presiding judge over the retrial in 2015?",
            "On 6 February 2015, it was announced that Judge Richard Marks is to be replaced by Judge Charles Wide at the retrial.",
            Has("Charles Wide"),
        ),
    ]);
}

/// A person or an organisation named as the possessor of persons answers
/// with them: "Sheriff's deputies" were at the hotel. A possessed thing
/// that names no persons ("Liu Bei's suggestion") is left out.
#[test]
fn a_possessor_of_persons_answers_with_them() {
    check(&[
        (
            "Who was at The London on Thursday morning?",
            "12:00 PM PT -- Sheriff's deputies were at The London Thursday morning.",
            Is("Sheriff's deputies."),
        ),
        (
            "Who convinced Sun Quan to make Nanjing his capital?",
            "Sun Quan relocated his capital to Nanjing after Liu Bei's suggestion as Liu Bei was impressed by Nanjing's impeccable geographic position when negotiating an alliance with Sun Quan.",
            Is("Liu Bei."),
        ),
    ]);
}

/// A name in apposition after the question's focus word answers "which
/// <focus>": "website Snopes.com", "the journal Current Biology", "his 2001
/// autobiography Unwrapped", and a list of quotations keeps its marks.
#[test]
fn a_name_after_the_focus_word_answers_which() {
    check(&[
        (
            "Which website does David Emery write for?",
            "Emery, a writer for partisan “fact-checking” website Snopes.com which soon will be in charge of labelling “fake news” alongside ABC News and Politifact, retweeted an article by Vulture magazine.",
            Has("Snopes"),
        ),
        (
            "In which journal were the findings published?",
            "The scientists were led by Michael Shadlen, Ph.D., of Columbia University's Mortimer B. Zuckerman Mind Brain Behavior Institute, and the findings were published in the journal Current Biology.",
            Is("Current Biology."),
        ),
        (
            "What was the name of Starr's autobiography?",
            "In his 2001 autobiography Unwrapped, Starr wrote that the incident was a complete fabrication: \"I have never eaten or even nibbled a live hamster, gerbil, guinea pig, mouse, shrew, vole or any other small mammal.\"",
            Is("Unwrapped."),
        ),
        (
            "What terms describe different types of radiation?",
            "Prior to Einstein's paper, electromagnetic radiation such as visible light was considered to behave as a wave: hence the use of the terms \"frequency\" and \"wavelength\" to characterise different types of radiation.",
            Is("\"frequency\" and \"wavelength\"."),
        ),
    ]);
}

/// A name with an epithet is one name: "Llywelyn the Great", not "The
/// Great".
#[test]
fn a_name_with_an_epithet_is_whole() {
    check(&[(
        "Who lead the rebellion against the 1211 settlement?",
        "John put off dealing with the badly deteriorating situation in North Wales, where Llywelyn the Great was leading a rebellion against the 1211 settlement.",
        Is("Llywelyn the Great."),
    )]);
}

/// "How" and an adjective of measure or price is the question's opening, as
/// "how many" is: the statement form reads on from the verb after it ("how
/// deep is the lake?" asks what the lake is).
#[test]
fn how_and_a_measure_open_the_question() {
    use super::question::{Form, Parsed, HOW_MEASURED, HOW_PRICED};
    for adjective in HOW_MEASURED.iter().chain(HOW_PRICED) {
        let question = format!("How {adjective} is the lake?");
        let parsed = Parsed::of(&question);
        assert_eq!(parsed.question().form, Form::Copular, "{question}");
    }
}
