//! The HTML reports: a rehearsal that ends writes `trainee-report.html`
//! beside the Markdown, in the app's language, with the chart (series,
//! alarm limits, the alarm raised) and the four PEARLS parts; and
//! `kap export --format html` gives any session's summary as a page.

mod common;

use kap::i18n::Lang;
use std::process::Command;

#[test]
fn a_closed_rehearsal_writes_its_trainee_report_as_a_page() {
    let (tmp, dir) = common::scripted::closed_rehearsal(Lang::FrCa, "P-<script>x</script>");
    let md = std::fs::read_to_string(dir.join("trainee-report.md")).unwrap();
    assert!(md.contains("Rapport de formation"), "{md}");
    let html = std::fs::read_to_string(dir.join("trainee-report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr-CA\">"));
    assert!(html.contains("<svg"));
    for series in ["line s-sys", "line s-dia", "line s-hr", "line s-spo2"] {
        assert!(html.contains(series), "{series}");
    }
    assert!(html.contains("limit-band prio-high"), "alarm limit band");
    assert!(
        html.contains("<rect") && html.contains("class=\"alarm\""),
        "alarm span"
    );
    // A limit is labelled with what it measures, not the rule's id.
    assert!(html.contains("TA systolique &gt; 200"), "limit label");
    assert!(!html.contains("bp-severe &gt;"), "rule id in a label");
    assert!(html.contains("lane-scenario"), "scenario events lane");
    // The simulated patient's true values beside the readings: a line per
    // metric, in the legend and titled, in French.
    for series in [
        "class=\"truth s-sys\"",
        "class=\"truth s-dia\"",
        "class=\"truth s-hr\"",
        "class=\"truth s-spo2\"",
    ] {
        assert!(html.contains(series), "{series}");
    }
    assert!(html.contains("valeur réelle du patient simulé"));
    assert!(html.contains("Fines lignes pointillées : les valeurs réelles"));
    assert!(
        md.contains("## Les valeurs réelles du patient simulé"),
        "{md}"
    );
    assert!(
        md.contains("TA systolique réellement au-dessus de 180 mmHg de 2"),
        "{md}"
    );
    // Session 2 does not ask the first infusion's gates: not applicable.
    assert!(
        md.contains("| sans objet (non demandé à cette séance) |"),
        "{md}"
    );
    assert!(!md.contains("not applicable"), "{md}");
    for h in [
        "1. Réactions",
        "2. Description",
        "3. Analyse",
        "4. Synthèse",
    ] {
        assert!(html.contains(h), "{h} missing");
    }
    // The analysis is the report's own: its vitals table, in French.
    assert!(html.contains("Rappels de signes vitaux"));
    let due = kap::i18n::text(Lang::FrCa, "rep-col-due", None);
    assert!(html.contains(&format!("<th>{due}</th>")), "{due}");
    // What the trainee typed stays text.
    assert!(!html.contains("<b>physician</b>"));
    assert!(html.contains("&lt;b&gt;physician&lt;/b&gt;"));

    // The same session exported as a page, in Portuguese, says where its
    // trainee analysis is.
    let out_file = tmp.path().join("summary.html");
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["--lang", "pt-BR", "export"])
        .arg(&dir)
        .args(["--format", "html", "-o"])
        .arg(&out_file)
        .env("KAP_DATA_DIR", tmp.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&out_file).unwrap();
    assert!(page.contains("<html lang=\"pt-BR\">"));
    assert!(page.contains("<svg"));
    assert!(page.contains("Pressão arterial (mmHg)"));
    assert!(page.contains("trainee-report.html"));
    // The summary page is the record's: no simulated truth on its chart.
    assert!(
        !page.contains("class=\"truth "),
        "truth on the summary page"
    );
    assert!(!page.contains("<script"), "the patient id stayed text");
    assert!(page.contains("P-&lt;script&gt;x&lt;/script&gt;"));
}
