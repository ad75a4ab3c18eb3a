//! What puts a session in its patient's course on the server: the
//! Encounter's protocol (`type`), course session number and dose start
//! (extensions), and the `EpisodeOfCare` of the patient's course under the
//! protocol, the same one for every laptop (its id and identifier follow
//! the patient and the protocol alone; it is created only when none with
//! its identifier exists). `push::course` reads them back.

use super::Cx;
use super::resources::EpisodeOfCare;
use super::types::*;

/// The protocol's id, as the Encounter's and the EpisodeOfCare's `type`.
pub const PROTOCOL_SYSTEM: &str = "urn:kap:protocol";
/// The Encounter's course session number (`valuePositiveInt`).
pub const SESSION_URL: &str = "urn:kap:course-session";
/// When the dose began (`valueDateTime`): the session counts as held.
pub const DOSE_STARTED_URL: &str = "urn:kap:dose-started";
/// The identifier system of a course's EpisodeOfCare.
pub const COURSE_SYSTEM: &str = "urn:kap:course";

/// The course's identifier value: a name-based UUID of the patient's
/// identifier (system and value) and the protocol.
pub fn course_value(patient_system: &str, patient: &str, protocol_id: &str) -> String {
    super::resource_id(
        "",
        &format!("course\u{0}{patient_system}\u{0}{patient}\u{0}{protocol_id}"),
    )
}

/// The protocol as a CodeableConcept.
pub(crate) fn protocol(cx: &Cx) -> CodeableConcept {
    let start = &cx.s.start;
    let p = cx.s.protocol();
    CodeableConcept::coded(
        vec![Coding::new(
            PROTOCOL_SYSTEM,
            &start.protocol_id,
            &format!("{} {}", p.protocol.name, start.protocol_version),
        )],
        None,
    )
}

/// The course's EpisodeOfCare.
pub(crate) fn episode(cx: &Cx) -> EpisodeOfCare {
    let value = course_value(
        &cx.patient_system,
        &cx.s.start.patient,
        &cx.s.start.protocol_id,
    );
    EpisodeOfCare {
        id: value.clone(),
        meta: None,
        identifier: vec![Identifier {
            system: COURSE_SYSTEM.into(),
            value,
        }],
        status: "active",
        kind: vec![protocol(cx)],
        patient: cx.subject.clone(),
    }
}

/// A reference to the course's EpisodeOfCare.
pub(crate) fn episode_ref(cx: &Cx) -> Reference {
    let value = course_value(
        &cx.patient_system,
        &cx.s.start.patient,
        &cx.s.start.protocol_id,
    );
    Reference::to(&format!("urn:uuid:{value}"), None)
}

/// The Encounter's course extensions: its session number, and when the
/// dose began.
pub(crate) fn extensions(cx: &Cx) -> Vec<Extension> {
    let s = cx.s;
    let number = (s.start.session > 0).then(|| Extension {
        url: SESSION_URL.into(),
        value: ExtensionValue::PositiveInt(s.start.session),
    });
    let dose = s.dosing.started.as_ref().map(|m| Extension {
        url: DOSE_STARTED_URL.into(),
        value: ExtensionValue::DateTime(super::iso(m)),
    });
    number.into_iter().chain(dose).collect()
}
