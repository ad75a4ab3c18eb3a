//! Every screen rendered on ratatui's TestBackend at 80×24 and at a large
//! size, with assertions on what a clinician would read.

mod common;

use kap::session::{Clock, MINUTE, SimClock};
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

struct T {
    app: App,
    clock: Arc<SimClock>,
    _tmp: tempfile::TempDir,
}

fn app(rehearsal: bool, theme: ThemeName) -> T {
    let (app, clock, tmp) = common::montreal_app(rehearsal, theme, "P-017", 3);
    T {
        app,
        clock,
        _tmp: tmp,
    }
}

fn key(t: &mut T, code: KeyCode) {
    t.app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(t: &mut T, s: &str) {
    for c in s.chars() {
        key(t, KeyCode::Char(c));
    }
}

fn render(t: &T, w: u16, h: u16) -> (String, ratatui::buffer::Buffer) {
    common::render(&t.app, &t.clock, w, h)
}

fn into_infusion(t: &mut T) {
    common::into_infusion(&mut t.app, &t.clock);
}

#[test]
fn start_screen_shows_the_dose_with_its_arithmetic() {
    let t = app(false, ThemeName::Dim);
    for (w, h) in [(80, 24), (160, 48)] {
        let (s, _) = render(&t, w, h);
        assert!(s.contains("Session 3 of 6: 35 mg IV infusion"), "{s}");
        assert!(s.contains("70 kg × 0.5 mg/kg = 35 mg"), "{s}");
        assert!(s.contains("35 mL over 40 min = 52.5 mL/h"), "{s}");
        assert!(s.contains("Patient (pseudonymous id)"), "{s}");
        assert!(s.contains("not signed off"), "{s}");
        assert!(!s.contains("REHEARSAL"), "a real session has no watermark");
    }
}

#[test]
fn start_screen_refuses_an_implausible_weight() {
    let mut t = app(false, ThemeName::Dim);
    key(&mut t, KeyCode::Tab);
    key(&mut t, KeyCode::Tab);
    for _ in 0..3 {
        key(&mut t, KeyCode::Backspace);
    }
    typed(&mut t, "700");
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("weight of 700 kg is not a"), "{s}");
    assert!(s.contains("Session 3 of 6: 0.5 mg/kg"), "{s}");
    key(&mut t, KeyCode::Enter);
    assert!(
        matches!(t.app.screen, Screen::Start(_)),
        "no session starts"
    );
}

#[test]
fn phase_screen_lists_prompts_and_what_holds_the_next_step() {
    let mut t = app(true, ThemeName::Dim);
    key(&mut t, KeyCode::Enter);
    for (w, h) in [(80, 24), (160, 48)] {
        let (s, _) = render(&t, w, h);
        assert!(s.contains("Check-in"), "{s}");
        assert!(s.contains("› Life events since the last visit *"), "{s}");
        assert!(s.contains("Before moving on:"), "{s}");
        assert!(s.contains("REHEARSAL"), "watermark: {s}");
        assert!(s.contains("✓ saved"), "{s}");
        assert!(s.contains("→ next phase"), "footer: {s}");
    }
    // Answering through the editor shows the answer under its prompt.
    key(&mut t, KeyCode::Enter);
    typed(&mut t, "moved house");
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("Ctrl-S save"), "{s}");
    t.app
        .on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("moved house"), "{s}");
    assert!(s.contains("Answer saved"), "{s}");
}

#[test]
fn esc_in_the_editor_asks_before_discarding() {
    let mut t = app(false, ThemeName::Dim);
    key(&mut t, KeyCode::Enter);
    key(&mut t, KeyCode::Enter);
    typed(&mut t, "half a thought");
    key(&mut t, KeyCode::Esc);
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("Unsaved text"), "{s}");
    key(&mut t, KeyCode::Esc); // keep editing
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("half a thought"), "{s}");
    key(&mut t, KeyCode::Esc);
    key(&mut t, KeyCode::Char('y')); // save
    let Screen::Session(v) = &t.app.screen else {
        panic!()
    };
    assert_eq!(v.open.session.answers["life-events"].text, "half a thought");
}

#[test]
fn infusion_screen_shows_timer_due_vitals_table_and_chart() {
    let mut t = app(false, ThemeName::Dim);
    into_infusion(&mut t);
    // A real session with no sound device starts with that technical
    // alarm; acknowledged, the footer has the infusion's keys again.
    key(&mut t, KeyCode::Char('a'));
    t.clock.advance(12 * MINUTE);
    common::vitals(&mut t.app, &t.clock, "135/85 80 97");
    t.clock.advance(5 * MINUTE);
    for (w, h) in [(80, 24), (200, 60)] {
        let (s, _) = render(&t, w, h);
        assert!(s.contains("elapsed of 40:00"), "{s}");
        assert!(s.contains("23:00 left"), "{s}");
        assert!(s.contains("▀▀█"), "big digits: {s}");
        assert!(s.contains("Next BP due in 05:00"), "{s}");
        assert!(s.contains("135/85"), "table: {s}");
        assert!(s.contains("trend"), "chart: {s}");
        assert!(s.contains("p pause"), "footer: {s}");
        assert!(!s.contains("s start"), "not while it runs: {s}");
    }
}

#[test]
fn overdue_vitals_prompt_is_shown() {
    let mut t = app(false, ThemeName::Dim);
    into_infusion(&mut t);
    t.clock.advance(16 * MINUTE);
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("BP OVERDUE by 01:00"), "{s}");
}

#[test]
fn an_active_alert_is_a_banner_until_acknowledged() {
    let mut t = app(false, ThemeName::Dim);
    into_infusion(&mut t);
    t.clock.advance(10 * MINUTE);
    key(&mut t, KeyCode::Char('v'));
    typed(&mut t, "210/120 96 97");
    key(&mut t, KeyCode::Enter);
    for (w, h) in [(80, 24), (160, 48)] {
        let (s, _) = render(&t, w, h);
        assert!(s.contains("!!! HIGH ALARM 1"), "{s}");
        assert!(
            s.contains("Pause the infusion and call the physician now."),
            "{s}"
        );
        assert!(s.contains("[a] acknowledge"), "{s}");
        assert!(s.contains("ALERT raised"), "{s}");
    }
    key(&mut t, KeyCode::Char('a'));
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("Acknowledge alert 1"), "{s}");
    typed(&mut t, "paused, physician called");
    key(&mut t, KeyCode::Enter);
    // The critical diastolic alert is next; acknowledge it too.
    key(&mut t, KeyCode::Char('a'));
    key(&mut t, KeyCode::Enter);
    // Both acknowledged: nothing waits, but the systolic is still high,
    // so its alarm stays in view as acknowledged (the visual signal lasts
    // as long as the condition; only the sound was silenced).
    let (s, _) = render(&t, 80, 24);
    assert!(!s.contains("[a] acknowledge"), "{s}");
    assert!(!s.contains("ACTIVE"), "{s}");
    assert!(
        s.contains("HIGH ALARM 1 ACKNOWLEDGED, condition persists"),
        "{s}"
    );
    assert!(!s.contains("ALARM 2 ACTIVE"), "{s}");
}

#[test]
fn implausible_vitals_are_refused_on_screen_and_kept_for_correction() {
    let mut t = app(false, ThemeName::Dim);
    into_infusion(&mut t);
    key(&mut t, KeyCode::Char('v'));
    typed(&mut t, "1200/80");
    key(&mut t, KeyCode::Enter);
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("systolic BP 1200 mmHg is not plausible"), "{s}");
    assert!(s.contains("1200/80"), "the typed text stays: {s}");
    let Screen::Session(v) = &t.app.screen else {
        panic!()
    };
    assert_eq!(v.open.session.vitals.len(), 1, "only the baseline");
}

#[test]
fn too_small_gets_a_polite_message_and_never_panics() {
    let mut t = app(false, ThemeName::Dim);
    let (s, _) = render(&t, 79, 24);
    assert!(
        s.contains("Please enlarge the window to at least 80×24"),
        "{s}"
    );
    into_infusion(&mut t);
    for (w, h) in [(1, 1), (10, 3), (80, 23), (40, 40), (300, 100), (80, 24)] {
        let _ = render(&t, w, h);
    }
}

#[test]
fn help_lists_every_context() {
    let mut t = app(false, ThemeName::Dim);
    key(&mut t, KeyCode::Enter);
    key(&mut t, KeyCode::Char('?'));
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("Keys"), "{s}");
    assert!(s.contains("acknowledge alert"), "{s}");
    // At 80×24 help comes in pages (tests/keys.rs checks every binding).
    key(&mut t, KeyCode::PageDown);
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("pause/resume"), "{s}");
    key(&mut t, KeyCode::Char('x'));
    let (s, _) = render(&t, 80, 24);
    assert!(!s.contains(" Keys "), "any key closes help: {s}");
}

#[test]
fn plain_theme_uses_no_colour() {
    let mut t = app(true, ThemeName::Plain);
    into_infusion(&mut t);
    let (_, buf) = render(&t, 80, 24);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let (_, buf) = {
        let t2 = app(true, ThemeName::Dim);
        render(&t2, 80, 24)
    };
    assert!(
        buf.content()
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset),
        "the dim theme does use colour"
    );
}

#[test]
fn closing_writes_the_summary() {
    let mut t = app(false, ThemeName::Dim);
    into_infusion(&mut t);
    common::update(&mut t.app, &t.clock, Action::StopInfusion);
    common::type_line(&mut t.app, "test");
    for _ in 0..3 {
        common::next_phase(&mut t.app, &t.clock, "test");
    }
    common::tick(
        &mut t.app,
        &t.clock,
        &[
            "psych-ready",
            "phys-ready",
            "safety-reminders",
            "contact-team",
        ],
    );
    common::vitals(&mut t.app, &t.clock, "120/80 70 98");
    let ready = t
        .app
        .visible_prompts()
        .into_iter()
        .find(|p| p.id == "ready-at")
        .unwrap();
    assert!(common::update(
        &mut t.app,
        &t.clock,
        kap::tui::app::Msg::Value {
            prompt: Box::new(ready),
            text: "10:40".into(),
        }
    ));
    key(&mut t, KeyCode::Char('C'));
    key(&mut t, KeyCode::Char('y'));
    let (s, _) = render(&t, 80, 24);
    assert!(s.contains("Session closed."), "{s}");
    let Screen::Closed(c) = &t.app.screen else {
        panic!()
    };
    let text = std::fs::read_to_string(c.summary.as_ref().unwrap()).unwrap();
    assert!(text.contains("# Session 3 of 6 — patient P-017"), "{text}");
    assert!(text.contains("Stopped early"), "{text}");
    assert!(text.contains("| 120/80 | 70 | 98% |"), "{text}");
    // The summary seals the journal as it stood: its last entry and hash.
    let journal = std::fs::read_to_string(c.open.journal.path()).unwrap();
    let last = journal.lines().last().unwrap();
    let n = journal.lines().count();
    let hash = kap::record::verify::sha256_hex(last.as_bytes());
    assert!(
        text.contains(&format!(
            "written from journal entries 1 to {n}; the SHA-256 of entry {n}'s line is `{hash}`"
        )),
        "{text}"
    );
}

#[test]
fn the_loop_wakes_once_a_second_on_the_infusion_timer_or_else_the_wall_clock() {
    let mut t = app(false, ThemeName::Dim);
    // The simulated clock starts on a whole second.
    t.clock.advance(250);
    assert_eq!(t.app.ms_to_next_second(&t.clock.now()), 750, "header clock");
    common::into_infusion(&mut t.app, &t.clock); // starts at x.250 s
    t.clock.advance(600); // timer at 0.600 s, wall at x.850 s
    // Only the timer's turn: waking for the wall's too would be two
    // wake-ups a second; the header clock may show its second late.
    assert_eq!(
        t.app.ms_to_next_second(&t.clock.now()),
        400,
        "the timer's turn, not the wall's (150)"
    );
    t.clock.advance(300); // timer at 0.900 s, wall at y.150 s
    assert_eq!(
        t.app.ms_to_next_second(&t.clock.now()),
        100,
        "the timer's turn"
    );
}
