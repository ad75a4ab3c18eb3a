//! Outcome measures: each administration as a QuestionnaireResponse (the
//! answers item by item, the patient as source when they answered it
//! themselves, the clinician who gave it as author) and an Observation of
//! its total, worked out from the answers, coded with the instrument's
//! LOINC code where it has one (PHQ-9 total 44261-6, GAD-7 total
//! 70274-6) and derived from the response. A corrected administration
//! keeps both, marked entered in error.

use super::observations::{category, corrected, observation};
use super::resources::{QuestionnaireResponse, Resource, ResponseAnswer, ResponseItem, Value};
use super::types::*;
use super::{Cx, LOINC};
use crate::export::iso;
use crate::protocol::words_in;
use crate::session::Event;
use crate::session::timeline::Status;

pub fn outcomes(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let tag = lang.tag();
    let mut out = Vec::new();
    for e in s.log() {
        let Event::OutcomeCompleted {
            instrument,
            version,
            answers,
            self_report,
            ..
        } = &e.event
        else {
            continue;
        };
        let Some(ins) = s.protocol().instrument(instrument) else {
            continue;
        };
        let Ok(sc) = crate::outcome::score(&ins, answers) else {
            continue;
        };
        let status = crate::session::timeline::status_of(s, e.seq);
        let at = e.when();
        let qr_local = format!("outcome-{}", e.seq);
        let qr = QuestionnaireResponse {
            id: cx.rid(&qr_local),
            meta: None,
            questionnaire: format!("urn:kap:instrument:{instrument}|{version}"),
            status: match status {
                Status::Current => "completed",
                _ => "entered-in-error",
            },
            subject: cx.subject.clone(),
            encounter: cx.encounter(),
            authored: iso(at),
            author: cx.performer(e.seq).into_iter().next(),
            source: self_report.then(|| cx.subject.clone()),
            item: ins
                .items
                .iter()
                .zip(answers)
                .map(|(it, a)| ResponseItem {
                    link_id: it.id.clone(),
                    text: words_in(&it.text, "en").to_string(),
                    answer: vec![ResponseAnswer { value_integer: *a }],
                })
                .collect(),
        };
        let code = match &ins.loinc_total {
            Some(c) => CodeableConcept::coded(
                vec![Coding::new(
                    LOINC,
                    c,
                    ins.loinc_total_display.as_deref().unwrap_or(&ins.name),
                )],
                Some(&ins.name),
            ),
            None => CodeableConcept::text(&ins.name),
        };
        let mut o = observation(
            cx,
            cx.rid(&format!("outcome-total-{}", e.seq)),
            code,
            at,
            e.seq,
        );
        o.category = category("survey", "Survey");
        o.value = Some(Value::Integer(sc.total.into()));
        if let Some(b) = sc.band.and_then(|b| ins.bands.get(b)) {
            o.note
                .push(Annotation::text(words_in(&b.label, tag).to_string()));
        }
        o.derived_from = vec![Reference::to(&cx.urn(&qr_local), None)];
        corrected(cx, &mut o, e.seq, &status);
        out.push(Resource::QuestionnaireResponse(Box::new(qr)));
        out.push(Resource::Observation(Box::new(o)));
    }
    out
}
