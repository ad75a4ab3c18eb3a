//! The device alarm in the record (#32): worked out from the journalled
//! monitor readings, timed by when each was taken (the device time), one
//! alarm for a run past the limit longer than the rule's delay and none
//! for a shorter one, never driven by readings rejected as artefacts
//! (one already raised stays, marked as from readings later rejected),
//! acknowledged by its own entry; and in the summary, the HTML page, the
//! long CSV and the FHIR bundle, marked as from the monitor. The long CSV
//! also lists every monitor reading, pending, confirmed or rejected.

mod common;

use common::session::{H, into_infusion, load};
use kap::protocol::Protocol;
use kap::record::export;
use kap::session::monitor::MonitorReading;
use kap::session::vitals::Reading;
use kap::session::{Event, MINUTE, SECOND};
use std::sync::Arc;

/// Montreal with `spo2-low` (below 92) waiting 2 minutes, so a run can be
/// shorter than the delay.
fn protocol() -> Arc<Protocol> {
    let mut p = (*load("montreal.toml")).clone();
    let rule = p
        .vitals
        .alerts
        .iter_mut()
        .find(|r| r.id == "spo2-low")
        .unwrap();
    rule.confirm_after_minutes = Some(2);
    Arc::new(p)
}

/// A reading the monitor took 30 s before kap received it (its clock
/// says so), with SpO₂ `spo2`.
fn spo2(h: &H, control: &str, spo2: u16) -> Event {
    Event::MonitorReading(Box::new(MonitorReading {
        control: control.into(),
        device: "MON-1".into(),
        device_time: Some(h.now().wall - chrono::Duration::seconds(30)),
        reading: Reading {
            hr: Some(80),
            spo2: Some(spo2),
            ..Reading::default()
        },
        mean: None,
        rr: None,
    }))
}

/// A session in its infusion, then SpO₂ from the monitor once a minute:
/// each value's journal entry.
fn feed(h: &mut H, values: &[u16]) -> Vec<u64> {
    let mut seqs = Vec::new();
    for v in values {
        h.wait(1);
        let seq = h.s.next_seq();
        seqs.push(seq);
        let ev = spo2(h, &format!("S-{seq}"), *v);
        h.ok(ev);
    }
    seqs
}

fn session() -> H {
    let mut h = H::on(protocol(), 3);
    into_infusion(&mut h);
    h
}

#[test]
fn a_run_longer_than_the_delay_is_one_alarm_with_its_start_and_end_as_taken() {
    let mut h = session();
    let seqs = feed(&mut h, &[97, 90, 89, 88, 91, 96, 97]);
    let p = h.s.protocol_arc();
    let history = h.s.monitor.device_alarm_history(&p);
    assert_eq!(history.len(), 1, "{history:?}");
    let a = &history[0];
    assert_eq!(a.rule, "spo2-low");
    let taken = |seq: u64| {
        let r = h.s.monitor.get(seq).unwrap();
        r.at.plus(-30 * SECOND)
    };
    // Past the limit since the first low value, as the monitor took it;
    // raised by the first value taken 2 minutes later; ended by the first
    // value back above 92.
    assert_eq!(a.since.since(&taken(seqs[1])), 0);
    assert_eq!(a.since.wall, taken(seqs[1]).wall);
    assert_eq!(a.raised_by, seqs[3]);
    assert_eq!(a.raised.since(&taken(seqs[3])), 0);
    let (end, by) = a.ended.clone().unwrap();
    assert_eq!(by, seqs[5]);
    assert_eq!(end.since(&taken(seqs[5])), 0);
    assert_eq!(a.lasted(), Some(2 * MINUTE));
    assert_eq!(
        a.values,
        vec![(seqs[1], 90), (seqs[2], 89), (seqs[3], 88), (seqs[4], 91)]
    );
    assert_eq!(a.worst(), 88);
    assert!(a.rejected.is_empty());
    // Over: nothing stands on screen.
    assert!(h.s.monitor.device_alarms(&p).is_empty());
}

#[test]
fn a_run_shorter_than_the_delay_is_no_alarm() {
    let mut h = session();
    feed(&mut h, &[97, 90, 89, 95, 91, 97]);
    let p = h.s.protocol_arc();
    assert!(h.s.monitor.device_alarm_history(&p).is_empty());
    assert!(h.s.monitor.device_alarms(&p).is_empty());
}

#[test]
fn a_standing_run_is_the_screens_alarm_and_stands_at_the_end_of_the_record() {
    let mut h = session();
    let seqs = feed(&mut h, &[90, 89]);
    let p = h.s.protocol_arc();
    assert!(
        h.s.monitor.device_alarms(&p).is_empty(),
        "1 minute is not 2"
    );
    let more = feed(&mut h, &[88]);
    let standing = h.s.monitor.device_alarms(&p);
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].raised_by, more[0]);
    let history = h.s.monitor.device_alarm_history(&p);
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].ended, None);
    assert_eq!(history[0].values[0].0, seqs[0]);
}

#[test]
fn rejected_readings_never_drive_one_and_one_raised_before_stays_marked() {
    // Rejected before it could raise one: no alarm at all.
    let mut h = session();
    let seqs = feed(&mut h, &[97, 90, 89]);
    for s in &seqs[1..] {
        h.ok(Event::MonitorRejected {
            entry: *s,
            reason: "probe off".into(),
        });
    }
    feed(&mut h, &[88, 97]);
    let p = h.s.protocol_arc();
    assert!(h.s.monitor.device_alarm_history(&p).is_empty());

    // Raised, then its readings rejected: still in the record, marked.
    let mut h = session();
    let seqs = feed(&mut h, &[97, 90, 89, 88]);
    let p = h.s.protocol_arc();
    assert_eq!(h.s.monitor.device_alarms(&p).len(), 1);
    for s in &seqs[1..] {
        h.ok(Event::MonitorRejected {
            entry: *s,
            reason: "probe off".into(),
        });
    }
    assert!(h.s.monitor.device_alarms(&p).is_empty(), "not standing");
    let history = h.s.monitor.device_alarm_history(&p);
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].rejected, seqs[1..].to_vec());
}

#[test]
fn an_acknowledgement_is_its_own_entry_and_is_made_once() {
    let mut h = session();
    let seqs = feed(&mut h, &[90, 89, 88]);
    let p = h.s.protocol_arc();
    h.refused(Event::MonitorAlarmAcknowledged {
        rule: "spo2-low".into(),
        entry: seqs[0],
    });
    let ack = h.s.next_seq();
    let ev = Event::MonitorAlarmAcknowledged {
        rule: "spo2-low".into(),
        entry: seqs[2],
    };
    h.ok(ev.clone());
    h.refused(ev);
    let a = &h.s.monitor.device_alarm_history(&p)[0];
    assert_eq!(a.acknowledged.as_ref().map(|k| k.0), Some(ack));
    assert!(h.s.monitor.device_alarms(&p)[0].acknowledged);
}

/// A session with one device alarm acknowledged and ended, one raised from
/// readings later rejected, a reading waiting and one confirmed.
fn exported() -> (H, Vec<u64>) {
    let mut h = session();
    let mut seqs = feed(&mut h, &[97, 90, 89, 88]);
    h.ok(Event::MonitorAlarmAcknowledged {
        rule: "spo2-low".into(),
        entry: seqs[3],
    });
    seqs.extend(feed(&mut h, &[96, 86, 85, 84]));
    for s in &seqs[5..8] {
        h.ok(Event::MonitorRejected {
            entry: *s,
            reason: "probe off".into(),
        });
    }
    seqs.extend(feed(&mut h, &[97, 98]));
    h.ok(Event::MonitorConfirmed { entry: seqs[8] });
    (h, seqs)
}

#[test]
fn the_summary_and_the_html_page_say_each_device_alarm_is_from_the_monitor() {
    let (h, seqs) = exported();
    let now = h.now();
    let md = export::markdown(&h.s, &now, &Default::default(), kap::i18n::Lang::En);
    let section = md
        .split("## Device alarms (from the monitor)")
        .nth(1)
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        section.contains("not from a clinician's entry"),
        "{section}"
    );
    assert!(
        section.contains("values 90, 89, 88 (worst 88); ended"),
        "{section}"
    );
    assert!(section.contains("acknowledged"), "{section}");
    assert!(
        section.contains(&format!(
            "raised from readings later rejected as artefacts (entries {}, {}, {})",
            seqs[5], seqs[6], seqs[7]
        )),
        "{section}"
    );
    // The timeline says when each began and ended.
    assert!(
        md.contains("Device alarm from the monitor: MEDIUM")
            || md.contains("Device alarm from the monitor: HIGH"),
        "{md}"
    );
    assert!(
        md.contains("Device alarm from the monitor spo2-low ended"),
        "{md}"
    );
    let html = export::html(&h.s, &now, &Default::default(), kap::i18n::Lang::En);
    assert!(html.contains("Device alarms (from the monitor)"), "{html}");
    // The chart draws each as a band with its title.
    let bands = html.matches("Device alarm from the monitor (").count();
    assert_eq!(bands, 2, "{html}");
}

#[test]
fn the_fhir_bundle_marks_each_device_alarm_as_from_the_monitor() {
    let (h, seqs) = exported();
    let now = h.now();
    let fhir = export::fhir(&h.s, "rec", &now, &Default::default(), kap::i18n::Lang::En);
    let issues: Vec<&serde_json::Value> = fhir["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| {
            r["resourceType"] == "DetectedIssue"
                && r["code"]["coding"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["system"] == "urn:kap:alarm-source" && c["code"] == "device")
        })
        .collect();
    assert_eq!(issues.len(), 2, "{fhir}");
    let first = issues
        .iter()
        .find(|i| i["detail"].as_str().unwrap().contains("90, 89, 88"))
        .unwrap();
    assert!(first["detail"].as_str().unwrap().contains("MON-1"));
    assert_eq!(first["mitigation"].as_array().unwrap().len(), 1);
    let second = issues.iter().find(|i| **i != *first).unwrap();
    assert!(
        second["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("entries {}, {}, {}", seqs[5], seqs[6], seqs[7])),
        "{second}"
    );
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut cells = Vec::new();
            let mut cur = String::new();
            let mut quoted = false;
            let mut chars = l.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(std::mem::take(&mut cur)),
                    c => cur.push(c),
                }
            }
            cells.push(cur);
            cells
        })
        .collect()
}

#[test]
fn the_long_csv_lists_every_monitor_reading_and_the_device_alarms() {
    let (mut h, seqs) = exported();
    // One more waiting.
    let pending = feed(&mut h, &[95])[0];
    let text = kap::record::csv::long(&h.s, "rec", &Default::default());
    let rows = csv_rows(&text);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|c| c == name).unwrap();
    let (entry, kind, name, value, status, source, taken, recorded) = (
        col("entry"),
        col("kind"),
        col("name"),
        col("value"),
        col("status"),
        col("source"),
        col("taken"),
        col("recorded"),
    );
    let spo2_of = |seq: u64| {
        rows.iter()
            .find(|r| r[kind] == "monitor" && r[name] == "spo2" && r[entry] == seq.to_string())
            .unwrap_or_else(|| panic!("no monitor row for {seq}\n{text}"))
    };
    // Pending, with its device, device time and receipt time.
    let p = spo2_of(pending);
    assert_eq!(p[status], "pending");
    assert_eq!(p[value], "95");
    assert!(
        p[source].starts_with("monitor MON-1, device time "),
        "{p:?}"
    );
    assert_ne!(p[taken], p[recorded], "taken is the device time");
    // Rejected, and why, on a row of the rejection.
    let r = spo2_of(seqs[5]);
    assert_eq!(r[status], "rejected");
    assert!(rows.iter().any(|x| x[kind] == "monitor-rejected"
        && x[name] == format!("entry {}", seqs[5])
        && x[value] == "probe off"));
    // Confirmed: the monitor row says which vitals entry it became, and
    // that entry's vitals row names the reading: one measurement.
    let c = spo2_of(seqs[8]);
    assert_eq!(c[status], "confirmed");
    let confirmation = c[source]
        .rsplit("confirmed as entry ")
        .next()
        .unwrap()
        .to_string();
    let v = rows
        .iter()
        .find(|x| x[kind] == "vitals" && x[name] == "spo2" && x[entry] == confirmation)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        v[source].ends_with(&format!("reading entry {}", seqs[8])),
        "{v:?}"
    );
    assert_eq!(v[value], "97");
    // The device alarms, from the monitor.
    let alarms: Vec<_> = rows.iter().filter(|x| x[kind] == "device-alarm").collect();
    assert_eq!(alarms.len(), 2, "{text}");
    assert!(
        alarms
            .iter()
            .all(|a| a[source].starts_with("monitor MON-1;"))
    );
    assert!(alarms.iter().any(|a| a[status] == "rejected-readings"));
    assert!(rows.iter().any(|x| x[kind] == "device-alarm-ended"));
    assert!(rows.iter().any(|x| x[kind] == "device-alarm-acknowledged"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any feed, some readings rejected after it: every alarm in the record
    /// was driven by values past the limit for at least the delay, those
    /// of a standing (unmarked) alarm none of them rejected; the screen's
    /// alarm is the record's unended, unmarked one; a second session fed
    /// the same journal gives the same history.
    #[test]
    fn the_history_follows_the_rule_and_replays_the_same(
        feed in proptest::collection::vec((85u16..99, 0i64..3, proptest::bool::ANY), 1..25)
    ) {
        let run = || {
            let mut h = session();
            let mut seqs = Vec::new();
            for (v, gap, _) in &feed {
                h.clock.advance(gap * MINUTE);
                let seq = h.s.next_seq();
                seqs.push(seq);
                let ev = spo2(&h, &format!("S-{seq}"), *v);
                h.ok(ev);
            }
            for ((_, _, reject), seq) in feed.iter().zip(&seqs) {
                if *reject {
                    h.ok(Event::MonitorRejected { entry: *seq, reason: "artefact".into() });
                }
            }
            h
        };
        let h = run();
        let p = h.s.protocol_arc();
        let history = h.s.monitor.device_alarm_history(&p);
        for a in &history {
            proptest::prop_assert!(a.values.iter().all(|(_, v)| *v < 92));
            proptest::prop_assert!(a.raised.since(&a.since) >= 2 * MINUTE);
            if a.rejected.is_empty() {
                for (seq, _) in &a.values {
                    let r = h.s.monitor.get(*seq).unwrap();
                    let rejected = matches!(
                        r.state,
                        kap::session::monitor::MonitorState::Rejected { .. }
                    );
                    proptest::prop_assert!(!rejected);
                }
            }
        }
        let standing: Vec<u64> = h.s.monitor.device_alarms(&p).iter().map(|a| a.raised_by).collect();
        let unended: Vec<u64> = history
            .iter()
            .filter(|a| a.ended.is_none() && a.rejected.is_empty())
            .map(|a| a.raised_by)
            .collect();
        proptest::prop_assert_eq!(standing, unended);
        proptest::prop_assert_eq!(history, run().s.monitor.device_alarm_history(&p));
    }
}
