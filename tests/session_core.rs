//! The session core on a simulated clock: whole sessions of both models,
//! gates and skipped items. No terminal, disk or real time. The timing
//! rules (vitals schedule, alerts, pauses, debrief) are in
//! `tests/session_timing.rs`; the harness is `tests/common/session.rs`.

mod common;

use common::session::{H, to_dosing_phase};
use kap::i18n::{Lang, Phrase};
use kap::session::state::DueState;
use kap::session::{DosingState, Event, MINUTE};

/// A phrase in English, for the protocol's own words it carries.
fn en(p: &Phrase) -> String {
    p.say(Lang::En)
}

#[test]
fn a_whole_montreal_session_start_to_discharge() {
    let mut h = H::new("montreal.toml", 5);
    assert_eq!(h.phase(), "check-in");
    // Session 5 raises the course's end.
    let ids: Vec<String> =
        h.s.missing_required(h.s.current_phase())
            .iter()
            .map(|p| p.id.clone())
            .collect();
    assert!(ids.contains(&"course-end".to_string()), "{ids:?}");
    h.answer("life-events", "quiet week");
    h.answer("risk", "no suicidal ideation");
    h.answer("symptoms", "sleep better");
    h.answer("treatment-changes", "none");
    h.answer("goal-progress", "walked 3 times");
    let r = h.refused(Event::Advanced { reason: None });
    assert!(
        r.holds.iter().any(|x| en(x).contains("end of the course")),
        "{}",
        r.say(Lang::En)
    );
    h.answer("course-end", "mixed feelings");
    h.wait(10);
    h.advance();
    assert_eq!(h.phase(), "integration");
    h.advance(); // nothing required
    h.answer("intention", "stay with what comes");
    h.answer("music-choice", "ambient playlist");
    h.answer("guiding", "little");
    h.ok(Event::MusicChosen {
        playlist: Some("demo.m3u".into()),
        support: None,
    });
    h.advance();
    assert_eq!(h.phase(), "baseline");
    h.vitals("128/82 76 98");
    h.tick("readiness");
    h.tick("consent");
    h.tick("iv-line");
    h.advance();
    assert_eq!(h.phase(), "infusion");
    h.ok(Event::DosingStarted);
    h.ok(Event::MusicStarted { track: None });
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Running);
    for (min, v) in [
        (12, "135/85 80 97"),
        (12, "142/88 84 97"),
        (12, "138/86 82 98"),
    ] {
        h.wait(min);
        assert_ne!(h.s.vitals_due(&h.now()).unwrap().state, DueState::Upcoming);
        h.vitals(v);
    }
    h.ok(Event::Note {
        text: "tearful, settled with quiet presence".into(),
        tags: vec!["tearful".into()],
        outside: None,
    });
    h.wait(4); // 40 min
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Completed);
    // Music still playing: the debrief clock waits for it.
    assert_eq!(h.s.debrief_started(&h.now()), None);
    h.wait(15);
    h.ok(Event::MusicEnded);
    assert_eq!(h.s.debrief_started(&h.now()), Some(h.now()));
    h.advance();
    assert_eq!(h.phase(), "debrief");
    h.answer("experience", "felt spacious");
    h.wait(25);
    assert_eq!(h.s.debrief_elapsed(&h.now()), Some(25 * MINUTE));
    h.vitals("126/80 72 98");
    h.advance();
    assert_eq!(h.phase(), "preparation");
    h.answer("plans", "rest, journal");
    h.answer("goals-review", "keep all three");
    h.advance();
    assert_eq!(h.phase(), "discharge");
    for id in [
        "psych-ready",
        "phys-ready",
        "safety-reminders",
        "contact-team",
    ] {
        h.tick(id);
    }
    h.wait(3);
    h.vitals("124/80 70 98");
    // "Ready to leave at" is required before closing.
    let r = h.refused(Event::Closed);
    assert_eq!(r.id(), Some("ref-discharge-not-done"));
    assert_eq!(r.holds, ["Time the patient was ready to leave".into()]);
    h.ok(Event::Recorded {
        prompt: "ready-at".into(),
        value: kap::protocol::values::Value::Time("10:55".into()),
    });
    h.ok(Event::Closed);
    assert!(h.s.is_closed());
    assert!(h.s.skips.is_empty());
    assert_eq!(h.s.vitals.len(), 6);
    assert_eq!(h.s.vitals_due(&h.now()), None);
    // Nothing more is accepted once closed.
    assert_eq!(
        h.refused(Event::Note {
            text: "late".into(),
            tags: vec![],
            outside: None,
        })
        .id(),
        Some("ref-session-closed")
    );
}

#[test]
fn a_whole_palliative_session_two_without_music() {
    let mut h = H::new("palliative.toml", 2);
    h.answer_required();
    assert!(
        h.s.answers.contains_key("course-end"),
        "session 2 raises the end"
    );
    h.advance();
    h.answer_required();
    h.advance();
    h.answer_required();
    h.ok(Event::MusicChosen {
        playlist: None,
        support: Some("silence".into()),
    });
    h.advance();
    h.vitals("122/78 70 97");
    h.answer_required();
    h.advance();
    assert_eq!(h.phase(), "infusion");
    h.ok(Event::DosingStarted);
    // No music: a check-in is due after the protocol's 5 min.
    h.wait(4);
    assert_eq!(h.s.checkin_due(&h.now()).unwrap().state, DueState::Upcoming);
    h.wait(1);
    assert_eq!(h.s.checkin_due(&h.now()).unwrap().state, DueState::Due);
    h.ok(Event::CheckedIn {
        note: Some("calm, eyes closed".into()),
    });
    assert_eq!(h.s.checkin_due(&h.now()).unwrap().state, DueState::Upcoming);
    h.wait(11);
    assert_eq!(h.s.checkin_due(&h.now()).unwrap().state, DueState::Overdue);
    h.ok(Event::CheckedIn { note: None });
    h.vitals("130/84 78 97");
    h.wait(12);
    h.vitals("134/86 80 96");
    h.wait(12);
    h.vitals("128/80 76 97");
    h.wait(1); // 41 min in
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Completed);
    assert_eq!(
        h.s.checkin_due(&h.now()),
        None,
        "check-ins end with the infusion"
    );
    // No music played: the debrief clock starts at the infusion's end.
    let end = h.s.dosing.ended_at(&h.now()).unwrap();
    assert_eq!(h.s.debrief_started(&h.now()), Some(end));
    h.advance();
    h.answer_required();
    h.advance();
    h.answer_required();
    h.advance();
    assert_eq!(h.phase(), "discharge");
    h.answer_required();
    h.vitals("124/80 72 97");
    h.ok(Event::Closed);
    assert!(h.s.is_closed());
    assert_eq!(h.s.notes.len(), 1, "the check-in note is kept");
}

#[test]
fn gates_refuse_with_their_reasons() {
    let mut h = H::new("montreal.toml", 1);
    to_dosing_phase(&mut h);
    // Nothing done: consent, readiness and vitals all hold the infusion.
    h.tick("iv-line");
    let r = h.refused(Event::Advanced { reason: None });
    // The gates' reasons are the protocol's own words.
    let said: Vec<String> = r.holds.iter().map(en).collect();
    assert!(
        said.iter().any(|x| x.contains("Consent to proceed")),
        "{said:?}"
    );
    assert!(said.iter().any(|x| x.contains("readiness")), "{said:?}");
    let vitals = r
        .holds
        .iter()
        .find(|x| en(x).starts_with("Baseline vitals"))
        .expect("the vitals gate holds");
    let none = vitals.find("gate-none-recorded");
    assert_eq!(
        none[0].arg("measure").and_then(Phrase::id),
        Some("metric-systolic")
    );
    // The first session also waits for the assessment and the psychotherapy
    // already under way (Montreal §3.1–3.2).
    assert!(
        said.iter().any(|x| x.contains("assessment and work-up")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|x| x.contains("concomitant psychotherapy")),
        "{said:?}"
    );
    // A skip reason does not open a gate.
    let r = h.refused(Event::Advanced {
        reason: Some("in a hurry".into()),
    });
    assert!(!r.holds.is_empty());
    h.tick("consent");
    h.tick("readiness");
    h.tick("assessment-done");
    h.tick("psychotherapy-started");
    h.vitals("150/95 80 97");
    let r = h.refused(Event::Advanced { reason: None });
    assert_eq!(r.holds.len(), 1, "{}", r.say(Lang::En));
    let above = r.holds[0].find("gate-above");
    assert_eq!(above.len(), 2, "{}", r.say(Lang::En));
    assert_eq!(above[0].arg("value"), Some(&Phrase::Count(150)));
    assert_eq!(above[0].arg("limit"), Some(&Phrase::Num(140.0)));
    assert_eq!(above[1].arg("value"), Some(&Phrase::Count(95)));
    assert_eq!(above[1].arg("limit"), Some(&Phrase::Num(90.0)));
    h.wait(5);
    h.vitals("132/84 80 97");
    h.advance();
    // The gate is checked again when the infusion starts: 31 min later the
    // baseline reading is too old.
    h.wait(31);
    let r = h.refused(Event::DosingStarted);
    let old = r.holds[0].find("gate-too-old");
    assert_eq!(old[0].arg("minutes"), Some(&Phrase::Count(30)));
    h.vitals("130/82 78 98");
    h.ok(Event::DosingStarted);
    // Consent withdrawn after the start does not undo the start, but the
    // infusion can't be left while running.
    let r = h.refused(Event::Advanced { reason: None });
    assert_eq!(r.holds[0].id(), Some("hold-infusion-running"));
    assert_eq!(
        r.holds[0].arg("left"),
        Some(&kap_core::phrase!("duration-min", min = 40i64))
    );
}

#[test]
fn skipping_required_items_needs_a_reason_and_is_recorded() {
    let mut h = H::new("montreal.toml", 1);
    let r = h.refused(Event::Advanced { reason: None });
    assert_eq!(r.id(), Some("ref-required-not-done"));
    assert_eq!(r.holds.len(), 5);
    h.ok(Event::Advanced {
        reason: Some("patient arrived late; covered by phone yesterday".into()),
    });
    assert_eq!(h.s.skips.len(), 1);
    assert_eq!(h.s.skips[0].phase, "check-in");
    assert_eq!(h.s.skips[0].prompts.len(), 5);
}
