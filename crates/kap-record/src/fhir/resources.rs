//! The FHIR R4 resources kap exports, as typed structs. `Resource` writes
//! its `resourceType` from the variant's name.

use super::types::*;
use serde::Serialize;
use serde_json::Number;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    Patient(Patient),
    Practitioner(Practitioner),
    Encounter(Encounter),
    EpisodeOfCare(EpisodeOfCare),
    Observation(Box<Observation>),
    QuestionnaireResponse(Box<QuestionnaireResponse>),
    MedicationAdministration(Box<MedicationAdministration>),
    Medication(Medication),
    Consent(Consent),
    DetectedIssue(DetectedIssue),
    OperationOutcome(OperationOutcome),
    Provenance(Box<Provenance>),
    CarePlan(Box<CarePlan>),
    DocumentReference(Box<DocumentReference>),
    Goal(Box<super::goals::Goal>),
}

impl Resource {
    pub fn id(&self) -> &str {
        match self {
            Resource::Patient(r) => &r.id,
            Resource::Practitioner(r) => &r.id,
            Resource::Encounter(r) => &r.id,
            Resource::EpisodeOfCare(r) => &r.id,
            Resource::Observation(r) => &r.id,
            Resource::QuestionnaireResponse(r) => &r.id,
            Resource::MedicationAdministration(r) => &r.id,
            Resource::Medication(r) => &r.id,
            Resource::Consent(r) => &r.id,
            Resource::DetectedIssue(r) => &r.id,
            Resource::OperationOutcome(r) => &r.id,
            Resource::Provenance(r) => &r.id,
            Resource::CarePlan(r) => &r.id,
            Resource::DocumentReference(r) => &r.id,
            Resource::Goal(r) => &r.id,
        }
    }

    pub fn meta_mut(&mut self) -> &mut Option<Meta> {
        match self {
            Resource::Patient(r) => &mut r.meta,
            Resource::Practitioner(r) => &mut r.meta,
            Resource::Encounter(r) => &mut r.meta,
            Resource::EpisodeOfCare(r) => &mut r.meta,
            Resource::Observation(r) => &mut r.meta,
            Resource::QuestionnaireResponse(r) => &mut r.meta,
            Resource::MedicationAdministration(r) => &mut r.meta,
            Resource::Medication(r) => &mut r.meta,
            Resource::Consent(r) => &mut r.meta,
            Resource::DetectedIssue(r) => &mut r.meta,
            Resource::OperationOutcome(r) => &mut r.meta,
            Resource::Provenance(r) => &mut r.meta,
            Resource::CarePlan(r) => &mut r.meta,
            Resource::DocumentReference(r) => &mut r.meta,
            Resource::Goal(r) => &mut r.meta,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Patient {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub identifier: Vec<Identifier>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Practitioner {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// From the site's directory (`clinicians.toml`), when the clinician
    /// is in it: the same Practitioner in every session.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    pub name: Vec<HumanName>,
}

/// A patient's course under one protocol: one for every laptop's
/// sessions of it, found by its identifier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EpisodeOfCare {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub identifier: Vec<Identifier>,
    pub status: &'static str,
    #[serde(rename = "type")]
    pub kind: Vec<CodeableConcept>,
    pub patient: Reference,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Encounter {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Why a session was ended early (R4 has no `statusReason` on
    /// Encounter): HL7's `encounter-reasonCancelled` on a cancelled one,
    /// kap's `urn:kap:ended-early` on one whose dose had begun; then the
    /// course extensions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    pub status: &'static str,
    pub class: Coding,
    /// The protocol the session followed (`urn:kap:protocol`), and a
    /// visit's kind (`urn:kap:visit-kind`) when the record is a visit.
    #[serde(rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<CodeableConcept>,
    pub subject: Reference,
    /// The patient's course under the protocol.
    #[serde(rename = "episodeOfCare", skip_serializing_if = "Vec::is_empty")]
    pub episode_of_care: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participant: Vec<Participant>,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// The clinician who held a visit: its primary performer.
    #[serde(rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<CodeableConcept>,
    pub individual: Reference,
}

/// An Observation's `value[x]`: one of them, or none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Value {
    #[serde(rename = "valueQuantity")]
    Quantity(Quantity),
    #[serde(rename = "valueCodeableConcept")]
    CodeableConcept(CodeableConcept),
    #[serde(rename = "valueString")]
    String(String),
    #[serde(rename = "valueBoolean")]
    Boolean(bool),
    #[serde(rename = "valueInteger")]
    Integer(Number),
    #[serde(rename = "valueTime")]
    Time(String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub code: CodeableConcept,
    #[serde(flatten)]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<CodeableConcept>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    pub code: CodeableConcept,
    pub subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<Reference>,
    pub effective_date_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub performer: Vec<Reference>,
    #[serde(flatten)]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub component: Vec<Component>,
    /// What the value was worked out from (an outcome measure's total:
    /// its QuestionnaireResponse).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived_from: Vec<Reference>,
}

/// An outcome measure's answers, item by item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// The instrument, as `urn:kap:instrument:ID|VERSION`.
    pub questionnaire: String,
    pub status: &'static str,
    pub subject: Reference,
    pub encounter: Reference,
    pub authored: String,
    /// The clinician who gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Reference>,
    /// Who answered: the patient, on the self-report screen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Reference>,
    pub item: Vec<ResponseItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    pub link_id: String,
    pub text: String,
    pub answer: Vec<ResponseAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseAnswer {
    pub value_integer: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<CodeableConcept>,
    pub dose: Quantity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_quantity: Option<Quantity>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performer {
    pub actor: Reference,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationAdministration {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contained: Vec<Resource>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status_reason: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medication_reference: Option<Reference>,
    pub subject: Reference,
    pub context: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_period: Option<Period>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub performer: Vec<Performer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reason_code: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    pub dosage: Dosage,
}

/// The ketamine given, contained in its MedicationAdministration: its
/// strength (the protocol's concentration) and the lot typed, when known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Medication {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub code: CodeableConcept,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ingredient: Vec<Ingredient>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<Batch>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingredient {
    pub item_codeable_concept: CodeableConcept,
    pub strength: Ratio,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    pub lot_number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub status: &'static str,
    pub scope: CodeableConcept,
    pub category: Vec<CodeableConcept>,
    pub patient: Reference,
    pub date_time: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub performer: Vec<Reference>,
    pub policy_rule: CodeableConcept,
    pub provision: Provision,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provision {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DetectedIssue {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub status: &'static str,
    pub code: CodeableConcept,
    pub severity: &'static str,
    pub patient: Reference,
    pub identified_date_time: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implicated: Vec<Reference>,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mitigation: Vec<Mitigation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mitigation {
    pub action: CodeableConcept,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Reference>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperationOutcome {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub issue: Vec<Issue>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub severity: &'static str,
    pub code: &'static str,
    pub diagnostics: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bundle {
    #[serde(rename = "resourceType")]
    pub resource_type: &'static str,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub timestamp: String,
    pub entry: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub full_url: String,
    pub resource: Resource,
}

impl Bundle {
    /// The Bundle as JSON (keys in order, as the exports write them).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// Who attested the record, and when (the signature, a co-signature).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub target: Vec<Reference>,
    pub recorded: String,
    pub activity: CodeableConcept,
    pub agent: Vec<ProvenanceAgent>,
    /// What the targets were made from (the sealed journal).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entity: Vec<ProvenanceEntity>,
}

/// An entity the activity used: `role` is R4's `provenance-entity-role`
/// code (`source`: an input to what produced the target).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvenanceEntity {
    pub role: &'static str,
    pub what: Reference,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvenanceAgent {
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    pub who: Reference,
}

/// A plan of what the patient and team will do: the safety plan, one
/// activity per element written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CarePlan {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub status: &'static str,
    pub intent: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    pub title: String,
    pub subject: Reference,
    pub encounter: Reference,
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supporting_info: Vec<Reference>,
    pub activity: Vec<Activity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// Earlier versions of the element, each with when it was written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Annotation>,
    pub detail: ActivityDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityDetail {
    pub code: CodeableConcept,
    pub status: &'static str,
    pub description: String,
}

/// A document: the signed note (the HTML summary as signed), or an
/// addendum that `appends` it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentReference {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub status: &'static str,
    pub doc_status: &'static str,
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    pub subject: Reference,
    pub date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authenticator: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relates_to: Vec<RelatesTo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub content: Vec<DocumentContent>,
    pub context: DocumentContext,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatesTo {
    pub code: &'static str,
    pub target: Reference,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentContent {
    pub attachment: Attachment,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub content_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The document's bytes, base64.
    pub data: String,
    pub title: String,
    pub creation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentContext {
    pub encounter: Vec<Reference>,
}
