//! The signature and each co-signature as a Provenance on the Encounter:
//! who attested the record, and when. kap signs with a name in a journal,
//! not a cryptographic signature, so `Provenance.signature` stays empty.

use super::Cx;
use super::resources::{Provenance, ProvenanceAgent, Resource};
use super::types::*;
use crate::record::export::iso;

const PARTICIPANT_TYPE: &str = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

/// One Provenance for the signature (when the closing names who signed)
/// and one for each co-signature, in the order made.
pub fn signatures(cx: &Cx) -> Vec<Resource> {
    let s = cx.s;
    let mut out = Vec::new();
    if let (Some(c), Some(by)) = (&s.closed, s.signer()) {
        out.push(provenance(
            cx,
            "signature",
            &crate::t!("fhir-signature"),
            &c.at,
            by,
        ));
    }
    for c in &s.co_signatures {
        out.push(provenance(
            cx,
            &format!("co-signature-{}", c.seq),
            &crate::t!("fhir-co-signature"),
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
    }))
}
