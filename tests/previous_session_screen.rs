//! Rolling integration on the full screen shows the previous session
//! whole — its intention, notes, alarms and addenda, in the words the
//! screen-reader mode says them — and ↓ past the last prompt reads on to
//! it at 80×24, where it does not fit below the prompts.

mod common;

use common::{key, montreal_app_at, next_phase, render};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

#[test]
fn down_past_the_last_prompt_reaches_the_previous_sessions_addendum_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    common::course::held_montreal_session(tmp.path(), "walk", 5, 12);
    let (mut app, clock) = montreal_app_at(tmp.path(), true, ThemeName::Dim);
    let form = app.new_start_form("walk", Some(6), Some(80.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    key(&mut app, KeyCode::Enter);
    // Only session 5 is on record (a gap: a reason), and it was months
    // ago on the simulated clock: a reason is asked for that too.
    common::type_line(&mut app, "earlier sessions on paper");
    common::type_line(&mut app, "screen test");
    assert!(matches!(app.screen, Screen::Session(_)));
    next_phase(&mut app, &clock, "screen test");
    let (first, _) = render(&app, &clock, 80, 24);
    assert!(first.contains("Last time: session 5"), "{first}");
    assert!(first.contains("more below"), "{first}");
    assert!(!first.contains("physician called back"), "{first}");
    // ↓ to the last prompt, then on past it to the end of the text.
    let mut shown = first;
    for _ in 0..40 {
        if !shown.contains("more below") {
            break;
        }
        key(&mut app, KeyCode::Down);
        shown = render(&app, &clock, 80, 24).0;
    }
    assert!(!shown.contains("more below"), "{shown}");
    assert!(shown.contains("physician called back at 14:10"), "{shown}");
    assert!(shown.contains("note 12 of 12"), "{shown}");
    assert!(shown.contains("Goals (SMART"), "{shown}");
    // At the end ↓ does nothing more.
    key(&mut app, KeyCode::Down);
    assert_eq!(render(&app, &clock, 80, 24).0, shown);
    // ↑ reads back up to the prompts.
    for _ in 0..30 {
        key(&mut app, KeyCode::Up);
    }
    let top = render(&app, &clock, 80, 24).0;
    assert!(top.contains("› The last treatment"), "{top}");
}

/// The same lines in the screen-reader mode's words: the full screen and
/// the transcript cannot word the previous session differently.
#[test]
fn the_screen_and_the_reader_word_the_previous_session_alike() {
    let tmp = tempfile::tempdir().unwrap();
    common::course::held_montreal_session(tmp.path(), "walk", 5, 0);
    let (app, _clock) = montreal_app_at(tmp.path(), true, ThemeName::Dim);
    let course = app.load_course("walk", None);
    let lines = kap::tui::present::course::previous(&course, kap::i18n::Lang::En);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("to stay with what comes and to breathe"))
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Alarm 1 at")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Addendum at")),
        "{lines:?}"
    );
}
