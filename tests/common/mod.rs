//! Shared by the app-level tests and the benchmarks: an app on the
//! Montreal protocol, a simulated clock and a throw-away data directory, on
//! the start screen; and the walk from there to a running infusion.
#![allow(dead_code)] // each test crate uses part of it

pub mod damage;
pub mod pty;

use kap::protocol;
use kap::record::Store;
use kap::session::vitals::parse;
use kap::session::{Clock, Event, SimClock};
use kap::tui::app::{App, Screen};
use kap::tui::theme::{Theme, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;

pub fn montreal_app(
    rehearsal: bool,
    theme: ThemeName,
    patient: &str,
    session: u32,
) -> (App, Arc<SimClock>, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = montreal_app_at(tmp.path(), rehearsal, theme);
    let form = app.new_start_form(patient, Some(session), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    (app, clock, tmp)
}

/// An app on the Montreal protocol over the data directory `data`, on a
/// fresh simulated clock (its screen is left for the caller to set).
pub fn montreal_app_at(
    data: &std::path::Path,
    rehearsal: bool,
    theme: ThemeName,
) -> (App, Arc<SimClock>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = Arc::new(protocol::load_str(&path, &text).unwrap().protocol);
    let clock = Arc::new(SimClock::fixed());
    let app = App::new(
        Store::at(data),
        path,
        text,
        p,
        clock.clone(),
        None,
        rehearsal,
        Theme::new(theme),
    );
    (app, clock)
}

/// The app drawn at `w`×`h` on a test backend: the screen as text, and the
/// buffer for its styles.
pub fn render(app: &App, clock: &SimClock, w: u16, h: u16) -> (String, ratatui::buffer::Buffer) {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let now = clock.now();
    term.draw(|f| kap::tui::view::draw(f, app, &now)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut s = String::new();
    for y in 0..h {
        for x in 0..w {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    (s, buf)
}

/// Save one event in the open session at the clock's time.
pub fn record(app: &mut App, clock: &SimClock, ev: Event) {
    let now = clock.now();
    match &mut app.screen {
        Screen::Session(v) => {
            v.open.record(ev, &now).unwrap();
        }
        _ => panic!("not in a session"),
    }
}

/// Start the session from the start screen and walk to a running infusion.
pub fn into_infusion(app: &mut App, clock: &SimClock) {
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(app.screen, Screen::Session(_)));
    for _ in 0..3 {
        record(
            app,
            clock,
            Event::Advanced {
                reason: Some("screen test".into()),
            },
        );
    }
    for id in ["readiness", "consent", "iv-line"] {
        record(
            app,
            clock,
            Event::Ticked {
                prompt: id.into(),
                checked: true,
            },
        );
    }
    record(
        app,
        clock,
        Event::Vitals {
            reading: parse("128/82 76 98").unwrap(),
        },
    );
    record(app, clock, Event::Advanced { reason: None });
    if let Screen::Session(v) = &mut app.screen {
        v.view_phase = v.open.session.phase;
    }
    record(app, clock, Event::DosingStarted);
}
