//! A technical alarm stays until acknowledged, as docs/alarms.md says: the
//! self-test's missing sound was a message that the next saved answer
//! wiped, with `a` saying nothing was waiting. Now it is in the record,
//! in the banner, in the screen reader's status and in what a signature
//! lists as open, until `a` acknowledges it — and that is journalled too.

mod common;

use kap::record::journal;
use kap::session::{Event, Moment};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut kap::tui::app::App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_missing_alarm_sound_stays_in_the_banner_until_a_acknowledges_it() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-tech", 3);
    common::into_infusion(&mut app, &clock);
    common::record(
        &mut app,
        &clock,
        Event::AlarmSelfTest {
            device: None,
            problem: Some("no output device".into()),
        },
    );
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("HIGH TECHNICAL ALARM 1"), "{screen}");
    // A saved reading and a note do not wipe it.
    common::vitals(&mut app, &clock, "128/82 76 97");
    let (screen, _) = common::render(&app, &clock, 120, 40);
    assert!(screen.contains("HIGH TECHNICAL ALARM 1"), "{screen}");
    assert!(
        screen.contains("no alarm sound (no output device)"),
        "{screen}"
    );
    // `a` acknowledges it (no patient alarm waits): journalled, and gone.
    press(&mut app, KeyCode::Char('a'));
    let (screen, _) = common::render(&app, &clock, 120, 40);
    assert!(!screen.contains("HIGH TECHNICAL ALARM 1"), "{screen}");
    assert!(
        screen.contains("Technical alarm 1 acknowledged"),
        "{screen}"
    );
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let events: Vec<Event> = journal::read(&v.open.dir.join("journal.jsonl"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.event)
        .collect();
    assert_eq!(
        events.last(),
        Some(&Event::TechnicalAcknowledged { alarm: 1 })
    );
}

#[test]
fn a_high_patient_alarm_is_acknowledged_before_a_medium_technical_one() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-tech2", 3);
    common::into_infusion(&mut app, &clock);
    common::record(
        &mut app,
        &clock,
        Event::TechnicalAlarm {
            text: "kap was suspended or stalled for 4 min".into(),
        },
    );
    common::vitals(&mut app, &clock, "128/82 76 88"); // spo2-low: high
    press(&mut app, KeyCode::Char('a'));
    assert!(
        matches!(app.modal, Some(kap::tui::app::Modal::Ack(_))),
        "the patient's HIGH alarm first"
    );
}

#[test]
fn the_core_refuses_an_unknown_or_second_acknowledgement_and_the_signature_lists_it() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-tech3", 3);
    common::into_infusion(&mut app, &clock);
    common::record(
        &mut app,
        &clock,
        Event::TechnicalAlarm {
            text: "the system clock jumped ahead 5 min".into(),
        },
    );
    let now: Moment = clock_now(&clock);
    let Screen::Session(v) = &mut app.screen else {
        panic!("not in a session")
    };
    let s = &mut v.open.session;
    assert_eq!(s.technical_waiting().len(), 1);
    assert!(
        s.check(&Event::TechnicalAcknowledged { alarm: 2 }, &now)
            .is_err()
    );
    s.apply(&Event::TechnicalAcknowledged { alarm: 1 }, &now)
        .unwrap();
    assert!(s.technical_waiting().is_empty());
    assert!(
        s.apply(&Event::TechnicalAcknowledged { alarm: 1 }, &now)
            .is_err()
    );
    common::record(
        &mut app,
        &clock,
        Event::TechnicalAlarm {
            text: "kap was suspended or stalled for 2 min".into(),
        },
    );
    common::update(&mut app, &clock, kap::tui::keys::Action::EndEarly);
    let (screen, _) = common::render(&app, &clock, 120, 40);
    assert!(
        screen.contains("technical alarm 2 not acknowledged"),
        "{screen}"
    );
}

fn clock_now(clock: &kap::session::SimClock) -> Moment {
    use kap::session::Clock;
    clock.now()
}
