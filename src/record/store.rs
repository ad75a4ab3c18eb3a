//! Where records live: one folder per session under the user's data
//! directory (`KAP_DATA_DIR` overrides it), real sessions and rehearsals in
//! separate trees. Folders are 0700, files 0600. Each session folder holds
//! the journal and a copy of the protocol it ran under, so a record replays
//! the same way even after the protocol file has been edited.

use super::journal::{self, Journal, ReadOutcome};
use crate::protocol::{self, Diagnostic};
use crate::session::{Event, Moment, Refusal, Session, SessionStart};
use std::fmt;
use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const JOURNAL: &str = "journal.jsonl";
pub const PROTOCOL_COPY: &str = "protocol.toml";

#[derive(Debug)]
pub enum RecordError {
    Io(PathBuf, io::Error),
    NoDataDir,
    Protocol(Vec<Diagnostic>),
    Empty(PathBuf),
    Replay {
        path: PathBuf,
        seq: u64,
        refusal: Refusal,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            RecordError::NoDataDir => write!(
                f,
                "no data directory could be found for this user; set KAP_DATA_DIR"
            ),
            RecordError::Protocol(d) => {
                write!(f, "the session's copy of its protocol does not load:")?;
                for d in d.iter().filter(|d| d.is_error()) {
                    write!(f, "\n{d}")?;
                }
                Ok(())
            }
            RecordError::Empty(p) => write!(f, "{}: the journal has no start entry", p.display()),
            RecordError::Replay { path, seq, refusal } => write!(
                f,
                "{}: entry {seq} does not fit the session ({refusal})",
                path.display()
            ),
        }
    }
}

impl std::error::Error for RecordError {}

fn io_err(p: &Path) -> impl FnOnce(io::Error) -> RecordError + '_ {
    move |e| RecordError::Io(p.to_path_buf(), e)
}

/// The data directory and its two trees.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    pub fn at(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    /// `KAP_DATA_DIR`, else the platform's data directory for kap
    /// (e.g. `~/.local/share/kap`).
    pub fn from_env() -> Result<Store, RecordError> {
        if let Some(d) = std::env::var_os("KAP_DATA_DIR").filter(|d| !d.is_empty()) {
            return Ok(Store::at(d));
        }
        directories::ProjectDirs::from("", "", "kap")
            .map(|p| Store::at(p.data_dir()))
            .ok_or(RecordError::NoDataDir)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn tree(&self, rehearsal: bool) -> PathBuf {
        self.root
            .join(if rehearsal { "rehearsal" } else { "sessions" })
    }

    /// Create the folder for a new session, with the protocol's copy and an
    /// empty journal, and write the start event. Returns the open session.
    pub fn create_session(
        &self,
        protocol_text: &str,
        start: SessionStart,
        at: &Moment,
    ) -> Result<OpenSession, RecordError> {
        let loaded = protocol::load_str(Path::new(PROTOCOL_COPY), protocol_text)
            .map_err(RecordError::Protocol)?;
        let protocol = Arc::new(loaded.protocol);
        // Check the start against the protocol before anything touches disk.
        let session = Session::start(Arc::clone(&protocol), start.clone(), at.clone()).map_err(
            |refusal| RecordError::Replay {
                path: self.tree(start.rehearsal),
                seq: 1,
                refusal,
            },
        )?;
        let tree = self.tree(start.rehearsal);
        make_private_dirs(&self.root)?;
        make_private_dirs(&tree)?;
        let base = format!(
            "{}-s{}-{}",
            safe_name(&start.patient),
            start.session,
            at.wall.format("%Y%m%dT%H%M%S")
        );
        let mut dir = tree.join(&base);
        let mut n = 1;
        while dir.exists() {
            n += 1;
            dir = tree.join(format!("{base}-{n}"));
        }
        // Build the folder under a hidden name and rename it into place
        // once the start entry is durable: a crash while creating leaves
        // no half-made session, only a hidden folder that listings skip.
        let building = tree.join(format!(".creating-{base}-{}", std::process::id()));
        if building.exists() {
            std::fs::remove_dir_all(&building).map_err(io_err(&building))?;
        }
        DirBuilder::new()
            .mode(0o700)
            .create(&building)
            .map_err(io_err(&building))?;
        let copy = building.join(PROTOCOL_COPY);
        journal::write_atomic(&copy, protocol_text.as_bytes()).map_err(io_err(&copy))?;
        let jpath = building.join(JOURNAL);
        let mut journal = Journal::create(&jpath, start.rehearsal).map_err(io_err(&jpath))?;
        journal
            .append(&Event::Started(start), at)
            .map_err(io_err(&jpath))?;
        std::fs::rename(&building, &dir).map_err(io_err(&dir))?;
        journal::sync_dir(&tree).map_err(io_err(&tree))?;
        journal.moved_to(dir.join(JOURNAL));
        Ok(OpenSession {
            dir,
            journal,
            session,
            warnings: Vec::new(),
        })
    }

    /// Every session folder in one tree, newest first.
    pub fn list(&self, rehearsal: bool) -> Vec<Listing> {
        let tree = self.tree(rehearsal);
        let Ok(entries) = std::fs::read_dir(&tree) else {
            return Vec::new();
        };
        let mut v: Vec<Listing> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter(|e| e.path().join(JOURNAL).is_file())
            .filter_map(|e| Listing::read(&e.path()))
            .collect();
        v.sort_by_key(|l| std::cmp::Reverse(l.started.wall));
        v
    }

    /// Sessions that were neither closed nor abandoned.
    pub fn unfinished(&self, rehearsal: bool) -> Vec<Listing> {
        self.list(rehearsal)
            .into_iter()
            .filter(|l| !l.finished)
            .collect()
    }

    /// Find a session folder by its id (folder name) in either tree.
    pub fn find(&self, id: &str) -> Option<PathBuf> {
        [false, true]
            .into_iter()
            .map(|r| self.tree(r).join(id))
            .find(|d| d.join(JOURNAL).is_file())
    }
}

/// A line in a list of sessions.
#[derive(Debug, Clone)]
pub struct Listing {
    pub id: String,
    pub dir: PathBuf,
    pub start: SessionStart,
    pub started: Moment,
    pub last: Moment,
    pub events: usize,
    pub finished: bool,
}

impl Listing {
    fn read(dir: &Path) -> Option<Listing> {
        let out = journal::read(&dir.join(JOURNAL)).ok()?;
        let first = out.records.first()?;
        let Event::Started(start) = &first.event else {
            return None;
        };
        let last = out.records.last()?;
        Some(Listing {
            id: dir.file_name()?.to_string_lossy().into_owned(),
            dir: dir.to_path_buf(),
            start: start.clone(),
            started: first.at.clone(),
            last: last.at.clone(),
            events: out.records.len(),
            finished: out
                .records
                .iter()
                .any(|r| matches!(r.event, Event::Closed | Event::Abandoned { .. })),
        })
    }
}

/// A session with its journal open for appending.
#[derive(Debug)]
pub struct OpenSession {
    pub dir: PathBuf,
    pub journal: Journal,
    pub session: Session,
    /// What reading the journal found (a torn last line, …).
    pub warnings: Vec<String>,
}

impl OpenSession {
    /// Reopen a session folder: load the protocol copy, replay the journal,
    /// cut off a torn last line, and get ready to append.
    pub fn open(dir: &Path) -> Result<OpenSession, RecordError> {
        let protocol = protocol_copy(dir)?;
        let jpath = dir.join(JOURNAL);
        let (journal, outcome) = Journal::open(&jpath).map_err(io_err(&jpath))?;
        let session = replay(protocol, &outcome, &jpath)?;
        Ok(OpenSession {
            dir: dir.to_path_buf(),
            journal,
            session,
            warnings: outcome.warnings(&jpath),
        })
    }

    /// Check an event, make it durable, then apply it. On `Ok` the event is
    /// on disk and in the state; on `Err` neither changed.
    pub fn record(&mut self, event: Event, at: &Moment) -> Result<u64, RecordOrRefusal> {
        self.session
            .check(&event, at)
            .map_err(RecordOrRefusal::Refused)?;
        let seq = self
            .journal
            .append(&event, at)
            .map_err(|e| RecordOrRefusal::Disk(RecordError::Io(self.journal.path().into(), e)))?;
        // `check` ran the same code on a copy, so this cannot refuse; if it
        // somehow did, the journal still holds the event and a replay
        // reports it.
        self.session
            .apply(&event, at)
            .map_err(RecordOrRefusal::Refused)?;
        Ok(seq)
    }
}

/// Read a session folder without changing anything (exports, history):
/// a torn last line is skipped and reported, not cut off.
pub fn read_session(dir: &Path) -> Result<(Session, Vec<String>), RecordError> {
    let protocol = protocol_copy(dir)?;
    let jpath = dir.join(JOURNAL);
    let outcome = journal::read(&jpath).map_err(io_err(&jpath))?;
    let session = replay(protocol, &outcome, &jpath)?;
    Ok((session, outcome.warnings(&jpath)))
}

/// The session's own copy of the protocol it ran under.
fn protocol_copy(dir: &Path) -> Result<Arc<protocol::Protocol>, RecordError> {
    let ppath = dir.join(PROTOCOL_COPY);
    let text = std::fs::read_to_string(&ppath).map_err(io_err(&ppath))?;
    let loaded = protocol::load_str(&ppath, &text).map_err(RecordError::Protocol)?;
    Ok(Arc::new(loaded.protocol))
}

/// Why `record` did not save an event.
#[derive(Debug)]
pub enum RecordOrRefusal {
    /// The session refused it (a gate, a missing reason, …).
    Refused(Refusal),
    /// The disk failed: the entry is NOT saved.
    Disk(RecordError),
}

impl fmt::Display for RecordOrRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordOrRefusal::Refused(r) => write!(f, "{r}"),
            RecordOrRefusal::Disk(e) => write!(f, "NOT SAVED — {e}"),
        }
    }
}

/// Rebuild the session from read records.
pub fn replay(
    protocol: Arc<protocol::Protocol>,
    outcome: &ReadOutcome,
    path: &Path,
) -> Result<Session, RecordError> {
    if outcome.records.is_empty() {
        return Err(RecordError::Empty(path.to_path_buf()));
    }
    Session::replay(protocol, outcome.records.iter().map(|r| (&r.event, &r.at))).map_err(
        |(i, refusal)| RecordError::Replay {
            path: path.to_path_buf(),
            seq: outcome.records.get(i).map_or(0, |r| r.seq),
            refusal,
        },
    )
}

/// Create `dir` and any missing parents with mode 0700; tighten `dir`
/// itself to 0700 if it already existed.
pub fn make_private_dirs(dir: &Path) -> Result<(), RecordError> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io_err(dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io_err(dir))
}

/// A patient id as a folder name: letters, digits, `-` and `_` only.
pub fn safe_name(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if s.is_empty() { "patient".into() } else { s }
}
