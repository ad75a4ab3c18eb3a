//! Monitor readings in the session core (#32): received unconfirmed and
//! kept out of the vitals; confirmed (its own entry) into the vitals, the
//! schedule and the alarm rules, taken when received; rejected with a
//! reason; a control id recorded once; a confirmation entered in error
//! puts the reading back; the device alarm for continuous HR and SpO₂
//! after the protocol's delay; the feed's silence.

mod common;

use common::session::{H, into_infusion};
use kap::session::monitor::{MonitorReading, MonitorState};
use kap::session::vitals::Reading;
use kap::session::{DueState, Event, MINUTE};

fn from_monitor(control: &str, hr: Option<u16>, spo2: Option<u16>) -> Event {
    Event::MonitorReading(Box::new(MonitorReading {
        control: control.into(),
        device: "MON-1".into(),
        device_time: None,
        reading: Reading {
            hr,
            spo2,
            ..Reading::default()
        },
        mean: None,
        rr: None,
    }))
}

fn bp(control: &str, s: u16, d: u16) -> Event {
    Event::MonitorReading(Box::new(MonitorReading {
        control: control.into(),
        device: "MON-1".into(),
        device_time: None,
        reading: Reading {
            systolic: Some(s),
            diastolic: Some(d),
            ..Reading::default()
        },
        mean: Some(97),
        rr: None,
    }))
}

#[test]
fn a_reading_counts_only_once_confirmed_and_as_taken_when_received() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    let typed = h.s.vitals.len();
    h.wait(12);
    let now = h.now();
    assert_eq!(h.s.vitals_due(&now).map(|d| d.state), Some(DueState::Due));
    let seq = h.s.next_seq();
    let received = h.now();
    h.ok(bp("BP-1", 128, 82));
    // Waiting: not a vitals entry, and the schedule still asks for one.
    assert_eq!(h.s.vitals.len(), typed);
    assert_eq!(h.s.monitor.pending().count(), 1);
    assert_eq!(h.s.vitals_due(&now).map(|d| d.state), Some(DueState::Due));
    h.wait(2);
    let confirm = h.s.next_seq();
    h.ok(Event::MonitorConfirmed { entry: seq });
    let v = h.s.vitals.last().unwrap();
    assert_eq!((v.seq, v.source), (confirm, Some(seq)));
    assert_eq!(v.at, received, "taken when received, not when confirmed");
    assert_eq!(v.entered, Some(h.now()));
    assert_eq!(v.reading.systolic, Some(128));
    assert_eq!(h.s.monitor.pending().count(), 0);
    let now = h.now();
    assert_eq!(
        h.s.vitals_due(&now).map(|d| d.state),
        Some(DueState::Upcoming)
    );
    // Settled once.
    h.refused(Event::MonitorConfirmed { entry: seq });
    h.refused(Event::MonitorRejected {
        entry: seq,
        reason: "artefact".into(),
    });
    // Only a monitor reading can be confirmed.
    h.refused(Event::MonitorConfirmed { entry: 1 });
}

#[test]
fn a_rejected_reading_needs_its_reason_and_never_reaches_the_vitals() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    let typed = h.s.vitals.len();
    let seq = h.s.next_seq();
    h.ok(from_monitor("S-1", Some(80), Some(79)));
    h.refused(Event::MonitorRejected {
        entry: seq,
        reason: "  ".into(),
    });
    let by = h.s.next_seq();
    h.ok(Event::MonitorRejected {
        entry: seq,
        reason: "probe off the finger".into(),
    });
    assert_eq!(h.s.vitals.len(), typed);
    assert!(matches!(
        &h.s.monitor.get(seq).unwrap().state,
        MonitorState::Rejected { seq: s, reason, .. } if *s == by && reason == "probe off the finger"
    ));
    // No alarm from a reading nobody confirmed.
    assert!(h.s.alerts.alerts.is_empty());
}

#[test]
fn a_control_id_is_recorded_once_and_implausible_values_are_refused() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    h.ok(from_monitor("S-1", Some(80), Some(97)));
    h.refused(from_monitor("S-1", Some(81), Some(96)));
    h.refused(from_monitor("", Some(81), Some(96)));
    h.refused(from_monitor("S-2", Some(0), Some(97)));
    h.refused(bp("BP-2", 80, 120));
    assert_eq!(h.s.monitor.readings.len(), 1);
}

#[test]
fn a_confirmation_entered_in_error_puts_the_reading_back_to_wait() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    let typed = h.s.vitals.len();
    let seq = h.s.next_seq();
    h.ok(bp("BP-1", 210, 100));
    let confirm = h.s.next_seq();
    h.ok(Event::MonitorConfirmed { entry: seq });
    assert_eq!(h.s.vitals.len(), typed + 1);
    assert_eq!(h.s.alerts.alerts.len(), 1, "systolic 210 is past 200");
    h.ok(Event::Corrected {
        entry: confirm,
        reason: "wrong patient's cuff".into(),
        with: None,
    });
    assert_eq!(h.s.vitals.len(), typed);
    assert_eq!(h.s.monitor.pending().count(), 1);
}

#[test]
fn continuous_hr_and_spo2_raise_a_device_alarm_after_the_protocols_delay() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    let p = h.s.protocol_arc();
    let alarms = |h: &H| {
        h.s.monitor
            .device_alarms(&p)
            .into_iter()
            .map(|a| (a.rule, a.value))
            .collect::<Vec<_>>()
    };
    // SpO₂ below 92: the rule has no delay.
    h.ok(from_monitor("1", Some(80), Some(91)));
    assert_eq!(alarms(&h), vec![("spo2-low".to_string(), 91)]);
    // Back in range: gone.
    h.ok(from_monitor("2", Some(80), Some(95)));
    assert!(alarms(&h).is_empty());
    // HR above 120 must stay there for the rule's 5 minutes.
    h.ok(from_monitor("3", Some(125), Some(95)));
    h.wait(4);
    h.ok(from_monitor("4", Some(128), Some(95)));
    assert!(alarms(&h).is_empty(), "4 minutes is not 5");
    h.wait(1);
    h.ok(from_monitor("5", Some(126), Some(95)));
    assert_eq!(alarms(&h), vec![("hr-high".to_string(), 126)]);
    // A rejected reading is not the patient's: a break in range that was
    // an artefact does not restart the wait, and a rejected value past
    // the limit counts for nothing.
    let seq = h.s.next_seq();
    h.ok(from_monitor("6", Some(40), Some(95)));
    assert!(alarms(&h).is_empty());
    h.ok(Event::MonitorRejected {
        entry: seq,
        reason: "leads off".into(),
    });
    assert_eq!(alarms(&h), vec![("hr-high".to_string(), 126)]);
}

#[test]
fn the_feed_is_silent_after_the_limit_counted_from_its_last_reading() {
    let mut h = H::new("montreal.toml", 3);
    let start = into_infusion(&mut h);
    let limit = 15 * MINUTE;
    let now = h.now();
    assert_eq!(h.s.monitor.silent(&start, &now, limit), None);
    h.wait(16);
    let now = h.now();
    assert_eq!(h.s.monitor.silent(&start, &now, limit), Some(16 * MINUTE));
    h.ok(from_monitor("1", Some(80), Some(97)));
    let last = h.s.monitor.last().unwrap().at.clone();
    h.wait(15);
    let now = h.now();
    assert_eq!(h.s.monitor.silent(&last, &now, limit), None);
    h.clock.advance(1);
    let now = h.now();
    assert_eq!(h.s.monitor.silent(&last, &now, limit), Some(limit + 1));
}

#[test]
fn a_respiratory_rate_alone_is_confirmed_without_a_vitals_set() {
    let mut h = H::new("montreal.toml", 3);
    into_infusion(&mut h);
    let typed = h.s.vitals.len();
    let seq = h.s.next_seq();
    h.ok(Event::MonitorReading(Box::new(MonitorReading {
        control: "RR-1".into(),
        device: "MON-1".into(),
        device_time: None,
        reading: Reading::default(),
        mean: None,
        rr: Some(14),
    })));
    h.ok(Event::MonitorConfirmed { entry: seq });
    assert_eq!(h.s.vitals.len(), typed);
    assert_eq!(h.s.monitor.pending().count(), 0);
}
