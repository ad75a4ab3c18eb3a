//! The long table's rescue medication and ketamine rows.

use super::Row;
use crate::session::{Event, Session};

/// Rescue doses (the dose, then its route, indication, giver and any
/// reason beyond the agreement, each a row of the same entry), their
/// effects, and ketamine drawn up and wasted (with the witness).
pub(super) fn medication_rows(s: &Session, rows: &mut Vec<Row>) {
    for e in s.log() {
        let cells: Vec<(&'static str, String, String, bool, String)> = match &e.event {
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
                let drug = match s.entry(*entry).map(|x| &x.event) {
                    Some(Event::MedicationGiven { drug, .. }) => drug.clone(),
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
            _ => continue,
        };
        for (kind, name, value, numeric, unit) in cells {
            rows.push(Row::of_entry(s, e, kind, name, value, numeric, unit));
        }
    }
}
