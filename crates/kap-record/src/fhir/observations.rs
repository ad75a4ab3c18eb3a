//! Observations: vital signs (with the R4 vital-signs profiles declared),
//! typed prompt values, free-text answers, notes and addenda.

use super::resources::{Component, Observation, Resource, Value};
use super::types::*;
use super::{Cx, KAP_ENTRY, LOINC};
use crate::export::iso;
use crate::protocol::{Metric, Prompt, PromptKind};
use crate::session::timeline::Status;
use crate::session::{Event, Moment};

const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const PROFILE: &str = "http://hl7.org/fhir/StructureDefinition/";

pub(super) fn category(code: &str, display: &str) -> Vec<CodeableConcept> {
    vec![CodeableConcept::coded(
        vec![Coding::new(CATEGORY, code, display)],
        None,
    )]
}

/// An Observation with what every one carries; the rest is filled in by
/// the caller.
pub(super) fn observation(
    cx: &Cx,
    id: String,
    code: CodeableConcept,
    at: &Moment,
    seq: u64,
) -> Observation {
    Observation {
        id,
        meta: None,
        status: "final",
        category: Vec::new(),
        code,
        subject: cx.subject.clone(),
        encounter: Some(cx.encounter()),
        effective_date_time: iso(at),
        issued: None,
        performer: cx.performer(seq),
        value: None,
        interpretation: Vec::new(),
        note: Vec::new(),
        component: Vec::new(),
        derived_from: Vec::new(),
    }
}

/// Mark an observation from a corrected entry: marked in error (kept, with
/// why), or standing in for the entry it replaced (`amended`, with what
/// that entry said).
pub(super) fn corrected(cx: &Cx, obs: &mut Observation, seq: u64, status: &Status) {
    let lang = cx.lang;
    match status {
        // An answer written again is exported as it stands (one
        // Observation per prompt), so an earlier version never is.
        Status::Current | Status::Superseded(_) => {}
        Status::InError(why) | Status::Replaced(why, _) => {
            obs.status = "entered-in-error";
            obs.note.push(Annotation::text(format!(
                "{} ({})",
                why.say(lang),
                status.code().replace('-', " ")
            )));
        }
    }
    if let Some((orig, c)) =
        cx.s.corrections
            .iter()
            .find(|(_, c)| c.replaced && c.seq == seq)
        && matches!(status, Status::Current)
    {
        obs.status = "amended";
        let was =
            cx.s.entry(*orig)
                .map(|e| {
                    crate::session::timeline::describe(cx.s, &e.event, None)
                        .1
                        .say(lang)
                })
                .unwrap_or_default();
        obs.note.push(Annotation::at(
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

fn interpretation(cx: &Cx, m: Metric, v: u16) -> Vec<CodeableConcept> {
    let Some(code) = cx.s.interpretation(m, v) else {
        return Vec::new();
    };
    let display = match code {
        "HH" => "Critical high",
        "H" => "High",
        "LL" => "Critical low",
        _ => "Low",
    };
    vec![CodeableConcept::coded(
        vec![Coding::new(
            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
            code,
            display,
        )],
        None,
    )]
}

fn loinc(codes: &[(&str, &str)], text: Option<&str>) -> CodeableConcept {
    CodeableConcept::coded(
        codes
            .iter()
            .map(|(c, d)| Coding::new(LOINC, c, d))
            .collect(),
        text,
    )
}

/// One vitals set's Observations (every reading ever entered is one,
/// corrected ones kept, marked): blood pressure, heart rate, SpO₂, each
/// declaring the R4 vital-signs profile and the specific one (`bp`,
/// `heartrate`, `oxygensat`).
pub fn vital_set(cx: &Cx, e: &crate::session::timeline::VitalsRow) -> Vec<Resource> {
    let lang = cx.lang;
    let mut out = Vec::new();
    {
        let r = &e.reading;
        let vital = |local: String, profile: &str, code: CodeableConcept| {
            let mut o = observation(cx, cx.rid(&local), code, &e.at, e.seq);
            o.meta = Some(Meta {
                profile: vec![
                    format!("{PROFILE}vitalsigns"),
                    format!("{PROFILE}{profile}"),
                ],
                ..Meta::default()
            });
            o.category = category("vital-signs", "Vital Signs");
            if e.recorded != e.at {
                o.issued = Some(iso(&e.recorded));
            }
            corrected(cx, &mut o, e.seq, &e.status);
            if let Some(m) = &e.source {
                // Acquired by the bedside monitor, confirmed by the
                // clinician who made the entry (the performer).
                o.note.push(Annotation::text(crate::say!(
                    lang,
                    "fhir-monitor-note",
                    source = crate::session::monitor::source_text(m)
                )));
            }
            o
        };
        let mmhg = |v: u16| Some(Value::Quantity(Quantity::ucum(v.into(), "mmHg", "mm[Hg]")));
        if let (Some(sys), Some(dia)) = (r.systolic, r.diastolic) {
            let mut o = vital(
                format!("bp-{}", e.seq),
                "bp",
                loinc(
                    &[("85354-9", "Blood pressure panel with all children optional")],
                    Some(&crate::say!(lang, "fhir-text-bp")),
                ),
            );
            o.component = vec![
                Component {
                    code: loinc(&[("8480-6", "Systolic blood pressure")], None),
                    value: mmhg(sys),
                    interpretation: interpretation(cx, Metric::Systolic, sys),
                },
                Component {
                    code: loinc(&[("8462-4", "Diastolic blood pressure")], None),
                    value: mmhg(dia),
                    interpretation: interpretation(cx, Metric::Diastolic, dia),
                },
            ];
            out.push(Resource::Observation(Box::new(o)));
        }
        if let Some(hr) = r.hr {
            let mut o = vital(
                format!("hr-{}", e.seq),
                "heartrate",
                loinc(
                    &[("8867-4", "Heart rate")],
                    Some(&crate::say!(lang, "fhir-text-hr")),
                ),
            );
            o.value = Some(Value::Quantity(Quantity::ucum(
                hr.into(),
                "beats/minute",
                "/min",
            )));
            o.interpretation = interpretation(cx, Metric::Hr, hr);
            out.push(Resource::Observation(Box::new(o)));
        }
        if let Some(sp) = r.spo2 {
            let mut o = vital(
                format!("spo2-{}", e.seq),
                "oxygensat",
                loinc(
                    &[
                        (
                            "59408-5",
                            "Oxygen saturation in Arterial blood by Pulse oximetry",
                        ),
                        ("2708-6", "Oxygen saturation in Arterial blood"),
                    ],
                    Some(&crate::say!(lang, "fhir-text-spo2")),
                ),
            );
            o.value = Some(Value::Quantity(Quantity::ucum(sp.into(), "%", "%")));
            o.interpretation = interpretation(cx, Metric::Spo2, sp);
            out.push(Resource::Observation(Box::new(o)));
        }
    }
    out
}

/// A prompt's code: the protocol's when it gives one, its text otherwise.
fn prompt_code(p: &Prompt) -> CodeableConcept {
    match &p.code {
        Some(c) => CodeableConcept::coded(
            vec![Coding::new(&c.system, &c.code, &c.display)],
            Some(&p.text),
        ),
        None => CodeableConcept::text(&p.text),
    }
}

/// A choice as a concept: its standard code where the protocol gives one,
/// with the words recorded as its text.
fn choice_concept(p: &Prompt, choice: &str) -> CodeableConcept {
    match p.choice_code(choice) {
        Some(c) => CodeableConcept::coded(
            vec![Coding::new(&c.system, &c.code, &c.display)],
            Some(choice),
        ),
        None => CodeableConcept::text(choice),
    }
}

/// The `value[x]` (and components) of a typed prompt value.
fn typed_value(p: &Prompt, v: &crate::protocol::values::Value) -> (Option<Value>, Vec<Component>) {
    use crate::protocol::values::{Value as V, score};
    let value = match v {
        V::YesNo(b) => Value::Boolean(*b),
        V::Choice(c) => Value::CodeableConcept(choice_concept(p, c)),
        V::MultiChoice(cs) if cs.is_empty() => Value::String("none".into()),
        // Each choice made, coded where the protocol gives its code, as a
        // component present (true); the words stay the value.
        V::MultiChoice(cs) if !p.choice_codes.is_empty() => {
            let made = cs
                .iter()
                .map(|c| Component {
                    code: choice_concept(p, c),
                    value: Some(Value::Boolean(true)),
                    interpretation: Vec::new(),
                })
                .collect();
            return (Some(Value::String(cs.join("; "))), made);
        }
        V::MultiChoice(cs) => Value::String(cs.join("; ")),
        V::Number(x) => Value::Quantity(Quantity::with_unit(decimal(*x), p.unit.as_deref())),
        V::Time(t) => Value::Time(format!("{t}:00")),
        V::Scale(n) => Value::Integer((*n).into()),
        V::Items(map) => {
            let texts = p.scale.as_ref().map(|s| &s.items);
            let components = map
                .iter()
                .map(|(id, n)| Component {
                    code: CodeableConcept::text(
                        &texts
                            .and_then(|items| items.iter().find(|i| &i.id == id))
                            .map_or(id.clone(), |i| i.text.clone()),
                    ),
                    value: Some(Value::Integer((*n).into())),
                    interpretation: Vec::new(),
                })
                .collect();
            let total = score(p, v).map(|sc| {
                Value::Quantity(Quantity {
                    value: Some(decimal(sc)),
                    unit: Some("score".into()),
                    ..Quantity::default()
                })
            });
            return (total, components);
        }
    };
    (Some(value), Vec::new())
}

fn survey(cx: &Cx, p: &Prompt, seq: u64, at: &Moment, entered: Option<&Moment>) -> Observation {
    let mut o = observation(
        cx,
        cx.rid(&format!("{}-{seq}", p.id)),
        prompt_code(p),
        at,
        seq,
    );
    o.category = category("survey", "Survey");
    o.issued = entered.map(iso);
    o
}

/// Typed prompt values, every entry kept (timed measures repeat).
pub fn typed_values(cx: &Cx) -> Vec<Resource> {
    let s = cx.s;
    let mut out = Vec::new();
    for ph in &s.protocol().phases {
        for p in s.prompts(ph) {
            for e in s.values.get(&p.id).into_iter().flatten() {
                let mut o = survey(cx, p, e.seq, &e.at, None);
                (o.value, o.component) = typed_value(p, &e.value);
                out.push(Resource::Observation(Box::new(o)));
            }
        }
    }
    out
}

/// Free-text answers as they stand (an answer edited later is exported as
/// last written; a cleared one not at all).
pub fn answers(cx: &Cx) -> Vec<Resource> {
    let s = cx.s;
    let mut out = Vec::new();
    for ph in &s.protocol().phases {
        for p in s.prompts(ph).filter(|p| p.kind == PromptKind::Text) {
            let Some(a) = s.answers.get(&p.id).filter(|a| !a.text.trim().is_empty()) else {
                continue;
            };
            let mut o = survey(cx, p, a.seq, &a.at, a.entered.as_ref());
            o.value = Some(Value::String(a.text.clone()));
            out.push(Resource::Observation(Box::new(o)));
        }
    }
    out
}

pub(super) fn kap_code(code: &str, display: &str) -> CodeableConcept {
    CodeableConcept::coded(vec![Coding::new(KAP_ENTRY, code, display)], Some(display))
}

/// The note (its tags as categories), check-in note or withdrawal of
/// consent an entry records, if it records one: an Observation with the
/// text as its value; a note marked in error is kept, marked, and a
/// replacement is `amended`.
pub fn note(cx: &Cx, e: &crate::session::Entry) -> Option<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    {
        // A replacement stands for the moment of what it replaced.
        let (ev, at) = match &e.event {
            Event::Corrected {
                with: Some(w),
                entry,
                ..
            } => (w.as_ref(), s.entry(*entry).map_or(e.when(), |o| o.when())),
            ev => (ev, e.when()),
        };
        let outside = match ev {
            Event::Note {
                outside: Some(why), ..
            } => Some(why),
            _ => None,
        };
        let evidence;
        let (code, text, tags) = match ev {
            Event::Note { text, tags, .. } => {
                (kap_code("note", "Session note"), text, tags.as_slice())
            }
            // What a tick rests on (`evidence_visit`): the visit's record,
            // or that none was recorded in kap.
            Event::Ticked {
                checked: true,
                evidence: Some(e),
                ..
            } => {
                evidence = crate::session::evidence::record_words(e).say(lang);
                (
                    kap_code("evidence", "Evidence a tick rests on"),
                    &evidence,
                    &[][..],
                )
            }
            Event::CheckedIn { note: Some(n) } => {
                (kap_code("check-in", "No-music check-in"), n, &[][..])
            }
            Event::ConsentWithdrawn { reason } => (
                kap_code("consent-withdrawn", "Consent withdrawn"),
                reason,
                &[][..],
            ),
            _ => return None,
        };
        let mut o = observation(cx, cx.rid(&format!("note-{}", e.seq)), code, at, e.seq);
        o.category = tags.iter().map(|t| CodeableConcept::text(t)).collect();
        if !text.trim().is_empty() {
            o.value = Some(Value::String(text.clone()));
        }
        if let Some(why) = outside {
            o.note
                .push(Annotation::text(format!("outside the agreement: {why}")));
        }
        if e.is_late() {
            o.issued = Some(iso(&e.at));
        }
        let status = crate::session::timeline::status_of(s, e.seq);
        corrected(cx, &mut o, e.seq, &status);
        Some(Resource::Observation(Box::new(o)))
    }
}

/// Additions after closing and signing: the text as the value, why as a
/// note, when and by whom.
pub fn addenda(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    cx.s.addenda
        .iter()
        .map(|a| {
            let mut o = observation(
                cx,
                cx.rid(&format!("addendum-{}", a.seq)),
                kap_code("addendum", "Addendum after signature"),
                &a.at,
                a.seq,
            );
            o.issued = Some(iso(&a.at));
            o.performer =
                a.by.as_deref()
                    .map(|b| cx.practitioner(b))
                    .into_iter()
                    .collect();
            o.value = Some(Value::String(a.text.clone()));
            o.note.push(Annotation::text(crate::say!(
                lang,
                "fhir-why",
                reason = a.reason.clone()
            )));
            Resource::Observation(Box::new(o))
        })
        .collect()
}
