//! The rules the shell used to work out itself, now in the core: the start
//! form's fields to a session start, whether a phase can be left, the
//! course's next session number, and the scenario events due.

use kap::i18n::Lang;
use kap::protocol::{self, Protocol};
use kap::rehearsal::Patient;
use kap::session::{
    Advance, Clock, Event, MINUTE, SimClock, StartFields, plan_start, vitals::parse,
};
use std::path::Path;
use std::sync::Arc;

fn load(name: &str) -> Arc<Protocol> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    Arc::new(protocol::load_file(&p).unwrap().protocol)
}

fn fields<'a>(
    patient: &'a str,
    session: &'a str,
    weight: &'a str,
    mgkg: &'a str,
) -> StartFields<'a> {
    StartFields {
        patient,
        session,
        weight_kg: weight,
        mg_per_kg: mgkg,
        clinicians: "A. Martin, RN",
    }
}

#[test]
fn the_start_fields_become_a_start_with_the_protocols_dose_or_a_reason() {
    let p = load("montreal.toml");
    let (start, plan) = plan_start(&p, fields(" P-017 ", "3", "70,5", ""), true).unwrap();
    assert_eq!(start.patient, "P-017");
    assert_eq!(start.weight_kg, 70.5);
    assert_eq!(start.dose_mg, plan.dose_mg);
    assert!(start.rehearsal);
    assert_eq!(start.protocol_id, "montreal");
    let refused = |f| plan_start(&p, f, false).unwrap_err().say(Lang::En);
    assert!(refused(fields("", "3", "70", "")).contains("patient"));
    assert!(refused(fields("P", "three", "70", "")).contains("1 to 6"));
    assert!(refused(fields("P", "3", "", "")).contains("weight"));
    assert!(refused(fields("P", "3", "70", "half")).contains("\"half\""));
    // Both papers keep a clinician present throughout: one must be named.
    let nobody = StartFields {
        clinicians: " ; ",
        ..fields("P", "3", "70", "")
    };
    assert!(refused(nobody).contains("Montreal §3.3"));
    let two = StartFields {
        clinicians: "A. Martin, RN; Dr B. Silva, psychiatrist",
        ..fields("P", "3", "70", "")
    };
    let (start, _) = plan_start(&p, two, false).unwrap();
    assert_eq!(
        start.clinicians,
        ["A. Martin, RN", "Dr B. Silva, psychiatrist"]
    );
    // Outside the session's range: the protocol's own refusal.
    assert!(!refused(fields("P", "3", "70", "3")).is_empty());
}

#[test]
fn a_phase_is_left_freely_with_a_reason_or_not_at_all() {
    let p = load("montreal.toml");
    let clock = SimClock::fixed();
    let (start, _) = plan_start(&p, fields("P", "3", "70", ""), false).unwrap();
    let mut s = kap::session::Session::start(p, start, clock.now()).unwrap();
    // Check-in has required questions open.
    assert_eq!(s.advance_check(&clock.now()), Advance::NeedsReason);
    let go = |s: &mut kap::session::Session, ev: Event| s.apply(&ev, &clock.now()).unwrap();
    for _ in 0..3 {
        go(
            &mut s,
            Event::Advanced {
                reason: Some("test".into()),
            },
        );
    }
    for id in ["readiness", "consent", "iv-line"] {
        go(
            &mut s,
            Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
        );
    }
    go(
        &mut s,
        Event::Vitals {
            reading: parse("128/82 76 98").unwrap(),
        },
    );
    go(
        &mut s,
        Event::Advanced {
            reason: Some("typed items left".into()),
        },
    );
    // The infusion phase before the infusion: a reason is needed.
    assert_eq!(s.advance_check(&clock.now()), Advance::NeedsReason);
    go(&mut s, Event::DosingStarted);
    // While it runs no reason will do.
    match s.advance_check(&clock.now()) {
        Advance::Held(why) => assert_eq!(why[0].id(), Some("hold-infusion-running")),
        other => panic!("{other:?}"),
    }
    clock.advance(41 * MINUTE);
    assert_ne!(
        std::mem::discriminant(&s.advance_check(&clock.now())),
        std::mem::discriminant(&Advance::Held(vec![]))
    );
}

#[test]
fn scenario_events_fall_due_from_the_start_of_dosing_once_each() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/montreal-hypertensive.toml");
    let sc = kap::rehearsal::scenario::load_file(&path, kap::i18n::Lang::En).unwrap();
    let first = sc.events.iter().map(|e| e.minute).fold(f64::MAX, f64::min);
    let patient = Patient::new(sc, None);
    let clock = SimClock::fixed();
    let start = clock.now();
    let seen = vec![false; patient.scenario.events.len()];
    // Nothing is due before dosing starts.
    clock.advance(600 * MINUTE);
    assert!(patient.events_due(&clock.now(), None, &seen).is_empty());
    // From dosing: due once their minute has come, and never again once seen.
    let all = patient.events_due(&clock.now(), Some(&start), &seen);
    assert_eq!(all.len(), patient.scenario.events.len());
    let just_before = start.plus((first * MINUTE as f64) as i64 - 1);
    assert!(
        patient
            .events_due(&just_before, Some(&start), &seen)
            .is_empty()
    );
    let all_seen = vec![true; seen.len()];
    assert!(
        patient
            .events_due(&clock.now(), Some(&start), &all_seen)
            .is_empty()
    );
}

/// A Montreal session 3 (35 mg over 40 min at 1 mg/mL) in its infusion
/// phase, started at the clock's time.
fn infusing(clock: &SimClock) -> kap::session::Session {
    let p = load("montreal.toml");
    let (start, _) = plan_start(&p, fields("P", "3", "70", ""), false).unwrap();
    let mut s = kap::session::Session::start(p, start, clock.now()).unwrap();
    for _ in 0..3 {
        s.apply(
            &Event::Advanced {
                reason: Some("test".into()),
            },
            &clock.now(),
        )
        .unwrap();
    }
    for id in ["readiness", "consent", "iv-line"] {
        s.apply(
            &Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            &clock.now(),
        )
        .unwrap();
    }
    s.apply(
        &Event::Vitals {
            reading: parse("128/82 76 98").unwrap(),
        },
        &clock.now(),
    )
    .unwrap();
    s.apply(
        &Event::Advanced {
            reason: Some("test".into()),
        },
        &clock.now(),
    )
    .unwrap();
    s.apply(&Event::DosingStarted, &clock.now()).unwrap();
    s
}

fn end_measures_due_from(s: &kap::session::Session, now: &kap::session::Moment) -> Vec<String> {
    s.measures_due(now)
        .into_iter()
        .filter(|(p, _)| p.id.starts_with("end-") || p.text.contains("end of the infusion"))
        .map(|(_, d)| d.from.hhmm())
        .collect()
}

#[test]
fn the_dose_given_follows_the_recorded_start_pauses_and_stop() {
    let clock = SimClock::fixed();
    let mut s = infusing(&clock);
    assert_eq!(s.delivered(&clock.now()).mg, 0.0);
    clock.advance(4 * MINUTE);
    s.apply(
        &Event::DosingStopped {
            reason: "nausea".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(30 * MINUTE);
    let d = s.delivered(&clock.now());
    // 4 of 40 minutes of 35 mg: 3.5 mg, 3.5 mL at 1 mg/mL.
    assert!((d.mg - 3.5).abs() < 1e-9, "{d:?}");
    assert_eq!(d.planned_mg, 35.0);
    assert_eq!(d.ml.map(|x| (x * 10.0).round() / 10.0), Some(3.5));
    assert!(!d.is_complete());
    assert_eq!(d.text().say(Lang::En), "3.5 of 35 mg (3.5 of 35 mL)");

    // Pauses do not count; the whole dose once the running time is done.
    let clock = SimClock::fixed();
    let mut s = infusing(&clock);
    clock.advance(10 * MINUTE);
    s.apply(
        &Event::DosingPaused {
            reason: "BP".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(15 * MINUTE);
    assert!((s.delivered(&clock.now()).mg - 8.75).abs() < 1e-9);
    s.apply(&Event::DosingResumed, &clock.now()).unwrap();
    clock.advance(20 * MINUTE);
    assert!((s.delivered(&clock.now()).mg - 26.25).abs() < 1e-9);
    clock.advance(10 * MINUTE);
    let d = s.delivered(&clock.now());
    assert!(d.is_complete());
    assert_eq!(d.text().say(Lang::En), "35 mg (35 mL)");
}

#[test]
fn end_of_infusion_measures_follow_the_actual_end() {
    // Stopped at 4 minutes: the end-of-infusion measures are due then.
    let clock = SimClock::fixed();
    let start = clock.now();
    let mut s = infusing(&clock);
    clock.advance(4 * MINUTE);
    s.apply(
        &Event::DosingStopped {
            reason: "asked to stop".into(),
        },
        &clock.now(),
    )
    .unwrap();
    let stop = clock.now().hhmm();
    let due = end_measures_due_from(&s, &clock.now());
    assert!(!due.is_empty(), "no end-of-infusion measure");
    assert!(due.iter().all(|d| *d == stop), "{due:?} != {stop}");

    // Paused for 15 minutes: due 15 minutes later than planned.
    let clock = SimClock::fixed();
    let mut s = infusing(&clock);
    clock.advance(10 * MINUTE);
    s.apply(
        &Event::DosingPaused {
            reason: "BP".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(15 * MINUTE);
    s.apply(&Event::DosingResumed, &clock.now()).unwrap();
    let expected = start.plus(55 * MINUTE).hhmm();
    let due = end_measures_due_from(&s, &clock.now());
    assert!(due.iter().all(|d| *d == expected), "{due:?} != {expected}");
}

#[test]
fn consent_is_locked_once_the_infusion_starts_and_withdrawing_it_stops_the_infusion() {
    let clock = SimClock::fixed();
    let mut s = infusing(&clock);
    clock.advance(5 * MINUTE);
    for id in ["consent", "readiness"] {
        let untick = Event::Ticked {
            prompt: id.into(),
            checked: false,
            evidence: None,
        };
        let why = s.apply(&untick, &clock.now()).unwrap_err();
        assert_eq!(why.id(), Some("ref-gate-locked"));
        assert!(s.ticks[id].checked);
    }
    let empty = Event::ConsentWithdrawn { reason: " ".into() };
    assert!(s.apply(&empty, &clock.now()).is_err());
    let withdraw = Event::ConsentWithdrawn {
        reason: "asked to stop, wants to go home".into(),
    };
    s.apply(&withdraw, &clock.now()).unwrap();
    assert_eq!(
        s.dosing.state(&clock.now()),
        kap::session::DosingState::Stopped
    );
    let (_, why) = s.dosing.stopped.as_ref().unwrap();
    assert!(why.starts_with("consent withdrawn"), "{why}");
    assert!((s.delivered(&clock.now()).mg - 35.0 * 5.0 / 40.0).abs() < 1e-9);
    // Once is the record.
    assert!(s.apply(&withdraw, &clock.now()).is_err());
    let summary = kap::record::summary::markdown(&s, &clock.now(), kap::i18n::Lang::En);
    assert!(summary.contains("Consent withdrawn"), "{summary}");
}
