//! A course read back from the clinic's server page by page: a patient
//! with more Encounters than one page holds is read whole, following each
//! Bundle's `next` link on the configured server, against a real FHIR R4
//! server (Helios; skipped with a notice when
//! `../shared/tools/fhir-server/start` is missing, a failure under
//! `CI=true`). A small page (`_count=2`) makes many pages of a few
//! Encounters.

#[path = "common/fhir.rs"]
mod fhir;

use kap::push::server_read::{self, PAGE};
use std::path::Path;
use std::time::Duration;

const SYSTEM: &str = "https://north.example/pseudonym";

/// An Encounter as kap pushes it: its protocol, course session number and
/// dose start, the patient `Patient/ID`.
fn encounter(patient: &str, number: u32) -> String {
    let day = format!("2026-01-{:02}", number + 4);
    serde_json::json!({
        "resourceType": "Encounter",
        "status": "finished",
        "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB" },
        "type": [{ "coding": [{ "system": "urn:kap:protocol", "code": "montreal" }] }],
        "extension": [
            { "url": "urn:kap:course-session", "valuePositiveInt": number },
            { "url": "urn:kap:dose-started", "valueDateTime": format!("{day}T09:12:00-05:00") }
        ],
        "subject": { "reference": patient },
        "period": { "start": format!("{day}T09:00:00-05:00") }
    })
    .to_string()
}

#[test]
fn a_course_longer_than_a_page_is_read_whole() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let patient = serde_json::json!({
        "resourceType": "Patient",
        "identifier": [{ "system": SYSTEM, "value": "REAL-07" }]
    });
    let (status, body) = fhir::http(base, "POST", "/Patient", &patient.to_string());
    assert_eq!(status, 201, "{body}");
    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let patient = format!("Patient/{id}");
    for n in 1..=7 {
        let (status, body) = fhir::http(base, "POST", "/Encounter", &encounter(&patient, n));
        assert_eq!(status, 201, "{body}");
    }
    let cfg = kap::push::config::parse(
        Path::new("push.toml"),
        &format!("base_url = \"{base}\"\npatient_system = \"{SYSTEM}\"\n"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    let wait = Duration::from_secs(20);
    // Pages of two: four pages, every session once.
    let read = server_read::course_paged(
        &cfg,
        None,
        (SYSTEM, "REAL-07"),
        wait,
        2,
        kap::i18n::Lang::En,
    )
    .unwrap();
    let mut numbers: Vec<u32> = read.iter().map(|h| h.encounter.session).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    assert!(read.iter().all(|h| h.encounter.held));
    // The page the start form asks for holds them in one.
    const { assert!(PAGE >= 7) };
    let whole =
        server_read::course(&cfg, None, SYSTEM, "REAL-07", wait, kap::i18n::Lang::En).unwrap();
    assert_eq!(whole.len(), 7);
}
