//! Reading files that come from outside: protocols, scenarios, playlists,
//! protocol copies. Only regular files under a stated size are read, so a
//! fifo, a device (`/dev/zero`) or a huge file gives a clear refusal instead
//! of a hang or unbounded memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Largest protocol, scenario or playlist file read: far above any real
/// one (the shipped protocols are under 40 KiB).
pub const MAX_TEXT_FILE: u64 = 1024 * 1024;

/// Open a file for reading only if it is a regular file. Opening does not
/// block on a fifo (`O_NONBLOCK`), which is then refused.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::t!("input-not-regular"),
        ));
    }
    Ok(file)
}

/// Read a whole regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let too_big = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::t!("input-too-big", kib = (limit / 1024).to_string()),
        )
    };
    if file.metadata()?.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Read a protocol, scenario or playlist file ([`MAX_TEXT_FILE`] at most).
pub fn read_text_file(path: &Path) -> io::Result<Vec<u8>> {
    read_limited(path, MAX_TEXT_FILE)
}

/// The same, as UTF-8 text.
pub fn read_text_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read_text_file(path)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, crate::t!("diag-not-utf8")))
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
