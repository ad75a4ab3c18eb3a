//! One key table: every binding in it is shown by help, help fits 80×24
//! by pages, every action has a key, and a key in the table does what the
//! table says (the table dispatches, so help cannot drift from behaviour).

mod common;

use kap::tui::keys::{self, Action, BINDINGS, Ctx};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn render(app: &kap::tui::app::App, clock: &kap::session::SimClock, w: u16, h: u16) -> String {
    common::render(app, clock, w, h).0
}

fn press(app: &mut kap::tui::app::App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Every page of help at `w`×`h`, as text.
fn help_pages(w: u16, h: u16) -> Vec<String> {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-keys", 3);
    common::into_infusion(&mut app, &clock);
    app.help_rows = h - 4;
    app.help_cols = w;
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    let mut pages = vec![render(&app, &clock, w, h)];
    loop {
        press(&mut app, KeyCode::PageDown);
        let page = render(&app, &clock, w, h);
        if page == *pages.last().unwrap() {
            break;
        }
        pages.push(page);
        assert!(pages.len() < 20, "help pages never end");
    }
    pages
}

#[test]
fn help_lists_every_binding_and_fits_80_by_24_in_pages() {
    for (w, h) in [(80, 24), (120, 40)] {
        let pages = help_pages(w, h);
        let all = pages.join("\n");
        for b in keys::shown() {
            let line = format!(
                "{:<9}{}",
                b.shown_text(kap::i18n::Lang::En),
                b.text(kap::i18n::Lang::En)
            );
            assert!(
                all.contains(&line),
                "{w}×{h}: help lacks `{}  {}`\n{all}",
                b.shown,
                b.text(kap::i18n::Lang::En)
            );
        }
        let (_, n) = keys::help_pages(h - 4, w, kap::i18n::Lang::En);
        assert_eq!(pages.len(), n, "{w}×{h}");
        if n > 1 {
            assert!(pages[0].contains(&format!("page 1 of {n}")), "{}", pages[0]);
            assert!(pages[n - 1].contains(&format!("page {n} of {n}")));
        }
    }
    // The keys that once worked without being listed.
    let all = help_pages(80, 24).join("\n");
    for shown in ["b", "r", "Ctrl-P", "1–9", "R"] {
        assert!(
            all.lines().any(|l| l.contains(&format!("│  {shown} "))),
            "{shown} missing from help"
        );
    }
}

#[test]
fn every_action_has_a_key_and_every_command_key_an_action() {
    for a in Action::ALL {
        assert!(
            BINDINGS.iter().any(|b| b.action == Some(*a)),
            "{a:?} has no key"
        );
    }
    // Outside text fields, a binding without an action would be a key
    // that help promises and nothing does.
    let fields = [
        Ctx::Editing,
        Ctx::Note,
        Ctx::Start,
        Ctx::Dialog,
        Ctx::Confirm,
        Ctx::Discard,
        Ctx::Timeline,
        Ctx::Music,
        Ctx::Help,
        // The patient's screen answers its own keys (a choice's number).
        Ctx::SelfReport,
        Ctx::SelfReportLeaving,
        Ctx::SelfReportDone,
    ];
    for b in BINDINGS {
        assert!(
            b.action.is_some() || fields.contains(&b.ctx),
            "`{}` ({:?}) does nothing",
            b.shown,
            b.ctx
        );
        assert!(
            !b.keys.is_empty() || b.action.is_none(),
            "`{}` has no key",
            b.shown
        );
    }
}

#[test]
fn the_table_decides_what_a_key_does_in_each_context() {
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let dosing = [Ctx::Dosing, Ctx::Session, Ctx::Real];
    assert_eq!(
        keys::action_for(&dosing, &key('s')),
        Some(Action::StartInfusion)
    );
    assert_eq!(keys::action_for(&dosing, &key('m')), Some(Action::Music));
    assert_eq!(keys::action_for(&dosing, &key('+')), Some(Action::VolumeUp));
    let intentions = [Ctx::Intentions, Ctx::Session, Ctx::Rehearsal];
    assert_eq!(
        keys::action_for(&intentions, &key('m')),
        Some(Action::ChooseMusic)
    );
    assert_eq!(
        keys::action_for(&intentions, &key('+')),
        Some(Action::Faster)
    );
    assert_eq!(keys::action_for(&intentions, &key('s')), None);
    let ctrl_p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(
        keys::action_for(&intentions, &ctrl_p),
        Some(Action::PauseSimulation)
    );
    assert_eq!(
        keys::action_for(&dosing, &ctrl_p),
        None,
        "only in rehearsal"
    );
    assert_eq!(
        keys::action_for(&dosing, &key('R')),
        None,
        "only when the folder is gone"
    );
    assert_eq!(
        keys::action_for(&[Ctx::Vanished, Ctx::Session], &key('R')),
        Some(Action::RecreateFolder)
    );
}

#[test]
fn the_screen_reader_words_name_the_same_actions_as_the_keys() {
    // Each word stands for an action the key table binds, with its label.
    for (word, action) in keys::WORDS {
        assert!(
            keys::label_of(*action, kap::i18n::Lang::En).is_some(),
            "the word {word} names {action:?}, which no key binds"
        );
        assert_eq!(
            keys::action_for_word(word, kap::i18n::Lang::En),
            Some(*action)
        );
        assert_eq!(
            keys::action_for_word(&word.to_uppercase(), kap::i18n::Lang::En),
            Some(*action)
        );
    }
    // Every action has a word, or a stated reason the transcript needs none.
    for a in Action::ALL {
        let worded = keys::WORDS.iter().any(|(_, w)| w == a);
        let screen_only = keys::SCREEN_ONLY.iter().any(|(s, _)| s == a);
        assert!(
            worded ^ screen_only,
            "{a:?}: a word and no screen-only reason, or the other way"
        );
    }
}

/// The footer offers what can be done now: `s start` before the infusion,
/// `p` and `x` while it runs, and `? help` is never cut off at 80×24.
#[test]
fn the_footer_knows_the_infusions_state_and_always_keeps_help() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-foot", 3);
    common::into_infusion(&mut app, &clock);
    let footer = |app: &kap::tui::app::App| {
        let s = render(app, &clock, 80, 24);
        s.lines().last().unwrap_or("").to_string()
    };
    let running = footer(&app);
    assert!(!running.contains("s start"), "{running}");
    assert!(running.contains("p pause"), "{running}");
    assert!(running.contains("? help"), "{running}");
    let wide = render(&app, &clock, 120, 40);
    assert!(
        wide.lines().last().unwrap_or("").contains("? help"),
        "{wide}"
    );
}

#[test]
fn before_the_infusion_the_footer_offers_start_not_pause() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-foot2", 3);
    assert!(common::update(&mut app, &clock, kap::tui::app::Msg::Begin));
    for _ in 0..3 {
        common::next_phase(&mut app, &clock, "test");
    }
    common::tick(&mut app, &clock, &["readiness", "consent", "iv-line"]);
    common::vitals(&mut app, &clock, "128/82 76 98");
    common::next_phase(&mut app, &clock, "test");
    let s = render(&app, &clock, 80, 24);
    let last = s.lines().last().unwrap_or("");
    assert!(last.contains("s start"), "{s}");
    assert!(!last.contains("p pause"), "{s}");
}

/// While a dialog or help is open, the footer offers the dialog's keys
/// (from the key table, as help lists them), not the session's keys that
/// the dialog would swallow.
#[test]
fn a_dialog_footer_offers_the_dialogs_keys() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-dlg", 3);
    common::into_infusion(&mut app, &clock);
    let footer = |app: &kap::tui::app::App| {
        let s = render(app, &clock, 80, 24);
        s.lines().last().unwrap_or("").to_string()
    };
    let session = footer(&app);
    assert!(session.contains("v vitals"), "{session}");
    let cases = [
        (Action::Note, "Enter save the note"),
        (Action::Timeline, "e Enter correct"),
        (Action::PauseInfusion, "Esc cancel"),
        (Action::Leave, "y n answer yes or no"),
        (Action::Help, "PgDn Space ↓ next page"),
    ];
    for (action, expected) in cases {
        common::press(&mut app, action);
        let shown = footer(&app);
        assert!(shown.contains(expected), "{action:?}: {shown}");
        assert!(!shown.contains("v vitals"), "{action:?}: {shown}");
        press(&mut app, KeyCode::Esc);
        assert!(app.modal.is_none() && !app.help, "{action:?} left open");
        assert_eq!(footer(&app), session, "after {action:?}");
    }
}
