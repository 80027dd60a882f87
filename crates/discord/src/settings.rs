//! What `factdesk run` and `factdesk invite` need, resolved from the config
//! and the environment, with one-line errors that say what to do.

use std::fmt;

use factdesk_service::config::DiscordConfig;

/// The environment variable holding the bot token.
pub const TOKEN_ENV: &str = "DISCORD_TOKEN";
/// The environment variable holding the application's public key (hex).
pub const PUBLIC_KEY_ENV: &str = "DISCORD_PUBLIC_KEY";
/// The environment variable holding another REST base URL.
pub const API_URL_ENV: &str = "FACTDESK_DISCORD_API_URL";

/// A bot token. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The token itself, for serenity only: never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token([redacted])")
    }
}

/// Reads the token from `DISCORD_TOKEN`, else `[discord] token`.
pub fn token(
    config: &DiscordConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Token> {
    let (raw, source) = given_token(config, env).ok_or_else(|| {
        anyhow::anyhow!("no Discord token: set DISCORD_TOKEN or [discord] token in the config")
    })?;
    let token = raw.trim();
    let token = token
        .strip_prefix("Bot ")
        .unwrap_or(token)
        .trim()
        .to_string();
    if serenity::utils::token::validate(&token).is_err() || token.chars().any(char::is_whitespace) {
        anyhow::bail!(
            "the Discord token does not look like a bot token (three parts separated by dots): copy it again from the Bot page of your application in the Discord developer portal into {source}"
        );
    }
    Ok(Token(token))
}

/// Whether a token is given at all (`DISCORD_TOKEN` or `[discord] token`),
/// well-formed or not.
pub fn token_given(config: &DiscordConfig, env: &dyn Fn(&str) -> Option<String>) -> bool {
    given_token(config, env).is_some()
}

fn given_token(
    config: &DiscordConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<(String, &'static str)> {
    env_then_config(
        env,
        TOKEN_ENV,
        &config.token,
        "[discord] token in the config",
    )
}

/// The value of the environment variable `name`, else the config's, blank
/// ones skipped; with where it came from.
fn env_then_config(
    env: &dyn Fn(&str) -> Option<String>,
    name: &'static str,
    configured: &Option<String>,
    config_key: &'static str,
) -> Option<(String, &'static str)> {
    let given = |v: &String| !v.trim().is_empty();
    env(name)
        .filter(given)
        .map(|v| (v, name))
        .or_else(|| configured.clone().filter(given).map(|v| (v, config_key)))
}

/// The application's public key, from `DISCORD_PUBLIC_KEY`, else
/// `[discord] public_key`, checked ([`crate::endpoint::gate::Gate`]).
pub fn public_key(
    config: &DiscordConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<crate::endpoint::gate::Gate> {
    let (key, source) = env_then_config(
        env,
        PUBLIC_KEY_ENV,
        &config.public_key,
        "[discord] public_key in the config",
    )
    .ok_or_else(|| {
            anyhow::anyhow!("no public key: `factdesk serve` checks every request with the application's public key; set DISCORD_PUBLIC_KEY or [discord] public_key to the Public Key shown on the General Information page of your application in the Discord developer portal")
        })?;
    crate::endpoint::gate::Gate::new(&key).map_err(|e| anyhow::anyhow!("{source}: {e}"))
}

/// The REST base URL to use instead of Discord's, from `FACTDESK_DISCORD_API_URL`
/// or `[discord] api_url`, normalised to `scheme://host[:port][/prefix]`
/// (a trailing `/api/v10` is dropped: serenity adds it).
pub fn api_url(
    config: &DiscordConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Option<String>> {
    let Some((url, source)) =
        env_then_config(env, API_URL_ENV, &config.api_url, "[discord] api_url")
    else {
        return Ok(None);
    };
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        anyhow::bail!("{source} {url:?} must start with http:// or https://; fix the value");
    }
    let mut url = url.trim_end_matches('/');
    for suffix in ["/api/v10", "/api"] {
        if let Some(stripped) = url.strip_suffix(suffix) {
            url = stripped;
            break;
        }
    }
    Ok(Some(url.to_string()))
}

/// The application id hidden in a bot token: its first part is the bot's
/// user id in base64, which is the application id of every bot application.
pub fn application_id_from_token(token: &Token) -> Option<u64> {
    let first = token.expose().split('.').next()?;
    let bytes = base64_decode(first)?;
    std::str::from_utf8(&bytes)
        .ok()?
        .parse()
        .ok()
        .filter(|&id| id > 0)
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    Some(out)
}

/// Permissions the bot asks for when invited: View Channel, Send Messages,
/// Send Messages in Threads, Embed Links and Read Message History (to reply
/// to the message that mentions it). Slash commands need none.
pub const INVITE_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 38) | (1 << 14) | (1 << 16);

/// The OAuth2 URL that adds the bot to a server, with the `bot` and
/// `applications.commands` scopes.
pub fn invite(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS}"
    )
}

/// The application id for `factdesk invite`: `[discord] application_id`, else
/// read from the token.
pub fn invite_application_id(
    config: &DiscordConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<u64> {
    if let Some(id) = config.application_id {
        return Ok(id);
    }
    const WHERE: &str = "set [discord] application_id in the config (the Application ID on the General Information page of the Discord developer portal)";
    let has_token = env(TOKEN_ENV).is_some_and(|t| !t.trim().is_empty())
        || config.token.as_ref().is_some_and(|t| !t.trim().is_empty());
    if !has_token {
        anyhow::bail!("no application id: {WHERE}, or set DISCORD_TOKEN");
    }
    // A token is given: when it is malformed, say so rather than ask for one.
    let token = token(config, env)?;
    application_id_from_token(&token).ok_or_else(|| {
        anyhow::anyhow!(
            "no application id: the Discord token's first part does not hold one; {WHERE}, or copy the token again from the Bot page of the developer portal"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.fake-token-secret_value";

    fn env(pairs: &[(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        let pairs = pairs.to_vec();
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn token_comes_from_env_then_config() {
        let mut c = DiscordConfig::default();
        let err = token(&c, &env(&[])).unwrap_err().to_string();
        assert_eq!(
            err,
            "no Discord token: set DISCORD_TOKEN or [discord] token in the config"
        );
        c.token = Some("a.b.configured".into());
        assert_eq!(token(&c, &env(&[])).unwrap().expose(), "a.b.configured");
        assert_eq!(
            token(&c, &env(&[(TOKEN_ENV, TOKEN)])).unwrap().expose(),
            TOKEN
        );
        assert_eq!(
            token(&c, &env(&[(TOKEN_ENV, " ")])).unwrap().expose(),
            "a.b.configured"
        );
        assert_eq!(
            token(&c, &env(&[(TOKEN_ENV, "Bot x.y.z\n")]))
                .unwrap()
                .expose(),
            "x.y.z"
        );
    }

    #[test]
    fn the_public_key_comes_from_env_then_config_and_is_checked() {
        const KEY: &str = "67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089";
        let mut c = DiscordConfig::default();
        let err = public_key(&c, &env(&[])).err().unwrap().to_string();
        assert!(err.contains("set DISCORD_PUBLIC_KEY"), "{err}");
        c.public_key = Some("0123".into());
        let err = public_key(&c, &env(&[])).err().unwrap().to_string();
        assert!(
            err.starts_with(
                "[discord] public_key in the config: the public key must be 64 hex digits"
            ),
            "{err}"
        );
        assert!(public_key(&c, &env(&[(PUBLIC_KEY_ENV, KEY)])).is_ok());
        c.public_key = Some(format!(" {KEY}\n"));
        assert!(public_key(&c, &env(&[])).is_ok());
        assert!(!token_given(&c, &env(&[])));
        assert!(token_given(&c, &env(&[(TOKEN_ENV, "x")])));
    }

    #[test]
    fn malformed_tokens_are_refused_without_echoing_them() {
        let c = DiscordConfig::default();
        let err = token(&c, &env(&[(TOKEN_ENV, "not-a-token")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not look like a bot token"), "{err}");
        assert!(!err.contains("not-a-token"));
    }

    #[test]
    fn invite_with_a_malformed_token_says_so_and_names_where_it_came_from() {
        let mut c = DiscordConfig::default();
        let err = invite_application_id(&c, &env(&[(TOKEN_ENV, "bogus")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not look like a bot token"), "{err}");
        assert!(err.ends_with("into DISCORD_TOKEN"), "{err}");
        assert!(!err.contains("or set DISCORD_TOKEN"), "{err}");
        c.token = Some("bogus".into());
        let err = invite_application_id(&c, &env(&[]))
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("into [discord] token in the config"), "{err}");
    }

    #[test]
    fn token_debug_is_redacted() {
        let t = token(&DiscordConfig::default(), &env(&[(TOKEN_ENV, TOKEN)])).unwrap();
        assert_eq!(format!("{t:?}"), "Token([redacted])");
    }

    #[test]
    fn api_url_is_normalised() {
        let mut c = DiscordConfig::default();
        assert_eq!(api_url(&c, &env(&[])).unwrap(), None);
        c.api_url = Some("http://127.0.0.1:9/api/v10/".into());
        assert_eq!(
            api_url(&c, &env(&[])).unwrap().as_deref(),
            Some("http://127.0.0.1:9")
        );
        let e = env(&[(API_URL_ENV, "https://proxy.example/")]);
        assert_eq!(
            api_url(&c, &e).unwrap().as_deref(),
            Some("https://proxy.example")
        );
        let err = api_url(&c, &env(&[(API_URL_ENV, "localhost:1")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("FACTDESK_DISCORD_API_URL"), "{err}");
    }

    #[test]
    fn application_id_is_read_from_the_token() {
        let t = token(&DiscordConfig::default(), &env(&[(TOKEN_ENV, TOKEN)])).unwrap();
        assert_eq!(application_id_from_token(&t), Some(123_456_789_012_345_678));
    }

    #[test]
    fn invite_url_has_scopes_and_minimal_permissions() {
        let mut c = DiscordConfig::default();
        assert!(invite_application_id(&c, &env(&[]))
            .unwrap_err()
            .to_string()
            .contains("application_id"));
        assert_eq!(
            invite_application_id(&c, &env(&[(TOKEN_ENV, TOKEN)])).unwrap(),
            123_456_789_012_345_678
        );
        c.application_id = Some(42);
        let url = invite(invite_application_id(&c, &env(&[])).unwrap());
        assert_eq!(
            url,
            "https://discord.com/oauth2/authorize?client_id=42&scope=bot+applications.commands&permissions=274877991936"
        );
    }

    #[test]
    fn config_example_documents_valid_keys() {
        let example = include_str!("../../../config.example.toml");
        let uncommented: String = example
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest
                            .split_once(" = ")
                            .is_some_and(|(k, _)| !k.contains(' ')) =>
                {
                    rest
                }
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let config = factdesk_service::config::Config::parse(
            &uncommented,
            std::path::Path::new("config.example.toml"),
        )
        .unwrap();
        let d = &config.discord;
        assert_eq!(d.application_id, Some(123_456_789_012_345_678));
        assert_eq!(d.api_url.as_deref(), Some("http://127.0.0.1:3000"));
        assert_eq!(
            d.shards.map(|s| (s.total, s.first, s.last)),
            Some((4, 0, 1))
        );
        assert_eq!(d.cooldown_seconds, 3.0);
        assert_eq!(config.knowledge.dir, std::path::PathBuf::from("knowledge"));
    }
}
