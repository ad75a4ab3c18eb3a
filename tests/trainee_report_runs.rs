//! The trainee report scores whole runs number for number: a good run of
//! the hypertensive Montreal scenario (readings off the monitor, the alarm
//! acknowledged and the infusion paused, the repeat taken, the session
//! closed) and bad ones (no blood pressure for 40 minutes; SpO₂ truly low
//! while 98 % was typed; the music left unattended). Every expected vitals
//! prompt counts, missed ones as missed; gates a session does not ask are
//! not applicable; items are named by their words; the music expectation
//! is met by what was recorded, in any language. Pure: a Session built
//! from events, a simulated Patient and its monitor.

mod common;

use common::session::H;
use kap::protocol::Metric;
use kap::rehearsal::inject::Injection;
use kap::rehearsal::report::phases::Pace;
use kap::rehearsal::report::{self, ExpectKind, Report, Status};
use kap::rehearsal::{Patient, scenario};
use kap::session::{Event, MINUTE};
use std::path::PathBuf;

fn scenario_patient(file: &str) -> Patient {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    Patient::new(
        scenario::load_file(&path, kap::i18n::Lang::En).unwrap(),
        None,
    )
}

/// Move the harness clock to `minute` of dosing.
fn at(h: &H, minute: f64) {
    let start = h.s.dosing.started.clone().unwrap();
    let target = start.plus((minute * MINUTE as f64) as i64);
    h.clock.advance(target.since(&h.now()));
}

/// Read the monitor as a trainee does: cycle the cuff, read heart rate and
/// SpO₂, and enter exactly that.
fn from_monitor(h: &mut H, p: &mut Patient) -> String {
    let now = h.now();
    p.observe(&h.s, &now);
    let dosing = h.s.dosing.started.clone();
    let (sys, dia) = p
        .cycle_cuff(&now, &h.s.started_at, dosing.as_ref())
        .unwrap();
    let view = p.view(&now, &h.s.started_at, dosing.as_ref());
    let entry = format!("{sys}/{dia} {} {}", view.hr, view.spo2.unwrap());
    h.vitals(&entry);
    entry
}

fn count(r: &Report, kind: Option<ExpectKind>, f: fn(&Status) -> bool) -> usize {
    r.expected
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k) && f(&e.status))
        .count()
}

fn statuses(r: &Report, kind: ExpectKind) -> Vec<Status> {
    r.expected
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.status)
        .collect()
}

/// Into the infusion with the baseline read off the monitor.
fn start(file: &str, session: u32, scenario: &str) -> (H, Patient) {
    let mut h = H::new(file, session);
    let mut p = scenario_patient(scenario);
    common::session::to_dosing_phase(&mut h);
    from_monitor(&mut h, &mut p);
    h.answer_required();
    h.advance();
    h.ok(Event::DosingStarted);
    (h, p)
}

/// Through the remaining phases to the signature, a reading off the
/// monitor in each; in the debrief, `debrief` more minutes, a reading
/// after each stretch.
fn close(h: &mut H, p: &mut Patient, debrief: &[i64]) {
    while !h.s.is_closed() {
        h.answer_required();
        from_monitor(h, p);
        if h.s.current_phase().role == kap::protocol::PhaseRole::Debrief {
            for minutes in debrief {
                h.wait(*minutes);
                from_monitor(h, p);
            }
        }
        let last = h.s.phase + 1 == h.s.protocol().phases.len();
        h.ok(if last {
            Event::Closed
        } else {
            Event::Advanced {
                reason: Some("practice".into()),
            }
        });
    }
}

/// The good run: readings off the monitor at 10 and 21 min; the BP alarm
/// at 21 acknowledged at once with what was done, the infusion paused at
/// 22 and a BP note; the confirming repeat at 26; resumed at 28; readings
/// at 38 and 48; through the phases from 55, with a debrief of `debrief`
/// stretches (25 min in two, for a good one).
fn run_to_close(debrief: &[i64]) -> (H, Patient) {
    let (mut h, mut p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    for minute in [10.0, 21.0] {
        at(&h, minute);
        from_monitor(&mut h, &mut p);
    }
    h.ok(Event::AlertAcknowledged {
        alert: 1,
        action: Some("pausing the infusion, physician called".into()),
    });
    at(&h, 22.0);
    h.ok(Event::DosingPaused {
        reason: "BP above 200".into(),
    });
    h.ok(Event::Note {
        text: "BP above 200: infusion paused, physician called".into(),
        tags: vec!["BP intervention".into()],
        outside: None,
    });
    at(&h, 26.0);
    from_monitor(&mut h, &mut p);
    at(&h, 28.0);
    h.ok(Event::DosingResumed);
    for minute in [38.0, 48.0] {
        at(&h, minute);
        from_monitor(&mut h, &mut p);
    }
    at(&h, 55.0);
    close(&mut h, &mut p, debrief);
    (h, p)
}

fn good_run() -> (H, Patient) {
    run_to_close(&[12, 13])
}

#[test]
fn a_good_run_scores_every_expectation_done() {
    let (h, p) = good_run();
    let r = report::build(&h.s, &p, &h.now(), &[10.0], kap::i18n::Lang::En);
    use ExpectKind::*;
    let done = |s: &Status| matches!(s, Status::Done { .. });
    let na = |s: &Status| *s == Status::NotApplicable;
    // Number for number, by kind: 4 gates met, 3 not asked in session 2;
    // 8 vitals prompts; the note; the acknowledgement and the pause; the
    // two confirming repeats.
    for (kind, n) in [
        (Gate, 4),
        (Vitals, 8),
        (Note, 1),
        (Acknowledge, 1),
        (PauseOrStop, 1),
        (Repeat, 2),
    ] {
        assert_eq!(count(&r, Some(kind), done), n, "{kind:?}");
    }
    assert_eq!(count(&r, Some(Gate), na), 3);
    assert_eq!(count(&r, None, done), 17);
    assert_eq!(r.expected.len(), 20);
    assert_eq!(
        statuses(&r, Vitals),
        [10.0, 21.0, 26.0, 38.0, 48.0, 55.0, 67.0, 80.0].map(|at| Status::Done { at })
    );
    assert_eq!(statuses(&r, PauseOrStop), [Status::Done { at: 22.0 }]);
    assert_eq!(
        r.summary(kap::i18n::Lang::En),
        "8 of 8 vitals prompts answered on time, 0 missed (the latest answer 0 min late); \
         1 of 1 alerts acknowledged; 0 entries disagreed with the monitor; 0 steps skipped; \
         0 scenario events without the expected response. Expected actions: 17 done, 0 late, \
         0 not done (simulated minutes, clock ×10)."
    );
    assert!(r.early_end.is_none());
    assert_eq!(
        r.phase_times
            .iter()
            .map(|p| (p.title.as_str(), p.minutes, p.pace))
            .collect::<Vec<_>>(),
        [("Debrief", 25.0, Pace::Within)]
    );
    let md = r.markdown(kap::i18n::Lang::En);
    for gate in [
        "The first infusion needs the assessment and work-up done",
        "The first infusion needs concomitant psychotherapy",
        "A maintenance session is for responders",
    ] {
        let row = md
            .lines()
            .find(|l| l.contains(gate))
            .unwrap_or_else(|| panic!("{md}"));
        assert!(
            row.ends_with("| not applicable (not asked in this session) |"),
            "{row}"
        );
    }
    // The true values beside what was recorded: the spike was read.
    assert_eq!(
        truth_lines(&md),
        [
            "- systolic BP truly above 180 mmHg from 21 to 23.5 min (up to 207 mmHg); \
             recorded 207 mmHg at 21 min",
            "- diastolic BP truly above 110 mmHg from 21 to 22.5 min (up to 115 mmHg); \
             recorded 114 mmHg at 21 min",
            "- systolic BP truly above 200 mmHg from 21 to 22 min (up to 207 mmHg); \
             recorded 207 mmHg at 21 min",
        ]
    );
}

#[test]
fn a_debrief_cut_short_is_said() {
    // The same run with the debrief left at once: the summary says so.
    let (h, p) = run_to_close(&[]);
    let r = report::build(&h.s, &p, &h.now(), &[10.0], kap::i18n::Lang::En);
    assert_eq!(
        r.phase_times
            .iter()
            .map(|p| (p.title.as_str(), p.minutes, p.pace))
            .collect::<Vec<_>>(),
        [("Debrief", 0.0, Pace::Short)]
    );
    assert!(
        r.summary(kap::i18n::Lang::En).ends_with(
            "(simulated minutes, clock ×10). 1 phase was shorter than the protocol's target."
        ),
        "{}",
        r.summary(kap::i18n::Lang::En)
    );
    assert!(
        r.markdown(kap::i18n::Lang::En)
            .contains("- Debrief: 0 min (target 20–30 min) — SHORTER than the target"),
        "{}",
        r.markdown(kap::i18n::Lang::En)
    );
}

/// The lines of the report's true-values section.
fn truth_lines(md: &str) -> Vec<String> {
    md.split("## The simulated patient's true values")
        .nth(1)
        .unwrap_or_else(|| panic!("no true values in\n{md}"))
        .split("\n## ")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_blood_pressure_for_40_minutes_misses_every_prompt_it_held() {
    let (mut h, p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    at(&h, 40.0);
    h.ok(Event::Abandoned {
        reason: "end of the slot".into(),
    });
    let r = report::build(&h.s, &p, &h.now(), &[10.0], kap::i18n::Lang::En);
    use ExpectKind::*;
    // Windows of 10–15 min: the first closes at 15 with nothing; the next
    // counts from there and closes at 30 with nothing. Each is missed.
    assert_eq!(r.prompts.len(), 2);
    assert_eq!(
        r.prompts
            .iter()
            .map(|p| (p.due_from, p.due_until, p.status))
            .collect::<Vec<_>>(),
        [(10.0, 15.0, Status::NotDone), (25.0, 30.0, Status::NotDone)]
    );
    assert_eq!(statuses(&r, Vitals), [Status::NotDone, Status::NotDone]);
    assert_eq!(statuses(&r, Note), [Status::NotDone]);
    let done = |s: &Status| matches!(s, Status::Done { .. });
    let na = |s: &Status| *s == Status::NotApplicable;
    let reached = |s: &Status| *s == Status::NotReached;
    assert_eq!(count(&r, Some(Gate), done), 3);
    assert_eq!(count(&r, Some(Gate), na), 3);
    assert_eq!(count(&r, Some(Gate), reached), 1);
    assert_eq!(
        r.summary(kap::i18n::Lang::En),
        "0 of 2 vitals prompts answered on time, 2 missed (the latest answer 0 min late); \
         0 of 0 alerts acknowledged; 0 entries disagreed with the monitor; 0 steps skipped; \
         1 scenario event without the expected response. Expected actions: 3 done, 0 late, \
         3 not done (simulated minutes, clock ×10). The run ended early, at 40 min."
    );
    let md = r.markdown(kap::i18n::Lang::En);
    // What was never reached is named by the protocol's words, not ids.
    assert!(
        md.contains("- prompts never reached: The patient's account of the experience; "),
        "{md}"
    );
    assert!(!md.contains("prompts never reached: debrief-"), "{md}");
    // The spike went unseen: nothing recorded while it lasted.
    assert_eq!(
        truth_lines(&md),
        [
            "- systolic BP truly above 180 mmHg from 21 to 40 min (up to 227 mmHg); \
             nothing recorded meanwhile",
            "- diastolic BP truly above 110 mmHg from 21 to 40 min (up to 123 mmHg); \
             nothing recorded meanwhile",
            "- systolic BP truly above 200 mmHg from 21 to 40 min (up to 227 mmHg); \
             nothing recorded meanwhile",
            "- diastolic BP truly above 120 mmHg from 32.5 to 40 min (up to 123 mmHg); \
             nothing recorded meanwhile",
        ]
    );

    // Twenty minutes more without a reading: a third prompt missed (its
    // window counts from the second's close: 40–45, closed by 60).
    let (mut h, p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    at(&h, 60.0);
    h.ok(Event::Abandoned {
        reason: "end of the slot".into(),
    });
    let r = report::build(&h.s, &p, &h.now(), &[10.0], kap::i18n::Lang::En);
    assert_eq!(
        r.prompts
            .iter()
            .map(|p| (p.due_from, p.due_until, p.status))
            .collect::<Vec<_>>(),
        [
            (10.0, 15.0, Status::NotDone),
            (25.0, 30.0, Status::NotDone),
            (40.0, 45.0, Status::NotDone)
        ]
    );
    assert!(
        r.summary(kap::i18n::Lang::En)
            .starts_with("0 of 3 vitals prompts answered on time, 3 missed")
    );
}

#[test]
fn a_late_reading_is_late_and_a_later_one_leaves_the_prompt_missed() {
    // One reading at 27: after the first window (10–15) closed, but before
    // the next one counted from its close would close (30): late by 12.
    let (mut h, mut p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    at(&h, 27.0);
    from_monitor(&mut h, &mut p);
    at(&h, 45.0);
    let r = report::build(&h.s, &p, &h.now(), &[1.0], kap::i18n::Lang::En);
    assert_eq!(
        statuses(&r, ExpectKind::Vitals),
        [
            Status::Late { at: 27.0, by: 12.0 },
            Status::NotDone // 37–42, nothing by 45
        ]
    );
    // At 31 instead, the first is missed and the reading answers the
    // second (25–30), a minute late.
    let (mut h, mut p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    at(&h, 31.0);
    from_monitor(&mut h, &mut p);
    at(&h, 35.0);
    let r = report::build(&h.s, &p, &h.now(), &[1.0], kap::i18n::Lang::En);
    assert_eq!(
        statuses(&r, ExpectKind::Vitals),
        [Status::NotDone, Status::Late { at: 31.0, by: 1.0 }]
    );
}

#[test]
fn spo2_truly_low_while_98_was_typed_is_shown_beside_it() {
    // The instructor takes SpO₂ down by 10 at minute 12; the trainee keeps
    // typing 98 % at 20 and 30.
    let (mut h, mut p) = start("montreal.toml", 2, "montreal-hypertensive.toml");
    at(&h, 12.0);
    p.inject(
        &h.now(),
        &h.s.started_at,
        Injection::Vitals {
            metric: Metric::Spo2,
            change: -10.0,
            fade_minutes: 0.0,
        },
    );
    for minute in [10.0 + 10.0, 30.0] {
        at(&h, minute);
        h.vitals("140/85 80 98");
    }
    at(&h, 40.0);
    let r = report::build(&h.s, &p, &h.now(), &[10.0], kap::i18n::Lang::En);
    let lines = truth_lines(&r.markdown(kap::i18n::Lang::En));
    let spo2: Vec<_> = lines.iter().filter(|l| l.contains("SpO₂")).collect();
    assert_eq!(
        spo2,
        ["- SpO₂ truly below 92 % from 12 to 40 min (down to 86 %); \
          recorded 98 % at 20 min, 98 % at 30 min"]
    );
    // The chart's samples hold the truth every half minute.
    let at_25 = r.truth.iter().find(|t| t.at == 25.0).unwrap();
    assert!(at_25.get(Metric::Spo2) < 89.0, "{at_25:?}");
    assert_eq!(r.truth.first().map(|t| t.at), Some(0.0));
    assert_eq!(r.truth.len(), 81);
}

#[test]
fn the_music_expectation_is_met_by_what_was_done_not_by_a_word() {
    // palliative-s2: the music device fails at 33 min; within 10 min the
    // trainee is expected to see to the music.
    let run = |act: Option<Event>| {
        let (mut h, p) = start("palliative.toml", 2, "palliative-s2-distress-nausea.toml");
        at(&h, 36.0);
        // A note saying so in words is not what is scored.
        h.ok(Event::Note {
            text: "music stopped, player failed".into(),
            tags: vec![],
            outside: None,
        });
        if let Some(e) = act {
            at(&h, 37.0);
            h.ok(e);
        }
        at(&h, 45.0);
        let r = report::build(&h.s, &p, &h.now(), &[1.0], kap::i18n::Lang::En);
        statuses(&r, ExpectKind::Music)
    };
    assert_eq!(run(None), [Status::NotDone]);
    assert_eq!(
        run(Some(Event::CheckedIn { note: None })),
        [Status::Done { at: 37.0 }]
    );
    assert_eq!(
        run(Some(Event::MusicChosen {
            playlist: None,
            support: Some("silence".into()),
        })),
        [Status::Done { at: 37.0 }]
    );
}

#[test]
fn a_scenario_naming_a_note_tag_kap_does_not_have_is_refused() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/palliative-s2-distress-nausea.toml"),
    )
    .unwrap();
    let broken = text.replace("expect_music = true", "expect_note_tag = \"music\"");
    let errors = scenario::load_str(std::path::Path::new("s.toml"), &broken, kap::i18n::Lang::En)
        .unwrap_err();
    let shown: Vec<String> = errors.iter().map(|d| d.say(kap::i18n::Lang::En)).collect();
    let line = broken
        .lines()
        .position(|l| l.starts_with("expect_note_tag = \"music\""))
        .unwrap()
        + 1;
    assert!(
        shown.iter().any(|e| e.contains(&format!("s.toml:{line}:"))
            && e.contains("expect_note_tag \"music\" is not one of kap's note tags")),
        "{shown:?}"
    );
}

#[test]
fn skipped_items_are_named_by_their_words() {
    // Leave the first phase with its required items unanswered.
    let mut h = H::new("montreal.toml", 2);
    let phase = h.s.current_phase().clone();
    let missing: Vec<String> =
        h.s.missing_required(&phase)
            .iter()
            .map(|q| q.id.clone())
            .collect();
    assert!(!missing.is_empty());
    h.ok(Event::Advanced {
        reason: Some("ran out of time".into()),
    });
    let p = scenario_patient("montreal-hypertensive.toml");
    let r = report::build(&h.s, &p, &h.now(), &[1.0], kap::i18n::Lang::En);
    assert_eq!(r.skips.len(), 1, "{:?}", r.skips);
    let skip = &r.skips[0];
    assert!(
        skip.starts_with(&format!("{}: moved on without ", phase.title)),
        "{skip}"
    );
    assert!(skip.ends_with("— \"ran out of time\""), "{skip}");
    let texts: Vec<&str> = missing
        .iter()
        .map(|id| {
            phase
                .prompts
                .iter()
                .find(|q| &q.id == id)
                .unwrap()
                .text
                .as_str()
        })
        .collect();
    assert!(skip.contains(&texts.join("; ")), "{skip}");
    assert!(!skip.contains(&missing.join(", ")), "{skip} names ids");
}
