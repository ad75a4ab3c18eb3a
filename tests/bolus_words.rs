//! A dose that is not an infusion (an IM, SL or IN bolus) is said as a
//! dose given and an observation after it — never an infusion — on every
//! screen, in the screen-reader mode, in the summary, in every export and
//! in `kap history` (#29 item 6). The walk: the shipped single IM session,
//! start to close, every screen at 80×24 and 120×40.

mod common;

use kap::session::{Clock, MINUTE};
use kap::tui::app::{Msg, Screen};
use kap::tui::keys::Action;
use std::path::PathBuf;

/// Every place "infusion" shows, as "what: line".
fn infusion_in(what: &str, text: &str) -> Vec<String> {
    // Only what a person reads: markup (an HTML class, an SVG id) aside.
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .lines()
        .filter(|l| l.to_lowercase().contains("infus"))
        .map(|l| format!("{what}: {}", l.trim()))
        .collect()
}

#[test]
fn an_im_session_never_says_infusion() {
    let data = PathBuf::from("target/snapshot-data/bolus-words");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let (mut app, clock) = common::protocol_app_at(
        "im-single-session.toml",
        &data,
        true,
        kap::tui::theme::ThemeName::Plain,
    );
    let form = app.new_start_form("P-017", Some(1), Some(64.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin");
    let mut found = Vec::new();
    let look = |app: &kap::tui::app::App, what: &str, found: &mut Vec<String>| {
        for (w, h) in [(80, 24), (120, 40)] {
            let (s, _) = common::render(app, &clock, w, h);
            found.extend(infusion_in(&format!("{what} {w}x{h}"), &s));
        }
    };
    look(&app, "start", &mut found);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    common::next_phase(&mut app, &clock, "test");
    common::tick(&mut app, &clock, &["consent"]);
    common::vitals(&mut app, &clock, "128/82 76 98");
    look(&app, "baseline", &mut found);
    common::next_phase(&mut app, &clock, "test");
    look(&app, "dosing before", &mut found);
    assert!(common::update(&mut app, &clock, Action::StartInfusion));
    look(&app, "dose given", &mut found);
    assert!(common::update(&mut app, &clock, Action::Help));
    look(&app, "help", &mut found);
    app.help = false;
    clock.advance(12 * MINUTE);
    common::vitals(&mut app, &clock, "130/84 80 97");
    app.on_tick(&clock.now());
    look(&app, "observation", &mut found);
    // Moving on while the observation runs: what holds it.
    common::key(&mut app, ratatui::crossterm::event::KeyCode::Right);
    look(&app, "hold", &mut found);
    app.modal = None;
    assert!(common::update(&mut app, &clock, Action::EndEarly));
    look(&app, "end early", &mut found);
    common::key(&mut app, ratatui::crossterm::event::KeyCode::Char('y'));
    common::type_line(&mut app, "test");
    look(&app, "closed", &mut found);
    let Screen::Closed(c) = &app.screen else {
        panic!("not closed")
    };
    let dir = c.open.dir.clone();
    for f in ["summary.md", "trainee-report.md"] {
        if let Ok(t) = std::fs::read_to_string(dir.join(f)) {
            found.extend(infusion_in(f, &t));
        }
    }
    for (what, text) in common::cli_words::outputs(&dir, &data, "en") {
        found.extend(infusion_in(&what, &text));
    }
    assert!(found.is_empty(), "said infusion:\n{}", found.join("\n"));
}

/// The screen-reader mode says the IM dose as a dose given and the
/// observation after it, in the real binary.
#[test]
fn the_reader_says_an_im_dose_as_a_dose_given() {
    let tmp = tempfile::tempdir().unwrap();
    let args = [
        "rehearse",
        "--protocol",
        "protocols/im-single-session.toml",
        "--patient",
        "im",
        "--session",
        "1",
        "--weight",
        "64",
        "--speed",
        "60",
        "--screen-reader",
    ];
    let mut k = common::pty::Pty::spawn(&args, tmp.path());
    k.wait_said("Type start to begin", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 5", 1, 5);
    k.line("next");
    k.wait_said("reason", 1, 5);
    k.line("test");
    k.wait_said("Phase 2 of 5", 1, 5);
    k.line("1");
    k.line("128/82 76 98");
    k.wait_said("Saved ", 1, 5);
    k.line("next");
    k.wait_said("when the dose is given", 1, 5);
    k.line("start");
    k.wait_said("Dose given; observation started", 1, 5);
    k.wait_said("The observation after the dose is running", 1, 5);
    k.line("status");
    k.line("quit");
    let out = k.output();
    assert!(!out.to_lowercase().contains("infusion"), "{out}");
}
