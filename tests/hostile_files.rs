//! A data folder where kap's own files should be holds something else: a
//! fifo, a socket, a link to /dev/zero, a 1 GB sparse file. Every command
//! that reads the folder answers within seconds and names the file and
//! what is wrong with it; none hangs (a hang fails the test, it does not
//! stop it).

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest any command may take here (a debug build on a loaded machine
/// answers in well under a second; a blocked open never does).
const LIMIT: Duration = Duration::from_secs(5);

fn kap_within(args: &[&str], data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .env("KAP_LANG", "en")
        .env("KAP_AUDIO", "off")
        .env("KAP_PUSH_CONFIG", data.join("no-push.toml"))
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + LIMIT;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kap {args:?} still running after {LIMIT:?}: it blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().unwrap().success();
    assert!(ok, "mkfifo {}", p.display());
}

/// What stands where a file should be, and what kap says about it.
#[derive(Clone, Copy)]
enum Hostile {
    Fifo,
    Socket,
    ZeroLink,
    Sparse,
}

const ALL: [Hostile; 4] = [
    Hostile::Fifo,
    Hostile::Socket,
    Hostile::ZeroLink,
    Hostile::Sparse,
];

impl Hostile {
    fn name(self) -> &'static str {
        match self {
            Hostile::Fifo => "fifo",
            Hostile::Socket => "socket",
            Hostile::ZeroLink => "zero",
            Hostile::Sparse => "sparse",
        }
    }

    fn said(self) -> &'static str {
        match self {
            Hostile::Fifo | Hostile::Socket => "not a regular file",
            Hostile::ZeroLink => "a symbolic link, which kap does not follow",
            Hostile::Sparse => "larger than the",
        }
    }

    fn make(self, p: &Path) {
        match self {
            Hostile::Fifo => mkfifo(p),
            Hostile::Socket => {
                drop(std::os::unix::net::UnixListener::bind(p).unwrap());
            }
            Hostile::ZeroLink => symlink("/dev/zero", p).unwrap(),
            Hostile::Sparse => std::fs::File::create(p).unwrap().set_len(1 << 30).unwrap(),
        }
    }
}

/// A session folder `P-<kind>-s1-…` in `tree` whose journal is `kind`,
/// beside a good protocol copy. Returns its id.
fn hostile_session(data: &Path, tree: &str, kind: Hostile) -> (String, PathBuf) {
    let id = format!("P-{}-s1-20261201T100000", kind.name());
    let dir = data.join(tree).join(&id);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
        dir.join("protocol.toml"),
    )
    .unwrap();
    let journal = dir.join("journal.jsonl");
    kind.make(&journal);
    (id, journal)
}

fn hostile_folder() -> (tempfile::TempDir, Vec<(Hostile, String, PathBuf)>) {
    let tmp = tempfile::tempdir().unwrap();
    let mut made = Vec::new();
    for tree in ["sessions", "rehearsal"] {
        for kind in ALL {
            let (id, journal) = hostile_session(tmp.path(), tree, kind);
            if tree == "sessions" {
                made.push((kind, id, journal));
            }
        }
    }
    (tmp, made)
}

fn assert_names_each(o: &Output, made: &[(Hostile, String, PathBuf)], what: &str) {
    let err = text(&o.stderr);
    for (kind, _, journal) in made {
        let line = err
            .lines()
            .find(|l| l.contains(&journal.display().to_string()))
            .unwrap_or_else(|| panic!("{what}: {} not named:\n{err}", journal.display()));
        assert!(line.contains(kind.said()), "{what}: {line}");
    }
    assert!(!o.status.success(), "{what} said all was well:\n{err}");
}

#[test]
fn every_listing_command_names_a_journal_that_is_not_a_file_without_hanging() {
    let (tmp, made) = hostile_folder();
    let data = tmp.path();
    for args in [
        &["resume"][..],
        &["history", "P-fifo"],
        &["push", "--status"],
    ] {
        let o = kap_within(args, data);
        assert_names_each(&o, &made, &args.join(" "));
    }
    let o = kap_within(&["resume", "--rehearsal"], data);
    assert!(text(&o.stderr).contains("rehearsal/P-fifo-s1-20261201T100000/journal.jsonl"));
    let o = kap_within(&["doctor", "--protocols", "protocols"], data);
    let out = text(&o.stdout);
    let fail = out
        .lines()
        .find(|l| l.starts_with("FAIL") && l.contains("session record cannot be read"))
        .unwrap_or_else(|| panic!("doctor:\n{out}"));
    for (kind, _, journal) in &made {
        assert!(fail.contains(&journal.display().to_string()), "{fail}");
        assert!(fail.contains(kind.said()), "{fail}");
    }
}

#[test]
fn every_command_on_one_session_names_its_journal_without_hanging() {
    let (tmp, made) = hostile_folder();
    let data = tmp.path();
    for (kind, id, journal) in &made {
        for args in [
            &["export", id.as_str()][..],
            &["export", id.as_str(), "--format", "fhir"],
            &["resume", id.as_str(), "--status"],
            &["resume", id.as_str(), "--screen-reader"],
            &["replay", id.as_str(), "--screen-reader"],
        ] {
            let o = kap_within(args, data);
            let err = text(&o.stderr);
            assert!(!o.status.success(), "{args:?}: {err}");
            assert!(
                err.contains(&journal.display().to_string()) && err.contains(kind.said()),
                "{args:?}: {err}"
            );
        }
    }
    // Starting a session for the same patient looks for one to resume:
    // it goes on to the start, unblocked.
    let o = kap_within(
        &[
            "run",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "P-fifo",
            "--session",
            "1",
            "--weight",
            "70",
            "--screen-reader",
        ],
        data,
    );
    assert!(
        text(&o.stdout).contains("Patient P-fifo"),
        "{}",
        text(&o.stdout)
    );
}

/// A session whose journal is sound but whose protocol copy or lock file
/// is a fifo.
#[test]
fn the_other_files_of_a_session_folder_are_refused_the_same_way() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let made = |name: &str| -> (String, PathBuf) {
        let o = Command::new(env!("CARGO_BIN_EXE_kap-dev"))
            .args(["journal-writer", "--protocol", "protocols/montreal.toml"])
            .args(["--count", "1"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("KAP_DATA_DIR", data)
            .output()
            .unwrap();
        let dir = text(&o.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("dir ").map(PathBuf::from))
            .unwrap();
        let p = dir.join(name);
        let _ = std::fs::remove_file(&p);
        mkfifo(&p);
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        (id, p)
    };
    for name in ["protocol.toml", "kap.lock"] {
        let (id, fifo) = made(name);
        let args: &[&str] = match name {
            "kap.lock" => &["resume", "--rehearsal", &id, "--screen-reader"],
            _ => &["export", &id],
        };
        let o = kap_within(args, data);
        let all = text(&o.stderr) + &text(&o.stdout);
        assert!(
            all.contains(&fifo.display().to_string()) && all.contains("not a regular file"),
            "{name}: {all}"
        );
    }
}
