//! Shared by the app-level tests and the benchmarks: an app on the
//! Montreal protocol, a simulated clock and a throw-away data directory, on
//! the start screen; and the walk from there to a running infusion.
#![allow(dead_code)] // each test crate uses part of it

pub mod absent;
pub mod big;
pub mod cli_words;
pub mod course;
pub mod damage;
pub mod frames;
pub mod fuzz;
pub mod http;
pub mod player;
pub mod pty;
pub mod recorded;
pub mod reopen;
pub mod scripted;
pub mod sealed;
pub mod session;

use kap::protocol;
use kap::record::Store;
use kap::session::{Clock, Event, SimClock};
use kap::tui::app::{App, Msg, Screen};
use kap::tui::keys::Action;
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
    montreal_app_in(kap::i18n::Lang::En, rehearsal, theme, patient, session)
}

/// The same in `lang`.
pub fn montreal_app_in(
    lang: kap::i18n::Lang,
    rehearsal: bool,
    theme: ThemeName,
    patient: &str,
    session: u32,
) -> (App, Arc<SimClock>, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = protocol_app_in(lang, "montreal.toml", tmp.path(), rehearsal, theme);
    let form = app.new_start_form(patient, Some(session), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    (app, clock, tmp)
}

/// An app on the Montreal protocol over the data directory `data`, on a
/// fresh simulated clock (its screen is left for the caller to set).
pub fn montreal_app_at(
    data: &std::path::Path,
    rehearsal: bool,
    theme: ThemeName,
) -> (App, Arc<SimClock>) {
    protocol_app_at("montreal.toml", data, rehearsal, theme)
}

/// A rehearsal in `lang` on the shipped protocol file `protocol`, on its
/// start screen filled in for session `session` (patient P-017, 64 kg,
/// A. Martin), over a fresh data folder `target/snapshot-data/FOLDER`.
pub fn translated_start(
    lang: kap::i18n::Lang,
    protocol: &str,
    session: u32,
    folder: &str,
) -> (App, Arc<SimClock>) {
    let data = PathBuf::from("target/snapshot-data").join(folder);
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let (mut app, clock) = protocol_app_in(lang, protocol, &data, true, ThemeName::Plain);
    let form = app.new_start_form("P-017", Some(session), Some(64.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin");
    if protocol.starts_with("palliative") {
        app.set_start_field(3, "0,4");
    }
    (app, clock)
}

/// An app in English on the shipped protocol file `name` over the data
/// directory `data`, on a fresh simulated clock.
pub fn protocol_app_at(
    name: &str,
    data: &std::path::Path,
    rehearsal: bool,
    theme: ThemeName,
) -> (App, Arc<SimClock>) {
    protocol_app_in(kap::i18n::Lang::En, name, data, rehearsal, theme)
}

/// The same in `lang`.
pub fn protocol_app_in(
    lang: kap::i18n::Lang,
    name: &str,
    data: &std::path::Path,
    rehearsal: bool,
    theme: ThemeName,
) -> (App, Arc<SimClock>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let p = Arc::new(protocol::load_str(&path, &text).unwrap().protocol);
    let clock = Arc::new(SimClock::fixed());
    let app = App::new(
        lang,
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

/// Save one event in the open session at the clock's time, past the app
/// (for the benchmarks' long histories; screen tests use `update`).
pub fn record(app: &mut App, clock: &SimClock, ev: Event) {
    let now = clock.now();
    match &mut app.screen {
        Screen::Session(v) => {
            v.open.record(ev, &now).unwrap();
            // As the app does after each entry.
            v.refresh_derived();
        }
        _ => panic!("not in a session"),
    }
}

/// Do what a user asks, at the clock's time.
pub fn update(app: &mut App, clock: &SimClock, msg: impl Into<Msg>) -> bool {
    let now = clock.now();
    app.update(msg, &now)
}

/// Press the key the key table binds to `action` where the app is now,
/// through `App::on_key` as a user's key press goes. Fails when no key
/// asks for it here (the footer and help would not offer it either).
pub fn press(app: &mut App, action: Action) {
    let key = kap::tui::keys::key_for(&app.contexts(), action)
        .unwrap_or_else(|| panic!("no key asks for {action:?} in {:?}", app.contexts()));
    app.on_key(key);
}

/// Press a named key.
pub fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Type a line into whatever has the keys (a dialog, the vitals line),
/// then Enter.
pub fn type_line(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
}

/// Move on to the next phase (`→`), giving `reason` if one is asked.
pub fn next_phase(app: &mut App, _clock: &SimClock, reason: &str) {
    press(app, Action::Next);
    if app.modal.is_some() {
        type_line(app, reason);
    }
    assert!(app.modal.is_none(), "the phase was not left");
}

/// Tick the check prompts with these ids in the phase on screen.
pub fn tick(app: &mut App, _clock: &SimClock, ids: &[&str]) {
    for id in ids {
        let i = app
            .visible_prompts()
            .iter()
            .position(|p| p.id == *id)
            .unwrap_or_else(|| panic!("no prompt {id} here"));
        app.select(i);
        press(app, Action::Tick);
    }
}

/// Enter a vitals set as typed (`v`, the line, Enter).
pub fn vitals(app: &mut App, _clock: &SimClock, line: &str) {
    press(app, Action::EnterVitals);
    type_line(app, line);
}

/// Start the session from the start screen and walk to a running infusion,
/// as a user would: every step a key press (`App::on_key`).
pub fn into_infusion(app: &mut App, clock: &SimClock) {
    key(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)));
    for _ in 0..3 {
        next_phase(app, clock, "screen test");
    }
    tick(app, clock, &["readiness", "consent", "iv-line"]);
    vitals(app, clock, "128/82 76 98");
    next_phase(app, clock, "screen test");
    press(app, Action::StartInfusion);
    match &app.screen {
        Screen::Session(v) => assert!(v.open.session.dosing.started.is_some()),
        _ => panic!("not in a session"),
    }
}

/// In the phase on screen, record the first choice of the prompt `id`
/// (for the shipped touch agreement: no touch), as the value dialog does.
pub fn choose_first(app: &mut App, clock: &SimClock, id: &str) -> String {
    let p = app
        .visible_prompts()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no prompt {id} here"));
    let first = p.choices[0].clone();
    assert!(update(
        app,
        clock,
        Msg::Value {
            prompt: Box::new(p),
            text: first.clone(),
        }
    ));
    first
}

/// A shipped protocol file (`protocols/NAME`), loaded and checked.
pub fn shipped(name: &str) -> protocol::Protocol {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    protocol::load_file(&p).unwrap().protocol
}

/// A dose request for `session` at `weight_kg`, with the mg/kg if chosen.
pub fn dose_req(
    session: u32,
    weight_kg: f64,
    mg_per_kg: Option<f64>,
) -> kap::protocol::dose::DoseRequest {
    kap::protocol::dose::DoseRequest {
        session,
        weight_kg,
        mg_per_kg,
    }
}

/// The start form's fields for patient P at 70 kg, the protocol's
/// mg/kg and no clinician named.
pub fn start_fields(session: &str) -> kap::session::StartFields<'_> {
    kap::session::StartFields {
        patient: "P",
        session,
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "",
    }
}
