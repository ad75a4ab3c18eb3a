//! Every rule that depends on time reads the time a reading was *taken*:
//! a late entry (`v 150/95 80 97 -1m`) is judged where it belongs, never
//! in the order typed. The case the bedside walk found (a reading taken
//! before a HIGH alarm ended it), and a property: any order of entry gives
//! the alarms, repeats and due times of entering the same readings on time.

mod common;

use common::session::{H, into_infusion};
use kap::session::alarms::AlarmState;
use kap::session::vitals::{Reading, parse};
use kap::session::{Clock, Event, MINUTE, Moment, SECOND, Session, Stamp};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A Montreal session 3 with its infusion running.
fn infusing() -> H {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    h
}

/// What these tests need of the harness beyond `common::session`.
trait Taking {
    /// Enter a reading now, taken at `taken` when given (a late entry).
    fn enter(&mut self, reading: Reading, taken: Option<Moment>);
    fn state(&self, id: u32) -> AlarmState;
}

impl Taking for H {
    fn enter(&mut self, reading: Reading, taken: Option<Moment>) {
        let now = self.now();
        let stamp = Stamp {
            by: Some("A. Martin, RN".into()),
            taken,
        };
        let ev = Event::Vitals { reading };
        if let Err(r) = self.s.apply_entry(self.s.next_seq(), &ev, &now, &stamp) {
            panic!("{ev:?}: {}", r.say(kap::i18n::Lang::En));
        }
    }

    fn state(&self, id: u32) -> AlarmState {
        let a = self.s.alerts.get(id).unwrap();
        self.s.alarm_state(a, &self.now())
    }
}

#[test]
fn a_late_entry_taken_before_a_high_alarm_neither_ends_it_nor_clears_its_repeat() {
    let mut h = infusing();
    // 11:46:31 in the walk: 205/115 raises bp-severe (high, at once) and
    // waits for a repeat of bp-high and bp-high-diastolic 5 min later.
    h.clock.advance(10 * MINUTE);
    let t205 = h.clock.now();
    h.enter(parse("205/115 88 96").unwrap(), None);
    let high = h.s.alarms_waiting(&h.clock.now())[0].id;
    assert_eq!(h.state(high), AlarmState::Active);
    let repeats: Vec<String> = h.s.alerts.pending.iter().map(|p| p.rule.clone()).collect();
    assert_eq!(repeats, ["bp-high", "bp-high-diastolic"]);
    // 45 s later, a reading taken 15 s *before* the 205.
    h.clock.advance(45 * SECOND);
    h.enter(
        parse("150/95 80 97").unwrap(),
        Some(t205.plus(-15 * SECOND)),
    );

    let a = h.s.alerts.get(high).unwrap();
    assert_eq!(h.state(high), AlarmState::Active, "{a:?}");
    assert_eq!(a.back_in_range, None);
    assert_eq!(a.raised_at, t205);
    let repeats: Vec<(String, Moment)> =
        h.s.alerts
            .pending
            .iter()
            .map(|p| (p.rule.clone(), p.repeat_at.clone()))
            .collect();
    assert_eq!(
        repeats,
        [
            ("bp-high".to_string(), t205.plus(5 * MINUTE)),
            ("bp-high-diastolic".to_string(), t205.plus(5 * MINUTE)),
        ],
        "the repeat reminders stay"
    );
    // Acknowledged, it is not resolved: no reading was taken after it.
    h.ok(Event::AlertAcknowledged {
        alert: high,
        action: Some("BP repeated".into()),
    });
    assert_eq!(h.state(high), AlarmState::Acknowledged);
    // The timeline never says "back in range" before the alarm it ends.
    let a = h.s.alerts.get(high).unwrap();
    let log: Vec<_> = h.s.alarm_transitions(a, &h.clock.now());
    for (at, what) in &log {
        assert!(at.since(&t205) >= 0, "{what:?} before the alarm");
    }
}

#[test]
fn a_late_reading_in_range_inside_a_confirmation_wait_withdraws_the_alarm_and_keeps_it() {
    let mut h = infusing();
    h.clock.advance(10 * MINUTE);
    let first = h.clock.now();
    h.enter(parse("190/100 80 97").unwrap(), None); // bp-high waits 5 min
    h.clock.advance(6 * MINUTE);
    h.enter(parse("190/100 80 97").unwrap(), None); // confirmed: medium
    let id = h.s.alarms_waiting(&h.clock.now())[0].id;
    assert_eq!(h.s.alerts.get(id).unwrap().first_seen, Some(first.clone()));
    // A reading taken 2 min after the first, in range, typed only now:
    // the first reading was never confirmed.
    h.clock.advance(2 * MINUTE);
    h.enter(parse("130/80 80 97").unwrap(), Some(first.plus(2 * MINUTE)));
    let a = h.s.alerts.get(id).expect("kept, not deleted");
    assert!(a.withdrawn.is_some(), "{a:?}");
    assert_eq!(h.state(id), AlarmState::Withdrawn);
    assert!(h.s.alarms_waiting(&h.clock.now()).is_empty());
    // The second 190 is now a first reading of its own, waiting for a repeat.
    let waits: Vec<_> =
        h.s.alerts
            .pending
            .iter()
            .map(|p| p.first_at.clone())
            .collect();
    assert_eq!(waits, [first.plus(6 * MINUTE)]);
}

#[test]
fn a_late_breach_taken_before_an_alarm_joins_its_episode_and_keeps_its_number() {
    let mut h = infusing();
    h.clock.advance(10 * MINUTE);
    h.enter(parse("128/82 76 89").unwrap(), None); // spo2-low: high
    let id = h.s.alarms_waiting(&h.clock.now())[0].id;
    h.ok(Event::AlertAcknowledged {
        alert: id,
        action: Some("probe checked".into()),
    });
    h.clock.advance(2 * MINUTE);
    let earlier = h.clock.now().plus(-4 * MINUTE);
    h.enter(parse("128/82 76 90").unwrap(), Some(earlier.clone()));
    assert_eq!(h.s.alerts.alerts.len(), 1, "{:?}", h.s.alerts.alerts);
    let a = h.s.alerts.get(id).unwrap();
    assert_eq!(
        a.raised_at, earlier,
        "the episode began with the earlier reading"
    );
    assert_eq!(a.value, 90);
    assert!(
        a.acknowledged.is_some(),
        "the acknowledgement stays with it"
    );
    assert!(a.withdrawn.is_none());
}

#[test]
fn correcting_the_reading_that_raised_an_alarm_leaves_the_rest_of_its_episode_alarming() {
    let mut h = infusing();
    h.clock.advance(10 * MINUTE);
    h.enter(parse("128/82 76 85").unwrap(), None); // spo2-low, entry N
    let raised_by = h.s.next_seq() - 1;
    h.clock.advance(MINUTE);
    h.enter(parse("128/82 76 88").unwrap(), None); // still low: same episode
    assert_eq!(h.s.alerts.alerts.len(), 1);
    h.clock.advance(MINUTE);
    h.ok(Event::Corrected {
        entry: raised_by,
        reason: "typed 85 for 95".into(),
        with: None,
    });
    let waiting = h.s.alarms_waiting(&h.clock.now());
    assert_eq!(waiting.len(), 1, "{:?}", h.s.alerts.alerts);
    assert_eq!(waiting[0].value, 88, "the 88 still stands as an alarm");
    assert_eq!(h.state(1), AlarmState::InError);
}

/// What a clinician is told about alarms and what is due, without the
/// numbers and entry times that depend on the order of entry.
fn facts(s: &Session, now: &Moment) -> Vec<String> {
    let mut out: Vec<String> = s
        .alerts
        .alerts
        .iter()
        .filter(|a| !a.is_void())
        .map(|a| {
            format!(
                "alarm {} {} raised {:?} first {:?} back {:?} {:?}",
                a.rule,
                a.value,
                a.raised_at.mono,
                a.first_seen.as_ref().map(|m| m.mono),
                a.back_in_range.as_ref().map(|m| m.mono),
                s.alarm_state(a, now),
            )
        })
        .collect();
    out.sort();
    let mut pending: Vec<String> = s
        .alerts
        .pending
        .iter()
        .map(|p| {
            format!(
                "repeat {} {} at {}",
                p.rule, p.first_at.mono, p.repeat_at.mono
            )
        })
        .collect();
    pending.sort();
    out.extend(pending);
    out.push(format!(
        "due {:?}",
        s.vitals_due(now).map(|d| (d.from.mono, d.until.mono))
    ));
    out
}

#[test]
fn readings_entered_in_any_order_give_the_alarms_repeats_and_due_times_of_entry_on_time() {
    // Values on both sides of every Montreal limit: systolic 180/200,
    // diastolic 110/120, heart rate 120, SpO2 92.
    let reading = (
        prop::sample::select(vec![150u16, 185, 195, 210]),
        prop::sample::select(vec![70u16, 95, 115, 125]),
        prop::sample::select(vec![70u16, 110, 125]),
        prop::sample::select(vec![85u16, 91, 95, 99]),
    );
    // Distinct minutes (a late entry is one at least a minute old), and a
    // random order to type them in.
    let case = prop::collection::btree_map(1u8..50, reading, 1..9).prop_flat_map(|m| {
        let v: Vec<_> = m.into_iter().collect();
        let n = v.len();
        (Just(v), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
    });
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&case, |(readings, order)| {
            let r = |&(_, (sys, dia, hr, spo2)): &(u8, (u16, u16, u16, u16))| Reading {
                systolic: Some(sys),
                diastolic: Some(dia),
                hr: Some(hr),
                spo2: Some(spo2),
            };
            // On time: each reading entered the moment it is taken.
            let mut on_time = infusing();
            let t0 = on_time.clock.now();
            for x in &readings {
                let at = t0.plus(i64::from(x.0) * MINUTE);
                let now = on_time.clock.now();
                on_time.clock.advance(at.since(&now));
                on_time.enter(r(x), None);
            }
            // Shuffled: the clock never goes back; a reading older than
            // the clock is a late entry with its time taken.
            let mut shuffled = infusing();
            for &i in &order {
                let x = &readings[i];
                let at = t0.plus(i64::from(x.0) * MINUTE);
                let now = shuffled.clock.now();
                if at.since(&now) >= 0 {
                    shuffled.clock.advance(at.since(&now));
                    shuffled.enter(r(x), None);
                } else {
                    shuffled.enter(r(x), Some(at));
                }
            }
            let end = on_time.clock.now().plus(MINUTE);
            prop_assert_eq!(facts(&on_time.s, &end), facts(&shuffled.s, &end));
            Ok(())
        })
        .unwrap();
}

/// A HIGH alarm from a reading replaced 13 s later stood for those 13 s
/// only: nothing after the correction (escalation, repeated sound,
/// "NOT acknowledged") is said of it anywhere — timeline, summary, FHIR.
#[test]
fn an_alarm_put_right_seconds_later_never_escalates_in_any_record() {
    use kap::session::alarms::Transition;
    let mut h = infusing();
    h.enter(parse("205/115 88 96").unwrap(), None);
    let raised_by = h.s.next_seq() - 1;
    assert_eq!(h.s.alerts.alerts.len(), 1);
    h.clock.advance(13 * SECOND);
    h.ok(Event::Corrected {
        entry: raised_by,
        reason: "typed 205 for 150".into(),
        with: Some(Box::new(Event::Vitals {
            reading: parse("150/95 88 96").unwrap(),
        })),
    });
    // Forty minutes on, long past any escalation time.
    h.clock.advance(40 * MINUTE);
    let now = h.now();
    let a = h.s.alerts.alerts[0].clone();
    assert!(a.is_void());
    let log = h.s.alarm_transitions(&a, &now);
    assert_eq!(log.len(), 1, "only raised: {log:?}");
    assert!(matches!(log[0].1, Transition::Raised));
    let summary = kap::record::summary::markdown(&h.s, &now, kap::i18n::Lang::En);
    assert!(!summary.contains("NOT acknowledged"), "{summary}");
    assert!(!summary.contains("escalated"), "{summary}");
    assert!(summary.contains("no longer an alarm"), "{summary}");
    let fhir = serde_json::to_string(&kap::record::fhir::bundle(
        &h.s,
        "t-s3",
        &now,
        &Default::default(),
        kap::i18n::Lang::En,
    ))
    .unwrap();
    assert!(!fhir.contains("sound repeats"), "{fhir}");
    assert!(!fhir.contains("escalated"), "{fhir}");
}
