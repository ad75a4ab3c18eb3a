//! The FHIR export against a real FHIR R4 server (Helios FHIR Server, with
//! write validation enforced) started on 127.0.0.1 for this test: the
//! transaction Bundle is accepted as it is, the server returns the
//! Observations by subject, and importing the same record twice adds
//! nothing. The server comes from `../shared/tools/fhir-server/start`;
//! without it (`cargo install helios-hfs --version 0.2.7` builds one, in
//! about 30 minutes on two cores) the test says so and skips.

#[path = "common/fhir.rs"]
mod fhir;

use fhir::{http, session, start_server};
use kap::record::{export, fhir_tx};

#[test]
fn a_transaction_imports_into_a_real_fhir_server_once() {
    let Some(server) = start_server() else { return };
    for rehearsal in [false, true] {
        let (s, _tmp) = session(rehearsal);
        let now = s.closed.as_ref().unwrap().at.clone();
        let id = if rehearsal { "rec-r" } else { "rec-1" };
        let (bundle, left_out) =
            fhir_tx::transaction(export::fhir(&s, id, &now, &Default::default()));
        assert!(!left_out);
        let body = serde_json::to_string(&bundle).unwrap();
        let (status, reply) = http(&server.base, "POST", "/", &body);
        assert_eq!(status, 200, "the server refused the transaction: {reply}");
        let reply: serde_json::Value = serde_json::from_str(&reply).unwrap();
        let locations: Vec<String> = reply["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e["response"]["location"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        let patient = locations
            .iter()
            .find(|l| l.starts_with("Patient/"))
            .unwrap()
            .split("/_history")
            .next()
            .unwrap()
            .to_string();
        // The Observations come back by subject and by code.
        let count = |query: &str| {
            let (status, body) = http(&server.base, "GET", query, "");
            assert_eq!(status, 200, "{body}");
            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
            v["total"].as_u64().unwrap()
        };
        let by_subject = format!("/Observation?subject={patient}&_total=accurate");
        let exported = bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["resource"]["resourceType"] == "Observation")
            .count() as u64;
        // (A rehearsal under the same pseudonym is another Patient.)
        assert_eq!(count(&by_subject), exported);
        let heart =
            format!("/Observation?subject={patient}&code=http://loinc.org|8867-4&_total=accurate");
        assert_eq!(
            count(&heart),
            14,
            "14 heart rates, the voided one among them"
        );
        // A second import adds nothing.
        let (status, reply) = http(&server.base, "POST", "/", &body);
        assert_eq!(status, 200, "{reply}");
        assert_eq!(count(&by_subject), exported);
    }
}
