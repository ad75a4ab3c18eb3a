//! The risk pathway in FHIR: each risk screen an Observation (category
//! `survey`) whose value is the total score, whose interpretation is
//! POS or NEG, with one component per question and its answer, and the
//! acknowledgement of its alarm, a reassessment and an override of the
//! discharge hold as notes; the safety plan a CarePlan with one activity
//! per element written (earlier versions as the activity's progress
//! notes), pointing at the positive screens. Why these resources rather
//! than a QuestionnaireResponse or a Composition: docs/exports.md.

use super::observations::{category, corrected, kap_code, observation};
use super::resources::*;
use super::types::*;
use super::{Cx, KAP_ENTRY};
use crate::export::iso;
use crate::protocol::RiskScreen;
use crate::session::Event;
use crate::session::risk::{PlanElement, ScreenEntry, score};
use crate::session::timeline::Status;

/// Each screen in the journal: as the pathway holds it while it stands,
/// else rebuilt from its entry (an entry in error left the pathway).
fn recorded(cx: &Cx, def: &RiskScreen) -> Vec<ScreenEntry> {
    let s = cx.s;
    s.log()
        .iter()
        .filter_map(|e| {
            let Event::RiskScreened { answers, .. } = &e.event else {
                return None;
            };
            if let Some(kept) = s.risk.screens.iter().find(|k| k.seq == e.seq) {
                return Some(kept.clone());
            }
            Some(ScreenEntry {
                at: e.when().clone(),
                seq: e.seq,
                entered: e.stamp.taken.as_ref().map(|_| e.at.clone()),
                phase: String::new(),
                answers: answers.clone(),
                result: score(def, answers).ok()?,
                acknowledged: None,
            })
        })
        .collect()
}

const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

fn screen_urn(cx: &Cx, e: &ScreenEntry) -> String {
    cx.urn(&format!("risk-screen-{}", e.seq))
}

/// Every risk screen recorded, in the order of the journal; one entered
/// in error or replaced stays, marked `entered-in-error` with why (it is
/// out of the pathway, but a server that received it must learn so).
pub fn screens(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let Some(def) = &s.protocol().risk else {
        return Vec::new();
    };
    let item_system = format!("urn:kap:risk-item:{}", def.id);
    let mut raised = false;
    let mut out = Vec::new();
    for e in recorded(cx, def) {
        let status = crate::session::timeline::status_of(s, e.seq);
        let mut code = kap_code("risk-screen", "Risk screen");
        code.text = Some(def.name.clone());
        let mut o = observation(
            cx,
            cx.rid(&format!("risk-screen-{}", e.seq)),
            code,
            &e.at,
            e.seq,
        );
        o.category = category("survey", "Survey");
        o.issued = e.entered.as_ref().map(iso);
        o.value = Some(Value::Integer(e.result.score.into()));
        o.interpretation = vec![if e.result.positive {
            CodeableConcept::coded(vec![Coding::new(INTERPRETATION, "POS", "Positive")], None)
        } else {
            CodeableConcept::coded(vec![Coding::new(INTERPRETATION, "NEG", "Negative")], None)
        }];
        o.component = def
            .items
            .iter()
            .zip(&e.answers)
            .map(|(item, &a)| Component {
                code: CodeableConcept::coded(
                    vec![Coding::new(&item_system, &item.id, &item.text)],
                    Some(&item.text),
                ),
                value: Some(Value::String(item.answer_text(a).say(lang))),
                interpretation: Vec::new(),
            })
            .collect();
        if raised {
            o.note
                .push(Annotation::text(crate::say!(lang, "sum-risk-reassessment")));
        }
        if let Some(k) = &e.acknowledged {
            let action = k.action.as_deref().unwrap_or_default();
            o.note.push(Annotation::at(
                iso(&k.at),
                format!(
                    "{} {action}",
                    crate::say!(lang, "sum-risk-acknowledged", at = k.at.hhmm())
                )
                .trim_end()
                .to_string(),
            ));
        }
        if matches!(status, Status::Current) {
            raised |= e.result.positive;
        }
        corrected(cx, &mut o, e.seq, &status);
        out.push(Resource::Observation(Box::new(o)));
    }
    // The override stands against the screen it overrode: the latest
    // that stands.
    let standing = s
        .risk
        .screens
        .last()
        .map(|e| cx.rid(&format!("risk-screen-{}", e.seq)));
    let last = out.iter_mut().rev().find_map(|r| match r {
        Resource::Observation(o) if Some(&o.id) == standing.as_ref() => Some(o),
        _ => None,
    });
    if let (Some((at, reason)), Some(o)) = (&s.risk.overridden, last) {
        o.note.push(Annotation::at(
            iso(at),
            crate::say!(
                lang,
                "sum-risk-overridden",
                at = at.hhmm(),
                reason = reason.clone()
            ),
        ));
    }
    out
}

/// The safety plan as a CarePlan, once an element is written.
pub fn safety_plan(cx: &Cx) -> Option<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let r = &s.risk;
    let first = r.plan.first()?;
    let last = r.plan.last()?;
    let activity = r
        .plan_now()
        .into_iter()
        .map(|p| Activity {
            progress: r
                .plan_history(p.element)
                .into_iter()
                .map(|old| Annotation::at(iso(&old.at), old.text.clone()))
                .collect(),
            detail: ActivityDetail {
                code: CodeableConcept::coded(
                    vec![Coding::new(
                        &format!("{KAP_ENTRY}:safety-plan"),
                        p.element.as_str(),
                        english(p.element),
                    )],
                    Some(&p.element.label().say(lang)),
                ),
                status: "not-started",
                description: p.text.clone(),
            },
        })
        .collect();
    Some(Resource::CarePlan(Box::new(CarePlan {
        id: cx.rid("safety-plan"),
        meta: None,
        status: if s.closed.is_some() {
            "active"
        } else {
            "draft"
        },
        intent: "plan",
        category: vec![CodeableConcept::coded(
            vec![Coding::new(
                &format!("{KAP_ENTRY}:safety-plan"),
                "safety-plan",
                "Safety plan (Stanley-Brown)",
            )],
            Some(&crate::say!(lang, "plan-title")),
        )],
        title: crate::say!(lang, "plan-title"),
        subject: cx.subject.clone(),
        encounter: cx.encounter(),
        created: iso(&first.at),
        author: cx.by(last.seq).map(|b| cx.practitioner(b)),
        supporting_info: r
            .screens
            .iter()
            .filter(|e| e.result.positive)
            .map(|e| Reference::to(&screen_urn(cx, e), None))
            .collect(),
        activity,
        note: Vec::new(),
    })))
}

/// The element's name as the code's display, in English whatever the
/// language in use (the label in use is the concept's text).
fn english(e: PlanElement) -> &'static str {
    match e {
        PlanElement::WarningSigns => "Warning signs",
        PlanElement::Coping => "Internal coping strategies",
        PlanElement::Distraction => "People and social settings that distract",
        PlanElement::Help => "People to ask for help",
        PlanElement::Professionals => "Professionals and crisis lines",
        PlanElement::Environment => "Making the environment safe",
    }
}
