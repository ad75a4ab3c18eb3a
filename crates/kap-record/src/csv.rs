//! The session as a long CSV table: one row per thing recorded — each
//! measure of a vitals set, each alarm and acknowledgement, notes,
//! answers, ticks, the infusion's steps and the dose given, corrections
//! and addenda — with the time it happened, the time it was recorded, who
//! recorded it and minutes since the dose started. RFC 4180 with CRLF;
//! text cells that a spreadsheet would run as a formula are guarded.
//! Columns are documented in `docs/exports.md`.

use super::export::Integrity;

mod entries;
mod meds;
mod monitor;
mod ticks;
use crate::protocol::Metric;
use crate::session::timeline;
use crate::session::{Event, MINUTE, Moment, Session};
use entries::entry_rows;
use meds::medication_rows;

pub const HEADER: &str = "session,patient,rehearsal,entry,kind,name,value,unit,flag,taken,recorded,minutes_from_dose_start,author,status,source,verified";

/// A text cell as a spreadsheet will read it: quoted where RFC 4180 asks,
/// and with a leading `'` when it would start a formula (`=`, `+`, `-`,
/// `@`, a tab or a carriage return).
pub fn text_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn iso(m: &Moment) -> String {
    m.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

struct Row {
    entry: Option<u64>,
    kind: &'static str,
    name: String,
    /// Already a cell when `numeric`; text otherwise.
    value: String,
    numeric: bool,
    unit: String,
    flag: String,
    taken: Moment,
    recorded: Moment,
    author: Option<String>,
    status: &'static str,
    /// Where a vitals value came from, when not typed (the monitor).
    source: String,
}

impl Row {
    /// A row for journal entry `e`: when it happened and was entered, who
    /// made it, and whether it still stands; no flag.
    fn of_entry(
        s: &Session,
        e: &crate::session::Entry,
        kind: &'static str,
        name: String,
        value: String,
        numeric: bool,
        unit: String,
    ) -> Row {
        Row {
            entry: Some(e.seq),
            kind,
            name,
            value,
            numeric,
            unit,
            flag: String::new(),
            taken: e.when().clone(),
            recorded: e.at.clone(),
            author: e.stamp.by.clone(),
            status: crate::session::timeline::status_of(s, e.seq).code(),
            source: String::new(),
        }
    }
}

/// The rows of the long table, in time order.
fn rows(s: &Session) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let author_of = |seq: u64| s.entry(seq).and_then(|e| e.stamp.by.clone());
    // A visit says its kind and how it was held, by the clinician who
    // held it (the start's author).
    if let Some(v) = s.start.visit {
        rows.push(Row {
            entry: Some(1),
            kind: "visit",
            name: v.kind.as_str().into(),
            value: v.contact.as_str().into(),
            numeric: false,
            unit: String::new(),
            flag: String::new(),
            taken: s.started_at.clone(),
            recorded: s.started_at.clone(),
            author: author_of(1),
            status: "current",
            source: String::new(),
        });
    }
    vitals_rows(s, &mut rows);
    alarm_rows(s, &mut rows);
    // Everything else, entry by entry.
    entry_rows(s, &mut rows);
    medication_rows(s, &mut rows);
    monitor::monitor_rows(s, &mut rows);
    closing_rows(s, &mut rows);
    rows.sort_by(|a, b| a.taken.since(&b.taken).cmp(&0).then(a.entry.cmp(&b.entry)));
    rows
}

/// Each measure of each vitals set, with where a monitor's came from.
fn vitals_rows(s: &Session, rows: &mut Vec<Row>) {
    let author_of = |seq: u64| s.entry(seq).and_then(|e| e.stamp.by.clone());
    for v in timeline::vitals_rows(s) {
        for (metric, name, unit) in [
            (Metric::Systolic, "systolic_bp", "mm[Hg]"),
            (Metric::Diastolic, "diastolic_bp", "mm[Hg]"),
            (Metric::Hr, "heart_rate", "/min"),
            (Metric::Spo2, "spo2", "%"),
        ] {
            if let Some(x) = v.reading.get(metric) {
                rows.push(Row {
                    entry: Some(v.seq),
                    kind: "vitals",
                    name: name.into(),
                    value: x.to_string(),
                    numeric: true,
                    unit: unit.into(),
                    flag: s.interpretation(metric, x).unwrap_or_default().to_string(),
                    taken: v.at.clone(),
                    recorded: v.recorded.clone(),
                    author: author_of(v.seq),
                    status: v.status.code(),
                    source: v
                        .source
                        .as_ref()
                        .map(|m| {
                            let text = crate::session::monitor::source_text(m);
                            match monitor::confirmed_reading(s, v.seq) {
                                Some(r) => format!("{text}, reading entry {r}"),
                                None => text,
                            }
                        })
                        .unwrap_or_default(),
                });
            }
        }
    }
}

/// Each alarm, then each time it was acknowledged.
fn alarm_rows(s: &Session, rows: &mut Vec<Row>) {
    for a in &s.alerts.alerts {
        let recorded = a
            .entry
            .and_then(|n| s.entry(n))
            .map_or_else(|| a.raised_at.clone(), |e| e.at.clone());
        rows.push(Row {
            entry: a.entry,
            kind: "alarm",
            name: a.rule.clone(),
            value: a.value.to_string(),
            numeric: true,
            unit: String::new(),
            flag: a.priority.as_str().into(),
            taken: a.raised_at.clone(),
            recorded,
            author: None,
            status: if a.in_error.is_some() {
                "entered-in-error"
            } else if a.withdrawn.is_some() {
                "withdrawn"
            } else {
                "current"
            },
            source: String::new(),
        });
        for k in a.earlier_acks.iter().chain(a.acknowledged.as_ref()) {
            let after = k.at.since(&a.raised_at) as f64 / MINUTE as f64;
            rows.push(Row {
                entry: None,
                kind: "alarm-acknowledged",
                name: a.rule.clone(),
                value: format!(
                    "after {} min{}",
                    (after * 10.0).round() / 10.0,
                    k.action.as_ref().map(|x| format!(": {x}")).unwrap_or_default()
                ),
                numeric: false,
                unit: String::new(),
                flag: a.priority.as_str().into(),
                taken: k.at.clone(),
                recorded: k.at.clone(),
                author: s
                    .log()
                    .iter()
                    .find(|e| e.at == k.at && matches!(e.event, Event::AlertAcknowledged { alert, .. } if alert == a.id))
                    .and_then(|e| e.stamp.by.clone()),
                status: "current",
                source: String::new(),
            });
        }
    }
}

/// The dose, planned and given (none for a visit), then any ketamine
/// drawn up and not accounted for, as things stand at the last entry.
fn closing_rows(s: &Session, rows: &mut Vec<Row>) {
    let last = s
        .log()
        .last()
        .map_or_else(|| s.started_at.clone(), |e| e.at.clone());
    let end = s.as_of(&last);
    let given = s.delivered(&end);
    let doses = [("planned", given.planned_mg), ("given", given.mg)];
    // A visit gives no dose: no dose rows.
    let doses = if s.start.visit.is_some() {
        &[][..]
    } else {
        &doses[..]
    };
    for &(name, mg) in doses {
        rows.push(Row {
            entry: None,
            kind: "dose",
            name: name.into(),
            value: format!("{}", (mg * 1000.0).round() / 1000.0),
            numeric: true,
            unit: "mg".into(),
            flag: String::new(),
            taken: end.clone(),
            recorded: end.clone(),
            author: None,
            status: "current",
            source: String::new(),
        });
    }
    let a = s.accounting(&end);
    if a.drawn > 0.0 {
        rows.push(Row {
            entry: None,
            kind: "ketamine",
            name: "unaccounted".into(),
            value: format!("{}", a.difference()),
            numeric: true,
            unit: "mg".into(),
            flag: if a.balances() { "" } else { "mismatch" }.into(),
            taken: end.clone(),
            recorded: end.clone(),
            author: None,
            status: "current",
            source: String::new(),
        });
    }
}

/// The long table for a session.
pub fn long(s: &Session, record_id: &str, integrity: &Integrity) -> String {
    let mut out = String::new();
    let all = write_long(s, record_id, integrity, |row| {
        out.push_str(row);
        Ok(())
    });
    debug_assert!(all.is_ok(), "a String takes every row");
    out
}

/// The long table, one CRLF-ended line at a time to `line`, so a big
/// record's table is never held whole.
pub fn write_long(
    s: &Session,
    record_id: &str,
    integrity: &Integrity,
    mut line: impl FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    line(&format!("{HEADER}\r\n"))?;
    let dose_start = s.dosing.started.as_ref();
    for r in rows(s) {
        let minutes = dose_start
            .map(|d| {
                format!(
                    "{}",
                    ((r.taken.since(d) as f64 / MINUTE as f64) * 10.0).round() / 10.0
                )
            })
            .unwrap_or_default();
        let verified = r.entry.is_none_or(|n| !integrity.flags_entry(n));
        let cells = [
            text_cell(record_id),
            text_cell(&s.start.patient),
            s.start.rehearsal.to_string(),
            r.entry.map(|n| n.to_string()).unwrap_or_default(),
            r.kind.to_string(),
            text_cell(&r.name),
            if r.numeric {
                r.value
            } else {
                text_cell(&r.value)
            },
            r.unit.to_string(),
            r.flag,
            iso(&r.taken),
            iso(&r.recorded),
            minutes,
            text_cell(r.author.as_deref().unwrap_or("")),
            r.status.to_string(),
            text_cell(&r.source),
            if verified { "yes" } else { "no" }.to_string(),
        ];
        line(&(cells.join(",") + "\r\n"))?;
    }
    match &integrity.seal {
        Some(seal) => line(&seal_row(s, record_id, integrity, seal)),
        None => Ok(()),
    }
}

/// The record's seal as the table's last row: `kind` `seal`, `entry` the
/// last entry sealed, `name` `sha256`, `value` the SHA-256 of that entry's
/// line, `taken` and `recorded` when that entry was made; `verified` `no`
/// when the record does not match it (or that entry failed verification).
fn seal_row(s: &Session, record_id: &str, integrity: &Integrity, seal: &(u64, String)) -> String {
    let (n, hash) = seal;
    let when = s
        .entry(*n)
        .map(|e| iso(&e.at))
        .or_else(|| s.closed.as_ref().map(|c| iso(&c.at)))
        .unwrap_or_default();
    let verified = integrity.damage.is_empty() && !integrity.flags_entry(*n);
    let cells = [
        text_cell(record_id),
        text_cell(&s.start.patient),
        s.start.rehearsal.to_string(),
        n.to_string(),
        "seal".to_string(),
        "sha256".to_string(),
        hash.clone(),
        String::new(),
        String::new(),
        when.clone(),
        when,
        String::new(),
        String::new(),
        "current".to_string(),
        String::new(),
        if verified { "yes" } else { "no" }.to_string(),
    ];
    cells.join(",") + "\r\n"
}
