//! A reply as plain data, and Discord's limits on it.
//!
//! Everything the bot sends is first built as a [`Reply`] by pure code, then
//! translated to serenity builders by `send`. [`Reply::check`] states every
//! limit Discord enforces; the renderers keep to them by construction and the
//! tests hold them to it.

use super::markdown::{len, truncate};

/// Discord's limits, in characters or items.
pub mod limits {
    /// Message content.
    pub const CONTENT: usize = 2000;
    /// Embeds in one message.
    pub const EMBEDS: usize = 10;
    /// Embed title.
    pub const TITLE: usize = 256;
    /// Embed description.
    pub const DESCRIPTION: usize = 4096;
    /// Fields in one embed.
    pub const FIELDS: usize = 25;
    /// Field name.
    pub const FIELD_NAME: usize = 256;
    /// Field value.
    pub const FIELD_VALUE: usize = 1024;
    /// Embed footer text.
    pub const FOOTER: usize = 2048;
    /// All embed text of one message together.
    pub const EMBED_TOTAL: usize = 6000;
    /// Action rows in one message.
    pub const ROWS: usize = 5;
    /// Buttons in one action row.
    pub const BUTTONS_PER_ROW: usize = 5;
    /// Button label.
    pub const LABEL: usize = 80;
    /// Component custom id.
    pub const CUSTOM_ID: usize = 100;
    /// Autocomplete choices.
    pub const CHOICES: usize = 25;
    /// Autocomplete choice name.
    pub const CHOICE_NAME: usize = 100;
    /// Autocomplete choice value (string options).
    pub const CHOICE_VALUE: usize = 100;
}

/// One message (or interaction response) to send.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    /// Plain message text, if any.
    pub content: Option<String>,
    /// Embeds, in order.
    pub embeds: Vec<Embed>,
    /// Rows of buttons.
    pub rows: Vec<Vec<Button>>,
    /// Only the asking user sees it (interactions only).
    pub ephemeral: bool,
}

/// A rich embed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embed {
    /// Title line.
    pub title: Option<String>,
    /// Body text (markdown).
    pub description: String,
    /// Name/value blocks under the body.
    pub fields: Vec<Field>,
    /// Small print at the bottom.
    pub footer: Option<String>,
    /// Side colour, 0xRRGGBB.
    pub color: u32,
}

/// One embed field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Heading.
    pub name: String,
    /// Body (markdown).
    pub value: String,
}

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    /// Blurple.
    Primary,
    /// Grey.
    Secondary,
}

/// A button that sends an interaction back with its `custom_id`.
#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    /// What the bot gets back when pressed (see `actions`).
    pub custom_id: String,
    /// The visible text.
    pub label: String,
    /// Its look.
    pub style: ButtonStyle,
    /// Shown greyed out.
    pub disabled: bool,
}

/// One autocomplete choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the user sees.
    pub name: String,
    /// What the option receives.
    pub value: String,
}

impl Embed {
    /// Characters that count towards the 6000 total.
    pub fn total_len(&self) -> usize {
        self.title.as_deref().map_or(0, len)
            + len(&self.description)
            + self.footer.as_deref().map_or(0, len)
            + self
                .fields
                .iter()
                .map(|f| len(&f.name) + len(&f.value))
                .sum::<usize>()
    }

    /// Brings the embed within every per-embed limit, dropping trailing fields
    /// first and then cutting the description if the total is still too long.
    pub fn fit(mut self) -> Embed {
        use limits::*;
        self.title = self
            .title
            .map(|t| truncate(&t, TITLE))
            .filter(|t| !t.is_empty());
        self.description = truncate(&self.description, DESCRIPTION);
        self.footer = self
            .footer
            .map(|f| truncate(&f, FOOTER))
            .filter(|f| !f.is_empty());
        self.fields.truncate(FIELDS);
        for f in &mut self.fields {
            f.name = truncate(&f.name, FIELD_NAME);
            f.value = truncate(&f.value, FIELD_VALUE);
        }
        self.fields
            .retain(|f| !f.name.trim().is_empty() && !f.value.trim().is_empty());
        while self.total_len() > EMBED_TOTAL && !self.fields.is_empty() {
            self.fields.pop();
        }
        let excess = self.total_len().saturating_sub(EMBED_TOTAL);
        if excess > 0 {
            let keep = len(&self.description).saturating_sub(excess);
            self.description = truncate(&self.description, keep);
        }
        if self.description.trim().is_empty() && self.title.is_none() && self.fields.is_empty() {
            self.description = "\u{200b}".into();
        }
        self
    }
}

impl Reply {
    /// A short plain-text reply.
    pub fn text(content: &str, ephemeral: bool) -> Reply {
        Reply {
            content: Some(content.to_string()),
            ephemeral,
            ..Reply::default()
        }
        .fit()
    }

    /// A reply holding one embed.
    pub fn embed(embed: Embed, rows: Vec<Vec<Button>>, ephemeral: bool) -> Reply {
        Reply {
            content: None,
            embeds: vec![embed],
            rows,
            ephemeral,
        }
        .fit()
    }

    /// Brings the whole reply within Discord's limits.
    pub fn fit(mut self) -> Reply {
        use limits::*;
        self.content = self
            .content
            .map(|c| truncate(&c, CONTENT))
            .filter(|c| !c.trim().is_empty());
        self.embeds.truncate(EMBEDS);
        self.embeds = self.embeds.into_iter().map(Embed::fit).collect();
        while self.embeds.iter().map(Embed::total_len).sum::<usize>() > EMBED_TOTAL {
            self.embeds.pop();
        }
        let mut seen = std::collections::HashSet::new();
        for row in &mut self.rows {
            row.retain(|b| {
                !b.custom_id.is_empty()
                    && len(&b.custom_id) <= CUSTOM_ID
                    && seen.insert(b.custom_id.clone())
            });
            row.truncate(BUTTONS_PER_ROW);
            for b in row.iter_mut() {
                b.label = truncate(&b.label, LABEL);
                if b.label.trim().is_empty() {
                    b.label = "…".into();
                }
            }
        }
        self.rows.retain(|r| !r.is_empty());
        self.rows.truncate(ROWS);
        if self.content.is_none() && self.embeds.is_empty() {
            self.content = Some("\u{200b}".into());
        }
        self
    }

    /// Every Discord limit this reply must keep; the first one broken, if any.
    pub fn check(&self) -> Result<(), String> {
        use limits::*;
        fn at_most(what: &str, text: &str, max: usize) -> Result<(), String> {
            let n = len(text);
            if n > max {
                return Err(format!("{what} has {n} characters, over {max}"));
            }
            Ok(())
        }
        if self.content.is_none() && self.embeds.is_empty() {
            return Err("the reply is empty".into());
        }
        if let Some(c) = &self.content {
            at_most("content", c, CONTENT)?;
        }
        if self.embeds.len() > EMBEDS {
            return Err(format!("{} embeds", self.embeds.len()));
        }
        let mut total = 0;
        for e in &self.embeds {
            if let Some(t) = &e.title {
                at_most("title", t, TITLE)?;
            }
            at_most("description", &e.description, DESCRIPTION)?;
            if let Some(f) = &e.footer {
                at_most("footer", f, FOOTER)?;
            }
            if e.fields.len() > FIELDS {
                return Err(format!("{} fields", e.fields.len()));
            }
            for f in &e.fields {
                at_most("field name", &f.name, FIELD_NAME)?;
                at_most("field value", &f.value, FIELD_VALUE)?;
                if f.name.trim().is_empty() || f.value.trim().is_empty() {
                    return Err("empty field".into());
                }
            }
            total += e.total_len();
        }
        if total > EMBED_TOTAL {
            return Err(format!(
                "embeds hold {total} characters, over {EMBED_TOTAL}"
            ));
        }
        if self.rows.len() > ROWS {
            return Err(format!("{} action rows", self.rows.len()));
        }
        let mut ids = std::collections::HashSet::new();
        for row in &self.rows {
            if row.is_empty() || row.len() > BUTTONS_PER_ROW {
                return Err(format!("an action row with {} buttons", row.len()));
            }
            for b in row {
                at_most("button label", &b.label, LABEL)?;
                at_most("custom id", &b.custom_id, CUSTOM_ID)?;
                if b.label.is_empty() || b.custom_id.is_empty() {
                    return Err("empty button label or id".into());
                }
                if !ids.insert(&b.custom_id) {
                    return Err(format!("duplicate custom id {}", b.custom_id));
                }
            }
        }
        Ok(())
    }
}

/// Checks autocomplete choices against Discord's limits.
pub fn check_choices(choices: &[Choice]) -> Result<(), String> {
    use limits::*;
    if choices.len() > CHOICES {
        return Err(format!("{} choices", choices.len()));
    }
    for c in choices {
        if c.name.is_empty() || len(&c.name) > CHOICE_NAME {
            return Err(format!("choice name {:?}", c.name));
        }
        if c.value.is_empty() || len(&c.value) > CHOICE_VALUE {
            return Err(format!("choice value {:?}", c.value));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, value: &str) -> Field {
        Field {
            name: name.into(),
            value: value.into(),
        }
    }

    #[test]
    fn fit_cuts_every_part_to_its_limit() {
        let embed = Embed {
            title: Some("t".repeat(1000)),
            description: "d".repeat(10_000),
            fields: (0..40)
                .map(|_| field(&"n".repeat(300), &"v".repeat(2000)))
                .collect(),
            footer: Some("f".repeat(3000)),
            color: 0,
        };
        let reply = Reply {
            content: Some("c".repeat(5000)),
            embeds: vec![embed],
            ..Reply::default()
        }
        .fit();
        reply.check().unwrap();
        assert_eq!(len(reply.content.as_deref().unwrap()), limits::CONTENT);
        assert!(reply.embeds[0].total_len() <= limits::EMBED_TOTAL);
    }

    #[test]
    fn fit_drops_duplicate_and_overlong_buttons() {
        let b = |id: &str| Button {
            custom_id: id.into(),
            label: "x".repeat(200),
            style: ButtonStyle::Primary,
            disabled: false,
        };
        let reply = Reply::embed(
            Embed {
                description: "d".into(),
                ..Embed::default()
            },
            vec![vec![
                b("a"),
                b("a"),
                b(&"z".repeat(101)),
                b("b"),
                b("c"),
                b("d"),
                b("e"),
                b("f"),
            ]],
            false,
        );
        reply.check().unwrap();
        let ids: Vec<_> = reply.rows[0].iter().map(|b| b.custom_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn empty_reply_gets_placeholder_content() {
        let reply = Reply::default().fit();
        reply.check().unwrap();
    }

    #[test]
    fn check_rejects_overlong_choices() {
        assert!(check_choices(&[Choice {
            name: "x".repeat(101),
            value: "v".into()
        }])
        .is_err());
        assert!(check_choices(&vec![
            Choice {
                name: "n".into(),
                value: "v".into()
            };
            26
        ])
        .is_err());
        assert!(check_choices(&[Choice {
            name: "n".into(),
            value: "v".into()
        }])
        .is_ok());
    }
}
