//! The signature and each co-signature as a Provenance on the Encounter:
//! who attested the record, and when. kap signs with a name in a journal,
//! not a cryptographic signature, so `Provenance.signature` stays empty.
//! The record's seal is a Provenance too: what the Encounter was made
//! from, the journal as sealed (its last entry's number and the SHA-256 of
//! that entry's line), as a logical reference; a hash, not a signature.

use super::Cx;
use super::resources::{Provenance, ProvenanceAgent, ProvenanceEntity, Resource};
use super::types::*;
use crate::export::iso;

/// The identifier system of a record's seal: its value is `N:SHA256`,
/// the last entry's number and the lower-case hex SHA-256 of its line.
pub const SEAL_SYSTEM: &str = "urn:kap:journal-seal";

const PARTICIPANT_TYPE: &str = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

/// One Provenance for the signature (when the closing names who signed)
/// and one for each co-signature, in the order made.
pub fn signatures(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let mut out = Vec::new();
    if let (Some(c), Some(by)) = (&s.closed, s.signer()) {
        out.push(provenance(
            cx,
            "signature",
            &crate::say!(lang, "fhir-signature"),
            &c.at,
            by,
        ));
    }
    for c in &s.co_signatures {
        out.push(provenance(
            cx,
            &format!("co-signature-{}", c.seq),
            &crate::say!(lang, "fhir-co-signature"),
            &c.at,
            &c.clinician,
        ));
    }
    out
}

fn provenance(
    cx: &Cx,
    local: &str,
    activity: &str,
    at: &crate::session::Moment,
    who: &str,
) -> Resource {
    Resource::Provenance(Box::new(Provenance {
        id: cx.rid(local),
        meta: None,
        target: vec![cx.encounter()],
        recorded: iso(at),
        activity: CodeableConcept::text(activity),
        agent: vec![ProvenanceAgent {
            kind: CodeableConcept::coded(
                vec![Coding::new(PARTICIPANT_TYPE, "attester", "Attester")],
                None,
            ),
            who: cx.practitioner(who),
        }],
        entity: Vec::new(),
    }))
}

/// The seal's Provenance: its target the Encounter, `recorded` when the
/// sealed entry was made, the journal as sealed its `source` entity (by
/// identifier), kap as the `assembler` agent. One per seal: a record
/// sealed again after an addendum has a new one, and the earlier stays.
pub fn seal(cx: &Cx, seal: &(u64, String)) -> Resource {
    let lang = cx.lang;
    let (n, hash) = seal;
    let when =
        cx.s.entry(*n)
            .map(|e| e.at.clone())
            .or_else(|| cx.s.closed.as_ref().map(|c| c.at.clone()))
            .unwrap_or_else(|| cx.now.clone());
    let words = crate::say!(lang, "fhir-seal", last = *n);
    Resource::Provenance(Box::new(Provenance {
        id: cx.rid(&format!("seal-{n}")),
        meta: None,
        target: vec![cx.encounter()],
        recorded: iso(&when),
        activity: CodeableConcept::text(&words),
        agent: vec![ProvenanceAgent {
            kind: CodeableConcept::coded(
                vec![Coding::new(PARTICIPANT_TYPE, "assembler", "Assembler")],
                None,
            ),
            who: Reference::logical(None, "kap"),
        }],
        entity: vec![ProvenanceEntity {
            role: "source",
            what: Reference::logical(
                Some(Identifier {
                    system: SEAL_SYSTEM.into(),
                    value: format!("{n}:{hash}"),
                }),
                &words,
            ),
        }],
    }))
}
