//! A journal that was damaged or edited by hand: every line is checked (its
//! checksum, its link to the line before, its entry number), whatever can
//! be read is recovered, the rest is quarantined, and each finding is
//! named by line. Exports of the recoverable part work and say what they
//! skipped. A newer schema is refused; an older one is read.

mod common;

use kap::record::store::{JOURNAL, PROTOCOL_COPY, ReadSession, read_session};
use kap::record::{Finding, OpenSession, journal};
use kap::session::{Event, SECOND, vitals::parse};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use std::path::Path;
use std::process::Command;

/// A real session's journal, one entry per line:
/// 1 started, 2–4 advanced, 5–7 ticked, 8 vitals, 9 advanced (to dosing),
/// 10 dosing-started, 11 vitals, 12–13 notes, 14 vitals, 15 paused,
/// 16 resumed, 17 note.
fn session_lines() -> (Vec<String>, Vec<u8>) {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Dim, "P-audit", 3);
    common::into_infusion(&mut app, &clock);
    let at = |s: i64| clock.advance(s * SECOND);
    let events = [
        Event::Vitals {
            reading: parse("130/85 72 97").unwrap(),
        },
        Event::Note {
            text: "first".into(),
            tags: vec![],
            outside: None,
        },
        Event::Note {
            text: "second".into(),
            tags: vec![],
            outside: None,
        },
        Event::Vitals {
            reading: parse("125/80 70 98").unwrap(),
        },
        Event::DosingPaused {
            reason: "patient asked".into(),
        },
        Event::DosingResumed,
        Event::Note {
            text: "third".into(),
            tags: vec![],
            outside: None,
        },
    ];
    for ev in events {
        at(60);
        common::record(&mut app, &clock, ev);
    }
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let text = std::fs::read_to_string(v.open.journal.path()).unwrap();
    let copy = std::fs::read(v.open.dir.join(PROTOCOL_COPY)).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 17);
    (lines, copy)
}

fn folder(lines: &[String], copy: &[u8]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("rehearsal").join("P-audit-s3-x");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(PROTOCOL_COPY), copy).unwrap();
    std::fs::write(dir.join(JOURNAL), lines.join("\n") + "\n").unwrap();
    tmp
}

fn dir_of(tmp: &tempfile::TempDir) -> std::path::PathBuf {
    tmp.path().join("rehearsal").join("P-audit-s3-x")
}

fn read(tmp: &tempfile::TempDir) -> ReadSession {
    read_session(&dir_of(tmp)).unwrap()
}

/// (line, finding) pairs, in order.
fn findings(r: &ReadSession) -> Vec<(usize, Finding)> {
    r.problems
        .iter()
        .map(|p| (p.line, p.finding.clone()))
        .collect()
}

fn kap(args: &[&str], data: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .env("KAP_DATA_DIR", data)
        .output()
        .unwrap()
}

#[test]
fn a_clean_journal_verifies_line_by_line() {
    let (lines, copy) = session_lines();
    let tmp = folder(&lines, &copy);
    let r = read(&tmp);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let out = journal::read(&dir_of(&tmp).join(JOURNAL)).unwrap();
    assert!(out.verified.iter().all(|v| *v));
    assert_eq!(r.session.vitals.len(), 3);
}

#[test]
fn every_damaged_middle_line_is_named_and_the_rest_is_recovered() {
    let (lines, copy) = session_lines();
    for i in 1..lines.len() {
        let mut damaged = lines.clone();
        damaged[i] = format!("{}#", &lines[i][..lines[i].len() / 2]);
        let tmp = folder(&damaged, &copy);
        let r = read(&tmp);
        let f = findings(&r);
        assert!(
            matches!(&f[0], (l, Finding::Unreadable(_)) if *l == i + 1),
            "line {}: {f:?}",
            i + 1
        );
        // Nothing before the damage is touched.
        assert!(f.iter().all(|(l, _)| *l > i), "line {}: {f:?}", i + 1);
        // Entries after it are recovered unless they depend on it.
        let vitals_lines = [8, 11, 14];
        let lost = usize::from(vitals_lines.contains(&(i + 1)));
        assert_eq!(r.session.vitals.len(), 3 - lost, "line {}: {f:?}", i + 1);
        let notes: Vec<&str> = r.session.notes.iter().map(|n| n.text.as_str()).collect();
        for (line, text) in [(12, "first"), (13, "second"), (17, "third")] {
            assert_eq!(notes.contains(&text), line != i + 1, "line {}", i + 1);
        }
        // The exports work on what was recovered, and say what not.
        for format in ["md", "vitals-csv", "csv", "fhir"] {
            let id = "P-audit-s3-x";
            let o = kap(&["export", id, "--format", format], tmp.path());
            assert!(
                o.status.success(),
                "{format}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let text = String::from_utf8_lossy(&o.stdout);
            match format {
                "md" => assert!(
                    text.contains(&format!("- journal line {}: unreadable", i + 1)),
                    "{text}"
                ),
                "fhir" => assert!(text.contains("OperationOutcome"), "{text}"),
                // The long table: four rows per recovered vitals set.
                "csv" => assert_eq!(
                    text.lines().filter(|l| l.contains(",vitals,")).count(),
                    4 * (3 - lost)
                ),
                _ => assert_eq!(text.lines().count(), 1 + 3 - lost),
            }
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains(&format!("journal.jsonl:{}: unreadable", i + 1)),
                "{err}"
            );
        }
    }
}

#[test]
fn a_missing_phase_move_quarantines_what_depended_on_it() {
    let (mut lines, copy) = session_lines();
    lines[8] = "{\"v\":2,\"seq\":9,".into();
    let tmp = folder(&lines, &copy);
    let r = read(&tmp);
    let refused: Vec<usize> = r
        .problems
        .iter()
        .filter(|p| matches!(p.finding, Finding::Refused(_)))
        .map(|p| p.line)
        .collect();
    // The infusion's start, pause and resume need the dosing phase.
    assert_eq!(refused, vec![10, 15, 16]);
    assert_eq!(r.session.vitals.len(), 3);
    assert!(r.warnings.iter().any(|w| {
        let w = w.say(kap::i18n::Lang::En);
        w.contains("journal.jsonl:10: entry 10 (dosing-started at")
            && w.contains("skipped: it does not fit the session")
    }));
}

#[test]
fn an_unknown_event_type_and_a_bad_timestamp_are_named() {
    let (mut lines, copy) = session_lines();
    lines[11] = lines[11].replace("\"type\":\"note\"", "\"type\":\"teleport\"");
    let wall = lines[12]
        .split("\"wall\":\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    lines[12] = lines[12].replace(&wall, "yesterday at noon");
    let tmp = folder(&lines, &copy);
    let r = read(&tmp);
    let f = findings(&r);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        matches!(&f[0], (12, Finding::Unreadable(e)) if e.contains("unknown variant `teleport`")),
        "{f:?}"
    );
    assert!(
        matches!(&f[1], (13, Finding::Unreadable(e)) if e.contains("input contains invalid characters") || e.contains("premature end") || e.contains("invalid")),
        "{f:?}"
    );
    assert_eq!(r.session.notes.len(), 1);
}

#[test]
fn a_hand_edited_dose_is_caught_twice_and_still_shown_as_written() {
    let (mut lines, copy) = session_lines();
    lines[0] = lines[0].replace("\"dose_mg\":35.0", "\"dose_mg\":99999.0");
    let tmp = folder(&lines, &copy);
    let r = read(&tmp);
    assert_eq!(
        findings(&r),
        vec![
            (1, Finding::Altered),
            (
                1,
                Finding::Implausible(kap::phrase!(
                    "ref-dose-disagrees",
                    recorded = 99999.0,
                    weight = 70.0,
                    per_kg = 0.5,
                    dose = 35.0
                ))
            ),
        ]
    );
    let o = kap(&["export", "P-audit-s3-x", "--format", "md"], tmp.path());
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("## Record integrity"), "{md}");
    assert!(md.contains("- journal line 1: entry 1 (started at"), "{md}");
    assert!(
        md.contains("failed verification: its checksum does not match"),
        "{md}"
    );
}

#[test]
fn a_hand_edited_reading_is_flagged_in_the_csv_and_the_fhir_bundle() {
    let (mut lines, copy) = session_lines();
    assert!(lines[10].contains("\"systolic\":130"), "{}", lines[10]);
    lines[10] = lines[10].replace("\"systolic\":130", "\"systolic\":180");
    let tmp = folder(&lines, &copy);
    assert_eq!(findings(&read(&tmp)), vec![(11, Finding::Altered)]);
    let csv = kap(
        &["export", "P-audit-s3-x", "--format", "vitals-csv"],
        tmp.path(),
    );
    let csv = String::from_utf8_lossy(&csv.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].ends_with(",verified,seal"));
    let verified = |row: &str| row.split(',').nth(13).unwrap_or("").to_string();
    assert!(
        verified(rows[1]) == "yes" && verified(rows[3]) == "yes",
        "{csv}"
    );
    assert!(
        rows[2].contains(",180,") && verified(rows[2]) == "no",
        "{csv}"
    );
    let fhir = kap(&["export", "P-audit-s3-x", "--format", "fhir"], tmp.path());
    let v: serde_json::Value = serde_json::from_slice(&fhir.stdout).unwrap();
    let outcome = v["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "OperationOutcome")
        .expect("an OperationOutcome");
    let issue = &outcome["resource"]["issue"][0];
    assert_eq!(issue["severity"], "warning");
    assert!(
        issue["diagnostics"]
            .as_str()
            .unwrap()
            .starts_with("journal line 11: entry 11 (vitals at")
    );
}

#[test]
fn a_deleted_line_and_two_swapped_lines_are_named() {
    let (lines, copy) = session_lines();
    let mut deleted = lines.clone();
    deleted.remove(12); // the note "second", entry 13
    let tmp = folder(&deleted, &copy);
    assert_eq!(
        findings(&read(&tmp)),
        vec![
            (13, Finding::ChainBroken),
            (
                13,
                Finding::Sequence {
                    expected: 13,
                    found: 14
                }
            ),
        ]
    );
    let mut swapped = lines.clone();
    swapped.swap(11, 12); // the two notes
    let tmp = folder(&swapped, &copy);
    let r = read(&tmp);
    assert_eq!(
        findings(&r),
        vec![
            (12, Finding::ChainBroken),
            (
                12,
                Finding::Sequence {
                    expected: 12,
                    found: 13
                }
            ),
            (13, Finding::ChainBroken),
            (
                13,
                Finding::Sequence {
                    expected: 14,
                    found: 12
                }
            ),
            (14, Finding::ChainBroken),
        ]
    );
    // Both notes are still in the record.
    assert_eq!(r.session.notes.len(), 3);
}

#[test]
fn a_newer_schema_is_refused_with_its_number_and_an_older_one_is_read() {
    let (lines, copy) = session_lines();
    let mut newer = lines.clone();
    newer[5] = newer[5].replacen("{\"v\":2,", "{\"v\":3,", 1);
    let tmp = folder(&newer, &copy);
    let e = read_session(&dir_of(&tmp))
        .unwrap_err()
        .say(kap::i18n::Lang::En);
    assert!(
        e.ends_with("journal.jsonl: line 6 was written by a newer kap (journal schema 3; this kap reads schemas 1 to 2); open it with that version"),
        "{e}"
    );
    assert!(OpenSession::open(&dir_of(&tmp)).is_err());
    let o = kap(&["export", "P-audit-s3-x", "--format", "csv"], tmp.path());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("journal schema 3"));

    // Schema 1: no checksums. Read with a note, and continued in schema 2.
    let older: Vec<String> = lines
        .iter()
        .map(|l| {
            let cut = l.find(",\"prev\":").unwrap();
            format!("{}}}", &l[..cut]).replacen("{\"v\":2,", "{\"v\":1,", 1)
        })
        .collect();
    let tmp = folder(&older, &copy);
    let r = read(&tmp);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.warnings[0].say(kap::i18n::Lang::En).ends_with(
        "17 entries were written before journals carried checksums (schema 1): read, but they cannot be verified"
    ));
    let mut open = OpenSession::open(&dir_of(&tmp)).unwrap();
    let at = r.session.notes[0].at.plus(3_600_000);
    open.record(
        Event::Note {
            text: "after the upgrade".into(),
            tags: vec![],
            outside: None,
        },
        &at,
    )
    .unwrap();
    drop(open);
    let out = journal::read(&dir_of(&tmp).join(JOURNAL)).unwrap();
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_eq!(out.records.last().unwrap().v, 2);
    assert_eq!(out.verified.last(), Some(&true));
}

#[test]
fn a_damaged_first_line_is_refused_whole_with_its_line() {
    let (mut lines, copy) = session_lines();
    lines[0] = "{\"v\":2,\"seq\":1,\"rehearsal\":tru".into();
    let tmp = folder(&lines, &copy);
    let e = read_session(&dir_of(&tmp))
        .unwrap_err()
        .say(kap::i18n::Lang::En);
    assert!(
        e.ends_with("journal.jsonl:2: the first readable entry is not the session's start, so the record cannot be rebuilt"),
        "{e}"
    );
}
