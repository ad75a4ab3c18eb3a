//! State-based scenarios: the patient's path through a scenario's states
//! follows what the trainee recorded (pure: a Patient and a Session built
//! from events), the app feeds it on every tick, and broken `[[state]]`
//! tables are refused with their position.

mod common;

use common::session::{H, into_infusion};
use kap::protocol::Metric;
use kap::rehearsal::{Patient, scenario};
use kap::session::{Clock, Event, MINUTE};
use kap::tui::app::{Msg, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hypertensive() -> Patient {
    let sc = scenario::load_file(
        &root().join("scenarios/montreal-hypertensive.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    Patient::new(sc, None)
}

/// A Montreal session 2 with the infusion running, `minute` minutes in,
/// paused then if `pause_at` says so.
fn run(pause_at: Option<i64>, until: i64) -> (H, Patient) {
    let mut h = H::new("montreal.toml", 2);
    into_infusion(&mut h);
    let mut at = 0;
    if let Some(p) = pause_at {
        h.wait(p);
        at = p;
        h.ok(Event::DosingPaused {
            reason: "BP alarm".into(),
        });
    }
    h.wait(until - at);
    let mut p = hypertensive();
    let now = h.now();
    p.observe(&h.s, &now);
    (h, p)
}

fn ids(p: &Patient, t: f64) -> Vec<String> {
    p.path(t)
        .iter()
        .map(|v| p.scenario.states[v.state].id.clone())
        .collect()
}

#[test]
fn paused_within_three_minutes_of_the_alarm_the_bp_falls_back() {
    let (_h, p) = run(Some(22), 40);
    assert_eq!(ids(&p, 40.0), ["spike", "settling"]);
    let during = p.value(Metric::Systolic, Some(21.5), 40.0);
    let after = p.value(Metric::Systolic, Some(30.0), 49.0);
    assert!(during > 195.0, "{during}");
    assert!(after < 165.0, "{after}");
    // Halfway through the 5-minute fade it is on its way down.
    let halfway = p.value(Metric::Systolic, Some(24.5), 43.0);
    assert!(halfway < during - 20.0 && halfway > after, "{halfway}");
}

#[test]
fn not_paused_in_time_the_bp_keeps_rising_until_it_is() {
    let (_h, p) = run(None, 40);
    assert_eq!(ids(&p, 40.0), ["spike", "rising"]);
    let at_21 = p.value(Metric::Systolic, Some(21.0), 40.0);
    let at_33 = p.value(Metric::Systolic, Some(33.0), 52.0);
    assert!(at_33 > at_21 + 10.0, "{at_21} then {at_33}");
    assert!(at_33 > 215.0, "{at_33}");

    // Paused at 26 min, after the window: it rises first, then settles.
    let (_h, late) = run(Some(26), 40);
    assert_eq!(ids(&late, 40.0), ["spike", "rising", "settling"]);
    assert_eq!(late.path(40.0)[1].at, 23.0);
    assert_eq!(late.path(40.0)[2].at, 26.0);
    assert!(late.value(Metric::Systolic, Some(35.0), 54.0) < 165.0);
}

#[test]
fn the_path_is_a_function_of_the_record_and_the_time() {
    let (h, p) = run(Some(22), 40);
    // Looking back: at 21 min only the spike had happened.
    assert_eq!(ids(&p, 21.0), ["spike"]);
    assert!(ids(&p, 19.0).is_empty());
    // A second patient shown the same record takes the same path.
    let mut q = hypertensive();
    q.observe(&h.s, &h.now());
    assert_eq!(p.path(40.0), q.path(40.0));
    // A patient shown nothing takes the no-pause path.
    assert_eq!(ids(&hypertensive(), 40.0), ["spike", "rising"]);
}

#[test]
fn entering_a_state_says_its_text_once_and_never_its_name() {
    let (h, mut p) = run(Some(22), 22);
    let now = h.now();
    // Already announced by `run`: asking again says nothing new.
    assert!(p.observe(&h.s, &now).is_empty());
    let mut fresh = hypertensive();
    let said = fresh.observe(&h.s, &now);
    assert_eq!(
        said,
        ["The flushing fades; the patient says the pounding is easing."]
    );
    let view = fresh.view(&now, &h.s.started_at, h.s.dosing.started.as_ref());
    let texts: Vec<&str> = view.happened.iter().map(|e| e.text.as_str()).collect();
    assert!(texts.contains(&"The flushing fades; the patient says the pounding is easing."));
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("settling") || t.contains("spike"))
    );
}

/// Through the real app: pausing with `p` inside the window brings the BP
/// down on the simulated monitor; the screen never names the state.
#[test]
fn through_the_app_a_pause_in_time_takes_the_falling_branch() {
    for pause in [true, false] {
        let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "trainee", 2);
        app.set_patient(hypertensive());
        common::into_infusion(&mut app, &clock);
        clock.advance(21 * MINUTE);
        app.on_tick(&clock.now());
        if pause {
            common::update(&mut app, &clock, Action::PauseInfusion);
            common::type_line(&mut app, "BP alarm");
            let Screen::Session(v) = &app.screen else {
                panic!()
            };
            assert_eq!(v.open.session.dosing.pauses.len(), 1);
        }
        clock.advance(9 * MINUTE);
        app.on_tick(&clock.now());
        common::update(&mut app, &clock, Msg::from(Action::CycleCuff));
        let (screen, _) = common::render(&app, &clock, 120, 40);
        let now = clock.now();
        let Screen::Session(v) = &app.screen else {
            panic!()
        };
        let sim = app.sim.as_ref().unwrap();
        let (sys, _, _) = sim
            .view(
                &now,
                &v.open.session.started_at,
                v.open.session.dosing.started.as_ref(),
            )
            .bp
            .unwrap();
        if pause {
            assert!(sys < 170, "{sys}");
            assert!(screen.contains("flushing fades"), "{screen}");
        } else {
            assert!(sys > 210, "{sys}");
            assert!(screen.contains("headache is getting worse"), "{screen}");
        }
        for hidden in ["settling", "rising", "spike"] {
            assert!(!screen.contains(hidden), "{hidden}: {screen}");
        }
    }
}

#[test]
fn broken_states_are_refused_with_their_position() {
    let good =
        std::fs::read_to_string(root().join("scenarios/montreal-hypertensive.toml")).unwrap();
    let load = |text: &str| {
        scenario::load_str(Path::new("s.toml"), text, kap::i18n::Lang::En)
            .unwrap_err()
            .iter()
            .map(|d| d.short().say(kap::i18n::Lang::En))
            .collect::<Vec<_>>()
    };
    let unknown = load(&good.replacen("to = \"settling\"", "to = \"calm\"", 1));
    assert!(
        unknown
            .iter()
            .any(|m| m.ends_with("state[1].next[1].to: no state has id \"calm\"")),
        "{unknown:?}"
    );
    let own = load(&good.replace("otherwise = \"rising\"", "otherwise = \"spike\""));
    assert!(
        own.iter()
            .any(|m| m.ends_with("state[1].otherwise: a state cannot move to itself")),
        "{own:?}"
    );
    let no_window = load(&good.replace("within_minutes = 3\n", ""));
    assert!(
        no_window.iter().any(|m| m
            .ends_with("state[1].otherwise: otherwise needs a window: a next with within_minutes")),
        "{no_window:?}"
    );
    let action = load(&good.replacen("on = \"infusion-paused\"", "on = \"paused\"", 1));
    assert!(
        action
            .iter()
            .any(|m| m.contains("state[1].next[1].on: unknown action \"paused\"")),
        "{action:?}"
    );
    let no_event = load(&good.replacen("since_event = \"bp-alarm\"", "since_event = \"x\"", 1));
    assert!(
        no_event
            .iter()
            .any(|m| m.ends_with("state[1].next[1].since_event: no event has id \"x\"")),
        "{no_event:?}"
    );
    // A circle of moves that can all happen at once never lets time pass.
    let circle = format!(
        "{good}\n[[state.next]]\non = \"timeout\"\nsince_event = \"bp-alarm\"\nafter_minutes = 1\nto = \"rising\"\n"
    )
    .replace(
        "text = \"The patient says the headache is getting worse.\"",
        "text = \"The patient says the headache is getting worse.\"\n\n[[state.next]]\non = \"timeout\"\nsince_event = \"bp-alarm\"\nafter_minutes = 1\nto = \"settling\"",
    );
    let c = load(&circle);
    assert!(
        c.iter()
            .any(|m| m.contains("can move in a circle without any time passing")),
        "{c:?}"
    );
    // The positions are real lines and columns of the file.
    let line = good
        .lines()
        .position(|l| l.starts_with("otherwise = \"rising\""))
        .unwrap()
        + 1;
    assert!(
        own.iter()
            .any(|m| m.starts_with(&format!("{line}:")) && m.contains("state[1].otherwise")),
        "{own:?} (line {line})"
    );
    let none = load(&good.replace("from_minute = 20\n", ""));
    assert!(
        none.iter()
            .any(|m| m.contains("exactly one state needs from_minute")),
        "{none:?}"
    );
}
