//! The risk screen dialog and its alarm at 80×24 in each language, as
//! `insta` snapshots, driven by real keys: `!` opens it at check-in, a
//! number answers each question, Enter saves, and a positive screen's
//! alarm is on screen until `a` acknowledges it. One test walks every
//! language in turn, because the language is the process's own setting.

mod common;

use kap::i18n::Lang;
use kap::session::Event;
use kap::tui::app::Screen;
use ratatui::crossterm::event::KeyCode;

fn snap(app: &kap::tui::app::App, clock: &kap::session::SimClock, name: &str) -> String {
    let (s, _) = common::render(app, clock, 80, 24);
    insta::assert_snapshot!(name, s);
    s
}

fn walk(lang: Lang, protocol: &str, session: u32) {
    let tag = lang.tag();
    let (mut app, clock) =
        common::translated_start(lang, protocol, session, &format!("risk-{tag}"));
    common::key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)));
    let def = common::shipped(protocol).risk.unwrap();
    common::key(&mut app, KeyCode::Char('!'));
    let first = snap(&app, &clock, &format!("risk-dialog-{tag}"));
    assert!(first.contains(&def.items[0].text[..20]), "{first}");
    // No to the first question, yes to thoughts, no, no, then "unsure".
    for k in ['1', '2', '1', '1', '2'] {
        common::key(&mut app, KeyCode::Char(k));
    }
    let done = snap(&app, &clock, &format!("risk-dialog-result-{tag}"));
    assert!(done.contains("2"), "{done}");
    common::key(&mut app, KeyCode::Enter);
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let logged = &v.open.session.log().last().unwrap().event;
    assert_eq!(
        logged,
        &Event::RiskScreened {
            screen: def.id.clone(),
            answers: vec![1, 2, 1, 1, 2],
        }
    );
    let banner = snap(&app, &clock, &format!("risk-alarm-{tag}"));
    assert!(banner.contains(&def.action[..20]), "{banner}");
    common::key(&mut app, KeyCode::Char('a'));
    common::type_line(&mut app, "médico");
    common::key(&mut app, KeyCode::Enter);
    let (after, _) = common::render(&app, &clock, 80, 24);
    assert!(!after.contains(&def.action[..20]), "acknowledged: {after}");
}

#[test]
fn the_risk_dialog_and_its_alarm_fit_80_by_24_in_each_language() {
    walk(Lang::En, "montreal.toml", 2);
    walk(Lang::FrCa, "montreal.fr-CA.toml", 2);
    walk(Lang::PtBr, "palliative.pt-BR.toml", 1);
}
