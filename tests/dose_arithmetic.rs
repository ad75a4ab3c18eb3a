//! Dose arithmetic against hand-worked numbers.

mod common;

use common::{dose_req as req, shipped as load};
use kap::protocol;
use kap::protocol::dose::{DoseError, plan};
use std::path::Path;

/// The dose's arithmetic, said in the language in use.
fn said(lines: &[kap::i18n::Phrase]) -> Vec<String> {
    lines.iter().map(|l| l.say(kap::i18n::Lang::En)).collect()
}

#[test]
fn montreal_70_kg() {
    // 70 kg × 0.5 mg/kg = 35 mg; at 1 mg/mL 35 mL; over 40 min 52.5 mL/h;
    // 35 / 40 = 0.875 mg/min.
    let p = plan(&load("montreal.toml"), req(1, 70.0, None)).unwrap();
    assert_eq!(p.exact_mg, 35.0);
    assert_eq!(p.dose_mg, 35.0);
    assert_eq!(p.volume_ml, Some(35.0));
    assert_eq!(p.rate_ml_per_h, Some(52.5));
    assert_eq!(p.mg_per_min, Some(0.875));
    assert_eq!(
        said(&p.arithmetic()),
        [
            "70 kg × 0.5 mg/kg = 35 mg",
            "35 mg ÷ 1 mg/mL = 35 mL",
            "35 mL over 40 min = 52.5 mL/h",
            "35 mg ÷ 40 min = 0.875 mg/min",
            "0.5 mg/kg is this session's protocol dose",
        ]
    );
}

#[test]
fn montreal_rounding_to_half_mg() {
    // 83.3 kg × 0.5 = 41.65 mg → nearest 0.5 mg = 41.5 mg;
    // 41.5 mL over 40 min = 62.25 mL/h.
    let p = plan(&load("montreal.toml"), req(6, 83.3, None)).unwrap();
    assert_eq!(p.exact_mg, 41.65);
    assert_eq!(p.dose_mg, 41.5);
    assert_eq!(p.rate_ml_per_h, Some(62.25));
    assert!(said(&p.arithmetic())[1].contains("rounded to the nearest 0.5 mg = 41.5 mg"));
}

#[test]
fn palliative_steps_up_between_sessions() {
    let prot = load("palliative.toml");
    // Session 1: 60 kg × 0.4 = 24 mg; 24 mL over 40 min = 36 mL/h.
    let p1 = plan(&prot, req(1, 60.0, Some(0.4))).unwrap();
    assert_eq!(p1.dose_mg, 24.0);
    assert_eq!(p1.rate_ml_per_h, Some(36.0));
    // Session 2: 60 kg × 0.9 = 54 mg; 81 mL/h.
    let p2 = plan(&prot, req(2, 60.0, Some(0.9))).unwrap();
    assert_eq!(p2.dose_mg, 54.0);
    assert_eq!(p2.rate_ml_per_h, Some(81.0));
    // The session 1 range does not apply to session 2, and the other way.
    assert_eq!(
        plan(&prot, req(2, 60.0, Some(0.5))),
        Err(DoseError::OutOfRange {
            mg_per_kg: 0.5,
            min: 0.75,
            max: 1.0,
            session: 2
        })
    );
    assert!(matches!(
        plan(&prot, req(1, 60.0, Some(0.9))),
        Err(DoseError::OutOfRange { .. })
    ));
    // No default: the clinician must choose.
    let e = plan(&prot, req(1, 60.0, None)).unwrap_err();
    assert_eq!(
        e.phrase().say(kap::i18n::Lang::En),
        "the protocol gives a range of 0.3–0.5 mg/kg for session 1 and no default: choose the mg/kg"
    );
}

#[test]
fn single_infusion_is_a_bolus_then_50_minutes() {
    // 80 kg: bolus 0.11 × 80 = 8.8 → 9 mg (0.5 mg steps), 9 mL over 2 min
    // = 270 mL/h; then 0.6 × 80 = 48 mg, 48 mL over 50 min = 57.6 mL/h,
    // 0.96 mg/min; 57 mg in all over 52 min.
    let p = plan(&load("single-infusion-met.toml"), req(1, 80.0, None)).unwrap();
    assert_eq!(p.steps[0].dose_mg, 9.0);
    assert_eq!(p.steps[0].rate_ml_per_h, Some(270.0));
    assert_eq!(p.steps[1].dose_mg, 48.0);
    assert_eq!(p.steps[1].rate_ml_per_h, Some(57.6));
    assert_eq!(p.steps[1].mg_per_min, 0.96);
    assert_eq!(p.dose_mg, 57.0);
    assert_eq!(p.infusion_minutes, Some(52.0));
}

#[test]
fn implausible_weights_are_refused() {
    let prot = load("montreal.toml");
    for w in [0.0, -70.0, 7.0, 29.9, 250.1, 700.0, f64::NAN, f64::INFINITY] {
        let e = plan(&prot, req(1, w, None)).unwrap_err();
        assert!(
            matches!(e, DoseError::WeightNotPlausible { .. }),
            "{w} gave {e:?}"
        );
    }
    assert!(plan(&prot, req(1, 30.0, None)).is_ok());
    assert!(plan(&prot, req(1, 250.0, None)).is_ok());
}

#[test]
fn sessions_outside_the_course_are_refused() {
    // Palliative has no maintenance sessions: a third is refused.
    let prot = load("palliative.toml");
    assert_eq!(
        plan(&prot, req(3, 70.0, Some(0.8))),
        Err(DoseError::SessionNotInCourse {
            session: 3,
            sessions: 2
        })
    );
    assert!(plan(&prot, req(0, 70.0, None)).is_err());
    // Montreal's session 7 is a maintenance session (tests/maintenance.rs);
    // session 0 is still no session.
    assert!(plan(&load("montreal.toml"), req(0, 70.0, None)).is_err());
}

#[test]
fn fixed_doses_ignore_weight_but_report_mg_per_kg() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocols/minimal.toml"),
    )
    .unwrap()
    .replace(
        "mg_per_kg = { min = 0.5, max = 0.5, default = 0.5 }\ninfusion_minutes = 40",
        "fixed_mg = 25\ninfusion_minutes = 20",
    );
    let prot = protocol::load_str(Path::new("fixed.toml"), &text)
        .unwrap()
        .protocol;
    let p = plan(&prot, req(1, 50.0, None)).unwrap();
    assert_eq!(p.dose_mg, 25.0);
    assert_eq!(p.mg_per_kg, 0.5);
    assert_eq!(p.volume_ml, None, "no concentration in this file");
    assert_eq!(p.mg_per_min, Some(1.25));
    assert!(matches!(
        plan(&prot, req(1, 50.0, Some(0.5))),
        Err(DoseError::FixedDose { .. })
    ));
}

#[test]
fn im_bolus_has_no_rate() {
    // 70 kg × 2.0 mg/kg = 140 mg, given at once: no volume (no concentration
    // set), no rate, no mg/min.
    let p = plan(&load("im-single-session.toml"), req(1, 70.0, None)).unwrap();
    assert_eq!(p.dose_mg, 140.0);
    assert_eq!(p.infusion_minutes, None);
    assert_eq!(p.rate_ml_per_h, None);
    assert_eq!(p.mg_per_min, None);
    assert_eq!(
        said(&p.arithmetic()),
        [
            "70 kg × 2 mg/kg = 140 mg",
            "2 mg/kg is this session's protocol dose"
        ]
    );
}
