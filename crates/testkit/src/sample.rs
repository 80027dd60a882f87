//! A small knowledge base the tests build in memory: two short fictional news
//! articles, one of them with a curated layer. Tests that assert on answers
//! use it (or their own), never the live `knowledge/` folder.

use factdesk_core::knowledge::{Builder, KnowledgeBase};
use factdesk_core::Engine;

/// A storm article: numbers, a place, a date, an attribution.
pub const STORM: &str = "Storm Nadia floods coastal towns\n\
Storm Nadia made landfall near the fishing port of Calder on Tuesday morning, flooding hundreds of homes.\n\
At least 12 people were injured and 3,000 residents were evacuated, the regional fire service said.\n\
Winds reached 140 kilometres per hour before the storm weakened over the hills.\n\
The mayor of Calder, Ines Ruiz, said repairs would cost about 40 million euros.\n";

/// A court article: a person, an organisation, a reason.
pub const COURT: &str = "Court fines chemical maker over river spill\n\
A court in Brenford fined the chemical maker Oxley Ltd 2 million pounds on Friday for polluting the River Lenn.\n\
The judge said the company had ignored warnings from inspectors for two years.\n\
Oxley Ltd said it would appeal because the fine was out of proportion to the damage.\n";

/// Two stories about two Johns: "what was John's nickname?" fits both.
pub const KING_JOHN: &str = "King John signs charter\n\
King John, nicknamed Lackland, signed the charter at Runnymede in 1215.\n";

/// The other John.
pub const VON_NEUMANN: &str = "Mathematician John von Neumann dies\n\
John von Neumann, nicknamed Johnny, died in Washington in 1957.\n";

/// The storm article's curated layer: one fact with example questions.
pub const STORM_FACTS: &str = r#"[article]
summary = "Storm Nadia flooded Calder and injured at least 12 people."

[[fact]]
id = "storm-injured"
topic = "Casualties"
answer = "At least 12 people."
quotes = ["At least 12 people were injured"]
cues = ["number"]
questions = ["How many people were injured?", "how many hurt in the storm"]
keywords = ["casualties"]
"#;

/// A lexicon with one synonym group and one slang word.
pub const LEXICON: &str =
    "groups = [[\"injure\", \"hurt\", \"wound\"]]\n[slang]\nppl = \"people\"\n";

/// The sample's builder: the lexicon, the curated storm article and the court article.
pub fn builder() -> Builder {
    Builder::new()
        .lexicon(LEXICON)
        .and_then(|b| b.curated_article("storm-nadia", STORM, STORM_FACTS))
        .and_then(|b| b.article("oxley-fine", COURT))
        .expect("the sample knowledge is valid")
}

/// The sample knowledge base.
pub fn knowledge() -> KnowledgeBase {
    builder().build().expect("the sample knowledge is valid")
}

/// An engine over the sample knowledge.
pub fn engine() -> Engine {
    Engine::new(knowledge())
}
