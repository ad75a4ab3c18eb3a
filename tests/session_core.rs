//! The session core on a simulated clock: whole sessions of both models,
//! gates, the vitals schedule at its edges, alerts, pauses, check-ins and
//! the debrief clock. No terminal, disk or real time.

use kap::protocol::{self, Protocol};
use kap::session::state::DueState;
use kap::session::vitals::parse;
use kap::session::{
    Clock, DosingState, Event, MINUTE, Moment, Refusal, SECOND, Session, SessionStart, SimClock,
};
use std::path::Path;
use std::sync::Arc;

fn load(name: &str) -> Arc<Protocol> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    Arc::new(protocol::load_file(&p).unwrap().protocol)
}

struct H {
    s: Session,
    clock: SimClock,
}

impl H {
    fn new(file: &str, session: u32) -> H {
        let p = load(file);
        let clock = SimClock::fixed();
        let start = SessionStart {
            patient: "P-017".into(),
            session,
            protocol_id: p.protocol.id.clone(),
            protocol_version: p.protocol.version.clone(),
            weight_kg: 70.0,
            mg_per_kg: 0.5,
            dose_mg: 35.0,
            rehearsal: false,
            schedule_note: None,
            ui: None,
            lang: None,
            clinicians: vec![],
        };
        let s = Session::start(p, start, clock.now()).unwrap();
        H { s, clock }
    }

    fn now(&self) -> Moment {
        self.clock.now()
    }

    fn wait(&self, min: i64) {
        self.clock.advance(min * MINUTE);
    }

    fn ok(&mut self, ev: Event) {
        let now = self.now();
        if let Err(r) = self.s.apply(&ev, &now) {
            panic!("{ev:?} refused: {r}");
        }
    }

    fn refused(&mut self, ev: Event) -> Refusal {
        let before = self.s.clone();
        let now = self.now();
        let r = self.s.apply(&ev, &now).expect_err("should be refused");
        assert_eq!(self.s, before, "a refused event changes nothing");
        r
    }

    fn answer(&mut self, id: &str, text: &str) {
        self.ok(Event::Answered {
            prompt: id.into(),
            text: text.into(),
        });
    }

    fn tick(&mut self, id: &str) {
        self.ok(Event::Ticked {
            prompt: id.into(),
            checked: true,
        });
    }

    fn vitals(&mut self, s: &str) {
        self.ok(Event::Vitals {
            reading: parse(s).unwrap(),
        });
    }

    fn advance(&mut self) {
        self.ok(Event::Advanced { reason: None });
    }

    fn phase(&self) -> &str {
        &self.s.current_phase().id
    }

    fn answer_required(&mut self) {
        let phase = self.s.current_phase().clone();
        for p in self.s.missing_required(&phase) {
            let ev = match p.kind {
                protocol::PromptKind::Text => Event::Answered {
                    prompt: p.id.clone(),
                    text: format!("answer to {}", p.id),
                },
                protocol::PromptKind::Check => Event::Ticked {
                    prompt: p.id.clone(),
                    checked: true,
                },
                _ => Event::Recorded {
                    prompt: p.id.clone(),
                    value: sample_value(p),
                },
            };
            let now = self.now();
            self.s.apply(&ev, &now).unwrap();
        }
    }
}

/// A valid value for any typed prompt, as a clinician might type it.
fn sample_value(p: &protocol::Prompt) -> kap::protocol::values::Value {
    use protocol::PromptKind as K;
    let input = match p.kind {
        K::YesNo => "y".to_string(),
        K::Choice | K::MultiChoice => "1".to_string(),
        K::Number => kap::protocol::dose::num(p.min.unwrap_or(1.0)),
        K::Time => "now".to_string(),
        K::Scale => match &p.scale {
            Some(s) if !s.items.is_empty() => vec![s.min.to_string(); s.items.len()].join(" "),
            Some(s) => s.min.to_string(),
            None => "0".to_string(),
        },
        K::Text | K::Check => unreachable!("not typed"),
    };
    kap::protocol::values::parse(p, &input, "10:00").unwrap()
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
        r.holds.iter().any(|x| x.contains("end of the course")),
        "{r}"
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
    assert_eq!(r.message, "the discharge items are not all done");
    assert_eq!(r.holds, ["Time the patient was ready to leave"]);
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
            tags: vec![]
        })
        .message,
        "the session is closed"
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

fn to_dosing_phase(h: &mut H) {
    while h.phase() != "baseline" {
        h.answer_required();
        h.advance();
    }
}

#[test]
fn gates_refuse_with_their_reasons() {
    let mut h = H::new("montreal.toml", 1);
    to_dosing_phase(&mut h);
    // Nothing done: consent, readiness and vitals all hold the infusion.
    h.tick("iv-line");
    let r = h.refused(Event::Advanced { reason: None });
    assert!(
        r.holds.iter().any(|x| x.contains("Consent to proceed")),
        "{r}"
    );
    assert!(r.holds.iter().any(|x| x.contains("readiness")), "{r}");
    assert!(
        r.holds
            .iter()
            .any(|x| x.contains("Baseline vitals") && x.contains("no systolic BP recorded")),
        "{r}"
    );
    // The first session also waits for the assessment and the psychotherapy
    // already under way (Montreal §3.1–3.2).
    assert!(
        r.holds.iter().any(|x| x.contains("assessment and work-up")),
        "{r}"
    );
    assert!(
        r.holds
            .iter()
            .any(|x| x.contains("concomitant psychotherapy")),
        "{r}"
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
    assert_eq!(r.holds.len(), 1, "{r}");
    assert!(
        r.holds[0].contains("systolic BP 150 is above 140 (baseline limit)")
            && r.holds[0].contains("diastolic BP 95 is above 90"),
        "{r}"
    );
    h.wait(5);
    h.vitals("132/84 80 97");
    h.advance();
    // The gate is checked again when the infusion starts: 31 min later the
    // baseline reading is too old.
    h.wait(31);
    let r = h.refused(Event::DosingStarted);
    assert!(r.holds[0].contains("more than 30 min ago"), "{r}");
    h.vitals("130/82 78 98");
    h.ok(Event::DosingStarted);
    // Consent withdrawn after the start does not undo the start, but the
    // infusion can't be left while running.
    let r = h.refused(Event::Advanced { reason: None });
    assert!(
        r.holds[0].starts_with("the infusion is running (40 min left)"),
        "{r}"
    );
}

#[test]
fn skipping_required_items_needs_a_reason_and_is_recorded() {
    let mut h = H::new("montreal.toml", 1);
    let r = h.refused(Event::Advanced { reason: None });
    assert_eq!(
        r.message,
        "required items are not done; give a reason to move on without them"
    );
    assert_eq!(r.holds.len(), 5);
    h.ok(Event::Advanced {
        reason: Some("patient arrived late; covered by phone yesterday".into()),
    });
    assert_eq!(h.s.skips.len(), 1);
    assert_eq!(h.s.skips[0].phase, "check-in");
    assert_eq!(h.s.skips[0].prompts.len(), 5);
}

fn into_infusion(h: &mut H) -> Moment {
    to_dosing_phase(h);
    h.vitals("120/80 70 98");
    h.answer_required();
    h.advance();
    h.ok(Event::DosingStarted);
    h.now()
}

#[test]
fn vitals_due_and_overdue_at_the_window_edges() {
    let mut h = H::new("montreal.toml", 1);
    let t0 = into_infusion(&mut h);
    let d = h.s.vitals_due(&t0).unwrap();
    assert_eq!(d.from, t0.plus(10 * MINUTE));
    assert_eq!(d.until, t0.plus(15 * MINUTE));
    let at = |ms| h.s.vitals_due(&t0.plus(ms)).unwrap().state;
    assert_eq!(at(10 * MINUTE - 1), DueState::Upcoming);
    assert_eq!(at(10 * MINUTE), DueState::Due);
    assert_eq!(at(15 * MINUTE), DueState::Due);
    assert_eq!(at(15 * MINUTE + 1), DueState::Overdue);
    // A reading without BP (the prompted measure) does not reset the window.
    h.wait(12);
    h.ok(Event::Vitals {
        reading: parse("hr 88").unwrap(),
    });
    assert_eq!(h.s.vitals_due(&h.now()).unwrap().from, t0.plus(10 * MINUTE));
    h.vitals("bp 130/84");
    let d = h.s.vitals_due(&h.now()).unwrap();
    assert_eq!(d.from, t0.plus(22 * MINUTE));
    assert_eq!(d.until, t0.plus(27 * MINUTE));
    assert_eq!(d.state, DueState::Upcoming);
}

#[test]
fn alerts_confirm_on_repeat_fire_once_per_episode_and_stay_until_acknowledged() {
    let mut h = H::new("montreal.toml", 1);
    into_infusion(&mut h);
    h.wait(10);
    // 186/100: above the 180 systolic rule, which wants a repeat 5 min later.
    h.vitals("186/100 90 97");
    assert!(h.s.alerts.alerts.is_empty());
    assert_eq!(h.s.alerts.pending.len(), 1);
    assert_eq!(h.s.alerts.pending[0].repeat_at, h.now().plus(5 * MINUTE));
    // A repeat too soon neither confirms nor clears.
    h.wait(2);
    h.vitals("184/100 90 97");
    assert!(h.s.alerts.alerts.is_empty());
    h.wait(3);
    h.vitals("188/102 92 97");
    assert_eq!(h.s.alerts.alerts.len(), 1);
    let a = &h.s.alerts.alerts[0];
    assert_eq!(a.rule, "bp-high");
    assert!(a.action.starts_with("Repeat BP in 5 min"));
    assert_eq!(a.source, "site (example value)");
    assert!(a.first_seen.is_some());
    assert!(a.is_active());
    // Still high: the same episode, nothing new.
    h.wait(5);
    h.vitals("190/100 92 97");
    assert_eq!(h.s.alerts.alerts.len(), 1);
    // 205: the severe rule fires at once.
    h.wait(1);
    h.vitals("205/118 95 97");
    assert_eq!(h.s.alerts.alerts.len(), 2);
    assert_eq!(
        h.s.alerts.active()[0].rule,
        "bp-severe",
        "most severe first"
    );
    // Acknowledge both, with what was done.
    h.ok(Event::AlertAcknowledged {
        alert: 2,
        action: Some("infusion paused, physician called".into()),
    });
    h.ok(Event::AlertAcknowledged {
        alert: 1,
        action: None,
    });
    assert!(h.s.alerts.active().is_empty());
    let r = h.refused(Event::AlertAcknowledged {
        alert: 1,
        action: None,
    });
    assert_eq!(r.message, "alert 1 is already acknowledged");
    assert_eq!(
        h.refused(Event::AlertAcknowledged {
            alert: 9,
            action: None
        })
        .message,
        "there is no alert 9"
    );
    // Back in range ends the episode; a new breach is a new alert.
    h.wait(5);
    h.vitals("150/90 80 97");
    h.wait(5);
    h.vitals("206/110 80 97");
    assert_eq!(h.s.alerts.alerts.len(), 3);
    // SpO₂ below 92 fires at once, from a partial entry.
    h.ok(Event::Vitals {
        reading: parse("spo2 88").unwrap(),
    });
    assert_eq!(h.s.alerts.alerts.len(), 4);
    assert_eq!(h.s.vitals.last().unwrap().raised, vec![4]);
}

#[test]
fn pause_and_resume_arithmetic() {
    let mut h = H::new("montreal.toml", 1);
    let t0 = into_infusion(&mut h);
    h.wait(10);
    assert_eq!(
        h.refused(Event::DosingPaused { reason: " ".into() })
            .message,
        "a reason is needed for pausing the infusion"
    );
    h.ok(Event::DosingPaused {
        reason: "nausea".into(),
    });
    h.wait(5);
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Paused);
    assert_eq!(h.s.dosing.elapsed(&h.now()), 10 * MINUTE);
    assert_eq!(h.s.dosing.remaining(&h.now()), Some(30 * MINUTE));
    h.ok(Event::DosingResumed);
    h.wait(20);
    h.clock.advance(30 * SECOND);
    assert_eq!(h.s.dosing.elapsed(&h.now()), 30 * MINUTE + 30 * SECOND);
    h.ok(Event::DosingPaused {
        reason: "BP intervention".into(),
    });
    h.wait(2);
    h.ok(Event::DosingResumed);
    h.wait(10);
    // 40 min of running plus 7 min of pauses.
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Completed);
    assert_eq!(
        h.s.dosing.completed_at(&h.now()),
        Some(t0.plus(47 * MINUTE))
    );
    assert_eq!(h.s.dosing.elapsed(&h.now()), 40 * MINUTE);
    assert_eq!(h.s.dosing.pauses.len(), 2);
    assert_eq!(h.s.dosing.pauses[0].reason, "nausea");
}

#[test]
fn stopping_early_needs_a_reason_and_ends_the_infusion() {
    let mut h = H::new("montreal.toml", 1);
    into_infusion(&mut h);
    h.wait(18);
    h.ok(Event::DosingPaused {
        reason: "distress".into(),
    });
    h.wait(3);
    h.ok(Event::DosingStopped {
        reason: "patient asked to stop".into(),
    });
    assert_eq!(h.s.dosing.state(&h.now()), DosingState::Stopped);
    assert_eq!(h.s.dosing.elapsed(&h.now()), 18 * MINUTE);
    h.wait(30);
    assert_eq!(
        h.s.dosing.elapsed(&h.now()),
        18 * MINUTE,
        "a stopped timer stays"
    );
    assert!(h.s.debrief_started(&h.now()).is_some());
    h.advance();
    assert_eq!(h.phase(), "debrief");
}

#[test]
fn debrief_starts_after_whichever_ends_last() {
    // Playlist ends before the infusion: debrief waits for the infusion.
    let mut h = H::new("montreal.toml", 1);
    let t0 = into_infusion(&mut h);
    h.ok(Event::MusicStarted { track: None });
    h.wait(30);
    h.ok(Event::MusicEnded);
    assert_eq!(h.s.debrief_started(&h.now()), None);
    h.wait(15);
    assert_eq!(h.s.debrief_started(&h.now()), Some(t0.plus(40 * MINUTE)));
    assert_eq!(h.s.debrief_elapsed(&h.now()), Some(5 * MINUTE));

    // Playlist ends after the infusion: debrief waits for the music.
    let mut h = H::new("montreal.toml", 1);
    let t0 = into_infusion(&mut h);
    h.ok(Event::MusicStarted { track: None });
    h.wait(55);
    assert_eq!(h.s.debrief_started(&h.now()), None);
    h.ok(Event::MusicStopped {
        reason: Some("playlist over".into()),
    });
    assert_eq!(h.s.debrief_started(&h.now()), Some(t0.plus(55 * MINUTE)));

    // The clinician can start it at any point after dosing began.
    let mut h = H::new("montreal.toml", 1);
    into_infusion(&mut h);
    h.ok(Event::MusicStarted { track: None });
    h.wait(45);
    h.ok(Event::DebriefStarted);
    assert_eq!(h.s.debrief_started(&h.now()), Some(h.now()));
    assert!(
        h.refused(Event::DebriefStarted)
            .message
            .contains("already started")
    );
}

#[test]
fn a_suspend_gap_counts_in_the_infusion_time() {
    let mut h = H::new("montreal.toml", 1);
    into_infusion(&mut h);
    h.wait(5);
    // Lid closed for 12 minutes: no events, the boot-time clock keeps counting.
    h.clock.advance(12 * MINUTE);
    assert_eq!(h.s.dosing.elapsed(&h.now()), 17 * MINUTE);
    assert_eq!(h.s.vitals_due(&h.now()).unwrap().state, DueState::Overdue);
    // A reboot (pulled charger) in the middle: the wall clock carries it.
    h.clock.reboot(3 * MINUTE, "after-reboot");
    assert_eq!(h.s.dosing.elapsed(&h.now()), 20 * MINUTE);
}

#[test]
fn events_that_do_not_fit_are_refused() {
    let mut h = H::new("montreal.toml", 1);
    assert_eq!(
        h.refused(Event::DosingStarted).message,
        "the infusion starts in the Infusion phase"
    );
    assert_eq!(
        h.refused(Event::Answered {
            prompt: "nope".into(),
            text: "x".into()
        })
        .message,
        "there is no prompt \"nope\""
    );
    assert_eq!(
        h.refused(Event::Answered {
            prompt: "course-end".into(),
            text: "x".into()
        })
        .message,
        "prompt \"course-end\" is not asked in session 1"
    );
    assert_eq!(
        h.refused(Event::Ticked {
            prompt: "risk".into(),
            checked: true
        })
        .message,
        "prompt \"risk\" is a text item"
    );
    assert_eq!(
        h.refused(Event::MusicChosen {
            playlist: None,
            support: Some("dance".into())
        })
        .message,
        "\"dance\" is not one of the protocol's supports"
    );
    assert_eq!(h.refused(Event::MusicEnded).message, "no music is playing");
    assert!(
        h.refused(Event::Closed)
            .message
            .starts_with("the session closes from its last phase (Discharge)")
    );
    h.ok(Event::Abandoned {
        reason: "patient unwell".into(),
    });
    assert!(h.s.closed.as_ref().unwrap().abandoned.is_some());
}

#[test]
fn implausible_readings_never_enter_the_state() {
    let mut h = H::new("montreal.toml", 1);
    let bad = kap::session::vitals::Reading {
        systolic: Some(1200),
        diastolic: Some(80),
        hr: None,
        spo2: None,
    };
    let r = h.refused(Event::Vitals { reading: bad });
    assert!(r.message.contains("not plausible"), "{r}");
    assert!(h.s.vitals.is_empty());
}

#[test]
fn a_bolus_has_an_observation_timer_and_cannot_be_paused() {
    let mut h = H::new("im-single-session.toml", 1);
    while h.phase() != "baseline" {
        h.answer_required();
        h.advance();
    }
    h.vitals("124/80 70 98");
    h.answer_required();
    h.advance();
    h.ok(Event::DosingStarted);
    assert_eq!(
        h.refused(Event::DosingPaused { reason: "x".into() })
            .message,
        "a bolus cannot be paused"
    );
    h.wait(60);
    assert_eq!(h.s.dosing.remaining(&h.now()), Some(60 * MINUTE));
}
