//! The append-only journal: one JSON object per line, each written with a
//! single `write_all` and made durable with `fsync` before the caller may show
//! it as saved. A crash can leave at most a torn last line, which reading
//! detects, reports and skips; reopening for append cuts it off (keeping the
//! torn bytes in a side file) so the next event starts on a clean line.
//! Each line carries its own checksum and the hash of the line before it
//! (`verify`), so a changed, missing or reordered line is found and named.
//! The format is documented for auditors in `docs/journal-format.md`.

pub use super::verify::ReadOutcome;
use super::verify::{self, GENESIS};
use crate::session::{Event, Moment};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Version of the line format: 2 adds each line's checksum (`sum`) and the
/// hash of the line before (`prev`). Version 1 lines are still read.
pub const SCHEMA: u32 = 2;

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
    /// Who made the entry, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When what it records happened, when earlier than `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<Moment>,
    /// SHA-256 of the previous line's bytes (zeros for the first line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// SHA-256 of this line without its `sum` member; always last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<String>,
}

/// Most a journal may hold: far beyond any session (a two-hour session
/// writes well under a megabyte), small enough to read whole.
pub const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// Read every record of a journal file, without changing anything.
/// Opening never blocks, and only a regular file of at most
/// [`MAX_JOURNAL_BYTES`] is read (see [`crate::input`]).
pub fn read(path: &Path) -> io::Result<ReadOutcome> {
    let file = open_journal(path, OpenOptions::new().read(true))?;
    read_file(&file)
}

/// Open a journal (never through a link, never blocking, a regular file).
fn open_journal(path: &Path, opts: &mut OpenOptions) -> io::Result<File> {
    crate::input::open_checked(path, opts, crate::input::Links::Refuse)
}

fn read_file(file: &File) -> io::Result<ReadOutcome> {
    Ok(parse(&crate::input::read_open(file, MAX_JOURNAL_BYTES)?))
}

/// Parse and verify journal bytes (split out for tests and fuzzing).
pub fn parse(bytes: &[u8]) -> ReadOutcome {
    super::verify::parse(bytes)
}

/// Open flags not in std.
pub(crate) mod libc_flags {
    /// `O_NOFOLLOW`: refuse to open a symbolic link.
    pub const NOFOLLOW: i32 = rustix::fs::OFlags::NOFOLLOW.bits() as i32;
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
    /// Hash of the last line: the next line's `prev`.
    last_hash: String,
    /// A failed append may have left part of a line behind that could not
    /// be cut off yet; the next append cuts it first.
    dirty: bool,
    /// Opened for reading only (a replay): every append is refused, and
    /// the file itself is open without write access.
    read_only: bool,
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
            .custom_flags(libc_flags::NOFOLLOW)
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
            last_hash: GENESIS.to_string(),
            dirty: false,
            read_only: false,
        })
    }

    /// Open an existing journal to continue it. A torn last line is cut off
    /// (its bytes kept beside the journal as `<name>.torn`). The caller
    /// holds the session's lock. A journal from a newer schema is refused.
    pub fn open(path: &Path) -> io::Result<(Journal, ReadOutcome)> {
        let file = open_journal(path, OpenOptions::new().read(true).append(true))?;
        let outcome = read_file(&file)?;
        if let Some(n) = &outcome.newer {
            return Err(crate::i18n::io_error(io::ErrorKind::Other, n.words()));
        }
        if let Some((_, torn)) = &outcome.torn {
            let side = path.with_extension("torn");
            let mut f = open_journal(
                &side,
                OpenOptions::new().create(true).append(true).mode(0o600),
            )?;
            f.write_all(torn)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            file.set_len(outcome.good_len)?;
            file.sync_all()?;
        }
        let rehearsal = outcome.records.first().is_some_and(|r| r.rehearsal);
        let len = outcome.good_len;
        Ok((
            Journal {
                file,
                path: path.to_path_buf(),
                next_seq: outcome.last_seq + 1,
                rehearsal,
                len,
                last_hash: outcome.last_hash.clone(),
                dirty: false,
                read_only: false,
            },
            outcome,
        ))
    }

    /// Open a journal to read it only (a replay): no lock, nothing cut
    /// off, the file opened without write access, and every append
    /// refused. A journal from a newer schema is refused.
    pub fn open_read_only(path: &Path) -> io::Result<(Journal, ReadOutcome)> {
        let file = open_journal(path, OpenOptions::new().read(true))?;
        let outcome = read_file(&file)?;
        if let Some(n) = &outcome.newer {
            return Err(crate::i18n::io_error(io::ErrorKind::Other, n.words()));
        }
        let rehearsal = outcome.records.first().is_some_and(|r| r.rehearsal);
        Ok((
            Journal {
                file,
                path: path.to_path_buf(),
                next_seq: outcome.last_seq + 1,
                rehearsal,
                len: outcome.good_len,
                last_hash: outcome.last_hash.clone(),
                dirty: false,
                read_only: true,
            },
            outcome,
        ))
    }

    /// Opened for reading only: nothing can be appended.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn refuse_if_read_only(&self) -> io::Result<()> {
        if self.read_only {
            return Err(crate::i18n::io_error(
                io::ErrorKind::PermissionDenied,
                crate::phrase!(
                    "replay-journal-read-only",
                    file = self.path.display().to_string()
                ),
            ));
        }
        Ok(())
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

    /// The number of the last entry saved, and the SHA-256 of its line:
    /// what a copy kept elsewhere needs to show the journal was not cut.
    pub fn seal(&self) -> (u64, &str) {
        (self.next_seq.saturating_sub(1), &self.last_hash)
    }

    /// Whether the open file is still the one at the journal's path: false
    /// once the file or its folder was deleted, moved or replaced, when
    /// whatever is written would be lost at exit.
    pub fn is_at_path(&self) -> bool {
        use std::os::unix::fs::MetadataExt;
        let (Ok(open), Ok(there)) = (self.file.metadata(), std::fs::symlink_metadata(&self.path))
        else {
            return false;
        };
        open.nlink() > 0 && open.dev() == there.dev() && open.ino() == there.ino()
    }

    /// Everything saved so far, read back through the open file (which
    /// still works after the file was unlinked).
    pub fn saved_bytes(&self) -> io::Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0u8; usize::try_from(self.len).map_err(io::Error::other)?];
        self.file.read_exact_at(&mut buf, 0)?;
        Ok(buf)
    }

    /// Fill a new, empty journal with the saved lines of another (the same
    /// bytes, so every checksum and link still holds), durably.
    pub fn restore(&mut self, saved: &[u8]) -> io::Result<()> {
        self.refuse_if_read_only()?;
        if self.len != 0 {
            return Err(io::Error::other("restore needs an empty journal"));
        }
        let outcome = parse(saved);
        self.file.write_all(saved)?;
        self.file.sync_all()?;
        self.len = saved.len() as u64;
        self.next_seq = outcome.last_seq + 1;
        self.last_hash = outcome.last_hash;
        Ok(())
    }

    /// Append one event and make it durable. Only when this returns `Ok`
    /// may the entry be shown as saved. Returns its sequence number.
    ///
    /// A failed append (disk full, I/O error) leaves the journal as it was:
    /// any part of the line that reached the file is cut off again, so the
    /// next entry that does save starts on a clean line and is readable.
    /// A journal that is no longer at its path is not written at all.
    /// The number the next line will have.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Append an entry with no author or time taken.
    pub fn append(&mut self, event: &Event, at: &Moment) -> io::Result<u64> {
        self.append_stamped(event, at, &crate::session::Stamp::default())
    }

    pub fn append_stamped(
        &mut self,
        event: &Event,
        at: &Moment,
        stamp: &crate::session::Stamp,
    ) -> io::Result<u64> {
        self.refuse_if_read_only()?;
        if !self.is_at_path() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "the journal is no longer at {} (its folder was removed, moved or replaced)",
                    self.path.display()
                ),
            ));
        }
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
            by: stamp.by.clone(),
            taken: stamp.taken.clone(),
            prev: Some(self.last_hash.clone()),
            sum: None,
        };
        let body = serde_json::to_vec(&rec).map_err(io::Error::other)?;
        let sealed = verify::seal(&body);
        let hash = verify::sha256_hex(&sealed);
        let mut line = sealed;
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
        self.last_hash = hash;
        Ok(rec.seq)
    }
}

/// fsync a directory so a new or renamed entry in it survives a crash.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Write a whole file atomically and durably: a temporary file with an
/// unpredictable name, created exclusively (never through a link), mode
/// 0600, fsynced, renamed over the target, then the directory fsynced.
/// Readers see the old content or the new, never half.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |f| f.write_all(contents))
}

/// The same, the content written by `fill` as it is made (an export too
/// big to hold twice): buffered, and in place only once all of it is.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let mut attempt = 0u32;
    let (tmp, mut f) = loop {
        let tmp = dir.join(format!(".{name}.{}.tmp", unpredictable()));
        match OpenOptions::new()
            .create_new(true)
            .write(true)
            .mode(0o600)
            .custom_flags(libc_flags::NOFOLLOW)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    let mut buffered = io::BufWriter::new(&mut f);
    let written = fill(&mut buffered).and_then(|()| buffered.flush());
    drop(buffered);
    let done = written
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir)
}

/// How old a temporary file of [`write_atomic`] must be to be taken as
/// left by a killed writer: a write takes well under a second, so a
/// minute-old one has no writer any more.
pub const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(60);

/// Whether a file name is one of [`write_atomic`]'s temporary names,
/// `.NAME.<32 hex>.tmp`.
fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|r| r.strip_suffix(".tmp")) else {
        return false;
    };
    rest.rsplit_once('.')
        .is_some_and(|(_, hex)| hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Remove the temporary files a killed [`write_atomic`] left in `dir`
/// (never one younger than [`STALE_TEMP`], which a writer may still be
/// about to rename). Nothing in them was ever in place: the rename is the
/// write. A failure leaves them for next time.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let stale = e
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if stale && is_temp_name(&e.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// 128 bits from the kernel's random source, as hex, for temporary names.
fn unpredictable() -> String {
    let mut buf = [0u8; 16];
    if File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_err()
    {
        // Still unique per process and moment; O_EXCL keeps it safe.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        buf = (t ^ u128::from(std::process::id()) << 64).to_le_bytes();
    }
    verify::sha256_hex(&buf)[..32].to_string()
}
