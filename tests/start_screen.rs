//! The start screen looks a patient up once the id is complete — when the
//! field is left, or on Enter or Ctrl-R — not on every keystroke: the
//! course so far, the next session number, an unfinished session to resume.

mod common;

use kap::tui::app::{App, Screen};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn form(app: &App) -> &kap::tui::app::StartForm {
    match &app.screen {
        Screen::Start(f) => f,
        _ => panic!("not on the start screen"),
    }
}

#[test]
fn a_patient_is_looked_up_when_the_id_is_complete() {
    // An unfinished session 3 of P-017, infusion under way.
    let (mut first, clock, tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut first, &clock);
    drop(first); // lets go of the session's lock

    let (mut app, _) = common::montreal_app_at(tmp.path(), false, ThemeName::Plain);
    let start = app.new_start_form("", None, Some(70.0));
    app.screen = Screen::Start(Box::new(start));

    for c in "P-017".chars() {
        press(&mut app, KeyCode::Char(c));
        assert!(form(&app).resumable.is_none(), "looked up while typing");
        assert!(app.course.held.is_empty(), "course read while typing");
    }
    press(&mut app, KeyCode::Tab);
    let f = form(&app);
    let offered = f
        .resumable
        .as_ref()
        .expect("the unfinished session is offered");
    assert_eq!(offered.start.patient, "P-017");
    assert_eq!(app.course.held, vec![3]);
    // The next session number is suggested.
    assert_eq!(f.fields[1].lines().join(""), "4");

    // Back to the id and a change: what was shown goes with it.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('9'));
    assert!(form(&app).resumable.is_none());
    assert!(app.course.held.is_empty());
    // Ctrl-R looks the id up before resuming: P-0179 has nothing to resume.
    app.on_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert!(matches!(app.screen, Screen::Start(_)));
    press(&mut app, KeyCode::Backspace);
    app.on_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert!(
        matches!(app.screen, Screen::Session(_)),
        "Ctrl-R right after typing the id resumes"
    );
}
