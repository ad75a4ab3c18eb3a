//! An acknowledged alarm whose condition persists keeps its visual signal
//! (IEC 60601-1-8: only the sound is silenced) until the condition ends:
//! after `205/115` is acknowledged, a `206/116` used to leave no alarm on
//! the screen at all.

mod common;

use kap::session::MINUTE;
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

fn standing(app: &kap::tui::app::App, clock: &kap::session::SimClock) -> Vec<u32> {
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let now = kap::session::Clock::now(clock);
    v.open
        .session
        .alarms_standing(&now)
        .iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn an_acknowledged_alarm_stays_in_view_while_its_condition_persists() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-ack", 3);
    common::into_infusion(&mut app, &clock);
    clock.advance(5 * MINUTE);
    common::vitals(&mut app, &clock, "205/115 88 96");
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("HIGH ALARM 1"), "{screen}");
    assert!(standing(&app, &clock).is_empty(), "not yet acknowledged");
    // Acknowledged with what was done.
    common::press(&mut app, kap::tui::keys::Action::Acknowledge);
    common::type_line(&mut app, "called the physician");
    assert!(app.modal.is_none());
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("HIGH ALARM 1 ACKNOWLEDGED, condition persists"),
        "{screen}"
    );
    // Still high two minutes later: still shown, still acknowledged.
    clock.advance(2 * MINUTE);
    common::vitals(&mut app, &clock, "206/116 88 96");
    assert_eq!(standing(&app, &clock), [1]);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("HIGH ALARM 1 ACKNOWLEDGED, condition persists"),
        "{screen}"
    );
    // Back in range: the condition has ended, and so has the signal.
    clock.advance(2 * MINUTE);
    common::vitals(&mut app, &clock, "150/95 80 97");
    common::key(&mut app, KeyCode::Esc);
    assert!(standing(&app, &clock).is_empty());
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(!screen.contains("HIGH ALARM 1"), "{screen}");
}
