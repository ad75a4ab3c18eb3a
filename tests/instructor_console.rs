//! `kap instruct` as an instructor meets it on a bad day: a signal ends it
//! with the terminal given back (not left raw in the alternate screen), and
//! a rehearsal that stops answering for a while is said on the console,
//! never a reason to quit; the console picks the rehearsal up again when
//! it answers. The rehearsal's end of the socket is played by the test.

mod common;

use common::pty::Pty;
use kap::instruct::server::Server;
use kap::instruct::{SOCKET, Status};
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// crossterm's "leave the alternate screen", written when the terminal
/// is restored.
const LEAVE_ALTERNATE: &str = "\x1b[?1049l";

/// A rehearsal folder (made by the journal test aid) and its id.
fn rehearsal(data: &Path) -> (PathBuf, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_kap-dev"))
        .args(["journal-writer", "--protocol", "protocols/montreal.toml"])
        .args(["--count", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .output()
        .unwrap();
    let dir = String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("dir ").map(PathBuf::from))
        .unwrap();
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    (dir, id)
}

fn serving(dir: &Path) -> Server {
    let server = Server::start(dir, kap::i18n::Lang::En).unwrap();
    server.publish(Status {
        phase: "Phase-from-the-test".into(),
        ..Status::default()
    });
    server
}

#[test]
fn a_signal_ends_the_console_with_the_terminal_restored() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = rehearsal(tmp.path());
    let _server = serving(&dir);
    for sig in ["TERM", "HUP", "INT"] {
        let mut console = Pty::spawn(&["instruct", &id], tmp.path());
        console.wait_for("Phase-from-the-test", 20);
        assert!(!console.output().contains(LEAVE_ALTERNATE));
        let pid = console.child.process_id().unwrap();
        let sent = Command::new("kill")
            .args([&format!("-{sig}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        assert!(console.wait_exit(10.0).is_some(), "SIG{sig}: still running");
        // The last bytes it wrote may reach the test's reader a moment
        // after it exits: wait for them rather than read once.
        console.wait_said(LEAVE_ALTERNATE, 1, 5);
    }
}

#[test]
fn a_rehearsal_that_stops_answering_is_said_and_picked_up_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = rehearsal(tmp.path());
    // A rehearsal that takes the connection and never answers (stopped,
    // or its loop stuck).
    let silent = UnixListener::bind(dir.join(SOCKET)).unwrap();
    let held = std::thread::spawn(move || {
        let (stream, _) = silent.accept().unwrap();
        (silent, stream)
    });
    let mut console = Pty::spawn(&["instruct", &id], tmp.path());
    console.wait_for("not answering", 20);
    assert!(console.alive(), "the console quit:\n{}", console.output());
    assert!(!console.output().contains("os error"));
    // It answers again: the console connects anew and shows the status,
    // and the trouble is no longer said.
    drop(held.join().unwrap());
    let _server = serving(&dir);
    let screen = console.wait_for("Phase-from-the-test", 20);
    assert!(!screen.contains("not answering"), "{screen}");
    assert!(console.alive());
}

/// Text pasted into the console is a paste, not keys: a `c` in it does
/// not fail the cuff and a `q` does not close the console; the next key
/// typed does its job.
#[test]
fn pasted_text_is_not_taken_as_keys() {
    use kap::instruct::{Reply, Request};
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = rehearsal(tmp.path());
    let server = serving(&dir);
    let mut console = Pty::spawn(&["instruct", &id], tmp.path());
    console.wait_for("Phase-from-the-test", 20);
    console.paste("cq");
    console.send("c");
    // The first request to reach the rehearsal is the typed key's.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut asked = Vec::new();
    while asked.is_empty() && std::time::Instant::now() < deadline {
        asked = server
            .waiting()
            .into_iter()
            .filter(|p| p.request != Request::Status)
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(asked.len(), 1, "one request, from the typed key");
    assert!(matches!(asked[0].request, Request::Inject { .. }));
    for p in asked {
        p.answer(Reply::Done {
            message: "answered-by-the-test".into(),
        });
    }
    console.wait_for("answered-by-the-test", 20);
    assert!(console.alive(), "the pasted q closed the console");
    assert!(
        server
            .waiting()
            .iter()
            .all(|p| p.request == Request::Status),
        "the pasted c made a request"
    );
    console.send("q");
    assert!(console.wait_exit(10.0).is_some(), "a typed q closes it");
}
