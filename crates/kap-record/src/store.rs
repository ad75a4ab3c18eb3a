//! Where records live: one folder per session under the user's data
//! directory (`KAP_DATA_DIR` overrides it), real sessions and rehearsals in
//! separate trees. Folders are 0700, files 0600. Each session folder holds
//! the journal and a copy of the protocol it ran under, so a record replays
//! the same way even after the protocol file has been edited.

use super::journal::{self, Journal};
pub use super::listing::{Listing, Scan, Startless, Unreadable};
use super::lock::{LockError, SessionLock};
pub use super::replay::{ReadSession, read_session, read_session_mending, replay};
use super::verdict::Verdict;
use super::verify::{NewerSchema, Problem};
use crate::i18n::Phrase;
use crate::protocol::{self, Diagnostic};
use crate::session::{Event, Moment, Refusal, Session, SessionStart};
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
    /// Another process has the session open.
    Locked(LockError),
    /// The journal was written by a newer kap.
    Newer(PathBuf, NewerSchema),
    /// A session id that is not a plain folder name.
    BadId(String),
    /// The journal's first readable entry is not the session's start.
    NoStart {
        path: PathBuf,
        line: usize,
    },
    /// The record is damaged (`verdict`): it is not continued.
    Damaged {
        dir: PathBuf,
        verdict: Verdict,
    },
}

impl RecordError {
    /// What went wrong, in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        self.words().say(lang)
    }

    /// What went wrong, as a phrase (kept by what reports it later, such
    /// as a course's folders left out).
    pub fn words(&self) -> Phrase {
        let file = |p: &Path| p.display().to_string();
        match self {
            RecordError::Io(p, e) => Phrase::Seq(vec![
                format!("{}: ", p.display()).into(),
                crate::i18n::io_words(e),
            ]),
            RecordError::NoDataDir => crate::phrase!("record-no-data-dir"),
            RecordError::Protocol(d) => {
                let mut s = vec![crate::phrase!("record-protocol-copy")];
                for d in d.iter().filter(|d| d.is_error()) {
                    s.push("\n".into());
                    s.push(d.words());
                }
                Phrase::Seq(s)
            }
            RecordError::Empty(p) => crate::phrase!("record-no-start-entry", file = file(p)),
            RecordError::Replay { path, seq, refusal } => crate::phrase!(
                "record-replay-refused",
                file = file(path),
                entry = seq.to_string(),
                refusal = refusal.message_and_holds()
            ),
            RecordError::Locked(e) => e.words(),
            RecordError::Newer(p, n) => {
                Phrase::Seq(vec![format!("{}: ", p.display()).into(), n.words()])
            }
            RecordError::BadId(id) => {
                crate::phrase!("record-bad-id", id = crate::text::clean_line(id))
            }
            RecordError::NoStart { path, line } => crate::phrase!(
                "record-no-start",
                file = file(path),
                line = line.to_string()
            ),
            RecordError::Damaged { dir, verdict } => crate::phrase!(
                "verdict-not-resumed",
                id = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                verdict = verdict.sentence()
            ),
        }
    }
}

pub fn io_err(p: &Path) -> impl FnOnce(io::Error) -> RecordError + '_ {
    move |e| RecordError::Io(p.to_path_buf(), e)
}

/// Where the last clinicians named are remembered, in the data folder.
pub const CLINICIANS_FILE: &str = "clinicians";

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
    /// empty journal, and write the start event. Returns the open session,
    /// holding its lock.
    pub fn create_session(
        &self,
        protocol_text: &str,
        start: SessionStart,
        at: &Moment,
    ) -> Result<OpenSession, RecordError> {
        let loaded = protocol::load_str(Path::new(PROTOCOL_COPY), protocol_text)
            .map_err(RecordError::Protocol)?;
        let protocol = Arc::new(loaded.protocol);
        let tree = self.tree(start.rehearsal);
        let refused = |refusal| RecordError::Replay {
            path: tree.clone(),
            seq: 1,
            refusal,
        };
        // Check the start against the protocol before anything touches disk.
        if start.visit.is_none()
            && let Some(why) = crate::session::dose_disagreement(&protocol, &start)
        {
            return Err(refused(Refusal::new(why)));
        }
        let session =
            Session::start(Arc::clone(&protocol), start.clone(), at.clone()).map_err(refused)?;
        make_private_dirs(&self.root)?;
        make_private_dirs(&tree)?;
        remove_abandoned_creations(&tree);
        journal::remove_stale_temps(&self.root);
        let base = format!(
            "{}-{}-{}",
            safe_name(&start.patient),
            match start.visit_kind() {
                Some(kind) => kind.as_str().to_string(),
                None => format!("s{}", start.session),
            },
            at.wall.format("%Y%m%dT%H%M%S")
        );
        let mut dir = tree.join(&base);
        let mut n = 1;
        while dir.exists() {
            n += 1;
            dir = tree.join(format!("{base}-{n}"));
        }
        let building = tree.join(format!(".creating-{base}-{}", std::process::id()));
        let (journal, lock) =
            build_session_folder(&building, protocol_text, start.rehearsal, |journal| {
                let stamp = crate::session::Stamp {
                    by: start.clinicians.first().cloned(),
                    taken: None,
                };
                journal
                    .append_stamped(&Event::Started(start), at, &stamp)
                    .map(|_| ())
            })?;
        let mut journal = journal;
        std::fs::rename(&building, &dir).map_err(io_err(&dir))?;
        journal::sync_dir(&tree).map_err(io_err(&tree))?;
        journal.moved_to(dir.join(JOURNAL));
        Ok(OpenSession {
            dir,
            journal,
            session,
            protocol_text: protocol_text.to_string(),
            problems: Vec::new(),
            warnings: Vec::new(),
            _lock: Some(lock),
        })
    }

    /// Whether the tree can be listed: missing is fine (no sessions yet);
    /// a file where the folder should be, or an unreadable folder, is not.
    pub fn check_readable(&self, rehearsal: bool) -> Result<(), RecordError> {
        for dir in [self.root.clone(), self.tree(rehearsal)] {
            match std::fs::metadata(&dir) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(RecordError::Io(dir, e)),
                Ok(m) if !m.is_dir() => {
                    return Err(RecordError::Io(
                        dir,
                        crate::i18n::io_error(
                            io::ErrorKind::Other,
                            crate::phrase!("record-data-not-a-folder"),
                        ),
                    ));
                }
                Ok(_) => {}
            }
        }
        std::fs::read_dir(self.tree(rehearsal))
            .map(drop)
            .map_err(|e| RecordError::Io(self.tree(rehearsal), e))
    }

    /// Find a session folder by its id (folder name) in one tree. An id
    /// that is not a plain folder name is refused, so no id reaches outside
    /// the data folder or crosses between real sessions and rehearsals.
    pub fn find(&self, id: &str, rehearsal: bool) -> Result<Option<PathBuf>, RecordError> {
        check_id(id)?;
        let dir = self.tree(rehearsal).join(id);
        let is_dir = std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir());
        // Whatever stands at the journal's name makes it a session folder:
        // reading it then says what is wrong (a fifo, a link, a huge
        // file), rather than "no session".
        let journal = std::fs::symlink_metadata(dir.join(JOURNAL)).is_ok();
        Ok((is_dir && journal).then_some(dir))
    }

    /// Find a session by id in either tree (for read-only use: exports).
    pub fn find_any(&self, id: &str) -> Result<Option<PathBuf>, RecordError> {
        Ok(self.find(id, false)?.or(self.find(id, true)?))
    }

    /// The clinicians named at the last session started in this data
    /// folder (one line, `;` between names), to offer again.
    pub fn remembered_clinicians(&self) -> Option<String> {
        let text = crate::input::read_limited(&self.root.join(CLINICIANS_FILE), 4096).ok()?;
        let line = String::from_utf8_lossy(&text)
            .lines()
            .next()?
            .trim()
            .to_string();
        (!line.is_empty() && !crate::text::has_control(&line)).then_some(line)
    }

    /// Remember the clinicians for the next start. A failure loses only
    /// the suggestion, never a record.
    pub fn remember_clinicians(&self, names: &str) {
        if !names.trim().is_empty() {
            let _ = super::journal::write_atomic(
                &self.root.join(CLINICIANS_FILE),
                format!("{}\n", names.trim()).as_bytes(),
            );
        }
    }

    /// A warning when the data folder can be read by other users of this
    /// computer (kap never changes the mode of a folder it did not create).
    pub fn privacy_warning(&self, lang: crate::i18n::Lang) -> Option<String> {
        let mode = std::fs::metadata(&self.root).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            crate::say!(
                lang,
                "record-folder-open",
                folder = crate::text::clean_line(&self.root.display().to_string()),
                mode = format!("{:o}", mode & 0o777)
            )
        })
    }
}

/// A session id must be one plain folder name.
pub fn check_id(id: &str) -> Result<(), RecordError> {
    let bad = id.is_empty()
        || id.len() > 255
        || id.starts_with('.')
        || id.contains(['/', '\\', '\0'])
        || crate::text::has_control(id);
    if bad {
        Err(RecordError::BadId(id.to_string()))
    } else {
        Ok(())
    }
}

/// Make a session folder under a hidden name: lock, protocol copy, journal,
/// and whatever `fill` writes. Renamed into place by the caller once
/// durable, so a crash while creating leaves no half-made session, only a
/// hidden folder that listings skip and the next creation removes.
pub fn build_session_folder(
    building: &Path,
    protocol_text: &str,
    rehearsal: bool,
    fill: impl FnOnce(&mut Journal) -> io::Result<()>,
) -> Result<(Journal, SessionLock), RecordError> {
    if building.exists() {
        std::fs::remove_dir_all(building).map_err(io_err(building))?;
    }
    DirBuilder::new()
        .mode(0o700)
        .create(building)
        .map_err(io_err(building))?;
    let lock = SessionLock::acquire(building).map_err(RecordError::Locked)?;
    let copy = building.join(PROTOCOL_COPY);
    journal::write_atomic(&copy, protocol_text.as_bytes()).map_err(io_err(&copy))?;
    let jpath = building.join(JOURNAL);
    let mut journal = Journal::create(&jpath, rehearsal).map_err(io_err(&jpath))?;
    fill(&mut journal).map_err(io_err(&jpath))?;
    Ok((journal, lock))
}

/// Remove `.creating-…-PID` folders left by a kap that was killed while
/// creating a session (its process is gone). Nothing in them was ever shown
/// as saved: the session screen opens only after the rename.
pub fn remove_abandoned_creations(tree: &Path) {
    let Ok(entries) = std::fs::read_dir(tree) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(".creating-") else {
            continue;
        };
        let pid = rest.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
        if !alive && e.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// A session with its journal open for appending, and its lock held.
#[derive(Debug)]
pub struct OpenSession {
    pub dir: PathBuf,
    pub journal: Journal,
    pub session: Session,
    /// The protocol copy's text, to rebuild the folder if it vanishes.
    pub protocol_text: String,
    /// What verifying and replaying the journal found, by line.
    pub problems: Vec<Problem>,
    /// What reading the journal found (a torn last line, damaged lines …),
    /// for whoever shows them to say in their language.
    pub warnings: Vec<crate::i18n::Phrase>,
    /// `None` for a replay, which reads and takes no lock.
    _lock: Option<SessionLock>,
}

impl OpenSession {
    /// Open a session folder to replay it: no lock (a session open in
    /// another kap can still be replayed), nothing cut off or written, the
    /// journal open read-only. Also returns the read, for the replay's
    /// timeline.
    pub fn read_only(dir: &Path) -> Result<(OpenSession, journal::ReadOutcome), RecordError> {
        let (protocol, protocol_text) = protocol_copy(dir)?;
        let jpath = dir.join(JOURNAL);
        let (journal, outcome) = Journal::open_read_only(&jpath).map_err(io_err(&jpath))?;
        let (session, problems) = replay(protocol, &outcome, &jpath)?;
        let warnings = super::verify::read_notes(&outcome, &problems, &jpath);
        Ok((
            OpenSession {
                dir: dir.to_path_buf(),
                journal,
                session,
                protocol_text,
                problems,
                warnings,
                _lock: None,
            },
            outcome,
        ))
    }

    /// Reopen a session folder: take its lock, load the protocol copy,
    /// verify and replay the journal, cut off a torn last line, and get
    /// ready to append. Refused while another process has it open.
    pub fn open(dir: &Path) -> Result<OpenSession, RecordError> {
        let lock = SessionLock::acquire(dir).map_err(RecordError::Locked)?;
        let (protocol, protocol_text) = protocol_copy(dir)?;
        let jpath = dir.join(JOURNAL);
        // A damaged record is not continued: nothing is cut off or added.
        let (verdict, _) = super::verdict::of_folder(dir).map_err(io_err(&jpath))?;
        if verdict.is_damaged() {
            return Err(RecordError::Damaged {
                dir: dir.to_path_buf(),
                verdict,
            });
        }
        let (journal, outcome) = Journal::open(&jpath).map_err(io_err(&jpath))?;
        journal::remove_stale_temps(dir);
        let (session, problems) = replay(protocol, &outcome, &jpath)?;
        let warnings = super::verify::read_notes(&outcome, &problems, &jpath);
        super::summary::write_if_missing(
            dir,
            &session,
            &outcome,
            warnings.is_empty(),
            super::replay::recorded_lang(&session),
        );
        Ok(OpenSession {
            dir: dir.to_path_buf(),
            journal,
            session,
            protocol_text,
            problems,
            warnings,
            _lock: Some(lock),
        })
    }

    /// Check an event, make it durable, then apply it. On `Ok` the event is
    /// on disk and in the state; on `Err` neither changed.
    pub fn record(&mut self, event: Event, at: &Moment) -> Result<u64, RecordOrRefusal> {
        self.record_stamped(event, at, &crate::session::Stamp::default())
    }

    /// Record an event made by `stamp.by`, taken at `stamp.taken`: checked
    /// by the session, written and fsynced, then applied.
    pub fn record_stamped(
        &mut self,
        event: Event,
        at: &Moment,
        stamp: &crate::session::Stamp,
    ) -> Result<u64, RecordOrRefusal> {
        let seq = self.journal.next_seq();
        self.session
            .check_entry(seq, &event, at, stamp)
            .map_err(RecordOrRefusal::Refused)?;
        let written = self
            .journal
            .append_stamped(&event, at, stamp)
            .map_err(|e| RecordOrRefusal::Disk(RecordError::Io(self.journal.path().into(), e)))?;
        // `check_entry` ran the same code on a copy, so this cannot refuse;
        // if it somehow did, the journal still holds the event and a replay
        // reports it.
        self.session
            .apply_entry(written, &event, at, stamp)
            .map_err(RecordOrRefusal::Refused)?;
        Ok(written)
    }

    /// Whether the journal is still the file at its path (false once the
    /// session folder was deleted, moved or replaced).
    pub fn is_at_path(&self) -> bool {
        self.journal.is_at_path()
    }

    /// The session folder vanished: build it again from the journal still
    /// open (every line saved so far) and the protocol copy held in memory,
    /// at its old path or, if something else now stands there, beside it.
    /// Returns the folder the session now lives in.
    pub fn recreate(&mut self) -> Result<PathBuf, RecordError> {
        if self.journal.is_read_only() {
            return Err(RecordError::Io(
                self.dir.clone(),
                crate::i18n::io_error(io::ErrorKind::Other, crate::phrase!("replay-no-recreate")),
            ));
        }
        let saved = self
            .journal
            .saved_bytes()
            .map_err(io_err(self.journal.path()))?;
        let tree = self
            .dir
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&tree)
            .map_err(io_err(&tree))?;
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "session".into());
        let mut dir = self.dir.clone();
        let mut n = 1;
        while std::fs::symlink_metadata(&dir).is_ok() {
            n += 1;
            dir = tree.join(format!("{name}-recovered-{n}"));
        }
        let building = tree.join(format!(".creating-{name}-{}", std::process::id()));
        let rehearsal = self.journal.is_rehearsal();
        let (journal, lock) =
            build_session_folder(&building, &self.protocol_text, rehearsal, |j| {
                j.restore(&saved)
            })?;
        std::fs::rename(&building, &dir).map_err(io_err(&dir))?;
        journal::sync_dir(&tree).map_err(io_err(&tree))?;
        let mut journal = journal;
        journal.moved_to(dir.join(JOURNAL));
        self.journal = journal;
        self._lock = Some(lock);
        self.dir = dir.clone();
        Ok(dir)
    }
}

/// The session's own copy of the protocol it ran under, and its text.
pub fn protocol_copy(dir: &Path) -> Result<(Arc<protocol::Protocol>, String), RecordError> {
    let ppath = dir.join(PROTOCOL_COPY);
    let text = crate::input::read_text_string(&ppath).map_err(io_err(&ppath))?;
    let loaded = protocol::load_str(&ppath, &text).map_err(RecordError::Protocol)?;
    Ok((Arc::new(loaded.protocol), text))
}

/// Why `record` did not save an event.
#[derive(Debug)]
pub enum RecordOrRefusal {
    /// The session refused it (a gate, a missing reason, …).
    Refused(Refusal),
    /// The disk failed: the entry is NOT saved.
    Disk(RecordError),
}

impl RecordOrRefusal {
    /// Why the event was not saved, in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        match self {
            RecordOrRefusal::Refused(r) => r.say(lang),
            RecordOrRefusal::Disk(e) => {
                crate::say!(lang, "record-not-saved", error = e.say(lang))
            }
        }
    }
}

/// Create `dir` and any missing parents with mode 0700. A folder that
/// already exists keeps its mode: kap never changes the mode of a folder it
/// did not create (see [`Store::privacy_warning`]).
pub fn make_private_dirs(dir: &Path) -> Result<(), RecordError> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io_err(dir))?;
    if !std::fs::metadata(dir).map_err(io_err(dir))?.is_dir() {
        return Err(RecordError::Io(
            dir.to_path_buf(),
            crate::i18n::io_error(io::ErrorKind::Other, crate::phrase!("record-not-a-folder")),
        ));
    }
    Ok(())
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
