//! The screen-reader mode end to end: the real binary in a terminal, a
//! whole Montreal rehearsal typed line by line, and the same walk by keys
//! in the full screen. The transcript has no cursor addressing and no
//! alternate screen, says each alert once, and the two journals replay to
//! the same session.

mod common;

use common::pty::{DOWN, ENTER, Pty, RIGHT, only_session};
use kap::record::store::read_session;
use serde_json::Value;
use std::path::Path;

fn args(extra: &'static str) -> Vec<&'static str> {
    let mut a = vec![
        "rehearse",
        "--protocol",
        "protocols/montreal.toml",
        "--patient",
        "walk",
        "--session",
        "6",
        "--weight",
        "80",
        "--speed",
        "120",
    ];
    if !extra.is_empty() {
        a.push(extra);
    }
    a
}

/// Whether a transcript holds an escape sequence other than the bracketed
/// paste mode's on and off (which draw nothing).
fn drawn(out: &str) -> bool {
    out.replace("\x1b[?2004h", "")
        .replace("\x1b[?2004l", "")
        .contains('\x1b')
}

const CHECKIN: usize = 7;
const INTENTIONS: usize = 3;
const HIGH: &str = "210/125 80 89";

/// The walk in screen-reader mode; returns the transcript.
fn reader_walk(data: &Path) -> String {
    let mut k = Pty::spawn(&args("--screen-reader"), data);
    let mut saved = 0;
    k.wait_said("Type start to begin", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    for i in 1..=CHECKIN {
        k.line(&format!("{i} checkin answer {i}"));
        saved += 1;
        k.wait_said("Answer saved", saved, 5);
    }
    k.line("next");
    k.wait_said("Phase 2 of 8", 1, 5);
    k.line("next");
    k.wait_said("Phase 3 of 8", 1, 5);
    for i in 1..=INTENTIONS {
        k.line(&format!("{i} intention answer {i}"));
        saved += 1;
        k.wait_said("Answer saved", saved, 5);
    }
    k.line("choose");
    k.wait_said("type its number", 1, 5);
    k.line("1");
    k.wait_said("Chosen: Playlist: demo-ambient", 1, 5);
    k.line("next");
    k.wait_said("Phase 4 of 8", 1, 5);
    for i in 1..=3 {
        k.line(&i.to_string());
    }
    k.line("128/82 76 98");
    k.wait_said("Saved ", 1, 5);
    k.line("next");
    k.wait_said("Type start to start the infusion", 1, 5);
    k.line("start");
    k.wait_said("Infusion started", 1, 5);
    k.line("tag 1");
    k.wait_said("Noted", 1, 5);
    k.line(HIGH);
    k.wait_said("ALERT raised", 1, 5);
    for (n, action) in [
        "called the physician",
        "paused and rechecked",
        "oxygen given",
    ]
    .iter()
    .enumerate()
    {
        k.line("ack");
        k.wait_said("Type what was done", n + 1, 5);
        k.line(action);
        k.wait_said("acknowledged", n + 1, 5);
    }
    k.line("checkin");
    k.wait_said("Check-in recorded", 1, 5);
    k.wait_said("complete", 1, 40);
    k.line("136/86 82 97");
    k.wait_said("Saved ", 3, 5);
    k.line("next");
    k.wait_said("Phase 6 of 8", 1, 5);
    k.line("1 felt spacious and calm");
    k.wait_said("Answer saved", saved + 1, 5);
    k.line("next");
    k.wait_said("Phase 7 of 8", 1, 5);
    k.line("1 rest, walk tomorrow");
    k.line("2 keep all three goals");
    k.wait_said("Answer saved", saved + 3, 5);
    k.line("next");
    k.wait_said("Phase 8 of 8", 1, 5);
    for i in 1..=4 {
        k.line(&i.to_string());
    }
    k.line("6 11:30");
    k.wait_said("Saved: ", 1, 5);
    k.line("124/80 72 98");
    k.wait_said("Saved ", 4, 5);
    k.line("close");
    k.wait_said("Sign and close the session, signed by Trainee", 1, 5);
    k.line("yes");
    k.wait_said("Summary written to", 1, 10);
    k.line("quit");
    let out = k.wait_said("kap has left", 1, 5);
    assert!(k.wait_exit(5.0).is_some(), "kap stays after quit:\n{out}");
    out
}

/// The same walk by keys in the full screen.
fn screen_walk(data: &Path) {
    let mut k = Pty::spawn(&args(""), data);
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events since the last visit", 5);
    for i in 1..=CHECKIN {
        k.answer(&format!("checkin answer {i}"));
    }
    k.send(RIGHT);
    k.wait_for("Rolling integration", 5);
    k.send(RIGHT);
    k.wait_for("Intention for today's treatment", 5);
    for i in 1..=INTENTIONS {
        k.answer(&format!("intention answer {i}"));
    }
    k.send("m");
    k.wait_for("Music or support", 5);
    k.send(ENTER);
    k.wait_for("Chosen: Playlist: demo-ambient", 5);
    k.send(RIGHT);
    k.wait_for("Patient is psychologically ready", 5);
    for _ in 0..3 {
        k.tick_and_down();
    }
    k.vitals("128/82 76 98");
    k.send(RIGHT);
    k.wait_for("infusion not started", 5);
    k.send("s");
    k.wait_for("Infusion started", 5);
    k.send("n");
    k.send("\t");
    k.send("1");
    k.send(ENTER);
    k.wait_for("Noted", 5);
    k.vitals(HIGH);
    for action in [
        "called the physician",
        "paused and rechecked",
        "oxygen given",
    ] {
        k.send("a");
        k.wait_for("Acknowledge alert", 5);
        k.send(action);
        k.send(ENTER);
        k.wait_for("acknowledged", 5);
    }
    k.send("c");
    k.wait_for("Check-in recorded", 5);
    k.wait_for("infusion complete", 40);
    k.vitals("136/86 82 97");
    k.send(RIGHT);
    k.wait_for("The patient's account of the experience", 5);
    k.answer("felt spacious and calm");
    k.send(RIGHT);
    k.wait_for("Plans for the next days", 5);
    k.answer("rest, walk tomorrow");
    k.answer("keep all three goals");
    k.send(RIGHT);
    k.wait_for("Psychologically ready to leave", 5);
    for _ in 0..4 {
        k.tick_and_down();
    }
    k.send(DOWN);
    k.send(ENTER);
    k.wait_for("HH:MM, or now", 5);
    k.send("11:30");
    k.send(ENTER);
    k.wait_for("Saved:", 5);
    k.vitals("124/80 72 98");
    k.send("C");
    k.wait_for("Sign and close the session", 5);
    k.send("y");
    k.wait_for("Session closed.", 5);
    k.send("q");
    assert!(k.wait_exit(5.0).is_some());
}

/// Every moment in a value, and the interface used, set aside: what is
/// left is what happened, which both walks must agree on.
fn timeless(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.contains_key("wall") && m.contains_key("boot") {
                *v = Value::Null;
                return;
            }
            m.remove("ui");
            for x in m.values_mut() {
                timeless(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(timeless),
        _ => {}
    }
}

fn replayed(tree: &Path) -> Value {
    let dir = only_session(tree);
    let read = read_session(&dir).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    let mut v = serde_json::to_value(&read.session).unwrap();
    timeless(&mut v);
    v
}

#[test]
fn a_whole_montreal_rehearsal_in_screen_reader_mode_matches_the_full_screen_walk() {
    let heard = tempfile::tempdir().unwrap();
    let seen = tempfile::tempdir().unwrap();
    let out = reader_walk(heard.path());

    // A transcript: no escape sequence of any kind (no cursor addressing,
    // no alternate screen, no colour), nothing drawn with boxes — but for
    // the request that pastes arrive bracketed, which draws nothing.
    assert!(!drawn(&out), "escape sequences in:\n{out}");
    assert!(!out.contains('│') && !out.contains('─'), "{out}");
    // Each alarm announced once, its priority first in its sentence; a
    // condition that persists after its acknowledgement is announced again
    // only as a REMINDER, once per acknowledgement.
    for n in 1..=3 {
        let first = format!("HIGH PRIORITY ALARM {n}:");
        assert_eq!(
            out.lines().filter(|l| l.starts_with(&first)).count(),
            1,
            "{out}"
        );
        assert!(
            out.lines()
                .filter(|l| l.starts_with(&format!("REMINDER: {first}")))
                .count()
                <= 1,
            "{out}"
        );
    }
    let alarms = out
        .lines()
        .filter(|l| l.starts_with("HIGH PRIORITY ALARM"))
        .count();
    assert_eq!(alarms, 3, "{out}");
    // The timer is spoken at the moments that matter, not every second.
    assert_eq!(out.matches("complete.").count(), 1, "{out}");

    screen_walk(seen.path());
    let a = replayed(&heard.path().join("rehearsal"));
    let b = replayed(&seen.path().join("rehearsal"));
    assert_eq!(a, b);

    // The journal says which interface started the session.
    let dir = only_session(&heard.path().join("rehearsal"));
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(
        journal
            .lines()
            .next()
            .unwrap()
            .contains(r#""ui":"screen-reader""#)
    );
    let dir = only_session(&seen.path().join("rehearsal"));
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(!journal.contains(r#""ui""#));
}

#[test]
fn accessible_in_the_environment_turns_the_mode_on_and_a_line_is_a_line() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::launch(common::pty::Launch {
        env: &[("ACCESSIBLE", "1")],
        ..common::pty::Launch::new(&args(""), tmp.path())
    });
    k.wait_said("screen-reader mode", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    // A note that begins with a digit is the note, not a quick tag.
    k.line("note 2 mg midazolam given");
    k.wait_said("Note saved", 1, 5);
    k.line("frobnicate");
    k.wait_said("Not understood", 1, 5);
    k.line("quit");
    k.wait_said("Leave kap?", 1, 5);
    k.line("yes");
    let out = k.wait_said("kap resume continues it", 1, 5);
    assert!(!drawn(&out), "{out}");
    let dir = only_session(&tmp.path().join("rehearsal"));
    let s = read_session(&dir).unwrap().session;
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].text, "2 mg midazolam given");
    assert!(s.notes[0].tags.is_empty());
}

/// What the screen shows is said: a tick (ticked or unticked, by name), an
/// answer (naming its prompt), a declined signature, the repeat a first
/// reading past a limit waits for, the labelled vitals form the hint
/// teaches, and `status` holding the pending repeat.
#[test]
fn ticks_answers_a_declined_signature_and_a_pending_repeat_are_said() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(&args("--screen-reader"), tmp.path());
    k.wait_said("Type start to begin", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    k.line("1 moved house");
    k.wait_said("Answer saved: Life events since the last visit", 1, 5);
    // Phases 1 and 3 have required items: moving on asks a reason.
    for l in ["next", "for the test", "next", "next", "for the test"] {
        k.line(l);
    }
    k.wait_said("Phase 4 of 8", 1, 10);
    k.line("1");
    k.wait_said("Ticked: ", 1, 5);
    k.line("1");
    k.wait_said("Unticked: ", 1, 5);
    // The labelled form, as the hint teaches it.
    k.line("bp 190/100 hr 80 spo2 97");
    let out = k.wait_said("Waiting for a repeat: systolic BP was 190", 1, 5);
    assert!(!out.contains("not understood"), "{out}");
    k.line("status");
    k.wait_said("Waiting for a repeat: systolic BP was 190", 2, 5);
    // End early, then no: said, and the next command is understood.
    k.line("end");
    k.wait_said("End the session early", 1, 5);
    k.line("no");
    k.wait_said("Not signed: the session stays open", 1, 5);
    k.line("status");
    let out = k.wait_said("Waiting for a repeat", 3, 5);
    assert!(!out.contains("Not understood"), "{out}");
}

/// Rolling integration says the previous session as the screen shows it,
/// and more: its intention whole (not cut at a line), its notes, the
/// alarms it raised and its addenda.
#[test]
fn rolling_integration_says_the_previous_session_whole_with_its_alarms_and_addenda() {
    let tmp = tempfile::tempdir().unwrap();
    common::course::held_montreal_session(tmp.path(), "walk", 5, 0);

    let mut k = Pty::spawn(&args("--screen-reader"), tmp.path());
    let intro = k.wait_said("Type start to begin", 1, 10);
    // The course is said before the session starts, as the start screen
    // shows it: where it stands, the session held last, those held.
    assert!(intro.contains("Course 1/6"), "{intro}");
    assert!(intro.contains("Last time: session 5 on"), "{intro}");
    assert!(intro.contains("Sessions held: 5."), "{intro}");
    k.line("start");
    // Only session 5 is on record: sessions 1–4 are a gap, asked about.
    k.wait_said("Session number off the course — reason", 1, 5);
    k.line("earlier sessions on paper");
    // Session 5 was held on the simulated clock's day, months ago.
    k.wait_said("Outside the protocol's date window — reason", 1, 5);
    k.line("test of the transcript");
    k.wait_said("Phase 1 of 8", 1, 5);
    k.line("next");
    k.line("for the test");
    k.wait_said("Phase 2 of 8", 1, 5);
    let out = k.wait_said("Last time: session 5", 2, 5);
    let out = if out.contains("Addendum at") {
        out
    } else {
        k.wait_said("Addendum at", 1, 5)
    };
    assert!(
        out.contains("to stay with what comes and to breathe"),
        "{out}"
    );
    assert!(out.contains("asked for a blanket"), "{out}");
    assert!(out.contains("Alarm 1 at"), "{out}");
    assert!(out.contains("physician called back at 14:10"), "{out}");
}
