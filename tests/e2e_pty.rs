//! End to end: the real `kap` binary in a pseudo-terminal, driven by key
//! presses, read back through a terminal emulator; then the journal on
//! disk is checked.

mod common;

use common::pty::{ENTER, Pty, RIGHT, only_session};
use kap::record::journal;
use kap::session::Event;
use std::time::{Duration, Instant};

#[test]
fn a_whole_rehearsed_session_by_keystrokes_lands_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "e2e",
            "--session",
            "6",
            "--weight",
            "80",
            "--speed",
            "120",
        ],
        tmp.path(),
    );
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events since the last visit", 5);
    assert!(k.screen().contains("REHEARSAL"));

    // Check-in: all seven prompts, including the course's end (session 6).
    for i in 1..=7 {
        k.answer(&format!("checkin answer {i}"));
    }
    k.send(RIGHT);
    k.wait_for("Rolling integration", 5);
    k.send(RIGHT);
    k.wait_for("Intention for today's treatment", 5);
    for i in 1..=3 {
        k.answer(&format!("intention answer {i}"));
    }
    // The touch agreement is a choice: none.
    k.send(ENTER);
    k.wait_for("1 No touch", 5);
    k.send("1");
    k.send(ENTER);
    k.wait_for("Saved: No touch", 5);
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
    // The agreement is in view while the infusion runs.
    k.wait_for("Agreed: guiding: intention answer 3", 5);
    k.wait_for("touch: No touch", 5);
    k.send("n");
    k.send("\t");
    k.send("1");
    k.send(ENTER);
    k.wait_for("Noted", 5);
    k.wait_for("BP DUE now", 15);
    k.vitals("136/86 82 97");
    k.send("c");
    k.wait_for("Check-in recorded", 5);
    k.wait_for("BP DUE now", 15);
    k.vitals("140/88 84 97");
    k.wait_for("infusion complete", 30);
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
    k.send("\x1b[B"); // down, past "transport", to "ready to leave at"
    k.send(ENTER);
    k.wait_for("HH:MM, or now", 5);
    k.send("now");
    k.send(ENTER);
    k.wait_for("Saved:", 5);
    k.vitals("124/80 72 98");
    k.send("C");
    k.wait_for("Sign and close the session", 5);
    k.send("y");
    k.wait_for("Session closed.", 5);
    k.send("q");

    let dir = only_session(&tmp.path().join("rehearsal"));
    let out = journal::read(&dir.join("journal.jsonl")).unwrap();
    assert!(out.torn.is_none() && out.problems.is_empty());
    assert!(out.records.iter().all(|r| r.rehearsal));
    let answers: Vec<&str> = out
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::Answered { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for i in 1..=7 {
        assert!(
            answers.contains(&format!("checkin answer {i}").as_str()),
            "{answers:?}"
        );
    }
    assert!(answers.contains(&"felt spacious and calm"));
    assert!(answers.contains(&"keep all three goals"));
    let vitals = out
        .records
        .iter()
        .filter(|r| matches!(r.event, Event::Vitals { .. }))
        .count();
    assert_eq!(vitals, 4);
    assert!(out.records.iter().any(|r| matches!(
        &r.event,
        Event::Note { tags, .. } if tags == &vec!["nausea".to_string()]
    )));
    assert!(
        out.records
            .iter()
            .any(|r| matches!(r.event, Event::CheckedIn { .. }))
    );
    assert!(matches!(out.records.last().unwrap().event, Event::Closed));
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(summary.starts_with("> **REHEARSAL"), "{summary}");
}

fn left_seconds(screen: &str) -> i64 {
    // "elapsed of 40:00  ·  39:52 left"
    let line = screen
        .lines()
        .find(|l| l.contains(" left"))
        .unwrap_or_else(|| panic!("no timer on screen:\n{screen}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let i = words.iter().position(|w| *w == "left").unwrap();
    let t = words[i - 1];
    let (m, s) = t.split_once(':').unwrap();
    m.parse::<i64>().unwrap() * 60 + s.parse::<i64>().unwrap()
}

#[test]
fn sigkill_mid_infusion_then_resume_keeps_every_entry_and_true_time() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "run",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "kill-test",
            "--session",
            "2",
            "--weight",
            "70",
            "--clinician",
            "A. Martin, RN",
        ],
        tmp.path(),
    );
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    k.skip_phase("late arrival", "Rolling integration");
    k.send(RIGHT);
    k.wait_for("Intention for today", 5);
    k.skip_phase("skip in test", "Patient is psychologically ready");
    for _ in 0..3 {
        k.tick_and_down();
    }
    k.vitals("120/80 70 98");
    k.send(RIGHT);
    // Marked before the key, so the real time measured from here is never
    // shorter than the infusion's, however slowly this thread sees the
    // screen on a loaded machine.
    let started = Instant::now();
    k.send("s");
    k.wait_for("Infusion started", 5);
    // Real time runs on the infusion's timer: two seconds of it.
    std::thread::sleep(Duration::from_secs(2));
    k.vitals("130/85 72 97");
    k.send("n");
    k.send("\t");
    k.send("2");
    k.send(ENTER);
    k.wait_for("Noted", 5);

    k.kill9();
    drop(k);
    // Two more seconds while kap is gone: the timer counts them on resume.
    std::thread::sleep(Duration::from_secs(2));

    let dir = only_session(&tmp.path().join("sessions"));
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut r = Pty::spawn(&["resume", &id], tmp.path());
    let s = r.wait_for("elapsed of 40:00", 10);
    let elapsed = 2400 - left_seconds(&s);
    let real = started.elapsed().as_secs() as i64;
    assert!(
        elapsed >= 4 && elapsed <= real + 1,
        "timer shows {elapsed}s, real time since start {real}s"
    );
    assert!(s.contains("130/85"), "the vitals entry is back:\n{s}");
    assert!(s.contains("Resumed"), "{s}");
    r.send("\x11"); // Ctrl-Q
    r.wait_for("Leave kap?", 5);
    r.send("y");

    let out = journal::read(&dir.join("journal.jsonl")).unwrap();
    assert!(out.records.iter().any(|r| matches!(
        &r.event,
        Event::Note { tags, .. } if tags == &vec!["vomiting".to_string()]
    )));
    assert_eq!(
        out.records
            .iter()
            .filter(|r| matches!(r.event, Event::Vitals { .. }))
            .count(),
        2
    );
    assert!(
        out.records
            .iter()
            .any(|r| matches!(r.event, Event::DosingStarted))
    );
}

#[test]
fn sigterm_and_sighup_close_cleanly_and_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut k = Pty::spawn(
            &[
                "run",
                "--protocol",
                "protocols/palliative.toml",
                "--patient",
                "sig",
                "--session",
                "1",
                "--weight",
                "60",
                "--clinician",
                "A. Martin, RN",
                "--mg-per-kg",
                "0.4",
            ],
            tmp.path(),
        );
        k.wait_for("24 mg IV infusion", 10);
        k.send(ENTER);
        k.wait_for("How the patient is today", 5);
        k.answer("tired but keen");
        let pid = k.child.process_id().unwrap();
        std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        let status = k.child.wait().unwrap();
        assert!(status.success(), "{signal}: {status:?}");
        // Left the alternate screen: the shell's screen shows the goodbye.
        let s = k.wait_for("the session stays open", 5);
        assert!(!s.contains("How the patient is today"), "{s}");
        let dir = only_session(&tmp.path().join("sessions"));
        let out = journal::read(&dir.join("journal.jsonl")).unwrap();
        assert!(out.torn.is_none());
        assert!(out.records.iter().any(|r| matches!(
            &r.event,
            Event::Answered { text, .. } if text == "tired but keen"
        )));
    }
}

/// Read the simulated monitor's line: "HR 77 · SpO₂ 96% · NIBP 130/83 at …".
fn monitor_entry(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("MONITOR"))
        .unwrap_or_else(|| panic!("no monitor:\n{screen}"));
    let after = |key: &str| {
        let i = line.find(key).unwrap() + key.len();
        line[i..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '/')
            .collect::<String>()
    };
    format!("{} {} {}", after("NIBP "), after("HR "), after("SpO₂ "))
}

#[test]
fn a_fast_rehearsal_of_the_hypertensive_scenario_reports_the_alert_and_its_acknowledgement() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--scenario",
            "scenarios/montreal-hypertensive.toml",
            "--speed",
            "120",
        ],
        tmp.path(),
    );
    k.wait_for("Session 2 of 6", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    k.send(RIGHT);
    k.send("trainee run");
    k.send(ENTER);
    k.wait_for("Rolling integration", 5);
    k.send(RIGHT);
    k.wait_for("Intention for today", 5);
    k.send(RIGHT);
    k.send("trainee run");
    k.send(ENTER);
    k.wait_for("Patient is psychologically ready", 5);
    for _ in 0..3 {
        k.tick_and_down();
    }
    k.send("b");
    let s = k.wait_for("NIBP 1", 5);
    k.vitals(&monitor_entry(&s));
    k.send(RIGHT);
    k.send("s");
    k.wait_for("Infusion started", 5);
    // Wait for the spike (20 simulated minutes, 10 s at ×120), then measure.
    let s = k.wait_for("head is pounding", 20);
    let cuff = |s: &str| monitor_entry(s).split(' ').next().map(str::to_string);
    let before = cuff(&s);
    // Lets the spike's fade-in (one simulated minute, 0.5 s at ×120) run
    // its course before the cuff measures it.
    std::thread::sleep(Duration::from_millis(600));
    k.send("b");
    let s = k.wait_until("the cuff reads a new pressure", 5, |s| cuff(s) != before);
    k.vitals(&monitor_entry(&s));
    k.wait_for("!!! HIGH ALARM 1", 5);
    k.send("a");
    k.wait_for("Acknowledge alert 1", 5);
    k.send("paused infusion, physician called");
    k.send(ENTER);
    // The dialog closes once the acknowledgement is saved. Its flash may be
    // gone by the next look: at ×120 the scenario's next line, or the
    // alarm's reminder minutes later, can replace it within a second. The
    // report below says whether it was recorded.
    k.wait_until("the acknowledgement saved", 5, |s| {
        !s.contains("Acknowledge alert 1")
    });
    k.send("E");
    k.wait_for("End the session early", 5);
    k.send("y");
    k.wait_for("End the session early — reason", 5);
    k.send("end of drill");
    k.send(ENTER);
    k.wait_for("Trainee report", 5);
    k.send("q");

    let dir = only_session(&tmp.path().join("rehearsal"));
    let report = std::fs::read_to_string(dir.join("trainee-report.md")).unwrap();
    assert!(
        report.contains("scenario montreal-hypertensive"),
        "{report}"
    );
    assert!(report.contains("Alert 1 at"), "{report}");
    assert!(report.contains("above 200 (site)"), "{report}");
    assert!(report.contains("acknowledged after"), "{report}");
    // The alarm's handling is judged: its acknowledgement, and for a high
    // priority whether the infusion was paused or stopped in time.
    assert!(
        report.contains("  - high priority: acknowledge alert 1"),
        "{report}"
    );
    assert!(
        report.contains("pause or stop the infusion (alert 1) — "),
        "{report}"
    );
    assert!(
        report.contains("action recorded: paused infusion, physician called"),
        "{report}"
    );
}

/// A note that begins with a digit is saved as typed, and nothing else
/// happens: no quick tag, and none of its letters run as commands.
#[test]
fn a_note_beginning_with_a_digit_is_saved_verbatim_and_runs_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "note",
            "--session",
            "1",
            "--weight",
            "80",
        ],
        tmp.path(),
    );
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    let dir = only_session(&tmp.path().join("rehearsal"));
    let before = journal::read(&dir.join("journal.jsonl"))
        .unwrap()
        .records
        .len();
    k.send("n");
    k.wait_for("Note at this minute", 5);
    // Every letter here is also a command key on the main screen (m music,
    // g goals, p pause, s start, r measure, E end early …).
    k.send("2 mg midazolam given; spms regE");
    k.send(ENTER);
    let screen = k.wait_for("Note saved", 5);
    assert!(!screen.contains("Music or support"), "{screen}");
    assert!(!screen.contains("Ctrl-S save"), "{screen}");
    let out = journal::read(&dir.join("journal.jsonl")).unwrap();
    let new: Vec<_> = out.records[before..].iter().map(|r| &r.event).collect();
    assert_eq!(
        new,
        vec![&Event::Note {
            text: "2 mg midazolam given; spms regE".into(),
            tags: vec![],
            outside: None,
        }],
        "exactly one entry, the note as typed"
    );
}

/// Each frame leaves kap inside the synchronized-update mode, so a
/// terminal never shows half of one; the tests' terminal holds a frame
/// until its end as such terminals do (`common::frames`).
#[test]
fn every_frame_is_drawn_whole() {
    use common::frames::Frames;
    let mut f = Frames::default();
    assert_eq!(f.take(b"plain"), b"plain");
    assert_eq!(f.take(b"a\x1b[?2026htop"), b"a");
    assert_eq!(f.take(b" bottom"), b"");
    assert_eq!(f.take(b"\x1b[?2026l"), b"\x1b[?2026htop bottom\x1b[?2026l");
    assert_eq!(f.take(b"x\x1b[?20"), b"x", "a begin cut in two is held");
    assert_eq!(f.take(b"26h"), b"");
    assert!(f.overdue().is_empty(), "held until its timeout");
    assert_eq!(f.rest(), b"\x1b[?2026h");

    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &["rehearse", "--protocol", "protocols/montreal.toml"],
        tmp.path(),
    );
    k.wait_for("Enter starts the session", 10);
    k.send("\x11"); // Ctrl-Q
    if k.try_wait_for("Leave kap?", 3).is_ok() {
        k.send("y");
    }
    k.wait_exit(10.0).expect("kap ends");
    let out = k.output();
    let begins = out.matches("\x1b[?2026h").count();
    assert!(begins >= 1, "no frame in synchronized-update mode");
    assert_eq!(
        begins,
        out.matches("\x1b[?2026l").count(),
        "a frame left open"
    );
}
