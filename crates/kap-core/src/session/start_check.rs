//! Whether a session's start entry agrees with its protocol's arithmetic.
//! The start screen works the dose out with `protocol::dose::plan`; a start
//! entry whose dose is not what that gives (a hand-edited journal, a bug)
//! is refused when a session is created and flagged when a record is read.

use super::SessionStart;
use crate::i18n::Phrase;
use crate::protocol::Protocol;
use crate::protocol::dose::{self, DoseError, DoseRequest};

/// Why the start's weight, mg/kg and dose do not fit the protocol, if they
/// do not.
pub fn dose_disagreement(protocol: &Protocol, start: &SessionStart) -> Option<Phrase> {
    let req = |mg_per_kg| DoseRequest {
        session: start.session,
        weight_kg: start.weight_kg,
        mg_per_kg,
    };
    let plan = match dose::plan(protocol, req(Some(start.mg_per_kg))) {
        Err(DoseError::FixedDose { .. } | DoseError::Stepped { .. }) => {
            dose::plan(protocol, req(None))
        }
        other => other,
    };
    let plan = match plan {
        Ok(p) => p,
        Err(e) => return Some(e.phrase()),
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
    if !start.dose_mg.is_finite() || !close(plan.dose_mg, start.dose_mg) {
        return Some(crate::phrase!(
            "ref-dose-disagrees",
            recorded = Phrase::Num(start.dose_mg),
            weight = Phrase::Num(start.weight_kg),
            per_kg = Phrase::Num(plan.mg_per_kg),
            dose = Phrase::Num(plan.dose_mg)
        ));
    }
    None
}

/// The start screen's four fields, as typed.
#[derive(Debug, Clone, Copy)]
pub struct StartFields<'a> {
    pub patient: &'a str,
    pub session: &'a str,
    pub weight_kg: &'a str,
    /// Empty for the protocol's default.
    pub mg_per_kg: &'a str,
    /// The clinicians present, `;` between them ("A. Martin, RN; Dr Silva").
    pub clinicians: &'a str,
}

/// The session start the typed fields ask for, with its dose worked out by
/// the protocol, or what is missing or wrong (a sentence for the screen).
/// A decimal comma is read as a point.
pub fn plan_start(
    protocol: &Protocol,
    fields: StartFields<'_>,
    rehearsal: bool,
) -> Result<(SessionStart, dose::DosePlan), Phrase> {
    let (patient, clinicians) = patient_and_clinicians(protocol, &fields)?;
    let n = protocol.course.sessions;
    let session: u32 = fields.session.trim().parse().map_err(|_| {
        if protocol.course.maintenance.is_some() {
            crate::phrase!("start-need-session-maintenance", sessions = n)
        } else {
            crate::phrase!("start-need-session", sessions = n)
        }
    })?;
    let weight: f64 = fields
        .weight_kg
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| crate::phrase!("start-need-weight"))?;
    let mgkg_text = fields.mg_per_kg.trim().replace(',', ".");
    let mg_per_kg = if mgkg_text.is_empty() {
        None
    } else {
        Some(
            mgkg_text
                .parse::<f64>()
                .map_err(|_| crate::phrase!("start-bad-mg-per-kg", text = mgkg_text.clone()))?,
        )
    };
    let plan = dose::plan(
        protocol,
        DoseRequest {
            session,
            weight_kg: weight,
            mg_per_kg,
        },
    )
    .map_err(|e| e.phrase())?;
    let start = SessionStart {
        patient,
        session,
        protocol_id: protocol.protocol.id.clone(),
        protocol_version: protocol.protocol.version.clone(),
        weight_kg: weight,
        mg_per_kg: plan.mg_per_kg,
        dose_mg: plan.dose_mg,
        rehearsal,
        schedule_note: None,
        course_note: None,
        ui: None,
        lang: None,
        visit: None,
        identity: None,
        clinicians,
    };
    Ok((start, plan))
}

/// The patient id and the clinicians the start fields name, or what is
/// wrong with them.
fn patient_and_clinicians(
    protocol: &Protocol,
    fields: &StartFields<'_>,
) -> Result<(String, Vec<String>), Phrase> {
    let patient = fields.patient.trim().to_string();
    if patient.is_empty() {
        return Err(crate::phrase!("start-need-patient"));
    }
    let clinicians: Vec<String> = fields
        .clinicians
        .split(';')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    if let Some(rule) = protocol
        .course
        .clinician_present
        .as_ref()
        .filter(|r| r.required)
        && clinicians.is_empty()
    {
        return Err(crate::phrase!(
            "start-need-clinician",
            source = rule.source.clone()
        ));
    }
    if clinicians.iter().any(|c| crate::text::has_control(c)) {
        return Err(crate::phrase!("start-clinician-control"));
    }
    Ok((patient, clinicians))
}

/// The start of a visit of `visit.kind` for the patient and clinicians of
/// `fields` (the session, weight and mg/kg fields are not read): no dose,
/// and `session` the course dose it leads to or follows. The clinician who
/// holds the visit is named first, and at least one is needed; the way it
/// is held must be one the protocol allows for the kind.
pub fn plan_visit(
    protocol: &Protocol,
    fields: StartFields<'_>,
    visit: super::event::VisitStart,
    session: u32,
    rehearsal: bool,
) -> Result<SessionStart, Phrase> {
    let Some(def) = protocol.visit(visit.kind) else {
        return Err(crate::phrase!(
            "ref-no-such-visit",
            kind = visit.kind.label(),
            protocol = protocol.protocol.id.clone()
        ));
    };
    if !def.contact.contains(&visit.contact) {
        return Err(crate::phrase!(
            "start-visit-contact",
            kind = visit.kind.label(),
            contact = visit.contact.label()
        ));
    }
    let (patient, clinicians) = patient_and_clinicians(protocol, &fields)?;
    if clinicians.is_empty() {
        return Err(crate::phrase!("start-need-visit-clinician"));
    }
    Ok(SessionStart {
        patient,
        session,
        protocol_id: protocol.protocol.id.clone(),
        protocol_version: protocol.protocol.version.clone(),
        weight_kg: 0.0,
        mg_per_kg: 0.0,
        dose_mg: 0.0,
        rehearsal,
        schedule_note: None,
        course_note: None,
        ui: None,
        lang: None,
        visit: Some(visit),
        identity: None,
        clinicians,
    })
}
