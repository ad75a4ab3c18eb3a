//! A closed terminal, SIGHUP and SIGTERM end kap within a second or two in
//! every state — on the main screen, with the note editor, a dialog or the
//! help open, with music playing — and the session then resumes: the lock
//! is released and every saved entry is back. One writer per session: a
//! second `resume` is refused and names the holder, and after `kill -9` of
//! the holder a new one succeeds. A session folder removed mid-session is
//! a loud alert, and re-creating it loses nothing shown as saved.

mod common;

use common::pty::{CTRL_Q, ENTER, Launch, Pty, only_session, to_infusion};
use kap::record::{OpenSession, journal};
use kap::session::Event;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A session of patient "hangup" under `command` (`run` or `rehearse`).
const fn session_args(command: &'static str) -> [&'static str; 11] {
    [
        command,
        "--protocol",
        "protocols/montreal.toml",
        "--patient",
        "hangup",
        "--session",
        "2",
        "--weight",
        "70",
        "--clinician",
        "A. Martin, RN",
    ]
}

const REHEARSE: [&str; 11] = session_args("rehearse");

/// A rehearsal on its first phase, with one note saved.
fn in_session(data: &Path) -> Pty {
    let mut k = Pty::spawn(&REHEARSE, data);
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    k.send("n");
    k.wait_for("Note at this minute", 5);
    k.send("saved before the hang-up");
    k.send(ENTER);
    k.wait_for("Note saved", 5);
    k
}

/// The session resumes afterwards: the lock is free and the note is back.
fn assert_resumable(tree: &Path) {
    let dir = only_session(tree);
    let open = OpenSession::open(&dir).expect("the session resumes (lock released)");
    assert!(open.problems.is_empty(), "{:?}", open.problems);
    assert!(
        open.session
            .notes
            .iter()
            .any(|n| n.text == "saved before the hang-up")
    );
}

fn hang_up_in(state: &str, keys: &[&str], shown: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = in_session(tmp.path());
    for key in keys {
        k.send(key);
    }
    k.wait_for(shown, 5);
    k.hang_up();
    let status = k.wait_exit(2.0);
    assert!(
        status.is_some(),
        "{state}: kap still running 2 s after the terminal closed"
    );
    assert_resumable(&tmp.path().join("rehearsal"));
}

#[test]
fn a_closed_terminal_ends_kap_on_the_main_screen() {
    hang_up_in("main screen", &[], "Life events");
}

#[test]
fn a_closed_terminal_ends_kap_with_the_editor_open() {
    hang_up_in("editor", &[ENTER, "half an answer"], "Ctrl-S save");
}

#[test]
fn a_closed_terminal_ends_kap_with_a_dialog_open() {
    hang_up_in("quit dialog", &[CTRL_Q], "Leave kap?");
    hang_up_in("note dialog", &["n", "half a no"], "Note at this minute");
}

#[test]
fn a_closed_terminal_ends_kap_with_help_open() {
    hang_up_in("help", &["?"], "Keys");
}

#[test]
fn a_closed_terminal_ends_kap_with_music_playing() {
    let tmp = tempfile::tempdir().unwrap();
    let wav = tmp.path().join("out.wav");
    let conf = tmp.path().join("asound.conf");
    std::fs::write(
        &conf,
        format!(
            "pcm.!default {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n}}\npcm.null {{ type null }}\n",
            wav.display()
        ),
    )
    .unwrap();
    let data = tmp.path().join("data");
    let conf_s = conf.display().to_string();
    let env = [("ALSA_CONFIG_PATH", conf_s.as_str())];
    let args = session_args("run");
    let mut k = Pty::launch(Launch {
        env: &env,
        ..Launch::new(&args, &data)
    });
    to_infusion(&mut k);
    k.send("m");
    k.wait_for("Playing", 5);
    k.hang_up();
    assert!(
        k.wait_exit(2.0).is_some(),
        "kap still running 2 s after the terminal closed, music playing"
    );
    let dir = only_session(&data.join("sessions"));
    let open = OpenSession::open(&dir).expect("resumes");
    assert!(open.session.dosing.started.is_some());
}

fn signal(k: &mut Pty, sig: &str) {
    let pid = k.child.process_id().unwrap().to_string();
    assert!(
        Command::new("kill")
            .args([sig, &pid])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn sighup_and_sigterm_end_kap_with_the_editor_open() {
    for sig in ["-HUP", "-TERM"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut k = in_session(tmp.path());
        k.send(ENTER);
        k.wait_for("Ctrl-S save", 5);
        signal(&mut k, sig);
        assert!(
            k.wait_exit(2.0).is_some(),
            "{sig}: kap still running after 2 s"
        );
        assert_resumable(&tmp.path().join("rehearsal"));
    }
}

fn kap(args: &[&str], data: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn id_of(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_second_resume_is_refused_and_names_the_holder_until_the_holder_dies() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = in_session(tmp.path());
    let dir = only_session(&tmp.path().join("rehearsal"));
    let id = id_of(&dir);
    first.send(CTRL_Q);
    first.wait_for("Leave kap?", 5);
    first.send("y");
    assert!(first.wait_exit(5.0).is_some());
    // The holder: a resumed session in a pty.
    let mut holder = Pty::spawn(&["resume", "--rehearsal", &id], tmp.path());
    holder.wait_for("Resumed", 10);
    let pid = holder.child.process_id().unwrap();
    let second = kap(&["resume", "--rehearsal", &id], tmp.path());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "second resume was not refused");
    assert!(
        err.contains("open in another kap") && err.contains(&format!("process {pid}")),
        "{err}"
    );
    // Readers do not take the lock.
    let status = kap(&["resume", "--rehearsal", "--status", &id], tmp.path());
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let export = kap(&["export", &id, "--format", "csv"], tmp.path());
    assert!(export.status.success());
    // kill -9 of the holder: the kernel drops the lock.
    holder.kill9();
    let again = Pty::spawn(&["resume", "--rehearsal", &id], tmp.path());
    again.wait_for("Resumed", 10);
    assert_resumable_while_open(&again);
}

fn assert_resumable_while_open(k: &Pty) {
    let s = k.screen();
    assert!(!s.contains("open in another kap"), "{s}");
}

fn vitals_count(path: &Path) -> usize {
    journal::read(path)
        .unwrap()
        .records
        .iter()
        .filter(|r| matches!(r.event, Event::Vitals { .. }))
        .count()
}

#[test]
fn a_removed_session_folder_is_a_loud_alert_and_recreating_it_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = in_session(tmp.path());
    k.vitals("120/80 70 98");
    let tree = tmp.path().join("rehearsal");
    let dir = only_session(&tree);
    std::fs::remove_dir_all(&dir).unwrap();
    let s = k.wait_for("THE SESSION FOLDER IS GONE", 5);
    assert!(s.contains("NOT SAVED"), "{s}");
    // An entry typed now is refused, never shown as saved.
    k.send("v");
    k.send("122/81 71 97");
    k.send(ENTER);
    let s = k.wait_for("NOT SAVED", 5);
    assert!(
        !s.contains("✓ saved"),
        "claims saved while the folder is gone:\n{s}"
    );
    k.send("\x1b");
    k.send("R");
    k.wait_for("Session folder re-created", 5);
    // The refused reading is still in the entry line: save it now.
    k.send("v");
    let s = k.wait_for("122/81 71 97", 5);
    assert!(s.contains("Vitals ›"), "{s}");
    k.send(ENTER);
    k.wait_for("Saved", 5);
    let back: PathBuf = only_session(&tree);
    assert_eq!(back, dir);
    let out = journal::read(&back.join("journal.jsonl")).unwrap();
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    // The note and both vitals shown as saved are there.
    assert_eq!(vitals_count(&back.join("journal.jsonl")), 2);
    assert!(out.records.iter().any(
        |r| matches!(&r.event, Event::Note { text, .. } if text == "saved before the hang-up")
    ));
    drop(k);
    assert_resumable(&tree);
}
