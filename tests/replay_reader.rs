//! `kap replay --screen-reader`: the replay as a transcript, end to end in
//! a terminal. What is replayed and how to drive it is said on opening;
//! typed commands list the entries, jump, step, say where the replay is
//! and refuse anything that would record; nothing is written; a branch
//! opens in the same mode, and a real session is never branched.

mod common;

use common::pty::{Launch, Pty};
use common::recorded::{bytes_of, recorded};
use kap::record::Store;
use kap::rehearsal::branch;
use std::path::Path;

fn id_of(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn a_replay_in_the_reader_lists_jumps_steps_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let mut k = Pty::spawn(
        &["replay", &id, "--screen-reader", "--lang", "en"],
        tmp.path(),
    );
    let hello = k.wait_said("Entry 1 of 29, at 00:00", 1, 10);
    assert!(
        hello.contains(&format!("Replaying the rehearsal {id}, read-only")),
        "{hello}"
    );
    assert!(hello.contains("29 entries over 28:00"), "{hello}");
    assert!(hello.contains("Type play to play"), "{hello}");
    // No cursor addressing, no alternate screen: a transcript.
    assert!(!hello.contains("\x1b[?1049h"), "{hello}");
    assert!(!hello.contains("REPLAY rehearsal"), "{hello}");

    // The entries, numbered with their time, a page at a time.
    k.line("entries");
    let out = k.wait_said("Type more for the next ones", 1, 5);
    assert!(out.contains("Entries 1 to 20 of 29:"), "{out}");
    assert!(out.contains("  5. 04:00  "), "{out}");
    assert!(out.contains(" 20. 19:00  "), "{out}");
    k.line("more");
    let out = k.wait_said("Entries 21 to 29 of 29:", 1, 5);
    assert!(out.contains(" 29. 28:00  "), "{out}");

    // Entry 5 is the readiness tick: the session as it stood then.
    k.line("jump 5");
    let out = k.wait_said("Entry 5 of 29, at 04:00: ", 1, 5);
    assert!(out.contains("Phase 4 of 8: Baseline and consent."), "{out}");
    assert!(
        out.contains("1. Patient is psychologically ready — ticked."),
        "{out}"
    );
    k.line("next");
    k.wait_said("Entry 6 of 29, at 05:00: ", 1, 5);
    k.line("where");
    k.wait_said("Entry 6 of 29, at 05:00 of 28:00; paused.", 1, 5);
    k.line("previous");
    k.wait_said("Entry 5 of 29, at 04:00: ", 2, 5);
    k.line("at 20");
    let out = k.wait_said(
        "Moved to 20:00. The last entry by then: Entry 21 of 29",
        1,
        5,
    );
    assert!(out.contains("Phase 5 of 8"), "{out}");

    // What would record is refused, in the replay's words; nothing written.
    k.line("128/82 76 97");
    k.wait_said("A replay is read-only: nothing can be recorded here", 1, 5);
    k.line("note calm");
    k.wait_said("A replay is read-only: nothing can be recorded here", 2, 5);
    k.line("help");
    k.wait_said("branch: a new rehearsal from this moment", 1, 5);

    // Playing fast: entries are said as they fold in, to the end.
    k.line("faster");
    k.line("faster");
    k.line("faster");
    k.line("faster");
    k.line("faster");
    k.line("play");
    let out = k.wait_said("End of the record: play to play it again", 1, 20);
    assert!(
        out.contains("Entry 29 of 29, at 28:00") || out.contains("to 29 of 29"),
        "{out}"
    );
    assert!(out.contains("The session has ended early."), "{out}");
    assert!(
        !out.contains("Summary written"),
        "a replay writes no summary:\n{out}"
    );
    // Nothing invites the listener to record: no "type a number to
    // answer", no "type start", no "type ack".
    for invite in [
        "Type a number",
        "to start the infusion",
        "to acknowledge",
        "— type ",
    ] {
        assert!(!out.contains(invite), "{invite:?} said in a replay:\n{out}");
    }
    k.line("quit");
    k.wait_said("kap has left", 1, 5);
    assert!(k.wait_exit(5.0).is_some(), "quit leaves the replay");
    assert_eq!(bytes_of(&dir), before, "the journal is untouched");
    let tree = Store::at(tmp.path()).tree(true);
    assert_eq!(common::pty::sessions(&tree).len(), 1, "nothing new made");
}

#[test]
fn a_replay_in_the_reader_speaks_french_and_takes_french_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let mut k = Pty::launch(Launch {
        env: &[("ACCESSIBLE", "1")],
        ..Launch::new(&["replay", &id, "--lang", "fr-CA"], tmp.path())
    });
    let hello = k.wait_said("Entrée 1 sur 29, à 00:00", 1, 10);
    assert!(
        hello.contains(&format!(
            "Relecture de la répétition {id}, en lecture seule"
        )),
        "{hello}"
    );
    assert!(hello.contains("Tapez lire pour lire"), "{hello}");
    k.line("aller 5");
    k.wait_said("Entrée 5 sur 29, à 04:00 : ", 1, 5);
    k.line("suivant");
    k.wait_said("Entrée 6 sur 29, à 05:00 : ", 1, 5);
    k.line("où");
    k.wait_said("Entrée 6 sur 29, à 05:00 sur 28:00; en pause.", 1, 5);
    k.line("entrées");
    k.wait_said("Entrées 1 à 20 sur 29 :", 1, 5);
    k.line("sv 128/82 76 97");
    k.wait_said("Une relecture est en lecture seule", 1, 5);
    k.line("quitter");
    k.wait_said("kap s'est fermé", 1, 5);
    assert!(k.wait_exit(5.0).is_some());
    assert_eq!(bytes_of(&dir), before);
}

#[test]
fn branch_in_the_reader_opens_the_new_rehearsal_there() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let tree = Store::at(tmp.path()).tree(true);
    let mut k = Pty::spawn(
        &["replay", &id, "--screen-reader", "--lang", "en"],
        tmp.path(),
    );
    k.wait_said("Entry 1 of 29", 1, 10);
    k.line("jump 21");
    k.wait_said("Entry 21 of 29, at 20:00", 1, 5);
    k.line("branch");
    // The rehearsal in the screen-reader mode, on the branch: 20 min into
    // the record is minute 10 of dosing, as the trainee report counts.
    let out = k.wait_said(&format!("Branched from {id} at min 10"), 1, 10);
    assert!(
        out.contains("screen-reader mode. Each line is one command"),
        "{out}"
    );
    assert!(!out.contains("\x1b[?1049h"), "{out}");
    let dirs = common::pty::sessions(&tree);
    assert_eq!(dirs.len(), 2, "{dirs:?}");
    let new = dirs.iter().find(|d| **d != dir).unwrap();
    assert_eq!(branch::link_of(new).unwrap().minute(), 10);
    k.line("quit");
    k.wait_said("Leave kap?", 1, 5);
    k.line("yes");
    k.wait_said("kap has left", 1, 5);
    assert!(k.wait_exit(5.0).is_some());
    assert_eq!(bytes_of(&dir), before, "the original is untouched");
}

#[test]
fn branch_in_the_reader_is_refused_for_a_real_session() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), false);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let mut k = Pty::spawn(
        &["replay", &id, "--screen-reader", "--lang", "en"],
        tmp.path(),
    );
    let hello = k.wait_said("Entry 1 of 29", 1, 10);
    assert!(hello.contains("Replaying the real session"), "{hello}");
    k.line("jump 12");
    k.wait_said("Entry 12 of 29", 1, 5);
    k.line("branch");
    k.wait_said("A real session is never branched", 1, 5);
    k.line("start");
    k.wait_said(
        "A replay is read-only: nothing can be recorded or changed here",
        1,
        5,
    );
    k.line("quit");
    k.wait_said("kap has left", 1, 5);
    assert!(k.wait_exit(5.0).is_some());
    assert_eq!(bytes_of(&dir), before);
    assert_eq!(
        common::pty::sessions(&Store::at(tmp.path()).tree(true)).len(),
        0
    );
    assert_eq!(
        common::pty::sessions(&Store::at(tmp.path()).tree(false)).len(),
        1
    );
}

#[test]
fn entries_folded_in_one_tick_are_said_as_one_list() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let theme = kap::tui::theme::Theme::new(kap::tui::theme::ThemeName::Plain);
    let app = kap::tui::replay::prepare(
        Store::at(tmp.path()),
        &dir,
        480.0,
        theme,
        Some(kap::i18n::Lang::En),
    )
    .unwrap();
    let one = kap::tui::reader::replay::played(&app, 4, 5);
    assert_eq!(one.len(), 1);
    assert!(one[0].starts_with("Entry 5 of 29, at 04:00: "), "{one:?}");
    // Three at once: one sentence, each with its time.
    let three = kap::tui::reader::replay::played(&app, 9, 12);
    assert_eq!(three.len(), 1, "{three:?}");
    assert!(
        three[0].starts_with("Entries 10 to 12 of 29: 09:00 "),
        "{three:?}"
    );
    assert!(three[0].contains("; 10:00 "), "{three:?}");
    assert!(three[0].contains("; 11:00 "), "{three:?}");
    // Many at once: the first few named, the rest counted.
    let many = kap::tui::reader::replay::played(&app, 0, 29);
    assert_eq!(many.len(), 1, "{many:?}");
    assert!(
        many[0].contains("and 21 more (entries lists them)"),
        "{many:?}"
    );
    assert!(many[0].contains("; 07:00 vitals"), "{many:?}");
    assert!(!many[0].contains("08:00"), "{many:?}");
}
