//! The long table's rows from the bedside monitor (#32): every reading the
//! monitor sent, each measure a `monitor` row, whatever became of it
//! (`pending`, `confirmed`, `rejected`), a `monitor-rejected` row with the
//! reason for each rejection, and the device alarms the readings raised.
//!
//! A confirmed reading is one measurement with two kinds of rows: its
//! `monitor` rows (the reading's own entry, status `confirmed`, `source`
//! ending `; confirmed as entry N`) and the `vitals` rows of confirmation
//! entry `N` (whose `source` ends `, reading entry M`). A count of vitals
//! takes the `vitals` rows; the `monitor` rows are what the monitor sent.

use super::Row;
use crate::session::Session;
use crate::session::monitor::{MonitorEntry, MonitorState, source_text};
use crate::session::monitor_alarms::{RecordedDeviceAlarm, entries_words, taken};

/// The measures of a monitor reading, each with its name and UCUM unit.
fn measures(r: &MonitorEntry) -> Vec<(&'static str, u16, &'static str)> {
    let m = &r.reading;
    [
        ("systolic_bp", m.reading.systolic, "mm[Hg]"),
        ("diastolic_bp", m.reading.diastolic, "mm[Hg]"),
        ("mean_bp", m.mean, "mm[Hg]"),
        ("heart_rate", m.reading.hr, "/min"),
        ("spo2", m.reading.spo2, "%"),
        ("resp_rate", m.rr, "/min"),
    ]
    .into_iter()
    .filter_map(|(n, v, u)| v.map(|v| (n, v, u)))
    .collect()
}

/// The confirmation entry of the monitor reading `seq`, if it is confirmed.
pub(super) fn confirmed_reading(s: &Session, confirmation: u64) -> Option<u64> {
    s.monitor.readings.iter().find_map(|r| match r.state {
        MonitorState::Confirmed { seq, .. } if seq == confirmation => Some(r.seq),
        _ => None,
    })
}

pub(super) fn monitor_rows(s: &Session, rows: &mut Vec<Row>) {
    for r in &s.monitor.readings {
        let (status, source) = match &r.state {
            MonitorState::Pending => ("pending", source_text(&r.reading)),
            MonitorState::Confirmed { seq, .. } => (
                "confirmed",
                format!("{}; confirmed as entry {seq}", source_text(&r.reading)),
            ),
            MonitorState::Rejected { seq, .. } => (
                "rejected",
                format!("{}; rejected by entry {seq}", source_text(&r.reading)),
            ),
        };
        let when = taken(r);
        for (name, value, unit) in measures(r) {
            rows.push(Row {
                entry: Some(r.seq),
                kind: "monitor",
                name: name.into(),
                value: value.to_string(),
                numeric: true,
                unit: unit.into(),
                flag: String::new(),
                taken: when.clone(),
                recorded: r.at.clone(),
                author: None,
                status,
                source: source.clone(),
            });
        }
        if let MonitorState::Rejected { seq, at, reason } = &r.state {
            rows.push(Row {
                entry: Some(*seq),
                kind: "monitor-rejected",
                name: format!("entry {}", r.seq),
                value: reason.clone(),
                numeric: false,
                unit: String::new(),
                flag: String::new(),
                taken: at.clone(),
                recorded: at.clone(),
                author: s.entry(*seq).and_then(|e| e.stamp.by.clone()),
                status: "current",
                source: source_text(&r.reading),
            });
        }
    }
    for a in s.monitor.device_alarm_history(s.protocol()) {
        device_alarm_rows(s, &a, rows);
    }
}

/// A device alarm: when it began (`device-alarm`, its worst value), when
/// it ended and when it was acknowledged, each marked as from the monitor.
fn device_alarm_rows(s: &Session, a: &RecordedDeviceAlarm, rows: &mut Vec<Row>) {
    let reading = |seq: u64| s.monitor.get(seq);
    let device = reading(a.raised_by).map_or_else(String::new, |r| r.reading.device.clone());
    let unit = match a.metric {
        crate::protocol::Metric::Spo2 => "%",
        _ => "/min",
    };
    let mut source = format!(
        "monitor {device}; since {}; values {} (entries {})",
        super::iso(&a.since),
        a.values
            .iter()
            .map(|v| v.1.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        entries_words(a.values.iter().map(|v| v.0)).replace(", ", " ")
    );
    if !a.rejected.is_empty() {
        source.push_str(&format!(
            "; readings later rejected (entries {})",
            entries_words(a.rejected.iter().copied()).replace(", ", " ")
        ));
    }
    let status = if a.rejected.is_empty() {
        "current"
    } else {
        "rejected-readings"
    };
    let recorded_at = |seq: u64, or: &crate::session::Moment| {
        reading(seq).map_or_else(|| or.clone(), |r| r.at.clone())
    };
    let row = |entry, kind, value: String, numeric, taken: &crate::session::Moment, recorded| Row {
        entry: Some(entry),
        kind,
        name: a.rule.clone(),
        value,
        numeric,
        unit: if numeric { unit.into() } else { String::new() },
        flag: a.priority.as_str().into(),
        taken: taken.clone(),
        recorded,
        author: None,
        status,
        source: source.clone(),
    };
    rows.push(row(
        a.raised_by,
        "device-alarm",
        a.worst().to_string(),
        true,
        &a.raised,
        recorded_at(a.raised_by, &a.raised),
    ));
    if let Some((at, seq)) = &a.ended {
        let minutes = a.lasted().unwrap_or(0) as f64 / crate::session::MINUTE as f64;
        rows.push(row(
            *seq,
            "device-alarm-ended",
            format!("after {} min", (minutes * 10.0).round() / 10.0),
            false,
            at,
            recorded_at(*seq, at),
        ));
    }
    if let Some((seq, at)) = &a.acknowledged {
        let mut r = row(
            *seq,
            "device-alarm-acknowledged",
            format!(
                "after {} min",
                (at.since(&a.raised) as f64 / crate::session::MINUTE as f64 * 10.0).round() / 10.0
            ),
            false,
            at,
            at.clone(),
        );
        r.author = s.entry(*seq).and_then(|e| e.stamp.by.clone());
        rows.push(r);
    }
}
