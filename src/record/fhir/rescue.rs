//! Rescue medication as FHIR: one MedicationAdministration per dose given
//! (the formulary's code when it has one, the dose in its unit, the route
//! as SNOMED CT, when, who gave it, what for, a reason beyond the
//! agreement and the effect at its re-check as notes); and the ketamine
//! drawn up and wasted, as notes on the ketamine's own administration.

use super::Cx;
use super::resources::*;
use super::types::*;
use crate::record::export::iso;
use crate::session::Event;
use crate::session::timeline::describe_medication;

/// A dose's unit as UCUM writes it (`mcg` is `ug` there).
fn ucum(unit: &str) -> &str {
    match unit {
        "mcg" | "µg" => "ug",
        u => u,
    }
}

pub fn rescue_doses(cx: &Cx) -> Vec<Resource> {
    let s = cx.s;
    s.meds
        .iter()
        .map(|m| {
            let drug = s.protocol().drug(&m.drug);
            let name = drug.map_or(m.drug.clone(), |d| d.name.clone());
            let coding = drug
                .and_then(|d| d.code.as_ref())
                .map(|c| Coding::new(&c.system, &c.code, &c.display))
                .into_iter()
                .collect();
            let (code, display) = m.route.snomed();
            let mut note = Vec::new();
            if let Some(why) = &m.outside {
                note.push(Annotation::text(crate::t!(
                    "tl-outside-agreement",
                    why = why.clone()
                )));
            }
            if let Some(e) = &m.effect {
                note.push(Annotation::at(
                    iso(&e.at),
                    crate::t!("fhir-med-effect", effect = e.text.clone()),
                ));
            }
            let dose = format!("{} {}", crate::i18n::num(m.dose), m.unit);
            Resource::MedicationAdministration(Box::new(MedicationAdministration {
                id: cx.rid(&format!("medication-{}", m.seq)),
                meta: None,
                contained: Vec::new(),
                status: "completed",
                status_reason: Vec::new(),
                medication_codeable_concept: Some(CodeableConcept::coded(coding, Some(&name))),
                medication_reference: None,
                subject: cx.subject.clone(),
                context: cx.encounter(),
                effective_date_time: Some(iso(&m.at)),
                effective_period: None,
                performer: vec![Performer {
                    actor: cx.practitioner(&m.given_by),
                }],
                reason_code: vec![CodeableConcept::text(&m.indication)],
                note,
                dosage: Dosage {
                    text: format!("{dose} {}", m.route.label()),
                    route: Some(CodeableConcept::coded(
                        vec![Coding::new(super::SNOMED, code, display)],
                        Some(&m.route.label()),
                    )),
                    dose: Quantity::ucum(decimal(m.dose), &m.unit, ucum(&m.unit)),
                    rate_quantity: None,
                },
            }))
        })
        .collect()
}

/// Ketamine drawn up and wasted (with its witness), each a timed note.
pub fn ketamine_notes(cx: &Cx) -> Vec<Annotation> {
    let s = cx.s;
    let k = &s.ketamine;
    let mut out: Vec<(u64, &crate::session::Moment, Event)> = k
        .drawn
        .iter()
        .map(|d| (d.seq, &d.at, Event::KetamineDrawn { mg: d.mg }))
        .chain(k.wasted.iter().map(|w| {
            (
                w.seq,
                &w.at,
                Event::KetamineWasted {
                    mg: w.mg,
                    witness: w.witness.clone().unwrap_or_default(),
                },
            )
        }))
        .collect();
    out.sort_by_key(|(seq, _, _)| *seq);
    out.into_iter()
        .map(|(_, at, ev)| Annotation::at(iso(at), describe_medication(s, &ev)))
        .collect()
}
