//! One writer per session: an exclusive advisory lock (`flock`) on a lock
//! file in the session's folder, held for as long as the session is open.
//! The kernel drops it when the process ends, however it ends, so a
//! session left by `kill -9` or a flat battery is never locked for good.
//! The file says who holds it, so a refusal can name the process.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The lock file's name in a session folder.
pub const LOCK_FILE: &str = "kap.lock";

/// A held session lock; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another process has the session open; what its lock file says.
    Held {
        dir: PathBuf,
        holder: crate::i18n::Phrase,
    },
    Io(PathBuf, io::Error),
}

impl LockError {
    /// Why the session could not be locked, in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        self.words().say(lang)
    }

    /// Why the session could not be locked, as a phrase.
    pub fn words(&self) -> crate::i18n::Phrase {
        match self {
            LockError::Held { dir, holder } => crate::phrase!(
                "record-locked",
                folder = dir.display().to_string(),
                holder = holder
            ),
            LockError::Io(p, e) => crate::phrase!(
                "record-lock-failed",
                file = p.display().to_string(),
                error = crate::i18n::io_words(e)
            ),
        }
    }
}

/// Released explicitly, not only by closing the file: a process started
/// elsewhere in kap (or in a test binary) holds a copy of every open
/// descriptor between fork and exec, and the lock lives until the last
/// copy closes. Unlocking releases it for every copy at once, so a session
/// closed here can be opened again at once.
impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = rustix::fs::flock(&self._file, rustix::fs::FlockOperation::Unlock);
    }
}

impl SessionLock {
    /// Take the lock of the session folder `dir`, or say who holds it.
    pub fn acquire(dir: &Path) -> Result<SessionLock, LockError> {
        let path = dir.join(LOCK_FILE);
        let io_err = |e| LockError::Io(path.clone(), e);
        let mut file = crate::input::open_checked(
            &path,
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600),
            crate::input::Links::Refuse,
        )
        .map_err(io_err)?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
                let mut said = String::new();
                let _ = (&file).take(4096).read_to_string(&mut said);
                let holder = describe_holder(&said);
                return Err(LockError::Held {
                    dir: dir.to_path_buf(),
                    holder,
                });
            }
            Err(e) => return Err(io_err(e.into())),
        }
        let me = format!(
            "pid={}\nsince={}\ncommand={}\n",
            std::process::id(),
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S %:z"),
            std::env::args()
                .map(|a| crate::text::clean_line(&a))
                .collect::<Vec<_>>()
                .join(" ")
        );
        file.set_len(0).map_err(io_err)?;
        file.write_all(me.as_bytes()).map_err(io_err)?;
        Ok(SessionLock { _file: file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// "process 123 `kap resume …`, since …" from a lock file's content.
fn describe_holder(said: &str) -> crate::i18n::Phrase {
    let field = |k: &str| {
        said.lines()
            .find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix('=')))
            .map(crate::text::clean_line)
    };
    match (field("pid"), field("command"), field("since")) {
        (Some(pid), command, since) => {
            let mut s = vec![crate::phrase!("lock-holder-process", pid = pid)];
            if let Some(c) = command.filter(|c| !c.is_empty()) {
                s.push(format!(" `{c}`").into());
            }
            if let Some(t) = since {
                s.push(crate::phrase!("lock-holder-since", since = t));
            }
            crate::i18n::Phrase::Seq(s)
        }
        _ => crate::phrase!("lock-holder-unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the lock's descriptor still open elsewhere (as a child
    /// process holds one between fork and exec) does not keep a dropped
    /// lock held.
    #[test]
    fn a_dropped_lock_is_free_though_a_copy_of_its_descriptor_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let lock = SessionLock::acquire(dir.path()).unwrap();
        let copy = lock._file.try_clone().unwrap();
        assert!(matches!(
            SessionLock::acquire(dir.path()),
            Err(LockError::Held { .. })
        ));
        drop(lock);
        assert!(SessionLock::acquire(dir.path()).is_ok());
        drop(copy);
    }

    /// Who holds a lock is said in the reader's language, the command it
    /// runs as it was typed.
    #[test]
    fn the_holder_is_said_in_the_readers_language() {
        use crate::i18n::Lang;
        let said = "pid=4242\nsince=2026-12-06 10:00:00 +00:00\ncommand=kap resume\n";
        let holder = describe_holder(said);
        assert_eq!(
            holder.say(Lang::En),
            "process 4242 `kap resume`, since 2026-12-06 10:00:00 +00:00"
        );
        assert_eq!(
            holder.say(Lang::FrCa),
            "processus 4242 `kap resume`, depuis 2026-12-06 10:00:00 +00:00"
        );
        assert!(
            describe_holder("")
                .say(Lang::PtBr)
                .starts_with("um processo")
        );
        let dir = tempfile::tempdir().unwrap();
        let _held = SessionLock::acquire(dir.path()).unwrap();
        let Err(e) = SessionLock::acquire(dir.path()) else {
            panic!("a second lock was taken");
        };
        let pt = e.say(Lang::PtBr);
        assert!(pt.contains("processo ") && pt.contains("desde "), "{pt}");
    }
}
