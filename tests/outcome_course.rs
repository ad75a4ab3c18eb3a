//! `kap course` on a Montreal course whose PHQ-9 was given at each
//! check-in: each score by session against the baseline, "Response at
//! session 4" (session 3's halving is exactly 50 %, not more) and
//! "Remission at session 5" in words, the text chart, and the same
//! numbers in `--json`. A corrected (entered-in-error) administration is
//! left out.

mod common;

use common::cli_words::kap;
use common::course::{outcome, phq9_course as course, totalling};
use kap::record::Store;
use kap::session::{Clock, MINUTE, SimClock};

#[test]
fn kap_course_says_response_and_remission_at_their_session_and_draws_the_scores() {
    let data = course();
    let text = kap(data.path(), &["course", "P-017"]);
    assert!(text.contains("Outcome measures:"), "{text}");
    assert!(
        text.contains("PHQ-9 (response: more than 50 % below baseline; remission: below 5)"),
        "{text}"
    );
    assert!(text.contains("20 severe  baseline"), "{text}");
    assert!(text.contains("14 moderate  -6 (-30 %)"), "{text}");
    assert!(text.contains("10 moderate  -10 (-50 %)"), "{text}");
    assert!(text.contains("Response at session 4."), "{text}");
    assert!(text.contains("Remission at session 5."), "{text}");
    // Session 5's answers were given with an older definition: said.
    assert!(
        text.contains("version 2025-01 of the instrument; they are scored with version 2026-12"),
        "{text}"
    );
    // The corrected administration is not a score.
    assert!(!text.contains("  0 minimal"), "{text}");
    // The GAD-7 is named, with nothing recorded.
    assert!(text.contains("GAD-7"), "{text}");
    assert!(text.contains("none recorded yet"), "{text}");
    // The chart: the highest total on its axis, one mark per session.
    let chart: Vec<&str> = text.lines().filter(|l| l.contains(" ┤")).collect();
    assert_eq!(chart.len(), 10, "{text}");
    assert!(chart[0].trim_start().starts_with("27 ┤"), "{text}");
    let marks: usize = chart.iter().map(|l| l.matches('●').count()).sum();
    assert_eq!(marks, 5, "{text}");
    assert!(text.contains("● total"), "{text}");
}

#[test]
fn kap_course_json_carries_each_score_its_change_and_the_sessions_of_response_and_remission() {
    let data = course();
    let out = kap(data.path(), &["course", "P-017", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect(&out);
    let outcomes = v[0]["outcomes"].as_array().expect(&out);
    let phq = outcomes
        .iter()
        .find(|o| o["instrument"] == "phq9")
        .expect(&out);
    assert_eq!(phq["loinc_total"], "44261-6");
    assert_eq!(phq["response_at"], 4);
    assert_eq!(phq["remission_at"], 5);
    let totals: Vec<u64> = phq["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["total"].as_u64().unwrap())
        .collect();
    assert_eq!(totals, [20, 14, 10, 9, 4]);
    assert_eq!(phq["points"][2]["reduction_percent"], 50.0);
    assert_eq!(phq["points"][2]["response"], false);
    assert_eq!(phq["points"][3]["response"], true);
    assert_eq!(phq["given"][0]["answers"].as_array().unwrap().len(), 9);
    assert_eq!(phq["given"][0]["by"], "A. Martin, RN");
    let gad = outcomes
        .iter()
        .find(|o| o["instrument"] == "gad7")
        .expect(&out);
    assert!(gad["points"].as_array().unwrap().is_empty());
}

/// `kap protocol show` says each measure, when it is given and its rules
/// with their sources (not only `--json`).
#[test]
fn protocol_show_lists_the_measures_when_and_their_rules() {
    let data = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let text = kap(
        data.path(),
        &[
            "protocol",
            "show",
            &format!("{root}/protocols/montreal.toml"),
        ],
    );
    assert!(
        text.contains("PHQ-9, given at: Check-in (every session); Discharge (session 6)"),
        "{text}"
    );
    assert!(
        text.contains(
            "response: more than 50 % below baseline (review (seed 002)); remission: below 5 (site)"
        ),
        "{text}"
    );
    assert!(text.contains("GAD-7, given at:"), "{text}");
}

/// The course's chart (ratatui's Chart) at 80×24 and 120×40: the PHQ-9's
/// totals, the response and remission thresholds, the sessions of
/// response and remission in its title; the GAD-7, with nothing
/// recorded, takes no room.
#[test]
fn the_course_chart_at_80_by_24_and_120_by_40() {
    let data = course();
    let store = Store::at(data.path());
    let entries = kap::record::course::load(&store, "P-017", "montreal", false);
    let p = entries[0].session.protocol().clone();
    let measures = kap::record::outcome_words::measures(&p, &entries);
    for (w, h) in [(80, 24), (120, 40)] {
        let text =
            kap::tui::view::course_chart::text(&measures, w, h, kap::i18n::Lang::En).join("\n");
        insta::assert_snapshot!(format!("course-chart-{w}x{h}"), text);
        assert!(
            text.contains("PHQ-9 · Response at session 4. Remission at session 5."),
            "{text}"
        );
        assert!(!text.contains("GAD-7"), "{text}");
        assert!(text.contains("response threshold"), "{text}");
    }
    // `kap course --chart` prints it after the list.
    let out = kap(data.path(), &["course", "P-017", "--chart"]);
    let list = out.find("Response at session 4.").expect(&out);
    let chart = out.find("PHQ-9 · Response at session 4.").expect(&out);
    assert!(list < chart, "{out}");
    // For a screen reader, the words alone.
    let data2 = data.path().to_path_buf();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["course", "P-017", "--chart"])
        .env("KAP_DATA_DIR", &data2)
        .env("KAP_LANG", "en")
        .env("ACCESSIBLE", "1")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("Response at session 4."), "{out}");
    assert!(!out.contains('⠤'), "{out}");
    assert!(
        out.contains("The chart is left out for a screen reader"),
        "{out}"
    );
}

/// Handing the screen back in a later session says the total against the
/// course's baseline, and response when this one meets it.
#[test]
fn the_hand_back_says_the_change_from_baseline_and_a_response() {
    use kap::tui::app::Screen;
    use kap::tui::keys::Action;
    use ratatui::crossterm::event::KeyCode;
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    let (p, text) = common::course::load("montreal.toml");
    let earlier = SimClock::fixed();
    let mut s1 = store
        .create_session(
            &text,
            common::course::start(&p, 1, 0.5, 32.0),
            &earlier.now(),
        )
        .unwrap();
    s1.record(outcome("phq9", totalling(20)), &earlier.now())
        .unwrap();
    drop(s1);
    let (mut app, clock) =
        common::montreal_app_at(data.path(), false, kap::tui::theme::ThemeName::Plain);
    clock.advance(4 * 24 * 60 * MINUTE);
    let form = app.new_start_form("P-017", Some(2), Some(64.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        if app.modal.is_some() {
            common::type_line(&mut app, "first session before kap");
        }
    }
    assert!(matches!(app.screen, Screen::Session(_)), "not started");
    common::press(&mut app, Action::SelfReport);
    // 1+1+1+1+1+1+1+1+1 = 9: 55 % below 20.
    for _ in 0..9 {
        common::key(&mut app, KeyCode::Char('2'));
    }
    common::key(&mut app, KeyCode::Enter);
    let flash = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(
        flash.contains("Baseline 20 (session 1): -11 (-55 %). Response at session 2."),
        "{flash}"
    );
}
