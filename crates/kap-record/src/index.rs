//! The listing cache: what [`Store::scan`](super::store::Store::scan)
//! found in each session folder, kept in one file at the top of the data
//! folder (`.index-sessions.json`, `.index-rehearsal.json`) so that a
//! clinic's ten thousand records are not all read again for every list
//! and lookup, nor all looked at for one patient's.
//!
//! It is only ever a cache, never a second source of truth:
//!
//! - each entry carries the length, modification and change times and
//!   inode of the folder's journal and seal, or its summary when it has no
//!   `seal.json` (the files a verdict is judged from: `seal::read`); a
//!   folder whose files differ in any of these, or are not plain files, is
//!   read again from its journal;
//! - a file modified in the last two seconds is not cached at all (a
//!   write within the file system's timestamp granularity could leave
//!   the same stamp on new content: git's "racily clean" problem);
//! - a missing, unreadable, corrupt or other-version index is rebuilt from
//!   the journals; one that cannot be written (a read-only data folder)
//!   is simply not kept;
//! - folders whose journal cannot be read are never cached, so their
//!   reason is said every time.
//!
//! One patient's lookup (`Store::scan_patient`: `kap history`, `kap
//! course`, the start form's course) looks only into that patient's
//! folders, those not in the index (new, copied in, unreadable) and those
//! whose patient the index cannot tell (a damaged record without its
//! start, a folder without a journal). It passes over a folder the index
//! holds as another patient's record only while the tree folder itself
//! (`sessions/`, `rehearsal/`) has the stamp it had when every folder in it
//! was last looked at, and the folder has the inode it had then, as the
//! tree's listing gives it (no `stat`): then no folder has been added,
//! removed, renamed or replaced by another since. Otherwise the lookup
//! looks into every folder, as a whole-clinic list does, and keeps the
//! tree's new stamp (unless it changed in the last two seconds). A
//! record's patient never changes after its start; what is not seen this
//! way is a journal rewritten in place inside a folder of another
//! patient's, which that patient's lookups, every whole-clinic list and
//! `kap verify` read.
//!
//! Deleting the file loses nothing. `kap verify` never uses it.

use super::listing::{Found, Listing, Startless};
use super::seal::{SEAL_FILE, SUMMARY_FILE};
use super::store::JOURNAL;
use super::verdict::Verdict;
use crate::session::{Moment, SessionStart};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The index of real sessions, at the top of the data folder.
pub const SESSIONS_INDEX: &str = ".index-sessions.json";
/// The index of rehearsals.
pub const REHEARSAL_INDEX: &str = ".index-rehearsal.json";
/// This file's format.
const VERSION: u32 = 3;
/// Largest index read (about 200,000 sessions); a larger one is rebuilt.
const MAX_INDEX: u64 = 128 * 1024 * 1024;
/// A file modified more recently than this is never cached.
const RACY: Duration = Duration::from_secs(2);

/// One file's identity and state: length, modification time, change
/// time (seconds and nanoseconds), inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp(u64, i64, i64, i64, i64, u64);

impl Stamp {
    fn of(m: &std::fs::Metadata) -> Stamp {
        Stamp(
            m.len(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
            m.ino(),
        )
    }

    /// Modification time in nanoseconds since the epoch.
    fn modified_ns(&self) -> i128 {
        i128::from(self.1) * 1_000_000_000 + i128::from(self.2)
    }
}

/// The stamps of the files a folder's listing is judged from (`None`
/// where the file is not there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamps {
    journal: Option<Stamp>,
    seal: Option<Stamp>,
    summary: Option<Stamp>,
}

/// What a folder held, as cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum Cached {
    Listed {
        start: Box<SessionStart>,
        started: Moment,
        last: Moment,
        events: usize,
        verdict: Verdict,
    },
    Startless {
        events: usize,
        verdict: Verdict,
    },
    /// No journal, or a sound one that starts no session.
    Nothing,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamps: Stamps,
    found: Cached,
}

/// One folder in the index file: its inode as the tree's listing gives
/// it, whose record it holds (when its start is readable), and what was
/// found, kept as written until it is needed (a lookup of one patient
/// decodes only that patient's).
#[derive(Debug, Serialize, Deserialize)]
struct Slot {
    ino: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    patient: Option<String>,
    entry: Box<RawValue>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    /// The tree folder's stamp when every folder in it was last looked
    /// at; `None` when that has not been done or it had just changed.
    #[serde(default)]
    tree: Option<Stamp>,
    sessions: BTreeMap<String, Slot>,
}

/// The index of one tree while it is scanned: what was on disk, and what
/// the scan confirmed or found.
#[derive(Debug)]
pub struct Index {
    path: PathBuf,
    old: BTreeMap<String, Slot>,
    new: BTreeMap<String, Slot>,
    /// The tree's stamp as the file holds it, and as it will be written.
    tree: (Option<Stamp>, Option<Stamp>),
    dirty: bool,
    now_ns: i128,
}

impl Index {
    /// The tree's index as it stands on disk; empty (to be rebuilt) when
    /// it is missing, unreadable, corrupt or of another version.
    pub(super) fn open(root: &Path, rehearsal: bool) -> Index {
        let path = root.join(if rehearsal {
            REHEARSAL_INDEX
        } else {
            SESSIONS_INDEX
        });
        let file = crate::input::read_limited(&path, MAX_INDEX)
            .ok()
            .and_then(|b| serde_json::from_slice::<IndexFile>(&b).ok())
            .filter(|f| f.version == VERSION);
        let now_ns = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        let tree = file.as_ref().and_then(|f| f.tree);
        Index {
            path,
            dirty: file.is_none(),
            old: file.map(|f| f.sessions).unwrap_or_default(),
            new: BTreeMap::new(),
            tree: (tree, tree),
            now_ns,
        }
    }

    /// Whether the tree folder has the stamp it had when every folder in
    /// it was last looked at (`now`: taken before it was listed).
    pub(super) fn tree_unchanged(&self, now: Option<&Stamp>) -> bool {
        self.tree.0.is_some() && self.tree.0.as_ref() == now
    }

    /// Keep folder `id` (inode `ino`) as the index holds it, without
    /// looking into it, when it is the same folder and holds the record
    /// of a patient other than `patient`. Only while
    /// [`tree_unchanged`](Self::tree_unchanged).
    pub(super) fn pass_over(&mut self, id: &str, ino: u64, patient: &str) -> bool {
        let theirs = self
            .old
            .get(id)
            .is_some_and(|s| s.ino == ino && s.patient.as_deref().is_some_and(|p| p != patient));
        if let Some(slot) = theirs.then(|| self.old.remove(id)).flatten() {
            self.new.insert(id.to_string(), slot);
        }
        theirs
    }

    /// What the index holds for folder `id` (inode `ino`) at `dir`, if
    /// it is the same folder and its files are as they were when it was
    /// cached.
    pub(super) fn recall(
        &mut self,
        id: &str,
        ino: u64,
        dir: &Path,
        stamps: &Stamps,
    ) -> Option<Option<Found>> {
        let slot = self.old.remove(id)?;
        let entry = serde_json::from_str::<Entry>(slot.entry.get()).ok();
        let Some(e) = entry.filter(|e| slot.ino == ino && &e.stamps == stamps) else {
            self.dirty = true;
            return None;
        };
        let found = e.found.to_found(id, dir);
        self.new.insert(id.to_string(), slot);
        Some(found)
    }

    /// Keep what reading folder `id` (inode `ino`) found, unless one of
    /// its files was modified too recently to be told apart from a later
    /// change.
    pub(super) fn remember(&mut self, id: &str, ino: u64, stamps: Stamps, found: Option<&Found>) {
        let recent = [&stamps.journal, &stamps.seal, &stamps.summary]
            .into_iter()
            .flatten()
            .any(|s| self.recent(s));
        if recent {
            return;
        }
        let patient = match found {
            Some(Found::Listed(l)) => Some(l.start.patient.clone()),
            _ => None,
        };
        let found = Cached::of(found);
        let Ok(entry) = serde_json::value::to_raw_value(&Entry { stamps, found }) else {
            return;
        };
        self.dirty = true;
        self.new.insert(
            id.to_string(),
            Slot {
                ino,
                patient,
                entry,
            },
        );
    }

    /// Every folder of the tree was looked at: keep the tree's stamp,
    /// taken before it was listed, unless it changed too recently to be
    /// told apart from a later change.
    pub(super) fn looked_at_all(&mut self, tree: Option<Stamp>) {
        let tree = tree.filter(|t| !self.recent(t));
        self.dirty |= tree != self.tree.0;
        self.tree.1 = tree;
    }

    fn recent(&self, s: &Stamp) -> bool {
        s.modified_ns() > self.now_ns - RACY.as_nanos() as i128
    }

    /// Write the index if the scan found anything it did not hold, or it
    /// holds folders that are gone. A failure leaves it as it was (or
    /// missing): it is rebuilt next time.
    pub(super) fn save(self) {
        if !self.dirty && self.old.is_empty() {
            return;
        }
        let file = IndexFile {
            version: VERSION,
            tree: self.tree.1,
            sessions: self.new,
        };
        let Ok(bytes) = serde_json::to_vec(&file) else {
            return;
        };
        let _ = write_replacing(&self.path, &bytes);
    }
}

/// Write `bytes` to a temporary file beside `path` (0600), then rename it
/// over `path`. Not fsynced: a cache lost in a crash is rebuilt.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    // Unique to this process and this write, so two scans at once (two
    // kaps, or two threads of one) never write into the same file.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(
        "{}.{}-{n}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    let written = f
        .write_all(bytes)
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The stamps of a session folder's files, or `None` when one cannot be
/// taken or is not a plain file (then the folder is read, not cached).
pub(super) fn stamps(dir: &Path) -> Option<Stamps> {
    let seal = stamp(&dir.join(SEAL_FILE))?;
    // The summary's closing lines are read for a seal only when there is
    // no `seal.json` (`seal::read`): stamped only then.
    let summary = match seal {
        Some(_) => None,
        None => stamp(&dir.join(SUMMARY_FILE))?,
    };
    Some(Stamps {
        journal: stamp(&dir.join(JOURNAL))?,
        seal,
        summary,
    })
}

/// The stamp of a tree folder (`sessions/`, `rehearsal/`), or `None`
/// when it cannot be taken or is not a folder.
pub(super) fn tree_stamp(dir: &Path) -> Option<Stamp> {
    std::fs::symlink_metadata(dir)
        .ok()
        .filter(|m| m.file_type().is_dir())
        .map(|m| Stamp::of(&m))
}

/// `Some(None)` for a file that is not there, `None` for one that cannot
/// be stamped.
fn stamp(path: &Path) -> Option<Option<Stamp>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(None),
        Err(_) => None,
        Ok(m) if !m.file_type().is_file() => None,
        Ok(m) => Some(Some(Stamp::of(&m))),
    }
}

impl Cached {
    fn of(found: Option<&Found>) -> Cached {
        match found {
            None => Cached::Nothing,
            Some(Found::Listed(l)) => Cached::Listed {
                start: Box::new(l.start.clone()),
                started: l.started.clone(),
                last: l.last.clone(),
                events: l.events,
                verdict: l.verdict.clone(),
            },
            Some(Found::Startless(s)) => Cached::Startless {
                events: s.events,
                verdict: s.verdict.clone(),
            },
        }
    }

    fn to_found(&self, id: &str, dir: &Path) -> Option<Found> {
        let (id, dir) = (id.to_string(), dir.to_path_buf());
        match self.clone() {
            Cached::Nothing => None,
            Cached::Listed {
                start,
                started,
                last,
                events,
                verdict,
            } => Some(Found::Listed(Box::new(Listing {
                id,
                dir,
                start: *start,
                started,
                last,
                events,
                finished: verdict.is_finished(),
                verdict,
            }))),
            Cached::Startless { events, verdict } => Some(Found::Startless(Startless {
                id,
                dir,
                events,
                verdict,
            })),
        }
    }
}
