//! What the bot reads of a message or an option: the text a user typed,
//! without the Discord markup that names no one in the articles.

use factdesk_core::text::clean;

/// A question as the engine matches it: [`clean`], and Discord's mention,
/// channel, custom emoji and timestamp markup (`<@123>`, `<#1>`, `<:x:1>`,
/// `<t:0:R>`, `@everyone`, `@here`) taken out: they name no one in the articles.
pub fn question_text(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    let mut rest: &str = &s;
    while let Some(at) = rest.find(['<', '@']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let markup = if tail.starts_with('<') {
            tail.find('>')
                .filter(|&end| is_discord_markup(&tail[1..end]))
                .map(|end| end + 1)
        } else {
            ["@everyone", "@here"]
                .into_iter()
                .find(|m| tail.starts_with(m))
                .map(str::len)
        };
        match markup {
            Some(len) => {
                out.push(' ');
                rest = &tail[len..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The inside of `<...>` Discord markup: `@123`, `@!123`, `@&123`, `#123`,
/// `:name:123`, `a:name:123`, `t:123` or `t:123:R`.
fn is_discord_markup(inner: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(id) = inner
        .strip_prefix("@!")
        .or_else(|| inner.strip_prefix("@&"))
        .or_else(|| inner.strip_prefix('@'))
        .or_else(|| inner.strip_prefix('#'))
    {
        return digits(id);
    }
    if let Some(t) = inner.strip_prefix("t:") {
        let (time, style) = t.split_once(':').unwrap_or((t, "t"));
        return digits(time) && style.len() == 1 && "tTdDfFR".contains(style);
    }
    let emoji = inner.strip_prefix('a').unwrap_or(inner);
    emoji.strip_prefix(':').is_some_and(|e| {
        e.split_once(':').is_some_and(|(name, id)| {
            !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') && digits(id)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_core::text::squash_whitespace;

    #[test]
    fn discord_markup_is_taken_out_of_questions() {
        let q = question_text(
            "@everyone how <@123> many <@!4><@&5> <#6> shots <:gun:7> <a:x_y:8> <t:9:R> @here?",
        );
        assert_eq!(squash_whitespace(&q), "how many shots ?");
        for kept in [
            "a < b",
            "<@x>",
            "<@>",
            "<t:1:Q>",
            "<:x:>",
            "mail@example.com",
            "@every",
            "<>",
            "<",
        ] {
            assert_eq!(question_text(kept), kept);
        }
        assert_eq!(question_text("x\u{200b}y <@1>"), "xy  ");
    }
}
