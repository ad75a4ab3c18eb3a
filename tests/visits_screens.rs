//! A preparation visit's screens at 80×24 in each language (issue #30):
//! the start form with the checklist as the earlier visit left it, and
//! the visit's phase with the goals done at that visit shown done. One
//! test walks every language in turn, the language being the process's
//! own setting.

mod common;

use kap::i18n::Lang;
use kap::protocol::{Contact, VisitKind};
use kap::session::{Clock, Event, MINUTE, SimClock, StartFields, VisitStart, plan_visit};
use kap::tui::app::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn snap(app: &kap::tui::app::App, clock: &SimClock, name: &str) -> String {
    let (s, _) = common::render(app, clock, 80, 24);
    insta::assert_snapshot!(name, s);
    s
}

const PREPARATION: VisitStart = VisitStart {
    kind: VisitKind::Preparation,
    contact: Contact::InPerson,
};

/// A preparation visit three days before the app's clock, by Dr Okafor,
/// that ticked the first two topics.
fn earlier_visit(data: &std::path::Path, protocol: &str) {
    let (p, text) = common::course::load(protocol);
    let fields = StartFields {
        patient: "P-017",
        session: "",
        weight_kg: "",
        mg_per_kg: "",
        clinicians: "Dr Okafor",
    };
    let start = plan_visit(&p, fields, PREPARATION, 1, true).unwrap();
    let clock = SimClock::at(SimClock::fixed().now().wall - chrono::TimeDelta::days(3));
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    for n in 1..=2 {
        clock.advance(MINUTE);
        open.record(
            Event::Ticked {
                prompt: format!("preparation-topic-{n}"),
                checked: true,
                evidence: None,
            },
            &clock.now(),
        )
        .unwrap();
    }
    clock.advance(MINUTE);
    open.record(Event::Closed, &clock.now()).unwrap();
}

fn walk(lang: Lang, protocol: &str) {
    let tag = lang.tag();
    let folder = format!("visits-{tag}");
    let (mut app, clock) = common::translated_start(lang, protocol, 1, &folder);
    earlier_visit(
        &std::path::PathBuf::from("target/snapshot-data").join(&folder),
        protocol,
    );
    // Ctrl-V goes through the kinds the protocol names, from a dosing
    // session, each way each may be held, round to a dosing session.
    let visit = |app: &kap::tui::app::App| match &app.screen {
        Screen::Start(form) => form.visit,
        _ => None,
    };
    let ctrl_v = KeyEvent::new(KeyCode::Char('v'), KeyModifiers::CONTROL);
    let mut seen = Vec::new();
    loop {
        app.on_key(ctrl_v);
        match visit(&app) {
            Some(v) => seen.push(v),
            None => break,
        }
        assert!(seen.len() < 20, "{seen:?}");
    }
    let p = common::course::load(protocol).0;
    let ways: usize = p.visits.iter().map(|v| v.contact.len()).sum();
    assert_eq!(seen.len(), ways, "{seen:?}");
    assert_eq!(seen[0].kind, p.visits[0].kind);
    while visit(&app) != Some(PREPARATION) {
        app.on_key(ctrl_v);
    }
    app.set_start_field(kap::tui::app::CLINICIANS, "Dr Silva");
    app.course = app.load_course("P-017", None);
    let start = snap(&app, &clock, &format!("{tag}-visit-start"));
    assert!(
        start.contains(&(VisitKind::Preparation.label()).say(lang)),
        "{start}"
    );

    common::key(&mut app, KeyCode::Enter);
    let Screen::Session(v) = &app.screen else {
        panic!("the visit did not start:\n{start}");
    };
    assert_eq!(
        v.open.session.start.clinicians,
        vec!["Dr Silva".to_string()]
    );
    assert_eq!(v.open.session.carried.len(), 2);
    let screen = snap(&app, &clock, &format!("{tag}-visit-preparation"));
    assert!(screen.contains("[x]"), "{screen}");
    let done = kap::i18n::text(lang, "visit-done-in", None);
    let done = done.split('{').next().unwrap_or_default().trim();
    assert!(screen.contains(done), "{done:?} in:\n{screen}");
    assert!(screen.contains("[ ]"), "{screen}");
}

#[test]
fn a_preparation_visit_fits_80_by_24_in_every_language() {
    walk(Lang::En, "montreal.toml");
    walk(Lang::FrCa, "montreal.fr-CA.toml");
    walk(Lang::PtBr, "palliative.pt-BR.toml");
}
