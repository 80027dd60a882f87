//! Table-driven tests on sentences of real news and encyclopedia articles
//! (the tuning kits' articles and the bundled North Korea story), and a
//! property test: an answer is never the whole sentence, and every word of
//! it but the glue is a word of the sentence.

use super::*;
use proptest::prelude::*;

const NK: &str = "South Korean guards fired up to 20 warning shots at North Korean troops as they searched for a comrade who had defected across the heavily militarised border.";
const NK_AGE: &str = "A ‘low-ranking’ soldier who was reportedly aged 19 arrived at a front-line South Korean guard post in heavy fog just after 8am on Thursday morning.";
const NK_SHOTS: &str =
    "South Korean military officials said no shots were fired when the solider crossed the border.";
const NK_ROUNDS: &str = "But around 90 minutes later about 20 rounds from a K-3 machine gun were fired to warn off a patrol of North Korean soldiers who were apparently looking for their comrade.";
const NK_BURSTS: &str = "About 40 minutes later, two bursts of gunfire were heard in the North, but officials said there were no indications of any bullets crossing the border.";
const NK_JEEP: &str = "He crashes the jeep into a ditch near the line that divides North and South and the blue huts familiar to anyone who’s toured the area.";
const NK_HACK: &str = "The US blamed North Korea for the rampant WannaCry ransomware that infected more than 200,000 victims in around 150 countries.";
const NK_PHOTO: &str = "This file photo taken on November 27, 2017 shows North Korean soldiers staring at South Korean soldiers at the truce village of Panmunjom in the Demilitarized zone (DMZ) - AFP";

/// What a case expects of the answer.
enum Expect {
    /// Exactly this answer.
    Is(&'static str),
    /// An answer holding this phrase (word-bounded, any case).
    Has(&'static str),
    /// No answer.
    Nothing,
}
use Expect::*;

fn ask(sentence: &str, question: &str) -> Option<String> {
    let words = question_words_of(question);
    let focus = focus_of(question);
    let request = Request {
        question,
        wanted: wanted_of(question),
        focus: focus.as_deref(),
        question_words: &words,
    };
    short_answer(sentence, &request)
}

/// Runs (question, sentence, expectation) cases; reports every failure at once.
fn check(cases: &[(&str, &str, Expect)]) {
    let mut failures = Vec::new();
    for (question, sentence, expect) in cases {
        let got = ask(sentence, question);
        let ok = match (expect, got.as_deref()) {
            (Is(want), Some(got)) => got == *want,
            (Has(want), Some(got)) => crate::eval::contains_words(got, want),
            (Nothing, None) => true,
            _ => false,
        };
        if !ok {
            let want = match expect {
                Is(w) => format!("{w:?}"),
                Has(w) => format!("something with {w:?}"),
                Nothing => "None".to_string(),
            };
            failures.push(format!("{question}\n    want {want}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The defection story bundled with the bot: every kind of question.
#[test]
fn answers_about_the_defection_story() {
    check(&[
        (
            "How many warning shots were fired?",
            NK,
            Is("Up to 20 warning shots."),
        ),
        ("How old was the soldier?", NK_AGE, Is("Reportedly 19.")),
        (
            "When did the soldier arrive?",
            NK_AGE,
            Is("On Thursday morning."),
        ),
        (
            "What time did the soldier arrive?",
            NK_AGE,
            Is("Just after 8am."),
        ),
        (
            "Where did the soldier arrive?",
            NK_AGE,
            Is("At a front-line South Korean guard post."),
        ),
        (
            "Were shots fired when the soldier crossed?",
            NK_SHOTS,
            Is("No shots were fired."),
        ),
        (
            "What gun fired the rounds?",
            NK_ROUNDS,
            Is("A K-3 machine gun."),
        ),
        (
            "Why were the rounds fired?",
            NK_ROUNDS,
            Is("To warn off a patrol of North Korean soldiers."),
        ),
        (
            "How long after the crossing were rounds fired?",
            NK_ROUNDS,
            Is("Around 90 minutes later."),
        ),
        (
            "How many rounds were fired?",
            NK_ROUNDS,
            Is("About 20 rounds."),
        ),
        (
            "What was heard in the North?",
            NK_BURSTS,
            Is("Two bursts of gunfire."),
        ),
        (
            "Did bullets cross the border?",
            NK_BURSTS,
            Has("no indications of any bullets crossing the border"),
        ),
        (
            "What did the soldier crash his jeep into?",
            NK_JEEP,
            Has("a ditch"),
        ),
        (
            "How many victims did WannaCry have?",
            NK_HACK,
            Is("More than 200,000 victims."),
        ),
        (
            "How many countries did WannaCry hit?",
            NK_HACK,
            Is("Around 150 countries."),
        ),
        (
            "Who did the US blame for WannaCry?",
            NK_HACK,
            Is("North Korea."),
        ),
        (
            "When was the photo taken?",
            NK_PHOTO,
            Is("On November 27, 2017."),
        ),
        (
            "Where were the soldiers staring?",
            NK_PHOTO,
            Is("At the truce village of Panmunjom."),
        ),
        // The question's own number is not an answer.
        (
            "How many victims were in the 150 countries?",
            NK_HACK,
            Is("More than 200,000 victims."),
        ),
    ]);
}

/// Questions of the tuning kits (SQuAD 2.0 train kits a and b, the news
/// kits), each on the first sentence of its article holding a gold answer.
#[test]
fn answers_from_the_tuning_kits() {
    check(&[
        (
            r#"Who investigated the efficiency of high-brightness LED at Cardiff University in 1995?"#,
            r#"In 1995, Alberto Barbieri at the Cardiff University Laboratory (GB) investigated the efficiency and reliability of high-brightness LEDs and demonstrated a "transparent contact" LED using indium tin oxide (ITO) on (AlGaInP/GaAs)."#,
            Is(r#"Alberto Barbieri."#),
        ),
        (
            r#"Which two missionaries help bring Presbyterian churches in the south eastern states?"#,
            r#"The missionary expedition of Mary Slessor and Hope Waddel and their group in the mid 18th century in this coastal regions of the ten British colony has brought about the beginning and the flourishing of this church in these areas."#,
            Is(r#"Mary Slessor and Hope Waddel."#),
        ),
        (
            r#"What color LEDs are used when night vision is important?"#,
            r#"Red or yellow LEDs are used in indicator and alphanumeric displays in environments where night vision must be retained: aircraft cockpits, submarine and ship bridges, astronomy observatories, and in the field, e.g. night time animal watching and military field use."#,
            Is(r#"Red or yellow LEDs."#),
        ),
        (
            r#"How many people in Ireland speak Russian?"#,
            r#"According to the 2011 Census of Ireland, there were 21,639 people in the nation who use Russian as a home language."#,
            Is(r#"21,639 people."#),
        ),
        (
            r#"What is the primary sidearm used by the U.S. Army?"#,
            r#"The primary sidearm in the U.S. Army is the 9 mm M9 pistol; the M11 pistol is also used."#,
            Is(r#"The 9 mm M9 pistol."#),
        ),
        (
            r#"What non-native birds caused the bird populations of Norfolk Island to suffer?"#,
            r#"The birds have also suffered from the introduction of mammals such as rats, cats, pigs and goats, as well as from introduced competitors such as common blackbirds and crimson rosellas."#,
            Is(r#"Common blackbirds and crimson rosellas."#),
        ),
        (
            r#"What are cotton linters called in the UK?"#,
            r#"In the UK, linters are referred to as "cotton wool"."#,
            Is(r#"Cotton wool."#),
        ),
        (
            r#"When was the first blue-violet LED developed?"#,
            r#"The first blue-violet LED using magnesium-doped gallium nitride was made at Stanford University in 1972 by Herb Maruska and Wally Rhines, doctoral students in materials science and engineering."#,
            Is(r#"In 1972."#),
        ),
        (
            r#"What type of measurements are used to quantify the distances between objects?"#,
            r#"Spatial measurements are used to quantify the extent of and distances between objects, and temporal measurements are used to quantify the durations of and between events."#,
            Is(r#"Spatial measurements."#),
        ),
        (
            r#"Which German minister criticized comprehensive schools' ability to help students succeed?"#,
            r#"Barbara Sommer (Christian Democratic Union), Education Minister of North Rhine-Westphalia, commented that: Looking at the performance gap between comprehensives and the Gymnasium [at the Abitur central examination] [...] it is difficult to understand why the Social Democratic Party of Germany wants to do away with the Gymnasium. [...] The comprehensives do not help students achieve [...] I am sick and tired of the comprehensive schools blaming their problems on the social class origins of their students."#,
            Is(r#"Barbara Sommer."#),
        ),
        (
            r#"What action of the Union damaged the southern cotton exports?"#,
            r#"During the American Civil War, American cotton exports slumped due to a Union blockade on Southern ports, and also because of a strategic decision by the Confederate government to cut exports, hoping to force Britain to recognize the Confederacy or enter the war."#,
            Is(r#"Union blockade."#),
        ),
        (
            r#"When did the American cotton industry fail?"#,
            r#"During the American Civil War, American cotton exports slumped due to a Union blockade on Southern ports, and also because of a strategic decision by the Confederate government to cut exports, hoping to force Britain to recognize the Confederacy or enter the war."#,
            Is(r#"During the American Civil War."#),
        ),
        (
            r#"What percent of people in Kazakhstan speak Russian fluently?"#,
            r#"63% of the population was fluent in Russian in 2006, and 46% used it as the main language with family, friends or at work."#,
            Is(r#"63%."#),
        ),
        (
            r#"When did Presbyterianism arrive in America?"#,
            r#"Presbyterianism first officially arrived in Colonial America in 1703 with the establishment of the first Presbytery in Philadelphia."#,
            Is(r#"In 1703."#),
        ),
        (
            r#"How high is Huangmaojian Peak in feet?"#,
            r#"Altitudes tend to be the highest to the south and west and the highest peak of the province, Huangmaojian Peak (1,929 meters or 6,329 feet), is located there."#,
            Is(r#"6,329 feet."#),
        ),
        (
            r#"who co-wrote the hit song "on and on" in 1984?"#,
            r#"The hypnotic electronic dance song "On and On", produced in 1984 by Chicago DJ Jesse Saunders and co-written by Vince Lawrence, had elements that became staples of the early house sound, such as the Roland TB-303 bass synthesizer and minimal vocals as well as a Roland (specifically TR-808) drum machine and Korg (specifically Poly-61) synthesizer."#,
            Is(r#"Vince Lawrence."#),
        ),
        (
            r#"Who wrote 'War and Peace'?"#,
            r#"Many Russian novels of the 19th century, e.g. Leo Tolstoy's (Лев Толсто́й) War and Peace, contain entire paragraphs and even pages in French with no translation given, with an assumption that educated readers would not need one."#,
            Is(r#"Leo Tolstoy."#),
        ),
        (
            r#"In 2009 what were the largest producers of cotton?"#,
            r#"The largest producers of cotton, currently (2009), are China and India, with annual production of about 34 million bales and 33.4 million bales, respectively; most of this production is consumed by their respective textile industries."#,
            Is(r#"China and India."#),
        ),
        (
            r#"Why was zinc being used in the 1930's?"#,
            r#"Reports of anosmia were also observed in the 1930s when zinc preparations were used in a failed attempt to prevent polio infections."#,
            Is(r#"To prevent polio infections."#),
        ),
        (
            r#"Who proposed the idea to include Norfolk Island as a British auxiliary settlement in 1786?"#,
            r#"Sir John Call argued the advantages of Norfolk Island in that it was uninhabited and that New Zealand flax grew there."#,
            Is(r#"Sir John Call."#),
        ),
        (
            r#"How many MRAP vehicles has the Pentagon bought since 2007?"#,
            r#"The Pentagon bought 25,000 MRAP vehicles since 2007 in 25 variants through rapid acquisition with no long-term plans for the platforms."#,
            Is(r#"25,000 MRAP vehicles."#),
        ),
        (
            r#"When was the province of France canonically erected?"#,
            r#"He took the habit of a Friar Preacher at Rome (1839), and the province of France was canonically erected in 1850."#,
            Is(r#"In 1850."#),
        ),
        (
            r#"Where was native copper extracted with primitive tools between 800 and 1600?"#,
            r#"Native copper is known to have been extracted from sites on Isle Royale with primitive stone tools between 800 and 1600."#,
            Is(r#"On Isle Royale."#),
        ),
        (
            r#"In what year was the Nationalist Party of Australia formed?"#,
            r#"The Commonwealth Liberal Party merged with several Labor dissidents (including Billy Hughes) to form the Nationalist Party of Australia in 1917."#,
            Is(r#"In 1917."#),
        ),
        (
            r#"Who broke the news to John XXIII about his cancer?"#,
            r#"The doctors conferred in a decision regarding this matter and John XXIII's aide Loris F. Capovilla broke the news to him saying that the cancer had done its work and nothing could be done for him."#,
            Is(r#"Loris F. Capovilla."#),
        ),
        (
            r#"Where was the second anti-Labor Party held in 1944?"#,
            r#"Menzies called a conference of conservative parties and other groups opposed to the ruling Australian Labor Party, which met in Canberra on 13 October 1944 and again in Albury, New South Wales in December 1944."#,
            Is(r#"In Albury, New South Wales."#),
        ),
        (
            r#"About how many private radio stations does the region of Puntland have?"#,
            r#"The northeastern Puntland region has around six private radio stations, including Radio Garowe, Radio Daljir, Radio Codka-Nabbada and Radio Codka-Mudug."#,
            Is(r#"Around six private radio stations."#),
        ),
        (
            r#"How many people work at Buckingham Palace?"#,
            r#"The palace also houses the offices of the Queen, Prince Philip, Duke of York, Earl and Countess of Wessex, Princess Royal, and Princess Alexandra, and is the workplace of more than 800 people."#,
            Is(r#"More than 800 people."#),
        ),
        (
            r#"Who founded Australia's liberal party?"#,
            r#"The party's founder and longest-serving leader Robert Menzies envisaged that Australia's middle class would form its main constituency."#,
            Is(r#"Robert Menzies."#),
        ),
        (
            r#"In which province did the Taliban say the helicopter crashed?"#,
            r#"The Afghan Taliban, however, claimed responsibility for shooting down the helicopter, which it said crashed in Logar province south of the capital Kabul."#,
            Is(r#"In Logar province."#),
        ),
        (
            r#"Whose TV interview did the Tories doctor in a video?"#,
            r#"The Conservative Party became embroiled in controversy earlier this month when it posted a video on social media containing a misleading edit of a television interview with Keir Starmer, a senior Labour Party figure."#,
            Is(r#"Keir Starmer."#),
        ),
        (
            r#"Who employs Nick Clegg these days?"#,
            r#"Clegg now works for Facebook."#,
            Is(r#"Facebook."#),
        ),
        (
            r#"How long did the guards nap on duty?"#,
            r#"Federal prosecutors alleged that Tova Noel and Michael Thomas, assigned to Epstein's special housing unit at Metropolitan Correctional Center, "browsed the Internet," lingered in an office common area and appeared to sleep for two hours when they should have been conducting inmate checks."#,
            Is(r#"Two hours."#),
        ),
        (
            r#"What did the medical examiner find he used to hang himself?"#,
            r#"Before New York's chief medical examiner concluded that Epstein hanged himself with a bedsheet, his death was shadowed by conspiracy theories suggesting he had been murdered."#,
            Is(r#"With a bedsheet."#),
        ),
        (
            r#"How many supporters showed up at the hearing?"#,
            r#"Roughly 14 supporters and friends of Noel and Thomas attended the court hearing."#,
            Is(r#"Roughly 14 supporters."#),
        ),
        (
            r#"When was the cargo ship set to dock with the space station?"#,
            r#"It was set to dock with the space station on Saturday."#,
            Is(r#"On Saturday."#),
        ),
        (
            r#"How much does the Xbox One X weigh?"#,
            r#"It's also surprisingly dense -- the console weighs 8.4 pounds, but it feels far heavier than you'd expect for its size, thanks to all of its new hardware."#,
            Is(r#"8.4 pounds."#),
        ),
        (
            r#"How many countries did the study compare?"#,
            r#"The report assessed poverty levels, income and wealth inequality, economic mobility and unemployment levels among 10 wealthy countries with social welfare programs."#,
            Is(r#"10 wealthy countries."#),
        ),
        (
            r#"what years was the club The warehouse open?"#,
            r#"The term "house music" is said to have originated from a Chicago club called The Warehouse, which existed from 1977 to 1983."#,
            Is(r#"From 1977 to 1983."#),
        ),
        (
            r#"Drama is sometimes blended with what other elements?"#,
            r#"The form is often combined with music and dance, as in opera and musical theatre."#,
            Is(r#"With music and dance."#),
        ),
        (
            r#"From which period did the first known amniotes arise from?"#,
            r#"The first amniotes apparently arose in the Late Carboniferous."#,
            Is(r#"In the Late Carboniferous."#),
        ),
        (
            r#"Which political party was James Callaghan a member of?"#,
            r#"In 1976 the future Labour prime minister James Callaghan launched what became known as the 'great debate' on the education system."#,
            Is(r#"Labour."#),
        ),
        (
            r#"The War of 1812 consisted of the U.S against whom?"#,
            r#"The War of 1812, the second and last American war against the United Kingdom, was less successful for the U.S. than the Revolution and Northwest Indian War against natives had been, though it ended on a high note for Americans as well."#,
            Is(r#"The United Kingdom."#),
        ),
        (
            r#"Who has Apple partnered with to sell prescription inserts?"#,
            r#"For those who need vision correction like me, Apple has partnered with Zeiss to sell prescription inserts that clip onto the inner-facing displays."#,
            Is(r#"Zeiss."#),
        ),
        (
            r#"How many US troops remain in Afghanistan?"#,
            r#"Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks."#,
            Is(r#"Roughly 13,000 US troops."#),
        ),
        (
            r#"How many Afghan civilians have died in the conflict this year?"#,
            r#"More than 2,500 Afghan civilians have been killed in the fighting so far this year, according to the United Nations."#,
            Is(r#"More than 2,500 Afghan civilians."#),
        ),
        (
            r#"hw mny yrs since the us invaded afghanistan"#,
            r#"Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks."#,
            Is(r#"18 years."#),
        ),
        (
            r#"When is the UK election?"#,
            r#"All political parties are devoting much of their campaign spending to the digital realm as they battle to win the U.K.’s Dec. 12 election."#,
            Is(r#"On Dec. 12."#),
        ),
        (
            r#"Who is the chief executive of Full Fact?"#,
            r#"“It was an attempt to mislead voters,’’ Will Moy, chief executive of the London-based fact-checking website Full Fact, told the BBC."#,
            Is(r#"Will Moy."#),
        ),
        (
            r#"How many passengers can the 787-9 carry?"#,
            r#"The mid-size wide body 787-9 jet is a larger and longer-range variant of Boeing's Dreamliner, seating 242 to 330 passengers in a two-class layout."#,
            Is(r#"242 to 330 passengers."#),
        ),
        (
            r#"Where was the deal announced?"#,
            r#"DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing 's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the Dubai Air Show."#,
            Is(r#"At the Dubai Air Show."#),
        ),
        (
            r#"How much water did the plume hold?"#,
            r#"And there was quite a bit of the stuff — about 2,300 tons (2,095 metric tons), according to the researchers' calculations."#,
            Is(r#"About 2,300 tons (2,095 metric tons)."#),
        ),
        (
            r#"Who led the Europa water vapor study?"#,
            r#"But the third — liquid water — is somewhat hard to find beyond Earth," study lead author Lucas Paganini, a planetary scientist at NASA's Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., said in a statement."#,
            Is(r#"Lucas Paganini."#),
        ),
        (
            r#"wat date did they get the strong signal"#,
            r#"On one of those nights — April 26, 2016 — they got a strong signal of water vapor, in the form of a characteristic wavelength of emitted infrared light."#,
            Is(r#"On April 26, 2016."#),
        ),
        (
            r#"galileo flyby year?"#,
            r#"For example, in addition to the new results and Hubble's detection of atomic hydrogen and oxygen (which presumably came from water molecules split apart by radiation), NASA's Galileo Jupiter probe measured a big increase in the density of plasma, or ionized gas, during a Europa flyby in 1997."#,
            Is(r#"In 1997."#),
        ),
        (
            r#"When is it scheduled to launch?"#,
            r#"NASA is developing a mission called Europa Clipper, which is scheduled to launch in the mid-2020s."#,
            Is(r#"In the mid-2020s."#),
        ),
        (
            r#"did the gaurds plead guilty"#,
            r#"Noel and Thomas pleaded not guilty in Manhattan federal court Tuesday afternoon and were released on the condition that each post $100,000 bond within a week."#,
            Has(r#"pleaded not guilty"#),
        ),
        (
            r#"suicide watch how long?"#,
            r#"He was removed from suicide monitoring days later, which has drawn investigative interest."#,
            Is(r#"Days later."#),
        ),
        (
            r#"Who did Barr appoint to run the prisons bureau?"#,
            r#"Attorney General William Barr put Kathleen Hawk Sawyer in charge and ordered multiple investigations into the 66-year-old's suicide, focusing on operations at the Manhattan facility where Epstein was held."#,
            Is(r#"Kathleen Hawk Sawyer."#),
        ),
        (
            r#"Was the chopper brought down by hostile fire?"#,
            r#""The cause of the crash is under investigation, however preliminary reports do not indicate it was caused by enemy fire," the statement said."#,
            Has(r#"do not indicate it was caused by enemy fire"#),
        ),
        (
            r#"The Presbyterian church in Canada has retains which Doctrine in its original form?"#,
            r#"Some Presbyterian traditions adopt only the Westminster Confession of Faith as the doctrinal standard to which teaching elders are required to subscribe, in contrast to the Larger and Shorter catechisms, which are approved for use in instruction."#,
            Has(r#"Westminster Confession of Faith"#),
        ),
        (
            r#"synthesizers were used to create what house subgenre?"#,
            r#"Fingers", claims that the term "house" became popular due to many of the early DJs creating music in their own homes using synthesizers and drum machines such as the Roland TR-808, TR-909, and the TB 303.[citation needed] These synthesizers were used to create a house subgenre called acid house."#,
            Has(r#"acid house"#),
        ),
        (
            r#"LED efficacy is inversely proportional to what?"#,
            r#"Since LED efficacy is inversely proportional to operating temperature, LED technology is well suited for supermarket freezer lighting."#,
            Has(r#"operating temperature"#),
        ),
        (
            r#"Why did America end up ranked so low?"#,
            r#"The low ranking the U.S. received was due to its extreme levels of wealth and income inequality and the ineffectiveness of its "safety net" -- social programs aimed at reducing poverty."#,
            Has(r#"extreme levels of wealth and income inequality"#),
        ),
        (
            r#"How many nights did the researchers observe Europa?"#,
            r#"The researchers observed Europa for 17 nights, from February 2016 through May 2017."#,
            Is(r#"17 nights."#),
        ),
        (
            r#"Who heads Emirates?"#,
            r#"Emirates President Tim Clark, meanwhile, told reporters at a press conference that the airline — the largest international carrier in the world — will recommence its expansion in the early 2020s, following its current period of consolidation."#,
            Is(r#"Emirates President Tim Clark."#),
        ),
        (
            r#"How many dimes is LeBron averaging this season?"#,
            r#"There’s a reason for this spree: Although James has constantly filled the stat sheet since he joined the league in 2003, he is leading the NBA this season with 11.1 assists per game, nearly four more than his career average."#,
            Is(r#"11.1 assists."#),
        ),
    ]);
}

/// Questions whose sentence holds no span of the kind asked for.
#[test]
fn no_answer_without_a_fitting_span() {
    check(&[
        (
            "How many soldiers defected?",
            "The soldier defected across the border in heavy fog.",
            Nothing,
        ),
        (
            "How much did the jets cost?",
            "Emirates finalized a deal to purchase Boeing jets.",
            Nothing,
        ),
        (
            "How old was the soldier?",
            "A low-ranking soldier arrived at a guard post.",
            Nothing,
        ),
        (
            "What percentage of voters agreed?",
            "Most voters agreed with the proposal.",
            Nothing,
        ),
        ("Is it raining?", "Yes.", Nothing),
    ]);
}

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
        ("How old was the soldier?", Some(Age), None),
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
        ("What kind of gun was used?", Some(Thing), Some("gun")),
        (
            "What plays a vital role in harbouring species?",
            Some(Thing),
            None,
        ),
        ("the soldier, lol", None, None),
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

/// Prints how a sentence is read against a question:
/// `EXTRACT_Q='...' EXTRACT_S='...' cargo test -p factdesk-core extract::tests::show -- --ignored --nocapture`
/// (`EXTRACT_DEBUG=1` also prints the scored stretches).
#[test]
#[ignore]
fn show() {
    let (Ok(q), Ok(s)) = (std::env::var("EXTRACT_Q"), std::env::var("EXTRACT_S")) else {
        return;
    };
    let parsed = question::Question::parse(&q);
    let words = question_words_of(&q);
    eprintln!(
        "wanted {:?} focus {:?} form {:?} words {:?}",
        parsed.wanted,
        parsed.focus_text(),
        parsed.form,
        words
    );
    let t = tokens::Toks::new(&s);
    let request = Request {
        question: &q,
        wanted: None,
        focus: None,
        question_words: &words,
    };
    let ctx = choose::Ctx::new(
        &t,
        &parsed,
        &request,
        parsed.wanted.unwrap_or(Wanted::Thing),
    );
    let marks: Vec<String> = (0..t.len())
        .map(|i| match ctx.qm[i] {
            Some(side) => format!("[{}:{side:?}]", t.raw(i)),
            None => t.raw(i).to_string(),
        })
        .collect();
    eprintln!("{}", marks.join(" "));
    for c in &ctx.cands {
        eprintln!(
            "  {:?} {:?}",
            c.kind,
            &s[t.toks[c.a].start..t.toks[c.b - 1].end]
        );
    }
    eprintln!("=> {:?}", extract(&s, &request));
}

/// Words of a text, lower-cased, for the property test.
fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Sentences made of news words, numbers, names and punctuation.
fn sentence_strategy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the".to_string()),
        Just("soldier".to_string()),
        Just("fired".to_string()),
        Just("20".to_string()),
        Just("warning".to_string()),
        Just("shots".to_string()),
        Just("in".to_string()),
        Just("North".to_string()),
        Just("Korea".to_string()),
        Just("because".to_string()),
        Just("no".to_string()),
        Just("not".to_string()),
        Just("aged".to_string()),
        Just("19".to_string()),
        Just("$9".to_string()),
        Just("billion".to_string()),
        Just("3.5%".to_string()),
        Just("Nov.".to_string()),
        Just("27,".to_string()),
        Just("2017".to_string()),
        Just("Thursday".to_string()),
        Just("8am".to_string()),
        Just("Tim".to_string()),
        Just("Clark".to_string()),
        Just("Ministry".to_string()),
        Just("to".to_string()),
        Just("warn".to_string()),
        Just("and".to_string()),
        Just(",".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("—".to_string()),
        Just("’s".to_string()),
        "[a-zA-Z]{1,9}",
        "[0-9]{1,6}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(word, 1..24).prop_map(|w| w.join(" ") + ".")
}

fn question_strategy() -> impl Strategy<Value = String> {
    let opener = prop_oneof![
        Just("How many"),
        Just("How much"),
        Just("How old was"),
        Just("How long"),
        Just("When did"),
        Just("What time"),
        Just("Who"),
        Just("Where did"),
        Just("Why did"),
        Just("How did"),
        Just("Did"),
        Just("Was"),
        Just("What"),
        Just("Which"),
        Just("wat"),
        Just(""),
    ];
    let rest = prop::collection::vec(
        prop_oneof![
            Just("soldier"),
            Just("shots"),
            Just("fired"),
            Just("the"),
            Just("North"),
            Just("Korea"),
            Just("warning"),
            Just("20"),
            Just("gun"),
            Just("into"),
            Just("not"),
        ],
        0..8,
    );
    (opener, rest).prop_map(|(o, r)| format!("{o} {}?", r.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// An answer is never the whole sentence, and all its words but the
    /// glue are words of the sentence.
    #[test]
    fn answers_are_words_of_the_sentence(sentence in sentence_strategy(), question in question_strategy()) {
        let answer = ask(&sentence, &question);
        if let Some(answer) = answer {
            let words = lower_words(&answer);
            let of_sentence = lower_words(&sentence);
            let glue: Vec<String> = GLUE.iter().flat_map(|g| lower_words(g)).collect();
            let all_in = |ws: &[String]| !ws.is_empty() && ws.iter().all(|w| of_sentence.contains(w));
            // Either every word is the sentence's, or all but a leading glue word.
            let plain = all_in(&words);
            let glued = words.first().is_some_and(|w| glue.contains(w)) && all_in(&words[1..]);
            prop_assert!(plain || glued, "{answer:?} has words not in {sentence:?}");
            let shown = if plain { &words[..] } else { &words[1..] };
            prop_assert!(shown != &of_sentence[..], "{answer:?} is the whole of {sentence:?}");
        }
    }

    /// Candidates are spans of the sentence on character boundaries, in order.
    #[test]
    fn candidates_are_ordered_spans(sentence in sentence_strategy()) {
        let mut last = 0;
        for span in candidates(&sentence) {
            prop_assert!(span.start < span.end && span.end <= sentence.len());
            prop_assert!(sentence.is_char_boundary(span.start) && sentence.is_char_boundary(span.end));
            prop_assert!(span.start >= last, "{span:?} overlaps in {sentence:?}");
            last = span.end;
        }
    }
}
