//! A scripted rehearsal of the hypertensive Montreal scenario, entered
//! through the app's keys as a trainee would, then ended early so the
//! trainee report is written: for the HTML report tests.

use super::montreal_app_in;
use kap::rehearsal::{Patient, scenario};
use kap::session::{Clock, MINUTE, SimClock};
use kap::tui::app::{App, Screen};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// Run the rehearsal to its end; returns the data folder (keep it alive)
/// and the session's folder, where the reports are.
pub fn closed_rehearsal(lang: kap::i18n::Lang, patient: &str) -> (tempfile::TempDir, PathBuf) {
    let (mut app, clock, tmp) = montreal_app_in(lang, true, ThemeName::Plain, patient, 2);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let sc = scenario::load_file(
        &root.join("scenarios/montreal-hypertensive.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.set_patient(Patient::new(sc, None));
    // What was done, as typed text that must stay text in the page.
    walk(&mut app, &clock, "BP rechecked <b>physician</b> informed");
    let key = |app: &mut App, c: KeyCode| {
        app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
        let now = clock.now();
        app.on_tick(&now);
    };
    let typed = |app: &mut App, s: &str| {
        for ch in s.chars() {
            key(app, KeyCode::Char(ch));
        }
    };
    clock.advance(2 * MINUTE);
    // E asks as C does (what is open), then the reason.
    key(&mut app, KeyCode::Char('E'));
    key(&mut app, KeyCode::Char('y'));
    typed(&mut app, "end of the exercise");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Closed(_)),
        "the rehearsal did not end"
    );
    let dir = super::pty::only_session(&tmp.path().join("rehearsal"));
    (tmp, dir)
}

/// The trainee's walk through the hypertensive rehearsal, by keys: to the
/// infusion, then vitals read off the monitor at minutes 11 to 41, every
/// alert acknowledged with `ack` as what was done, a BP note at 22.
pub fn walk(app: &mut App, clock: &SimClock, ack: &str) {
    let key = |app: &mut App, c: KeyCode| {
        app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
        let now = clock.now();
        app.on_tick(&now);
    };
    let typed = |app: &mut App, s: &str| {
        for ch in s.chars() {
            key(app, KeyCode::Char(ch));
        }
    };
    // Enter what the monitor shows: cycle the cuff, read the panel.
    let enter_monitor = |app: &mut App| {
        key(app, KeyCode::Char('b'));
        let now = clock.now();
        let Screen::Session(v) = &app.screen else {
            panic!()
        };
        let view = app.sim.as_ref().unwrap().view(
            &now,
            &v.open.session.started_at,
            v.open.session.dosing.started.as_ref(),
        );
        let (s, d, _) = view.bp.unwrap();
        let entry = format!("{s}/{d} {} {}", view.hr, view.spo2.unwrap());
        key(app, KeyCode::Char('v'));
        typed(app, &entry);
        key(app, KeyCode::Enter);
    };

    key(app, KeyCode::Enter); // start
    key(app, KeyCode::Right);
    typed(app, "practice run");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Right); // integration has nothing required
    key(app, KeyCode::Right);
    typed(app, "practice run");
    key(app, KeyCode::Enter);
    // Tick readiness, consent and the line, going down after each (the
    // cursor stays on what was ticked).
    for _ in 0..3 {
        key(app, KeyCode::Enter);
        key(app, KeyCode::Down);
    }
    enter_monitor(app);
    key(app, KeyCode::Right);
    key(app, KeyCode::Char('s'));
    for minute in [11, 22, 28, 34, 41] {
        let now = clock.now();
        let Screen::Session(v) = &app.screen else {
            panic!()
        };
        let since = now.since(v.open.session.dosing.started.as_ref().unwrap());
        clock.advance(minute * MINUTE - since);
        enter_monitor(app);
        // Acknowledge whatever alert is up, saying what was done.
        loop {
            let Screen::Session(v) = &app.screen else {
                panic!()
            };
            if v.open.session.alerts.active().is_empty() {
                break;
            }
            key(app, KeyCode::Char('a'));
            typed(app, ack);
            key(app, KeyCode::Enter);
        }
        if minute == 22 {
            key(app, KeyCode::Char('n'));
            key(app, KeyCode::Tab);
            key(app, KeyCode::Char('5')); // BP intervention
            key(app, KeyCode::Enter);
        }
    }
}
