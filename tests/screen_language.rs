//! The app speaks its own language (`App::lang`, handed to the renderers
//! as `Ui::lang`), not the process's (issue #28: no global language). An
//! app built in French (then Portuguese) is walked from its start form
//! into a running infusion, with a dialog up and help open, while the process is switched
//! between English, French and Portuguese: every frame, footer and help
//! included, and the screen-reader mode's words are the same each time,
//! and differ from the same walk in English (so the words do follow the
//! app's language). Any renderer still reading the process's language
//! draws one of the three frames differently and fails this test.

mod common;

use kap::i18n::Lang;
use kap::session::SimClock;
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use ratatui::crossterm::event::KeyCode;

const PROCESS: [Lang; 3] = [Lang::En, Lang::FrCa, Lang::PtBr];

/// The frame at 80×24 and the screen-reader's words for the phase on
/// screen, the same under every process language; that frame and words.
fn drawn(app: &App, clock: &SimClock, what: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    for process in PROCESS {
        kap::i18n::set(process);
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
        seen.push(format!("{frame}\n{said}\n{modal}"));
    }
    kap::i18n::set(Lang::En);
    for (process, s) in PROCESS.iter().zip(&seen).skip(1) {
        assert_eq!(
            &seen[0], s,
            "{what}: drawn differently while the process spoke {process:?}"
        );
    }
    seen.swap_remove(0)
}

/// The walk, in `lang`, with the process speaking English throughout
/// except while each frame is drawn three times.
fn walk(lang: Lang) -> Vec<String> {
    let (mut app, clock) = common::translated_start(lang, "montreal.toml", 3, "screen-language");
    kap::i18n::set(Lang::En);
    assert_eq!(app.lang, lang, "the app keeps the language it was built in");
    let mut frames = vec![drawn(&app, &clock, "start form")];
    common::into_infusion(&mut app, &clock);
    frames.push(drawn(&app, &clock, "running infusion"));
    common::press(&mut app, Action::Note);
    assert!(app.modal.is_some(), "the note dialog is up");
    frames.push(drawn(&app, &clock, "note dialog"));
    common::key(&mut app, KeyCode::Esc);
    common::press(&mut app, Action::Help);
    frames.push(drawn(&app, &clock, "help in the infusion"));
    frames
}

#[test]
fn an_app_draws_in_its_own_language_whatever_the_process_speaks() {
    let _held = common::language::english();
    let english = walk(Lang::En);
    for lang in [Lang::FrCa, Lang::PtBr] {
        let frames = walk(lang);
        for (i, (theirs, ours)) in english.iter().zip(&frames).enumerate() {
            assert_ne!(
                theirs, ours,
                "{lang:?}: frame {i} is the English one: the app's language is not followed"
            );
        }
    }
}
