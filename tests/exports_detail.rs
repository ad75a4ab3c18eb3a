//! The exports in detail: CSV as RFC 4180, the long CSV's rows and its
//! formula guard, the FHIR Bundle's required elements, and a closed
//! rehearsal exporting as it closed. The fixed course is in
//! `tests/common/course.rs`.

mod common;

use common::course::{fixed_course, fixed_course_in, load, start};
use kap::record::{Store, export};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SimClock};

#[test]
fn csv_is_rfc4180() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, _, _) = fixed_course(&store);
    let s1 = kap::record::store::read_session(&dir1).unwrap().session;
    let csv = export::csv(&s1, &Default::default());
    assert!(csv.ends_with("\r\n"));
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 1 + s1.vitals.len());
    // Every row has the header's columns (13 since corrections and late
    // entries are listed: status, recorded, entry; 14 since a reading
    // confirmed from the bedside monitor names it: source; 15 since the
    // record's seal is on every row: seal).
    for r in &rows {
        assert_eq!(r.split(',').count(), 15, "{r}");
    }
    assert!(rows[1].starts_with("2026-01-05T09:"), "{}", rows[1]);
    assert!(
        rows[1].contains("+01:00,"),
        "ISO 8601 with offset: {}",
        rows[1]
    );
}

#[test]
fn fhir_bundle_has_every_required_element() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, _, clock) = fixed_course(&store);
    let s1 = kap::record::store::read_session(&dir1).unwrap().session;
    let text = serde_json::to_string(&export::fhir(
        &s1,
        "rec",
        &clock.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    ))
    .unwrap();
    let b: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let entries = b["entry"].as_array().unwrap();
    // Every entry has a unique urn:uuid fullUrl naming its resource's id;
    // the patient is a Patient in the Bundle, identified by the pseudonym,
    // and every subject refers to it.
    let urls: std::collections::HashSet<&str> = entries
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    assert_eq!(urls.len(), entries.len(), "fullUrls are unique");
    let patient = entries
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Patient")
        .expect("a Patient entry");
    assert_eq!(patient["resource"]["identifier"][0]["value"], "P-017");
    let encounter = entries
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Encounter")
        .expect("an Encounter entry");
    let mut counts = std::collections::HashMap::new();
    for e in entries {
        let r = &e["resource"];
        let kind = r["resourceType"].as_str().unwrap();
        let id = r["id"].as_str().unwrap();
        assert!(id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert_eq!(e["fullUrl"], format!("urn:uuid:{id}"));
        if kind == "Practitioner" {
            assert_eq!(r["name"][0]["text"], "A. Martin, RN");
            continue;
        }
        if kind == "Patient" {
            continue;
        }
        let subject = match kind {
            "Consent" | "DetectedIssue" | "EpisodeOfCare" => &r["patient"],
            _ => &r["subject"],
        };
        assert_eq!(subject["reference"], patient["fullUrl"]);
        match kind {
            "Observation" if r["category"][0]["coding"][0]["code"] != "vital-signs" => {
                // Answers, notes: the Encounter, and a value or a note.
                assert_eq!(r["encounter"]["reference"], encounter["fullUrl"]);
                assert!(r.get("meta").is_none(), "no vital-signs profile: {r}");
                *counts.entry("other".to_string()).or_insert(0) += 1;
            }
            "Observation" => {
                let profiles = r["meta"]["profile"].as_array().unwrap();
                assert_eq!(
                    profiles[0],
                    "http://hl7.org/fhir/StructureDefinition/vitalsigns"
                );
                assert_eq!(r["status"], "final");
                assert_eq!(r["category"][0]["coding"][0]["code"], "vital-signs");
                assert_eq!(
                    r["category"][0]["coding"][0]["system"],
                    "http://terminology.hl7.org/CodeSystem/observation-category"
                );
                assert!(r["effectiveDateTime"].as_str().unwrap().ends_with("+01:00"));
                let code = r["code"]["coding"][0]["code"].as_str().unwrap();
                assert_eq!(r["code"]["coding"][0]["system"], "http://loinc.org");
                *counts.entry(code.to_string()).or_insert(0) += 1;
                match code {
                    "85354-9" => {
                        assert!(r.get("valueQuantity").is_none());
                        let c = r["component"].as_array().unwrap();
                        assert_eq!(c[0]["code"]["coding"][0]["code"], "8480-6");
                        assert_eq!(c[1]["code"]["coding"][0]["code"], "8462-4");
                        for x in c {
                            assert_eq!(x["valueQuantity"]["system"], "http://unitsofmeasure.org");
                            assert_eq!(x["valueQuantity"]["code"], "mm[Hg]");
                            assert!(x["valueQuantity"]["value"].is_number());
                        }
                    }
                    "8867-4" => assert_eq!(r["valueQuantity"]["code"], "/min"),
                    "59408-5" => {
                        assert_eq!(r["code"]["coding"][1]["code"], "2708-6");
                        assert_eq!(r["valueQuantity"]["code"], "%");
                    }
                    other => panic!("unexpected code {other}"),
                }
            }
            "MedicationAdministration" => {
                *counts.entry("ma".to_string()).or_insert(0) += 1;
                assert_eq!(r["status"], "completed");
                assert!(r["effectivePeriod"]["start"].is_string());
                assert!(r["effectivePeriod"]["end"].is_string());
                assert_eq!(r["dosage"]["dose"]["value"], 25.5);
                assert_eq!(r["dosage"]["dose"]["code"], "mg");
                assert_eq!(r["dosage"]["route"]["coding"][0]["code"], "47625008");
                // 25.5 mL over 40 min.
                assert_eq!(r["dosage"]["rateQuantity"]["value"], 38.25);
                assert_eq!(r["dosage"]["rateQuantity"]["code"], "mL/h");
                let med = &r["contained"][0];
                assert_eq!(r["medicationReference"]["reference"], "#ketamine");
                assert_eq!(med["id"], "ketamine");
                assert_eq!(med["code"]["coding"][0]["code"], "6130");
                let strength = &med["ingredient"][0]["strength"];
                assert_eq!(strength["numerator"]["code"], "mg");
                assert_eq!(strength["denominator"]["code"], "mL");
                assert_eq!(r["context"]["reference"], encounter["fullUrl"]);
            }
            "Encounter" => {
                assert_eq!(r["status"], "finished");
                assert_eq!(r["class"]["code"], "AMB");
                assert!(r["period"]["end"].is_string());
            }
            "Consent" => {
                assert_eq!(r["status"], "active");
                assert_eq!(r["scope"]["coding"][0]["code"], "treatment");
            }
            "DetectedIssue" => {
                *counts.entry("alarm".to_string()).or_insert(0) += 1;
                assert_eq!(r["severity"], "moderate");
                assert!(r["mitigation"][0]["action"]["text"].is_string());
            }
            "DocumentReference" => {
                // The signed note: the HTML page as signed, attached.
                *counts.entry("document".to_string()).or_insert(0) += 1;
                assert_eq!(r["status"], "current");
                assert_eq!(r["docStatus"], "final");
                assert_eq!(r["type"]["coding"][0]["code"], "11506-3");
                let a = &r["content"][0]["attachment"];
                assert_eq!(a["contentType"], "text/html; charset=utf-8");
                assert!(a["data"].as_str().is_some_and(|d| d.len() > 1000));
                assert_eq!(
                    r["context"]["encounter"][0]["reference"],
                    encounter["fullUrl"]
                );
            }
            "EpisodeOfCare" => {
                // The course the session is part of.
                assert_eq!(r["status"], "active");
                assert_eq!(
                    encounter["resource"]["episodeOfCare"][0]["reference"],
                    e["fullUrl"]
                );
            }
            "Goal" => {
                // A goal the session set, with the words as typed, tied
                // to its session's Encounter.
                *counts.entry("goal".to_string()).or_insert(0) += 1;
                assert_eq!(r["lifecycleStatus"], "active");
                assert!(
                    r["description"]["text"]
                        .as_str()
                        .is_some_and(|t| !t.is_empty())
                );
                let tied = r["extension"].as_array().is_some_and(|x| {
                    x.iter()
                        .any(|e| e["valueReference"]["reference"] == encounter["fullUrl"])
                });
                assert!(tied, "{r}");
            }
            other => panic!("unexpected resource {other}"),
        }
    }
    // Every reference anywhere in the Bundle resolves to one of its entries.
    fn references<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(r)) = m.get("reference") {
                    out.push(r);
                }
                m.values().for_each(|x| references(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| references(x, out)),
            _ => {}
        }
    }
    let mut refs = Vec::new();
    references(&b, &mut refs);
    assert!(refs.len() > 10);
    for r in refs {
        if r == "#ketamine" {
            continue; // the Medication contained in the MedicationAdministration
        }
        assert!(urls.contains(r), "{r} resolves to nothing");
    }
    let bp = s1.vitals.iter().filter(|v| v.reading.has_bp()).count();
    let hr = s1.vitals.iter().filter(|v| v.reading.hr.is_some()).count();
    assert_eq!(counts["85354-9"], bp);
    assert_eq!(counts["8867-4"], hr);
    assert_eq!(counts["ma"], 1);
    assert_eq!(counts["alarm"], s1.alerts.alerts.len());
    assert_eq!(counts["document"], 1, "the signed note");
    assert!(counts["other"] >= 5, "answers and the note");
    assert_eq!(
        counts.get("goal").copied().unwrap_or(0),
        s1.goals.as_ref().map_or(0, Vec::len),
        "a Goal per goal the session set"
    );
}

/// The long CSV: one row per thing recorded, every row the header's
/// columns, times with offsets, minutes from the dose start, flags on
/// readings beyond a limit, alarms with their priority and time to
/// acknowledge; text a spreadsheet would run as a formula is guarded.
#[test]
fn the_long_csv_has_every_entry_and_guards_against_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, _, _) = fixed_course(&store);
    let s1 = kap::record::store::read_session(&dir1).unwrap().session;
    // Hostile text in notes, in a session of its own.
    {
        let (p, text) = load("palliative.toml");
        let clock = SimClock::fixed();
        let mut open = store
            .create_session(&text, start(&p, 1, 0.4, 25.5), &clock.now())
            .unwrap();
        for t in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "plain, \"quoted\"",
        ] {
            clock.advance(MINUTE);
            open.record(
                Event::Note {
                    text: t.into(),
                    tags: vec![],
                    outside: None,
                },
                &clock.now(),
            )
            .unwrap();
        }
        let csv = kap::record::csv::long(&open.session, "rec", &Default::default());
        for line in csv.split("\r\n").filter(|l| l.contains(",note,")) {
            let cells = split_csv(line);
            let value = &cells[6];
            assert!(
                !value.starts_with(['=', '+', '-', '@']),
                "unguarded: {line}"
            );
        }
        assert!(csv.contains("\"plain, \"\"quoted\"\"\""), "{csv}");
    }
    let csv = kap::record::csv::long(&s1, "rec", &Default::default());
    let rows: Vec<Vec<String>> = csv
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(split_csv)
        .collect();
    let header = &rows[0];
    assert_eq!(header.join(","), kap::record::csv::HEADER);
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (kind, name, value, flag) = (col("kind"), col("name"), col("value"), col("flag"));
    // Four measures of a full vitals set, each its own row.
    let vitals = rows.iter().filter(|r| r[kind] == "vitals").count();
    assert_eq!(
        vitals,
        4 * 5 + 2,
        "five full sets, and a BP alone (two rows)"
    );
    // The 190/98 that raised the medium alarm is flagged H.
    assert!(
        rows.iter()
            .any(|r| r[name] == "systolic_bp" && r[value] == "190" && r[flag] == "H")
    );
    // The alarm, its priority, and how long until it was acknowledged.
    assert!(
        rows.iter()
            .any(|r| r[kind] == "alarm" && r[flag] == "medium")
    );
    assert!(
        rows.iter()
            .any(|r| r[kind] == "alarm-acknowledged" && r[value].starts_with("after 1 min"))
    );
    // Notes, answers, ticks, the infusion's steps and the dose.
    for k in ["note", "answer", "check", "infusion", "dose", "signature"] {
        assert!(rows.iter().any(|r| r[kind] == k), "no {k} row");
    }
    // Minutes from the dose start: negative before it, positive after.
    let m = col("minutes_from_dose_start");
    assert!(rows.iter().any(|r| r[m].starts_with('-')));
    assert!(rows.iter().any(|r| r[kind] == "vitals" && r[m] == "10"));
}

/// Split one CSV line (RFC 4180 quoting).
fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

/// A closed record reads the same whenever it is exported: a rehearsal's
/// simulated times are not measured against the real clock.
#[test]
fn a_closed_rehearsal_exports_as_it_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (p, text) = load("palliative.toml");
    let clock = SimClock::fixed();
    let mut st = start(&p, 1, 0.4, 25.5);
    st.rehearsal = true;
    let mut open = store.create_session(&text, st, &clock.now()).unwrap();
    let mut rec = |ev: Event, mins: i64| {
        clock.advance(mins * MINUTE);
        open.record(ev, &clock.now()).unwrap();
    };
    for _ in 0..3 {
        rec(
            Event::Advanced {
                reason: Some("drill".into()),
            },
            1,
        );
    }
    for id in [
        "readiness",
        "psychotherapy-started",
        "capacity",
        "consent",
        "iv-line",
    ] {
        rec(
            Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            0,
        );
    }
    rec(
        Event::Vitals {
            reading: parse("120/80 70 98").unwrap(),
        },
        1,
    );
    rec(Event::Advanced { reason: None }, 0);
    rec(Event::DosingStarted, 1);
    rec(
        Event::Abandoned {
            reason: "end of drill".into(),
        },
        41,
    );
    let closed_md = export::markdown(
        &open.session,
        &clock.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    );
    // Read on the real clock, which a fast rehearsal ran ahead of: a few
    // real minutes after its start, long before its simulated end.
    let real = open.session.started_at.plus(3 * MINUTE);
    let md = export::markdown(
        &open.session,
        &real,
        &Default::default(),
        kap::i18n::Lang::En,
    );
    assert_eq!(md, closed_md);
    let later = real;
    assert!(md.contains("Completed"), "{md}");
    assert!(md.contains("Running time 40 min"), "{md}");
    let bundle = export::fhir(
        &open.session,
        "r",
        &later,
        &Default::default(),
        kap::i18n::Lang::En,
    );
    let ma = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "MedicationAdministration")
        .unwrap();
    assert_eq!(ma["status"], "completed");
    assert!(ma["effectivePeriod"]["end"].is_string());
    // Unpacked, every resource still says it is test data.
    assert_eq!(bundle["meta"]["security"][0]["code"], "HTEST");
    for e in bundle["entry"].as_array().unwrap() {
        assert_eq!(e["resource"]["meta"]["security"][0]["code"], "HTEST", "{e}");
    }
    // The Bundle's time is the closing's, not before anything in it.
    let (stamp, end) = (
        bundle["timestamp"].as_str().unwrap(),
        ma["effectivePeriod"]["end"].as_str().unwrap(),
    );
    assert!(stamp >= end, "{stamp} < {end}");
}

/// The documents are written in the language they are handed, not the
/// process's: one process writes the same record in all three, and the
/// language in use does not move.
#[test]
fn one_record_is_written_in_each_language_it_is_asked_for() {
    use kap::i18n::Lang;
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, _, clock) = fixed_course(&store);
    let s1 = kap::record::store::read_session(&dir1).unwrap().session;
    let now = clock.now();
    for (lang, vitals) in [
        (Lang::En, "Vital signs"),
        (Lang::FrCa, "Signes vitaux"),
        (Lang::PtBr, "Sinais vitais"),
    ] {
        let md = export::markdown(&s1, &now, &Default::default(), lang);
        assert!(md.contains(&format!("## {vitals}")), "{lang:?}: {md}");
        let html = export::html(&s1, &now, &Default::default(), lang);
        assert!(html.contains(vitals), "{lang:?}");
        let fhir = export::fhir(&s1, "rec", &now, &Default::default(), lang).to_string();
        assert!(
            fhir.contains(&format!("\"language\":\"{}\"", lang.tag())),
            "{lang:?}"
        );
    }
}

/// A record goes to the clinic's server in the language it was recorded
/// in, whatever the language of whoever sends it.
#[test]
fn a_push_speaks_the_records_language_not_the_senders() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, _, _) = fixed_course_in(&store, Some("pt-BR"));
    let id = dir1.file_name().unwrap().to_string_lossy().into_owned();
    let (body, _) = kap::push::bundle(&dir1, &id, kap::i18n::Lang::En).unwrap();
    let body = String::from_utf8(body).unwrap();
    assert!(body.contains("\"language\":\"pt-BR\""), "{body}");
    assert!(body.contains("\"text\":\"Pressão arterial"), "{body}");
}
