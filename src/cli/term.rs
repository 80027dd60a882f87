//! How answers look in a terminal: colour and bold only when stdout is a
//! terminal and `NO_COLOR` is not set, lines wrapped at word boundaries to
//! the terminal's width (or `COLUMNS`), plain unwrapped text in a pipe.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};
use factdesk_core::{Answer, Status};

/// How to print for the stdout at hand.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    /// Colour and bold on.
    pub color: bool,
    /// The width to wrap at; `None` writes each paragraph on one line.
    pub width: Option<usize>,
}

impl Look {
    /// The look for this process's stdout.
    pub fn stdout() -> Look {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        let width = columns.or_else(|| {
            tty.then(|| {
                terminal_size::terminal_size()
                    .map(|(w, _)| usize::from(w.0))
                    .filter(|&w| w > 0)
            })
            .flatten()
        });
        Look {
            color: tty && !no_color,
            width,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// `text` wrapped at word boundaries, each line after the first indented by `rest`.
    fn wrap(&self, first: &str, rest: &str, text: &str) -> Vec<String> {
        match self.width {
            Some(w) => {
                let options = textwrap::Options::new(w.max(20))
                    .initial_indent(first)
                    .subsequent_indent(rest)
                    .break_words(false);
                textwrap::wrap(text, options)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
            None => vec![format!("{first}{text}")],
        }
    }

    /// `text` wrapped, each line painted with `style` after its indent.
    fn block(&self, out: &mut String, style: Style, first: &str, rest: &str, text: &str) {
        for (i, line) in self.wrap(first, rest, text).into_iter().enumerate() {
            let indent = if i == 0 { first } else { rest };
            let body = line.strip_prefix(indent).unwrap_or(&line);
            out.push_str(indent);
            out.push_str(&self.paint(style, body));
            out.push('\n');
        }
    }

    /// A reply as readable terminal text.
    pub fn render(&self, a: &Answer) -> String {
        let answer = Style::new().bold();
        let quote = Style::new().fg_color(Some(AnsiColor::Cyan.into()));
        let source = Style::new().dimmed();
        let mut s = String::new();
        match a.status {
            Status::Answered => {
                self.block(&mut s, answer, "", "", &a.answer);
                for (i, src) in a.sources.iter().enumerate() {
                    let label = if i == 0 { "Source" } else { "Also" };
                    s.push('\n');
                    self.block(&mut s, quote, "  > ", "    ", &src.quote);
                    let place = src.paragraph.map_or_else(
                        || "caption/headline".to_string(),
                        |p| format!("paragraph {p}"),
                    );
                    // The outlet and date when known: "Title" (Outlet, 2017-11-16).
                    let known: Vec<&str> = [src.outlet.as_deref(), src.published.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    let article = if known.is_empty() {
                        format!("\"{}\"", src.title)
                    } else {
                        format!("\"{}\" ({})", src.title, known.join(", "))
                    };
                    // An article speaking in its own voice needs no "the article." before its title.
                    let line = match src.attribution.as_deref() {
                        Some(who) => format!("{label}: {who}. {article}, {place}."),
                        None => format!("{label}: {article}, {place}."),
                    };
                    self.block(&mut s, source, "  ", "    ", &line);
                }
                self.block(
                    &mut s,
                    source,
                    "  ",
                    "  ",
                    &format!("(confidence {:.2})", a.confidence),
                );
            }
            Status::Unknown => {
                self.block(&mut s, Style::new(), "", "", &a.answer);
                for (i, story) in a.stories.iter().enumerate() {
                    let line = factdesk_core::engine::described(
                        &story.title,
                        story.outlet.as_deref(),
                        story.published.as_deref(),
                    );
                    self.block(
                        &mut s,
                        Style::new(),
                        &format!("  {}. ", i + 1),
                        "     ",
                        &line,
                    );
                }
                if !a.stories.is_empty() {
                    let hint =
                        "Type its number in `factdesk chat`, or ask again with the story's words.";
                    self.block(&mut s, source, "", "", hint);
                }
                if !a.suggestions.is_empty() {
                    s.push_str("You could ask:\n");
                    for q in &a.suggestions {
                        self.block(&mut s, Style::new(), "  - ", "    ", q);
                    }
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_core::Source;

    fn answer() -> Answer {
        Answer {
            question: "q".into(),
            status: Status::Answered,
            answer: "Up to 20.".into(),
            confidence: 0.9,
            sources: vec![Source {
                quote: "South Korean guards fired up to 20 warning shots at a North Korean \
                        military guard post, the officials said."
                    .into(),
                attribution: None,
                article: "a".into(),
                title: "Shots".into(),
                paragraph: Some(1),
                outlet: None,
                published: None,
                url: None,
            }],
            suggestions: vec![],
            stories: Vec::new(),
        }
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let text = Look {
            color: false,
            width: Some(30),
        }
        .render(&answer());
        for line in text.lines() {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        assert!(text.contains("  > South Korean guards fired"), "{text}");
        assert!(text.contains("    "), "{text}");
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(words.contains(&"warning"), "{text}");
    }

    #[test]
    fn plain_and_unwrapped_in_a_pipe() {
        let text = Look::default().render(&answer());
        assert!(!text.contains('\x1b'));
        assert!(text.contains("  > South Korean guards fired up to 20 warning shots at a North Korean military guard post, the officials said.\n"));
        assert!(text.contains("  Source: \"Shots\", paragraph 1."), "{text}");
    }

    #[test]
    fn colour_only_when_asked() {
        let text = Look {
            color: true,
            width: None,
        }
        .render(&answer());
        assert!(text.contains("\x1b[1m"), "{text:?}");
    }
}
