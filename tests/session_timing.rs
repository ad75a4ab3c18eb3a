//! The session core's timing on a simulated clock: the vitals schedule
//! at its edges, alerts, pauses, stopping early, the debrief clock, a
//! suspend, refusals and a bolus. The harness is
//! `tests/common/session.rs`.

mod common;

use common::session::{H, into_infusion};
use kap::i18n::{Lang, Phrase};
use kap::session::state::DueState;
use kap::session::vitals::parse;
use kap::session::{DosingState, Event, MINUTE, SECOND};

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
    assert_eq!(r.id(), Some("ref-already-acknowledged"));
    assert_eq!(r.message.arg("alert"), Some(&Phrase::Count(1)));
    assert_eq!(
        h.refused(Event::AlertAcknowledged {
            alert: 9,
            action: None
        })
        .message,
        kap_core::phrase!("ref-no-alert", alert = 9u32)
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
        kap_core::phrase!("ref-reason-needed", what = Phrase::msg("reason-for-pause"))
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
    assert_eq!(
        h.refused(Event::DebriefStarted).id(),
        Some("ref-debrief-started")
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
        kap_core::phrase!("ref-infusion-phase", phase = "Infusion")
    );
    assert_eq!(
        h.refused(Event::Answered {
            prompt: "nope".into(),
            text: "x".into()
        })
        .message,
        kap_core::phrase!("ref-no-prompt", prompt = "nope")
    );
    assert_eq!(
        h.refused(Event::Answered {
            prompt: "course-end".into(),
            text: "x".into()
        })
        .message,
        kap_core::phrase!("ref-not-asked", prompt = "course-end", session = 1u32)
    );
    assert_eq!(
        h.refused(Event::Ticked {
            prompt: "risk".into(),
            checked: true,
            evidence: None
        })
        .id(),
        Some("ref-wrong-kind")
    );
    assert_eq!(
        h.refused(Event::MusicChosen {
            playlist: None,
            support: Some("dance".into())
        })
        .message,
        kap_core::phrase!("ref-unknown-support", support = "dance")
    );
    assert_eq!(
        h.refused(Event::MusicEnded).id(),
        Some("ref-no-music-is-playing")
    );
    assert_eq!(
        h.refused(Event::Closed).message,
        kap_core::phrase!("ref-close-from-last", phase = "Discharge")
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
    assert_eq!(r.id(), Some("vitals-implausible"), "{}", r.say(Lang::En));
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
        h.refused(Event::DosingPaused { reason: "x".into() }).id(),
        Some("ref-a-bolus-cannot-be-paused")
    );
    h.wait(60);
    assert_eq!(h.s.dosing.remaining(&h.now()), Some(60 * MINUTE));
}

/// A record whose times span two UTC offsets (the laptop's zone changed,
/// or summer time began mid-session) says each time's zone in the
/// timeline and the summary, instead of mixing local times without one.
#[test]
fn a_record_spanning_two_time_zones_says_each_times_zone() {
    use kap::session::timeline;
    let mut h = common::session::H::new("montreal.toml", 2);
    h.wait(5);
    let start_zone = h.now().wall.offset().to_string();
    let mut later = h.now();
    let east = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
    later.wall = later.wall.with_timezone(&east);
    h.s.apply(
        &kap::session::Event::Note {
            text: "after the zone changed".into(),
            tags: vec![],
            outside: None,
        },
        &later,
    )
    .unwrap();
    let rows = timeline::rows(&h.s, &later);
    let note = rows
        .iter()
        .find(|r| r.text.say(Lang::En).contains("after the zone changed"))
        .unwrap();
    assert!(
        note.taken_text().ends_with("UTC+02:00"),
        "{}",
        note.taken_text()
    );
    assert!(
        rows[0].taken_text().ends_with(&format!("UTC{start_zone}")),
        "{} vs {start_zone}",
        rows[0].taken_text()
    );
    let md = kap::record::summary::markdown(&h.s, &later, kap::i18n::Lang::En);
    assert!(md.contains("UTC+02:00"), "{md}");
    // One zone throughout: plain times.
    let plain = common::session::H::new("montreal.toml", 2);
    let rows = timeline::rows(&plain.s, &plain.now());
    assert!(!rows[0].taken_text().contains("UTC"));
}
