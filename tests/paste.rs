//! Pasted text stays text: a paste (the terminal's bracketed paste) goes
//! into the field that has focus — a note, the vitals line, an answer —
//! verbatim, and no line break in it saves anything or lets what follows
//! act as keys. A long paste, bracketed or typed out key by key by a
//! terminal without bracketed paste, leaves kap answering the next key at
//! once and idle afterwards.

mod common;

use common::pty::{CTRL_S, ENTER, Pty, only_session};
use kap::record::journal;
use kap::session::Event;
use std::path::Path;
use std::time::Duration;

const START: &str = "\x1b[200~";
const END: &str = "\x1b[201~";

fn rehearsal(tmp: &Path) -> Pty {
    let k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "paste",
            "--session",
            "1",
            "--weight",
            "80",
        ],
        tmp,
    );
    k.wait_for("Enter starts the session", 10);
    k
}

fn events(tmp: &Path) -> Vec<Event> {
    let dir = only_session(&tmp.join("rehearsal"));
    journal::read(&dir.join("journal.jsonl"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.event)
        .collect()
}

/// Start the session and wait for its first phase; the journal's length.
fn opened(k: &mut Pty, tmp: &Path) -> usize {
    k.send(ENTER);
    k.wait_for("Life events", 5);
    events(tmp).len()
}

#[test]
fn kap_asks_the_terminal_for_bracketed_paste_and_gives_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    assert!(
        k.output().contains("\x1b[?2004h"),
        "bracketed paste turned on"
    );
    opened(&mut k, tmp.path());
    k.send("\x11"); // Ctrl-Q: leave, the session stays open
    k.wait_for("Leave kap?", 5);
    k.send("y");
    k.wait_exit(10.0).expect("kap leaves");
    assert!(
        k.output().contains("\x1b[?2004l"),
        "and off again on the way out"
    );
}

#[test]
fn a_multi_line_paste_into_a_note_is_one_note_with_its_line_breaks_and_runs_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    let before = opened(&mut k, tmp.path());
    k.send("n");
    k.wait_for("Note at this minute", 5);
    // Every line after the first begins with command keys: s starts the
    // infusion, m the music, Enter ticks a checklist item.
    let text = "Patient calm, asked for a blanket\ns m\nE then Enter";
    k.paste(text);
    k.send(ENTER);
    k.wait_for("Note saved", 5);
    let new = events(tmp.path()).split_off(before);
    assert_eq!(
        new,
        [Event::Note {
            text: text.into(),
            tags: vec![],
            outside: None,
        }],
        "exactly one entry: the note as pasted"
    );
}

#[test]
fn a_paste_into_the_vitals_line_is_one_reading_and_its_line_breaks_save_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    let before = opened(&mut k, tmp.path());
    k.send("v");
    k.paste("128/82\n76 97\n");
    // The paste is in the line, its breaks as spaces; had a break saved
    // it, the journal (written before the screen) would hold it by now.
    k.wait_for("Vitals › 128/82 76 97", 5);
    assert_eq!(events(tmp.path()).len(), before, "the paste saved nothing");
    k.send(ENTER);
    k.wait_for("Saved", 5);
    let new = events(tmp.path()).split_off(before);
    assert_eq!(new.len(), 1, "{new:?}");
    let Event::Vitals { reading } = &new[0] else {
        panic!("{new:?}");
    };
    assert_eq!(
        (
            reading.systolic,
            reading.diastolic,
            reading.hr,
            reading.spo2
        ),
        (Some(128), Some(82), Some(76), Some(97))
    );
}

#[test]
fn a_paste_into_an_answer_keeps_its_lines_and_is_saved_only_by_ctrl_s() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    let before = opened(&mut k, tmp.path());
    k.send(ENTER);
    k.wait_for("Ctrl-S save", 5);
    let text = "Moved house in May.\nSleeping better.\n→ s starts nothing";
    k.paste(text);
    k.wait_until("the pasted lines are in the editor", 5, |s| {
        s.contains("Sleeping better.") && s.contains("→ s starts nothing")
    });
    assert_eq!(events(tmp.path()).len(), before, "the paste saved nothing");
    k.send(CTRL_S);
    k.wait_for("Answer saved", 5);
    let new = events(tmp.path()).split_off(before);
    assert!(
        matches!(&new[..], [Event::Answered { text: t, .. }] if t == text),
        "{new:?}"
    );
}

/// CPU seconds the process has used (user + system), from /proc.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which ends with ')'): utime is the
    // 12th, stime the 13th.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    ticks / 100.0
}

#[test]
fn ten_thousand_pasted_characters_are_saved_by_the_next_enter_and_leave_kap_idle() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    let before = opened(&mut k, tmp.path());
    k.send("n");
    k.wait_for("Note at this minute", 5);
    let text: String = (0..10_000)
        .map(|i| {
            if i % 50 == 49 {
                ' '
            } else {
                (b'a' + (i % 26) as u8) as char
            }
        })
        .collect();
    k.paste(&text);
    // With the text in the editor (a paste is one event: once part of it
    // shows, all of it was handled), kap waits for the next key without
    // spinning: under a third of a core over two seconds (a busy loop
    // takes all of one).
    k.wait_for("xyzabcdefghij", 5);
    let pid = k.child.process_id().unwrap();
    let t0 = cpu_seconds(pid);
    // The measurement's window: two seconds of real time idle.
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_seconds(pid) - t0;
    assert!(used < 0.66, "{used:.2} CPU seconds in 2 s while idle");
    k.send(ENTER);
    k.wait_for("Note saved", 5);
    let new = events(tmp.path()).split_off(before);
    assert!(
        matches!(&new[..], [Event::Note { text: t, .. }] if *t == text.trim()),
        "one note, verbatim"
    );
}

#[test]
fn a_flood_of_typed_keys_is_handled_to_the_end_without_another_key() {
    // A terminal without bracketed paste sends a paste as keys: 3,000 of
    // them, then Enter. Every one is handled, and the Enter saves, with no
    // further key press to wake kap.
    let tmp = tempfile::tempdir().unwrap();
    let mut k = rehearsal(tmp.path());
    let before = opened(&mut k, tmp.path());
    k.send("n");
    k.wait_for("Note at this minute", 5);
    let text: String = (0..3_000)
        .map(|i| (b'a' + (i % 26) as u8) as char)
        .collect();
    k.send_now(&text);
    k.send_now(ENTER);
    k.wait_for("Note saved", 10);
    let new = events(tmp.path()).split_off(before);
    assert!(
        matches!(&new[..], [Event::Note { text: t, .. }] if *t == text),
        "{}",
        new.len()
    );
}

/// In the screen-reader mode each line is a command; a paste of several
/// lines (bracketed, as kap asks the terminal) is one: a note keeps its
/// line breaks and what follows them runs nothing.
#[test]
fn a_multi_line_paste_in_the_screen_reader_mode_is_one_note() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "paste",
            "--session",
            "2",
            "--weight",
            "80",
            "--screen-reader",
        ],
        tmp.path(),
    );
    k.wait_said("Type start to begin", 1, 10);
    assert!(
        k.output().contains("\x1b[?2004h"),
        "bracketed paste asked for"
    );
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    let before = events(tmp.path()).len();
    k.send_now(&format!("note {START}calm\nstart\nnext{END}"));
    k.line("");
    k.wait_said("Note saved", 1, 5);
    // Lines are handled in order: once `status` is answered, still in
    // phase 1, a `start` or `next` split off the paste would have run.
    let said = k.output().matches("Phase 1 of 8").count();
    k.line("status");
    k.wait_said("Phase 1 of 8", said + 1, 5);
    let new = events(tmp.path()).split_off(before);
    assert_eq!(
        new,
        [Event::Note {
            text: "calm\nstart\nnext".into(),
            tags: vec![],
            outside: None,
        }],
        "one note; start and next ran nothing"
    );
}
