//! The risk pathway by ear: the real binary in screen-reader mode, typed
//! line by line. The check-in offers the screen; `risk` asks its five
//! questions; a positive screen's alarm is said with the protocol's
//! action; `ack` acknowledges it and the safety plan is asked element by
//! element (the crisis lines said with the professionals); `plan` reads
//! the plan back and changes one element; `status` says where the
//! pathway stands; at discharge a negative reassessment lets the session
//! close, and the journal holds each step.

mod common;

use common::pty::{Pty, only_session};
use kap::record::store::read_session;
use kap::session::Event;

const ARGS: &[&str] = &[
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
    "--screen-reader",
];

/// Leave the phase with its required items open, giving a reason.
fn skip(k: &mut Pty, skips: &mut usize, next: &str) {
    k.line("next");
    *skips += 1;
    k.wait_said("Type the reason", *skips, 5);
    k.line("not part of this test");
    k.wait_said(next, 1, 5);
}

/// Screen, alarm, acknowledgement and the plan, at check-in.
fn check_in(k: &mut Pty) {
    k.wait_said("Type start to begin", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    k.wait_said("Risk screen offered in this phase: risk", 1, 5);
    k.line("risk");
    k.wait_said("Risk screen, question 1 of 5", 1, 5);
    // No, yes to thoughts, no, no, "unsure" about keeping safe.
    for (i, a) in ["1", "2", "1", "1", "2"].into_iter().enumerate() {
        k.line(a);
        if i < 4 {
            k.wait_said(&format!("question {} of 5", i + 2), 1, 5);
        }
    }
    k.wait_said("Risk screen: 2 points, POSITIVE. Type save", 1, 5);
    k.line("save");
    k.wait_said(
        "HIGH PRIORITY ALARM: positive risk screen, 2 points. Advice: Stay with the patient",
        1,
        5,
    );
    k.line("status");
    k.wait_said("Risk alarm waiting: positive screen at", 1, 5);
    k.wait_said("RISK SCREEN POSITIVE (2 points", 1, 5);
    k.line("ack");
    k.wait_said("Acknowledge the risk alarm: Positive risk screen", 1, 5);
    k.line("psychiatrist paged");
    k.wait_said(
        "Safety plan, element 1 of 6: Warning signs. Now: not written.",
        1,
        5,
    );
    k.line("stops answering messages");
    k.wait_said("element 2 of 6: Internal coping strategies", 1, 5);
    k.line("walks, music");
    k.wait_said("element 3 of 6", 1, 5);
    // An empty line leaves an element as it is and goes on.
    k.line("");
    k.wait_said("element 4 of 6", 1, 5);
    k.line("sister Ana, 555-0100");
    k.wait_said(
        "element 5 of 6: Professionals and crisis lines. Now: not written. Crisis lines (protocol): Site: write the local crisis line",
        1,
        5,
    );
    k.line("");
    k.wait_said("element 6 of 6: Making the environment safe", 1, 5);
    k.line("medicines kept by sister");
    k.wait_said("Safety plan, 4 of 6 elements written.", 1, 5);
    // Change one element: a new version.
    k.line("2");
    k.wait_said(
        "element 2 of 6: Internal coping strategies. Now: walks, music.",
        1,
        5,
    );
    k.line("walks, music, yoga");
    k.wait_said("element 3 of 6", 2, 5);
    k.line("cancel");
    k.line("plan");
    k.wait_said("2 Internal coping strategies: walks, music, yoga", 1, 5);
    k.line("cancel");
    k.line("status");
    k.wait_said("safety plan 4/6", 1, 5);
}

#[test]
fn the_risk_pathway_in_screen_reader_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(ARGS, tmp.path());
    check_in(&mut k);
    let mut skips = 0;
    skip(&mut k, &mut skips, "Phase 2 of 8");
    k.line("next");
    k.wait_said("Phase 3 of 8", 1, 5);
    k.line("choose");
    k.wait_said("type its number", 1, 5);
    k.line("1");
    k.wait_said("Chosen: Playlist: demo-ambient", 1, 5);
    skip(&mut k, &mut skips, "Phase 4 of 8");
    for i in 1..=3 {
        k.line(&i.to_string());
    }
    k.line("128/82 76 98");
    k.wait_said("Saved ", 1, 5);
    k.line("next");
    k.wait_said("Type start to start the infusion", 1, 5);
    k.line("start");
    k.wait_said("Infusion started", 1, 5);
    k.wait_said("complete", 1, 40);
    k.line("136/86 82 97");
    k.wait_said("Saved ", 2, 5);
    k.line("next");
    k.wait_said("Phase 6 of 8", 1, 5);
    skip(&mut k, &mut skips, "Phase 7 of 8");
    skip(&mut k, &mut skips, "Phase 8 of 8");
    // Discharge offers the screen again; closing is held until it is done.
    k.wait_said("Risk screen offered in this phase: risk", 2, 5);
    for i in 1..=4 {
        k.line(&i.to_string());
    }
    k.line("6 11:30");
    k.wait_said("Saved: ", 1, 5);
    k.line("124/80 72 98");
    k.wait_said("Saved ", 3, 5);
    k.line("status");
    k.wait_said("risk was raised: record a reassessment screen", 1, 5);
    k.line("risk");
    k.wait_said("Risk screen, question 1 of 5", 2, 5);
    for a in ["1", "1", "1", "1", "1"] {
        k.line(a);
    }
    k.wait_said("Risk screen: 0 points, negative. Type save", 1, 5);
    k.line("save");
    k.line("status");
    k.wait_said("Risk reassessed: negative (0 points", 1, 5);
    k.line("close");
    k.wait_said("Sign and close the session", 1, 5);
    k.line("yes");
    k.wait_said("Summary written to", 1, 10);
    k.line("quit");
    let out = k.wait_said("kap has left", 1, 5);
    assert!(k.wait_exit(5.0).is_some(), "kap stays after quit:\n{out}");
    // The positive screen's alarm said once, not once per tick.
    assert_eq!(
        out.matches("HIGH PRIORITY ALARM: positive risk screen")
            .count(),
        1,
        "{out}"
    );
    assert!(!out.contains("not understood"), "{out}");

    let read = read_session(&only_session(&tmp.path().join("rehearsal"))).unwrap();
    let events: Vec<&Event> = read.session.log().iter().map(|e| &e.event).collect();
    let screens: Vec<&Vec<u32>> = events
        .iter()
        .filter_map(|e| match e {
            Event::RiskScreened { answers, .. } => Some(answers),
            _ => None,
        })
        .collect();
    assert_eq!(screens, [&vec![1, 2, 1, 1, 2], &vec![1, 1, 1, 1, 1]]);
    assert!(events.iter().any(|e| matches!(
        e,
        Event::RiskAcknowledged { action: Some(a), .. } if a == "psychiatrist paged"
    )));
    let plan: Vec<(&str, &str)> = events
        .iter()
        .filter_map(|e| match e {
            Event::SafetyPlanned { element, text } => Some((element.as_str(), text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        plan,
        [
            ("warning-signs", "stops answering messages"),
            ("coping", "walks, music"),
            ("help", "sister Ana, 555-0100"),
            ("environment", "medicines kept by sister"),
            ("coping", "walks, music, yoga"),
        ]
    );
    assert!(read.session.closed.is_some());
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::RiskHoldOverridden { .. }))
    );
}
