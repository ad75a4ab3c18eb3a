//! The workflow frictions a bedside walk met: the cursor after a tick or an
//! answer, a music choice typed twice, a silent `C`, who is entering, a
//! blocked move's reasons cut off, and a debrief far shorter than its aim.

mod common;

use kap::session::{Clock, MINUTE};
use kap::tui::app::{App, Msg, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn selected(app: &App) -> usize {
    match &app.screen {
        Screen::Session(v) => v.selected,
        _ => panic!("not in a session"),
    }
}

fn flash(app: &App) -> String {
    app.flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}

#[test]
fn ticking_or_answering_leaves_the_cursor_where_it_was() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w1", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    for _ in 0..3 {
        common::next_phase(&mut app, &clock, "walk");
    }
    let i = app
        .visible_prompts()
        .iter()
        .position(|p| p.id == "readiness")
        .expect("readiness");
    app.select(i);
    assert!(common::update(&mut app, &clock, Action::Tick));
    assert_eq!(selected(&app), i, "a tick does not move the cursor");
    // ↓ then Space ticks the next item, not the one after it.
    common::update(&mut app, &clock, Action::Down);
    common::update(&mut app, &clock, Action::Tick);
    let next = app.visible_prompts()[i + 1].id.clone();
    match &app.screen {
        Screen::Session(v) => {
            assert!(v.open.session.ticks.get(&next).is_some_and(|t| t.checked))
        }
        _ => panic!(),
    }
    assert_eq!(selected(&app), i + 1);

    // A text answer saved with Ctrl-S: the cursor stays on it too.
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w2", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    common::next_phase(&mut app, &clock, "walk");
    common::next_phase(&mut app, &clock, "walk");
    let i = app
        .visible_prompts()
        .iter()
        .position(|p| p.id == "intention")
        .expect("intention");
    app.select(i);
    common::update(&mut app, &clock, Action::Activate);
    for c in "Rest".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(flash(&app).contains("Rest") || flash(&app).contains("Intention"));
    assert_eq!(selected(&app), i, "saving does not move the cursor");
}

#[test]
fn a_music_choice_answers_the_music_prompt_once() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w3", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    common::next_phase(&mut app, &clock, "walk");
    common::next_phase(&mut app, &clock, "walk");
    common::update(&mut app, &clock, Action::ChooseMusic);
    assert!(app.modal.is_some(), "m opens the choice");
    key(&mut app, KeyCode::Enter);
    let answer = |app: &App| match &app.screen {
        Screen::Session(v) => v
            .open
            .session
            .answers
            .get("music-choice")
            .map(|a| a.text.clone()),
        _ => None,
    };
    let first = answer(&app).expect("the music prompt is answered");
    assert!(!first.is_empty());
    // A second choice leaves the answer already there alone.
    common::update(&mut app, &clock, Action::ChooseMusic);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app).as_deref(), Some(first.as_str()));
}

#[test]
fn c_before_the_last_phase_says_where_it_works() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w4", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    key(&mut app, KeyCode::Char('C'));
    assert!(app.modal.is_none(), "no sign-off before the last phase");
    let f = flash(&app);
    assert!(f.contains("last phase") && f.contains("Discharge"), "{f}");
}

#[test]
fn the_strip_says_who_is_entering_when_two_are_present() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w5", 3);
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN; J. Gagnon, MD");
    assert!(common::update(&mut app, &clock, Msg::Begin));
    let (s, _) = common::render(&app, &clock, 80, 24);
    let strip = s.lines().nth(1).unwrap_or_default();
    assert!(strip.contains("entering: A. Martin, RN"), "{s}");
    common::update(&mut app, &clock, Action::NextAuthor);
    let (s, _) = common::render(&app, &clock, 80, 24);
    let strip = s.lines().nth(1).unwrap_or_default();
    assert!(strip.contains("entering: J. Gagnon, MD"), "{s}");
}

#[test]
fn a_long_refusal_is_shown_whole_above_the_footer() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w6", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    for _ in 0..3 {
        common::next_phase(&mut app, &clock, "walk");
    }
    // Baseline: neither consent nor readiness nor vitals; → is held.
    common::update(&mut app, &clock, Action::Next);
    let f = flash(&app);
    assert!(f.matches(';').count() >= 1, "every failing gate: {f}");
    let (s, _) = common::render(&app, &clock, 80, 24);
    let screen: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let words: String = f.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(screen.contains(&words), "cut: {f}\n{s}");
}

#[test]
fn a_debrief_far_shorter_than_its_aim_is_remarked_on() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w7", 3);
    common::into_infusion(&mut app, &clock);
    clock.advance(41 * MINUTE);
    app.on_tick(&clock.now());
    common::next_phase(&mut app, &clock, "walk");
    clock.advance(MINUTE / 6);
    common::next_phase(&mut app, &clock, "walk");
    let f = flash(&app);
    assert!(f.contains("Debrief") && f.contains("20–30 min"), "{f}");
}

#[test]
fn an_infusion_stopped_early_no_longer_counts_down() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-w8", 3);
    common::into_infusion(&mut app, &clock);
    clock.advance(10 * MINUTE);
    common::update(&mut app, &clock, Action::StopInfusion);
    common::type_line(&mut app, "nausea");
    let (s, _) = common::render(&app, &clock, 80, 24);
    assert!(s.contains("stopped early"), "{s}");
    assert!(!s.contains(" left"), "{s}");
}
