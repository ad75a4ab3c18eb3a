//! The risk pathway carried to the next session: its check-in shows, on
//! the full screen and in the reader's words (`present/course.rs`), that
//! the last screen of the course was positive, and the safety plan with
//! its date and every element as it stood.

mod common;

use common::{key, montreal_app_at, render};
use kap::session::{Clock, Event, MINUTE};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

/// Session `session` of a Montreal course for `patient`: a positive screen
/// at check-in, acknowledged, two plan elements (one written twice), and
/// an early end.
fn session_with_a_plan(data: &std::path::Path, patient: &str, session: u32) {
    let (mut open, clock) = common::course::montreal_rehearsal(data, patient, session);
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record(ev, &clock.now()).unwrap()
    };
    let screen = rec(Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: vec![1, 2, 1, 1, 1],
    });
    rec(Event::RiskAcknowledged {
        screen,
        action: None,
    });
    for (element, text) in [
        ("warning-signs", "stops answering messages"),
        ("help", "sister Ana, 555-0100"),
        ("warning-signs", "stops answering messages; sleeps all day"),
    ] {
        rec(Event::SafetyPlanned {
            element: element.into(),
            text: text.into(),
        });
    }
    rec(Event::Abandoned {
        reason: "test".into(),
    });
}

#[test]
fn the_next_check_in_shows_the_positive_screen_and_the_plan() {
    let tmp = tempfile::tempdir().unwrap();
    session_with_a_plan(tmp.path(), "walk", 2);
    let (mut app, clock) = montreal_app_at(tmp.path(), true, ThemeName::Dim);
    // In the reader's words.
    let course = app.load_course("walk", None);
    let lines = kap::tui::present::course::risk(&course, kap::i18n::Lang::En);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines[0].starts_with("Last risk screen POSITIVE: session 2"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("Safety plan from session 2, last written"),
        "{lines:?}"
    );
    assert!(lines[1].ends_with("2 of 6 elements"), "{lines:?}");
    assert!(lines[2].contains("stops answering messages; sleeps all day"));
    assert!(lines[3].contains("sister Ana, 555-0100"));
    // On the full screen, at session 3's check-in.
    let form = app.new_start_form("walk", Some(3), Some(80.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    key(&mut app, KeyCode::Enter);
    if !matches!(app.screen, Screen::Session(_)) {
        common::type_line(&mut app, "screen test");
    }
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let (s, index) = (&v.open.session, v.view_phase);
    assert_eq!(s.current_phase().id, "check-in");
    // The reader's status says the same lines for this phase.
    let said = kap::tui::present::course::course_lines(s, index, &app.course, kap::i18n::Lang::En);
    assert!(said.contains(&lines[0]), "{said:?}");
    let mut shown = render(&app, &clock, 80, 24).0;
    // The positive screen is in view from the start, below the prompts.
    assert!(shown.contains(&lines[0]), "{shown}");
    for _ in 0..20 {
        if shown.contains("sleeps all day") {
            break;
        }
        key(&mut app, KeyCode::Down);
        shown = render(&app, &clock, 80, 24).0;
    }
    assert!(shown.contains("sleeps all day"), "{shown}");
    assert!(shown.contains("Safety plan from session 2"), "{shown}");

    // P shows the course's plan to review; an element kept as it is is
    // recorded as this session's (reviewed), one changed is its new
    // version.
    key(&mut app, KeyCode::Char('P'));
    let review = render(&app, &clock, 80, 24).0;
    assert!(
        review.contains("sister Ana, 555-0100 (session 2)"),
        "{review}"
    );
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('4'));
    for _ in 0.."sister Ana, 555-0100".len() {
        key(&mut app, KeyCode::Backspace);
    }
    common::type_line(&mut app, "sister Ana, 555-0199");
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let planned: Vec<(String, String)> = v
        .open
        .session
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::SafetyPlanned { element, text } => Some((element.clone(), text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        planned,
        [
            (
                "warning-signs".to_string(),
                "stops answering messages; sleeps all day".to_string()
            ),
            ("help".to_string(), "sister Ana, 555-0199".to_string())
        ]
    );
    // The session's summary now holds the plan the patient left with.
    let summary =
        kap::record::summary::markdown(&v.open.session, &clock.now(), kap::i18n::Lang::En);
    assert!(summary.contains("sleeps all day"), "{summary}");
}

#[test]
fn a_course_without_a_screen_carries_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    common::course::held_montreal_session(tmp.path(), "walk", 2, 0);
    let (app, _clock) = montreal_app_at(tmp.path(), true, ThemeName::Dim);
    let course = app.load_course("walk", None);
    assert!(kap::tui::present::course::risk(&course, kap::i18n::Lang::En).is_empty());
}

/// The course carries the latest plan written and the latest screen, each
/// from its own session: a later session with a screen and no plan keeps
/// the earlier plan.
#[test]
fn the_latest_plan_and_the_latest_screen_each_come_from_their_own_session() {
    use common::session::H;
    let mut a = H::new("montreal.toml", 1);
    a.ok(Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: vec![1, 2, 1, 1, 1],
    });
    a.ok(Event::SafetyPlanned {
        element: "coping".into(),
        text: "walks".into(),
    });
    let mut b = H::new("montreal.toml", 2);
    b.ok(Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: vec![1, 1, 1, 1, 1],
    });
    let c = kap::session::risk::carried([&a.s, &b.s]);
    let plan = c.plan.expect("session 1's plan");
    assert_eq!(plan.session, 1);
    assert_eq!(
        plan.elements,
        [(kap::session::risk::PlanElement::Coping, "walks".to_string())]
    );
    let screen = c.screen.expect("session 2's screen");
    assert_eq!(
        (screen.session, screen.result.positive, screen.raised),
        (2, false, false)
    );
    // Nothing recorded: nothing carried.
    let none = H::new("montreal.toml", 3);
    assert_eq!(kap::session::risk::carried([&none.s]), Default::default());
}
