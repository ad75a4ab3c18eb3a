//! A rescue dose or an amount of ketamine corrected, and ketamine entered
//! late, in the session core and in every export: the replacement stands
//! with its own values (the original kept, marked replaced), is held to
//! the formulary as a dose is (without counting the dose it replaces),
//! takes the time the correction gives it (never in the future, never
//! before the start), and its re-check follows it; ketamine drawn up or
//! wasted may say it happened earlier, and counts from then.

mod common;

use common::session::H;
use kap::i18n::Lang;
use kap::protocol::MedRoute;
use kap::protocol::values::Value;
use kap::record::export;
use kap::session::timeline::{Status, status_of};
use kap::session::{DueState, Event, MINUTE, Moment, Stamp};
use std::sync::Arc;

fn fixture() -> H {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocols/formulary.toml");
    let p = Arc::new(kap::protocol::load_file(&path).unwrap().protocol);
    H::on(p, 1)
}

fn agree(h: &mut H, drugs: &[&str], most: f64) {
    h.ok(Event::Recorded {
        prompt: "rescue".into(),
        value: Value::MultiChoice(drugs.iter().map(|d| d.to_string()).collect()),
    });
    h.ok(Event::Recorded {
        prompt: "rescue-doses".into(),
        value: Value::Number(most),
    });
}

fn given(drug: &str, dose: f64, route: MedRoute, outside: Option<&str>) -> Event {
    Event::MedicationGiven {
        drug: drug.into(),
        dose,
        unit: "mg".into(),
        route,
        indication: "Nausea".into(),
        given_by: "A. Martin, RN".into(),
        outside: outside.map(str::to_string),
    }
}

/// A moment as the exports write it.
fn iso(m: &Moment) -> String {
    m.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn replace(entry: u64, with: Event) -> Event {
    Event::Corrected {
        entry,
        reason: "typed the wrong dose".into(),
        with: Some(Box::new(with)),
    }
}

/// Apply an event made by `by`, taken at `taken` when given.
fn entry(
    h: &mut H,
    who: &str,
    ev: &Event,
    taken: Option<Moment>,
) -> Result<(), kap::session::Refusal> {
    let now = h.now();
    let seq = h.s.next_seq();
    let stamp = Stamp {
        by: Some(who.into()),
        taken,
    };
    h.s.apply_entry(seq, ev, &now, &stamp)
}

/// 6 mg IV typed for 4 mg by mouth: the replacement stands, at the
/// original's time, and the original stays in the journal, marked
/// replaced.
#[test]
fn a_replaced_dose_stands_with_its_own_values_and_the_original_is_kept() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 1.0);
    let given_at = h.now();
    h.ok(given("antiemetic", 6.0, MedRoute::Iv, None));
    let orig = h.s.meds[0].seq;
    h.wait(5);
    let fix = h.s.next_seq();
    h.ok(replace(orig, given("antiemetic", 4.0, MedRoute::Po, None)));
    assert_eq!(h.s.meds.len(), 1);
    let m = &h.s.meds[0];
    assert_eq!((m.seq, m.dose, m.route), (fix, 4.0, MedRoute::Po));
    assert_eq!(m.at, given_at, "the replacement is the same moment's dose");
    // The original is kept as it was, and said to be replaced.
    match &h.s.entry(orig).unwrap().event {
        Event::MedicationGiven { dose, .. } => assert_eq!(*dose, 6.0),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        status_of(&h.s, orig),
        Status::Replaced("typed the wrong dose".into(), fix)
    );
    // Corrected again: the replacement is what is replaced.
    h.ok(replace(fix, given("antiemetic", 3.0, MedRoute::Po, None)));
    assert_eq!(h.s.meds[0].dose, 3.0);
    assert_eq!(
        h.s.meds[0].at, given_at,
        "a second correction keeps the time"
    );
}

/// The formulary's most single dose holds the replacement: beyond it, a
/// reason is needed (and kept); the dose it replaces is not counted
/// against the doses agreed.
#[test]
fn the_formulary_holds_a_replacement_as_it_holds_a_dose() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 1.0);
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let orig = h.s.meds[0].seq;
    let r = h.refused(replace(orig, given("antiemetic", 80.0, MedRoute::Iv, None)));
    assert_eq!(r.id(), Some("ref-med-beyond"));
    let above = r
        .holds
        .iter()
        .find(|x| x.id() == Some("med-beyond-above-max"));
    assert_eq!(
        above
            .and_then(|x| x.arg("max"))
            .map(|m| m.say(Lang::En))
            .as_deref(),
        Some("8 mg"),
        "{:?}",
        r.holds
    );
    assert_eq!(
        h.s.meds[0].dose, 4.0,
        "a refused replacement changes nothing"
    );
    // One dose agreed and one given: a new dose would be beyond, its
    // replacement is not.
    let d = h.s.protocol().drug("antiemetic").unwrap().clone();
    assert!(!h.s.medication_beyond(&d, 8.0).is_empty());
    assert!(h.s.replacement_beyond(orig, &d, 8.0).is_empty());
    h.ok(replace(orig, given("antiemetic", 8.0, MedRoute::Iv, None)));
    // Above the most single dose with a reason: saved, the reason kept.
    let fix = h.s.meds[0].seq;
    h.ok(replace(
        fix,
        given(
            "antiemetic",
            12.0,
            MedRoute::Iv,
            Some("given so by the anaesthetist"),
        ),
    ));
    assert_eq!(
        h.s.meds[0].outside.as_deref(),
        Some("given so by the anaesthetist")
    );
    // A replacement of another kind is refused.
    let last = h.s.meds[0].seq;
    h.refused(replace(last, Event::KetamineDrawn { mg: 4.0 }));
}

/// A correction that says when the dose was given: the replacement is at
/// that time, its re-check falls due from it; the time is never in the
/// future nor before the session started, and only a dose or ketamine is
/// re-timed.
#[test]
fn a_corrected_time_given_moves_the_re_check_and_is_bounded() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic", "Sedative"], 2.0);
    h.wait(20);
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let orig = h.s.meds[0].seq;
    // Due at 15 min: not yet, 10 min after it was recorded.
    h.wait(10);
    let due = |h: &H| h.s.rechecks_due(&h.now())[0].1.state;
    assert_eq!(due(&h), DueState::Upcoming);
    // It was given 20 min ago (10 min before it was recorded): due now.
    let earlier = h.now().plus(-20 * MINUTE);
    let fix = replace(orig, given("antiemetic", 4.0, MedRoute::Iv, None));
    // Not in the future, not before the start.
    let future = h.now().plus(MINUTE);
    assert!(entry(&mut h, "A. Martin, RN", &fix, Some(future)).is_err());
    let before = h.now().plus(-60 * MINUTE);
    let r = entry(&mut h, "A. Martin, RN", &fix, Some(before)).unwrap_err();
    assert_eq!(r.id(), Some("ref-before-start"));
    entry(&mut h, "A. Martin, RN", &fix, Some(earlier.clone())).unwrap();
    let m = &h.s.meds[0];
    assert_eq!(m.at, earlier);
    assert_eq!(due(&h), DueState::Due, "the re-check follows the new time");
    // The journal keeps both times: recorded now, taken earlier.
    let e = h.s.log().last().unwrap();
    assert_eq!(e.stamp.taken.as_ref(), Some(&earlier));
    assert_eq!(e.at, h.now());
    let c = h.s.corrections.get(&orig).unwrap();
    assert_eq!(c.at, h.now(), "the correction is dated when made");
    // Another drug: its own re-check minute (10) from the same time.
    let fix_seq = h.s.meds[0].seq;
    h.ok(replace(fix_seq, given("sedative", 1.0, MedRoute::Iv, None)));
    let (m, due_at) = &h.s.rechecks_due(&h.now())[0];
    assert_eq!(m.drug, "sedative");
    assert_eq!(due_at.from, earlier.plus(10 * MINUTE));
    // A reading's replacement takes no new time.
    h.vitals("120/80 70 98");
    let reading = h.s.log().last().unwrap().seq;
    let retimed = Event::Corrected {
        entry: reading,
        reason: "wrong".into(),
        with: Some(Box::new(Event::Note {
            text: "x".into(),
            tags: vec![],
            outside: None,
        })),
    };
    assert!(entry(&mut h, "A. Martin, RN", &retimed, Some(earlier)).is_err());
}

/// The effect already re-checked stays with the replacement; one recorded
/// against the replaced dose reaches the dose that stands; a dose moved
/// after its effect waits for its own re-check.
#[test]
fn an_effect_follows_the_dose_that_stands() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 2.0);
    h.ok(given("antiemetic", 40.0, MedRoute::Iv, Some("typo, kept")));
    let orig = h.s.meds[0].seq;
    h.wait(15);
    h.ok(Event::MedicationEffect {
        entry: orig,
        effect: "settled".into(),
    });
    h.ok(replace(orig, given("antiemetic", 4.0, MedRoute::Iv, None)));
    assert_eq!(h.s.meds[0].effect.as_ref().unwrap().text, "settled");
    assert!(h.s.rechecks_due(&h.now()).is_empty());

    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 2.0);
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let orig = h.s.meds[0].seq;
    h.ok(replace(orig, given("antiemetic", 8.0, MedRoute::Iv, None)));
    h.wait(15);
    h.ok(Event::MedicationEffect {
        entry: orig,
        effect: "better".into(),
    });
    assert_eq!(h.s.meds[0].effect.as_ref().unwrap().text, "better");
}

/// Ketamine drawn up or wasted may be entered late: it sits in the order
/// it happened, counts from when it happened, keeps both times, and its
/// time is neither in the future nor before the start.
#[test]
fn ketamine_entered_late_counts_from_when_it_happened() {
    let mut h = fixture();
    h.wait(30);
    let before_all = h.now().plus(-20 * MINUTE);
    h.ok(Event::KetamineDrawn { mg: 30.0 });
    h.wait(5);
    let earlier = h.now().plus(-15 * MINUTE);
    let drawn = Event::KetamineDrawn { mg: 10.0 };
    let (future, before_start) = (h.now().plus(MINUTE), h.now().plus(-40 * MINUTE));
    assert!(entry(&mut h, "A. Martin, RN", &drawn, Some(future)).is_err());
    assert!(entry(&mut h, "A. Martin, RN", &drawn, Some(before_start)).is_err());
    entry(&mut h, "A. Martin, RN", &drawn, Some(earlier.clone())).unwrap();
    let k = &h.s.ketamine.drawn;
    assert_eq!(k.iter().map(|k| k.mg).collect::<Vec<_>>(), [10.0, 30.0]);
    assert_eq!(k[0].at, earlier);
    assert_eq!(k[0].entered.as_ref(), Some(&h.now()));
    assert_eq!(h.s.accounting(&h.now()).drawn, 40.0);
    assert_eq!(h.s.accounting(&before_all).drawn, 0.0);
    assert_eq!(h.s.accounting(&earlier.plus(MINUTE)).drawn, 10.0);
    // A waste entered late, before its witness.
    let waste = Event::KetamineWasted {
        mg: 5.0,
        witness: "J. Gagnon, MD".into(),
    };
    let wasted_at = h.now().plus(-2 * MINUTE);
    entry(&mut h, "A. Martin, RN", &waste, Some(wasted_at.clone())).unwrap();
    assert_eq!(h.s.ketamine.wasted[0].at, wasted_at);
    // An amount drawn up corrected: 30 mg was 36.
    let thirty = h.s.ketamine.drawn[1].seq;
    h.ok(replace(thirty, Event::KetamineDrawn { mg: 36.0 }));
    assert_eq!(h.s.accounting(&h.now()).drawn, 46.0);
}

/// A dose replaced reaches every export with its corrected values: the
/// summary and the HTML page (the dose as corrected, who corrected it,
/// when and why; the original struck through), the long CSV (the original's rows marked
/// replaced, the replacement's at the time given) and FHIR (the original
/// MedicationAdministration entered-in-error, the replacement a new one).
#[test]
fn a_corrected_dose_reaches_every_export() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 1.0);
    h.wait(10);
    let given_at = h.now();
    h.ok(given("antiemetic", 80.0, MedRoute::Iv, Some("as typed")));
    let orig = h.s.meds[0].seq;
    h.wait(5);
    entry(
        &mut h,
        "J. Gagnon, MD",
        &Event::Corrected {
            entry: orig,
            reason: "typed 80 for 8".into(),
            with: Some(Box::new(given("antiemetic", 8.0, MedRoute::Iv, None))),
        },
        None,
    )
    .unwrap();
    let fix = h.s.meds[0].seq;
    let now = h.now();
    let integrity = Default::default();

    let summary = export::markdown(&h.s, &now, &integrity, kap::i18n::Lang::En);
    let rescue = summary
        .lines()
        .find(|l| l.contains("Antiemetic 8 mg IV for Nausea"))
        .unwrap_or_else(|| panic!("{summary}"));
    assert!(
        rescue.contains(&format!(
            "corrected {} by J. Gagnon, MD, replaces entry {orig}: typed 80 for 8",
            now.hhmm()
        )),
        "{rescue}"
    );
    assert!(
        rescue.starts_with(&format!("- {}", given_at.hhmm())),
        "{rescue}"
    );
    let struck = format!("- ~~{} Antiemetic 80 mg IV for Nausea", given_at.hhmm());
    assert!(
        summary.contains(&struck),
        "the original struck through: {summary}"
    );
    let standing = format!("- {} Antiemetic 80 mg", given_at.hhmm());
    assert!(!summary.contains(&standing), "{summary}");

    let html = export::html(&h.s, &now, &integrity, kap::i18n::Lang::En);
    assert!(
        html.contains(&format!("replaces entry {orig}: typed 80 for 8")),
        "{html}"
    );

    let csv = kap::record::csv::long(&h.s, "rec", &integrity);
    let row = |name: &str, value: &str, seq: u64| {
        csv.lines()
            .find(|l| {
                l.contains(&format!(",medication,{name},{value},"))
                    && l.split(',').any(|c| c == seq.to_string())
            })
            .unwrap_or_else(|| panic!("no {name} {value} of entry {seq} in\n{csv}"))
            .to_string()
    };
    assert!(row("antiemetic", "80", orig).contains("replaced"));
    let replacement = row("antiemetic", "8", fix);
    assert!(replacement.contains(",current,"), "{replacement}");
    assert!(
        replacement.contains(&iso(&given_at)),
        "the replacement is at the time given: {replacement}"
    );
    assert!(csv.contains(",correction,entry "), "{csv}");

    let bundle = export::fhir(&h.s, "rec", &now, &integrity, kap::i18n::Lang::En);
    let admin: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| {
            r["resourceType"] == "MedicationAdministration"
                && r["medicationCodeableConcept"]["text"] == "Antiemetic"
        })
        .collect();
    assert_eq!(admin.len(), 2, "{admin:?}");
    let was = admin
        .iter()
        .find(|r| r["dosage"]["dose"]["value"] == 80.0)
        .unwrap();
    assert_eq!(was["status"], "entered-in-error");
    assert!(was["note"].to_string().contains("typed 80 for 8"), "{was}");
    let now_r = admin
        .iter()
        .find(|r| r["dosage"]["dose"]["value"] == 8.0)
        .unwrap();
    assert_eq!(now_r["status"], "completed");
    assert_eq!(now_r["effectiveDateTime"], iso(&given_at));
    assert!(
        now_r["note"]
            .to_string()
            .contains(&format!("replaces entry {orig}")),
        "{now_r}"
    );
    assert_ne!(was["id"], now_r["id"]);
}

/// Ketamine entered late is shown at its time, marked late, in the
/// summary, and with both times in the CSV.
#[test]
fn late_ketamine_is_marked_in_every_export() {
    let mut h = fixture();
    h.wait(30);
    let drawn_at = h.now().plus(-12 * MINUTE);
    entry(
        &mut h,
        "A. Martin, RN",
        &Event::KetamineDrawn { mg: 40.0 },
        Some(drawn_at.clone()),
    )
    .unwrap();
    let now = h.now();
    let integrity = Default::default();
    let summary = export::markdown(&h.s, &now, &integrity, kap::i18n::Lang::En);
    let line = format!(
        "{} ketamine drawn up: 40 mg (late entry, recorded {})",
        drawn_at.hhmm(),
        now.hhmm()
    );
    assert!(summary.contains(&line), "no {line} in\n{summary}");
    let csv = kap::record::csv::long(&h.s, "rec", &integrity);
    let row = csv
        .lines()
        .find(|l| l.contains(",ketamine,drawn,40,"))
        .unwrap();
    assert!(row.contains(&iso(&drawn_at)), "{row}");
    assert!(row.contains(&iso(&now)), "{row}");
}
