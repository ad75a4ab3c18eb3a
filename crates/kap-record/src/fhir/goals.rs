//! The course's goals as a session set them: one R4 `Goal` per goal, in
//! the session's own Bundle, `active`, linked to the patient (`subject`)
//! and to the session (kap's extension `urn:kap:encounter`, a reference
//! to the Encounter that also carries its kap identifier, which survives
//! the server's rewriting of the reference), with the clinician who
//! recorded them (`expressedBy`, the Practitioner of the rest of the
//! Bundle). Goals a later session sets are that session's own Goals: an
//! earlier session's are never changed (FHIR has no "replaced" status,
//! and a Goal exported by one session is that session's to keep); the
//! course's goals are those of its latest session that set any
//! (`push::server_read` reads them back).

use super::Cx;
use super::resources::Resource;
use super::types::*;
use crate::export::iso;
use crate::session::Event;
use serde::Serialize;

/// The session whose goals these are (`valueReference`: the Encounter,
/// with its kap resource identifier).
pub const ENCOUNTER_URL: &str = "urn:kap:encounter";
/// A goal's place in its session's list, from 1 (`valuePositiveInt`).
pub const ITEM_URL: &str = "urn:kap:goal-item";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// The language the goals were recorded in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub extension: Vec<Extension>,
    pub lifecycle_status: &'static str,
    /// The course's protocol (`urn:kap:protocol`).
    pub category: Vec<CodeableConcept>,
    pub description: CodeableConcept,
    pub subject: Reference,
    pub start_date: String,
    pub status_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expressed_by: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// The goals the session set, one Goal each; none when it set none (a
/// session that cleared the goals exports nothing).
pub(crate) fn goals(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let Some(list) = &s.goals else {
        return Vec::new();
    };
    // The entry that set them as they stand: the last GoalsSet.
    let Some(set) = s
        .log()
        .iter()
        .rev()
        .find(|e| matches!(e.event, Event::GoalsSet { .. }))
    else {
        return Vec::new();
    };
    let when = set.when();
    let date = iso(when).chars().take(10).collect::<String>();
    let by = cx.by(set.seq).map(|b| cx.practitioner(b));
    let encounter = Reference {
        identifier: Some(Identifier {
            system: crate::fhir_tx::RESOURCE_SYSTEM.into(),
            value: cx.rid("encounter"),
        }),
        ..cx.encounter()
    };
    let note = Annotation {
        author_reference: by.clone(),
        time: Some(iso(&set.at)),
        text: crate::say!(lang, "fhir-goal-set", session = s.start.session),
    };
    list.iter()
        .enumerate()
        .map(|(i, text)| {
            Resource::Goal(Box::new(Goal {
                id: cx.rid(&format!("goal-{}", i + 1)),
                meta: None,
                language: s.recorded_language().map(str::to_string),
                extension: vec![
                    Extension {
                        url: ENCOUNTER_URL.into(),
                        value: ExtensionValue::Reference(encounter.clone()),
                    },
                    Extension {
                        url: ITEM_URL.into(),
                        value: ExtensionValue::PositiveInt(u32::try_from(i + 1).unwrap_or(1)),
                    },
                ],
                lifecycle_status: "active",
                category: vec![super::course::protocol(cx)],
                description: CodeableConcept::text(text),
                subject: cx.subject.clone(),
                start_date: date.clone(),
                status_date: date.clone(),
                expressed_by: by.clone(),
                note: vec![note.clone()],
            }))
        })
        .collect()
}
