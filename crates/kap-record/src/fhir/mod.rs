//! The FHIR R4 export of one session, built from typed structs: a
//! `collection` Bundle of the Patient (a pseudonym), the Practitioners,
//! the Encounter, vital-sign and other Observations (typed values, free
//! text answers, notes, addenda), the MedicationAdministration, the
//! Consent, one DetectedIssue per alarm, a Goal per goal the session set, a Provenance for the signature
//! and each co-signature, and an OperationOutcome when the journal did not
//! verify. `fhir_tx` makes it a transaction.

mod care;
pub mod course;
mod device_alarms;
mod documents;
mod ended;
pub mod goals;
mod observations;
mod outcomes;
mod rescue;
pub mod resources;
mod risk;
mod signing;
pub mod types;

use super::export::{Integrity, iso, read_at};
use crate::session::{Moment, Session};
use resources::*;
use std::rc::Rc;
use types::*;

/// The identifier system of kap's pseudonymous patient ids. A site that
/// keeps its own namespace maps it on import (see docs/exports.md).
pub const PSEUDONYM_SYSTEM: &str = "urn:kap:pseudonym";
/// The same for rehearsals: a simulated patient never merges with a real
/// one on import.
pub const REHEARSAL_PSEUDONYM_SYSTEM: &str = "urn:kap:rehearsal-pseudonym";

pub(crate) const LOINC: &str = "http://loinc.org";
pub(crate) const SNOMED: &str = "http://snomed.info/sct";
pub(crate) const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";
/// HL7's extension for why an Encounter was cancelled (R4 core).
pub const REASON_CANCELLED: &str =
    "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled";
/// kap's extension for why a session that had begun (its dose started)
/// was ended early: R4's Encounter has no element for it, and HL7's
/// `encounter-reasonCancelled` applies only to a `cancelled` one.
pub const ENDED_EARLY: &str = "urn:kap:ended-early";
/// kap's own codes for what it records that no standard code names (a
/// session note, an addendum).
pub(crate) const KAP_ENTRY: &str = "urn:kap:entry";
/// A visit's kind (`assessment`, `preparation`, …) as an Encounter type.
pub const VISIT_KIND: &str = "urn:kap:visit-kind";
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const PARTICIPATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

/// What the site's server and directory say about a session's people,
/// found at the edge before the Bundle is made (`push`).
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// The clinic's own Patient, found on its server by the clinic's
    /// number (`Patient/ID`): referred to, never sent.
    pub patient: Option<String>,
    /// Each clinician's identifier in the site's directory, by the name
    /// the record gives them ("A. Martin, RN").
    pub clinicians: std::collections::BTreeMap<String, Identifier>,
}

/// What every part of the builder needs: the session, how to name a
/// resource, and the references every resource makes.
pub(crate) struct Cx<'a> {
    pub s: &'a Session,
    /// What resource ids are made from ([`record_key`]).
    record_id: String,
    /// The moment the record is read at (see `export::read_at`).
    pub now: Moment,
    pub subject: Reference,
    /// The identifier system of the patient id.
    pub patient_system: String,
    site: Site,
    /// The language the record's words are written in.
    pub lang: crate::i18n::Lang,
}

impl Cx<'_> {
    /// A resource's id within this record.
    pub fn rid(&self, local: &str) -> String {
        resource_id(&self.record_id, local)
    }

    pub fn urn(&self, local: &str) -> String {
        format!("urn:uuid:{}", self.rid(local))
    }

    pub fn encounter(&self) -> Reference {
        Reference::to(&self.urn("encounter"), None)
    }

    pub fn practitioner(&self, name: &str) -> Reference {
        Reference::to(
            &format!("urn:uuid:{}", self.practitioner_id(name)),
            Some(name),
        )
    }

    /// A clinician's Practitioner id: from their directory identifier
    /// (the same in every record), else from the record and the name.
    fn practitioner_id(&self, name: &str) -> String {
        match self.site.clinicians.get(name) {
            Some(i) => resource_id(
                "",
                &format!("practitioner\u{0}{}\u{0}{}", i.system, i.value),
            ),
            None => self.rid(&format!("practitioner\u{0}{name}")),
        }
    }

    /// Who made journal entry `seq`, as a performer.
    pub fn performer(&self, seq: u64) -> Vec<Reference> {
        self.by(seq)
            .map(|b| self.practitioner(b))
            .into_iter()
            .collect()
    }

    pub fn by(&self, seq: u64) -> Option<&str> {
        self.s.entry(seq).and_then(|e| e.stamp.by.as_deref())
    }
}

/// A resource's id: a UUID (version 8, name-based) from the record's id and
/// what the resource is within it (`bp-14`: the BP of journal entry 14), so
/// every export of a record gives each resource the same id, ids never
/// collide between records, and none is ever cut short.
pub fn resource_id(record_id: &str, local: &str) -> String {
    let hash = super::verify::sha256_hex(format!("kap\u{0}{record_id}\u{0}{local}").as_bytes());
    let mut b: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(hash.get(2 * i..2 * i + 2).unwrap_or("00"), 16).unwrap_or(0))
        .collect();
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// The security label FHIR defines for test data: on every resource of a
/// rehearsal.
fn htest() -> Coding {
    Coding::new(
        "http://terminology.hl7.org/CodeSystem/v3-ActReason",
        "HTEST",
        "test health data",
    )
}

/// The Bundle (type `collection`) for the session. `record_id` names the
/// session folder and makes resource ids stable.
pub fn bundle(
    s: &Session,
    record_id: &str,
    now: &Moment,
    integrity: &Integrity,
    lang: crate::i18n::Lang,
) -> Bundle {
    let lazy = stream(s, record_id, now, integrity, lang);
    Bundle {
        entry: lazy.entries.collect(),
        ..lazy.head
    }
}

/// The Bundle's own members, and its entries made one at a time as they
/// are taken: an export writes each and drops it, so memory never holds
/// every resource of a long record at once (`fhir_out`).
pub struct Lazy<'a> {
    /// The Bundle with no entries.
    pub head: Bundle,
    pub entries: Box<dyn Iterator<Item = Entry> + 'a>,
}

/// The session's Bundle as [`Lazy`]: the same entries, in the same order,
/// as [`bundle`].
pub fn stream<'a>(
    s: &'a Session,
    record_id: &'a str,
    now: &Moment,
    integrity: &Integrity,
    lang: crate::i18n::Lang,
) -> Lazy<'a> {
    stream_for(s, record_id, now, integrity, Site::default(), lang)
}

/// The identifier system of a session's patient id: the one recorded at
/// its start, else kap's own pseudonyms (a rehearsal's are never the same
/// patient as a real one).
pub fn patient_system(s: &Session) -> &str {
    match (&s.start.identity, s.start.rehearsal) {
        (_, true) => REHEARSAL_PSEUDONYM_SYSTEM,
        (Some(i), false) => &i.system,
        (None, false) => PSEUDONYM_SYSTEM,
    }
}

/// What a record's resource ids are made from: its id (its folder's
/// name), and the site's identifier system when its start recorded one —
/// two sites' folders of the same name (one pseudonym, one minute) are two
/// records.
pub fn record_key(start: &crate::session::SessionStart, record_id: &str) -> String {
    match &start.identity {
        Some(i) if !start.rehearsal => format!("{}\u{0}{record_id}", i.system),
        _ => record_id.to_string(),
    }
}

/// [`stream`], with what the site's server and directory say (`site`).
pub fn stream_for<'a>(
    s: &'a Session,
    record_id: &'a str,
    now: &Moment,
    integrity: &Integrity,
    site: Site,
    lang: crate::i18n::Lang,
) -> Lazy<'a> {
    let now = read_at(s, now);
    // The patient's id follows the pseudonym alone: every session of one
    // patient refers to the same Patient.
    let system = patient_system(s).to_string();
    let patient_id = resource_id("", &format!("patient\u{0}{system}\u{0}{}", s.start.patient));
    let clinic_patient = site.patient.clone();
    let subject = clinic_patient
        .clone()
        .unwrap_or_else(|| format!("urn:uuid:{patient_id}"));
    let cx = Cx {
        s,
        record_id: record_key(&s.start, record_id),
        now,
        subject: Reference::to(
            &subject,
            Some(&crate::say!(
                lang,
                "fhir-patient",
                patient = s.start.patient.clone()
            )),
        ),
        patient_system: system.clone(),
        site,
        lang,
    };
    let mut first = people(&cx, patient_id, clinic_patient.is_none());
    if !s.start.rehearsal {
        first.push(Resource::EpisodeOfCare(course::episode(&cx)));
    }
    first.push(Resource::Encounter(encounter(&cx)));
    let sealed = integrity.seal.as_ref().map(|sl| signing::seal(&cx, sl));
    let last = (!integrity.is_clean()).then(|| {
        Resource::OperationOutcome(integrity_outcome(cx.rid("integrity"), integrity, lang))
    });
    let head = Bundle {
        resource_type: "Bundle",
        id: cx.rid("bundle"),
        meta: s.start.rehearsal.then(|| Meta {
            security: vec![htest()],
            tag: vec![Coding::new(
                "urn:kap:record-kind",
                "rehearsal",
                crate::say!(lang, "sum-rehearsal-banner").trim_end_matches('.'),
            )],
            ..Meta::default()
        }),
        kind: "collection",
        timestamp: iso(s.closed.as_ref().map_or(&cx.now, |c| &c.at)),
        entry: Vec::new(),
    };
    let cx = Rc::new(cx);
    let rehearsal = s.start.rehearsal;
    let resources = first
        .into_iter()
        .chain(later(&cx))
        .chain(sealed)
        .chain(last)
        .map(move |mut r| {
            if rehearsal {
                r.meta_mut().get_or_insert_with(Meta::default).security = vec![htest()];
            }
            Entry {
                full_url: format!("urn:uuid:{}", r.id()),
                resource: r,
            }
        });
    Lazy {
        head,
        entries: Box::new(resources),
    }
}

/// The Patient (unless the clinic's own is referred to) and the
/// Practitioners.
fn people(cx: &Cx, patient_id: String, send_patient: bool) -> Vec<Resource> {
    let s = cx.s;
    // The Patient: the pseudonym as an identifier, nothing else about the
    // person. The clinic's own Patient is referred to, never sent.
    let mut first: Vec<Resource> = send_patient
        .then(|| {
            Resource::Patient(Patient {
                id: patient_id,
                meta: None,
                identifier: vec![Identifier {
                    system: cx.patient_system.clone(),
                    value: s.start.patient.clone(),
                }],
            })
        })
        .into_iter()
        .collect();
    // The clinicians named at the start, then any other author of an
    // entry (an addendum written later): a name and role as typed, with
    // the directory's identifier when the site has one for them.
    let mut names: Vec<&str> = s
        .start
        .clinicians
        .iter()
        .rev()
        .map(String::as_str)
        .collect();
    for by in s.log().iter().filter_map(|e| e.stamp.by.as_deref()) {
        if !names.contains(&by) {
            names.push(by);
        }
    }
    for c in names {
        first.push(Resource::Practitioner(Practitioner {
            id: cx.practitioner_id(c),
            meta: None,
            identifier: cx.site.clinicians.get(c).cloned().into_iter().collect(),
            name: vec![HumanName {
                text: c.to_string(),
            }],
        }));
    }
    first
}

/// Everything after the Encounter, each part made only when the one
/// before it is written: vitals sets and notes one by one, the rest (a
/// few resources each) a part at a time.
fn later<'a>(cx: &Rc<Cx<'a>>) -> impl Iterator<Item = Resource> + 'a {
    fn part<'a, I: IntoIterator<Item = Resource>>(
        cx: &Rc<Cx<'a>>,
        f: impl FnOnce(&Cx<'a>) -> I + 'a,
    ) -> impl Iterator<Item = Resource> + 'a {
        let cx = Rc::clone(cx);
        std::iter::once_with(move || f(&cx)).flatten()
    }
    let s = cx.s;
    let (c1, c2) = (Rc::clone(cx), Rc::clone(cx));
    let vitals = std::iter::once_with(move || crate::session::timeline::vitals_rows(s))
        .flatten()
        .flat_map(move |e| observations::vital_set(&c1, &e));
    let notes = s
        .log()
        .iter()
        .filter_map(move |e| observations::note(&c2, e));
    vitals
        .chain(part(cx, |c| observations::typed_values(c)))
        .chain(part(cx, |c| observations::answers(c)))
        .chain(notes)
        .chain(part(cx, |c| observations::addenda(c)))
        .chain(part(cx, |c| outcomes::outcomes(c)))
        .chain(part(cx, |c| goals::goals(c)))
        .chain(part(cx, |c| care::medication_administration(c)))
        .chain(part(cx, |c| rescue::rescue_doses(c)))
        .chain(part(cx, |c| ended::ketamine_not_given(c)))
        .chain(part(cx, |c| care::consent(c)))
        .chain(part(cx, |c| care::alarms(c)))
        .chain(part(cx, |c| device_alarms::device_alarms(c)))
        .chain(part(cx, |c| risk::screens(c)))
        .chain(part(cx, |c| risk::safety_plan(c)))
        .chain(part(cx, |c| signing::signatures(c)))
        .chain(part(cx, |c| documents::documents(c)))
}

/// Whether the encounter took place, for one ended early: a dosing
/// session once its dose began; a visit (no dose) once anything about the
/// patient was recorded in it (a reading, a note, an answer, a tick or a
/// value). One ended before that is `cancelled`.
fn held(s: &crate::session::Session) -> bool {
    use crate::session::Event as E;
    match s.start.visit {
        None => s.dosing.started.is_some(),
        Some(_) => s.log().iter().any(|e| {
            matches!(
                e.event,
                E::Vitals { .. }
                    | E::Note { .. }
                    | E::Answered { .. }
                    | E::Ticked { .. }
                    | E::Recorded { .. }
            )
        }),
    }
}

/// The session as an Encounter: from its start to when the patient was
/// ready to leave (the discharge phase's time prompt), or to its closing
/// when no such time was recorded.
fn encounter(cx: &Cx) -> Encounter {
    let lang = cx.lang;
    let s = cx.s;
    let end = care::ready_to_leave(s).or_else(|| s.closed.as_ref().map(|c| iso(&c.at)));
    // Ended early before the dose began: cancelled ("ended before it has
    // begun", R4), and why, in the extension HL7 defines for it (R4's
    // Encounter has no statusReason). Ended once the dose had begun: the
    // session took place, so it is finished, and why it ended early in
    // kap's extension; the stopped dose says how much was given.
    let ended_early = s.closed.as_ref().and_then(|c| c.abandoned.as_deref());
    let begun = held(s);
    Encounter {
        id: cx.rid("encounter"),
        meta: None,
        extension: ended_early
            .map(|why| Extension {
                url: if begun { ENDED_EARLY } else { REASON_CANCELLED }.into(),
                value: ExtensionValue::CodeableConcept(CodeableConcept::text(why)),
            })
            .into_iter()
            .chain(course::extensions(cx))
            .collect(),
        status: match (&s.closed, ended_early) {
            (_, Some(_)) if !begun => "cancelled",
            (Some(_), _) => "finished",
            (None, _) => "in-progress",
        },
        // A visit held by phone or video is a virtual encounter.
        class: match s.start.visit {
            Some(v) if v.contact.is_remote() => Coding::new(ACT_CODE, "VR", "virtual"),
            _ => Coding::new(ACT_CODE, "AMB", "ambulatory"),
        },
        // A visit's kind first, then the protocol followed.
        kind: s
            .start
            .visit
            .map(|v| {
                let label = v.kind.label().say(lang);
                CodeableConcept::coded(
                    vec![Coding::new(VISIT_KIND, v.kind.as_str(), &label)],
                    Some(&label),
                )
            })
            .into_iter()
            .chain(std::iter::once(course::protocol(cx)))
            .collect(),
        subject: cx.subject.clone(),
        episode_of_care: (!s.start.rehearsal)
            .then(|| course::episode_ref(cx))
            .into_iter()
            .collect(),
        participant: s
            .start
            .clinicians
            .iter()
            .enumerate()
            .map(|(i, c)| Participant {
                role: if i == 0 && s.start.visit.is_some() {
                    vec![CodeableConcept::coded(
                        vec![Coding::new(PARTICIPATION, "PPRF", "primary performer")],
                        None,
                    )]
                } else {
                    Vec::new()
                },
                individual: cx.practitioner(c),
            })
            .collect(),
        period: Period {
            start: Some(iso(&s.started_at)),
            end,
        },
    }
}

/// An OperationOutcome naming every journal line that was skipped
/// (`error`) or used although it failed verification (`warning`).
fn integrity_outcome(
    id: String,
    integrity: &Integrity,
    lang: crate::i18n::Lang,
) -> OperationOutcome {
    OperationOutcome {
        id,
        meta: None,
        issue: integrity
            .damage
            .iter()
            .map(|d| Issue {
                severity: "error",
                code: "incomplete",
                diagnostics: d.say(lang),
            })
            .chain(integrity.problems.iter().map(|p| {
                let skipped = p.finding.skips();
                Issue {
                    severity: if skipped { "error" } else { "warning" },
                    code: if skipped { "processing" } else { "invalid" },
                    diagnostics: format!("journal line {}: {}", p.line, p.what().say(lang)),
                }
            }))
            .collect(),
    }
}
