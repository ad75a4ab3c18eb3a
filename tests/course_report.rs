//! `kap export --course PATIENT --format html`: a patient's course of
//! care as one page. A palliative course (session 1 held with a high BP
//! alarm, session 2 interrupted mid-infusion) gives the sessions table
//! with the dose given, the alarms and the goals, and a chart per
//! session fact; a Montreal course with the PHQ-9 at each check-in draws
//! the totals with the baseline, response and remission lines and says
//! "Response at session 4" in words. Charts carry ids of their own, so a
//! screen reader names each. The page in a real browser:
//! `html_report_browser.rs`.

mod common;

use common::cli_words::kap;
use kap::record::Store;
use std::path::Path;
use std::process::Command;

fn page(data: &Path) -> String {
    let out = data.join("course.html");
    kap(
        data,
        &[
            "export",
            "--course",
            "P-017",
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn a_palliative_course_lists_each_session_its_dose_alarms_and_goals() {
    let data = tempfile::tempdir().unwrap();
    common::course::fixed_course(&Store::at(data.path()));
    let html = page(data.path());
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h1>Course of care: P-017</h1>"), "{html}");
    assert!(html.contains("2 of 2 sessions held"), "{html}");
    // Session 1: the whole dose and one alarm; session 2: part of it.
    let rows: Vec<&str> = html.split("<tr>").filter(|r| r.contains("<td>")).collect();
    assert_eq!(rows.len(), 2, "{html}");
    assert!(
        rows[0].contains("<td class=\"num\">25.5</td>"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("<td class=\"num\">1</td>"), "{}", rows[0]);
    assert!(rows[0].contains("A. Martin, RN"), "{}", rows[0]);
    assert!(
        !rows[1].contains("<td class=\"num\">51</td>"),
        "{}",
        rows[1]
    );
    // Goals, what is due, and a chart for dose, dissociation and alarms,
    // each titled by ids of its own.
    assert!(html.contains("Call my sister each Sunday"), "{html}");
    assert!(html.contains("Due or overdue today"), "{html}");
    assert_eq!(html.matches("<svg").count(), 3, "{html}");
    for id in ["c0-dose", "c0-dissociation", "c0-alarms"] {
        assert!(
            html.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
            "{id}: {html}"
        );
    }
    assert!(!html.contains("<script"), "{html}");
}

#[test]
fn a_measure_is_drawn_with_its_thresholds_and_said_in_words() {
    let data = common::course::phq9_course();
    let html = page(data.path());
    assert!(html.contains("PHQ-9: total by session"), "{html}");
    // One point per administration (the one entered in error left out).
    let chart = html
        .split("<svg")
        .find(|c| c.contains("c0-m0-title"))
        .expect("the PHQ-9 chart");
    assert_eq!(chart.matches("<circle").count(), 5, "{chart}");
    assert!(chart.contains("class=\"ref ref-base\""), "{chart}");
    assert!(chart.contains("class=\"ref ref-dash\""), "{chart}");
    assert!(chart.contains("class=\"ref ref-dot\""), "{chart}");
    assert!(chart.contains("baseline 20"), "{chart}");
    assert!(chart.contains("remission: below 5"), "{chart}");
    assert!(html.contains("Response at session 4."), "{html}");
    assert!(html.contains("Remission at session 5."), "{html}");
    // The text chart of `kap course` is not repeated in the page.
    assert!(!html.contains(" ┤"), "{html}");
}

#[test]
fn a_course_is_exported_as_html_or_csv_only_and_an_unknown_patient_is_said() {
    let data = common::course::phq9_course();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(args)
            .env("KAP_DATA_DIR", data.path())
            .env("KAP_LANG", "en")
            .output()
            .unwrap()
    };
    let md = run(&["export", "--course", "P-017", "--format", "md"]);
    assert!(!md.status.success());
    assert!(
        String::from_utf8_lossy(&md.stderr).contains("exported as html or csv"),
        "{md:?}"
    );
    let nobody = run(&["export", "--course", "P-999", "--format", "html"]);
    assert!(!nobody.status.success());
    assert!(
        String::from_utf8_lossy(&nobody.stderr).contains("P-999"),
        "{nobody:?}"
    );
    // A session and a course at once is a usage error.
    let both = run(&["export", "some-session", "--course", "P-017"]);
    assert!(!both.status.success());
}

/// The course as a table: a row per session record with numbers that read
/// the same in every language, and each measure's total.
#[test]
fn the_course_table_has_a_row_per_session_with_its_dose_alarms_and_totals() {
    let data = tempfile::tempdir().unwrap();
    common::course::fixed_course(&Store::at(data.path()));
    let csv = kap(
        data.path(),
        &["export", "--course", "P-017", "--format", "csv"],
    );
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(
        rows[0],
        "patient,protocol,record,session,started,held,ended_early,dose_planned_mg,\
         dose_given_mg,dissociation,alarms,device_alarms,clinicians,phq9_total,gad7_total"
    );
    assert_eq!(rows.len(), 3, "{csv}");
    let s1: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(&s1[..2], ["P-017", "palliative"], "{csv}");
    assert_eq!(s1[3], "1");
    assert_eq!(&s1[5..11], ["true", "", "25.5", "25.5", "", "1"], "{csv}");
    assert!(rows[1].ends_with(",\"A. Martin, RN\",,"), "{csv}");
    // Session 2, interrupted mid-infusion: part of its dose.
    let s2: Vec<&str> = rows[2].split(',').collect();
    assert_eq!(&s2[7..9], ["51", "14"], "{csv}");
    // The same numbers whatever the language.
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args([
            "export", "--course", "P-017", "--format", "csv", "--lang", "fr-CA",
        ])
        .env("KAP_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), csv);
    // The PHQ-9 course: a total per session.
    let data = common::course::phq9_course();
    let csv = kap(
        data.path(),
        &["export", "--course", "P-017", "--format", "csv"],
    );
    let totals: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|r| !r.is_empty())
        .map(|r| r.rsplit(',').nth(1).unwrap())
        .collect();
    assert_eq!(totals, ["20", "14", "10", "9", "4"], "{csv}");
}

/// Every rendering states the record's seal as `summary.md` ends with it:
/// `kap export --format md` and `--format html` carry the same last entry
/// and hash.
#[test]
fn the_md_and_html_exports_carry_the_records_seal() {
    let data = tempfile::tempdir().unwrap();
    let (closed, _, _) = common::course::fixed_course(&Store::at(data.path()));
    let dir = closed.to_str().unwrap();
    // The first read of a record closed without its summary writes it
    // (and its seal), as kap does after a crash while closing.
    let md = kap(data.path(), &["export", dir, "--format", "md"]);
    let summary = std::fs::read_to_string(closed.join("summary.md")).unwrap();
    let seal = summary
        .lines()
        .find(|l| l.contains("SHA-256"))
        .expect("summary.md is sealed")
        .to_string();
    let hash = seal.split('`').nth(1).expect("the hash in backquotes");
    assert!(md.contains(&seal), "{md}");
    let html = kap(data.path(), &["export", dir, "--format", "html"]);
    assert!(html.contains(hash), "{html}");
}

/// The fixed course with the monitor listened to in session 2 (still
/// open, mid-infusion): its SpO₂ fell below the palliative `spo2-low`
/// limit (90) once and came back, and fell again in readings the
/// clinician then rejected as artefacts; no vitals were entered or
/// confirmed from it. Returns the data dir.
fn course_with_a_monitor() -> tempfile::TempDir {
    use kap::record::OpenSession;
    use kap::session::monitor::MonitorReading;
    use kap::session::vitals::Reading;
    use kap::session::{Clock, Event, MINUTE};
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    let (_, dir2, clock) = common::course::fixed_course(&store);
    let mut s2 = OpenSession::open(&dir2).unwrap();
    let mut seqs = Vec::new();
    for (n, spo2) in [95, 86, 85, 96, 84, 83].into_iter().enumerate() {
        clock.advance(MINUTE);
        let ev = Event::MonitorReading(Box::new(MonitorReading {
            control: format!("M-{n}"),
            device: "MON-1".into(),
            device_time: None,
            reading: Reading {
                hr: Some(80),
                spo2: Some(spo2),
                ..Reading::default()
            },
            mean: None,
            rr: None,
        }));
        seqs.push(s2.record(ev, &clock.now()).unwrap());
    }
    for entry in &seqs[4..] {
        clock.advance(MINUTE);
        let ev = Event::MonitorRejected {
            entry: *entry,
            reason: "probe off".into(),
        };
        s2.record(ev, &clock.now()).unwrap();
    }
    data
}

/// The monitor's device alarms are counted in a column of their own, never
/// added into the clinician's alarms: a session with no monitor has none
/// to count (empty), one with the monitor counts the alarm its readings
/// raised and not the one raised from readings later rejected.
#[test]
fn the_course_counts_the_monitors_device_alarms_apart_from_the_clinicians() {
    let data = course_with_a_monitor();
    let csv = kap(
        data.path(),
        &["export", "--course", "P-017", "--format", "csv"],
    );
    let rows: Vec<Vec<&str>> = csv
        .split("\r\n")
        .filter(|r| !r.is_empty())
        .map(|r| r.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert_eq!(&rows[0][10..12], ["alarms", "device_alarms"], "{csv}");
    // Session 1: the clinician's high BP alarm, no monitor.
    assert_eq!(&rows[1][10..12], ["1", ""], "{csv}");
    // Session 2: no clinician's alarm; one device alarm.
    assert_eq!(&rows[2][10..12], ["0", "1"], "{csv}");
    // The page: a column of its own, marked as from the monitor.
    let html = page(data.path());
    assert!(
        html.contains("<th>Alarms</th><th>Device alarms (from the monitor)</th>"),
        "{html}"
    );
    let rows: Vec<&str> = html.split("<tr>").filter(|r| r.contains("<td>")).collect();
    assert_eq!(rows.len(), 2, "{html}");
    let nums = |r: &str| -> Vec<String> {
        r.split("<td class=\"num\">")
            .skip(1)
            .map(|c| c.split("</td>").next().unwrap().to_string())
            .collect()
    };
    assert_eq!(nums(rows[0])[2..], ["1", "—"], "{}", rows[0]);
    assert_eq!(nums(rows[1])[2..], ["0", "1"], "{}", rows[1]);
}

/// The alarms chart draws the monitor's device alarms as their own series:
/// hatched bars beside the clinician's (a pattern, not a colour, so it
/// prints in greyscale), named "from the monitor" in a legend and in each
/// bar's tooltip, said in the figure's words; a dash for the session
/// without a monitor. A course without a monitor draws the clinician's
/// alone.
#[test]
fn the_alarms_chart_draws_the_monitors_device_alarms_as_their_own_series() {
    let chart = |data: &Path, lang: &str| -> String {
        let out = data.join(format!("course-{lang}.html"));
        let o = out.to_str().unwrap();
        let args = [
            "--lang", lang, "export", "--course", "P-017", "--format", "html", "-o", o,
        ];
        kap(data, &args);
        let html = std::fs::read_to_string(out).unwrap();
        html.split("<figure class=\"chart-box\">")
            .find(|f| f.contains("aria-labelledby=\"c0-alarms-title c0-alarms-desc\""))
            .and_then(|f| f.split("</figure>").next())
            .unwrap_or_else(|| panic!("no alarms chart in {html}"))
            .to_string()
    };
    let data = course_with_a_monitor();
    let c = chart(data.path(), "en");
    // The clinician's: session 1's alarm, session 2 none; plain bars.
    assert!(
        c.contains("class=\"bar\"><title>session 1 of 2: 1</title>"),
        "{c}"
    );
    // The monitor's: hatched, beside; session 2's one device alarm.
    assert!(c.contains("<pattern id=\"c0-alarms-hatch\""), "{c}");
    assert!(
        c.contains(
            "class=\"bar-device\" fill=\"url(#c0-alarms-hatch)\">\
             <title>session 2 of 2: 1 (from the monitor)</title>"
        ),
        "{c}"
    );
    // Session 1 had no monitor: a dash, no bar.
    assert_eq!(c.matches("<title>session 1 of").count(), 1, "{c}");
    assert!(c.contains(">—</text>"), "{c}");
    // The legend names both series.
    assert!(c.contains(">from entered vitals</text>"), "{c}");
    assert!(c.contains(">from the monitor</text>"), "{c}");
    // Said in words: the description and the caption.
    let words = "the device alarms the bedside monitor raised";
    assert!(c.contains(words), "{c}");
    assert_eq!(c.matches(words).count(), 2, "desc and caption: {c}");
    // In the other languages, in their own words.
    let fr = chart(data.path(), "fr-CA");
    assert!(
        fr.contains("(du moniteur)</title>") && fr.contains(">du moniteur</text>"),
        "{fr}"
    );
    assert!(
        fr.contains("les alarmes d’appareil que le moniteur de chevet"),
        "{fr}"
    );
    let pt = chart(data.path(), "pt-BR");
    assert!(
        pt.contains("(do monitor)</title>") && pt.contains(">do monitor</text>"),
        "{pt}"
    );
    assert!(
        pt.contains("os alarmes de dispositivo que o monitor"),
        "{pt}"
    );
    // A course without a monitor: the clinician's alone.
    let plain = tempfile::tempdir().unwrap();
    common::course::fixed_course(&Store::at(plain.path()));
    let c = chart(plain.path(), "en");
    assert!(!c.contains("hatch") && !c.contains("monitor"), "{c}");
}
