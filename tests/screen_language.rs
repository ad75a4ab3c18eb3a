//! The app speaks its own language (`App::lang`, handed to the renderers
//! as `Ui::lang`); there is no language for the whole process (issue #28).
//! So two apps in two languages live side by side in one process: an
//! English app and a French (then Portuguese) one are walked in step from
//! their start forms into a running infusion, with a dialog up and help
//! open. Each frame, footer and help included, and the screen-reader
//! mode's words are drawn for one app, then the other, then the first
//! again: the first app's are the same both times, and the two apps'
//! differ at every step (so the words follow each app's language).

mod common;

use kap::i18n::Lang;
use kap::session::SimClock;
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

/// The frame at 80×24, the screen-reader's words for the phase on screen
/// and the dialog's spoken words.
fn drawn(app: &App, clock: &SimClock) -> String {
    let (frame, _) = common::render(app, clock, 80, 24);
    let said = match &app.screen {
        Screen::Session(v) => {
            let s = &v.open.session;
            kap::tui::reader::phase_text(s, s.phase, app.lang).join("\n")
        }
        _ => String::new(),
    };
    let modal = app
        .modal
        .as_ref()
        .map(|m| m.spoken(app.lang))
        .unwrap_or_default();
    format!("{frame}\n{said}\n{modal}")
}

/// Each step of the walk, done to an app.
fn step(app: &mut App, clock: &SimClock, n: usize) {
    match n {
        0 => {}
        1 => common::into_infusion(app, clock),
        2 => {
            common::press(app, Action::Note);
            assert!(app.modal.is_some(), "the note dialog is up");
        }
        _ => {
            common::key(app, KeyCode::Esc);
            common::press(app, Action::Help);
        }
    }
}

fn app(lang: Lang, folder: &str) -> (App, Arc<SimClock>) {
    let (app, clock) = common::translated_start(lang, "montreal.toml", 3, folder);
    assert_eq!(app.lang, lang, "the app keeps the language it was built in");
    (app, clock)
}

#[test]
fn two_apps_in_two_languages_each_draw_in_their_own() {
    const STEPS: [&str; 4] = [
        "start form",
        "running infusion",
        "note dialog",
        "help in the infusion",
    ];
    for lang in [Lang::FrCa, Lang::PtBr] {
        let (mut en, en_clock) = app(Lang::En, "screen-language-en");
        let (mut other, clock) = app(lang, "screen-language-other");
        for (n, what) in STEPS.iter().enumerate() {
            step(&mut en, &en_clock, n);
            step(&mut other, &clock, n);
            let english = drawn(&en, &en_clock);
            let theirs = drawn(&other, &clock);
            assert_eq!(
                english,
                drawn(&en, &en_clock),
                "{what}: the English app drew differently after the {lang:?} one"
            );
            assert_ne!(
                english, theirs,
                "{lang:?}: {what} is the English one: the app's language is not followed"
            );
        }
    }
}
