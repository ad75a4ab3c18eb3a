//! The vitals quick-entry parser never panics, and whatever it accepts is
//! plausible.

use kap::protocol::plausible::vital_range;
use kap::session::vitals::parse;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_an_answer(s in "\\PC{0,40}") {
        let _ = parse(&s);
    }

    #[test]
    fn entry_like_text_is_either_plausible_or_refused_with_a_reason(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("bp".to_string()), Just("hr".to_string()), Just("spo2".to_string()),
                Just("sat".to_string()), Just("/".to_string()), Just("%".to_string()),
                Just("=".to_string()), Just(",".to_string()),
                (0u32..100_000).prop_map(|n| n.to_string()),
                (0u32..400, 0u32..400).prop_map(|(a, b)| format!("{a}/{b}")),
            ],
            0..8,
        )
    ) {
        let s = parts.join(" ");
        match parse(&s) {
            Ok(r) => {
                prop_assert!(!r.is_empty());
                for (m, v) in r.values() {
                    let (lo, hi) = vital_range(m);
                    prop_assert!(f64::from(v) >= lo && f64::from(v) <= hi, "{s} gave {r:?}");
                }
                if let (Some(sys), Some(dia)) = (r.systolic, r.diastolic) {
                    prop_assert!(dia < sys);
                }
            }
            Err(e) => prop_assert!(!e.phrase().say(kap::i18n::Lang::En).is_empty()),
        }
    }
}

#[test]
fn french_and_portuguese_labels_are_read() {
    let fr = parse("ta 130/85 fc 80 sat 95").unwrap();
    let pt = parse("pa 130/85 fc80 spo2 95").unwrap();
    let en = parse("bp 130/85 hr 80 spo2 95").unwrap();
    assert_eq!(fr, en);
    assert_eq!(pt, en);
}
