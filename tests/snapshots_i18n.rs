//! The main screens at 80×24 in Québec French (on the French Montreal
//! protocol) and Brazilian Portuguese (on the Portuguese palliative
//! protocol), as `insta` snapshots: the longer words must still fit. One
//! test walks every language in turn, because the language is the
//! process's own setting.

mod common;

use kap::i18n::Lang;
use kap::session::{Clock, MINUTE};
use kap::tui::app::Screen;
use kap::tui::keys::Action;
use ratatui::crossterm::event::KeyCode;

/// The screen as text, checked to hold no line cut off mid-word at the
/// right edge is left to the eye; what is checked here is that nothing
/// English from kap's own words is left on a translated screen.
fn snap(app: &kap::tui::app::App, clock: &kap::session::SimClock, name: &str) -> String {
    let (s, _) = common::render(app, clock, 80, 24);
    insta::assert_snapshot!(name, s);
    s
}

fn walk(lang: Lang, protocol: &str, session: u32, ticks: &[&str]) {
    let tag = lang.tag();
    let (mut app, clock) =
        common::translated_start(lang, protocol, session, &format!("i18n-{tag}"));
    let start = snap(&app, &clock, &format!("{tag}-start"));
    assert!(!start.contains("Enter starts"), "{start}");

    common::key(&mut app, KeyCode::Enter);
    let check_in = snap(&app, &clock, &format!("{tag}-check-in"));
    assert!(!check_in.contains("in this phase"), "{check_in}");
    for _ in 0..2 {
        common::next_phase(&mut app, &clock, "instantané");
    }
    // The touch agreement: none. The infusion screen keeps it in view.
    let no_touch = common::choose_first(&mut app, &clock, "touch");
    common::next_phase(&mut app, &clock, "instantané");
    common::tick(&mut app, &clock, ticks);
    common::vitals(&mut app, &clock, "128/82 76 98");
    common::next_phase(&mut app, &clock, "instantané");
    common::press(&mut app, Action::StartInfusion);
    clock.advance(12 * MINUTE);
    common::vitals(&mut app, &clock, "210/112 104 93");
    app.on_tick(&clock.now());
    let infusion = snap(&app, &clock, &format!("{tag}-infusion-alarm"));
    assert!(infusion.contains(&no_touch), "{infusion}");
    assert!(!infusion.contains("running since"), "{infusion}");
    assert!(!infusion.contains("ALARM "), "{infusion}");
    // The rule's id is a code: the banner says the limit and its source.
    assert!(!infusion.contains("bp-severe"), "{infusion}");
    // "Alta" alone reads as discharge in Brazil.
    assert!(!infusion.contains("!!! ALTA"), "{infusion}");
    let (large, _) = common::render(&app, &clock, 120, 40);
    assert!(!large.contains("HR"), "the chart's legend: {large}");
    // Help: its title and the named keys in the language in use.
    common::key(&mut app, KeyCode::Char('?'));
    let help = snap(&app, &clock, &format!("{tag}-help"));
    assert!(
        help.contains(&kap::i18n::text(lang, "help-title", None)),
        "{help}"
    );
    assert!(!help.contains(" Keys "), "{help}");
    assert!(!help.contains("Space"), "{help}");
    // Every key's words are on some page, whole: a long one wraps inside
    // the box rather than being cut at its border.
    let mut pages = vec![help];
    loop {
        common::key(&mut app, KeyCode::PageDown);
        let (page, _) = common::render(&app, &clock, 80, 24);
        if pages.last() == Some(&page) || pages.len() > 12 {
            break;
        }
        pages.push(page);
    }
    let inside: String = pages
        .iter()
        .flat_map(|p| p.lines())
        .map(|l| l.chars().skip(2).take(76).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    let inside = inside.split_whitespace().collect::<Vec<_>>().join(" ");
    for b in kap::tui::keys::shown() {
        let text = b
            .text(lang)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(inside.contains(&text), "help cuts `{text}`:\n{inside}");
    }
    common::key(&mut app, KeyCode::Esc);
    // The acknowledgement dialog, the timeline, then the closed screen.
    common::press(&mut app, Action::Acknowledge);
    let ack = snap(&app, &clock, &format!("{tag}-dialog-ack"));
    assert!(!ack.contains("What was done"), "{ack}");
    common::type_line(&mut app, "");
    common::press(&mut app, Action::Timeline);
    snap(&app, &clock, &format!("{tag}-dialog-timeline"));
    common::key(&mut app, KeyCode::Esc);
    common::press(&mut app, Action::EndEarly);
    snap(&app, &clock, &format!("{tag}-dialog-end-early"));
    common::key(&mut app, KeyCode::Char('o'));
    common::type_line(&mut app, "instantané");
    assert!(matches!(app.screen, Screen::Closed(_)));
    let closed = snap(&app, &clock, &format!("{tag}-closed"));
    assert!(!closed.contains("Session ended early"), "{closed}");
}

#[test]
fn the_main_screens_in_french_and_portuguese_fit_80_by_24() {
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
