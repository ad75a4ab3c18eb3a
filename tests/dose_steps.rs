//! Stepped doses (a bolus, then an infusion), the rounding that must not
//! pass a range's maximum, and the absolute mg cap: the arithmetic worked
//! by hand, the protocol checks, the running step and the dose given.

mod common;

use common::{dose_req as req, next_phase, render, shipped as load, start_fields, tick};
use common::{update, vitals};
use kap::i18n::Lang;
use kap::protocol::dose::{DoseError, plan};
use kap::protocol::{self, Protocol};
use kap::session::{Clock, Event, MINUTE, SimClock, plan_start};
use kap::tui::app::Screen;
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use std::path::Path;

/// The dose's arithmetic, said in the language in use.
fn said(lines: &[kap::i18n::Phrase]) -> Vec<String> {
    lines.iter().map(|l| l.say(kap::i18n::Lang::En)).collect()
}

#[test]
fn the_alcohol_trial_is_a_bolus_then_an_infusion() {
    // 70 kg: bolus 0.11 mg/kg = 7.7 mg → 7.5 mg at 0.5 mg steps, 7.5 mL
    // over 2 min = 225 mL/h; infusion 0.6 mg/kg = 42 mg over 50 min =
    // 50.4 mL/h; 49.5 mg over 52 min in all (0.707 mg/kg).
    let p = plan(&load("single-infusion-met.toml"), req(1, 70.0, None)).unwrap();
    assert_eq!(p.steps.len(), 2);
    assert_eq!(p.steps[0].label, "bolus");
    assert_eq!(p.steps[0].dose_mg, 7.5);
    assert_eq!(p.steps[0].rate_ml_per_h, Some(225.0));
    assert_eq!(p.steps[1].dose_mg, 42.0);
    assert_eq!(p.steps[1].rate_ml_per_h, Some(50.4));
    assert_eq!(p.dose_mg, 49.5);
    assert_eq!(p.infusion_minutes, Some(52.0));
    assert_eq!(p.mg_per_kg, 0.707143);
    // A stepped dose has no single pump rate.
    assert_eq!(p.rate_ml_per_h, None);
    let a = said(&p.arithmetic());
    assert_eq!(a[0], "step 1 of 2, bolus: 70 kg × 0.11 mg/kg = 7.7 mg");
    assert_eq!(a[1], "  rounded to the nearest 0.5 mg = 7.5 mg");
    assert!(
        a.contains(&"  42 mL over 50 min = 50.4 mL/h".to_string()),
        "{a:?}"
    );
    assert_eq!(
        a.last().unwrap(),
        "total 7.5 mg + 42 mg = 49.5 mg (0.707 mg/kg) over 52 min"
    );
    // The JSON names each step.
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["steps"][1]["label"], "infusion");
    assert_eq!(json["steps"][1]["minutes"], 50.0);
}

#[test]
fn a_stepped_dose_takes_no_other_mg_per_kg() {
    let prot = load("single-infusion-met.toml");
    match plan(&prot, req(1, 70.0, Some(0.5))) {
        Err(DoseError::Stepped { total_mg_per_kg }) => {
            assert!((total_mg_per_kg - 0.707).abs() < 1e-3)
        }
        other => panic!("{other:?}"),
    }
    // The start form (mg/kg left empty) and a start entry carrying the
    // total both agree with the protocol.
    let (start, p) = plan_start(&prot, start_fields("1"), false).unwrap();
    assert_eq!(start.dose_mg, 49.5);
    assert_eq!(p.steps.len(), 2);
    assert_eq!(kap::session::dose_disagreement(&prot, &start), None);
}

#[test]
fn rounding_never_passes_the_range_maximum() {
    // Palliative session 2 allows 0.75–1.0 mg/kg. 63.75 kg × 1.0 = 63.75 mg,
    // which the nearest 0.5 mg would make 64 mg (1.004 mg/kg): rounded down.
    let p = plan(&load("palliative.toml"), req(2, 63.75, Some(1.0))).unwrap();
    assert_eq!(p.dose_mg, 63.5);
    assert!(p.rounded_down);
    assert!(said(&p.arithmetic())[1].starts_with("rounded down to a multiple of 0.5 mg = 63.5 mg"));
    // Inside the range, the nearest multiple as before.
    let p = plan(&load("palliative.toml"), req(2, 63.75, Some(0.8))).unwrap();
    assert_eq!(p.dose_mg, 51.0);
    assert!(!p.rounded_down);
}

fn with_rule(rule: &str) -> Result<Protocol, String> {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/im-single-session.toml"),
    )
    .unwrap();
    let start = base.find("[[course.dose_rule]]").unwrap();
    let end = start + base[start..].find("\n[course.").unwrap();
    let text = format!("{}{rule}\n{}", &base[..start], &base[end..]);
    protocol::load_str(Path::new("test.toml"), &text)
        .map(|l| l.protocol)
        .map_err(|d| {
            d.iter()
                .map(|d| d.say(kap::i18n::Lang::En))
                .collect::<Vec<_>>()
                .join("\n")
        })
}

#[test]
fn a_site_cap_limits_a_weight_based_dose() {
    let capped = with_rule(
        r#"[[course.dose_rule]]
sessions = [1]
route = "im-bolus"
mg_per_kg = { min = 2.0, max = 2.0, default = 2.0 }
observation_minutes = 60
max_mg = 200
source = "test"
"#,
    )
    .unwrap();
    // 200 kg × 2 mg/kg = 400 mg, capped at 200 mg.
    let p = plan(&capped, req(1, 200.0, None)).unwrap();
    assert_eq!(p.exact_mg, 400.0);
    assert_eq!(p.dose_mg, 200.0);
    assert_eq!(p.capped_at_mg, Some(200.0));
    assert!(
        said(&p.arithmetic())
            .contains(&"capped at the protocol's maximum of 200 mg for this session".to_string())
    );
    // Under the cap, nothing changes.
    let p = plan(&capped, req(1, 70.0, None)).unwrap();
    assert_eq!((p.dose_mg, p.capped_at_mg), (140.0, None));
}

#[test]
fn malformed_steps_are_refused_with_their_place() {
    let one_step = with_rule(
        r#"[[course.dose_rule]]
sessions = [1]
route = "iv-infusion"
source = "test"
  [[course.dose_rule.step]]
  label = "only"
  mg_per_kg = 0.5
  minutes = 40
  source = "test"
"#,
    )
    .unwrap_err();
    assert!(one_step.contains("at least two steps"), "{one_step}");
    let mixed = with_rule(
        r#"[[course.dose_rule]]
sessions = [1]
route = "im-bolus"
mg_per_kg = { min = 0.5, max = 0.5 }
source = "test"
  [[course.dose_rule.step]]
  label = "a"
  mg_per_kg = 0.1
  minutes = 2
  source = "test"
  [[course.dose_rule.step]]
  label = "b"
  fixed_mg = 10
  mg_per_kg = 0.2
  minutes = 0
  source = "test"
"#,
    )
    .unwrap_err();
    assert!(
        mixed.contains("mg_per_kg cannot be set beside steps"),
        "{mixed}"
    );
    assert!(
        mixed.contains("steps are for route \"iv-infusion\""),
        "{mixed}"
    );
    assert!(mixed.contains("either mg_per_kg or fixed_mg"), "{mixed}");
    assert!(
        mixed.contains("minutes must be a positive number"),
        "{mixed}"
    );
    // Each problem names its line: the second step's fixed_mg.
    assert!(mixed.contains("test.toml:"), "{mixed}");
}

/// A session of the alcohol trial at 70 kg, its infusion started at the
/// clock's time.
fn stepped_session(clock: &SimClock) -> kap::session::Session {
    let p = load("single-infusion-met.toml");
    let (start, _) = plan_start(&p, start_fields("1"), false).unwrap();
    let mut s = kap::session::Session::start(p.into(), start, clock.now()).unwrap();
    for id in ["consent", "iv-line"] {
        s.apply(
            &Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            &clock.now(),
        )
        .unwrap();
    }
    s.apply(
        &Event::Vitals {
            reading: kap::session::vitals::parse("128/82 76 98").unwrap(),
        },
        &clock.now(),
    )
    .unwrap();
    for _ in 0..2 {
        s.apply(
            &Event::Advanced {
                reason: Some("test".into()),
            },
            &clock.now(),
        )
        .unwrap();
    }
    s.apply(&Event::DosingStarted, &clock.now()).unwrap();
    s
}

#[test]
fn the_running_step_and_the_dose_given_follow_each_step_rate() {
    let clock = SimClock::fixed();
    let mut s = stepped_session(&clock);
    let st = s.dosing.step_at(&clock.now()).unwrap();
    assert_eq!((st.index, st.count, st.label.as_str()), (0, 2, "bolus"));
    assert_eq!(st.left, 2 * MINUTE);
    assert_eq!(
        st.next.as_ref().unwrap().describe().say(Lang::En),
        "infusion (50.4 mL/h)"
    );
    assert_eq!(st.describe().say(Lang::En), "step 1 of 2, bolus (225 mL/h)");
    assert_eq!(s.delivered(&clock.now()).planned_mg, 49.5);
    assert_eq!(s.dosing.planned, Some(52 * MINUTE));

    // One minute in: half the bolus (3.75 mg), not 1/52 of the whole.
    clock.advance(MINUTE);
    assert!((s.delivered(&clock.now()).mg - 3.75).abs() < 1e-9);
    // Into the infusion: the whole bolus plus 25 of 50 minutes of 42 mg.
    clock.advance(MINUTE + 25 * MINUTE);
    let st = s.dosing.step_at(&clock.now()).unwrap();
    assert_eq!((st.index, st.next.is_none()), (1, true));
    assert_eq!(st.left, 25 * MINUTE);
    assert!((s.delivered(&clock.now()).mg - 28.5).abs() < 1e-9);

    // A pause holds the step and the dose.
    s.apply(
        &Event::DosingPaused {
            reason: "BP".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(10 * MINUTE);
    assert!((s.delivered(&clock.now()).mg - 28.5).abs() < 1e-9);
    assert_eq!(s.dosing.step_at(&clock.now()).unwrap().left, 25 * MINUTE);
    s.apply(&Event::DosingResumed, &clock.now()).unwrap();

    // Stopped ten minutes later: 7.5 + 42 × 35/50 = 36.9 mg.
    clock.advance(10 * MINUTE);
    s.apply(
        &Event::DosingStopped {
            reason: "nausea".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(60 * MINUTE);
    let d = s.delivered(&clock.now());
    assert!((d.mg - 36.9).abs() < 1e-9, "{d:?}");
    assert_eq!(d.text().say(Lang::En), "36.9 of 49.5 mg (36.9 of 49.5 mL)");
    // Each language writes the numbers its own way.
    assert!(d.text().say(Lang::FrCa).starts_with("36,9 "), "{d:?}");
}

/// The timer panel, the screen reader's `time` and the instructor's
/// console word the infusion from one value (`tui::present::Infusion`):
/// the reader says the same state and step as the screen, not its own.
#[test]
fn the_reader_says_the_infusion_in_the_screens_words() {
    let clock = SimClock::fixed();
    let mut s = stepped_session(&clock);
    clock.advance(MINUTE);
    let inf = kap::tui::present::Infusion::at(&s.dosing, &clock.now(), kap::i18n::Lang::En);
    assert_eq!(inf.status, "infusion running since 09:00");
    assert_eq!(
        inf.steps,
        [
            "step 1 of 2, bolus (225 mL/h)",
            "then infusion (50.4 mL/h) in 01:00"
        ]
    );
    assert_eq!(
        inf.sentence(kap::i18n::Lang::En),
        "Infusion running since 09:00. 1 min elapsed; 51 min left. \
         Step 1 of 2, bolus (225 mL/h). Then infusion (50.4 mL/h) in 01:00."
    );
    s.apply(
        &Event::DosingPaused {
            reason: "BP 190/100".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(5 * MINUTE);
    let inf = kap::tui::present::Infusion::at(&s.dosing, &clock.now(), kap::i18n::Lang::En);
    assert!(
        inf.sentence(kap::i18n::Lang::En)
            .starts_with("Infusion PAUSED: BP 190/100. 1 min elapsed; 51 min left."),
        "{}",
        inf.sentence(kap::i18n::Lang::En)
    );
}

#[test]
fn a_completed_stepped_dose_gave_all_of_it() {
    let clock = SimClock::fixed();
    let s = stepped_session(&clock);
    clock.advance(52 * MINUTE);
    let d = s.delivered(&clock.now());
    assert!(d.is_complete(), "{d:?}");
    assert_eq!(d.mg, 49.5);
}

#[test]
fn the_infusion_screen_shows_the_step_and_says_when_the_pump_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = common::protocol_app_at(
        "single-infusion-met.toml",
        tmp.path(),
        true,
        ThemeName::Plain,
    );
    let form = app.new_start_form("P", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    let (start_screen, _) = render(&app, &clock, 100, 30);
    assert!(
        start_screen.contains("step 1 of 2, bolus"),
        "{start_screen}"
    );
    assert!(update(&mut app, &clock, kap::tui::app::Msg::Begin));
    next_phase(&mut app, &clock, "screen test");
    tick(&mut app, &clock, &["consent", "iv-line"]);
    vitals(&mut app, &clock, "128/82 76 98");
    next_phase(&mut app, &clock, "screen test");
    let (before, _) = render(&app, &clock, 100, 30);
    assert!(
        before.contains("2 steps; the first: bolus (225 mL/h)"),
        "{before}"
    );
    assert!(update(&mut app, &clock, Action::StartInfusion));
    app.on_tick(&clock.now());
    let (screen, _) = render(&app, &clock, 100, 30);
    assert!(
        screen.contains(" step 1 of 2, bolus (225 mL/h)")
            && screen.contains(" then infusion (50.4 mL/h) in 02:00"),
        "{screen}"
    );
    // At two minutes the next step begins, and the screen says to set the pump.
    clock.advance(2 * MINUTE + 1000);
    app.on_tick(&clock.now());
    let flash = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert_eq!(
        flash,
        "Step 2 of 2, infusion (50.4 mL/h) begins now: set the pump"
    );
    let (screen, _) = render(&app, &clock, 100, 30);
    assert!(
        screen.contains(" step 2 of 2, infusion (50.4 mL/h)") && screen.contains(" the last step"),
        "{screen}"
    );
}

#[test]
fn the_cannabis_second_infusion_waits_for_its_reason() {
    // 70 kg: 0.71 × 70 = 49.7 → 49.5 mg over 52 min; session 2: 1.41 × 70
    // = 98.7 → 98.5 mg over 92 min.
    let prot = load("cannabis-met-mbrp.toml");
    let p1 = plan(&prot, req(1, 70.0, None)).unwrap();
    assert_eq!((p1.dose_mg, p1.infusion_minutes), (49.5, Some(52.0)));
    let p2 = plan(&prot, req(2, 70.0, None)).unwrap();
    assert_eq!((p2.dose_mg, p2.infusion_minutes), (98.5, Some(92.0)));

    let gate = prot
        .phases
        .iter()
        .flat_map(|ph| &ph.gates)
        .find(|g| g.prompt.as_deref() == Some("second-dose-reason"))
        .unwrap()
        .clone();
    let clock = SimClock::fixed();
    let session = |n: &str| {
        let (start, _) = plan_start(&prot, start_fields(n), false).unwrap();
        kap::session::Session::start(prot.clone().into(), start, clock.now()).unwrap()
    };
    // Session 1 does not ask why, so the gate does not hold it.
    let s1 = session("1");
    assert_eq!(s1.gate_status(&gate, &clock.now()), Ok(()));
    // Session 2 asks, and waits for the tick.
    let mut s2 = session("2");
    assert!(s2.gate_status(&gate, &clock.now()).is_err());
    s2.apply(
        &Event::Ticked {
            prompt: "second-dose-reason".into(),
            checked: true,
            evidence: None,
        },
        &clock.now(),
    )
    .unwrap();
    assert_eq!(s2.gate_status(&gate, &clock.now()), Ok(()));
}
