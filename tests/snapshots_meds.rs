//! The medication dialog (`M`) at 80×24 in English, Québec French and
//! Brazilian Portuguese, as `insta` snapshots, with a dose given and its
//! re-check waiting and ketamine drawn up: the formulary, the agreement,
//! the ketamine so far and the entry line must all fit. One test walks
//! every language in turn (the language is the process's own setting).
//! The same walk opens the dose's correction from the timeline: the
//! original, how its replacement is typed and both lines fit too.

mod common;

use kap::i18n::Lang;
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
    let hint = kap::i18n::text(lang, "hint-saves", None);
    assert!(flat.contains(&hint), "{screen}");
    let agreed = kap::tui::present::meds::agreed_line(
        match &app.screen {
            kap::tui::app::Screen::Session(v) => &v.open.session,
            _ => panic!("not in a session"),
        },
        lang,
    )
    .unwrap();
    assert!(flat.contains(&agreed), "{agreed}\n{screen}");
    common::key(&mut app, KeyCode::Esc);
    correction(&mut app, &clock, tag);
}

/// The correction of the dose, from the timeline: the original, how the
/// replacement is typed (as in `M`, the formulary numbered), and the two
/// lines, all on screen.
fn correction(app: &mut kap::tui::app::App, clock: &kap::session::SimClock, tag: &str) {
    common::press(app, Action::Timeline);
    let seq = match &app.screen {
        kap::tui::app::Screen::Session(v) => v.open.session.meds[0].seq,
        _ => panic!("not in a session"),
    };
    loop {
        let Some(kap::tui::modal::Modal::Timeline(t)) = &app.modal else {
            panic!("no timeline");
        };
        if t.shown()[t.cursor].seq == Some(seq) {
            break;
        }
        assert!(t.cursor > 0, "the dose is not in the timeline");
        common::key(app, KeyCode::Up);
    }
    common::key(app, KeyCode::Char('e'));
    let (screen, _) = common::render(app, clock, 80, 24);
    insta::assert_snapshot!(format!("{tag}-dose-correction-dialog"), screen);
    // The dialog's inside, its rows joined: between the borders of its
    // top line, on every row below.
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.iter().position(|c| *c == '┌').map(|j| (i, j)))
        .unwrap();
    let right = rows[top].iter().rposition(|c| *c == '┐').unwrap();
    let inside = rows[top + 1..]
        .iter()
        .map(|r| {
            r.get(left + 1..right)
                .map_or(String::new(), |c| c.iter().collect())
        })
        .collect::<Vec<String>>()
        .join(" ");
    let flat = inside.split_whitespace().collect::<Vec<_>>().join(" ");
    let how = kap::i18n::text(app.lang, "correct-value-label", None);
    assert!(flat.contains(&how), "{screen}");
    let end = kap::i18n::text(app.lang, "correct-med-how", None);
    let tail = end.rsplit(';').next().unwrap();
    let tail = tail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&tail), "{tail:?}\n{screen}");
    common::key(app, KeyCode::Esc);
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
