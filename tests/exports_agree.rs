//! One record, four renderings, one account: a session with an entry
//! marked in error, an entry replaced through a correction, an answer
//! written twice and an addendum after the seal, exported by `kap export`
//! as Markdown, HTML, the long CSV and FHIR. Every rendering must give
//! each of those entries the same status, and every one states the seal
//! the record was last sealed with.

mod common;

use common::course::{load, start};
use common::sealed::{open_when_free, seal};
use kap::record::Store;
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SimClock};
use serde_json::Value;
use std::path::Path;

fn export(dir: &Path, format: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["export", dir.to_str().unwrap(), "--format", format])
        .env("KAP_DATA_DIR", dir.parent().unwrap())
        .env("KAP_LANG", "en")
        .env("KAP_AUDIO", "off")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Entries: a note later marked in error, a reading later replaced, an
/// answer written twice; ended early (before the infusion, so in the
/// check-in), sealed, then an addendum, sealed again.
/// Returns the folder and the sequence numbers of those entries.
fn record(data: &Path) -> (std::path::PathBuf, [u64; 5]) {
    let store = Store::at(data);
    let (p, text) = load("palliative.toml");
    let clock = SimClock::fixed();
    let mut open = store
        .create_session(&text, start(&p, 1, 0.4, 25.5), &clock.now())
        .unwrap();
    let rec = |open: &mut kap::record::OpenSession, ev: Event| {
        clock.advance(MINUTE);
        open.record(ev, &clock.now()).unwrap();
        open.journal.seal().0
    };
    let answer = |t: &str| Event::Answered {
        prompt: "wellbeing".into(),
        text: t.into(),
    };
    let first = rec(&mut open, answer("FIRST-ANSWER"));
    let second = rec(&mut open, answer("SECOND-ANSWER"));
    let note = rec(
        &mut open,
        Event::Note {
            text: "NOTE-IN-ERROR".into(),
            tags: vec![],
            outside: None,
        },
    );
    let reading = rec(
        &mut open,
        Event::Vitals {
            reading: parse("151/95 88 97").unwrap(),
        },
    );
    rec(
        &mut open,
        Event::Corrected {
            entry: note,
            reason: "wrong patient".into(),
            with: None,
        },
    );
    let replacement = rec(
        &mut open,
        Event::Corrected {
            entry: reading,
            reason: "misread the cuff".into(),
            with: Some(Box::new(Event::Vitals {
                reading: parse("117/75 88 97").unwrap(),
            })),
        },
    );
    rec(
        &mut open,
        Event::Abandoned {
            reason: "patient asked to stop".into(),
        },
    );
    let dir = open.dir.clone();
    drop(open);
    seal(&dir, &clock);
    clock.advance(60 * MINUTE);
    let mut open = open_when_free(&dir);
    rec(
        &mut open,
        Event::Addendum {
            text: "ADDENDUM-TEXT".into(),
            reason: "late detail".into(),
        },
    );
    drop(open);
    seal(&dir, &clock);
    (dir, [first, second, note, reading, replacement])
}

/// The timeline table's row holding `needle`, as Markdown.
fn md_row<'a>(md: &'a str, needle: &str) -> &'a str {
    md.lines()
        .filter(|l| l.starts_with('|'))
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no timeline row with {needle}:\n{md}"))
}

/// The timeline table's row holding `needle`, as HTML.
fn html_row<'a>(html: &'a str, needle: &str) -> &'a str {
    html.split("<tr>")
        .filter(|r| r.starts_with("<td>"))
        .map(|r| r.split("</tr>").next().unwrap_or(r))
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("no timeline row with {needle}"))
}

/// The long CSV's status of every row of entry `seq`.
fn csv_status(csv: &str, seq: u64) -> Vec<String> {
    let mut lines = csv.split("\r\n");
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (entry, status) = (col("entry"), col("status"));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|c| c[entry] == seq.to_string())
        .map(|c| c[status].to_string())
        .collect()
}

/// Every resource of the Bundle whose JSON mentions `needle`.
fn fhir_with<'a>(bundle: &'a Value, needle: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r.to_string().contains(needle))
        .collect()
}

#[test]
fn md_html_csv_and_fhir_agree_on_every_status_and_the_seal() {
    let data = tempfile::tempdir().unwrap();
    let (dir, [first, second, note, reading, replacement]) = record(data.path());
    let md = export(&dir, "md");
    let html = export(&dir, "html");
    let csv = export(&dir, "csv");
    let fhir: Value = serde_json::from_str(&export(&dir, "fhir")).unwrap();

    // Marked in error: struck in the summary and the page, so in the
    // table, and the Observation says so.
    assert!(md_row(&md, "NOTE-IN-ERROR").contains("~~"), "{md}");
    assert!(md_row(&md, "NOTE-IN-ERROR").contains("ENTERED IN ERROR"));
    assert!(html_row(&html, "NOTE-IN-ERROR").contains("<s>"));
    assert_eq!(csv_status(&csv, note), ["entered-in-error"]);
    let obs = fhir_with(&fhir, "NOTE-IN-ERROR");
    assert!(!obs.is_empty());
    assert!(
        obs.iter().all(|r| r["status"] == "entered-in-error"),
        "{obs:?}"
    );

    // Replaced through a correction: the original struck everywhere and
    // naming its replacement; the replacement stands.
    let mark = format!("REPLACED by entry {replacement}");
    assert!(md_row(&md, "151/95").contains("~~") && md_row(&md, "151/95").contains(&mark));
    assert!(html_row(&html, "151/95").contains("<s>"));
    assert!(
        html_row(&html, "151/95").contains(&mark),
        "{}",
        html_row(&html, "151/95")
    );
    assert!(!md_row(&md, "117/75").contains("~~"));
    assert!(!html_row(&html, "117/75").contains("<s>"));
    assert!(csv_status(&csv, reading).iter().all(|s| s == "replaced"));
    assert!(csv_status(&csv, replacement).iter().all(|s| s == "current"));
    let bp = |sys: u64| {
        fhir["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["resource"])
            .find(|r| {
                r["component"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|c| c["valueQuantity"]["value"] == sys))
            })
            .unwrap_or_else(|| panic!("no blood pressure {sys}"))
            .clone()
    };
    assert_eq!(bp(151)["status"], "entered-in-error");
    assert_eq!(bp(117)["status"], "amended");

    // Written again: not an error, so never struck, but the first answer
    // no longer stands — marked in the summary and page, `replaced` in the
    // table, and only the answer as it stands goes to FHIR.
    let again = format!("answered again at entry {second}");
    assert!(md_row(&md, "FIRST-ANSWER").contains(&again), "{md}");
    assert!(!md_row(&md, "FIRST-ANSWER").contains("~~"));
    assert!(html_row(&html, "FIRST-ANSWER").contains(&again));
    assert!(!html_row(&html, "FIRST-ANSWER").contains("<s>"));
    assert_eq!(csv_status(&csv, first), ["replaced"]);
    assert_eq!(csv_status(&csv, second), ["current"]);
    assert!(fhir_with(&fhir, "FIRST-ANSWER").is_empty());
    assert!(!fhir_with(&fhir, "SECOND-ANSWER").is_empty());

    // As many struck rows in the summary's timeline as on the page.
    let struck_md = md
        .lines()
        .filter(|l| l.starts_with('|') && l.contains("~~"))
        .count();
    let struck_html = html
        .split("<tr>")
        .filter(|r| r.starts_with("<td>"))
        .filter(|r| r.split("</tr>").next().unwrap_or(r).contains("<s>"))
        .count();
    assert_eq!(struck_md, 2, "{md}");
    assert_eq!(struck_md, struck_html);

    // The addendum is in all four.
    for (name, text) in [("md", &md), ("html", &html), ("csv", &csv)] {
        assert!(text.contains("ADDENDUM-TEXT"), "{name}");
    }
    assert!(!fhir_with(&fhir, "ADDENDUM-TEXT").is_empty());

    // The seal written after the addendum, in all four.
    let seal: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("seal.json")).unwrap()).unwrap();
    let (n, hash) = (
        seal["entries"].as_u64().unwrap(),
        seal["last_sha256"].as_str().unwrap(),
    );
    assert!(md.contains(&format!("entries 1 to {n}")) && md.contains(&format!("`{hash}`")));
    assert!(html.contains(&format!("entries 1 to {n}")));
    assert!(html.contains(&format!("<code>{hash}</code>")));
    let seal_row = csv.split("\r\n").find(|l| l.contains(",seal,")).unwrap();
    assert!(
        seal_row.contains(&n.to_string()) && seal_row.contains(hash),
        "{seal_row}"
    );
    let provenance = fhir_with(&fhir, &format!("{n}:{hash}"));
    assert!(
        provenance.iter().any(|r| r["resourceType"] == "Provenance"),
        "{fhir}"
    );
}
