//! The long table's rows for entries that are neither a vitals set, an
//! alarm nor a medication: notes, answers, ticks, typed measures, outcome
//! measures, the infusion's steps, signatures, corrections and addenda.

use super::Row;
use crate::protocol::PromptKind;
use crate::session::{Event, Session};

/// The four text cells of a row made from a journal entry's words:
/// `kind`, `name`, `value` and `unit`.
type Cells = (&'static str, String, String, String);

/// Cells with no unit, as every row here but the risk screen's has.
fn cells(kind: &'static str, name: impl Into<String>, value: impl Into<String>) -> Cells {
    (kind, name.into(), value.into(), String::new())
}

/// Every entry that is not a vitals set or an alarm, as a row.
pub(super) fn entry_rows(s: &Session, rows: &mut Vec<Row>) {
    for e in s.log() {
        // Entries that give several rows, or rows of their own shape.
        match &e.event {
            Event::OutcomeCompleted { .. } => outcome_rows(s, e, rows),
            Event::Answered { prompt, text } => answer_row(s, e, prompt, text, rows),
            Event::Ticked {
                prompt,
                checked: true,
                evidence: Some(ev),
            } => super::ticks::evidence_rows(s, e, prompt, ev, rows),
            Event::Recorded { prompt, value } => measure_rows(s, e, prompt, value, rows),
            other => {
                if let Some((kind, name, value, unit)) = one_row(s, other) {
                    rows.push(Row::of_entry(s, e, kind, name, value, false, unit));
                }
            }
        }
    }
}

/// The cells of an entry that is one row, or `None` for an entry that is
/// not this table's (a vitals set, an alarm, a medication).
fn one_row(s: &Session, event: &Event) -> Option<Cells> {
    // A bolus (IM, SL, IN) has no infusion: its start is the dose given
    // and the observation after it.
    let dosing = if s.dosing.infusion {
        "infusion"
    } else {
        "observation"
    };
    Some(match event {
        Event::Note {
            text,
            tags,
            outside,
        } => {
            let value = match outside {
                Some(why) => format!("{text} [outside the agreement: {why}]"),
                None => text.clone(),
            };
            cells("note", tags.join(";"), value)
        }
        Event::Ticked {
            prompt, checked, ..
        } => cells(
            "check",
            prompt,
            if *checked { "ticked" } else { "unticked" },
        ),
        Event::CheckedIn { note } => {
            cells("check-in", "no-music", note.clone().unwrap_or_default())
        }
        Event::GoalsSet { goals } => cells("goals", "", goals.join("; ")),
        Event::MusicChosen { playlist, support } => cells(
            "music",
            "chosen",
            playlist.clone().or(support.clone()).unwrap_or_default(),
        ),
        Event::DosingStarted => cells(dosing, "started", ""),
        Event::DosingPaused { reason } => cells(dosing, "paused", reason),
        Event::DosingResumed => cells(dosing, "resumed", ""),
        Event::DosingStopped { reason } => cells(dosing, "stopped", reason),
        Event::ConsentWithdrawn { reason } => cells("consent", "withdrawn", reason),
        Event::Advanced { reason } => {
            cells("phase", "moved on", reason.clone().unwrap_or_default())
        }
        Event::Closed => cells("signature", "closed", ""),
        Event::Abandoned { reason } => cells("signature", "ended early", reason),
        Event::CoSigned { clinician } => cells("signature", "co-signed", clinician),
        Event::Addendum { text, reason } => cells("addendum", reason, text),
        Event::Corrected {
            entry,
            reason,
            with,
        } => {
            let how = if with.is_some() {
                "replaced"
            } else {
                "entered in error"
            };
            cells(
                "correction",
                format!("entry {entry}"),
                format!("{how}: {reason}"),
            )
        }
        Event::AlarmAudioPaused { minutes, reason } => {
            cells("alarm-sound", "paused", format!("{minutes} min: {reason}"))
        }
        Event::AlarmAudioResumed => cells("alarm-sound", "resumed", ""),
        Event::TechnicalAlarm { text } => cells("technical-alarm", "", text),
        Event::TechnicalAcknowledged { alarm } => {
            cells("technical-alarm", "acknowledged", alarm.to_string())
        }
        other => crate::risk::csv_cells(s, other)?,
    })
}

/// A free-text answer; an answer edited later is `replaced` by the next
/// (`timeline::status_of`), and only the latest is current.
fn answer_row(
    s: &Session,
    e: &crate::session::Entry,
    prompt: &str,
    text: &str,
    rows: &mut Vec<Row>,
) {
    rows.push(Row::of_entry(
        s,
        e,
        "answer",
        prompt.to_string(),
        text.to_string(),
        false,
        String::new(),
    ));
}

/// A typed value as the table holds it, the same in every language: a
/// number as a number (a point for decimals, its unit in `unit`), a
/// rating as its value, yes/no as `true`/`false`, a time of day as the
/// moment it names (date and offset), a choice in the protocol's words;
/// a multi-item rating as its score, then a `measure-item` row per item.
fn measure_rows(
    s: &Session,
    e: &crate::session::Entry,
    prompt: &str,
    value: &crate::protocol::values::Value,
    rows: &mut Vec<Row>,
) {
    use crate::protocol::values::Value as V;
    let p = s.protocol().prompt(prompt).map(|(_, p)| p);
    let number = |x: f64| format!("{}", if x == 0.0 { 0.0 } else { x });
    let moment = crate::protocol::values::time_on(value, e.when(), &s.started_at);
    let (cell, numeric) = match (moment, value) {
        (Some(at), _) => (
            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            false,
        ),
        (None, V::YesNo(b)) => (b.to_string(), false),
        (None, V::Choice(c)) => (c.clone(), false),
        (None, V::MultiChoice(cs)) => (cs.join("; "), false),
        (None, V::Number(x)) => (number(*x), true),
        (None, V::Scale(n)) => (n.to_string(), true),
        (None, V::Time(t)) => (t.clone(), false),
        (None, V::Items(_)) => match p.and_then(|p| crate::protocol::values::score(p, value)) {
            Some(total) => (number(total), true),
            None => (String::new(), false),
        },
    };
    let unit = p
        .filter(|p| p.kind == PromptKind::Number)
        .and_then(|p| p.unit.clone())
        .unwrap_or_default();
    rows.push(Row::of_entry(
        s,
        e,
        "measure",
        prompt.to_string(),
        cell,
        numeric,
        unit,
    ));
    if let V::Items(map) = value {
        for (item, n) in map {
            rows.push(Row::of_entry(
                s,
                e,
                "measure-item",
                format!("{prompt}.{item}"),
                n.to_string(),
                true,
                String::new(),
            ));
        }
    }
}

/// An outcome measure: its total (worked out from the answers) as
/// `outcome`, named by the instrument's id, then each item's answer as
/// `outcome-item`, named `instrument.item`.
fn outcome_rows(s: &Session, e: &crate::session::entry::Entry, rows: &mut Vec<Row>) {
    let Event::OutcomeCompleted {
        instrument,
        answers,
        ..
    } = &e.event
    else {
        return;
    };
    let ins = s.protocol().instrument(instrument);
    let total = ins
        .as_ref()
        .and_then(|i| crate::outcome::score(i, answers).ok())
        .map(|sc| sc.total.to_string())
        .unwrap_or_default();
    let row = |kind, name: String, value: String, numeric| {
        Row::of_entry(s, e, kind, name, value, numeric, String::new())
    };
    rows.push(row("outcome", instrument.clone(), total, true));
    for (i, a) in answers.iter().enumerate() {
        let item = ins
            .as_ref()
            .and_then(|x| x.items.get(i))
            .map_or_else(|| (i + 1).to_string(), |it| it.id.clone());
        rows.push(row(
            "outcome-item",
            format!("{instrument}.{item}"),
            a.to_string(),
            true,
        ));
    }
}
