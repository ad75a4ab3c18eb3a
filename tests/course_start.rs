//! The start screen checks the session number against the course: a
//! repeat, a gap and another protocol's recent dose each ask for a reason,
//! which the journal's first entry keeps with what was found; Montreal
//! refuses a maintenance session before its course ends. The course's
//! state shows in one line at 80×24 in each language, and goals carried in
//! from another laptop say where they come from, on screen and said.

mod common;

use kap::session::course::numbering::NumberCheck;
use kap::tui::app::{App, Screen};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

/// A Montreal session `session` of P-017 held (its infusion started) in
/// `data`, by key presses; the app let go of after.
fn hold(data: &Path, protocol: &str, session: u32) {
    let (mut app, clock) = common::protocol_app_at(protocol, data, false, ThemeName::Plain);
    let form = app.new_start_form("P-017", Some(session), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    if protocol.starts_with("palliative") {
        app.set_start_field(3, "0.4");
    }
    into_infusion(&mut app, &clock);
}

/// `common::into_infusion`, ticking what a first session's gates also ask
/// (concomitant psychotherapy, capacity) where the protocol has them.
fn into_infusion(app: &mut App, clock: &kap::session::SimClock) {
    use kap::tui::keys::Action;
    common::key(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "not started");
    for _ in 0..3 {
        common::next_phase(app, clock, "course test");
    }
    let wanted = [
        "readiness",
        "assessment-done",
        "psychotherapy-started",
        "capacity",
        "consent",
        "iv-line",
    ];
    let here: Vec<String> = app.visible_prompts().iter().map(|p| p.id.clone()).collect();
    let ticks: Vec<&str> = wanted
        .into_iter()
        .filter(|w| here.iter().any(|h| h == w))
        .collect();
    common::tick(app, clock, &ticks);
    common::vitals(app, clock, "128/82 76 98");
    common::next_phase(app, clock, "course test");
    common::press(app, Action::StartInfusion);
    match &app.screen {
        Screen::Session(v) => assert!(v.open.session.dosing.started.is_some()),
        _ => panic!("not in a session"),
    }
}

/// An app on Montreal's start screen for P-017, session `session`.
fn start_form(data: &Path, session: u32) -> App {
    let (mut app, _) = common::montreal_app_at(data, false, ThemeName::Plain);
    let form = app.new_start_form("P-017", Some(session), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    app
}

/// Enter on the start form: a reason is asked, given, and the session
/// starts; its start entry, read back from the journal, holds the checks
/// and the reason.
fn started_with_reason(app: &mut App, reason: &str) -> Vec<NumberCheck> {
    common::key(app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Start(_)),
        "started without a reason"
    );
    assert!(app.modal.is_some(), "no reason asked");
    // The course's reason, then the date window's when it is asked too.
    for _ in 0..2 {
        if app.modal.is_some() {
            common::type_line(app, reason);
        }
    }
    let Screen::Session(v) = &app.screen else {
        panic!("not started after the reason");
    };
    let text = std::fs::read_to_string(v.open.dir.join("journal.jsonl")).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.contains("course_note"), "{first}");
    assert!(first.contains(reason), "{first}");
    let read = kap::record::store::read_session(&v.open.dir).unwrap();
    let note = read
        .session
        .start
        .course_note
        .expect("the note is read back");
    assert_eq!(note.reason, reason);
    note.checks
}

#[test]
fn a_repeated_session_1_asks_a_reason_kept_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    hold(tmp.path(), "montreal.toml", 1);
    let mut app = start_form(tmp.path(), 1);
    let checks = started_with_reason(&mut app, "first infusion stopped at 2 min");
    assert!(
        matches!(checks.as_slice(), [NumberCheck::Repeat { session: 1, .. }]),
        "{checks:?}"
    );
}

#[test]
fn a_gap_asks_a_reason_kept_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    hold(tmp.path(), "montreal.toml", 1);
    let mut app = start_form(tmp.path(), 3);
    let checks = started_with_reason(&mut app, "session 2 held elsewhere");
    assert_eq!(
        checks,
        vec![NumberCheck::Gap {
            session: 3,
            missing: vec![2]
        }]
    );
}

#[test]
fn a_recent_dose_under_another_protocol_asks_a_reason_kept_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    hold(tmp.path(), "palliative.toml", 1);
    let mut app = start_form(tmp.path(), 1);
    let checks = started_with_reason(&mut app, "switched after review");
    assert!(
        matches!(
            checks.as_slice(),
            [NumberCheck::OtherProtocol { protocol, session: 1, days: 0, .. }] if protocol == "palliative"
        ),
        "{checks:?}"
    );
}

#[test]
fn montreal_refuses_maintenance_before_the_course_ends() {
    let tmp = tempfile::tempdir().unwrap();
    hold(tmp.path(), "montreal.toml", 1);
    let mut app = start_form(tmp.path(), 7);
    common::key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "a refusal asks nothing");
    let Screen::Start(form) = &app.screen else {
        panic!("a refused session started");
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains("Refused by the protocol"), "{error}");
    assert!(error.contains("1 of 6 sessions held"), "{error}");
}

#[test]
fn the_next_number_starts_without_a_question() {
    let tmp = tempfile::tempdir().unwrap();
    hold(tmp.path(), "montreal.toml", 1);
    let (mut app, clock) = common::montreal_app_at(tmp.path(), false, ThemeName::Plain);
    // Three days on: inside session 2's window.
    clock.advance(3 * 24 * 60 * kap::session::MINUTE);
    let form = app.new_start_form("P-017", Some(2), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(&mut app, KeyCode::Enter);
    let Screen::Session(v) = &app.screen else {
        panic!("session 2 did not start");
    };
    assert!(v.open.session.start.course_note.is_none());
}

/// The course line at the foot of the start screen, in each language, at
/// 80×24, 26 hours after session 1: Montreal's session 2 not yet open, the
/// palliative integration after session 1 open.
#[test]
fn the_start_screen_says_the_course_in_one_line_in_each_language() {
    use kap::i18n::Lang;
    for (lang, protocol, said) in [
        (Lang::En, "montreal.toml", "Course 1/6 · session 2:"),
        (Lang::FrCa, "montreal.fr-CA.toml", "Série 1/6 · séance 2 :"),
        (
            Lang::PtBr,
            "palliative.pt-BR.toml",
            "Ciclo 1/2 · integração após a sessão 1:",
        ),
    ] {
        let tag = lang.tag();
        let (mut first, clock) =
            common::translated_start(lang, protocol, 1, &format!("course-{tag}"));
        into_infusion(&mut first, &clock);
        drop(first);
        let data = std::path::PathBuf::from("target/snapshot-data").join(format!("course-{tag}"));
        let (mut app, _) = common::protocol_app_in(lang, protocol, &data, true, ThemeName::Plain);
        // 26 hours on: the palliative integration window is open.
        clock.advance(26 * 60 * kap::session::MINUTE);
        let form = app.new_start_form("P-017", Some(2), Some(64.0));
        app.screen = Screen::Start(Box::new(form));
        app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin");
        app.set_start_field(0, "P-017");
        let (screen, _) = common::render(&app, &clock, 80, 24);
        let line = screen
            .lines()
            .find(|l| l.contains(said))
            .unwrap_or_else(|| panic!("no course line in {tag}:\n{screen}"));
        insta::assert_snapshot!(format!("course-line-{tag}"), line.trim_end());
        insta::assert_snapshot!(format!("course-start-{tag}"), screen);
    }
}

/// Goals carried in from another laptop's session (as read from the
/// clinic's server) say where they come from: on the start form to the
/// screen reader, and beside them in the session's preparation at 80×24,
/// in each language.
#[test]
fn goals_set_on_another_laptop_say_so_in_each_language() {
    use kap::i18n::Lang;
    for (lang, protocol, said) in [
        (
            Lang::En,
            "montreal.toml",
            "(set at session 2 on another laptop,",
        ),
        (
            Lang::FrCa,
            "montreal.fr-CA.toml",
            "(fixés à la séance 2 sur un autre ordinateur,",
        ),
        (
            Lang::PtBr,
            "montreal.toml",
            "(definidas na sessão 2 em outro computador,",
        ),
    ] {
        let tag = lang.tag();
        let (mut app, clock) = common::translated_start(lang, protocol, 3, &format!("goals-{tag}"));
        let carried = |app: &mut App| {
            app.course.goals = vec!["Sleep through the night".into(), "Call my sister".into()];
            app.course.goals_elsewhere = Some((
                2,
                chrono::NaiveDate::from_ymd_opt(2026, 1, 12)
                    .unwrap()
                    .and_hms_opt(9, 0, 0)
                    .unwrap(),
            ));
        };
        carried(&mut app);
        let now = kap::session::Clock::now(clock.as_ref());
        let news = kap::tui::reader::Narrator::default()
            .news(&app.ui(&now))
            .join(" ");
        assert!(news.contains(said), "{tag}: {news}");
        assert!(news.contains("Call my sister"), "{tag}: {news}");
        common::key(&mut app, KeyCode::Enter);
        for _ in 0..3 {
            if app.modal.is_none() {
                break;
            }
            common::type_line(&mut app, "screen test");
        }
        assert!(matches!(app.screen, Screen::Session(_)), "{tag}");
        carried(&mut app);
        // From check-in on to preparation, where the goals are set.
        common::next_phase(&mut app, &clock, "screen test");
        let mut screen = common::render(&app, &clock, 80, 24).0;
        for _ in 0..40 {
            if screen.contains(said) && screen.contains("Call my sister") {
                break;
            }
            common::key(&mut app, KeyCode::Down);
            screen = common::render(&app, &clock, 80, 24).0;
        }
        assert!(screen.contains(said), "{tag}:\n{screen}");
        insta::assert_snapshot!(format!("goals-elsewhere-{tag}"), screen);
    }
}
