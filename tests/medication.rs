//! Rescue medication and ketamine accounting in the session core, on the
//! simulated clock: a drug outside the agreement, above the formulary's
//! most single dose or beyond the doses agreed asks for a reason (kept);
//! the effect re-check falls due at the formulary's minute and goes when
//! the effect is recorded; a waste needs a witness who is not the one
//! recording it; and drawn = given + wasted to the 0.1 mg, or the close
//! waits for the rest.

mod common;

use common::session::H;
use kap::i18n::{Lang, Phrase};
use kap::protocol::MedRoute;
use kap::protocol::values::Value;
use kap::session::{DueState, Event, MINUTE, Stamp};
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

/// Apply an event made by `by` (the waste's recorder).
fn by(h: &mut H, who: &str, ev: Event) -> Result<(), kap::session::Refusal> {
    let now = h.now();
    let seq = h.s.next_seq();
    let stamp = Stamp {
        by: Some(who.into()),
        taken: None,
    };
    h.s.apply_entry(seq, &ev, &now, &stamp)
}

#[test]
fn a_drug_outside_the_agreement_asks_a_reason_and_keeps_it() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 1.0);
    assert_eq!(
        h.s.medication_agreed(),
        Some((vec!["antiemetic".to_string()], Some(1)))
    );
    let r = h.refused(given("sedative", 1.0, MedRoute::Iv, None));
    assert_eq!(r.id(), Some("ref-med-beyond"));
    assert_eq!(r.holds[0].id(), Some("med-beyond-not-agreed"));
    assert_eq!(r.holds[0].arg("agreed"), Some(&"Antiemetic".into()));
    h.refused(given("sedative", 1.0, MedRoute::Iv, Some("  ")));
    h.ok(given(
        "sedative",
        1.0,
        MedRoute::Iv,
        Some("acute agitation, patient asked"),
    ));
    assert_eq!(
        h.s.meds[0].outside.as_deref(),
        Some("acute agitation, patient asked")
    );
    // Within the agreement: saved without a reason, refused with one.
    h.refused(given("antiemetic", 4.0, MedRoute::Iv, Some("why not")));
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    // A second dose is more than the one agreed.
    let r = h.refused(given("antiemetic", 4.0, MedRoute::Po, None));
    assert_eq!(r.holds[0].id(), Some("med-beyond-more-than-agreed"));
    assert_eq!(r.holds[0].arg("most"), Some(&Phrase::Count(1)));
    // Not a route of the formulary, not a drug of it: refused outright.
    h.refused(given("antiemetic", 4.0, MedRoute::Im, Some("any")));
    h.refused(given("haloperidol", 1.0, MedRoute::Iv, Some("any")));
}

#[test]
fn a_dose_above_the_formulary_maximum_asks_a_reason() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic", "Sedative"], 5.0);
    // Exactly at the maximum: within.
    h.ok(given("antiemetic", 8.0, MedRoute::Iv, None));
    let r = h.refused(given("antiemetic", 8.5, MedRoute::Iv, None));
    assert_eq!(r.holds[0].id(), Some("med-beyond-above-max"));
    assert_eq!(
        r.holds[0].arg("max").map(|m| m.say(Lang::En)).as_deref(),
        Some("8 mg")
    );
    h.ok(given(
        "antiemetic",
        8.5,
        MedRoute::Iv,
        Some("physician's order, vomiting"),
    ));
    // The formulary's most doses in a session (3), the agreement allowing 5.
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let r = h.refused(given("antiemetic", 4.0, MedRoute::Iv, None));
    assert_eq!(r.holds[0].id(), Some("med-beyond-more-than-formulary"));
    assert_eq!(r.holds[0].arg("most"), Some(&Phrase::Count(3)));
    // Without any medication agreed, every drug is outside it.
    let mut h = fixture();
    let r = h.refused(given("antiemetic", 4.0, MedRoute::Iv, None));
    assert_eq!(r.holds[0].id(), Some("med-beyond-none-agreed"));
}

#[test]
fn the_effect_recheck_is_due_at_the_formulary_minute_and_goes_when_recorded() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 2.0);
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let seq = h.s.meds[0].seq;
    h.wait(14);
    let due = h.s.rechecks_due(&h.now());
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].1.state, DueState::Upcoming);
    h.clock.advance(MINUTE - 1000);
    assert_eq!(h.s.rechecks_due(&h.now())[0].1.state, DueState::Upcoming);
    h.clock.advance(1000); // 15 min: the antiemetic's re-check
    assert_eq!(h.s.rechecks_due(&h.now())[0].1.state, DueState::Due);
    h.refused(Event::MedicationEffect {
        entry: seq,
        effect: " ".into(),
    });
    h.refused(Event::MedicationEffect {
        entry: seq + 99,
        effect: "settled".into(),
    });
    h.ok(Event::MedicationEffect {
        entry: seq,
        effect: "nausea settled".into(),
    });
    assert!(h.s.rechecks_due(&h.now()).is_empty());
    assert_eq!(h.s.meds[0].effect.as_ref().unwrap().text, "nausea settled");
}

#[test]
fn a_waste_without_a_second_person_as_witness_is_refused() {
    let mut h = fixture();
    let waste = |w: &str| Event::KetamineWasted {
        mg: 1.0,
        witness: w.into(),
    };
    assert!(by(&mut h, "A. Martin, RN", waste("")).is_err());
    assert!(by(&mut h, "A. Martin, RN", waste("  ")).is_err());
    let own = by(&mut h, "A. Martin, RN", waste("a.  martin, rn")).unwrap_err();
    assert_eq!(own.id(), Some("ref-waste-own-witness"));
    // Nobody named as recorder: no one to be different from.
    h.refused(waste("J. Gagnon, MD"));
    assert!(h.s.ketamine.wasted.is_empty());
    by(&mut h, "A. Martin, RN", waste("J. Gagnon, MD")).unwrap();
    assert_eq!(
        h.s.ketamine.wasted[0].witness.as_deref(),
        Some("J. Gagnon, MD")
    );
}

#[test]
fn drawn_is_given_plus_wasted_to_the_tenth_of_a_mg_or_the_close_waits() {
    let mut h = fixture();
    h.tick("consent");
    h.vitals("120/80 70 98");
    h.advance();
    h.ok(Event::KetamineDrawn { mg: 36.0 });
    h.ok(Event::DosingStarted);
    // 35 mg over 40 min: stopped at 3 min 12 s, 2.8 mg given.
    h.clock.advance(3 * MINUTE + 12_000);
    h.ok(Event::DosingStopped {
        reason: "patient asked to stop".into(),
    });
    let a = h.s.accounting(&h.now());
    assert!((a.given - 2.8).abs() < 1e-9, "{a:?}");
    assert_eq!(a.difference(), 33.2);
    h.ok(Event::Advanced { reason: None });
    let r = h.refused(Event::Closed);
    assert_eq!(r.holds[0].id(), Some("hold-ketamine-unaccounted"));
    assert_eq!(r.holds[0].arg("left"), Some(&Phrase::Num(33.2)));
    // 33.1 wasted: 0.1 mg still unaccounted, flagged, and the close waits.
    by(
        &mut h,
        "A. Martin, RN",
        Event::KetamineWasted {
            mg: 33.1,
            witness: "J. Gagnon, MD".into(),
        },
    )
    .unwrap();
    let a = h.s.accounting(&h.now());
    assert_eq!(a.difference(), 0.1);
    assert!(!a.balances());
    let r = h.refused(Event::Closed);
    assert_eq!(r.holds[0].arg("left"), Some(&Phrase::Num(0.1)));
    by(
        &mut h,
        "A. Martin, RN",
        Event::KetamineWasted {
            mg: 0.1,
            witness: "J. Gagnon, MD".into(),
        },
    )
    .unwrap();
    assert!(h.s.accounting(&h.now()).balances());
    h.ok(Event::Closed);
}

#[test]
fn a_rescue_entry_entered_in_error_no_longer_counts() {
    let mut h = fixture();
    agree(&mut h, &["Antiemetic"], 1.0);
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
    let seq = h.s.meds[0].seq;
    h.ok(Event::Corrected {
        entry: seq,
        reason: "wrong patient's chart".into(),
        with: None,
    });
    assert!(h.s.meds.is_empty());
    h.ok(given("antiemetic", 4.0, MedRoute::Iv, None));
}

/// `kap protocol show` lists the formulary, each drug's figures marked as
/// the site's.
#[test]
fn protocol_show_lists_the_formulary_as_the_site_s() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["protocol", "show", "protocols/palliative.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Ondansetron:"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("8 mg at most, 2 doses a session; iv, po"),
        "{line}"
    );
    assert!(
        line.ends_with("(site sets: usual_dose, max_dose, max_doses, recheck_minutes)"),
        "{line}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Over any stop minute, draws and wastes (in tenths of a mg): the
    /// difference is drawn − given − wasted to the 0.1 mg, and the close
    /// waits exactly while some drawn ketamine is neither given nor wasted.
    #[test]
    fn the_close_waits_exactly_while_ketamine_is_unaccounted(
        stop_s in 1i64..2400,
        extra_tenths in 0u32..400,
        wasted_tenths in proptest::collection::vec(1u32..200, 0..4),
    ) {
        let mut h = fixture();
        h.tick("consent");
        h.vitals("120/80 70 98");
        h.advance();
        h.ok(Event::DosingStarted);
        h.clock.advance(stop_s * 1000);
        h.ok(Event::DosingStopped { reason: "test".into() });
        let given = h.s.delivered(&h.now()).mg;
        let drawn = ((given * 10.0).ceil() + f64::from(extra_tenths)) / 10.0;
        h.ok(Event::KetamineDrawn { mg: drawn });
        let mut wasted = 0.0;
        for t in &wasted_tenths {
            let mg = f64::from(*t) / 10.0;
            by(&mut h, "A. Martin, RN", Event::KetamineWasted {
                mg,
                witness: "J. Gagnon, MD".into(),
            })
            .unwrap();
            wasted += mg;
        }
        let a = h.s.accounting(&h.now());
        let expected = ((drawn - given - wasted) * 10.0).round() / 10.0;
        proptest::prop_assert_eq!(a.difference(), expected);
        h.ok(Event::Advanced { reason: None });
        let now = h.now();
        let closed = h.s.check(&Event::Closed, &now).is_ok();
        proptest::prop_assert_eq!(closed, expected <= 0.0, "{:?}", a);
    }
}
