//! The device alarms as the record keeps them (#32): worked out from the
//! journalled monitor readings alone, so a replay of the journal always
//! gives the same history, and the screen's device alarm is the standing
//! one of that history.
//!
//! For each protocol `[[vitals.alert]]` rule on a continuous measure (HR,
//! SpO₂), the readings carrying it are taken in the order *taken* (the
//! monitor's device time where it gives one, on kap's timeline; else when
//! received). A *run* is consecutive readings past the limit; the alarm is
//! raised by the first reading of the run taken at least the rule's
//! `confirm_after_minutes` after the run's first (that very reading when
//! the rule has no delay), and ends with the first reading back within the
//! limit (none: it stands at the end of the record).
//!
//! Rejected readings (artefacts) never drive an alarm: the history is
//! worked out without them. An alarm that did stand on screen, and whose
//! readings were rejected only after it was raised, is still recorded —
//! nothing disappears — marked as raised from readings later rejected.

use super::clock::Moment;
use super::monitor::{MonitorEntry, MonitorRecord, MonitorState};
use crate::protocol::{AlertRule, Metric, Priority, Protocol};

/// A device alarm in the record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedDeviceAlarm {
    /// The protocol's `[[vitals.alert]]` rule.
    pub rule: String,
    pub metric: Metric,
    pub priority: Priority,
    /// When the run's first reading past the limit was taken.
    pub since: Moment,
    /// When the reading that raised it was taken: when the alarm began.
    pub raised: Moment,
    /// The journal entry of the reading that raised it.
    pub raised_by: u64,
    /// When the first reading back within the limit was taken, and its
    /// journal entry; `None` while it stands.
    pub ended: Option<(Moment, u64)>,
    /// The values past the limit that drove it, by journal entry, in the
    /// order taken.
    pub values: Vec<(u64, u16)>,
    /// Those of its readings rejected as artefacts after it was raised:
    /// when not empty, the alarm was raised from readings later rejected.
    pub rejected: Vec<u64>,
    /// The clinician's acknowledgement: its journal entry and when.
    pub acknowledged: Option<(u64, Moment)>,
}

impl RecordedDeviceAlarm {
    /// The latest value past the limit.
    pub fn value(&self) -> u16 {
        self.values.last().map_or(0, |v| v.1)
    }

    /// The value furthest past the limit.
    pub fn worst(&self) -> u16 {
        let values = self.values.iter().map(|v| v.1);
        let w = if self.metric == Metric::Spo2 {
            values.min()
        } else {
            values.max()
        };
        w.unwrap_or(0)
    }

    /// How long it lasted, from when it began to when it ended.
    pub fn lasted(&self) -> Option<super::Millis> {
        self.ended.as_ref().map(|(e, _)| e.since(&self.raised))
    }
}

/// When a monitor reading was taken, on kap's timeline: the device time
/// where the monitor gives one (the receipt moment moved by the monitor's
/// clock offset), else when it was received.
pub fn taken(r: &MonitorEntry) -> Moment {
    match r.reading.device_time {
        Some(d) => {
            let mut m = r.at.plus(r.reading.clock_offset(&r.at).unwrap_or(0));
            m.wall = d;
            m
        }
        None => r.at.clone(),
    }
}

/// When reading `r` was rejected, if it was.
fn rejected_at(r: &MonitorEntry) -> Option<&Moment> {
    match &r.state {
        MonitorState::Rejected { at, .. } => Some(at),
        _ => None,
    }
}

/// The runs of `readings` (in the order taken) for one rule.
fn episodes(rule: &AlertRule, readings: &[(Moment, &MonitorEntry)]) -> Vec<RecordedDeviceAlarm> {
    let delay = i64::from(rule.confirm_after_minutes.unwrap_or(0)) * super::MINUTE;
    let mut out = Vec::new();
    let mut run: Option<RecordedDeviceAlarm> = None;
    let mut raised = false;
    for (at, r) in readings {
        let Some(v) = r.reading.reading.get(rule.metric) else {
            continue;
        };
        if rule.breached_by(f64::from(v)) {
            let a = run.get_or_insert_with(|| RecordedDeviceAlarm {
                rule: rule.id.clone(),
                metric: rule.metric,
                priority: rule.priority,
                since: at.clone(),
                raised: at.clone(),
                raised_by: r.seq,
                ended: None,
                values: Vec::new(),
                rejected: Vec::new(),
                acknowledged: None,
            });
            a.values.push((r.seq, v));
            if !raised && at.since(&a.since) >= delay {
                raised = true;
                a.raised = at.clone();
                a.raised_by = r.seq;
            }
        } else if let Some(mut a) = run.take() {
            if raised {
                a.ended = Some((at.clone(), r.seq));
                out.push(a);
            }
            raised = false;
        }
    }
    if let (Some(a), true) = (run, raised) {
        out.push(a);
    }
    out
}

impl MonitorRecord {
    /// The readings, rejected ones kept or not, in the order taken.
    fn in_order_taken(&self, with_rejected: bool) -> Vec<(Moment, &MonitorEntry)> {
        let mut v: Vec<(Moment, &MonitorEntry)> = self
            .readings
            .iter()
            .filter(|r| with_rejected || rejected_at(r).is_none())
            .map(|r| (taken(r), r))
            .collect();
        v.sort_by(|a, b| a.0.since(&b.0).cmp(&0).then(a.1.seq.cmp(&b.1.seq)));
        v
    }

    /// Every device alarm of the session, in the order raised: those the
    /// readings kept drive, and those that stood on screen until their
    /// readings were rejected (marked so).
    pub fn device_alarm_history(&self, protocol: &Protocol) -> Vec<RecordedDeviceAlarm> {
        let kept = self.in_order_taken(false);
        let all = self.in_order_taken(true);
        // Looked up by entry once per value: a long run is not read again
        // for each of its values.
        let by_seq: std::collections::HashMap<u64, &MonitorEntry> =
            self.readings.iter().map(|r| (r.seq, r)).collect();
        let mut out = Vec::new();
        for rule in &protocol.vitals.alerts {
            if !matches!(rule.metric, Metric::Hr | Metric::Spo2) {
                continue;
            }
            let standing = episodes(rule, &kept);
            for mut a in episodes(rule, &all) {
                let raised_by = by_seq.get(&a.raised_by);
                let received = raised_by.map(|r| &r.at);
                let rejected: Vec<&MonitorEntry> = a
                    .values
                    .iter()
                    .filter_map(|(seq, _)| by_seq.get(seq).copied())
                    .filter(|r| rejected_at(r).is_some())
                    .collect();
                if rejected.is_empty() {
                    continue; // the same as one of `standing`
                }
                // On screen only when none of the readings that drove it
                // had been rejected when the raising one came.
                let shown = received.is_some_and(|rx| {
                    rejected
                        .iter()
                        .filter(|r| taken(r).since(&a.raised) <= 0)
                        .all(|r| rejected_at(r).is_some_and(|x| x.since(rx) >= 0))
                });
                let overlaps = standing.iter().any(|s| s.raised_by == a.raised_by);
                if shown && !overlaps {
                    a.rejected = rejected.iter().map(|r| r.seq).collect();
                    out.push(a);
                }
            }
            out.extend(standing);
        }
        for a in &mut out {
            a.acknowledged = self
                .acks
                .iter()
                .find(|k| k.rule == a.rule && k.entry == a.raised_by)
                .map(|k| (k.seq, k.at.clone()));
        }
        out.sort_by(|a, b| a.raised.since(&b.raised).cmp(&0).then(a.rule.cmp(&b.rule)));
        out
    }
}

/// A device alarm acknowledged by the clinician (`monitor-alarm-acknowledged`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DeviceAlarmAck {
    pub rule: String,
    /// The monitor reading that raised the alarm.
    pub entry: u64,
    /// The acknowledgement's journal entry, and when it was made.
    pub seq: u64,
    pub at: Moment,
}

/// The values that drove alarm `a`, in words: `91, 90, 89`.
pub fn values_words(a: &RecordedDeviceAlarm) -> String {
    a.values
        .iter()
        .map(|(_, v)| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The journal entries of `seqs`, in words: `12, 13`.
pub fn entries_words(seqs: impl Iterator<Item = u64>) -> String {
    seqs.map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
}

/// The timeline's rows for the device alarms: when each began (marked as
/// from the monitor, and as from readings later rejected when it was) and
/// when it ended. Acknowledgements are journal entries with rows of their
/// own.
pub fn timeline_rows(s: &super::Session) -> Vec<super::timeline::Row> {
    use super::timeline::{Kind, Row, Status};
    let mut out = Vec::new();
    for a in s.monitor.device_alarm_history(s.protocol()) {
        let recorded = s
            .monitor
            .get(a.raised_by)
            .map_or_else(|| a.raised.clone(), |r| r.at.clone());
        let mut text = crate::phrase!(
            "tl-device-alarm",
            priority = a.priority.word().upper(),
            measure = a.metric.label(),
            value = a.value(),
            rule = a.rule.clone(),
            since = a.since.hhmm(),
            values = values_words(&a)
        );
        if !a.rejected.is_empty() {
            text = crate::i18n::Phrase::Seq(vec![
                text,
                " — ".into(),
                crate::phrase!(
                    "tl-device-alarm-rejected",
                    entries = entries_words(a.rejected.iter().copied())
                ),
            ]);
        }
        out.push(Row {
            seq: None,
            taken: a.raised.clone(),
            late: recorded.since(&a.raised) >= super::entry::LATE_AFTER,
            recorded,
            by: None,
            kind: Kind::Alert,
            text,
            status: Status::Current,
            zoned: false,
        });
        if let Some((end, entry)) = &a.ended {
            let recorded = s
                .monitor
                .get(*entry)
                .map_or_else(|| end.clone(), |r| r.at.clone());
            out.push(Row {
                seq: None,
                taken: end.clone(),
                late: recorded.since(end) >= super::entry::LATE_AFTER,
                recorded,
                by: None,
                kind: Kind::Alert,
                text: crate::phrase!(
                    "tl-device-alarm-ended",
                    rule = a.rule.clone(),
                    entry = *entry,
                    lasted = super::state::minutes_text(a.lasted().unwrap_or(0))
                ),
                status: Status::Current,
                zoned: false,
            });
        }
    }
    out
}
