//! The log of questions the bot could not answer, for curators: one JSON
//! object a line with the time, the guild (null in DMs) and the question.
//! It never holds user names or ids.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

/// The unanswered log cannot be opened for appending.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot write the unanswered-questions log: {source}. Fix [discord] unanswered_log in the config, or set it to \"\" to turn the log off", path.display())]
pub struct OpenError {
    /// The log's path.
    pub path: PathBuf,
    /// Why.
    pub source: std::io::Error,
}

/// An append-only JSONL file.
#[derive(Debug)]
pub struct UnansweredLog {
    path: PathBuf,
    lock: Mutex<()>,
}

#[derive(Serialize)]
struct Line<'a> {
    time: String,
    guild: Option<String>,
    question: &'a str,
}

/// One line of the log (without the newline).
pub fn line(time: SystemTime, guild: Option<u64>, question: &str) -> String {
    let line = Line {
        time: rfc3339(time),
        guild: guild.map(|g| g.to_string()),
        question,
    };
    serde_json::to_string(&line).expect("a log line always serializes")
}

/// `time` as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = factdesk_core::knowledge::source::civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

impl UnansweredLog {
    /// The log at `path`, or `None` when the path is empty (logging off).
    /// Checks now that the file can be opened for appending.
    pub fn open(path: &Path) -> Result<Option<UnansweredLog>, OpenError> {
        if path.as_os_str().is_empty() {
            return Ok(None);
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|source| OpenError {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Some(UnansweredLog {
            path: path.to_path_buf(),
            lock: Mutex::new(()),
        }))
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one question.
    pub fn append(&self, guild: Option<u64>, question: &str) -> std::io::Result<()> {
        let mut text = line(SystemTime::now(), guild, question);
        text.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?
            .write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_times() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(1_718_000_000)),
            "2024-06-10T06:13:20Z"
        );
    }

    #[test]
    fn lines_hold_time_guild_and_question_only() {
        let l = line(UNIX_EPOCH, Some(42), "What \"is\" it?\n");
        assert_eq!(
            l,
            r#"{"time":"1970-01-01T00:00:00Z","guild":"42","question":"What \"is\" it?\n"}"#
        );
        let l = line(UNIX_EPOCH, None, "q");
        assert!(l.contains(r#""guild":null"#));
    }

    #[test]
    fn appends_lines_and_empty_path_is_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.jsonl");
        let log = UnansweredLog::open(&path).unwrap().unwrap();
        log.append(Some(1), "a").unwrap();
        log.append(None, "b").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(UnansweredLog::open(Path::new("")).unwrap().is_none());
        assert!(UnansweredLog::open(&dir.path().join("missing/dir/u.jsonl")).is_err());
    }
}
