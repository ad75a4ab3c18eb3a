//! `kap verify`: every record in a data folder (or the ones named) checked
//! whole — the journal's lines and hash chain, its seal, the protocol
//! copy, the lock file, file modes, and anything in the folders that kap
//! does not write. The judgement is pure ([`judge_record`],
//! [`judge_tree_entry`]) over facts the shell gathers ([`gather`]).

use super::journal::ReadOutcome;
use super::names;
use super::seal;
use super::verdict::{self, Damage};
use super::verify::{NewerSchema, Problem};
use crate::i18n::Phrase;
use crate::session::Event;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One thing wrong, and what it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// The verdict's damage beyond single lines (lost entries, a seal
    /// that does not match or cannot be read).
    Damage(Damage),
    /// A journal line that failed its checks.
    Line(Problem),
    /// Written by a newer kap.
    Newer(NewerSchema),
    /// No readable start entry.
    NoStart,
    /// The journal cannot be read at all.
    Journal(Phrase),
    /// The protocol copy is missing or does not load.
    ProtocolCopy(Phrase),
    /// A file kap does not write there.
    Foreign,
    /// A folder where records live that holds no journal.
    NotARecord,
    /// A file kap writes, but not a regular file (a link, a device …).
    NotAFile,
    /// Others can read or change it.
    Mode(u32),
    /// A path named on the command line that is not there.
    NoPath,
}

impl Issue {
    /// A stable code for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Damage(d) => d.code(),
            Issue::Line(_) => "line-failed",
            Issue::Newer(_) => "newer-schema",
            Issue::NoStart => "no-start",
            Issue::Journal(_) => "journal-unreadable",
            Issue::ProtocolCopy(_) => "protocol-copy",
            Issue::Foreign => "foreign-file",
            Issue::NotARecord => "not-a-record",
            Issue::NotAFile => "not-a-regular-file",
            Issue::Mode(_) => "mode",
            Issue::NoPath => "not-found",
        }
    }

    /// The issue in words, for whoever shows it to say in its reader's
    /// language.
    pub fn describe(&self) -> Phrase {
        match self {
            Issue::Damage(d) => Phrase::Seq(vec![
                crate::phrase!("verdict-word-damaged"),
                " — ".into(),
                d.describe(),
            ]),
            Issue::Line(p) => p.what(),
            Issue::Newer(n) => n.words(),
            Issue::NoStart => crate::phrase!("verify-cmd-no-start"),
            Issue::Journal(e) => crate::phrase!("verify-cmd-journal", error = e),
            Issue::ProtocolCopy(e) => {
                crate::phrase!("verify-cmd-protocol-copy", error = e)
            }
            Issue::Foreign => crate::phrase!("verify-cmd-foreign"),
            Issue::NotARecord => crate::phrase!("verify-cmd-not-a-record"),
            Issue::NotAFile => crate::phrase!("verify-cmd-not-a-file"),
            Issue::Mode(m) => crate::phrase!("verify-cmd-mode", mode = format!("{:o}", m & 0o777)),
            Issue::NoPath => crate::phrase!("verify-cmd-no-path"),
        }
    }
}

/// An issue found at a path (and a line of it, for a journal line).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub issue: Issue,
}

/// What a whole run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Session folders checked.
    pub records: usize,
    pub found: Vec<Found>,
}

impl Report {
    /// Records with at least one issue.
    pub fn bad_records(&self) -> usize {
        let mut dirs: Vec<&Path> = self.found.iter().map(|f| record_of(&f.path)).collect();
        dirs.sort();
        dirs.dedup();
        dirs.len()
    }
}

/// The session folder a found path belongs to (itself for a folder).
fn record_of(p: &Path) -> &Path {
    match p.file_name().and_then(|n| n.to_str()) {
        Some(n) if KNOWN.contains(&n) || is_kept_summary(n) => p.parent().unwrap_or(p),
        _ => p,
    }
}

/// What kind of thing a folder entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Socket,
    Other,
}

/// One entry of a folder, as `symlink_metadata` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    pub mode: u32,
}

/// The files kap writes in a session folder.
pub const KNOWN: &[&str] = &[
    super::store::JOURNAL,
    "journal.torn",
    super::store::PROTOCOL_COPY,
    super::lock::LOCK_FILE,
    seal::SUMMARY_FILE,
    seal::SEAL_FILE,
    names::PUSH_STATUS,
    names::SIMULATION_LOG,
    names::SCENARIO_COPY,
    names::INSTRUCTOR_SOCKET,
    "trainee-report.md",
    "trainee-report.html",
    names::BRANCH_FILE,
];

/// `summary.N.md`: an earlier summary kept after an addendum.
fn is_kept_summary(name: &str) -> bool {
    name.strip_prefix("summary.")
        .and_then(|r| r.strip_suffix(".md"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A temporary file `write_atomic` left behind when interrupted.
fn is_leftover_temp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Everything gathered about one session folder.
#[derive(Debug)]
pub struct RecordFacts {
    pub dir: PathBuf,
    pub dir_mode: u32,
    pub entries: Vec<Entry>,
    pub journal: Result<ReadOutcome, Phrase>,
    pub seal: seal::Found,
    /// `Ok` when the protocol copy loads.
    pub protocol: Result<(), Phrase>,
}

/// Judge one session folder. Pure.
pub fn judge_record(f: &RecordFacts) -> Vec<Found> {
    let at = |name: &str, issue| Found {
        path: f.dir.join(name),
        line: None,
        issue,
    };
    let mut out = Vec::new();
    if f.dir_mode & 0o077 != 0 {
        out.push(Found {
            path: f.dir.clone(),
            line: None,
            issue: Issue::Mode(f.dir_mode),
        });
    }
    for e in &f.entries {
        let known = KNOWN.contains(&e.name.as_str()) || is_kept_summary(&e.name);
        if !known && !is_leftover_temp(&e.name) {
            out.push(at(&e.name, Issue::Foreign));
        } else if e.name == names::INSTRUCTOR_SOCKET {
            // The instructor's socket, while a rehearsal runs.
        } else if known && e.kind != Kind::File {
            out.push(at(&e.name, Issue::NotAFile));
        } else if e.mode & 0o077 != 0 {
            out.push(at(&e.name, Issue::Mode(e.mode)));
        }
    }
    if let Err(e) = &f.protocol {
        out.push(at(
            super::store::PROTOCOL_COPY,
            Issue::ProtocolCopy(e.clone()),
        ));
    }
    let journal = super::store::JOURNAL;
    let outcome = match &f.journal {
        Ok(o) => o,
        Err(e) => {
            out.push(at(journal, Issue::Journal(e.clone())));
            return out;
        }
    };
    if let Some(n) = &outcome.newer {
        out.push(at(journal, Issue::Newer(n.clone())));
        return out;
    }
    if !matches!(
        outcome.records.first().map(|r| &r.event),
        Some(Event::Started(_))
    ) {
        out.push(at(journal, Issue::NoStart));
    }
    for d in verdict::judge(outcome, &f.seal).damage {
        if !matches!(d, Damage::Lines(_)) {
            out.push(at(journal, Issue::Damage(d)));
        }
    }
    out.extend(outcome.problems.iter().map(|p| Found {
        path: f.dir.join(journal),
        line: Some(p.line),
        issue: Issue::Line(p.clone()),
    }));
    out
}

/// Judge an entry of a folder where session folders live (`sessions/`,
/// `rehearsal/`): a session folder is checked on its own; anything else
/// is named. `has_journal` for a folder holding `journal.jsonl`. Pure.
pub fn judge_tree_entry(tree: &Path, e: &Entry, has_journal: bool) -> Option<Found> {
    let issue = match e.kind {
        // A session being created, or one whose creation was cut short.
        _ if e.name.starts_with(".creating-") => return None,
        Kind::Dir if has_journal => return None,
        Kind::Dir => Issue::NotARecord,
        _ => Issue::Foreign,
    };
    Some(Found {
        path: tree.join(&e.name),
        line: None,
        issue,
    })
}

/// What kap keeps at the top of a data folder.
const ROOT_KNOWN: &[&str] = &[
    "sessions",
    "rehearsal",
    super::store::CLINICIANS_FILE,
    ".push.lock",
    super::index::SESSIONS_INDEX,
    super::index::REHEARSAL_INDEX,
];

/// Judge an entry at the top of a data folder. Pure.
pub fn judge_root_entry(root: &Path, e: &Entry) -> Option<Found> {
    let known = ROOT_KNOWN.contains(&e.name.as_str()) || is_leftover_temp(&e.name);
    (!known).then(|| Found {
        path: root.join(&e.name),
        line: None,
        issue: Issue::Foreign,
    })
}

/// The entries of a folder, sorted by name.
pub fn entries(dir: &Path) -> std::io::Result<Vec<Entry>> {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        let t = meta.file_type();
        let kind = if t.is_file() {
            Kind::File
        } else if t.is_dir() {
            Kind::Dir
        } else if t.is_socket() {
            Kind::Socket
        } else {
            Kind::Other
        };
        v.push(Entry {
            name: e.file_name().to_string_lossy().into_owned(),
            kind,
            mode: meta.permissions().mode(),
        });
    }
    v.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(v)
}

/// Protocol copies already loaded, by their text's SHA-256: a folder of
/// thousands of sessions holds a handful of protocol versions.
pub type ProtocolCache = HashMap<String, Result<(), Phrase>>;

/// Gather the facts of one session folder. Reads only.
pub fn gather(dir: &Path, cache: &mut ProtocolCache) -> RecordFacts {
    use std::os::unix::fs::PermissionsExt;
    let dir_mode = std::fs::symlink_metadata(dir).map_or(0, |m| m.permissions().mode());
    let entries = entries(dir).unwrap_or_default();
    let jpath = dir.join(super::store::JOURNAL);
    let journal = super::journal::read(&jpath).map_err(|e| crate::i18n::io_words(&e));
    let ppath = dir.join(super::store::PROTOCOL_COPY);
    let protocol = match crate::input::read_text_string(&ppath) {
        Err(e) => Err(crate::i18n::io_words(&e)),
        Ok(text) => cache
            .entry(super::verify::sha256_hex(text.as_bytes()))
            .or_insert_with(|| {
                crate::protocol::load_str(&ppath, &text)
                    .map(drop)
                    .map_err(|d| {
                        d.iter()
                            .find(|d| d.is_error())
                            .map_or_else(Phrase::empty, |d| d.words())
                    })
            })
            .clone(),
    };
    RecordFacts {
        dir: dir.to_path_buf(),
        dir_mode,
        entries,
        journal,
        seal: seal::read(dir),
        protocol,
    }
}

/// Check one folder of session folders (`sessions/`, `rehearsal/`, or
/// any folder of copies).
fn check_tree(tree: &Path, report: &mut Report, cache: &mut ProtocolCache) {
    let Ok(list) = entries(tree) else {
        return;
    };
    for e in list {
        let path = tree.join(&e.name);
        let has_journal = e.kind == Kind::Dir && path.join(super::store::JOURNAL).exists();
        if let Some(f) = judge_tree_entry(tree, &e, has_journal) {
            report.found.push(f);
        } else if has_journal {
            report.records += 1;
            report.found.extend(judge_record(&gather(&path, cache)));
        }
    }
}

/// Check a path: a session folder, a data folder (with `sessions/` or
/// `rehearsal/`), or a folder of session folders.
pub fn check_path(path: &Path, report: &mut Report, cache: &mut ProtocolCache) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        report.found.push(Found {
            path: path.to_path_buf(),
            line: None,
            issue: Issue::NoPath,
        });
        return;
    };
    if !meta.is_dir() {
        report.found.push(Found {
            path: path.to_path_buf(),
            line: None,
            issue: Issue::NotARecord,
        });
        return;
    }
    if path.join(super::store::JOURNAL).exists() {
        report.records += 1;
        report.found.extend(judge_record(&gather(path, cache)));
        return;
    }
    let trees: Vec<PathBuf> = ["sessions", "rehearsal"]
        .iter()
        .map(|t| path.join(t))
        .filter(|t| t.is_dir())
        .collect();
    if trees.is_empty() {
        check_tree(path, report, cache);
        return;
    }
    for e in entries(path).unwrap_or_default() {
        report.found.extend(judge_root_entry(path, &e));
        let private = e.kind != Kind::Dir || e.mode & 0o077 == 0;
        if !private && (e.name == "sessions" || e.name == "rehearsal") {
            report.found.push(Found {
                path: path.join(&e.name),
                line: None,
                issue: Issue::Mode(e.mode),
            });
        }
    }
    for t in trees {
        check_tree(&t, report, cache);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, mode: u32) -> Entry {
        Entry {
            name: name.into(),
            kind: Kind::File,
            mode,
        }
    }

    fn facts(entries: Vec<Entry>) -> RecordFacts {
        let journal = b"{\"v\":2,\"seq\":1,\"rehearsal\":false,\"at\":{\"wall\":\"2026-01-05T09:00:00+01:00\",\"boot\":\"b\",\"mono\":1},\"event\":{\"type\":\"note\",\"text\":\"x\",\"tags\":[]},\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\"}";
        let line = super::super::verify::seal(journal);
        let mut bytes = line.clone();
        bytes.push(b'\n');
        RecordFacts {
            dir: PathBuf::from("/d/sessions/s"),
            dir_mode: 0o40700,
            entries,
            journal: Ok(super::super::journal::parse(&bytes)),
            seal: seal::Found::None,
            protocol: Ok(()),
        }
    }

    fn codes(found: &[Found]) -> Vec<(String, &'static str)> {
        found
            .iter()
            .map(|f| (f.path.display().to_string(), f.issue.code()))
            .collect()
    }

    #[test]
    fn what_kap_writes_passes_and_anything_else_is_named() {
        let kept = vec![
            file("journal.jsonl", 0o100600),
            file("protocol.toml", 0o100600),
            file("kap.lock", 0o100600),
            file("seal.json", 0o100600),
            file("summary.md", 0o100600),
            file("summary.12.md", 0o100600),
            file(".push.json.0a1b.tmp", 0o100600),
            Entry {
                name: "instructor.sock".into(),
                kind: Kind::Socket,
                mode: 0o140755,
            },
        ];
        let f = facts(kept.clone());
        // The start is a note here: named as such, and nothing else.
        assert_eq!(
            codes(&judge_record(&f)),
            vec![("/d/sessions/s/journal.jsonl".into(), "no-start")]
        );
        let mut more = kept;
        more.push(file("notes.txt", 0o100600));
        more.push(file("summary.x.md", 0o100600));
        more.push(Entry {
            name: "kap.lock".into(),
            kind: Kind::Other,
            mode: 0o120777,
        });
        more.push(file("push.json", 0o100644));
        let mut f = facts(more);
        f.dir_mode = 0o40755;
        f.protocol = Err("bad".into());
        let got = codes(&judge_record(&f));
        for want in [
            ("/d/sessions/s", "mode"),
            ("/d/sessions/s/notes.txt", "foreign-file"),
            ("/d/sessions/s/summary.x.md", "foreign-file"),
            ("/d/sessions/s/kap.lock", "not-a-regular-file"),
            ("/d/sessions/s/push.json", "mode"),
            ("/d/sessions/s/protocol.toml", "protocol-copy"),
        ] {
            assert!(
                got.contains(&(want.0.into(), want.1)),
                "{want:?} in {got:?}"
            );
        }
    }

    #[test]
    fn a_tree_holds_session_folders_and_nothing_else() {
        let tree = Path::new("/d/sessions");
        let dir = |n: &str| Entry {
            name: n.into(),
            kind: Kind::Dir,
            mode: 0o40700,
        };
        assert_eq!(judge_tree_entry(tree, &dir("P-1-s1-x"), true), None);
        assert_eq!(
            judge_tree_entry(tree, &dir(".creating-P-1-s1-x-99"), false),
            None
        );
        let stray = judge_tree_entry(tree, &dir("old"), false).map(|f| f.issue);
        assert_eq!(stray, Some(Issue::NotARecord));
        let loose = judge_tree_entry(tree, &file("a.csv", 0o100600), false).map(|f| f.issue);
        assert_eq!(loose, Some(Issue::Foreign));
        let root = Path::new("/d");
        assert_eq!(judge_root_entry(root, &dir("sessions")), None);
        assert_eq!(judge_root_entry(root, &file("clinicians", 0o100600)), None);
        assert!(judge_root_entry(root, &file("backup.tar", 0o100600)).is_some());
    }
}
