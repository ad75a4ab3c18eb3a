//! Sealed records for the integrity tests: sessions closed through the
//! library and sealed as the app seals them at the close
//! (`summary::write_closing`: `seal.json` and `summary.md`).
#![allow(dead_code)]

use kap::record::{OpenSession, Store};
use kap::session::{Clock, Event, MINUTE, SimClock};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixed palliative course (`course::fixed_course`) with session 1
/// sealed at its close. Returns session 1's folder (closed, sealed) and
/// session 2's (open, dosed).
pub fn sealed_course(data: &Path) -> (PathBuf, PathBuf) {
    let store = Store::at(data);
    let (dir1, dir2, clock) = super::course::fixed_course(&store);
    seal(&dir1, &clock);
    (dir1, dir2)
}

/// Seal a closed record as the app does when it is signed.
pub fn seal(dir: &Path, clock: &SimClock) {
    let open = open_when_free(dir);
    kap::record::summary::write_closing(&open, &clock.now(), kap::i18n::Lang::En).unwrap();
}

/// Open a session folder, waiting while its lock is held. Tests in one
/// process start `kap` while others hold session locks: a child forked
/// at that moment holds a copy of the lock until its `exec`.
pub fn open_when_free(dir: &Path) -> OpenSession {
    for _ in 0..200 {
        match OpenSession::open(dir) {
            Err(kap::record::RecordError::Locked(_)) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other.unwrap(),
        }
    }
    panic!("{} stayed locked", dir.display())
}

/// A short real session for `patient`, closed and sealed: start, a note,
/// the close. `minutes` sets it apart in time from the others.
pub fn closed_session(store: &Store, patient: &str, minutes: i64) -> PathBuf {
    let (p, text) = super::course::load("palliative.toml");
    let clock = SimClock::fixed();
    clock.advance(minutes * MINUTE);
    let mut start = super::course::start(&p, 1, 0.4, 25.5);
    start.patient = patient.into();
    let mut open = store.create_session(&text, start, &clock.now()).unwrap();
    clock.advance(MINUTE);
    let note = Event::Note {
        text: format!("{patient}: settled"),
        tags: vec![],
        outside: None,
    };
    open.record(note, &clock.now()).unwrap();
    clock.advance(MINUTE);
    open.record(
        Event::Abandoned {
            reason: "test: ended".into(),
        },
        &clock.now(),
    )
    .unwrap();
    kap::record::summary::write_closing(&open, &clock.now(), kap::i18n::Lang::En).unwrap();
    open.dir.clone()
}

/// The real binary over a data folder, no sound, in English. Push is
/// configured to a server nobody listens on (127.0.0.1, port 9) only when
/// `config` holds its `push.toml` (see [`push_config`]).
pub fn kap(data: &Path, args: &[&str]) -> Output {
    kap_with(data, None, args)
}

/// A push config in `dir` (outside the data folder) naming a server that
/// does not answer, with its token file.
pub fn push_config(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let tok = dir.join("token");
    std::fs::write(&tok, "test-token\n").unwrap();
    std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o600)).unwrap();
    let conf = dir.join("push.toml");
    std::fs::write(
        &conf,
        "base_url = \"https://127.0.0.1:9/fhir\"\ntoken_file = \"token\"\ntimeout_seconds = 2\n",
    )
    .unwrap();
    conf
}

pub fn kap_with(data: &Path, config: Option<&Path>, args: &[&str]) -> Output {
    let none = data.join("no-config");
    let mut c = Command::new(env!("CARGO_BIN_EXE_kap"));
    match config {
        Some(conf) => c.env("KAP_PUSH_CONFIG", conf),
        None => c.env_remove("KAP_PUSH_CONFIG"),
    };
    c.args(args)
        .env("KAP_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", &none)
        .env("KAP_AUDIO", "off")
        .env("KAP_LANG", "en")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .output()
        .unwrap()
}

/// Standard output and error together, for assertion messages.
pub fn said(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}
