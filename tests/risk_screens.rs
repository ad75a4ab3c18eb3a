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
    // Check-in is where the protocol offers the screen: said until one is.
    let offered = kap::say!(lang, "risk-offered", key = "!");
    let (before, _) = common::render(&app, &clock, 80, 24);
    assert!(before.contains(&offered), "{before}");
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
    assert!(!banner.contains(&offered), "offered until one is: {banner}");
    let positive = kap::say!(lang, "risk-line-positive", score = 2, at = "09:00");
    assert!(banner.contains(&positive), "the risk in view: {banner}");
    common::key(&mut app, KeyCode::Char('a'));
    let ack = snap(&app, &clock, &format!("risk-ack-{tag}"));
    assert!(ack.contains(&kap::say!(lang, "risk-ack-title")), "{ack}");
    common::type_line(&mut app, "médico");
    let (after, _) = common::render(&app, &clock, 80, 24);
    assert!(!after.contains(&def.action[..20]), "acknowledged: {after}");
    plan(&mut app, &clock, tag, &def.crisis_lines[0]);
}

/// The safety plan opens on its first element once the alarm is
/// acknowledged; each element typed and Enter saves it and opens the
/// next; the professionals' page lists the protocol's crisis lines; Esc
/// shows the plan as it stands.
fn plan(app: &mut kap::tui::app::App, clock: &kap::session::SimClock, tag: &str, crisis: &str) {
    let first = snap(app, clock, &format!("plan-element-{tag}"));
    assert!(first.contains("1/6"), "{first}");
    let texts = [
        "Insomnia, pulling away from friends",
        "Walks, music",
        "Café with sister",
        "Sister Ana 555-0101",
    ];
    for t in texts {
        common::type_line(app, t);
    }
    let pros = snap(app, clock, &format!("plan-professionals-{tag}"));
    assert!(pros.contains(&crisis[..20]), "{pros}");
    // Unchanged (empty, never written): Enter moves on without a record.
    common::key(app, KeyCode::Enter);
    common::type_line(app, "Medicines kept by sister");
    let review = snap(app, clock, &format!("plan-review-{tag}"));
    assert!(review.contains("Walks, music"), "{review}");
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
    assert_eq!(planned.len(), 5, "{planned:?}");
    assert_eq!(planned[0].0, "warning-signs");
    assert_eq!(
        planned[4],
        ("environment".into(), "Medicines kept by sister".into())
    );
    // A changed element is a new version; the first stays in the record.
    common::key(app, KeyCode::Char('2'));
    common::type_line(app, " and yoga");
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let r = &v.open.session.risk;
    let coping = r.plan_now()[1];
    assert_eq!(coping.text, "Walks, music and yoga");
    assert_eq!(
        r.plan_history(kap::session::risk::PlanElement::Coping)[0].text,
        "Walks, music"
    );
    common::key(app, KeyCode::Esc);
    common::key(app, KeyCode::Esc);
    assert!(app.modal.is_none());
}

#[test]
fn the_risk_dialog_and_its_alarm_fit_80_by_24_in_each_language() {
    walk(Lang::En, "montreal.toml", 2);
    walk(Lang::FrCa, "montreal.fr-CA.toml", 2);
    walk(Lang::PtBr, "palliative.pt-BR.toml", 1);
}
