//! One time-ordered account of a session: every entry (vitals, notes,
//! answers, the infusion, music, phase moves, corrections, addenda) and
//! every alert raised, each with the time it happened, the time it was
//! recorded and who recorded it; corrected entries stay, marked. Pure: the
//! screen, the screen reader and the summary all read these rows.

use super::entry::Entry;
use super::event::Event;
pub use super::vitals_rows::{VitalsRow, vitals_rows};
use super::{Moment, Session};
use crate::i18n::Phrase;

mod describe;
pub use describe::describe;

/// What a row is about, for filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vitals,
    Note,
    Alert,
    Infusion,
    Answer,
    Phase,
    Music,
    Correction,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Vitals,
        Kind::Note,
        Kind::Alert,
        Kind::Infusion,
        Kind::Answer,
        Kind::Phase,
        Kind::Music,
        Kind::Correction,
    ];

    pub fn label(self) -> Phrase {
        Phrase::msg(match self {
            Kind::Vitals => "kind-vitals",
            Kind::Note => "kind-notes",
            Kind::Alert => "kind-alerts",
            Kind::Infusion => "kind-infusion",
            Kind::Answer => "kind-answers",
            Kind::Phase => "kind-phases",
            Kind::Music => "kind-music",
            Kind::Correction => "kind-corrections",
        })
    }
}

/// Whether a row still stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Current,
    /// Marked entered in error: why (the correction's reason as written,
    /// or, for an alert, what voided it).
    InError(Phrase),
    /// Replaced by a later entry: why, and the entry that replaced it.
    Replaced(Phrase, u64),
    /// A free-text answer written again later: the entry that holds the
    /// prompt's answer now. Not an error, so not struck through.
    Superseded(u64),
}

impl Status {
    /// The status as the data exports code it, the same in every
    /// language: `current`, `entered-in-error` or `replaced`.
    pub fn code(&self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::InError(_) => "entered-in-error",
            Status::Replaced(..) | Status::Superseded(_) => "replaced",
        }
    }

    /// Marked in error or replaced through a correction: shown struck
    /// through.
    pub fn struck(&self) -> bool {
        matches!(self, Status::InError(_) | Status::Replaced(..))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The journal entry (none for an alert, which the session raises).
    pub seq: Option<u64>,
    /// When it happened.
    pub taken: Moment,
    /// When it was recorded.
    pub recorded: Moment,
    pub by: Option<String>,
    pub kind: Kind,
    pub text: Phrase,
    pub status: Status,
    /// Recorded a minute or more after it happened.
    pub late: bool,
    /// The record holds times in more than one UTC offset (the laptop's
    /// time zone changed, or summer time began): each time says its zone.
    pub zoned: bool,
}

impl Row {
    /// When it happened, as the timeline shows it: `10:42`, or with its
    /// zone (`10:42 UTC+01:00`) in a record that spans two.
    pub fn taken_text(&self) -> String {
        self.time_text(&self.taken)
    }

    /// When it was recorded, likewise.
    pub fn recorded_text(&self) -> String {
        self.time_text(&self.recorded)
    }

    fn time_text(&self, m: &Moment) -> String {
        if self.zoned {
            format!("{} UTC{}", m.hhmm(), m.wall.format("%:z"))
        } else {
            m.hhmm()
        }
    }

    /// The row's marks, for a plain-text line: "late entry 10:47",
    /// "ENTERED IN ERROR (…)", "REPLACED by entry 14 (…)".
    pub fn marks(&self) -> Vec<Phrase> {
        let mut m = Vec::new();
        if self.late {
            m.push(crate::phrase!(
                "tl-late-recorded",
                at = self.recorded_text()
            ));
        }
        match &self.status {
            Status::Current => {}
            Status::InError(r) => m.push(crate::phrase!("tl-mark-in-error", reason = r.clone())),
            Status::Replaced(r, by) => m.push(crate::phrase!(
                "tl-mark-replaced",
                by = *by,
                reason = r.clone()
            )),
            Status::Superseded(by) => m.push(crate::phrase!("tl-mark-answered-again", entry = *by)),
        }
        m
    }
}

/// Whether an entry stands, was marked in error, was replaced, or (a
/// free-text answer) was written again later. Every rendering of the
/// record — timeline, summary, HTML, CSV, FHIR — reads an entry's status
/// here.
pub fn status_of(s: &Session, seq: u64) -> Status {
    match s.corrections.get(&seq) {
        Some(c) if c.replaced => Status::Replaced(Phrase::verbatim(&c.reason), c.seq),
        Some(c) => Status::InError(Phrase::verbatim(&c.reason)),
        None => answered_again(s, seq).map_or(Status::Current, Status::Superseded),
    }
}

/// The entry that answered the same prompt again after free-text answer
/// `seq`, when one did (and was not itself corrected away).
fn answered_again(s: &Session, seq: u64) -> Option<u64> {
    let Some(Event::Answered { prompt, .. }) = s.entry(seq).map(|e| &e.event) else {
        return None;
    };
    s.log()
        .iter()
        .filter(|x| x.seq > seq && !s.corrections.contains_key(&x.seq))
        .find(|x| matches!(&x.event, Event::Answered { prompt: p, .. } if p == prompt))
        .map(|x| x.seq)
}

/// Every row up to `until`, in the order things happened (entries recorded
/// late sit where they happened; an alarm's escalations, reminders,
/// latching and resolution, worked out from the record, sit between).
pub fn rows(s: &Session, until: &Moment) -> Vec<Row> {
    let titles: Vec<&str> = s
        .protocol()
        .phases
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    let mut phase = 0usize;
    let mut out = Vec::new();
    for e in s.log() {
        if matches!(e.event, Event::Advanced { .. }) {
            phase += 1;
        }
        out.push(row(s, e, titles.get(phase).copied()));
    }
    for a in &s.alerts.alerts {
        let recorded = a
            .entry
            .and_then(|n| s.entry(n))
            .map_or_else(|| a.raised_at.clone(), |e| e.at.clone());
        out.push(Row {
            seq: None,
            late: recorded.since(&a.raised_at) >= super::entry::LATE_AFTER,
            zoned: false,
            taken: a.raised_at.clone(),
            recorded,
            by: None,
            kind: Kind::Alert,
            text: crate::phrase!(
                "tl-alert",
                id = a.id,
                priority = a.priority.word().upper(),
                what = a.headline()
            ),
            status: match (&a.in_error, &a.withdrawn) {
                (Some(r), _) => {
                    Status::InError(crate::phrase!("tl-alert-in-error", reason = r.clone()))
                }
                (None, Some(w)) => Status::InError(crate::phrase!(
                    "tl-alert-withdrawn",
                    entry = w.entry,
                    at = w.at.hhmm()
                )),
                (None, None) => Status::Current,
            },
        });
        // What the record implies between: raised and acknowledged have
        // rows of their own.
        for (at, what) in s.alarm_transitions(a, until) {
            if matches!(
                what,
                super::alarms::Transition::Raised | super::alarms::Transition::Acknowledged(_)
            ) {
                continue;
            }
            out.push(Row {
                seq: None,
                taken: at.clone(),
                recorded: at,
                by: None,
                kind: Kind::Alert,
                text: crate::phrase!("tl-alarm", id = a.id, what = what.text()),
                status: Status::Current,
                late: false,
                zoned: false,
            });
        }
    }
    // Device alarms, worked out from the monitor's readings.
    out.extend(super::monitor_alarms::timeline_rows(s));
    out.sort_by(|a, b| {
        a.taken
            .since(&b.taken)
            .cmp(&0)
            .then(a.seq.unwrap_or(u64::MAX).cmp(&b.seq.unwrap_or(u64::MAX)))
    });
    let offset = s.started_at.wall.offset();
    let zoned = out
        .iter()
        .any(|r| r.taken.wall.offset() != offset || r.recorded.wall.offset() != offset);
    for r in &mut out {
        r.zoned = zoned;
    }
    out
}

fn row(s: &Session, e: &Entry, phase_after: Option<&str>) -> Row {
    let (kind, text) = describe(s, &e.event, phase_after);
    Row {
        seq: Some(e.seq),
        taken: e.when().clone(),
        recorded: e.at.clone(),
        by: e.stamp.by.clone(),
        kind,
        text,
        status: status_of(s, e.seq),
        late: e.is_late(),
        zoned: false,
    }
}

/// A rescue dose, its effect, or ketamine drawn up or wasted, in words.
pub fn describe_medication(s: &Session, ev: &Event) -> Phrase {
    match ev {
        Event::MedicationGiven {
            drug,
            dose,
            unit,
            route,
            indication,
            given_by,
            outside,
        } => {
            let name = s.protocol().drug_name(drug);
            let mut text = crate::phrase!(
                "tl-med-given",
                drug = name,
                dose = Phrase::Seq(vec![Phrase::Num(*dose), format!(" {unit}").into()]),
                route = route.label(),
                indication = indication.clone(),
                by = given_by.clone()
            );
            if let Some(why) = outside {
                text = Phrase::Seq(vec![
                    text,
                    " — ".into(),
                    crate::phrase!("tl-outside-agreement", why = why.clone()),
                ]);
            }
            text
        }
        Event::MedicationEffect { entry, effect } => {
            crate::phrase!("tl-med-effect", entry = *entry, effect = effect.clone())
        }
        Event::KetamineDrawn { mg } => crate::phrase!("tl-ketamine-drawn", mg = Phrase::Num(*mg)),
        Event::KetamineWasted { mg, witness } => crate::phrase!(
            "tl-ketamine-wasted",
            mg = Phrase::Num(*mg),
            witness = witness.clone()
        ),
        _ => Phrase::empty(),
    }
}
