//! Failed REST calls as log lines that name the route, without secrets.
//!
//! Interaction and webhook URLs hold a token that lets anyone answer in the
//! bot's name for 15 minutes: it is replaced by `:token` in every line.

use serenity::all::HttpError;

/// The path of `url` with interaction and webhook tokens replaced:
/// `/api/v10/interactions/123/:token/callback`.
pub fn route(url: &str) -> String {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut out = Vec::new();
    let mut token_at = None;
    for (i, part) in path.split('/').enumerate() {
        if Some(i) == token_at {
            out.push(":token");
            continue;
        }
        if matches!(part, "interactions" | "webhooks") {
            token_at = Some(i + 2);
        }
        out.push(part);
    }
    out.join("/")
}

/// An error and every error that caused it, as one line.
pub fn with_sources(e: &dyn std::error::Error) -> String {
    let mut why = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        why = format!("{why}: {s}");
        source = s.source();
    }
    why
}

/// A serenity error as one line: for an HTTP answer, the status, the method,
/// the route and Discord's message; otherwise serenity's own description.
pub fn describe(e: &serenity::Error) -> String {
    match e {
        // serenity's code -1 means Discord's body held no error it could read.
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.error.code == -1 => {
            format!("{} on {} {}", r.status_code, r.method, route(&r.url))
        }
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => format!(
            "{} on {} {}: {}",
            r.status_code,
            r.method,
            route(&r.url),
            r.error.message
        ),
        serenity::Error::Http(HttpError::Request(r)) => {
            let why = with_sources(r);
            match r.url() {
                Some(url) => why.replace(url.as_str(), &route(url.as_str())),
                None => why,
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_replaced_in_routes() {
        assert_eq!(
            route("http://127.0.0.1:5/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback"),
            "/api/v10/interactions/123/:token/callback"
        );
        assert_eq!(
            route("https://discord.com/api/v10/webhooks/42/tok.en/messages/@original?wait=true"),
            "/api/v10/webhooks/42/:token/messages/@original"
        );
        assert_eq!(
            route("https://discord.com/api/v10/channels/9/messages"),
            "/api/v10/channels/9/messages"
        );
    }
}
