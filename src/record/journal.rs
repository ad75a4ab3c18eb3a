//! The append-only journal: one JSON object per line, each written with a
//! single `write_all` and made durable with `fsync` before the caller may show
//! it as saved. A crash can leave at most a torn last line, which reading
//! detects, reports and skips; reopening for append cuts it off (keeping the
//! torn bytes in a side file) so the next event starts on a clean line.

use crate::session::{Event, Moment};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Version of the line format.
pub const SCHEMA: u32 = 1;

/// One journal line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Schema version of this line.
    pub v: u32,
    /// 1, 2, 3 … in the order written.
    pub seq: u64,
    /// Set on every line of a rehearsal record.
    pub rehearsal: bool,
    pub at: Moment,
    pub event: Event,
}

/// What reading a journal found.
#[derive(Debug, Clone, Default)]
pub struct ReadOutcome {
    pub records: Vec<Record>,
    /// The last line was cut short by a crash: its number and bytes.
    pub torn: Option<(usize, Vec<u8>)>,
    /// Whole lines in the middle that could not be read (should never
    /// happen; reported, never silently dropped).
    pub damaged: Vec<(usize, String)>,
    /// Byte length of the good part of the file (up to the last newline).
    pub good_len: u64,
}

impl ReadOutcome {
    /// Human-readable notes about anything unusual found.
    pub fn warnings(&self, path: &Path) -> Vec<String> {
        let mut w = Vec::new();
        if let Some((line, bytes)) = &self.torn {
            w.push(format!(
                "{}:{line}: the last entry was cut short by a crash ({} bytes) and was not saved; it is skipped",
                path.display(),
                bytes.len()
            ));
        }
        for (line, e) in &self.damaged {
            w.push(format!(
                "{}:{line}: unreadable entry skipped: {e}",
                path.display()
            ));
        }
        w
    }
}

/// Read every record of a journal file.
pub fn read(path: &Path) -> io::Result<ReadOutcome> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(parse(&bytes))
}

/// Parse journal bytes (split out for tests and fuzzing).
pub fn parse(bytes: &[u8]) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let mut pos = 0usize;
    let mut line_no = 0usize;
    while pos < bytes.len() {
        line_no += 1;
        let (line, complete, next) = match bytes[pos..].iter().position(|&b| b == b'\n') {
            Some(i) => (&bytes[pos..pos + i], true, pos + i + 1),
            None => (&bytes[pos..], false, bytes.len()),
        };
        if !complete {
            // No newline: the write was interrupted. Never a saved entry,
            // because "saved" is only shown after the newline is synced.
            out.torn = Some((line_no, line.to_vec()));
            break;
        }
        out.good_len = next as u64;
        pos = next;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(r) => out.records.push(r),
            Err(e) => out.damaged.push((line_no, e.to_string())),
        }
    }
    out
}

/// An open journal, ready to append.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    next_seq: u64,
    rehearsal: bool,
    /// Length of the file up to the end of the last saved line.
    len: u64,
    /// A failed append may have left part of a line behind that could not
    /// be cut off yet; the next append cuts it first.
    dirty: bool,
}

impl Journal {
    /// Create a new, empty journal (mode 0600) and make its directory entry
    /// durable.
    pub fn create(path: &Path, rehearsal: bool) -> io::Result<Journal> {
        let file = OpenOptions::new()
            .create_new(true)
            .append(true)
            .read(true)
            .mode(0o600)
            .open(path)?;
        if let Some(dir) = path.parent() {
            sync_dir(dir)?;
        }
        Ok(Journal {
            file,
            path: path.to_path_buf(),
            next_seq: 1,
            rehearsal,
            len: 0,
            dirty: false,
        })
    }

    /// Open an existing journal to continue it. A torn last line is cut off
    /// (its bytes kept beside the journal as `<name>.torn`).
    pub fn open(path: &Path) -> io::Result<(Journal, ReadOutcome)> {
        let outcome = read(path)?;
        let mut file = OpenOptions::new().read(true).write(true).open(path)?;
        if let Some((_, torn)) = &outcome.torn {
            let side = path.with_extension("torn");
            let mut f = OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(&side)?;
            f.write_all(torn)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            file.set_len(outcome.good_len)?;
            file.sync_all()?;
        }
        file.seek(SeekFrom::End(0))?;
        let next_seq = outcome.records.last().map_or(1, |r| r.seq + 1);
        let rehearsal = outcome.records.first().is_some_and(|r| r.rehearsal);
        // Reopen in append mode so every write lands at the end.
        drop(file);
        let file = OpenOptions::new().append(true).read(true).open(path)?;
        let len = file.metadata()?.len();
        Ok((
            Journal {
                file,
                path: path.to_path_buf(),
                next_seq,
                rehearsal,
                len,
                dirty: false,
            },
            outcome,
        ))
    }

    /// The journal's folder was renamed: the open file goes on, under its
    /// new path.
    pub fn moved_to(&mut self, path: PathBuf) {
        self.path = path;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_rehearsal(&self) -> bool {
        self.rehearsal
    }

    /// Append one event and make it durable. Only when this returns `Ok`
    /// may the entry be shown as saved. Returns its sequence number.
    ///
    /// A failed append (disk full, I/O error) leaves the journal as it was:
    /// any part of the line that reached the file is cut off again, so the
    /// next entry that does save starts on a clean line and is readable.
    pub fn append(&mut self, event: &Event, at: &Moment) -> io::Result<u64> {
        if self.dirty {
            self.file.set_len(self.len)?;
            self.dirty = false;
        }
        let rec = Record {
            v: SCHEMA,
            seq: self.next_seq,
            rehearsal: self.rehearsal,
            at: at.clone(),
            event: event.clone(),
        };
        let mut line = serde_json::to_vec(&rec).map_err(io::Error::other)?;
        line.push(b'\n');
        let written = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            if self.file.set_len(self.len).is_err() {
                self.dirty = true;
            }
            return Err(e);
        }
        self.len += line.len() as u64;
        self.next_seq += 1;
        Ok(rec.seq)
    }
}

/// fsync a directory so a new or renamed entry in it survives a crash.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Write a whole file atomically and durably: temporary file, fsync, rename,
/// fsync the directory. Readers see the old content or the new, never half.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut f = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    sync_dir(dir)
}
