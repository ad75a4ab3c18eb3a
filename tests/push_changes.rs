//! `kap push` keeps the server true after the first push, against a real
//! FHIR R4 server (Helios; skipped with a notice when
//! `../shared/tools/fhir-server/start` is missing, a failure under
//! `CI=true`): an addendum and a co-signature made after a push go with
//! the next `kap push --all` (the timer's command) and the server has
//! them; a resource whose export changed since it was sent is updated in
//! place on the server (a conditional update on its identifier), its
//! earlier version kept in the server's history and the update named in
//! `push.json`; and `kap push --all` with nothing changed sends nothing.

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/push_site.rs"]
mod push_site;

use push_site::*;
use serde_json::Value;

#[test]
fn an_addendum_and_a_co_signature_after_a_push_go_with_push_all() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::new(&server.base);
    let (dir, id) = site.session();
    let first = site.push_all();
    assert!(first.contains(&format!("sent session {id}")), "{first}");
    let sent = site.status();
    let locations: Vec<String> = sent["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    let patient = fhir::patient_of(&locations);
    // The fixture's own addendum arrived with the first push.
    assert_eq!(
        addenda_on_server(&server.base, &patient),
        ["phoned the next day: slept well"]
    );

    // After the push: an addendum and a co-signature.
    add_addendum(&dir, "called back: BP at home 118/76");
    let out = site.kap(&["cosign", &id, "--by", "Dr B. Silva, psychiatrist"]);
    assert!(out.status.success(), "{}", text(&out));
    let status = site.kap(&["push", "--status"]);
    let shown = String::from_utf8_lossy(&status.stdout);
    assert!(shown.contains("CHANGED SINCE SENT: 2 entries"), "{shown}");
    let doctor = site.doctor_push_line();
    assert!(
        doctor.ends_with("1 closed session waiting to be sent"),
        "{doctor}"
    );

    // The timer's command sends them.
    let second = site.push_all();
    let doctor = site.doctor_push_line();
    assert!(!doctor.contains("waiting"), "{doctor}");
    assert!(second.contains(&format!("sent session {id}")), "{second}");
    assert!(!second.contains("Nothing to send"), "{second}");
    assert_eq!(
        addenda_on_server(&server.base, &patient),
        [
            "called back: BP at home 118/76",
            "phoned the next day: slept well"
        ]
    );
    let provenances = search(&server.base, "/Provenance?_total=accurate&_count=100");
    let (seals, signatures): (Vec<&Value>, Vec<&Value>) = provenances["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .partition(|r| r["entity"][0]["what"]["identifier"]["system"] == "urn:kap:journal-seal");
    let activities: Vec<String> = signatures
        .iter()
        .map(|r| r["activity"]["text"].to_string())
        .collect();
    assert_eq!(
        activities.len(),
        2,
        "the sign-off and the co-signature: {activities:?}"
    );
    assert!(
        activities.iter().any(|a| a.contains("co-signature")),
        "{activities:?}"
    );
    // Each seal the record was sent with stays on the server: the one at
    // the first push, and the record's seal now.
    let seal: Value =
        serde_json::from_slice(&std::fs::read(dir.join("seal.json")).unwrap()).unwrap();
    let now = format!(
        "{}:{}",
        seal["entries"],
        seal["last_sha256"].as_str().unwrap()
    );
    let sent_seals: Vec<&str> = seals
        .iter()
        .map(|r| {
            r["entity"][0]["what"]["identifier"]["value"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(sent_seals.len(), 2, "{sent_seals:?}");
    assert!(
        sent_seals.contains(&now.as_str()),
        "{now} not in {sent_seals:?}"
    );
    documents_on_server(&server.base, &patient);
    let again = site.status();
    assert_eq!(again["state"], "sent");
    assert_eq!(
        again["journal_entries"].as_u64().unwrap(),
        sent["journal_entries"].as_u64().unwrap() + 2
    );
    let status = site.kap(&["push", "--status"]);
    assert!(
        !String::from_utf8_lossy(&status.stdout).contains("CHANGED SINCE SENT"),
        "{}",
        text(&status)
    );
}

/// On the server, as documents: the signed note (the page as signed,
/// unchanged by what came after) and the addendum written after the push
/// appending it.
fn documents_on_server(base: &str, patient: &str) {
    let docs = search(
        base,
        &format!("/DocumentReference?subject={patient}&_count=100"),
    );
    let docs: Vec<&Value> = docs["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    assert_eq!(docs.len(), 3, "the note and two addenda: {docs:?}");
    let note = docs
        .iter()
        .find(|d| d["relatesTo"].is_null())
        .expect("the signed note");
    assert_eq!(
        note["meta"]["versionId"], "1",
        "what was signed never changes"
    );
    assert_eq!(note["type"]["coding"][0]["code"], "11506-3");
    let page = attachment(note);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("nausea, offered bowl"), "the record's note");
    assert!(
        !page.contains("phoned the next day") && !page.contains("called back"),
        "the note is the record as signed, without the addenda made after"
    );
    let later = docs
        .iter()
        .find(|d| attachment(d).starts_with("called back: BP at home 118/76"))
        .expect("the addendum after the push, as a document");
    assert_eq!(later["relatesTo"][0]["code"], "appends");
    assert_eq!(
        later["relatesTo"][0]["target"]["reference"],
        format!("DocumentReference/{}", note["id"].as_str().unwrap())
    );
    assert_eq!(later["author"][0]["display"], "Dr B. Silva, psychiatrist");
}

#[test]
fn push_all_with_nothing_changed_sends_nothing() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::new(&server.base);
    let (dir, id) = site.session();
    assert!(site.push_all().contains(&format!("sent session {id}")));
    let kept = std::fs::read(dir.join("push.json")).unwrap();
    let encounter = site.status()["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|l| l.as_str().filter(|l| l.starts_with("Encounter/")))
        .unwrap()
        .split("/_history")
        .next()
        .unwrap()
        .to_string();
    let versions = |r: &str| {
        search(&server.base, &format!("/{r}/_history"))["entry"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = versions(&encounter);
    let count = search(&server.base, "/Observation?_total=accurate")["total"].clone();
    let out = site.push_all();
    assert!(out.contains("Nothing to send"), "{out}");
    assert_eq!(std::fs::read(dir.join("push.json")).unwrap(), kept);
    assert_eq!(versions(&encounter), before);
    assert_eq!(
        search(&server.base, "/Observation?_total=accurate")["total"],
        count
    );
    // Sent again by hand by a clinician who reads French: the record
    // goes in its own language, so nothing on the server is updated;
    // what kap says to the clinician is in French.
    let out = site.kap_in("fr-CA", &["push", &id]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("envoyée à"),
        "{}",
        text(&out)
    );
    assert_eq!(site.status()["updated"], Value::Null, "{}", text(&out));
    assert_eq!(versions(&encounter), before);
}

#[test]
fn a_record_sent_without_hashes_is_updated_in_place_on_the_server() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::new(&server.base);
    let (dir, _) = site.session();
    site.push_all();
    let first = site.status();
    let encounter = located(&first["locations"], "Encounter");
    // As a kap that kept no content hashes wrote it.
    let mut legacy = first.clone();
    legacy.as_object_mut().unwrap().remove("resources");
    std::fs::write(dir.join("push.json"), legacy.to_string()).unwrap();
    let count = |q: &str| search(&server.base, &format!("/{q}?_total=accurate"))["total"].clone();
    let before: Vec<Value> = ["Observation", "Encounter", "MedicationAdministration"]
        .iter()
        .map(|q| count(q))
        .collect();
    add_addendum(&dir, "called back: BP at home 118/76");
    let out = site.push_all();
    assert!(out.contains("were updated in place on the server"), "{out}");
    let st = site.status();
    let updated: Vec<&str> = st["updated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    // Everything kap alone writes went as an update: the Encounter is a
    // second version of the same resource, nothing was duplicated.
    assert!(
        updated.contains(&format!("{encounter}/_history/2").as_str()),
        "{updated:?}"
    );
    assert!(
        !updated.iter().any(|u| u.starts_with("Patient/")),
        "{updated:?}"
    );
    assert_eq!(located(&st["locations"], "Encounter"), encounter);
    let history = search(&server.base, &format!("/{encounter}/_history"));
    assert_eq!(history["entry"].as_array().unwrap().len(), 2, "{history}");
    let after: Vec<Value> = ["Observation", "Encounter", "MedicationAdministration"]
        .iter()
        .map(|q| count(q))
        .collect();
    assert_eq!(after[1..], before[1..]);
    assert_eq!(
        after[0].as_u64().unwrap(),
        before[0].as_u64().unwrap() + 1,
        "one more Observation: the addendum"
    );
    // Now the hashes are kept: a later push updates nothing unchanged.
    let out = site.kap(&["push", &site.session().1]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("updated in place"), "{}", text(&out));
    assert_eq!(site.status()["updated"], Value::Null);
    let history = search(&server.base, &format!("/{encounter}/_history"));
    assert_eq!(history["entry"].as_array().unwrap().len(), 2, "{history}");
    assert!(st["resources"].as_object().unwrap().len() > 10);
}

#[test]
fn a_session_ended_before_the_dose_is_a_cancelled_encounter_and_a_dose_not_done() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::with(&server.base, ended_before_the_dose);
    let out = site.push_all();
    assert!(out.contains("sent session"), "{out}");
    let st = site.status();
    let enc = read(&server.base, &located(&st["locations"], "Encounter"));
    assert_eq!(enc["status"], "cancelled", "{enc}");
    assert_eq!(
        enc["extension"][0]["url"],
        "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled"
    );
    assert_eq!(
        enc["extension"][0]["valueCodeableConcept"]["text"],
        "declined consent today"
    );
    let ma = read(
        &server.base,
        &located(&st["locations"], "MedicationAdministration"),
    );
    assert_eq!(ma["status"], "not-done", "{ma}");
    assert_eq!(ma["statusReason"][0]["text"], "declined consent today");
    assert_eq!(ma["dosage"]["dose"]["value"], 0);
    assert!(
        ma["dosage"]["text"]
            .as_str()
            .unwrap()
            .starts_with("0 mg given"),
        "{ma}"
    );
}

#[test]
fn a_resource_whose_export_changed_since_it_was_sent_is_corrected_in_place() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    // The fixture was ended early once the dose had started: a finished
    // Encounter (it had begun) with why it ended early, the dose stopped
    // with its own reason (consent was withdrawn first).
    let site = Site::new(&server.base);
    let (dir, id) = site.session();
    site.push_all();
    let st = site.status();
    let encounter = located(&st["locations"], "Encounter");
    let now = read(&server.base, &encounter);
    assert_eq!(now["status"], "finished");
    assert_eq!(now["extension"][0]["url"], "urn:kap:ended-early");
    assert_eq!(
        now["extension"][0]["valueCodeableConcept"]["text"],
        "went home"
    );
    let ma = read(
        &server.base,
        &located(&st["locations"], "MedicationAdministration"),
    );
    assert_eq!(ma["status"], "stopped");
    assert_eq!(
        ma["statusReason"][0]["text"],
        "consent withdrawn: asked to stop"
    );

    // What a kap before this one sent and kept: the same Encounter
    // `cancelled` (R4's "ended before it has begun", wrong for a session
    // whose dose was given), its reason in HL7's cancellation extension.
    let (bundle, _) = kap::push::bundle(&dir, &id, kap::i18n::Lang::En).unwrap();
    let bundle: Value = serde_json::from_slice(&bundle).unwrap();
    let mut old = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"].clone())
        .find(|r| r["resourceType"] == "Encounter")
        .unwrap();
    let kap_id = old["id"].as_str().unwrap().to_string();
    old["extension"][0]["url"] =
        "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled".into();
    old["status"] = "cancelled".into();
    // The hash is of the resource as exported, before its identifier.
    let mut exported = old.clone();
    exported.as_object_mut().unwrap().remove("identifier");
    let mut kept = site.status();
    kept["resources"][&kap_id] = kap::record::fhir_tx::content_hash(&exported).into();
    std::fs::write(dir.join("push.json"), kept.to_string()).unwrap();
    let mut on_server = old.clone();
    on_server["id"] = encounter.trim_start_matches("Encounter/").into();
    let (status, body) = fhir::http(
        &server.base,
        "PUT",
        &format!("/{encounter}"),
        &on_server.to_string(),
    );
    assert!(status == 200 || status == 201, "{status} {body}");
    assert_eq!(read(&server.base, &encounter)["status"], "cancelled");

    // An addendum makes the session due; its push corrects the Encounter
    // in place and nothing else.
    add_addendum(&dir, "called back: BP at home 118/76");
    let out = site.push_all();
    assert!(
        out.contains("one resource whose content changed since it was sent was updated in place"),
        "{out}"
    );
    let after = site.status();
    assert_eq!(
        after["updated"],
        serde_json::json!([format!("{encounter}/_history/3")])
    );
    let now = read(&server.base, &encounter);
    assert_eq!(now["status"], "finished", "{now}");
    assert_eq!(now["extension"][0]["url"], "urn:kap:ended-early");
    assert_eq!(
        now["extension"][0]["valueCodeableConcept"]["text"],
        "went home"
    );
    assert_eq!(now["meta"]["versionId"], "3");
    // The version it corrected stays in the server's history.
    let history = search(&server.base, &format!("/{encounter}/_history"));
    let statuses: Vec<&Value> = history["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"]["status"])
        .collect();
    assert_eq!(statuses.len(), 3, "{history}");
    assert!(statuses.iter().any(|s| *s == "cancelled"), "{statuses:?}");
}
