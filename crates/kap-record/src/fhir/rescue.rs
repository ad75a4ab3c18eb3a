//! Rescue medication as FHIR: one MedicationAdministration per dose given
//! (the formulary's code when it has one, the dose in its unit, the route
//! as SNOMED CT, when, who gave it, what for, a reason beyond the
//! agreement and the effect at its re-check as notes); and the ketamine
//! drawn up and wasted, as notes on the ketamine's own administration.

use super::Cx;
use super::resources::*;
use super::types::*;
use crate::export::iso;
use crate::session::Event;
use crate::session::state::{KetamineAmount, MedEntry};
use crate::session::timeline::{Status, describe_medication, status_of};

/// A dose's unit as UCUM writes it (`mcg` is `ug` there).
fn ucum(unit: &str) -> &str {
    match unit {
        "mcg" | "µg" => "ug",
        u => u,
    }
}

/// One MedicationAdministration per dose recorded: a dose that stands is
/// `completed`; one marked in error or replaced stays, `entered-in-error`
/// with why (a server that had it keeps no wrong dose as given); a
/// replacement is a new administration, with the entry it replaces, what
/// that said and why, as a note — as a corrected reading's Observation.
pub fn rescue_doses(cx: &Cx) -> Vec<Resource> {
    let s = cx.s;
    s.log()
        .iter()
        .filter_map(|e| {
            let event = match &e.event {
                Event::Corrected { with: Some(w), .. } => w.as_ref(),
                ev => ev,
            };
            let Event::MedicationGiven {
                drug,
                dose,
                unit,
                route,
                indication,
                given_by,
                outside,
            } = event
            else {
                return None;
            };
            let m = match s.meds.iter().find(|m| m.seq == e.seq) {
                Some(m) => m.clone(),
                None => MedEntry {
                    seq: e.seq,
                    at: s.happened(e.seq).unwrap_or_else(|| e.when().clone()),
                    entered: None,
                    by: e.stamp.by.clone(),
                    drug: drug.clone(),
                    dose: *dose,
                    unit: unit.clone(),
                    route: *route,
                    indication: indication.clone(),
                    given_by: given_by.clone(),
                    outside: outside.clone(),
                    effect: None,
                },
            };
            let mut admin = administration(cx, &m);
            corrected(cx, &mut admin, e.seq);
            Some(Resource::MedicationAdministration(Box::new(admin)))
        })
        .collect()
}

/// Mark an administration from a corrected entry, or one that replaced
/// another.
fn corrected(cx: &Cx, admin: &mut MedicationAdministration, seq: u64) {
    let lang = cx.lang;
    let s = cx.s;
    match status_of(s, seq) {
        Status::Current | Status::Superseded(_) => {}
        Status::InError(why) => {
            admin.status = "entered-in-error";
            admin.note.push(Annotation::text(format!(
                "{} (entered in error)",
                why.say(lang)
            )));
        }
        Status::Replaced(why, by) => {
            admin.status = "entered-in-error";
            admin.note.push(Annotation::text(format!(
                "{} (replaced by entry {by})",
                why.say(lang)
            )));
        }
    }
    if let Some((orig, c)) = s
        .corrections
        .iter()
        .find(|(_, c)| c.replaced && c.seq == seq)
    {
        let was = s
            .entry(*orig)
            .map(|e| match &e.event {
                Event::Corrected { with: Some(w), .. } => describe_medication(s, w),
                ev => describe_medication(s, ev),
            })
            .map(|p| p.say(lang))
            .unwrap_or_default();
        admin.note.push(Annotation::at(
            iso(&c.at),
            crate::say!(
                lang,
                "fhir-replaces",
                entry = *orig,
                was = was,
                reason = c.reason.clone()
            ),
        ));
    }
}

fn administration(cx: &Cx, m: &MedEntry) -> MedicationAdministration {
    let lang = cx.lang;
    let s = cx.s;
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
        note.push(Annotation::text(crate::say!(
            lang,
            "tl-outside-agreement",
            why = why.clone()
        )));
    }
    if let Some(e) = &m.effect {
        note.push(Annotation::at(
            iso(&e.at),
            crate::say!(lang, "fhir-med-effect", effect = e.text.clone()),
        ));
    }
    let dose = format!("{} {}", crate::i18n::num_in(lang, m.dose), m.unit);
    MedicationAdministration {
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
            text: format!("{dose} {}", m.route.label().say(lang)),
            route: Some(CodeableConcept::coded(
                vec![Coding::new(super::SNOMED, code, display)],
                Some(&m.route.label().say(lang)),
            )),
            dose: Quantity::ucum(decimal(m.dose), &m.unit, ucum(&m.unit)),
            rate_quantity: None,
        },
    }
}

/// Ketamine drawn up and wasted (with its witness), each a note at when
/// it was drawn up or wasted (in that order), one entered late saying when
/// it was recorded.
pub fn ketamine_notes(cx: &Cx) -> Vec<Annotation> {
    let lang = cx.lang;
    let s = cx.s;
    let k = &s.ketamine;
    let mut out: Vec<(&KetamineAmount, Event)> = k
        .drawn
        .iter()
        .map(|d| (d, Event::KetamineDrawn { mg: d.mg }))
        .chain(k.wasted.iter().map(|w| {
            (
                w,
                Event::KetamineWasted {
                    mg: w.mg,
                    witness: w.witness.clone().unwrap_or_default(),
                },
            )
        }))
        .collect();
    out.sort_by(|(a, _), (b, _)| a.at.since(&b.at).cmp(&0).then(a.seq.cmp(&b.seq)));
    out.into_iter()
        .map(|(k, ev)| {
            let mut text = describe_medication(s, &ev).say(lang);
            let replacement = s.corrections.values().any(|c| c.replaced && c.seq == k.seq);
            if let (Some(e), false) = (&k.entered, replacement) {
                text.push_str(&format!(
                    " ({})",
                    crate::say!(lang, "tl-late-recorded", at = e.hhmm())
                ));
            }
            Annotation::at(iso(&k.at), text)
        })
        .collect()
}
