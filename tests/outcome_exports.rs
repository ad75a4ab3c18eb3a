//! Outcome measures in the session core and its exports: an
//! administration is accepted only for a measure of the course with
//! answers that score; it is a total row and one row per item in the long
//! CSV; in FHIR a QuestionnaireResponse (the patient as source) and an
//! Observation of the total with its LOINC code, derived from it. An
//! administration entered in error stays, marked.

#[path = "common/session.rs"]
mod session;

use kap::record::export;
use kap::session::Event;
use serde_json::Value;

fn phq(answers: Vec<u32>) -> Event {
    Event::OutcomeCompleted {
        instrument: "phq9".into(),
        version: "2026-12".into(),
        answers,
        phase: "check-in".into(),
        self_report: true,
        lang: "en".into(),
    }
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn with_two_phq9() -> session::H {
    let mut h = session::H::new("montreal.toml", 1);
    h.ok(phq(vec![0, 1, 2, 3, 0, 1, 2, 3, 1]));
    h.wait(2);
    h.ok(phq(vec![3; 9]));
    h.ok(Event::Corrected {
        entry: 3,
        reason: "the wrong patient held the laptop".into(),
        with: None,
    });
    h
}

#[test]
fn the_core_refuses_what_is_not_a_measure_of_the_course_or_does_not_score() {
    let mut h = session::H::new("montreal.toml", 1);
    let mut madrs = phq(vec![0; 9]);
    if let Event::OutcomeCompleted { instrument, .. } = &mut madrs {
        *instrument = "madrs".into();
    }
    h.refused(madrs);
    h.refused(phq(vec![0; 8]));
    h.refused(phq(vec![0, 0, 0, 0, 4, 0, 0, 0, 0]));
    let mut nowhere = phq(vec![0; 9]);
    if let Event::OutcomeCompleted { phase, .. } = &mut nowhere {
        *phase = "nowhere".into();
    }
    h.refused(nowhere);
    h.ok(phq(vec![0; 9]));
    assert_eq!(h.s.outcomes.len(), 1);
    // Entered in error: no longer among the session's outcomes.
    h.ok(Event::Corrected {
        entry: 2,
        reason: "test".into(),
        with: None,
    });
    assert!(h.s.outcomes.is_empty());
}

#[test]
fn the_long_csv_has_the_total_and_each_item() {
    let h = with_two_phq9();
    let csv = kap::record::csv::long(&h.s, "rec", &Default::default());
    let rows: Vec<&str> = csv.lines().filter(|l| l.contains(",outcome")).collect();
    assert_eq!(rows.len(), 20, "{csv}");
    assert!(
        rows.iter()
            .any(|r| r.contains(",outcome,phq9,13,") && r.contains(",current,")),
        "{csv}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains(",outcome,phq9,27,") && r.contains(",entered-in-error,")),
        "{csv}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains(",outcome-item,phq9.self-harm,1,")),
        "{csv}"
    );
}

#[test]
fn fhir_has_a_questionnaire_response_and_a_loinc_coded_total_derived_from_it() {
    let h = with_two_phq9();
    let b = h.fhir();
    let qrs = resources(&b, "QuestionnaireResponse");
    assert_eq!(qrs.len(), 2);
    let qr = qrs.iter().find(|q| q["status"] == "completed").unwrap();
    assert_eq!(qr["questionnaire"], "urn:kap:instrument:phq9|2026-12");
    assert_eq!(qr["item"].as_array().unwrap().len(), 9);
    assert_eq!(qr["item"][8]["linkId"], "self-harm");
    assert_eq!(qr["item"][8]["answer"][0]["valueInteger"], 1);
    assert_eq!(qr["source"], qr["subject"], "answered by the patient");
    assert!(
        qrs.iter().any(|q| q["status"] == "entered-in-error"),
        "the corrected one stays, marked"
    );
    let totals: Vec<&Value> = resources(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["code"] == "44261-6")
        .collect();
    assert_eq!(totals.len(), 2);
    let t = totals.iter().find(|o| o["status"] == "final").unwrap();
    assert_eq!(t["valueInteger"], 13);
    assert_eq!(t["code"]["coding"][0]["system"], "http://loinc.org");
    let qr_url = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["id"] == qr["id"])
        .map(|e| e["fullUrl"].clone())
        .unwrap();
    assert_eq!(t["derivedFrom"][0]["reference"], qr_url);
    assert!(totals.iter().any(|o| o["status"] == "entered-in-error"));
}

#[path = "common/fhir.rs"]
mod fhir;

/// The real FHIR R4 server (write validation enforced) takes the
/// QuestionnaireResponses and the totals, and finds the PHQ-9 total by its
/// LOINC code. Skips without the server, as `fhir_server.rs` does.
#[test]
fn a_real_fhir_server_accepts_the_responses_and_finds_the_total_by_loinc() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let h = with_two_phq9();
    let (bundle, _) = kap::record::fhir_tx::transaction(export::fhir(
        &h.s,
        "rec-o",
        &h.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    ));
    let body = serde_json::to_string(&bundle).unwrap();
    let (status, reply) = fhir::http(&server.base, "POST", "/", &body);
    assert_eq!(status, 200, "the server refused the transaction: {reply}");
    let reply: Value = serde_json::from_str(&reply).unwrap();
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
    assert_eq!(
        locations
            .iter()
            .filter(|l| l.starts_with("QuestionnaireResponse/"))
            .count(),
        2,
        "{locations:?}"
    );
    let patient = fhir::patient_of(&locations);
    let q = format!("/Observation?subject={patient}&code=http://loinc.org|44261-6&_total=accurate");
    let (status, found) = fhir::http(&server.base, "GET", &q, "");
    assert_eq!(status, 200, "{found}");
    let found: Value = serde_json::from_str(&found).unwrap();
    assert_eq!(found["total"], 2, "{found}");
}
