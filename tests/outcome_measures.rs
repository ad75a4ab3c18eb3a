//! Outcome measures, the core: each shipped instrument scored against
//! worked examples (a total, every band edge, a flagged item), a reversed
//! item, answers refused, the course read against its baseline (response
//! and remission at their exact edges), and the protocol checks with
//! their line and column.

use chrono::NaiveDate;
use kap::outcome::course::{Taken, is_remission, is_response, trend};
use kap::outcome::{ScoreError, score, shipped};
use kap::protocol::validate::outcomes::check_instrument;
use kap::protocol::{Instrument, Remission, Response, locate::KeyPath, words_in};
use std::path::Path;

fn band(ins: &Instrument, answers: &[u32]) -> (u32, String) {
    let s = score(ins, answers).expect("scores");
    let label = s
        .band
        .map(|b| words_in(&ins.bands[b].label, "en").to_string())
        .unwrap_or_default();
    (s.total, label)
}

/// Answers that add up to `total` on `items` items of 0–3, highest first.
fn totalling(total: u32, items: usize) -> Vec<u32> {
    let mut left = total;
    (0..items)
        .map(|_| {
            let v = left.min(3);
            left -= v;
            v
        })
        .collect()
}

#[test]
fn the_shipped_instruments_read_and_pass_every_check() {
    for (id, _) in kap::outcome::SHIPPED {
        let ins = shipped(id).unwrap_or_else(|| panic!("{id} does not read"));
        let problems = check_instrument(&KeyPath::root(), &ins);
        assert!(problems.is_empty(), "{id}: {problems:?}");
        assert!(ins.licence.contains("No permission required"), "{id}");
        for lang in ["fr-CA", "pt-BR"] {
            assert!(ins.stem.contains_key(lang), "{id} has no {lang} stem");
            for it in &ins.items {
                assert!(it.text.contains_key(lang), "{id}.{} has no {lang}", it.id);
            }
        }
    }
    assert_eq!(
        shipped("phq9").unwrap().loinc_total.as_deref(),
        Some("44261-6")
    );
    assert_eq!(
        shipped("gad7").unwrap().loinc_total.as_deref(),
        Some("70274-6")
    );
    assert!(
        shipped("madrs").is_none(),
        "kap does not ship a licensed scale"
    );
}

#[test]
fn phq9_worked_example_and_every_band_edge() {
    let phq = shipped("phq9").unwrap();
    // 0+1+2+3+0+1+2+3+1 = 13: moderate (10–14).
    assert_eq!(
        band(&phq, &[0, 1, 2, 3, 0, 1, 2, 3, 1]),
        (13, "moderate".into())
    );
    assert_eq!(band(&phq, &[3; 9]), (27, "severe".into()));
    assert_eq!(band(&phq, &[0; 9]), (0, "minimal".into()));
    for (total, label) in [
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
    ] {
        assert_eq!(band(&phq, &totalling(total, 9)), (total, label.into()));
    }
}

#[test]
fn phq9_item_nine_above_not_at_all_is_flagged_and_nothing_else() {
    let phq = shipped("phq9").unwrap();
    let mut a = [3, 3, 3, 3, 3, 3, 3, 3, 0];
    assert!(score(&phq, &a).unwrap().flagged.is_empty());
    a[8] = 1;
    assert_eq!(score(&phq, &a).unwrap().flagged, vec![8]);
}

#[test]
fn gad7_worked_example_and_every_band_edge() {
    let gad = shipped("gad7").unwrap();
    // 2+2+1+1+0+3+1 = 10: moderate.
    assert_eq!(band(&gad, &[2, 2, 1, 1, 0, 3, 1]), (10, "moderate".into()));
    assert_eq!(band(&gad, &[3; 7]), (21, "severe".into()));
    for (total, label) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
    ] {
        assert_eq!(band(&gad, &totalling(total, 7)), (total, label.into()));
    }
}

#[test]
fn a_reversed_item_scores_the_other_way_round() {
    let mut ins = shipped("gad7").unwrap();
    ins.scoring.reversed = vec!["relaxing".into()];
    // Item 4 ("relaxing") answered 0 scores 3 on a 0–3 scale.
    assert_eq!(score(&ins, &[0, 0, 0, 0, 0, 0, 0]).unwrap().total, 3);
    assert_eq!(score(&ins, &[0, 0, 0, 3, 0, 0, 0]).unwrap().total, 0);
    assert_eq!(score(&ins, &[1, 0, 0, 1, 0, 0, 0]).unwrap().total, 3);
}

#[test]
fn answers_that_do_not_fit_are_refused() {
    let phq = shipped("phq9").unwrap();
    assert_eq!(
        score(&phq, &[0; 8]),
        Err(ScoreError::Count {
            answers: 8,
            items: 9
        })
    );
    assert_eq!(
        score(&phq, &[0, 0, 4, 0, 0, 0, 0, 0, 0]),
        Err(ScoreError::NotAChoice { item: 2, value: 4 })
    );
}

fn at(day: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn taken(session: u32, day: u32, total: u32) -> Taken {
    Taken {
        session,
        at: at(day),
        total,
    }
}

#[test]
fn response_is_more_than_the_percentage_and_remission_below_the_threshold() {
    let r = Response {
        reduction_over_percent: 50,
        source: "seed 002".into(),
    };
    // 20 → 10 is exactly 50 %: not more than 50 %.
    assert!(!is_response(&r, 20, 10));
    assert!(is_response(&r, 20, 9));
    assert!(!is_response(&r, 0, 0), "no reduction from 0");
    assert!(!is_response(&r, 7, 9), "worse is no response");
    let m = Remission {
        below: 5,
        source: "site".into(),
    };
    assert!(!is_remission(&m, 5));
    assert!(is_remission(&m, 4));
}

#[test]
fn the_course_says_at_which_session_response_and_remission_came() {
    let r = Response {
        reduction_over_percent: 50,
        source: "seed 002".into(),
    };
    let m = Remission {
        below: 5,
        source: "site".into(),
    };
    // Given out of order: the baseline is the earliest, not the first listed.
    let t = trend(
        &[
            taken(3, 8, 10),
            taken(1, 1, 20),
            taken(2, 4, 14),
            taken(4, 11, 9),
            taken(5, 15, 6),
            taken(6, 18, 4),
        ],
        Some(&r),
        Some(&m),
    );
    assert_eq!(t.baseline().map(|b| (b.session, b.total)), Some((1, 20)));
    assert_eq!(t.response_at, Some(4), "10 is 50 %, 9 is more");
    assert_eq!(t.remission_at, Some(6));
    assert_eq!(t.points[2].change, Some(-10));
    assert_eq!(t.points[0].change, None);
    assert_eq!(t.points[1].reduction_percent, Some(30.0));
    // Without criteria, nothing is called a response.
    let bare = trend(&[taken(1, 1, 20), taken(2, 4, 0)], None, None);
    assert_eq!((bare.response_at, bare.remission_at), (None, None));
    // A baseline already under the threshold is not a remission at baseline.
    let low = trend(&[taken(1, 1, 3)], Some(&r), Some(&m));
    assert_eq!(low.remission_at, None);
}

const MEASURE: &str = r#"
[[course.measure]]
instrument = "phq9"
when = [{ phase = "baseline" }, { phase = "discharge", sessions = [2] }]
response = { reduction_over_percent = 50, source = "review (seed 002)" }
remission = { below = 5, source = "site" }
source = "fixture"
"#;

/// The minimal fixture with `extra` put before its first phase.
fn with_measure(extra: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocols/minimal.toml"),
    )
    .unwrap();
    text.replacen("[[phase]]", &format!("{extra}\n[[phase]]"), 1)
}

fn errors(text: &str) -> Vec<String> {
    match kap::protocol::load_str(Path::new("t.toml"), text) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.short().say(kap::i18n::Lang::En))
            .collect(),
    }
}

/// Where `needle` is in `text`, as line:column (1-based).
fn place(text: &str, needle: &str) -> String {
    let off = text.find(needle).expect("needle");
    let line = text[..off].matches('\n').count() + 1;
    let col = off - text[..off].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{col}")
}

#[test]
fn a_measure_in_the_protocol_is_accepted_and_shown_in_json() {
    let text = with_measure(MEASURE);
    let loaded = kap::protocol::load_str(Path::new("t.toml"), &text).expect("valid");
    let m = &loaded.protocol.course.measures[0];
    assert!(m.given(kap::protocol::PhaseRole::Baseline, 1));
    assert!(m.given(kap::protocol::PhaseRole::Discharge, 2));
    assert!(!m.given(kap::protocol::PhaseRole::Discharge, 1));
}

#[test]
fn a_bad_measure_is_refused_at_its_place() {
    let cases = [
        (
            "instrument = \"phq9\"",
            "instrument = \"madrs\"",
            "\"madrs\"",
        ),
        (
            "{ phase = \"baseline\" }",
            "{ phase = \"dosing\" }",
            "\"dosing\"",
        ),
        (
            "{ phase = \"baseline\" }",
            "{ phase = \"check-in\" }",
            "\"check-in\"",
        ),
        ("sessions = [2]", "sessions = [9]", "9]"),
        (
            "reduction_over_percent = 50",
            "reduction_over_percent = 100",
            "100",
        ),
        (
            "reduction_over_percent = 50",
            "reduction_over_percent = 0",
            "0,",
        ),
        ("below = 5", "below = 28", "28"),
        ("below = 5", "below = 0", "0,"),
    ];
    for (from, to, at) in cases {
        let text = with_measure(&MEASURE.replace(from, to));
        let errs = errors(&text);
        let want = place(&text, to)
            .split(':')
            .map(str::to_string)
            .collect::<Vec<_>>();
        let line = &want[0];
        let col_of_value = {
            let l: usize = line.parse().unwrap();
            let row = text.lines().nth(l - 1).unwrap();
            row.find(at).unwrap() + 1
        };
        let expect = format!("{line}:{col_of_value}");
        assert!(
            errs.iter().any(|e| e.starts_with(&expect)),
            "{to}: expected an error at {expect}, got {errs:?}"
        );
    }
    // Given nowhere.
    let nowhere = with_measure(&MEASURE.replace(
        "when = [{ phase = \"baseline\" }, { phase = \"discharge\", sessions = [2] }]",
        "when = []",
    ));
    assert!(
        errors(&nowhere).iter().any(|e| e.contains("`when`")),
        "{:?}",
        errors(&nowhere)
    );
    // The same instrument named twice.
    let twice = with_measure(&format!("{MEASURE}{MEASURE}"));
    assert!(
        errors(&twice).iter().any(|e| e.contains("phq9")),
        "{:?}",
        errors(&twice)
    );
}

#[test]
fn a_site_instrument_is_checked_like_a_shipped_one() {
    let site = r#"
[[instrument]]
id = "site-scale"
name = "Site scale"
version = "1"
licence = "licensed to the site"
source = "the site's licence"
stem = { en = "How often?" }
choice = [{ value = 0, text = { en = "never" } }, { value = 1, text = { en = "often" } }]
item = [{ id = "a", text = { en = "A" } }, { id = "b", text = { en = "B" } }]
scoring = { method = "sum", reversed = ["b"], source = "licence" }
band = [{ min = 0, max = 0, label = { en = "none" } }, { min = 2, max = 2, label = { en = "some" } }]

[[course.measure]]
instrument = "site-scale"
when = [{ phase = "discharge" }]
source = "site"
"#;
    let text = with_measure(site);
    let errs = errors(&text);
    let band_line = place(&text, "band = [")
        .split(':')
        .next()
        .unwrap()
        .to_string();
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&format!("{band_line}:")) && e.contains("1")),
        "a gap in the bands (1 is in none): {errs:?}"
    );
    let fixed = text.replace("{ min = 2, max = 2", "{ min = 1, max = 2");
    assert_eq!(errors(&fixed), Vec::<String>::new());
    let loaded = kap::protocol::load_str(Path::new("t.toml"), &fixed).unwrap();
    let ins = loaded.protocol.instrument("site-scale").unwrap();
    // Item b is reversed: answered 0 it scores 1.
    assert_eq!(score(&ins, &[0, 0]).unwrap().total, 1);
}

/// A site's scale with absurd choice values scores and checks without
/// overflowing (a panic at the bedside would lose the screen).
#[test]
fn huge_choice_values_neither_overflow_nor_panic() {
    let mut ins = shipped("gad7").unwrap();
    ins.choices[0].value = u32::MAX - 1;
    ins.choices[3].value = u32::MAX;
    ins.scoring.reversed = vec!["afraid".into()];
    ins.bands = vec![kap::protocol::Band {
        min: 0,
        max: u32::MAX,
        label: [("en".to_string(), "any".to_string())].into(),
    }];
    let s = score(&ins, &[u32::MAX; 7]).unwrap();
    assert_eq!(s.total, u32::MAX, "saturates");
    // Reversed: the highest choice scores the lowest value there is.
    let lo = ins.item_range().0;
    let mut one = vec![2u32; 7];
    one[6] = u32::MAX;
    assert!(score(&ins, &one).is_ok());
    assert_eq!(ins.item_range(), (lo, u32::MAX));
    let _ = check_instrument(&KeyPath::root(), &ins);
}
