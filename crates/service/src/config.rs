//! The configuration file (`factdesk.toml`), every key optional.
//!
//! `config.example.toml` documents each key. Unknown keys are an error that
//! names the nearest valid key, so a typo never turns into a silent default.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What stands in for the token wherever it would be shown.
pub const REDACTED: &str = "[redacted]";

/// Everything factdesk can be configured with.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where the knowledge base lives.
    pub knowledge: KnowledgeConfig,
    /// The Discord bot.
    pub discord: DiscordConfig,
    /// News feeds to follow (`[[feeds]]`).
    pub feeds: Vec<FeedConfig>,
    /// Fetching pages and feeds (`factdesk add`, `sync`, `run`).
    pub fetch: FetchConfig,
    /// The HTTP interactions endpoint (`factdesk serve`).
    pub http: HttpConfig,
}

/// `[http]`: the interactions endpoint `factdesk serve` runs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpConfig {
    /// The address to listen on (default `127.0.0.1:8080`); `--listen` takes precedence.
    pub listen: String,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".to_string(),
        }
    }
}

/// `[knowledge]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KnowledgeConfig {
    /// The knowledge directory (default `knowledge`, relative to the working directory).
    pub dir: PathBuf,
    /// Retire added articles older than this many days from answering (kept on disk).
    pub keep_days: Option<u32>,
}

impl Default for KnowledgeConfig {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("knowledge"),
            keep_days: None,
        }
    }
}

impl KnowledgeConfig {
    /// Which articles answer.
    pub fn retention(&self) -> factdesk_store::Retention {
        factdesk_store::Retention::days(self.keep_days)
    }
}

/// One `[[feeds]]` entry: an RSS 2.0 or Atom feed whose new items are added.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    /// The feed's URL (http or https).
    pub url: String,
    /// Minutes between two fetches while `factdesk run` serves (default 30; fractions allowed).
    #[serde(default = "default_interval")]
    pub interval_minutes: f64,
}

fn default_interval() -> f64 {
    30.0
}

/// `[fetch]`: limits on what is fetched from the web.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FetchConfig {
    /// Seconds a fetch may take, connecting included (default 20).
    pub timeout_seconds: f64,
    /// The largest page or feed read, in bytes (default 5 000 000).
    pub max_bytes: u64,
    /// Redirects followed before giving up (default 5).
    pub max_redirects: u32,
    /// The User-Agent header sent (default `factdesk/<version>`).
    pub user_agent: Option<String>,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            timeout_seconds: 20.0,
            max_bytes: 5_000_000,
            max_redirects: 5,
            user_agent: None,
        }
    }
}

/// `[discord]`
#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiscordConfig {
    /// The bot token; `DISCORD_TOKEN` in the environment takes precedence.
    pub token: Option<String>,
    /// The application id, for `factdesk invite` (read from the token when absent).
    pub application_id: Option<u64>,
    /// The application's public key (hex), which signs the requests of
    /// `factdesk serve`'s endpoint; `DISCORD_PUBLIC_KEY` takes precedence.
    pub public_key: Option<String>,
    /// Another REST base URL (an HTTP proxy or a test double); `FACTDESK_DISCORD_API_URL` takes precedence.
    pub api_url: Option<String>,
    /// Register the slash commands in this guild only (instant, for development).
    pub guild_id: Option<u64>,
    /// Seconds a user waits between two questions (0 turns the cooldown off).
    pub cooldown_seconds: f64,
    /// Minutes a user's last answer in a channel (or DM) is kept for
    /// follow-up questions ("who said that?", "and the civilians?"); 0 turns
    /// follow-ups off.
    pub followup_minutes: f64,
    /// JSONL file where unanswered questions are appended for curators (empty string: off).
    pub unanswered_log: PathBuf,
    /// Run a part of a sharded bot; absent means autosharding.
    pub shards: Option<ShardsConfig>,
    /// User ids who may run `/reload` besides the application's owner (or,
    /// for an application owned by a team, the team's owner, admins and developers).
    pub owners: Vec<u64>,
}

impl std::fmt::Debug for DiscordConfig {
    /// Never prints the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordConfig")
            .field("token", &self.token.as_ref().map(|_| REDACTED))
            .field("application_id", &self.application_id)
            .field("public_key", &self.public_key)
            .field("api_url", &self.api_url)
            .field("guild_id", &self.guild_id)
            .field("cooldown_seconds", &self.cooldown_seconds)
            .field("followup_minutes", &self.followup_minutes)
            .field("unanswered_log", &self.unanswered_log)
            .field("shards", &self.shards)
            .field("owners", &self.owners)
            .finish()
    }
}

impl DiscordConfig {
    /// The follow-up conversations `followup_minutes` asks for; `None` when off.
    pub fn followups(&self) -> Option<crate::followups::Followups> {
        (self.followup_minutes > 0.0).then(|| {
            crate::followups::Followups::new(std::time::Duration::from_secs_f64(
                self.followup_minutes * 60.0,
            ))
        })
    }
}

impl Default for DiscordConfig {
    fn default() -> Self {
        Self {
            token: None,
            application_id: None,
            public_key: None,
            api_url: None,
            guild_id: None,
            cooldown_seconds: 3.0,
            followup_minutes: 10.0,
            unanswered_log: PathBuf::from("unanswered.jsonl"),
            shards: None,
            owners: Vec::new(),
        }
    }
}

/// `[discord.shards]`: this process runs shards `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardsConfig {
    /// How many shards the whole bot has.
    pub total: u32,
    /// The first shard this process runs (0-based).
    pub first: u32,
    /// The last shard this process runs (inclusive).
    pub last: u32,
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    /// (The fix depends on how the file was named: the caller adds it.)
    #[error("{path}: cannot read the config file: {cause}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why, as a sentence (not a `source`: the message already says it, once).
        cause: String,
    },
    /// The file is not valid or holds a bad key or value.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// Every key the config accepts, for "did you mean" hints.
const KNOWN_KEYS: &[&str] = &[
    "knowledge",
    "dir",
    "discord",
    "token",
    "application_id",
    "public_key",
    "http",
    "listen",
    "api_url",
    "guild_id",
    "cooldown_seconds",
    "followup_minutes",
    "unanswered_log",
    "shards",
    "owners",
    "total",
    "first",
    "last",
    "keep_days",
    "feeds",
    "url",
    "interval_minutes",
    "fetch",
    "timeout_seconds",
    "max_bytes",
    "max_redirects",
    "user_agent",
];

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let read = |cause: String| ConfigError::Read {
            path: path.to_path_buf(),
            cause,
        };
        let bytes = std::fs::read(path).map_err(|e| read(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = factdesk_core::text::line_of(
                std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default(),
                at,
            );
            read(format!(
                "it is not UTF-8 text (line {line}, byte {at}); save it as UTF-8"
            ))
        })?;
        Self::parse(&text, path)
    }

    /// Parses config text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: factdesk_core::text::line_of(text, e.span().map_or(0, |s| s.start)),
            message: explain_toml_error(e.message()),
        })?;
        config
            .validate()
            .map_err(|(key, message)| ConfigError::Invalid {
                path: path.to_path_buf(),
                line: line_of_key(text, key),
                message,
            })?;
        Ok(config)
    }

    /// Warnings about a loaded config file: a token in a file other users can read.
    pub fn warnings(&self, path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        if self.discord.token.is_some() && readable_by_others(path) {
            out.push(format!(
                "{}: holds the bot token and other users can read it; run `chmod 600 {}` or use DISCORD_TOKEN instead",
                path.display(),
                path.display()
            ));
        }
        out
    }

    fn validate(&self) -> Result<(), (&'static str, String)> {
        for feed in &self.feeds {
            if !(feed.url.starts_with("http://") || feed.url.starts_with("https://")) {
                return Err((
                    "url",
                    format!(
                        "feed url {:?} must start with http:// or https://; fix the value",
                        feed.url
                    ),
                ));
            }
            if !(feed.interval_minutes.is_finite()
                && (0.01..=10_080.0).contains(&feed.interval_minutes))
            {
                return Err((
                    "interval_minutes",
                    "interval_minutes must be between 0.01 and 10080 (a week); fix the value"
                        .into(),
                ));
            }
        }
        if self.http.listen.parse::<std::net::SocketAddr>().is_err() {
            return Err((
                "listen",
                format!(
                    "listen {:?} is not an address and port such as \"127.0.0.1:8080\" or \"0.0.0.0:8080\"; fix the value",
                    self.http.listen
                ),
            ));
        }
        let f = &self.fetch;
        if !(f.timeout_seconds.is_finite() && (0.05..=600.0).contains(&f.timeout_seconds)) {
            return Err((
                "timeout_seconds",
                "timeout_seconds must be between 0.05 and 600; fix the value".into(),
            ));
        }
        if f.max_bytes < 1024 {
            return Err((
                "max_bytes",
                "max_bytes must be at least 1024; fix the value".into(),
            ));
        }
        if self.knowledge.keep_days == Some(0) {
            return Err((
                "keep_days",
                "keep_days must be at least 1 (remove it to keep every article); fix the value"
                    .into(),
            ));
        }
        let d = &self.discord;
        if !(d.cooldown_seconds.is_finite() && (0.0..=3600.0).contains(&d.cooldown_seconds)) {
            return Err((
                "cooldown_seconds",
                "cooldown_seconds must be between 0 and 3600; fix the value".into(),
            ));
        }
        if !(d.followup_minutes.is_finite() && (0.0..=1440.0).contains(&d.followup_minutes)) {
            return Err((
                "followup_minutes",
                "followup_minutes must be between 0 (off) and 1440 (a day); fix the value".into(),
            ));
        }
        if let Some(url) = &d.api_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err((
                    "api_url",
                    format!("api_url {url:?} must start with http:// or https://; fix the value"),
                ));
            }
        }
        if let Some(s) = d.shards {
            if s.total == 0 || s.first > s.last || s.last >= s.total {
                return Err((
                    "shards",
                    format!(
                        "[discord.shards] needs 0 <= first <= last < total (got first = {}, last = {}, total = {}); fix the values",
                        s.first, s.last, s.total
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> bool {
    false
}

/// Turns toml/serde's message into one that says what to do.
fn explain_toml_error(message: &str) -> String {
    let message = factdesk_core::text::one_line_message(message);
    let message = message.as_str();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        // A key cut short (`interval` for `interval_minutes`) is nearest to
        // the key it begins; otherwise the fewest edits.
        let nearest = KNOWN_KEYS
            .iter()
            .find(|k| key.len() >= 4 && k.starts_with(key))
            .copied()
            .or_else(|| {
                KNOWN_KEYS
                    .iter()
                    .map(|k| (strsim::damerau_levenshtein(key, k), *k))
                    .min()
                    .map(|(_, k)| k)
            })
            .unwrap_or("dir");
        return format!(
            "unknown key `{key}`; did you mean `{nearest}`? See config.example.toml for every key"
        );
    }
    format!(
        "{}; see config.example.toml for the expected format",
        plain_types(message)
    )
}

/// The parser's Rust type names as a reader says them ("expected f64": "expected a number").
fn plain_types(message: &str) -> String {
    let mut out = message.to_string();
    for (rust, plain) in [
        ("f64", "a number"),
        ("f32", "a number"),
        ("usize", "a whole number, 0 or more"),
        ("u64", "a whole number, 0 or more"),
        ("u32", "a whole number, 0 or more"),
        ("u16", "a whole number, 0 or more"),
        ("u8", "a whole number, 0 or more"),
        ("i64", "a whole number"),
        ("i32", "a whole number"),
        ("bool", "true or false"),
        ("a boolean", "true or false"),
    ] {
        out = out.replace(&format!("expected {rust}"), &format!("expected {plain}"));
    }
    out
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) || l.starts_with(&format!("[discord.{key}"))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let c = Config::parse("", Path::new("f.toml")).unwrap();
        assert_eq!(c.knowledge.dir, PathBuf::from("knowledge"));
        assert_eq!(c.discord.cooldown_seconds, 3.0);
        assert_eq!(c.discord.followup_minutes, 10.0);
        assert!(c.discord.followups().is_some());
        assert!(c.discord.shards.is_none());
    }

    #[test]
    fn followups_are_off_at_zero_and_bounded() {
        let off = Config::parse(
            "[discord]
followup_minutes = 0
",
            Path::new("f.toml"),
        )
        .unwrap();
        assert!(off.discord.followups().is_none());
        for bad in ["-1", "2000", "nan"] {
            let err = Config::parse(
                &format!("[discord]\nfollowup_minutes = {bad}\n"),
                Path::new("f.toml"),
            )
            .unwrap_err()
            .to_string();
            assert!(err.contains("followup_minutes must be between 0"), "{err}");
        }
    }

    #[test]
    fn the_endpoint_listens_on_loopback_unless_told() {
        let c = Config::parse("", Path::new("f.toml")).unwrap();
        assert_eq!(c.http.listen, "127.0.0.1:8080");
        let c = Config::parse(
            "[http]\nlisten = \"0.0.0.0:9000\"\n[discord]\npublic_key = \"ab\"\n",
            Path::new("f.toml"),
        )
        .unwrap();
        assert_eq!(c.http.listen, "0.0.0.0:9000");
        assert_eq!(c.discord.public_key.as_deref(), Some("ab"));
        let err = Config::parse("[http]\nlisten = \"localhost\"\n", Path::new("f.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.toml:2: listen \"localhost\""), "{err}");
    }

    #[test]
    fn unknown_key_names_the_nearest_and_the_line() {
        let err =
            Config::parse("[discord]\ncooldown_second = 2\n", Path::new("f.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("f.toml:2:"), "{msg}");
        assert!(msg.contains("did you mean `cooldown_seconds`"), "{msg}");
    }

    #[test]
    fn malformed_toml_is_one_line_with_the_line() {
        let err = Config::parse("[knowledge]\ndir = \"k\"\n[discord\n", Path::new("f.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.toml:3: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
        assert!(err.contains("see config.example.toml"), "{err}");
    }

    #[test]
    fn owners_are_user_ids() {
        let c = Config::parse("[discord]\nowners = [1, 22]\n", Path::new("c.toml")).unwrap();
        assert_eq!(c.discord.owners, [1, 22]);
        let err = Config::parse("[discord]\nowners = [\"me\"]\n", Path::new("c.toml"));
        assert!(err.unwrap_err().to_string().starts_with("c.toml:2:"));
    }

    #[test]
    fn bad_shards_are_rejected() {
        let err = Config::parse(
            "[discord.shards]\ntotal = 2\nfirst = 1\nlast = 2\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("first <= last < total"), "{err}");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let c = Config::parse(
            "[discord]\ntoken = \"sekret.token.value\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("sekret"), "{shown}");
        assert!(shown.contains(REDACTED));
    }

    #[cfg(unix)]
    #[test]
    fn a_token_in_a_file_others_can_read_is_warned_about() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factdesk.toml");
        std::fs::write(&path, "[discord]\ntoken = \"abc\"\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let config = Config::load(&path).unwrap();
        let warnings = config.warnings(&path);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("chmod 600"), "{warnings:?}");
        assert!(!warnings[0].contains("abc"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(config.warnings(&path).is_empty());
        let no_token = dir.path().join("other.toml");
        std::fs::write(&no_token, "[discord]\ncooldown_seconds = 1\n").unwrap();
        std::fs::set_permissions(&no_token, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(Config::load(&no_token)
            .unwrap()
            .warnings(&no_token)
            .is_empty());
    }

    #[test]
    fn feeds_fetch_limits_and_retention() {
        let c = Config::parse(
            "[knowledge]\nkeep_days = 30\n\n[[feeds]]\nurl = \"https://example.com/rss\"\n\n[[feeds]]\nurl = \"http://example.com/atom\"\ninterval_minutes = 0.5\n\n[fetch]\ntimeout_seconds = 3\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.knowledge.keep_days, Some(30));
        assert_eq!(c.feeds.len(), 2);
        assert_eq!(c.feeds[0].interval_minutes, 30.0);
        assert_eq!(c.feeds[1].interval_minutes, 0.5);
        assert_eq!(c.fetch.timeout_seconds, 3.0);
        assert_eq!(c.fetch.max_bytes, 5_000_000);
        let err = Config::parse("[[feeds]]\nurl = \"ftp://x\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:") && err.contains("http://"),
            "{err}"
        );
        let err = Config::parse(
            "[[feeds]]\nurl = \"http://x\"\ninterval = 3\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("did you mean `interval_minutes`"), "{err}");
        let err = Config::parse("[knowledge]\nkeep_days = 0\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:2:"), "{err}");
    }

    #[test]
    fn type_errors_name_no_rust_type() {
        assert_eq!(
            plain_types("invalid type: string \"x\", expected f64"),
            "invalid type: string \"x\", expected a number"
        );
        assert_eq!(
            plain_types("invalid value: integer `-1`, expected u64"),
            "invalid value: integer `-1`, expected a whole number, 0 or more"
        );
    }

    #[test]
    fn a_config_that_is_not_utf8_says_so_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factdesk.toml");
        std::fs::write(&path, b"[knowledge]\ndir = \"caf\xe9\"\n").unwrap();
        let err = Config::load(&path).unwrap_err();
        // As the binary prints it: the message, then each cause.
        let mut text = err.to_string();
        let mut cause = std::error::Error::source(&err);
        while let Some(c) = cause {
            text.push_str(&format!(": {c}"));
            cause = c.source();
        }
        assert!(text.contains("not UTF-8 text (line 2"), "{text}");
        assert_eq!(text.matches("UTF-8").count(), 2, "{text}");
        assert!(!text.contains("--config"), "{text}");
    }

    #[test]
    fn bad_api_url_is_rejected() {
        let err = Config::parse(
            "[discord]\napi_url = \"localhost:1\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("http://"), "{err}");
    }
}
