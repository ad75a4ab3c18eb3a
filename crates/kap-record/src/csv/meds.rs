//! The long table's rescue medication and ketamine rows.

use super::Row;
use crate::session::{Event, Session};

/// Rescue doses (the dose, then its route, indication, giver and any
/// reason beyond the agreement, each a row of the same entry), their
/// effects, and ketamine drawn up and wasted (with the witness).
///
/// A replacement (a correction holding a dose or an amount) gives the same
/// rows, as its own entry, at the time the replacement happened.
pub(super) fn medication_rows(s: &Session, rows: &mut Vec<Row>) {
    for e in s.log() {
        let (event, replaced) = match &e.event {
            Event::Corrected { with: Some(w), .. } => (w.as_ref(), true),
            ev => (ev, false),
        };
        let cells = cells(s, e, event);
        let taken = replaced.then(|| s.happened(e.seq)).flatten();
        for (kind, name, value, numeric, unit) in cells {
            let mut row = Row::of_entry(s, e, kind, name, value, numeric, unit);
            if let Some(t) = &taken {
                row.taken = t.clone();
            }
            rows.push(row);
        }
    }
}

/// One cell of a row: kind, name, value, whether a number, unit.
type Cell = (&'static str, String, String, bool, String);

/// The rows entry `e` gives, recording `event` (itself, or what it
/// replaced another entry with); none for other kinds.
fn cells(s: &Session, e: &crate::session::Entry, event: &Event) -> Vec<Cell> {
    match event {
        Event::MedicationGiven {
            drug,
            dose,
            unit,
            route,
            indication,
            given_by,
            outside,
        } => {
            let mut c = vec![
                (
                    "medication",
                    drug.clone(),
                    dose.to_string(),
                    true,
                    unit.clone(),
                ),
                (
                    "medication",
                    format!("{drug}.route"),
                    route.as_str().into(),
                    false,
                    String::new(),
                ),
                (
                    "medication",
                    format!("{drug}.indication"),
                    indication.clone(),
                    false,
                    String::new(),
                ),
                (
                    "medication",
                    format!("{drug}.given_by"),
                    given_by.clone(),
                    false,
                    String::new(),
                ),
            ];
            if let Some(why) = outside {
                c.push((
                    "medication",
                    format!("{drug}.outside"),
                    why.clone(),
                    false,
                    String::new(),
                ));
            }
            c
        }
        Event::MedicationEffect { entry, effect } => {
            // The dose as it stands (a corrected one's replacement).
            let standing = s
                .meds
                .iter()
                .find(|m| m.effect.as_ref().is_some_and(|x| x.seq == e.seq));
            let drug = match (standing, s.entry(*entry).map(|x| &x.event)) {
                (Some(m), _) => m.drug.clone(),
                (None, Some(Event::MedicationGiven { drug, .. })) => drug.clone(),
                _ => String::new(),
            };
            vec![(
                "medication-effect",
                drug,
                effect.clone(),
                false,
                String::new(),
            )]
        }
        Event::KetamineDrawn { mg } => {
            vec![(
                "ketamine",
                "drawn".into(),
                mg.to_string(),
                true,
                "mg".into(),
            )]
        }
        Event::KetamineWasted { mg, witness } => vec![
            (
                "ketamine",
                "wasted".into(),
                mg.to_string(),
                true,
                "mg".into(),
            ),
            (
                "ketamine",
                "wasted.witness".into(),
                witness.clone(),
                false,
                String::new(),
            ),
        ],
        _ => Vec::new(),
    }
}
