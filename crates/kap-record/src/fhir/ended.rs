//! A session ended early before any ketamine was given: its dose as a
//! MedicationAdministration `not-done`, with the reason the session was
//! ended as its `statusReason` (one ended once the dose had started is
//! `stopped`, in `care`).

use super::Cx;
use super::resources::*;
use super::types::*;
use crate::export::iso;

/// The planned dose not given, when the session was ended early before
/// dosing started; `None` otherwise.
pub fn ketamine_not_given(cx: &Cx) -> Option<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    if s.dosing.started.is_some() {
        return None;
    }
    let closed = s.closed.as_ref()?;
    let why = closed.abandoned.as_deref()?;
    let p = s.protocol();
    let rule = p.dose_rule(s.start.session);
    let n = |x: f64| crate::i18n::num_in(lang, x);
    let text = crate::say!(
        lang,
        "fhir-dose-text",
        given = "0 mg",
        planned = n(s.start.dose_mg),
        weight = n(s.start.weight_kg),
        mgkg = n(s.start.mg_per_kg),
        session = s.start.session,
        sessions = p.course.sessions
    );
    let at = iso(&closed.at);
    Some(Resource::MedicationAdministration(Box::new(
        MedicationAdministration {
            id: cx.rid("ketamine"),
            meta: None,
            contained: vec![Resource::Medication(super::care::medication(cx))],
            status: "not-done",
            status_reason: vec![CodeableConcept::text(why)],
            medication_codeable_concept: None,
            medication_reference: Some(Reference::to(
                "#ketamine",
                Some(&crate::say!(lang, "fhir-ketamine")),
            )),
            subject: cx.subject.clone(),
            context: cx.encounter(),
            // When it was decided: the session's end.
            effective_date_time: None,
            effective_period: Some(Period {
                start: Some(at.clone()),
                end: Some(at),
            }),
            reason_code: Vec::new(),
            performer: Vec::new(),
            note: Vec::new(),
            dosage: Dosage {
                text,
                route: rule.map(|r| {
                    CodeableConcept::coded(vec![super::care::route_coding(r.route)], None)
                }),
                dose: Quantity::ucum(0.into(), "mg", "mg"),
                rate_quantity: None,
            },
        },
    )))
}
