//! Rehearsal: scenario files load (and fail with positions), the simulated
//! patient follows its scenario, and the same scenario, seed and keystrokes
//! give the same trainee report.

mod common;

use kap::protocol;
use kap::rehearsal::{Patient, scenario};
use kap::session::Clock;
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_shipped_scenario_loads_and_matches_a_shipped_protocol() {
    let mut n = 0;
    for e in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        n += 1;
        let sc = scenario::load_file(&path, kap::i18n::Lang::En)
            .unwrap_or_else(|d| panic!("{}: {}", path.display(), d[0].say(kap::i18n::Lang::En)));
        let prot = root()
            .join("protocols")
            .join(format!("{}.toml", sc.scenario.protocol));
        let p = protocol::load_file(&prot).unwrap().protocol;
        assert!(
            sc.scenario.session <= p.course.sessions,
            "{}",
            path.display()
        );
    }
    assert!(n >= 4);
}

#[test]
fn broken_scenarios_name_line_and_column() {
    let good = std::fs::read_to_string(root().join("scenarios/montreal-uneventful.toml")).unwrap();
    let cases = [
        (
            good.replace("systolic = 122", "systolic = 1220"),
            "17:12: baseline.systolic: 1220 is not a plausible systolic BP (expected 50–300)",
        ),
        (
            good.replace("hr = 72", "hr = 72\npulse = 3"),
            "20:1: unknown field `pulse`, expected one of `systolic`, `diastolic`, `hr`, `spo2`",
        ),
        (
            good.replace(
                "peak_minute = 38\nend_minute = 90\n\n[[drift]]\nmetric = \"diastolic\"",
                "peak_minute = 95\nend_minute = 90\n\n[[drift]]\nmetric = \"diastolic\"",
            ),
            "32:15: drift[1].peak_minute: minutes must run from_minute ≤ peak_minute ≤ end_minute",
        ),
        (
            // A drift that never ends made the patient's values NaN (found
            // by the scenario fuzzer).
            good.replace(
                "peak_minute = 38\nend_minute = 90\n",
                "peak_minute = 38\nend_minute = inf\n",
            ),
            "33:14: drift[1].end_minute: minute inf is outside 0–480",
        ),
        (
            good.replace("metric = \"hr\"", "metric = \"pulse\""),
            "43:10: unknown variant `pulse`, expected one of `systolic`, `diastolic`, `hr`, `spo2`",
        ),
    ];
    for (text, expected) in cases {
        let d = scenario::load_str(Path::new("s.toml"), &text, kap::i18n::Lang::En).unwrap_err();
        assert_eq!((d[0].short()).say(kap::i18n::Lang::En), expected);
    }
    let spike = format!("{good}\n[[event]]\nminute = 5\nkind = \"spike\"\ntext = \"x\"\n");
    let d = scenario::load_str(Path::new("s.toml"), &spike, kap::i18n::Lang::En).unwrap_err();
    let msgs: Vec<String> = d
        .iter()
        .map(|x| x.message.say(kap::i18n::Lang::En))
        .collect();
    assert!(
        msgs.contains(&"event[1]: a spike needs metric".to_string()),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"event[1]: a spike needs duration_minutes".to_string()),
        "{msgs:?}"
    );
}

#[test]
fn the_hypertensive_spike_crosses_the_protocol_limits_at_minute_20() {
    let sc = scenario::load_file(
        &root().join("scenarios/montreal-hypertensive.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    let p = Patient::new(sc, None);
    use kap::protocol::Metric;
    let before = p.value(Metric::Systolic, Some(19.0), 30.0);
    let during = p.value(Metric::Systolic, Some(21.0), 32.0);
    // Nobody paused the infusion (the patient was shown no record): the
    // scenario's states keep it rising (tests/rehearsal_states.rs has both
    // branches).
    let after = p.value(Metric::Systolic, Some(40.0), 51.0);
    assert!(before < 180.0, "{before}");
    assert!(during > 200.0, "{during}");
    assert!(after > 200.0, "{after}");
    // Same seed, same values; another seed, other noise.
    let p2 = Patient::new(p.scenario.clone(), None);
    let p3 = Patient::new(p.scenario.clone(), Some(99));
    assert_eq!(
        p.value(Metric::Hr, Some(3.0), 10.0),
        p2.value(Metric::Hr, Some(3.0), 10.0)
    );
    assert!((0..40).any(|i| {
        let t = f64::from(i);
        p.value(Metric::Hr, Some(t), t) != p3.value(Metric::Hr, Some(t), t)
    }));
}

fn run_scripted(seed: Option<u64>) -> (String, String) {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "trainee", 2);
    let sc = scenario::load_file(
        &root().join("scenarios/montreal-hypertensive.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.set_patient(Patient::new(sc, seed));

    common::scripted::walk(&mut app, &clock, "BP rechecked, physician informed");
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    let now = clock.now();
    let report = kap::rehearsal::report::build(
        &v.open.session,
        app.sim.as_ref().unwrap(),
        &now,
        &[10.0],
        kap::i18n::Lang::En,
    );
    (
        report.markdown(kap::i18n::Lang::En),
        report.summary(kap::i18n::Lang::En),
    )
}

#[test]
fn same_scenario_seed_and_keys_give_the_same_report() {
    let (a, summary) = run_scripted(None);
    let (b, _) = run_scripted(None);
    assert_eq!(a, b);
    assert!(
        a.contains("# Trainee report — scenario montreal-hypertensive (seed 2)"),
        "{a}"
    );
    assert!(a.contains("above 200 (site)"), "{a}");
    assert!(
        a.contains("action recorded: BP rechecked, physician informed"),
        "{a}"
    );
    assert!(
        a.contains("expected a note tagged \"BP intervention\": done"),
        "{a}"
    );
    assert!(a.contains("| 10–15 | 11 | on time |"), "{a}");
    assert!(a.contains("| 21–26 | 22 | on time |"), "{a}");
    assert!(
        a.contains("Entries that disagreed with the monitor\n\nNone."),
        "{a}"
    );
    assert!(summary.contains("alerts acknowledged"), "{summary}");
    // Another seed moves the noise, so the readings and report differ.
    let (c, _) = run_scripted(Some(12345));
    assert_ne!(a, c);
}

#[test]
fn broken_named_injections_name_line_and_column() {
    let good = std::fs::read_to_string(root().join("scenarios/montreal-uneventful.toml")).unwrap();
    let line_of =
        |text: &str, needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    let dup = good.replace("id = \"bp-settles\"", "id = \"bp-climbs\"");
    let d = scenario::load_str(Path::new("s.toml"), &dup, kap::i18n::Lang::En).unwrap_err();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        (d[0].message)
            .say(kap::i18n::Lang::En)
            .starts_with("injection[2].id"),
        "{d:?}"
    );
    assert!(
        (d[0].message)
            .say(kap::i18n::Lang::En)
            .contains("bp-climbs"),
        "{d:?}"
    );
    let second = dup.rfind("id = \"bp-climbs\"").unwrap();
    assert_eq!(d[0].line, dup[..second].matches('\n').count() + 1);

    let big = good.replace(
        "change = 50\nfade_minutes = 4",
        "change = 500\nfade_minutes = 4",
    );
    let d = scenario::load_str(Path::new("s.toml"), &big, kap::i18n::Lang::En).unwrap_err();
    assert!(
        (d[0].message)
            .say(kap::i18n::Lang::En)
            .starts_with("injection[1].do[1].change"),
        "{d:?}"
    );
    assert!(
        (d[0].message).say(kap::i18n::Lang::En).contains("500"),
        "{d:?}"
    );
    assert_eq!(d[0].line, line_of(&big, "change = 500"));

    let unknown = good.replace("type = \"patient\"", "type = \"weather\"");
    let d = scenario::load_str(Path::new("s.toml"), &unknown, kap::i18n::Lang::En).unwrap_err();
    assert!(
        (d[0].message).say(kap::i18n::Lang::En).contains("weather"),
        "{d:?}"
    );
}
