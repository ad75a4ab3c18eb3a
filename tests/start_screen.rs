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

/// A folder the course cannot be read from (here a journal that is a
/// fifo, which could be anyone's session) is named on the start screen
/// with why, in each language at 80×24, instead of being skipped.
#[test]
fn a_folder_the_course_cannot_be_read_from_is_named_on_the_start_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = "P-017-s1-20260105T090000";
    let dir = tmp.path().join("sessions").join(folder);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("journal.jsonl"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let said = [
        (kap::i18n::Lang::En, "could not be read and is left out"),
        (
            kap::i18n::Lang::FrCa,
            "est illisible et a été laissé de côté",
        ),
        (kap::i18n::Lang::PtBr, "não pôde ser lido e ficou de fora"),
    ];
    for (lang, words) in said {
        let (mut app, clock) =
            common::protocol_app_in(lang, "palliative.toml", tmp.path(), false, ThemeName::Plain);
        let start = app.new_start_form("", None, Some(64.0));
        app.screen = Screen::Start(Box::new(start));
        for c in "P-017".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.course.left_out.len(), 1, "{:?}", app.course.left_out);
        let (screen, _) = common::render(&app, &clock, 80, 24);
        // The sentence wraps in the right-hand pane: read that pane as
        // one line.
        let pane: Vec<String> = screen
            .lines()
            .map(|l| l.chars().skip(47).collect())
            .collect();
        let flat = pane
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(folder), "{lang:?}: {screen}");
        assert!(flat.contains(words), "{lang:?}: {screen}");
    }
}
