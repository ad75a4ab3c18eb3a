//! The trainee report scores what the protocol and the scenario expected:
//! late is not missed, an alarm's action and its confirming repeat are
//! checked, an early end says what was never reached, the notes are listed
//! and the clock speed is stated. Pure: a Session built from events and a
//! simulated Patient.

mod common;

use common::session::{H, into_infusion};
use kap::rehearsal::report::{self, ExpectKind, Report, Status};
use kap::rehearsal::{Patient, scenario};
use kap::session::Event;
use std::path::PathBuf;

fn patient() -> Patient {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/montreal-hypertensive.toml");
    Patient::new(
        scenario::load_file(&path, kap::i18n::Lang::En).unwrap(),
        None,
    )
}

/// A Montreal session 2 with the infusion started; `minute` is how far
/// into dosing the harness clock stands.
fn dosing() -> (H, i64) {
    let mut h = H::new("montreal.toml", 2);
    into_infusion(&mut h);
    (h, 0)
}

fn at(h: &mut H, now: &mut i64, minute: i64) {
    h.wait(minute - *now);
    *now = minute;
}

fn build(h: &H, speeds: &[f64]) -> Report {
    report::build(&h.s, &patient(), &h.now(), speeds, kap::i18n::Lang::En)
}

fn of(r: &Report, kind: ExpectKind) -> Vec<Status> {
    r.expected
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.status)
        .collect()
}

fn note(h: &mut H, tag: &str) {
    h.ok(Event::Note {
        text: "BP 210/120, infusion paused, physician called".into(),
        tags: vec![tag.into()],
        outside: None,
    });
}

#[test]
fn a_note_after_its_window_is_late_by_so_many_minutes_not_missed() {
    // The event at 20 min expects a "BP intervention" note within 10 min.
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 33);
    note(&mut h, "BP intervention");
    let r = build(&h, &[10.0]);
    assert_eq!(
        of(&r, ExpectKind::Note),
        [Status::Late { at: 33.0, by: 3.0 }]
    );
    let md = r.markdown(kap::i18n::Lang::En);
    assert!(
        md.contains("LATE by 3 min (done at 33 min; clock ×10)"),
        "{md}"
    );
    let row = md
        .lines()
        .find(|l| l.starts_with("| a note tagged"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        row.ends_with("| LATE by 3 min (done at 33 min; clock ×10) |"),
        "{row}"
    );
    assert!(!md.contains("MISSED"), "{md}");

    // No note at all, the run going on past the window: not done.
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 33);
    let r = build(&h, &[10.0]);
    assert_eq!(of(&r, ExpectKind::Note), [Status::NotDone]);
    assert!(
        r.markdown(kap::i18n::Lang::En)
            .contains("expected a note tagged \"BP intervention\": NOT DONE")
    );

    // In the window: done.
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 24);
    note(&mut h, "BP intervention");
    assert_eq!(
        of(&build(&h, &[10.0]), ExpectKind::Note),
        [Status::Done { at: 24.0 }]
    );

    // The run ends while the window is still open: not reached, not missed.
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 25);
    assert_eq!(
        of(&build(&h, &[10.0]), ExpectKind::Note),
        [Status::NotReached]
    );
}

#[test]
fn a_high_priority_alarm_expects_a_pause_and_says_whether_it_came() {
    // 205 systolic: bp-severe, high priority, "Pause the infusion…";
    // Montreal's high alarms escalate after 1 min, so the sound repeats at
    // 2 min: the window is 21–23.
    for (pause_at, expected) in [
        (Some(22), Status::Done { at: 22.0 }),
        (Some(26), Status::Late { at: 26.0, by: 3.0 }),
        (None, Status::NotDone),
    ] {
        let (mut h, mut now) = dosing();
        at(&mut h, &mut now, 21);
        h.vitals("205/100 80 97");
        if let Some(p) = pause_at {
            at(&mut h, &mut now, p);
            h.ok(Event::DosingPaused {
                reason: "BP 205".into(),
            });
        }
        at(&mut h, &mut now, 30);
        let r = build(&h, &[1.0]);
        let pause: Vec<_> = r
            .expected
            .iter()
            .filter(|e| e.kind == ExpectKind::PauseOrStop && e.alert.is_some())
            .collect();
        assert_eq!(pause.len(), 1, "{pause:?}");
        assert_eq!(pause[0].status, expected, "pause at {pause_at:?}");
        assert_eq!(pause[0].window, Some((21.0, 23.0)));
        // Not acknowledged at all: that is not done either.
        assert_eq!(of(&r, ExpectKind::Acknowledge), [Status::NotDone]);
        let md = r.markdown(kap::i18n::Lang::En);
        let line = md
            .lines()
            .find(|l| l.starts_with("  - high priority: ") && l.contains("(alert 1)"))
            .unwrap_or_else(|| panic!("{md}"));
        match expected {
            Status::Done { .. } => assert!(line.contains("done at 22 min"), "{line}"),
            Status::Late { .. } => assert!(line.contains("LATE by 3 min"), "{line}"),
            _ => assert!(line.contains("NOT DONE"), "{line}"),
        }
    }
}

#[test]
fn a_medium_alarm_expects_only_an_acknowledgement() {
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 5);
    h.vitals("185/95 80 97");
    at(&mut h, &mut now, 11);
    h.vitals("186/96 80 97"); // confirms bp-high: a medium alert
    h.ok(Event::AlertAcknowledged {
        alert: 1,
        action: Some("repeat BP, physician informed".into()),
    });
    let r = build(&h, &[1.0]);
    assert_eq!(of(&r, ExpectKind::Acknowledge), [Status::Done { at: 11.0 }]);
    assert!(
        !r.expected
            .iter()
            .any(|e| e.kind == ExpectKind::PauseOrStop && e.alert.is_some())
    );
}

#[test]
fn a_confirm_on_repeat_limit_expects_the_repeat_reading() {
    // bp-high: above 180, confirmed by a repeat 5 min later; due by the
    // next scheduled reading (the longest interval, 15 min) at the latest.
    for (repeat_at, expected) in [
        (Some(11), Status::Done { at: 11.0 }),
        (Some(25), Status::Late { at: 25.0, by: 5.0 }),
        (None, Status::NotDone),
    ] {
        let (mut h, mut now) = dosing();
        at(&mut h, &mut now, 5);
        h.vitals("185/95 80 97");
        if let Some(x) = repeat_at {
            at(&mut h, &mut now, x);
            h.vitals("170/90 80 97");
        }
        at(&mut h, &mut now, 30);
        let r = build(&h, &[1.0]);
        let rep: Vec<_> = r
            .expected
            .iter()
            .filter(|e| e.kind == ExpectKind::Repeat)
            .collect();
        assert_eq!(rep.len(), 1, "{rep:?}");
        assert_eq!(rep[0].status, expected, "repeat at {repeat_at:?}");
        assert_eq!(rep[0].window, Some((10.0, 20.0)));
        // The limit in words, not the rule's id.
        assert_eq!(
            rep[0].what,
            "repeat systolic BP to confirm it above 180 mmHg (first reading at 5 min)"
        );
    }
}

#[test]
fn an_early_end_says_so_and_what_was_never_reached() {
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 8);
    h.ok(Event::DosingStopped {
        reason: "practice".into(),
    });
    h.ok(Event::Abandoned {
        reason: "end of the practice slot".into(),
    });
    let r = build(&h, &[20.0]);
    let e = r.early_end.clone().expect("an early end");
    assert_eq!(e.abandoned.as_deref(), Some("end of the practice slot"));
    assert!(e.phases.iter().any(|p| p == "Discharge"), "{:?}", e.phases);
    assert!(!e.prompts.is_empty());
    assert!(
        e.events
            .iter()
            .any(|x| x.starts_with("20 min: The patient looks flushed")),
        "{:?}",
        e.events
    );
    let md = r.markdown(kap::i18n::Lang::En);
    assert!(md.contains("## Ended early"), "{md}");
    assert!(md.contains("ended with E (end early): \"end of the practice slot\""));
    assert!(
        r.summary(kap::i18n::Lang::En)
            .contains("The run ended early, at 8 min.")
    );
    // Events after the end are not scored as missed.
    assert!(r.events.is_empty());

    // A run that got through every phase with dosing done is not early.
    let mut h = H::new("montreal.toml", 2);
    into_infusion(&mut h);
    h.wait(41);
    h.vitals("120/80 70 98");
    while !h.s.is_closed() {
        h.answer_required();
        h.vitals("120/80 70 98");
        let last = h.s.phase + 1 == h.s.protocol().phases.len();
        h.ok(if last {
            Event::Closed
        } else {
            Event::Advanced {
                reason: Some("test".into()),
            }
        });
    }
    let r = build(&h, &[1.0]);
    assert_eq!(r.early_end, None, "{}", r.markdown(kap::i18n::Lang::En));
    assert!(!r.markdown(kap::i18n::Lang::En).contains("Ended early"));
}

#[test]
fn the_notes_are_listed_and_the_speeds_stated() {
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 12);
    h.ok(Event::Note {
        text: "Patient calm | music on".into(),
        tags: vec!["observation".into(), "music".into()],
        outside: None,
    });
    let r = build(&h, &[10.0, 30.0]);
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.notes[0].at, 12.0);
    assert_eq!(r.notes[0].tags, ["observation", "music"]);
    assert_eq!(r.speeds, [10.0, 30.0]);
    let md = r.markdown(kap::i18n::Lang::En);
    assert!(md.contains("## Trainee's notes"), "{md}");
    assert!(
        md.contains("| 12 | observation, music | Patient calm \\| music on |"),
        "{md}"
    );
    assert!(md.contains("Simulated clock speed: ×10, ×30."), "{md}");
    assert!(r.summary(kap::i18n::Lang::En).contains("clock ×10, ×30"));
    // Without a recorded speed, the report says so rather than guess.
    assert!(
        build(&h, &[])
            .markdown(kap::i18n::Lang::En)
            .contains("Simulated clock speed: not recorded.")
    );
}

#[test]
fn a_branched_run_says_where_it_came_from_and_counts_the_speeds_it_used() {
    use kap::rehearsal::simlog::{SimEvent, SimWriter, Who};
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 5);
    let tmp = tempfile::tempdir().unwrap();
    let link = kap::rehearsal::branch::BranchLink {
        source_id: "P-s2-20260105T090000".into(),
        source_dir: tmp.path().join("elsewhere"),
        // 20 min after the original's first entry, its dosing having
        // started 15 min in: minute 5 of dosing, where this run stands.
        at_ms: 20 * kap::session::MINUTE,
        at: h.now(),
        entries: 21,
        dosing_ms: Some(15 * kap::session::MINUTE),
    };
    assert_eq!(link.minute(), 5);
    std::fs::write(
        tmp.path().join(kap::rehearsal::branch::BRANCH_FILE),
        serde_json::to_vec(&link).unwrap(),
    )
    .unwrap();
    let mut w = SimWriter::open(tmp.path()).unwrap();
    for speed in [10.0, 1.0, 10.0] {
        w.append(
            &h.now(),
            SimEvent::Speed {
                speed,
                by: Who::Instructor,
            },
        )
        .unwrap();
    }
    let log = kap::rehearsal::simlog::read(tmp.path(), kap::i18n::Lang::En).unwrap();
    let (_, written) = report::write(
        tmp.path(),
        &h.s,
        &patient(),
        &h.now(),
        &log,
        30.0,
        kap::i18n::Lang::En,
    );
    let md = std::fs::read_to_string(written.unwrap()).unwrap();
    assert!(
        md.contains("branched from rehearsal P-s2-20260105T090000 at minute 5"),
        "{md}"
    );
    assert!(md.contains("×10, ×1"), "{md}");
    assert!(!md.contains("×30"), "{md}");
    assert!(tmp.path().join("trainee-report.html").is_file());
}

/// Typed text reads in the report as it was typed: Markdown markup,
/// HTML and a line break in a note do not become a heading, bold, a link,
/// a tag or a new table row.
#[test]
fn typed_text_in_the_trainee_report_is_escaped() {
    let (mut h, mut now) = dosing();
    at(&mut h, &mut now, 12);
    h.ok(Event::Note {
        text: "**calm** <b>x</b> [link](http://e) # not a heading\n| new row |".into(),
        tags: vec!["observation".into()],
        outside: None,
    });
    let md = build(&h, &[10.0]).markdown(kap::i18n::Lang::En);
    let row = md
        .lines()
        .find(|l| l.starts_with("| 12 |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert_eq!(
        row,
        "| 12 | observation | \\*\\*calm\\*\\* \\<b\\>x\\</b\\> \\[link\\](http://e) \\# not a heading / \\| new row \\| |"
    );
}

/// A reason typed when moving on reads as typed in both renderings of the
/// report: escaped in `trainee-report.md`, plain text on the page — never
/// bold or a tag (the page once read the Markdown back, and a reason in a
/// list item was not escaped there).
#[test]
fn a_typed_skip_reason_reads_as_typed_in_the_markdown_and_on_the_page() {
    let mut h = H::new("montreal.toml", 2);
    h.ok(Event::Advanced {
        reason: Some("**now** <b>x</b> _fast_ ~~no~~".into()),
    });
    let r = build(&h, &[10.0]);
    let md = r.markdown(kap::i18n::Lang::En);
    assert!(
        md.contains("\"\\*\\*now\\*\\* \\<b\\>x\\</b\\> \\_fast\\_ \\~\\~no\\~\\~\""),
        "{md}"
    );
    let page = kap::rehearsal::report::html::trainee(&h.s, &r, &h.now(), kap::i18n::Lang::En);
    assert!(
        page.contains("&quot;**now** &lt;b&gt;x&lt;/b&gt; _fast_ ~~no~~&quot;"),
        "{page}"
    );
    assert!(!page.contains("<strong>now"), "{page}");
    assert!(!page.contains("<s>no"), "{page}");
}
