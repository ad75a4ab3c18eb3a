//! Listing the sessions of one tree, each with its verdict: what `kap
//! resume`, `history`, `doctor` and `push --status` show. A folder whose
//! journal cannot be read (a fifo, a socket, a link, a file too large, no
//! permission) is not silently dropped: it is returned with the reason, to
//! be said.

use super::store::{JOURNAL, Store};
use super::verdict::Verdict;
use crate::session::{Event, Moment, SessionStart};
use std::io;
use std::path::{Path, PathBuf};

/// A line in a list of sessions.
#[derive(Debug, Clone)]
pub struct Listing {
    pub id: String,
    pub dir: PathBuf,
    pub start: SessionStart,
    pub started: Moment,
    pub last: Moment,
    pub events: usize,
    /// Closed or ended early, by its entries or its seal.
    pub finished: bool,
    /// The record's verdict (`verdict`): open, closed, ended early or
    /// damaged.
    pub verdict: Verdict,
}

/// A session folder whose journal is there but could not be read.
#[derive(Debug)]
pub struct Unreadable {
    /// The journal's path.
    pub path: PathBuf,
    pub error: io::Error,
}

impl Unreadable {
    /// "FILE could not be read: WHY", in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        crate::say!(
            lang,
            "record-unreadable-session",
            file = crate::text::clean_line(&self.path.display().to_string()),
            error = crate::text::clean_line(&crate::i18n::say_io(&self.error, lang))
        )
    }
}

/// A damaged record whose first entry (the start) cannot be read: kap
/// cannot tell whose it is, which session or when it began. It is named
/// by every listing with its verdict, never offered for resume, never
/// sent.
#[derive(Debug, Clone)]
pub struct Startless {
    pub id: String,
    pub dir: PathBuf,
    /// Readable entries left.
    pub events: usize,
    /// Always damaged.
    pub verdict: Verdict,
}

/// Every session folder of a tree, and those that could not be read.
#[derive(Debug, Default)]
pub struct Scan {
    /// Newest first.
    pub sessions: Vec<Listing>,
    /// Damaged records with no readable start, by folder name.
    pub startless: Vec<Startless>,
    pub unreadable: Vec<Unreadable>,
    /// How many folders were looked into (their files stamped, or read):
    /// every folder of the tree for a whole-clinic list, fewer for one
    /// patient's lookup. For the tests and the measure.
    pub looked_into: usize,
}

impl Scan {
    /// Every damaged record, as its id and its verdict's sentence in
    /// `lang`: those with a readable start (newest first), then those
    /// without.
    pub fn damaged(&self, lang: crate::i18n::Lang) -> Vec<(String, String)> {
        let listed = self
            .sessions
            .iter()
            .filter(|l| l.verdict.is_damaged())
            .map(|l| (l.id.clone(), l.verdict.sentence().say(lang)));
        let startless = self
            .startless
            .iter()
            .map(|s| (s.id.clone(), s.verdict.sentence().say(lang)));
        listed.chain(startless).collect()
    }
}

/// What folder `name` (inode `ino`) at `dir` holds: from the index when
/// its files are as they were when it was cached, else from its journal
/// (and then cached).
fn look_into(
    index: &mut super::index::Index,
    name: &str,
    ino: u64,
    dir: &Path,
) -> Result<Option<Found>, Unreadable> {
    let stamps = super::index::stamps(dir);
    let cached = stamps
        .as_ref()
        .and_then(|st| index.recall(name, ino, dir, st));
    if let Some(found) = cached {
        return Ok(found);
    }
    let read = Listing::read(dir);
    if let (Some(st), Ok(found)) = (stamps, &read) {
        index.remember(name, ino, st, found.as_ref());
    }
    read
}

/// What one session folder holds.
pub(super) enum Found {
    Listed(Box<Listing>),
    Startless(Startless),
}

impl Store {
    /// Every session folder in one tree, newest first, and the folders
    /// whose journal could not be read. What each folder holds comes from
    /// the tree's index (`index`) when its journal, seal and summary are
    /// as they were when it was cached, and from the folder otherwise.
    pub fn scan(&self, rehearsal: bool) -> Scan {
        self.scan_of(rehearsal, None)
    }

    /// One patient's lookup: [`scan`](Self::scan) with only `patient`'s
    /// sessions, looking into only their folders and those whose patient
    /// the index cannot tell or vouch for (`index`). Records without a
    /// readable start and unreadable folders are all there: they may be
    /// the patient's.
    pub fn scan_patient(&self, rehearsal: bool, patient: &str) -> Scan {
        let mut scan = self.scan_of(rehearsal, Some(patient));
        scan.sessions.retain(|l| l.start.patient == patient);
        scan
    }

    fn scan_of(&self, rehearsal: bool, patient: Option<&str>) -> Scan {
        use std::os::unix::fs::DirEntryExt;
        let tree = self.tree(rehearsal);
        // Taken before the listing: a change during it is seen next time.
        let tree_stamp = super::index::tree_stamp(&tree);
        let Ok(entries) = std::fs::read_dir(&tree) else {
            return Scan::default();
        };
        let mut scan = Scan::default();
        let mut index = super::index::Index::open(self.root(), rehearsal);
        let pass_over = patient.filter(|_| index.tree_unchanged(tree_stamp.as_ref()));
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !e.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            if pass_over.is_some_and(|p| index.pass_over(&name, e.ino(), p)) {
                continue;
            }
            scan.looked_into += 1;
            match look_into(&mut index, &name, e.ino(), &e.path()) {
                Ok(Some(Found::Listed(l))) => scan.sessions.push(*l),
                Ok(Some(Found::Startless(s))) => scan.startless.push(s),
                Ok(None) => {}
                Err(u) => scan.unreadable.push(u),
            }
        }
        if pass_over.is_none() {
            index.looked_at_all(tree_stamp);
        }
        index.save();
        scan.sessions
            .sort_by_key(|l| std::cmp::Reverse(l.started.wall));
        scan.startless.sort_by(|a, b| a.id.cmp(&b.id));
        scan.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        scan
    }

    /// Every session folder in one tree, newest first.
    pub fn list(&self, rehearsal: bool) -> Vec<Listing> {
        self.scan(rehearsal).sessions
    }

    /// Sessions that were neither closed nor abandoned, and are whole:
    /// those a clinician can continue.
    pub fn unfinished(&self, rehearsal: bool) -> Vec<Listing> {
        self.list(rehearsal)
            .into_iter()
            .filter(|l| l.verdict.is_resumable())
            .collect()
    }

    /// Records whose verdict is damaged (never offered for resume), with
    /// a readable start or not: each id and its verdict's sentence in
    /// `lang`.
    pub fn damaged(&self, rehearsal: bool, lang: crate::i18n::Lang) -> Vec<(String, String)> {
        self.scan(rehearsal).damaged(lang)
    }
}

impl Listing {
    /// `Ok(None)` for a folder with no journal, or a sound one that
    /// starts no session (a creation cut short before its first line);
    /// a damaged record without a readable start is [`Found::Startless`];
    /// `Err` when a journal is there but cannot be read.
    fn read(dir: &Path) -> Result<Option<Found>, Unreadable> {
        let path = dir.join(JOURNAL);
        let (verdict, out) = match super::verdict::of_folder(dir) {
            Ok(x) => x,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Unreadable { path, error }),
        };
        let Some(id) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return Ok(None);
        };
        let start = out
            .records
            .first()
            .zip(out.records.last())
            .and_then(|(f, l)| match &f.event {
                Event::Started(s) => Some((f, l, s)),
                _ => None,
            });
        let Some((first, last, start)) = start else {
            return Ok(verdict.is_damaged().then(|| {
                Found::Startless(Startless {
                    id,
                    dir: dir.to_path_buf(),
                    events: out.records.len(),
                    verdict,
                })
            }));
        };
        Ok(Some(Found::Listed(Box::new(Listing {
            id,
            dir: dir.to_path_buf(),
            start: start.clone(),
            started: first.at.clone(),
            last: last.at.clone(),
            events: out.records.len(),
            finished: verdict.is_finished(),
            verdict,
        }))))
    }
}
