//! Course logic (windows between sessions, dose steps, goals carried over,
//! the course's end raised late) and the three exports against golden files.

use chrono::NaiveDate;
use kap::protocol::{self, Protocol};
use kap::record::{Store, course, export};
use kap::session::course::{Fit, window};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SessionStart, SimClock};
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(name: &str) -> (Protocol, String) {
    let path = root().join("protocols").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (protocol::load_str(&path, &text).unwrap().protocol, text)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn montreal_windows_twice_weekly_then_weekly() {
    let (p, _) = load("montreal.toml");
    let mon = d(2026, 1, 5);
    assert!(
        window(&p, 1, mon).is_none(),
        "the first session has no window"
    );
    let w2 = window(&p, 2, mon).unwrap();
    assert_eq!(w2.earliest, d(2026, 1, 7));
    assert_eq!(w2.target, Some((d(2026, 1, 8), d(2026, 1, 9))));
    assert_eq!(w2.latest, Some(d(2026, 1, 10)));
    assert_eq!(w2.fit(d(2026, 1, 6)), Fit::TooEarly(1));
    assert_eq!(w2.fit(d(2026, 1, 7)), Fit::InWindow);
    assert_eq!(w2.fit(d(2026, 1, 8)), Fit::OnTarget);
    assert_eq!(w2.fit(d(2026, 1, 12)), Fit::TooLate(2));
    let w5 = window(&p, 5, mon).unwrap();
    assert_eq!(w5.target, Some((d(2026, 1, 12), d(2026, 1, 12))));
    assert_eq!(w5.label, "once a week (last two weeks)");
    // After the course, the window is a maintenance session's, in months.
    assert_eq!(
        window(&p, 7, mon).map(|w| w.earliest),
        Some(d(2026, 5, 5)),
        "maintenance"
    );
    assert!(
        w2.describe().contains("aim Thu 8 Jan – Fri 9 Jan"),
        "{}",
        w2.describe()
    );
}

#[test]
fn palliative_window_at_least_a_day_about_a_week() {
    let (p, _) = load("palliative.toml");
    let w = window(&p, 2, d(2026, 3, 2)).unwrap();
    assert_eq!(w.earliest, d(2026, 3, 3));
    assert_eq!(w.latest, None);
    assert_eq!(w.fit(d(2026, 3, 2)), Fit::TooEarly(1));
    assert_eq!(w.fit(d(2026, 3, 4)), Fit::InWindow);
    assert_eq!(w.fit(d(2026, 3, 9)), Fit::OnTarget);
    assert_eq!(w.fit(d(2026, 3, 30)), Fit::InWindow, "no upper limit set");
}

#[test]
fn dose_steps_and_the_course_end_follow_the_protocol() {
    let (p, _) = load("palliative.toml");
    let r1 = p.dose_rule(1).unwrap().mg_per_kg.unwrap();
    let r2 = p.dose_rule(2).unwrap().mg_per_kg.unwrap();
    assert!(r2.min > r1.max, "session 2 steps up");
    let ends = |p: &Protocol, n: u32| {
        p.phases
            .iter()
            .flat_map(|ph| ph.prompts.iter())
            .any(|pr| pr.id == "course-end" && pr.applies_to(n, p.course.sessions))
    };
    assert!(!ends(&p, 1) && ends(&p, 2));
    let (m, _) = load("montreal.toml");
    assert!((1..=4).all(|n| !ends(&m, n)));
    assert!(ends(&m, 5) && ends(&m, 6));
}

fn start(p: &Protocol, session: u32, mg_per_kg: f64, dose: f64) -> SessionStart {
    SessionStart {
        patient: "P-017".into(),
        session,
        protocol_id: p.protocol.id.clone(),
        protocol_version: p.protocol.version.clone(),
        weight_kg: 64.0,
        mg_per_kg,
        dose_mg: dose,
        rehearsal: false,
        schedule_note: None,
        ui: None,
        lang: None,
        clinicians: vec!["A. Martin, RN".into()],
    }
}

/// A fixed palliative course: session 1 closed, session 2 interrupted.
fn fixed_course(store: &Store) -> (PathBuf, PathBuf, SimClock) {
    let (p, text) = load("palliative.toml");
    let clock = SimClock::fixed();
    let mut s1 = store
        .create_session(&text, start(&p, 1, 0.4, 25.5), &clock.now())
        .unwrap();
    let rec = |open: &mut kap::record::OpenSession, ev: Event, mins: i64| {
        clock.advance(mins * MINUTE);
        open.record(ev, &clock.now()).unwrap();
    };
    let answer = |id: &str, t: &str| Event::Answered {
        prompt: id.into(),
        text: t.into(),
    };
    let tick = |id: &str| Event::Ticked {
        prompt: id.into(),
        checked: true,
    };
    let vit = |v: &str| Event::Vitals {
        reading: parse(v).unwrap(),
    };
    rec(
        &mut s1,
        answer("wellbeing", "tired, some pain, mood low"),
        2,
    );
    rec(&mut s1, answer("medical-changes", "none"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, answer("goals-status", "first session"), 1);
    rec(
        &mut s1,
        Event::GoalsSet {
            goals: vec![
                "Call my sister each Sunday".into(),
                "Sort the photo albums with my son".into(),
                "Ten minutes in the garden when I can".into(),
            ],
        },
        1,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(
        &mut s1,
        answer("intention", "to feel less alone, with a comma"),
        2,
    );
    rec(&mut s1, answer("music-choice", "none: silence"), 1);
    rec(
        &mut s1,
        Event::MusicChosen {
            playlist: None,
            support: Some("silence".into()),
        },
        1,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, vit("122/78 86 95"), 2);
    rec(&mut s1, tick("readiness"), 1);
    rec(&mut s1, tick("psychotherapy-started"), 0);
    rec(&mut s1, tick("capacity"), 0);
    rec(&mut s1, tick("consent"), 1);
    rec(&mut s1, tick("iv-line"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, Event::DosingStarted, 1);
    rec(&mut s1, vit("130/82 90 95"), 10);
    rec(
        &mut s1,
        Event::Note {
            text: "\"sick\", offered bowl".into(),
            tags: vec!["nausea".into()],
        },
        3,
    );
    rec(&mut s1, Event::CheckedIn { note: None }, 1);
    rec(
        &mut s1,
        Event::DosingPaused {
            reason: "nausea".into(),
        },
        1,
    );
    rec(&mut s1, Event::DosingResumed, 4);
    rec(&mut s1, vit("186/96 104 94"), 5);
    rec(&mut s1, vit("bp 190/98"), 5);
    rec(
        &mut s1,
        Event::AlertAcknowledged {
            alert: 1,
            action: Some("rechecked; physician aware".into()),
        },
        1,
    );
    rec(&mut s1, vit("138/84 92 95"), 8);
    rec(&mut s1, Event::Advanced { reason: None }, 12);
    rec(
        &mut s1,
        answer("experience", "Saw my mother's kitchen.\nFelt held."),
        5,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 10);
    rec(&mut s1, tick("integration-booked"), 1);
    rec(&mut s1, answer("goals-review", "keep all three"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, tick("settled"), 1);
    rec(&mut s1, tick("ward-handover"), 1);
    rec(&mut s1, tick("contact-team"), 1);
    rec(&mut s1, vit("126/80 84 96"), 1);
    rec(&mut s1, Event::Closed, 1);
    let dir1 = s1.dir.clone();

    // A week later, session 2: started, then interrupted mid-infusion.
    clock.advance(7 * 24 * 60 * MINUTE);
    let mut s2 = store
        .create_session(&text, start(&p, 2, 0.8, 51.0), &clock.now())
        .unwrap();
    for _ in 0..3 {
        rec(
            &mut s2,
            Event::Advanced {
                reason: Some("test".into()),
            },
            1,
        );
    }
    rec(&mut s2, vit("124/80 88 95"), 1);
    rec(&mut s2, tick("readiness"), 1);
    rec(&mut s2, tick("capacity"), 0);
    rec(&mut s2, tick("consent"), 1);
    rec(
        &mut s2,
        Event::Advanced {
            reason: Some("line in, box missed".into()),
        },
        1,
    );
    rec(&mut s2, Event::DosingStarted, 1);
    rec(&mut s2, vit("134/86 96 94"), 11);
    let dir2 = s2.dir.clone();
    (dir1, dir2, clock)
}

#[test]
fn goals_carry_over_and_keep_their_history() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (_, dir2, clock) = fixed_course(&store);
    let entries = course::load(&store, "P-017", "palliative", false);
    assert_eq!(entries.len(), 2);
    assert_eq!(course::current_goals(&entries).len(), 3);
    assert_eq!(course::next_number(&entries), 3);
    // Session 2 edits the goals; the first list stays in session 1's record.
    let mut s2 = kap::record::OpenSession::open(&dir2).unwrap();
    s2.record(
        Event::GoalsSet {
            goals: vec![
                "Call my sister each Sunday".into(),
                "Finish two albums with my son".into(),
                "Ten minutes in the garden when I can".into(),
            ],
        },
        &clock.now(),
    )
    .unwrap();
    let entries = course::load(&store, "P-017", "palliative", false);
    assert_eq!(
        course::current_goals(&entries)[1],
        "Finish two albums with my son"
    );
    let history = course::goal_history(&entries);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].0, 1);
    assert_eq!(history[0].1[1], "Sort the photo albums with my son");
    let prev = course::previous(&entries, Some(&dir2)).unwrap();
    assert_eq!(prev.session.start.session, 1);
}

fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("KAP_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (KAP_BLESS=1 writes it)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs (KAP_BLESS=1 rewrites it)",
        path.display()
    );
}

#[test]
fn exports_match_the_golden_files() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir1, dir2, clock) = fixed_course(&store);
    let now = clock.now();
    let r = kap::record::store::read_session(&dir1).unwrap();
    let (s1, w) = (r.session, r.warnings);
    assert!(w.is_empty());
    golden(
        "palliative-s1.md",
        &export::markdown(&s1, &now, &Default::default()),
    );
    golden("palliative-s1.csv", &export::csv(&s1, &Default::default()));
    golden(
        "palliative-s1.long.csv",
        &kap::record::csv::long(&s1, "P-017-s1-20260105T090000", &Default::default()),
    );
    let fhir = export::fhir(&s1, "P-017-s1-20260105T090000", &now, &Default::default());
    golden(
        "palliative-s1.fhir.json",
        &(serde_json::to_string_pretty(&fhir).unwrap() + "\n"),
    );
    // The interrupted session exports too.
    let s2 = kap::record::store::read_session(&dir2).unwrap().session;
    golden(
        "palliative-s2-interrupted.md",
        &export::markdown(&s2, &now, &Default::default()),
    );
}

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
    // entries are listed: status, recorded, entry).
    for r in &rows {
        assert_eq!(r.split(',').count(), 13, "{r}");
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
    let text = serde_json::to_string(&export::fhir(&s1, "rec", &clock.now(), &Default::default()))
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
            "Consent" | "DetectedIssue" => &r["patient"],
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
    assert!(counts["other"] >= 5, "answers and the note");
}

#[test]
fn export_is_read_only_and_history_lists_the_course() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (_, dir2, _) = fixed_course(&store);
    // A torn tail on the interrupted session must survive an export.
    let j = dir2.join("journal.jsonl");
    let mut bytes = std::fs::read(&j).unwrap();
    bytes.extend_from_slice(b"{\"v\":1,\"seq\":99");
    std::fs::write(&j, &bytes).unwrap();
    let kap = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(args)
            .env("KAP_DATA_DIR", tmp.path())
            .output()
            .unwrap()
    };
    let id = dir2.file_name().unwrap().to_string_lossy().into_owned();
    let out = kap(&["export", &id, "--format", "vitals-csv"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cut short"));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert_eq!(
        std::fs::read(&j).unwrap(),
        bytes,
        "export changed the journal"
    );
    let outfile = tmp.path().join("out.json");
    let out = kap(&[
        "export",
        &id,
        "--format",
        "fhir",
        "-o",
        outfile.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&outfile).unwrap()).unwrap();
    assert_eq!(v["type"], "collection");
    // A bare file name writes into the working folder and succeeds.
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["export", &id, "-o", "note.md"])
        .env("KAP_DATA_DIR", tmp.path())
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(tmp.path().join("note.md"))
            .unwrap()
            .starts_with("# Session 2")
    );

    let out = kap(&["history", "P-017"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("session 1 of 2"), "{s}");
    assert!(s.contains("session 2 of 2"), "{s}");
    assert!(s.contains("closed"), "{s}");
    assert!(s.contains("OPEN"), "{s}");
    assert!(s.contains("debrief: Saw my mother's kitchen."), "{s}");
    assert!(s.contains("Call my sister each Sunday"), "{s}");
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
    let closed_md = export::markdown(&open.session, &clock.now(), &Default::default());
    // Read on the real clock, which a fast rehearsal ran ahead of: a few
    // real minutes after its start, long before its simulated end.
    let real = open.session.started_at.plus(3 * MINUTE);
    let md = export::markdown(&open.session, &real, &Default::default());
    assert_eq!(md, closed_md);
    let later = real;
    assert!(md.contains("Completed"), "{md}");
    assert!(md.contains("Running time 40 min"), "{md}");
    let bundle = export::fhir(&open.session, "r", &later, &Default::default());
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

/// Typed text reads in the summary as typed: Markdown and HTML in a note
/// or an answer are not rendered.
#[test]
fn typed_text_is_escaped_in_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (p, text) = load("palliative.toml");
    let clock = SimClock::fixed();
    let mut open = store
        .create_session(&text, start(&p, 1, 0.4, 25.5), &clock.now())
        .unwrap();
    clock.advance(MINUTE);
    let hostile = "*not italic* <b>not bold</b> [link](http://x) | pipe _u_";
    open.record(
        Event::Note {
            text: hostile.into(),
            tags: vec![],
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(MINUTE);
    open.record(
        Event::Answered {
            prompt: "wellbeing".into(),
            text: hostile.into(),
        },
        &clock.now(),
    )
    .unwrap();
    let md = export::markdown(&open.session, &clock.now(), &Default::default());
    let escaped = r"\*not italic\* \<b\>not bold\</b\> \[link\](http://x) \| pipe \_u\_";
    assert!(md.matches(escaped).count() >= 2, "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(!md.contains("*not italic*"), "{md}");
}
