//! The dose (a MedicationAdministration with the ketamine it gave
//! contained), the consent tick (a Consent), each alarm (a DetectedIssue,
//! its acknowledgements as mitigations) and the time the patient was
//! ready to leave.

use super::resources::*;
use super::types::*;
use super::{Cx, LOINC, RXNORM, SNOMED};
use crate::export::iso;
use crate::protocol::{Metric, PhaseRole, Priority, PromptKind, Route};
use crate::session::Event;

pub(super) fn route_coding(r: Route) -> Coding {
    match r {
        Route::IvInfusion => Coding::new(SNOMED, "47625008", "Intravenous route"),
        Route::ImBolus => Coding::new(SNOMED, "78421000", "Intramuscular route"),
        Route::SlBolus => Coding::new(SNOMED, "37839007", "Sublingual route"),
        Route::InBolus => Coding::new(SNOMED, "46713006", "Nasal route"),
    }
}

fn ketamine(lang: crate::i18n::Lang) -> CodeableConcept {
    CodeableConcept::coded(
        vec![Coding::new(RXNORM, "6130", "ketamine")],
        Some(&crate::say!(lang, "fhir-ketamine")),
    )
}

/// Rounded for a pump display: three decimals at most.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The ketamine given: its strength at the protocol's concentration and
/// the lot number typed at the `lot-number` prompt, when there are.
pub(super) fn medication(cx: &Cx) -> Medication {
    let lang = cx.lang;
    let s = cx.s;
    let conc = s
        .protocol()
        .course
        .dosing
        .concentration_mg_per_ml
        .filter(|c| *c > 0.0);
    let lot = s
        .answers
        .get("lot-number")
        .map(|a| a.text.trim().to_string())
        .filter(|t| !t.is_empty());
    Medication {
        id: "ketamine".into(),
        meta: None,
        code: ketamine(lang),
        ingredient: conc
            .map(|c| Ingredient {
                item_codeable_concept: ketamine(lang),
                strength: Ratio {
                    numerator: Quantity::ucum(decimal(c), "mg", "mg"),
                    denominator: Quantity::ucum(1.into(), "mL", "mL"),
                },
            })
            .into_iter()
            .collect(),
        batch: lot.map(|lot_number| Batch { lot_number }),
    }
}

/// The dose, once dosing started: given and planned, the route, the pump
/// rate (each step's for a stepped dose), who started it, pauses and an
/// early stop.
pub fn medication_administration(cx: &Cx) -> Option<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let start = s.dosing.started.as_ref()?;
    let p = s.protocol();
    let rule = p.dose_rule(s.start.session);
    let end = s.dosing.ended_at(&cx.now);
    let status = match (&s.dosing.stopped, &end) {
        (Some(_), _) => "stopped",
        (None, Some(_)) => "completed",
        (None, None) => "in-progress",
    };
    let given = s.delivered(&s.as_of(&cx.now));
    let conc = p.course.dosing.concentration_mg_per_ml.filter(|c| *c > 0.0);
    // A one-step infusion runs at one rate; a stepped one at each step's.
    let rate = match (rule, conc) {
        (Some(r), Some(c)) if r.route.is_infusion() && s.dosing.steps.is_empty() => r
            .infusion_minutes
            .filter(|m| *m > 0.0)
            .map(|m| round3(s.start.dose_mg / c / (m / 60.0))),
        _ => None,
    };
    let text = dose_text(s, &given, rate, conc, lang);
    let (note, status_reason) = dose_notes(cx);
    // Who gave the dose: whoever started the infusion.
    let performer = s
        .log()
        .iter()
        .find(|e| matches!(e.event, Event::DosingStarted))
        .and_then(|e| e.stamp.by.as_deref())
        .map(|by| Performer {
            actor: cx.practitioner(by),
        })
        .into_iter()
        .collect();
    Some(Resource::MedicationAdministration(Box::new(
        MedicationAdministration {
            id: cx.rid("ketamine"),
            meta: None,
            contained: vec![Resource::Medication(medication(cx))],
            status,
            status_reason,
            medication_codeable_concept: None,
            medication_reference: Some(Reference::to(
                "#ketamine",
                Some(&crate::say!(lang, "fhir-ketamine")),
            )),
            subject: cx.subject.clone(),
            context: cx.encounter(),
            effective_date_time: None,
            effective_period: Some(Period {
                start: Some(iso(start)),
                end: end.as_ref().map(iso),
            }),
            performer,
            reason_code: Vec::new(),
            note,
            dosage: Dosage {
                text,
                route: rule.map(|r| CodeableConcept::coded(vec![route_coding(r.route)], None)),
                dose: Quantity::ucum(decimal(round3(given.mg)), "mg", "mg"),
                rate_quantity: rate.map(|r| Quantity::ucum(decimal(r), "mL/h", "mL/h")),
            },
        },
    )))
}

/// The dose in words, in the record's language: given and planned, the
/// pump rate and each step of a stepped dose.
fn dose_text(
    s: &crate::session::Session,
    given: &crate::session::Delivered,
    rate: Option<f64>,
    conc: Option<f64>,
    lang: crate::i18n::Lang,
) -> String {
    let p = s.protocol();
    // The words a person reads are in the record's language; the numbers
    // a machine reads are in `dose` and `rate` above.
    let n = |x: f64| crate::i18n::num_in(lang, x);
    let mut text = crate::say!(
        lang,
        "fhir-dose-text",
        given = given.text().say(lang),
        planned = n(s.start.dose_mg),
        weight = n(s.start.weight_kg),
        mgkg = n(s.start.mg_per_kg),
        session = s.start.session,
        sessions = p.course.sessions
    );
    if let (Some(r), Some(c)) = (rate, conc) {
        text.push_str("; ");
        text.push_str(&crate::say!(
            lang,
            "fhir-pump-rate",
            rate = n(r),
            conc = n(c)
        ));
    }
    if !s.dosing.steps.is_empty() {
        let steps: Vec<String> = s
            .dosing
            .steps
            .iter()
            .enumerate()
            .map(|(i, st)| {
                let mut t = format!("{}. ", i + 1);
                if let Some(l) = &st.label {
                    t.push_str(&crate::i18n::labelled_in(lang, l, ""));
                }
                t.push_str(&format!("{} mg", n(round3(st.mg))));
                if let Some(m) = st.minutes {
                    t.push(' ');
                    t.push_str(&crate::say!(lang, "fhir-step-over", minutes = n(m)));
                }
                if let Some(r) = st.rate_ml_per_h {
                    t.push(' ');
                    t.push_str(&crate::say!(lang, "fhir-step-rate", rate = n(round3(r))));
                }
                t
            })
            .collect();
        text.push_str("; ");
        text.push_str(&crate::say!(lang, "fhir-steps", steps = steps.join("; ")));
    }
    text
}

/// The pauses and an early stop as notes (the stop's reason also the
/// status reason), then the ketamine drawn up and wasted.
fn dose_notes(cx: &Cx) -> (Vec<Annotation>, Vec<CodeableConcept>) {
    let lang = cx.lang;
    let s = cx.s;
    let mut note: Vec<Annotation> = s
        .dosing
        .pauses
        .iter()
        .map(|pz| {
            Annotation::at(
                iso(&pz.from),
                crate::say!(lang, "fhir-paused", reason = pz.reason.clone()),
            )
        })
        .collect();
    let mut status_reason = Vec::new();
    if let Some((at, r)) = &s.dosing.stopped {
        status_reason.push(CodeableConcept::text(r));
        note.push(Annotation::at(
            iso(at),
            crate::say!(lang, "fhir-stopped-early", reason = r.clone()),
        ));
    }
    // Drawn up and wasted: notes on the dose, never part of it (a reader
    // adding up doses must not count waste as given; docs/exports.md).
    note.extend(super::rescue::ketamine_notes(cx));
    (note, status_reason)
}

/// The consent tick (the gate prompt `consent`) as a Consent to today's
/// treatment: active, or inactive from the moment it was withdrawn.
pub fn consent(cx: &Cx) -> Option<Resource> {
    let s = cx.s;
    let tick = s.ticks.get("consent").filter(|t| t.checked)?;
    let wording = s
        .protocol()
        .prompt("consent")
        .map_or_else(|| "consent".to_string(), |(_, p)| p.text.clone());
    let withdrawn = s.consent_withdrawn.as_ref();
    Some(Resource::Consent(Consent {
        id: cx.rid("consent"),
        meta: None,
        status: if withdrawn.is_some() {
            "inactive"
        } else {
            "active"
        },
        scope: CodeableConcept::coded(
            vec![Coding::new(
                "http://terminology.hl7.org/CodeSystem/consentscope",
                "treatment",
                "Treatment",
            )],
            None,
        ),
        category: vec![CodeableConcept::coded(
            vec![Coding::new(LOINC, "59284-0", "Patient Consent")],
            None,
        )],
        patient: cx.subject.clone(),
        date_time: iso(&tick.at),
        performer: vec![cx.subject.clone()],
        policy_rule: CodeableConcept::text(&wording),
        provision: Provision {
            kind: "permit",
            period: Period {
                start: Some(iso(&tick.at)),
                end: withdrawn.map(|(at, _)| iso(at)),
            },
        },
    }))
}

pub(super) fn severity(p: Priority) -> &'static str {
    match p {
        Priority::High => "high",
        Priority::Medium => "moderate",
        Priority::Low => "low",
    }
}

/// Each alarm raised, as a DetectedIssue: its rule, priority, the reading
/// that raised it, what the record implies happened to it (escalations,
/// reminders, back in range, alarm sound paused while it waited), and each
/// acknowledgement, with the action typed and who typed it, as a
/// mitigation.
pub fn alarms(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let until = s.as_of(&cx.now);
    let mut out = Vec::new();
    for a in &s.alerts.alerts {
        let implicated = a
            .entry
            .map(|seq| {
                let local = match a.metric {
                    Metric::Systolic | Metric::Diastolic => format!("bp-{seq}"),
                    Metric::Hr => format!("hr-{seq}"),
                    Metric::Spo2 => format!("spo2-{seq}"),
                };
                Reference::to(&cx.urn(&local), None)
            })
            .into_iter()
            .collect();
        let history = alarm_history(cx, a, &until);
        let mitigation = mitigations(cx, a);
        out.push(Resource::DetectedIssue(DetectedIssue {
            id: cx.rid(&format!("alert-{}", a.id)),
            meta: None,
            status: if a.in_error.is_some() {
                "entered-in-error"
            } else if a.withdrawn.is_some() {
                "cancelled"
            } else {
                "final"
            },
            code: CodeableConcept::coded(
                vec![Coding {
                    system: "urn:kap:alert-rule".into(),
                    code: a.rule.clone(),
                    display: None,
                }],
                Some(&crate::say!(
                    lang,
                    "fhir-alarm-text",
                    priority = a.priority.word().say(lang),
                    id = a.id.to_string(),
                    headline = a.headline().say(lang)
                )),
            ),
            severity: severity(a.priority),
            patient: cx.subject.clone(),
            identified_date_time: iso(&a.raised_at),
            implicated,
            detail: history.join("\n"),
            mitigation,
        }));
    }
    out
}

/// What the record implies happened to alarm `a` up to `until`: its
/// limit and protocol action, when first seen, escalations, reminders and
/// back in range, alarm sound paused while it waited, raised in error,
/// withdrawn.
fn alarm_history(
    cx: &Cx,
    a: &crate::session::alerts::Alert,
    until: &crate::session::Moment,
) -> Vec<String> {
    let lang = cx.lang;
    let s = cx.s;
    let mut history: Vec<String> = vec![
        a.limit_detail().say(lang),
        crate::say!(lang, "fhir-protocol-action", action = a.action.clone()),
    ];
    if let Some(f) = &a.first_seen {
        history.push(crate::say!(lang, "fhir-first-seen", at = f.hhmm()));
    }
    for (at, what) in s.alarm_transitions(a, until) {
        history.push(format!("{} {}", at.hhmm(), what.text().say(lang)));
    }
    for e in s.log() {
        if let Event::AlarmAudioPaused { minutes, reason } = &e.event
            && e.at.since(&a.raised_at) >= 0
            && s.alarm_state(a, &e.at).waits()
        {
            history.push(crate::say!(
                lang,
                "fhir-sound-paused",
                at = e.at.hhmm(),
                minutes = *minutes,
                reason = reason.clone()
            ));
        }
    }
    if let Some(why) = &a.in_error {
        history.push(crate::say!(lang, "fhir-raised-in-error", why = why.clone()));
    }
    if let Some(w) = &a.withdrawn {
        history.push(crate::say!(
            lang,
            "fhir-withdrawn",
            at = w.at.hhmm(),
            entry = w.entry
        ));
    }
    history
}

/// Each acknowledgement of alarm `a`, in order, with the action typed and
/// who typed it.
fn mitigations(cx: &Cx, a: &crate::session::alerts::Alert) -> Vec<Mitigation> {
    let lang = cx.lang;
    let s = cx.s;
    // Acknowledgements in order, each with who made it.
    let by: Vec<Option<&str>> = s
        .log()
        .iter()
        .filter(|e| matches!(e.event, Event::AlertAcknowledged { alert, .. } if alert == a.id))
        .map(|e| e.stamp.by.as_deref())
        .collect();
    a.earlier_acks
        .iter()
        .chain(a.acknowledged.as_ref())
        .enumerate()
        .map(|(i, ack)| Mitigation {
            action: CodeableConcept::text(&match &ack.action {
                Some(x) => crate::say!(lang, "fhir-ack-action", action = x.clone()),
                None => crate::say!(lang, "fhir-ack-none"),
            }),
            date: iso(&ack.at),
            author: by.get(i).copied().flatten().map(|b| cx.practitioner(b)),
        })
        .collect()
}

/// When the patient was ready to leave: the latest time typed at a time
/// prompt of the discharge phase, on the day it was typed; none when it
/// is not a time after the session's start.
pub fn ready_to_leave(s: &crate::session::Session) -> Option<String> {
    let phase = s
        .protocol()
        .phases
        .iter()
        .find(|p| p.role == PhaseRole::Discharge)?;
    let e = s
        .prompts(phase)
        .filter(|p| p.kind == PromptKind::Time)
        .filter_map(|p| s.latest_value(&p.id))
        .max_by_key(|e| e.seq)?;
    let at = crate::protocol::values::time_on(&e.value, &e.at, &s.started_at)?;
    (at >= s.started_at.wall).then(|| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
}
