//! Maintenance sessions after the Montreal course (§3.4, Table 6): numbered
//! on from the course, dosed as its last session, months apart, and held
//! only once a clinician confirms they are indicated.

use chrono::NaiveDate;
use kap::protocol::dose::{DoseRequest, plan};
use kap::protocol::{self, Protocol};
use kap::session::course::{Fit, window};
use kap::session::{Clock, Event, SimClock, StartFields, plan_start};
use std::path::Path;

fn load(name: &str) -> Protocol {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    protocol::load_file(&p).unwrap().protocol
}

fn fields(session: &str) -> StartFields<'_> {
    StartFields {
        patient: "P",
        session,
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    }
}

#[test]
fn a_seventh_montreal_session_is_maintenance_dosed_as_the_sixth() {
    let p = load("montreal.toml");
    assert!(p.is_maintenance(7) && !p.is_maintenance(6));
    assert_eq!(p.session_title(7).id(), Some("session-title-maintenance"));
    assert_eq!(
        (p.session_title(7)).say(kap::i18n::Lang::En),
        "Maintenance session 7"
    );
    assert_eq!(
        (p.session_title(6)).say(kap::i18n::Lang::En),
        "Session 6 of 6"
    );
    let d = plan(
        &p,
        DoseRequest {
            session: 7,
            weight_kg: 70.0,
            mg_per_kg: None,
        },
    )
    .unwrap();
    assert_eq!((d.dose_mg, d.infusion_minutes), (35.0, Some(40.0)));
    let (start, _) = plan_start(&p, fields("7"), false).unwrap();
    assert_eq!(start.session, 7);
    // A protocol without maintenance still refuses a session after its course.
    let pal = load("palliative.toml");
    let e = plan_start(&pal, fields("3"), false)
        .unwrap_err()
        .say(kap::i18n::Lang::En);
    assert!(e.contains("session 3 is not in this course"), "{e}");
}

#[test]
fn the_window_is_four_to_six_calendar_months_after_the_last_session() {
    let p = load("montreal.toml");
    let last = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    let w = window(&p, 7, last).unwrap();
    assert_eq!(w.earliest, NaiveDate::from_ymd_opt(2026, 5, 31).unwrap());
    assert_eq!(w.latest, NaiveDate::from_ymd_opt(2026, 7, 31));
    assert_eq!(w.label, "one-off maintenance session for responders");
    assert_eq!(
        w.fit(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
        Fit::TooEarly(91)
    );
    assert_eq!(
        w.fit(NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()),
        Fit::OnTarget
    );
    // A maintenance session after a maintenance session: the same window.
    assert!(window(&p, 8, last).is_some());
}

#[test]
fn a_maintenance_session_asks_whether_it_is_indicated_and_waits_for_it() {
    let p = load("montreal.toml");
    let clock = SimClock::fixed();
    let (start, _) = plan_start(&p, fields("7"), false).unwrap();
    let mut s = kap::session::Session::start(p.clone().into(), start, clock.now()).unwrap();
    let (_, asked) = p.prompt("maintenance-indicated").unwrap();
    assert!(s.asks(asked));
    // The course's own first-session and last-session prompts are not asked.
    let (_, first) = p.prompt("assessment-done").unwrap();
    assert!(!s.asks(first));
    let gate = p
        .phases
        .iter()
        .flat_map(|ph| &ph.gates)
        .find(|g| g.prompt.as_deref() == Some("maintenance-indicated"))
        .unwrap()
        .clone();
    assert!(s.gate_status(&gate, &clock.now()).is_err());
    s.apply(
        &Event::Ticked {
            prompt: "maintenance-indicated".into(),
            checked: true,
            evidence: None,
        },
        &clock.now(),
    )
    .unwrap();
    assert_eq!(s.gate_status(&gate, &clock.now()), Ok(()));
    // In session 3 of the course it is not asked, and holds nothing.
    let (start, _) = plan_start(&p, fields("3"), false).unwrap();
    let s3 = kap::session::Session::start(p.clone().into(), start, clock.now()).unwrap();
    assert!(!s3.asks(asked));
    assert_eq!(s3.gate_status(&gate, &clock.now()), Ok(()));
}

#[test]
fn maintenance_rules_are_checked() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
    )
    .unwrap();
    let bad = text
        .replace("dose_as_session = 6 ", "dose_as_session = 9 ")
        .replace(
            "every_months = { min = 4, max = 6 }",
            "every_months = { min = 6, max = 4 }",
        );
    let err = protocol::load_str(Path::new("m.toml"), &bad).unwrap_err();
    let all: Vec<String> = err.iter().map(|d| d.say(kap::i18n::Lang::En)).collect();
    let all = all.join("\n");
    assert!(
        all.contains("dose_as_session must name a course session (1 to 6), found 9"),
        "{all}"
    );
    assert!(all.contains("course.maintenance.every_months.min"), "{all}");
    // A maintenance prompt needs maintenance sessions.
    let start = text.find("[course.maintenance]").unwrap();
    let end = start + text[start..].find("[course.goals]").unwrap();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let err = protocol::load_str(Path::new("m.toml"), &without).unwrap_err();
    assert!(
        err.iter().any(|d| d
            .say(kap::i18n::Lang::En)
            .contains("maintenance = true needs [course.maintenance]")),
        "{err:?}"
    );
}

#[test]
fn protocol_show_states_the_maintenance_rule() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["protocol", "show", "protocols/montreal.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("after the course: one-off maintenance session for responders, every 4–6 months, dosed as session 6  [Montreal §3.4; Table 6]"),
        "{text}"
    );
    assert!(text.contains("(maintenance sessions only)"), "{text}");
}
