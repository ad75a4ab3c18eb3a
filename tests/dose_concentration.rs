//! Volumes and pump rates at concentrations other than 1 mg/mL, where
//! mg ÷ concentration and mg × concentration give different numbers:
//! the fixtures `concentration-2.toml` (2 mg/mL, a cap) and
//! `concentration-10.toml` (10 mg/mL, a stepped dose) worked by hand, as
//! `kap protocol dose` prints them and as the running step shows them;
//! and, over random weights, mg/kg, minutes and concentrations within the
//! plausible ranges, volume × concentration is the dose and the rate
//! delivers that volume in the infusion's minutes.

mod common;

use common::dose_req as req;
use kap::i18n::Lang::En;
use kap::protocol::dose::{DosePlan, plan};
use kap::protocol::{self, Protocol, plausible};
use kap::session::{Clock, Event, MINUTE, SimClock, plan_start};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The dose's arithmetic, said in the language in use.
fn said(lines: &[kap::i18n::Phrase]) -> Vec<String> {
    lines.iter().map(|l| l.say(kap::i18n::Lang::En)).collect()
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocols")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

fn fixture(name: &str) -> Protocol {
    protocol::load_file(&fixture_path(name)).unwrap().protocol
}

#[test]
fn at_2_mg_per_ml_the_volume_is_half_the_dose() {
    let prot = fixture("concentration-2.toml");
    // 70 kg × 0.5 mg/kg = 35 mg; 35 ÷ 2 = 17.5 mL; over 40 min
    // 26.25 mL/h; 35 ÷ 40 = 0.875 mg/min.
    let p = plan(&prot, req(1, 70.0, None)).unwrap();
    assert_eq!(p.concentration_mg_per_ml, Some(2.0));
    assert_eq!(p.dose_mg, 35.0);
    assert_eq!(p.volume_ml, Some(17.5));
    assert_eq!(p.rate_ml_per_h, Some(26.25));
    assert_eq!(p.mg_per_min, Some(0.875));
    assert_eq!(
        said(&p.arithmetic()),
        [
            "70 kg × 0.5 mg/kg = 35 mg",
            "35 mg ÷ 2 mg/mL = 17.5 mL",
            "17.5 mL over 40 min = 26.25 mL/h",
            "35 mg ÷ 40 min = 0.875 mg/min",
            "0.5 mg/kg is this session's protocol dose",
        ]
    );
    // Rounded first, then divided: 83.3 × 0.5 = 41.65 → 41.5 mg;
    // 20.75 mL; 31.125 mL/h.
    let p = plan(&prot, req(1, 83.3, None)).unwrap();
    assert_eq!(p.dose_mg, 41.5);
    assert_eq!(p.volume_ml, Some(20.75));
    assert_eq!(p.rate_ml_per_h, Some(31.125));
    // Capped first, then divided: 90 kg × 1 mg/kg = 90 mg, capped at
    // 80 mg; 40 mL; 60 mL/h; 2 mg/min.
    let p = plan(&prot, req(2, 90.0, Some(1.0))).unwrap();
    assert_eq!(p.capped_at_mg, Some(80.0));
    assert_eq!(p.dose_mg, 80.0);
    assert_eq!(p.volume_ml, Some(40.0));
    assert_eq!(p.rate_ml_per_h, Some(60.0));
    assert_eq!(p.mg_per_min, Some(2.0));
}

#[test]
fn at_10_mg_per_ml_each_step_has_its_own_volume_and_rate() {
    let prot = fixture("concentration-10.toml");
    // 70 kg: bolus 0.11 × 70 = 7.7 → 7.5 mg, 0.75 mL over 2 min =
    // 22.5 mL/h, 3.75 mg/min; infusion 0.6 × 70 = 42 mg, 4.2 mL over
    // 50 min = 5.04 mL/h, 0.84 mg/min; 49.5 mg, 4.95 mL in all.
    let p = plan(&prot, req(1, 70.0, None)).unwrap();
    let b = &p.steps[0];
    assert_eq!(
        (b.dose_mg, b.volume_ml, b.rate_ml_per_h, b.mg_per_min),
        (7.5, Some(0.75), Some(22.5), 3.75)
    );
    let i = &p.steps[1];
    assert_eq!(
        (i.dose_mg, i.volume_ml, i.rate_ml_per_h, i.mg_per_min),
        (42.0, Some(4.2), Some(5.04), 0.84)
    );
    assert_eq!((p.dose_mg, p.volume_ml), (49.5, Some(4.95)));
    let a = said(&p.arithmetic());
    for line in [
        "  7.5 mg ÷ 10 mg/mL = 0.75 mL",
        "  0.75 mL over 2 min = 22.5 mL/h",
        "  42 mg ÷ 10 mg/mL = 4.2 mL",
        "  4.2 mL over 50 min = 5.04 mL/h",
    ] {
        assert!(a.contains(&line.to_string()), "{line} not in {a:?}");
    }
    // Session 2, one step: 80 kg × 0.75 = 60 mg; 6 mL; 9 mL/h.
    let p = plan(&prot, req(2, 80.0, None)).unwrap();
    assert_eq!(
        (p.dose_mg, p.volume_ml, p.rate_ml_per_h, p.mg_per_min),
        (60.0, Some(6.0), Some(9.0), Some(1.5))
    );
}

#[test]
fn a_dose_exactly_at_the_maximum_or_the_cap_is_neither_rounded_down_nor_capped() {
    let prot = fixture("concentration-2.toml");
    // 70 kg × 0.5 mg/kg is 35 mg, the range's maximum itself.
    let p = plan(&prot, req(1, 70.0, None)).unwrap();
    assert_eq!(
        (p.dose_mg, p.rounded_down, p.capped_at_mg),
        (35.0, false, None)
    );
    // 70.5 kg × 0.5 = 35.25 mg, whose nearest 0.5 mg (35.5) would pass
    // the maximum: 35 mg, 17.5 mL.
    let p = plan(&prot, req(1, 70.5, None)).unwrap();
    assert_eq!((p.dose_mg, p.rounded_down), (35.0, true));
    assert_eq!(p.volume_ml, Some(17.5));
    // 80 kg × 1 mg/kg is 80 mg, the cap itself: nothing to say about it.
    let p = plan(&prot, req(2, 80.0, Some(1.0))).unwrap();
    assert_eq!((p.dose_mg, p.capped_at_mg), (80.0, None));
    assert!(
        !said(&p.arithmetic()).iter().any(|l| l.contains("capped")),
        "{p:?}"
    );
    assert_eq!((p.volume_ml, p.rate_ml_per_h), (Some(40.0), Some(60.0)));
    // Rounding to the nearest 0.5 mg would pass the maximum (50.75 kg ×
    // 1 mg/kg = 50.75 → 51 mg): rounded down to 50.5 mg, 25.25 mL.
    let p = plan(&prot, req(2, 50.75, Some(1.0))).unwrap();
    assert_eq!((p.dose_mg, p.rounded_down), (50.5, true));
    assert_eq!(p.volume_ml, Some(25.25));
    // Below the maximum the nearest multiple stands, up as well as down:
    // 50.75 kg × 0.9 = 45.675 → 45.5 mg; 50.9 kg × 0.9 = 45.81 → 46 mg.
    let p = plan(&prot, req(2, 50.75, Some(0.9))).unwrap();
    assert_eq!((p.dose_mg, p.rounded_down), (45.5, false));
    let p = plan(&prot, req(2, 50.9, Some(0.9))).unwrap();
    assert_eq!((p.dose_mg, p.rounded_down), (46.0, false));
}

#[test]
fn a_chosen_mg_per_kg_that_is_no_number_is_refused() {
    let prot = fixture("concentration-2.toml");
    for k in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(
            matches!(
                plan(&prot, req(2, 70.0, Some(k))),
                Err(kap::protocol::dose::DoseError::OutOfRange { .. })
            ),
            "{k}"
        );
    }
}

#[test]
fn a_fixed_step_at_10_mg_per_ml_and_the_total_a_start_entry_carries() {
    // The bolus as a fixed 10 mg: at 80 kg that is 0.125 mg/kg, 1 mL,
    // over 2 min 30 mL/h; the infusion 0.6 × 80 = 48 mg, 4.8 mL; in all
    // 58 mg, 0.725 mg/kg, 5.8 mL.
    let text = fixture_text("concentration-10.toml").replacen(
        "mg_per_kg = 0.11  #",
        "fixed_mg = 10  #",
        1,
    );
    let prot = protocol::load_str(Path::new("fixed-step.toml"), &text)
        .unwrap()
        .protocol;
    let p = plan(&prot, req(1, 80.0, None)).unwrap();
    let b = &p.steps[0];
    assert!(b.fixed);
    assert_eq!(
        (b.mg_per_kg, b.dose_mg, b.volume_ml, b.rate_ml_per_h),
        (0.125, 10.0, Some(1.0), Some(30.0))
    );
    assert_eq!(
        (p.dose_mg, p.mg_per_kg, p.volume_ml),
        (58.0, 0.725, Some(5.8))
    );
    assert!(!p.fixed, "one step is weight-based");
    // A start entry carrying the total mg/kg is the same dose; any other
    // is refused with the total.
    assert_eq!(plan(&prot, req(1, 80.0, Some(0.725))).unwrap(), p);
    assert_eq!(
        plan(&prot, req(1, 80.0, Some(0.7))),
        Err(kap::protocol::dose::DoseError::Stepped {
            total_mg_per_kg: 0.725
        })
    );
}

fn kap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .env("KAP_LANG", "en")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

#[test]
fn the_fixtures_pass_the_check_and_the_dose_command_prints_their_volumes() {
    let two = fixture_path("concentration-2.toml");
    let ten = fixture_path("concentration-10.toml");
    let out = kap(&[
        "protocol",
        "check",
        two.to_str().unwrap(),
        ten.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");

    let dose = |file: &Path, session: &str, weight: &str| {
        let out = kap(&[
            "protocol",
            "dose",
            file.to_str().unwrap(),
            "--session",
            session,
            "--weight",
            weight,
        ]);
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        dose(&two, "1", "70"),
        "Session 1 of 2 — IV infusion — 35 mg\n  70 kg × 0.5 mg/kg = 35 mg\n  35 mg ÷ 2 mg/mL = 17.5 mL\n  17.5 mL over 40 min = 26.25 mL/h\n  35 mg ÷ 40 min = 0.875 mg/min\n  0.5 mg/kg is this session's protocol dose\n"
    );
    let s = dose(&ten, "2", "80");
    assert!(s.contains("  60 mg ÷ 10 mg/mL = 6 mL\n"), "{s}");
    assert!(s.contains("  6 mL over 40 min = 9 mL/h\n"), "{s}");
}

#[test]
fn the_running_step_shows_each_steps_rate_at_10_mg_per_ml() {
    let p = fixture("concentration-10.toml");
    let clock = SimClock::fixed();
    let (start, _) = plan_start(&p, common::start_fields("1"), false).unwrap();
    let mut s = kap::session::Session::start(p.into(), start, clock.now()).unwrap();
    let events = [
        Event::Ticked {
            prompt: "consent".into(),
            checked: true,
            evidence: None,
        },
        Event::Advanced { reason: None },
        Event::DosingStarted,
    ];
    for ev in &events {
        s.apply(ev, &clock.now()).unwrap();
    }
    let st = s.dosing.step_at(&clock.now()).unwrap();
    assert_eq!(st.describe().say(En), "step 1 of 2, bolus (22.5 mL/h)");
    assert_eq!(st.next.unwrap().describe().say(En), "infusion (5.04 mL/h)");
    clock.advance(2 * MINUTE);
    let st = s.dosing.step_at(&clock.now()).unwrap();
    assert_eq!(st.describe().say(En), "step 2 of 2, infusion (5.04 mL/h)");
}

/// `concentration-2.toml` with session 1 at `mg_per_kg` over `minutes`,
/// the concentration `conc` and the rounding `step`.
fn single(mg_per_kg: f64, minutes: u32, conc: f64, step: f64) -> Protocol {
    let text = fixture_text("concentration-2.toml")
        .replace(
            "mg_per_kg = { min = 0.5, max = 0.5, default = 0.5 }",
            &format!(
                "mg_per_kg = {{ min = {mg_per_kg}, max = {mg_per_kg}, default = {mg_per_kg} }}"
            ),
        )
        .replacen(
            "infusion_minutes = 40",
            &format!("infusion_minutes = {minutes}"),
            1,
        )
        .replace(
            "concentration_mg_per_ml = 2.0",
            &format!("concentration_mg_per_ml = {conc}"),
        )
        .replace("rounding_mg = 0.5", &format!("rounding_mg = {step}"));
    protocol::load_str(Path::new("single.toml"), &text)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .protocol
}

/// `concentration-10.toml` with its steps at `bolus` and `infusion` mg/kg
/// over `minutes` each, and the concentration `conc`.
fn stepped(bolus: f64, infusion: f64, minutes: (u32, u32), conc: f64) -> Protocol {
    let text = fixture_text("concentration-10.toml")
        .replacen("mg_per_kg = 0.11  #", &format!("mg_per_kg = {bolus}  #"), 1)
        .replacen(
            "mg_per_kg = 0.6   #",
            &format!("mg_per_kg = {infusion}   #"),
            1,
        )
        // Through markers, so that one step's new value is never taken
        // for the other's old one.
        .replacen("minutes = 2\n", "minutes = BOLUS\n", 1)
        .replacen("minutes = 50\n", "minutes = INFUSION\n", 1)
        .replacen("BOLUS", &minutes.0.to_string(), 1)
        .replacen("INFUSION", &minutes.1.to_string(), 1)
        .replace(
            "concentration_mg_per_ml = 10.0",
            &format!("concentration_mg_per_ml = {conc}"),
        );
    protocol::load_str(Path::new("stepped.toml"), &text)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .protocol
}

/// Within what `clean` (a microgram, a millionth of a mL) leaves.
fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-6 * scale.max(1.0)
}

/// One amount's volume, rate and mg/min agree with its dose, its minutes
/// and the concentration.
fn consistent(mg: f64, volume: f64, rate: f64, mg_per_min: f64, minutes: f64, conc: f64) {
    assert!(
        close(volume * conc, mg, conc),
        "{volume} mL × {conc} mg/mL ≠ {mg} mg"
    );
    assert!(
        close(rate * minutes / 60.0, volume, minutes),
        "{rate} mL/h over {minutes} min ≠ {volume} mL"
    );
    assert!(
        close(mg_per_min * minutes, mg, minutes),
        "{mg_per_min} mg/min × {minutes} min ≠ {mg} mg"
    );
}

fn weight() -> impl Strategy<Value = f64> {
    let (lo, hi) = plausible::WEIGHT_KG;
    ((lo * 10.0) as u32..=(hi * 10.0) as u32).prop_map(|w| f64::from(w) / 10.0)
}

/// mg/kg in hundredths, from the least a file may set to the most.
fn mg_per_kg() -> impl Strategy<Value = f64> {
    let lo = (plausible::MIN_MG_PER_KG * 100.0).round() as u32;
    let hi = (plausible::MAX_MG_PER_KG * 100.0).round() as u32;
    (lo..=hi).prop_map(|k| f64::from(k) / 100.0)
}

/// The common strengths, and any concentration in the plausible range.
fn concentration() -> impl Strategy<Value = f64> {
    let (lo, hi) = plausible::CONCENTRATION_MG_PER_ML;
    prop_oneof![
        Just(1.0),
        Just(2.0),
        Just(10.0),
        Just(50.0),
        Just(100.0),
        ((lo * 100.0) as u32..=(hi * 100.0) as u32).prop_map(|c| f64::from(c) / 100.0),
    ]
}

/// Two steps' mg/kg whose total a file may set.
fn two_steps() -> impl Strategy<Value = (f64, f64)> {
    let lo = (plausible::MIN_MG_PER_KG * 100.0).round() as u32;
    let most = (plausible::MAX_MG_PER_KG * 100.0).round() as u32;
    (lo..=most - lo).prop_flat_map(move |bolus| {
        let infusion = (lo..=most - bolus).prop_map(|k| f64::from(k) / 100.0);
        (Just(f64::from(bolus) / 100.0), infusion)
    })
}

fn step_minutes() -> impl Strategy<Value = u32> {
    plausible::MIN_MINUTES as u32..=240
}

fn check_plan(p: &DosePlan, conc: f64) {
    assert_eq!(p.concentration_mg_per_ml, Some(conc));
    if p.steps.is_empty() {
        consistent(
            p.dose_mg,
            p.volume_ml.unwrap(),
            p.rate_ml_per_h.unwrap(),
            p.mg_per_min.unwrap(),
            p.infusion_minutes.unwrap(),
            conc,
        );
        return;
    }
    for s in &p.steps {
        consistent(
            s.dose_mg,
            s.volume_ml.unwrap(),
            s.rate_ml_per_h.unwrap(),
            s.mg_per_min,
            s.minutes,
            conc,
        );
    }
    assert!(close(p.volume_ml.unwrap() * conc, p.dose_mg, conc));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn volume_times_concentration_is_the_dose(
        w in weight(),
        k in mg_per_kg(),
        minutes in step_minutes(),
        conc in concentration(),
        step in prop_oneof![Just(0.1), Just(0.5), Just(1.0)],
    ) {
        let p = plan(&single(k, minutes, conc, step), req(1, w, None)).unwrap();
        // The dose is weight × mg/kg to the nearest rounding step, or the
        // step below when the nearest would pass the range's maximum.
        let exact = w * k;
        // Never past the range's maximum (here the mg/kg itself).
        prop_assert!(p.dose_mg <= exact + 1e-6, "{p:?}");
        if p.rounded_down {
            prop_assert!(p.dose_mg <= exact + 1e-6 && p.dose_mg > exact - step, "{p:?}");
        } else {
            prop_assert!((p.dose_mg - exact).abs() <= step / 2.0 + 1e-6, "{p:?}");
        }
        check_plan(&p, conc);
    }

    #[test]
    fn each_steps_volume_times_concentration_is_its_dose(
        w in weight(),
        (bolus, infusion) in two_steps(),
        minutes in (step_minutes(), step_minutes()),
        conc in concentration(),
    ) {
        let p = plan(&stepped(bolus, infusion, minutes, conc), req(1, w, None)).unwrap();
        prop_assert_eq!(p.steps.len(), 2);
        prop_assert_eq!(p.infusion_minutes, Some(f64::from(minutes.0 + minutes.1)));
        check_plan(&p, conc);
    }
}
