//! The outbox: each closed session's push state, in a small JSON file in
//! the session's folder (`push.json`), next to the journal and never in
//! it. A closed session without the file is pending: closing a session
//! queues it, with nothing written. The transitions and the retry wait are
//! pure; reading and writing the file (atomically: temporary file, fsync,
//! rename) is at the edge.

use crate::record::fhir_tx::Held;
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The status file's name in a session folder.
pub const STATUS_FILE: &str = crate::record::names::PUSH_STATUS;
/// Largest status file read (it holds a short hash per resource sent: a
/// 50,000-entry record's is a few MiB).
const MAX_STATUS: u64 = 32 * 1024 * 1024;

/// The first wait after a failure; it doubles with each failure after.
pub const FIRST_WAIT_MINUTES: i64 = 5;
/// The longest wait between tries.
pub const LONGEST_WAIT_MINUTES: i64 = 6 * 60;

/// Where a session's push stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum State {
    /// Closed, not sent yet.
    Pending,
    /// The server accepted the transaction.
    Sent(Sent),
    /// The last try failed.
    Failed(Failed),
}

/// What the server said when it accepted the transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    /// When the server's answer came.
    pub at: DateTime<FixedOffset>,
    /// The server's base URL.
    pub server: String,
    /// The HTTP status (200 for a transaction).
    pub http_status: u16,
    /// How long the server took, request to answer, in milliseconds.
    pub elapsed_ms: u64,
    /// The location of each resource, as the server returned it
    /// (`Observation/123/_history/1`), in the Bundle's order.
    pub locations: Vec<String>,
    /// SHA-256 of the Bundle sent, to tell later whether the same was sent.
    pub bundle_sha256: String,
    /// Tries it took, this one included.
    pub attempts: u32,
    /// How many journal entries the record had when it was sent: an
    /// addendum or a correction made later is not on the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_entries: Option<usize>,
    /// The resources the server holds, by kap's id, with the content hash
    /// of what it was given (`fhir_tx::Held`); absent from a file an
    /// earlier kap wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<BTreeMap<String, String>>,
    /// The resources this push updated in place (a conditional update:
    /// the server keeps their earlier version in its history), as the
    /// server located them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updated: Vec<String>,
}

/// The last failure, and when `kap push --all` tries again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failed {
    pub at: DateTime<FixedOffset>,
    pub server: String,
    /// The error, as shown.
    pub error: String,
    /// The HTTP status, when the server answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// Failed tries since the last success (or ever).
    pub attempts: u32,
    /// `kap push --all` waits until then; `kap push SESSION` does not.
    pub next_retry: DateTime<FixedOffset>,
    /// What the server holds as far as kap knows, carried over from the
    /// last success (see [`Sent::resources`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<BTreeMap<String, String>>,
}

/// The status file: a version and the state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    pub version: u32,
    /// The session's id (its folder name), to catch a file copied into
    /// the wrong folder.
    pub session: String,
    #[serde(flatten)]
    pub state: State,
}

impl Status {
    /// Entries the record has gained since it was sent (addenda,
    /// corrections), when it was sent and has gained any.
    pub fn changed_since_sent(&self, entries_now: usize) -> Option<usize> {
        match &self.state {
            State::Sent(Sent {
                journal_entries: Some(n),
                ..
            }) if entries_now > *n => Some(entries_now - n),
            _ => None,
        }
    }

    pub fn pending(session: &str) -> Status {
        Status {
            version: 1,
            session: session.to_string(),
            state: State::Pending,
        }
    }

    /// What the server holds of this record as far as kap knows: nothing
    /// before the first send; not known from a file without hashes.
    pub fn held(&self) -> Held {
        let known = match &self.state {
            State::Pending => return Held::Known(BTreeMap::new()),
            State::Sent(x) => &x.resources,
            State::Failed(f) => &f.resources,
        };
        known.clone().map_or(Held::Unknown, Held::Known)
    }

    /// Failed tries before this one, since the last success.
    fn failures(&self) -> u32 {
        match &self.state {
            State::Failed(f) => f.attempts,
            _ => 0,
        }
    }

    /// One word for lists: `pending`, `sent`, `failed`.
    pub fn word(&self) -> &'static str {
        match self.state {
            State::Pending => "pending",
            State::Sent(_) => "sent",
            State::Failed(_) => "failed",
        }
    }

    /// Whether `kap push --all` sends it at `now`, its journal holding
    /// `entries_now` entries: pending; sent, and given entries since
    /// (an addendum, a co-signature); or failed and its wait is over (or
    /// `ignore_wait`).
    pub fn due(&self, now: DateTime<FixedOffset>, ignore_wait: bool, entries_now: usize) -> bool {
        match &self.state {
            State::Pending => true,
            State::Sent(_) => self.changed_since_sent(entries_now).is_some(),
            State::Failed(f) => ignore_wait || f.next_retry <= now,
        }
    }
}

/// What one try came to, as the shell hands it over.
#[derive(Debug, Clone, PartialEq)]
pub enum Attempt {
    Accepted {
        http_status: u16,
        elapsed_ms: u64,
        locations: Vec<String>,
        bundle_sha256: String,
        journal_entries: usize,
        /// Each resource sent, by kap's id, with its content hash.
        resources: BTreeMap<String, String>,
        /// The locations of those sent as updates.
        updated: Vec<String>,
    },
    Refused {
        error: String,
        http_status: Option<u16>,
        /// What the server holds now, as far as kap knows.
        held: Held,
    },
}

fn known(h: Held) -> Option<BTreeMap<String, String>> {
    match h {
        Held::Known(m) => Some(m),
        Held::Unknown => None,
    }
}

/// The wait after the `n`th failure in a row: 5 min, 10, 20, … at most 6 h.
pub fn wait_after(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    let minutes = (FIRST_WAIT_MINUTES << doublings).min(LONGEST_WAIT_MINUTES);
    Duration::minutes(minutes)
}

/// The state after a try at `now` to `server`.
pub fn after(prev: &Status, attempt: Attempt, server: &str, now: DateTime<FixedOffset>) -> Status {
    let tries = prev.failures() + 1;
    let state = match attempt {
        Attempt::Accepted {
            http_status,
            elapsed_ms,
            locations,
            bundle_sha256,
            journal_entries,
            resources,
            updated,
        } => State::Sent(Sent {
            at: now,
            server: server.to_string(),
            http_status,
            elapsed_ms,
            locations,
            bundle_sha256,
            attempts: tries,
            journal_entries: Some(journal_entries),
            resources: Some(resources),
            updated,
        }),
        Attempt::Refused {
            error,
            http_status,
            held,
        } => State::Failed(Failed {
            at: now,
            server: server.to_string(),
            error,
            http_status,
            attempts: tries,
            next_retry: now + wait_after(tries),
            resources: known(held),
        }),
    };
    Status {
        version: 1,
        session: prev.session.clone(),
        state,
    }
}

/// One line for `kap push --status`.
pub fn describe(s: &Status, lang: crate::i18n::Lang) -> String {
    match &s.state {
        // The first word (pending, sent, failed) stays English in every
        // language: scripts read it.
        State::Pending => crate::say!(lang, "push-describe-pending"),
        State::Sent(x) => crate::say!(
            lang,
            "push-describe-sent",
            at = x.at.format("%Y-%m-%d %H:%M %:z").to_string(),
            server = x.server.as_str(),
            status = x.http_status.to_string(),
            ms = x.elapsed_ms.to_string(),
            resources = x.locations.len(),
            tries = x.attempts
        ),
        State::Failed(f) => crate::say!(
            lang,
            "push-describe-failed",
            tries = f.attempts,
            at = f.at.format("%Y-%m-%d %H:%M").to_string(),
            error = f.error.lines().next().unwrap_or(""),
            next = f.next_retry.format("%Y-%m-%d %H:%M").to_string()
        ),
    }
}

/// The status file of a session folder.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(STATUS_FILE)
}

/// Read a session's status: pending when there is no file.
pub fn read(dir: &Path, session: &str, lang: crate::i18n::Lang) -> Result<Status, String> {
    let p = path(dir);
    match std::fs::symlink_metadata(&p) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Status::pending(session)),
        Err(e) => return Err(format!("{}: {e}", p.display())),
        Ok(_) => {}
    }
    let bytes = crate::input::read_limited(&p, MAX_STATUS)
        .map_err(|e| format!("{}: {}", p.display(), crate::i18n::say_io(&e, lang)))?;
    let s: Status = serde_json::from_slice(&bytes).map_err(|e| {
        crate::say!(
            lang,
            "push-not-status-file",
            file = p.display().to_string(),
            error = e.to_string()
        )
    })?;
    if s.session != session {
        return Err(crate::say!(
            lang,
            "push-status-other-session",
            file = p.display().to_string(),
            session = crate::text::clean_line(&s.session)
        ));
    }
    Ok(s)
}

/// Write a session's status atomically and durably (never the journal).
pub fn write(dir: &Path, s: &Status) -> Result<(), String> {
    let p = path(dir);
    let mut text = serde_json::to_string_pretty(s).map_err(|e| format!("{}: {e}", p.display()))?;
    text.push('\n');
    crate::record::journal::write_atomic(&p, text.as_bytes())
        .map_err(|e| format!("{}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn refused() -> Attempt {
        Attempt::Refused {
            error: "connection refused".into(),
            http_status: None,
            held: Held::Known(BTreeMap::new()),
        }
    }

    #[test]
    fn the_wait_doubles_from_five_minutes_up_to_six_hours() {
        let m: Vec<i64> = (1..=9).map(|n| wait_after(n).num_minutes()).collect();
        assert_eq!(m, [5, 10, 20, 40, 80, 160, 320, 360, 360]);
        assert_eq!(wait_after(u32::MAX).num_minutes(), 360);
    }

    #[test]
    fn failures_count_up_and_a_success_records_the_tries() {
        let now = t("2026-03-02T10:00:00+01:00");
        let s0 = Status::pending("p-s1-x");
        assert!(s0.due(now, false, 30));
        let s1 = after(&s0, refused(), "https://h", now);
        let State::Failed(f) = &s1.state else {
            panic!()
        };
        assert_eq!(f.attempts, 1);
        assert_eq!(f.next_retry, t("2026-03-02T10:05:00+01:00"));
        assert!(!s1.due(t("2026-03-02T10:04:59+01:00"), false, 30));
        assert!(s1.due(t("2026-03-02T10:04:59+01:00"), true, 30));
        assert!(s1.due(t("2026-03-02T10:05:00+01:00"), false, 30));
        let s2 = after(&s1, refused(), "https://h", now);
        let State::Failed(f) = &s2.state else {
            panic!()
        };
        assert_eq!(
            (f.attempts, f.next_retry),
            (2, t("2026-03-02T10:10:00+01:00"))
        );
        let ok = Attempt::Accepted {
            http_status: 200,
            elapsed_ms: 12,
            locations: vec!["Patient/1/_history/1".into()],
            bundle_sha256: "ab".into(),
            journal_entries: 30,
            resources: [("r1".to_string(), "0a".to_string())].into(),
            updated: Vec::new(),
        };
        let s3 = after(&s2, ok.clone(), "https://h", now);
        assert_eq!(s3.word(), "sent");
        let State::Sent(x) = &s3.state else { panic!() };
        assert_eq!(x.attempts, 3);
        assert_eq!(
            s3.held(),
            Held::Known([("r1".to_string(), "0a".to_string())].into())
        );
        // A failure after it keeps what the server holds.
        let s4 = after(
            &s3,
            Attempt::Refused {
                error: "HTTP 503".into(),
                http_status: Some(503),
                held: s3.held(),
            },
            "https://h",
            now,
        );
        assert_eq!(s4.held(), s3.held());
        assert_eq!(s0.held(), Held::Known(BTreeMap::new()));
        assert_eq!(s3.changed_since_sent(30), None);
        assert_eq!(s3.changed_since_sent(32), Some(2), "two entries since");
        assert_eq!(s2.changed_since_sent(32), None, "never sent");
        assert!(
            !s3.due(now, true, 30),
            "a sent session is not sent again by --all"
        );
        assert!(
            s3.due(now, false, 31),
            "a sent session given an entry since (an addendum) is sent again by --all"
        );
        // Sent again by hand: one try.
        let State::Sent(x) = after(&s3, ok, "https://h", now).state else {
            panic!()
        };
        assert_eq!(x.attempts, 1);
    }

    #[test]
    fn a_file_an_earlier_kap_wrote_holds_resources_not_known() {
        // Sent by a kap that kept no content hashes: every resource kap
        // writes is updated on the next push.
        let old = r#"{"version":1,"session":"a","state":"sent","at":"2026-03-02T10:00:00+01:00",
            "server":"https://h","http_status":200,"elapsed_ms":5,"locations":["Patient/1/_history/1"],
            "bundle_sha256":"ab","attempts":1,"journal_entries":30}"#;
        let s: Status = serde_json::from_str(old).unwrap();
        assert_eq!(s.held(), Held::Unknown);
        assert!(s.due(t("2026-03-02T10:00:00+01:00"), false, 31));
        assert!(!s.due(t("2026-03-02T10:00:00+01:00"), false, 30));
        let failed = after(
            &s,
            Attempt::Refused {
                error: "HTTP 500".into(),
                http_status: Some(500),
                held: s.held(),
            },
            "https://h",
            t("2026-03-02T11:00:00+01:00"),
        );
        assert_eq!(failed.held(), Held::Unknown, "still not known");
        let text = serde_json::to_string(&failed).unwrap();
        assert!(!text.contains("resources"), "{text}");
    }

    #[test]
    fn the_status_file_round_trips_and_belongs_to_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read(dir.path(), "a", crate::i18n::Lang::En).unwrap(),
            Status::pending("a")
        );
        let now = t("2026-03-02T10:00:00+01:00");
        let failed = after(
            &Status::pending("a"),
            Attempt::Refused {
                error: "HTTP 422: error invalid — bad code".into(),
                http_status: Some(422),
                held: Held::Unknown,
            },
            "https://h",
            now,
        );
        write(dir.path(), &failed).unwrap();
        assert_eq!(
            read(dir.path(), "a", crate::i18n::Lang::En).unwrap(),
            failed
        );
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        assert!(text.contains("\"state\": \"failed\""), "{text}");
        let sent = after(
            &failed,
            Attempt::Accepted {
                http_status: 200,
                elapsed_ms: 40,
                locations: vec!["Observation/9/_history/1".into()],
                bundle_sha256: "cd".into(),
                journal_entries: 12,
                resources: [("r1".to_string(), "0a".to_string())].into(),
                updated: vec!["Observation/9/_history/2".into()],
            },
            "https://h",
            now,
        );
        write(dir.path(), &sent).unwrap();
        assert_eq!(read(dir.path(), "a", crate::i18n::Lang::En).unwrap(), sent);
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path(dir.path()))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(
            read(dir.path(), "b", crate::i18n::Lang::En)
                .unwrap_err()
                .contains("for session \"a\"")
        );
        std::fs::write(path(dir.path()), "{").unwrap();
        assert!(
            read(dir.path(), "a", crate::i18n::Lang::En)
                .unwrap_err()
                .contains("not a push status file")
        );
    }
}
