//! What the FHIR export says about a session with an alarm acknowledged, a
//! note, a reading replaced and one entered in error, consent withdrawn
//! during the infusion and an addendum after closing: each in the resource
//! and field docs/exports.md names; a session ended early once the dose
//! had begun (a finished Encounter) and one ended before it (cancelled).

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/push_site.rs"]
mod push_site;

use kap::record::export;
use serde_json::Value;

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn bundle() -> (kap::session::Session, Value) {
    let (s, _tmp) = fhir::session(false);
    let now = s.closed.as_ref().unwrap().at.clone();
    let b = export::fhir(&s, "rec", &now, &Default::default(), kap::i18n::Lang::En);
    (s, b)
}

#[test]
fn an_acknowledged_alarm_is_a_detected_issue_with_its_acknowledgement() {
    let (s, b) = bundle();
    let issues = resources(&b, "DetectedIssue");
    assert_eq!(issues.len(), s.alerts.alerts.len());
    let spo2 = issues
        .iter()
        .find(|i| i["code"]["coding"][0]["code"] == "spo2-low" && i["status"] == "final")
        .expect("the SpO2 alarm");
    assert_eq!(spo2["severity"], "high");
    let m = &spo2["mitigation"][0];
    assert_eq!(
        m["action"]["text"],
        "acknowledged — probe refitted, deep breaths"
    );
    assert_eq!(m["author"]["display"], "A. Martin, RN");
    let detail = spo2["detail"].as_str().unwrap();
    assert!(detail.contains("resolved"), "{detail}");
    // It names the reading that raised it.
    let seq = s.alerts.alerts[0].entry.unwrap();
    assert_eq!(
        spo2["implicated"][0]["reference"],
        format!(
            "urn:uuid:{}",
            export::resource_id("rec", &format!("spo2-{seq}"))
        )
    );
    // Alarms from the reading entered in error are entered in error too.
    assert!(
        issues
            .iter()
            .filter(|i| i["status"] == "entered-in-error")
            .all(|i| i["detail"]
                .as_str()
                .unwrap()
                .contains("another patient's monitor"))
    );
    assert!(issues.iter().any(|i| i["status"] == "entered-in-error"));
}

#[test]
fn consent_withdrawn_is_an_inactive_consent_and_stops_the_dose() {
    let (s, b) = bundle();
    let consent = resources(&b, "Consent");
    assert_eq!(consent.len(), 1);
    let c = consent[0];
    assert_eq!(c["status"], "inactive");
    assert_eq!(c["scope"]["coding"][0]["code"], "treatment");
    let (at, _) = s.consent_withdrawn.as_ref().unwrap();
    assert_eq!(
        c["provision"]["period"]["end"],
        at.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        "consent ends when it was withdrawn"
    );
    let ma = resources(&b, "MedicationAdministration")[0];
    assert_eq!(ma["status"], "stopped");
    assert_eq!(
        ma["statusReason"][0]["text"],
        "consent withdrawn: asked to stop"
    );
    let why = resources(&b, "Observation")
        .into_iter()
        .find(|o| o["code"]["coding"][0]["code"] == "consent-withdrawn")
        .expect("the withdrawal, with its reason");
    assert_eq!(why["valueString"], "asked to stop");
}

#[test]
fn the_dose_carries_lot_concentration_rate_and_who_gave_it() {
    let (_, b) = bundle();
    let ma = resources(&b, "MedicationAdministration")[0];
    let med = &ma["contained"][0];
    assert_eq!(med["batch"]["lotNumber"], "KX-2291");
    assert_eq!(med["ingredient"][0]["strength"]["numerator"]["code"], "mg");
    assert_eq!(
        med["ingredient"][0]["strength"]["denominator"]["code"],
        "mL"
    );
    // 35 mg at 1 mg/mL over 40 min: 52.5 mL/h.
    assert_eq!(ma["dosage"]["rateQuantity"]["value"], 52.5);
    assert_eq!(ma["dosage"]["rateQuantity"]["unit"], "mL/h");
    assert_eq!(ma["performer"][0]["actor"]["display"], "A. Martin, RN");
}

#[test]
fn notes_corrections_and_addenda_are_observations() {
    let (_, b) = bundle();
    let obs = resources(&b, "Observation");
    let by_code = |code: &str| -> Vec<&&Value> {
        obs.iter()
            .filter(|o| o["code"]["coding"][0]["code"] == code)
            .collect()
    };
    let note = by_code("note");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0]["valueString"], "nausea, offered bowl");
    assert_eq!(note[0]["category"][0]["text"], "nausea");
    assert!(note[0]["encounter"]["reference"].is_string());
    let addendum = by_code("addendum");
    assert_eq!(addendum.len(), 1);
    assert_eq!(
        addendum[0]["valueString"],
        "phoned the next day: slept well"
    );
    assert_eq!(addendum[0]["note"][0]["text"], "why: follow-up call");
    // The replaced reading: entered in error, saying so; its replacement
    // amended, saying what it replaced.
    let hr = by_code("8867-4");
    assert!(hr.iter().any(|o| {
        o["status"] == "entered-in-error"
            && o["note"][0]["text"]
                .as_str()
                .unwrap()
                .contains("typo in the heart rate (replaced)")
    }));
    let amended: Vec<_> = hr.iter().filter(|o| o["status"] == "amended").collect();
    assert_eq!(amended.len(), 1);
    assert_eq!(amended[0]["valueQuantity"]["value"], 78);
    assert!(
        amended[0]["note"][0]["text"]
            .as_str()
            .unwrap()
            .contains("typo in the heart rate")
    );
    // Every vital sign declares the vital-signs profile and its own.
    for o in obs
        .iter()
        .filter(|o| o["category"][0]["coding"][0]["code"] == "vital-signs")
    {
        let p = o["meta"]["profile"].as_array().unwrap();
        assert_eq!(p[0], "http://hl7.org/fhir/StructureDefinition/vitalsigns");
        assert_eq!(p.len(), 2);
    }
}

/// The Encounter and the ketamine's MedicationAdministration of a record.
fn ended(s: &kap::session::Session) -> (Value, Value) {
    let now = s.closed.as_ref().unwrap().at.clone();
    let b = export::fhir(s, "rec", &now, &Default::default(), kap::i18n::Lang::En);
    let enc = resources(&b, "Encounter")[0].clone();
    let ma = resources(&b, "MedicationAdministration")
        .into_iter()
        .find(|m| m["id"] == kap::record::export::resource_id("rec", "ketamine"))
        .cloned()
        .expect("the ketamine's administration");
    (enc, ma)
}

#[test]
fn a_session_ended_early_after_the_dose_began_is_finished_with_why() {
    // R4: `cancelled` is "ended before it has begun"; a session whose
    // dose was given took place.
    let (s, _tmp) = fhir::session(false);
    assert!(s.dosing.started.is_some());
    let (enc, ma) = ended(&s);
    assert_eq!(enc["status"], "finished", "{enc}");
    assert_eq!(enc["extension"][0]["url"], "urn:kap:ended-early");
    assert_eq!(
        enc["extension"][0]["valueCodeableConcept"]["text"],
        "went home"
    );
    assert!(!enc.to_string().contains("reasonCancelled"), "{enc}");
    // The dose stopped when consent was withdrawn, before the session was
    // ended: its own reason stays on it.
    assert_eq!(ma["status"], "stopped", "{ma}");
    let stopped = &s.dosing.stopped.as_ref().unwrap().1;
    assert_eq!(ma["statusReason"][0]["text"], stopped.as_str());

    // Ended before any dose: cancelled, with HL7's reason, the dose not done.
    let tmp = tempfile::tempdir().unwrap();
    push_site::ended_before_the_dose(tmp.path());
    let dir = kap::record::Store::at(tmp.path())
        .scan(false)
        .sessions
        .into_iter()
        .map(|l| l.dir)
        .next()
        .unwrap();
    let s = kap::record::store::read_session(&dir).unwrap().session;
    let (enc, ma) = ended(&s);
    assert_eq!(enc["status"], "cancelled", "{enc}");
    assert_eq!(
        enc["extension"][0]["url"],
        "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled"
    );
    assert_eq!(
        enc["extension"][0]["valueCodeableConcept"]["text"],
        "declined consent today"
    );
    assert_eq!(ma["status"], "not-done", "{ma}");
}
