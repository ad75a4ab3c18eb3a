//! Shared by the app-level tests: an app on the Montreal protocol, a
//! simulated clock and a throw-away data directory, on the start screen.

use kap::protocol;
use kap::record::Store;
use kap::session::SimClock;
use kap::tui::app::{App, Screen};
use kap::tui::theme::{Theme, ThemeName};
use std::path::PathBuf;
use std::sync::Arc;

pub fn montreal_app(
    rehearsal: bool,
    theme: ThemeName,
    patient: &str,
    session: u32,
) -> (App, Arc<SimClock>, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = Arc::new(protocol::load_str(&path, &text).unwrap().protocol);
    let clock = Arc::new(SimClock::fixed());
    let mut app = App::new(
        Store::at(tmp.path()),
        path,
        text,
        p,
        clock.clone(),
        None,
        rehearsal,
        Theme::new(theme),
    );
    let form = app.new_start_form(patient, Some(session), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    (app, clock, tmp)
}
