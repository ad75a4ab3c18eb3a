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

use kap::session::{Event, MINUTE};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A data folder with one closed real session, and a config for `base`.
struct Site {
    data: tempfile::TempDir,
    conf: tempfile::TempDir,
}

impl Site {
    fn new(base: &str) -> Site {
        Site::with(base, |data| {
            fhir::session_in(data, false);
        })
    }

    /// A site whose data folder `make` fills.
    fn with(base: &str, make: impl FnOnce(&Path)) -> Site {
        let data = tempfile::tempdir().unwrap();
        make(data.path());
        let conf = tempfile::tempdir().unwrap();
        std::fs::write(
            conf.path().join("push.toml"),
            format!("base_url = \"{base}\"\ntimeout_seconds = 20\n"),
        )
        .unwrap();
        Site { data, conf }
    }

    fn kap(&self, args: &[&str]) -> Output {
        self.kap_in("en", args)
    }

    /// `kap ARGS` for a user whose language is `lang`.
    fn kap_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(args)
            .env("KAP_DATA_DIR", self.data.path())
            .env("KAP_PUSH_CONFIG", self.conf.path().join("push.toml"))
            .env("XDG_CONFIG_HOME", self.conf.path())
            .env("KAP_LANG", lang)
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .unwrap()
    }

    /// The session's folder and id.
    fn session(&self) -> (PathBuf, String) {
        let tree = self.data.path().join("sessions");
        let dir = std::fs::read_dir(tree)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .unwrap();
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        (dir, id)
    }

    fn status(&self) -> Value {
        let (dir, _) = self.session();
        serde_json::from_str(&std::fs::read_to_string(dir.join("push.json")).unwrap()).unwrap()
    }

    /// `kap push --all`, which must succeed; its standard output.
    fn push_all(&self) -> String {
        let out = self.kap(&["push", "--all"]);
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// An addendum written a minute after the record was closed (and sealed
/// again, as the closed screen does).
fn add_addendum(dir: &Path, words: &str) {
    let mut open = kap::record::OpenSession::open(dir).unwrap();
    let closed = open.session.closed.as_ref().unwrap().at.clone();
    let at = closed.plus(MINUTE * (open.session.addenda.len() as i64 + 5));
    open.record_stamped(
        Event::Addendum {
            text: words.into(),
            reason: "follow-up call".into(),
        },
        &at,
        &kap::session::Stamp {
            by: Some("Dr B. Silva, psychiatrist".into()),
            taken: None,
        },
    )
    .unwrap();
    let as_of = open.session.as_of(&at);
    kap::record::summary::write_closing(&open, &as_of).unwrap();
}

/// A DocumentReference's attachment, decoded.
fn attachment(doc: &Value) -> String {
    use base64::Engine as _;
    let data = doc["content"][0]["attachment"]["data"].as_str().unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// A search's Bundle.
fn search(base: &str, query: &str) -> Value {
    let (status, body) = fhir::http(base, "GET", query, "");
    assert_eq!(status, 200, "{query}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The `valueString` of every addendum Observation of `patient`.
fn addenda_on_server(base: &str, patient: &str) -> Vec<String> {
    let found = search(
        base,
        &format!("/Observation?subject={patient}&code=urn:kap:entry|addendum&_count=100"),
    );
    let mut texts: Vec<String> = found["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["resource"]["valueString"].as_str().unwrap().to_string())
        .collect();
    texts.sort();
    texts
}

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

    // The timer's command sends them.
    let second = site.push_all();
    assert!(second.contains(&format!("sent session {id}")), "{second}");
    assert!(!second.contains("Nothing to send"), "{second}");
    assert_eq!(
        addenda_on_server(&server.base, &patient),
        [
            "called back: BP at home 118/76",
            "phoned the next day: slept well"
        ]
    );
    let provenances = search(&server.base, "/Provenance?_total=accurate");
    let activities: Vec<String> = provenances["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["activity"]["text"].to_string())
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

/// The server's id of the resource of `kind` among `locations`
/// (`Encounter/12`, without its version).
fn located(locations: &Value, kind: &str) -> String {
    locations
        .as_array()
        .unwrap()
        .iter()
        .find_map(|l| l.as_str().filter(|l| l.starts_with(&format!("{kind}/"))))
        .unwrap_or_else(|| panic!("no {kind} in {locations}"))
        .split("/_history")
        .next()
        .unwrap()
        .to_string()
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

/// A Montreal session ended early before the dose: consent was declined.
fn ended_before_the_dose(data: &Path) {
    use kap::session::{Clock, SimClock, StartFields, plan_start};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient: "P-ended-early",
        session: "2",
        weight_kg: "64",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (start, _) = plan_start(&p, fields, false).unwrap();
    let clock = SimClock::fixed();
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    clock.advance(MINUTE * 10);
    let by = kap::session::Stamp {
        by: Some("A. Martin, RN".into()),
        taken: None,
    };
    open.record_stamped(
        Event::Abandoned {
            reason: "declined consent today".into(),
        },
        &clock.now(),
        &by,
    )
    .unwrap();
}

/// The resource at `reference` (`Encounter/7`) on the server.
fn read(base: &str, reference: &str) -> Value {
    let (status, body) = fhir::http(base, "GET", &format!("/{reference}"), "");
    assert_eq!(status, 200, "{reference}: {body}");
    serde_json::from_str(&body).unwrap()
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
    // The fixture was ended early once the dose had started: a cancelled
    // Encounter with its reason, the dose stopped.
    let site = Site::new(&server.base);
    let (dir, id) = site.session();
    site.push_all();
    let st = site.status();
    let encounter = located(&st["locations"], "Encounter");
    let now = read(&server.base, &encounter);
    assert_eq!(now["status"], "cancelled");
    assert_eq!(
        now["extension"][0]["valueCodeableConcept"]["text"],
        "went home"
    );
    let ma = read(
        &server.base,
        &located(&st["locations"], "MedicationAdministration"),
    );
    assert_eq!(ma["status"], "stopped");

    // What a kap before this one sent and kept: the same Encounter
    // `finished`, with no reason.
    let (bundle, _) = kap::push::bundle(&dir, &id).unwrap();
    let bundle: Value = serde_json::from_slice(&bundle).unwrap();
    let mut old = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"].clone())
        .find(|r| r["resourceType"] == "Encounter")
        .unwrap();
    let kap_id = old["id"].as_str().unwrap().to_string();
    old.as_object_mut().unwrap().remove("extension");
    old["status"] = "finished".into();
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
    assert_eq!(read(&server.base, &encounter)["status"], "finished");

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
    assert_eq!(now["status"], "cancelled", "{now}");
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
    assert!(statuses.iter().any(|s| *s == "finished"), "{statuses:?}");
}
