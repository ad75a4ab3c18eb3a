//! A patient's course as a CSV table (`kap export --course PATIENT
//! --format csv`): one row per session record, in course order, with the
//! facts a course is followed by — held or not, ended early and why, the
//! dose planned and given, the dissociation rating, the alarms (the
//! clinician's, and the monitor's device alarms in a column of their
//! own, empty when no monitor was listened to), who was there — and each
//! outcome measure's total at that session. RFC 4180 with CRLF. Codes and
//! numbers are the same in every language (numbers with a point, booleans
//! `true`/`false`); text is the record's own.

use super::course::CourseEntry;
use super::csv::text_cell;
use crate::outcome::score;

/// The table of `courses` (each a protocol's sessions, oldest first).
pub fn csv(courses: &[Vec<CourseEntry>]) -> String {
    // A column per measure any of the courses names, in the order named.
    let mut measures: Vec<String> = Vec::new();
    for m in courses
        .iter()
        .filter_map(|c| c.first())
        .flat_map(|e| e.session.protocol().course.measures.iter())
    {
        if !measures.contains(&m.instrument) {
            measures.push(m.instrument.clone());
        }
    }
    let mut head: Vec<String> = [
        "patient",
        "protocol",
        "record",
        "session",
        "started",
        "held",
        "ended_early",
        "dose_planned_mg",
        "dose_given_mg",
        "dissociation",
        "alarms",
        "device_alarms",
        "clinicians",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    head.extend(measures.iter().map(|m| format!("{m}_total")));
    let mut out = head.join(",");
    out.push_str("\r\n");
    for e in courses.iter().flatten() {
        out.push_str(&row(e, &measures).join(","));
        out.push_str("\r\n");
    }
    out
}

fn row(e: &CourseEntry, measures: &[String]) -> Vec<String> {
    let s = &e.session;
    let num = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    let ended = s.closed.as_ref().and_then(|c| c.abandoned.as_deref());
    let mut cells = vec![
        text_cell(&s.start.patient),
        text_cell(&s.start.protocol_id),
        text_cell(&e.id),
        s.start.session.to_string(),
        s.started_at
            .wall
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        e.held().to_string(),
        text_cell(ended.unwrap_or_default()),
        format!("{}", s.start.dose_mg),
        num(e.dose_given()),
        num(e.dissociation()),
        e.alarms().to_string(),
        e.device_alarms().map(|n| n.to_string()).unwrap_or_default(),
        text_cell(&s.start.clinicians.join("; ")),
    ];
    cells.extend(measures.iter().map(|m| num(total(e, m))));
    cells
}

/// The latest total of instrument `id` recorded in the session (an
/// administration entered in error has left the session's outcomes).
fn total(e: &CourseEntry, id: &str) -> Option<f64> {
    let s = &e.session;
    let ins = s.protocol().instrument(id)?;
    s.outcomes
        .iter()
        .rev()
        .find(|o| o.instrument == id)
        .and_then(|o| score(&ins, &o.answers).ok())
        .map(|sc| f64::from(sc.total))
}
