//! The medication dialog (`M`) at 80×24 in English, Québec French and
//! Brazilian Portuguese, as `insta` snapshots, with a dose given and its
//! re-check waiting and ketamine drawn up: the formulary, the agreement,
//! the ketamine so far and the entry line must all fit. One test walks
//! every language in turn (the language is the process's own setting).

mod common;

use kap::i18n::{self, Lang};
use kap::session::MINUTE;
use kap::tui::app::Msg;
use kap::tui::keys::Action;
use ratatui::crossterm::event::KeyCode;

fn walk(lang: Lang, protocol: &str, session: u32, ticks: &[&str]) {
    let tag = lang.tag();
    let (mut app, clock) =
        common::translated_start(lang, protocol, session, &format!("meds-{tag}"));
    common::key(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        common::next_phase(&mut app, &clock, "snapshot");
    }
    let p = app
        .visible_prompts()
        .into_iter()
        .find(|p| p.id == "rescue-medication")
        .unwrap();
    assert!(common::update(
        &mut app,
        &clock,
        Msg::Value {
            prompt: Box::new(p),
            text: "1".into(),
        }
    ));
    common::next_phase(&mut app, &clock, "snapshot");
    common::tick(&mut app, &clock, ticks);
    common::vitals(&mut app, &clock, "128/82 76 98");
    common::next_phase(&mut app, &clock, "snapshot");
    common::press(&mut app, Action::StartInfusion);
    for line in ["0 30", "1 4 iv 1"] {
        common::press(&mut app, Action::Medication);
        common::type_line(&mut app, line);
        assert!(app.modal.is_none(), "{line}: {:?}", app.flash);
    }
    clock.advance(5 * MINUTE);
    common::press(&mut app, Action::Medication);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    insta::assert_snapshot!(format!("{tag}-medication-dialog"), screen);
    // Everything the dialog says is on screen, the entry hint last.
    let flat = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let hint = i18n::tr("hint-saves", None);
    assert!(flat.contains(&hint), "{screen}");
    let agreed = kap::tui::present::meds::agreed_line(match &app.screen {
        kap::tui::app::Screen::Session(v) => &v.open.session,
        _ => panic!("not in a session"),
    })
    .unwrap();
    assert!(flat.contains(&agreed), "{agreed}\n{screen}");
    common::key(&mut app, KeyCode::Esc);
    i18n::set(Lang::En);
}

#[test]
fn the_medication_dialog_fits_80_by_24_in_every_language() {
    walk(
        Lang::En,
        "montreal.toml",
        3,
        &["readiness", "consent", "iv-line"],
    );
    walk(
        Lang::FrCa,
        "montreal.fr-CA.toml",
        3,
        &["readiness", "consent", "iv-line"],
    );
    walk(
        Lang::PtBr,
        "palliative.pt-BR.toml",
        1,
        &[
            "readiness",
            "psychotherapy-started",
            "capacity",
            "consent",
            "iv-line",
        ],
    );
}
