//! Opening and reading every file kap reads: protocols, scenarios,
//! playlists, tracks, journals, protocol copies, simulation logs, lock
//! files, push settings and status, summaries. Opening never blocks
//! (`O_NONBLOCK`, so a fifo opens at once), the open file is then checked
//! with `fstat` to be a regular file (not a fifo, socket, device or
//! folder, whatever a link pointed at), and a read stops at a stated size.
//! A fifo, `/dev/zero` or a huge file gives a clear refusal instead of a
//! hang or unbounded memory. Callers name the file in the error.

use crate::i18n::io_error;
use rustix::fs::OFlags;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Largest protocol, scenario or playlist file read: far above any real
/// one (the shipped protocols are under 40 KiB).
pub const MAX_TEXT_FILE: u64 = 1024 * 1024;

/// Whether a symbolic link at the path itself may be followed. Records
/// kap writes refuse links (a planted link could point anywhere);
/// files a person names (a protocol, a playlist) may be links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Follow,
    Refuse,
}

/// Open `path` with `opts` without ever blocking, and keep it only if it
/// is a regular file. `O_NONBLOCK` is cleared again once the file is
/// known to be regular (where it means nothing), so writes behave as
/// usual.
pub fn open_checked(path: &Path, opts: &mut OpenOptions, links: Links) -> io::Result<File> {
    let mut flags = OFlags::NONBLOCK;
    if links == Links::Refuse {
        flags |= OFlags::NOFOLLOW;
    }
    let file = opts
        .custom_flags(flags.bits() as i32)
        .open(path)
        .map_err(|e| explain_open_error(e, links))?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let now = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, now - OFlags::NONBLOCK)?;
    Ok(file)
}

/// Open a file for reading only if it is a regular file (links followed).
pub fn open_regular(path: &Path) -> io::Result<File> {
    open_checked(path, OpenOptions::new().read(true), Links::Follow)
}

fn not_regular() -> io::Error {
    io_error(
        io::ErrorKind::InvalidInput,
        crate::phrase!("input-not-regular"),
    )
}

/// The kernel's answers that mean "not a file kap can read", in words.
fn explain_open_error(e: io::Error, links: Links) -> io::Error {
    match rustix::io::Errno::from_io_error(&e) {
        // A socket cannot be opened at all.
        Some(rustix::io::Errno::NXIO) => not_regular(),
        Some(rustix::io::Errno::LOOP) if links == Links::Refuse => io_error(
            io::ErrorKind::InvalidInput,
            crate::phrase!("input-link-refused"),
        ),
        _ => e,
    }
}

fn too_big(limit: u64) -> io::Error {
    io_error(
        io::ErrorKind::InvalidInput,
        crate::phrase!("input-too-big", kib = (limit / 1024).to_string()),
    )
}

/// Read an open regular file whole, refusing more than `limit` bytes
/// (by its size first, and again while reading in case it grew).
pub fn read_open(file: &File, limit: u64) -> io::Result<Vec<u8>> {
    if file.metadata()?.len() > limit {
        return Err(too_big(limit));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    Ok(bytes)
}

/// Read a whole regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_open(&open_regular(path)?, limit)
}

/// Read a whole regular file of at most `limit` bytes, refusing a link at
/// the path (for files in kap's own records).
pub fn read_record_file(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_open(
        &open_checked(path, OpenOptions::new().read(true), Links::Refuse)?,
        limit,
    )
}

/// A small system file (`/etc/timezone`, `/proc/self/mountinfo`, a sysfs
/// attribute) as text, through the same checks: at most 1 MiB.
pub fn read_system_text(path: impl AsRef<Path>) -> io::Result<String> {
    let bytes = read_limited(path.as_ref(), MAX_TEXT_FILE)?;
    String::from_utf8(bytes)
        .map_err(|_| io_error(io::ErrorKind::InvalidData, crate::phrase!("diag-not-utf8")))
}

/// Read a protocol, scenario or playlist file ([`MAX_TEXT_FILE`] at most).
pub fn read_text_file(path: &Path) -> io::Result<Vec<u8>> {
    read_limited(path, MAX_TEXT_FILE)
}

/// The same, as UTF-8 text.
pub fn read_text_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read_text_file(path)?)
        .map_err(|_| io_error(io::ErrorKind::InvalidData, crate::phrase!("diag-not-utf8")))
}

/// The first `max` bytes of a regular file (for probing a header), and
/// the file's whole length.
pub fn read_prefix(path: &Path, max: u64) -> io::Result<(Vec<u8>, u64)> {
    let file = open_regular(path)?;
    let len = file.metadata()?.len();
    let mut bytes = Vec::new();
    file.take(max).read_to_end(&mut bytes)?;
    Ok((bytes, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_socket_a_device_and_a_folder_are_refused_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("fifo");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let sock = tmp.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let zero = tmp.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for p in [&fifo, &sock, &zero, &tmp.path().to_path_buf()] {
            let e = read_limited(p, 10).unwrap_err();
            assert_eq!(
                crate::i18n::say_io(&e, crate::i18n::Lang::FrCa),
                crate::say!(crate::i18n::Lang::FrCa, "input-not-regular"),
                "{}",
                p.display()
            );
        }
        let e = read_record_file(&zero, 10).unwrap_err();
        assert_eq!(
            crate::i18n::say_io(&e, crate::i18n::Lang::PtBr),
            crate::say!(crate::i18n::Lang::PtBr, "input-link-refused")
        );
    }

    #[test]
    fn a_file_over_the_bound_is_refused_without_reading_it() {
        let tmp = tempfile::tempdir().unwrap();
        let big = tmp.path().join("big");
        File::create(&big).unwrap().set_len(1 << 30).unwrap();
        let e = read_limited(&big, 4096).unwrap_err();
        assert!(e.to_string().contains('4'), "{e}");
        std::fs::write(&big, b"1234").unwrap();
        assert_eq!(read_limited(&big, 4).unwrap(), b"1234");
        assert!(read_limited(&big, 3).is_err());
    }

    #[test]
    fn the_file_kept_is_blocking_again() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("f");
        std::fs::write(&p, b"x").unwrap();
        let f = open_regular(&p).unwrap();
        assert!(
            !rustix::fs::fcntl_getfl(&f)
                .unwrap()
                .contains(OFlags::NONBLOCK)
        );
    }
}
