//! Course logic (windows between sessions, dose steps, goals carried over,
//! the course's end raised late), the exports against golden files, and
//! what export and history print. The fixed course is in
//! `tests/common/course.rs`; the CSV and FHIR detail tests are in
//! `tests/exports_detail.rs`.

mod common;

use chrono::NaiveDate;
use common::course::{fixed_course, load, root, start};
use kap::protocol::Protocol;
use kap::record::{Store, course, export};
use kap::session::course::{Fit, window};
use kap::session::{Clock, Event, MINUTE, SimClock};
use std::process::Command;

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
    let said = w2.describe().say(kap::i18n::Lang::En);
    assert!(said.contains("aim Thu 8 Jan – Fri 9 Jan"), "{said}");
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
    let mut s2 = common::reopen::reopen(&dir2);
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
    // The record's seal, as its closing would write it: every rendering
    // states it.
    let sealed = journal_seal(&dir1);
    let integrity = export::Integrity {
        seal: Some(sealed.clone()),
        ..Default::default()
    };
    golden(
        "palliative-s1.md",
        &export::markdown(&s1, &now, &integrity, kap::i18n::Lang::En),
    );
    golden("palliative-s1.csv", &export::csv(&s1, &integrity));
    golden(
        "palliative-s1.long.csv",
        &kap::record::csv::long(&s1, "P-017-s1-20260105T090000", &integrity),
    );
    let fhir = export::fhir(
        &s1,
        "P-017-s1-20260105T090000",
        &now,
        &integrity,
        kap::i18n::Lang::En,
    );
    golden(
        "palliative-s1.fhir.json",
        &(serde_json::to_string_pretty(&fhir).unwrap() + "\n"),
    );
    // Written as it is made (kap export, kap push), the Bundle is the
    // same bytes the whole tree gives, as a collection and a transaction.
    for tx in [false, true] {
        let whole = if tx {
            kap::record::fhir_tx::transaction(fhir.clone()).0
        } else {
            fhir.clone()
        };
        let bundle = || {
            kap::record::fhir::stream(
                &s1,
                "P-017-s1-20260105T090000",
                &now,
                &integrity,
                kap::i18n::Lang::En,
            )
        };
        let (mut pretty, mut compact) = (Vec::new(), Vec::new());
        kap::record::fhir_out::write_pretty(bundle(), tx, &mut pretty).unwrap();
        kap::record::fhir_out::write_compact(bundle(), tx, &mut compact).unwrap();
        assert_eq!(
            pretty,
            serde_json::to_vec_pretty(&whole).unwrap(),
            "tx {tx}"
        );
        assert_eq!(compact, serde_json::to_vec(&whole).unwrap(), "tx {tx}");
    }
    seal_in_every_rendering(&s1, &now, &integrity, &fhir, &sealed);
    // The interrupted session exports too.
    let s2 = kap::record::store::read_session(&dir2).unwrap().session;
    golden(
        "palliative-s2-interrupted.md",
        &export::markdown(&s2, &now, &Default::default(), kap::i18n::Lang::En),
    );
}

/// The seal of a folder's journal: its last entry's number and the
/// SHA-256 of that entry's line.
fn journal_seal(dir: &std::path::Path) -> (u64, String) {
    let text = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let last = text.lines().last().unwrap();
    let seq = serde_json::from_str::<serde_json::Value>(last).unwrap()["seq"]
        .as_u64()
        .unwrap();
    (seq, kap::record::verify::sha256_hex(last.as_bytes()))
}

/// The md, both CSVs and the FHIR Bundle name the same seal, each in its
/// own form; without one, none does.
fn seal_in_every_rendering(
    s: &kap::session::Session,
    now: &kap::session::Moment,
    integrity: &export::Integrity,
    fhir: &serde_json::Value,
    (n, hash): &(u64, String),
) {
    let id = "P-017-s1-20260105T090000";
    let md = export::markdown(s, now, integrity, kap::i18n::Lang::En);
    assert!(md.contains(&format!("entries 1 to {n};")) && md.contains(hash.as_str()));
    let wide = export::csv(s, integrity);
    let mut lines = wide.lines();
    assert!(lines.next().unwrap().ends_with(",verified,seal"));
    assert!(lines.all(|l| l.ends_with(&format!(",{n}:{hash}"))));
    let long = kap::record::csv::long(s, id, integrity);
    let last = long.lines().last().unwrap();
    assert!(
        last.contains(&format!(",{n},seal,sha256,{hash},")),
        "{last}"
    );
    let provenance: Vec<_> = fhir["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Provenance" && r["entity"].is_array())
        .collect();
    assert_eq!(provenance.len(), 1);
    let p = provenance[0];
    assert_eq!(p["entity"][0]["role"], "source");
    let ident = &p["entity"][0]["what"]["identifier"];
    assert_eq!(ident["system"], "urn:kap:journal-seal");
    assert_eq!(ident["value"], format!("{n}:{hash}"));
    assert_eq!(p["agent"][0]["type"]["coding"][0]["code"], "assembler");
    assert!(p.get("signature").is_none(), "a hash, not a signature");
    // No seal, none stated.
    let none = export::Integrity::default();
    assert!(!export::csv(s, &none).contains(hash.as_str()));
    assert!(!kap::record::csv::long(s, id, &none).contains(",seal,"));
    let bundle = export::fhir(s, id, now, &none, kap::i18n::Lang::En).to_string();
    assert!(!bundle.contains("journal-seal"));
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
            outside: None,
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
    let md = export::markdown(
        &open.session,
        &clock.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    );
    let escaped = r"\*not italic\* \<b\>not bold\</b\> \[link\](http://x) \| pipe \_u\_";
    assert!(md.matches(escaped).count() >= 2, "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(!md.contains("*not italic*"), "{md}");
}
