//! Every screen and dialog at 80×24 and 120×40 in the plain theme, as
//! `insta` snapshots (`tests/snapshots/`). The app is driven the way a user
//! drives it — every step a key press through `App::on_key`, as the
//! terminal delivers it, so a screen shows what the app really draws
//! after that key (a message the key clears is gone) — on a simulated
//! clock over a data folder with a fixed relative path, so the text is the
//! same on every machine. `cargo insta review` (or INSTA_UPDATE=always)
//! accepts a deliberate change.

mod common;

use kap::session::{MINUTE, SimClock};
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

struct T {
    app: App,
    clock: Arc<SimClock>,
}

impl T {
    /// A Montreal rehearsal on the start screen, patient P-017 session 3
    /// at 70 kg, over `target/snapshot-data/<name>` (emptied first).
    fn new(name: &str) -> T {
        let data = PathBuf::from("target/snapshot-data").join(name);
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).unwrap();
        let (mut app, clock) = common::montreal_app_at(&data, true, ThemeName::Plain);
        let form = app.new_start_form("", None, None);
        app.screen = Screen::Start(Box::new(form));
        let mut t = T { app, clock };
        for (field, text) in [(0, "P-017"), (1, "3"), (2, "70"), (4, "A. Martin, RN")] {
            t.app.set_start_field(field, text);
        }
        t
    }

    fn key(&mut self, code: KeyCode) {
        self.app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    /// Press the key for `action`, through the real key path.
    fn press(&mut self, action: Action) {
        common::press(&mut self.app, action);
    }

    fn type_line(&mut self, text: &str) {
        common::type_line(&mut self.app, text);
    }

    fn skip(&mut self) {
        common::next_phase(&mut self.app, &self.clock, "snapshot");
    }

    /// From the start screen to a running infusion, 12 minutes in.
    fn walk_to_infusion(&mut self) {
        common::into_infusion(&mut self.app, &self.clock);
        self.clock.advance(12 * MINUTE);
    }

    fn snap(&self, name: &str) {
        for (w, h) in SIZES {
            let (text, _) = common::render(&self.app, &self.clock, w, h);
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), text);
        }
    }
}

#[test]
fn start_screen() {
    let t = T::new("start");
    t.snap("start");
}

#[test]
fn start_screen_refusing_the_dose() {
    let mut t = T::new("start-refused");
    t.app.set_start_field(3, "3");
    t.snap("start-refused");
}

#[test]
fn phase_screen_check_in() {
    let mut t = T::new("phase");
    t.key(KeyCode::Enter);
    t.snap("phase-check-in");
}

#[test]
fn phase_screen_baseline_with_consent_ticked() {
    let mut t = T::new("baseline");
    t.key(KeyCode::Enter);
    t.skip();
    t.skip();
    t.skip();
    common::tick(&mut t.app, &t.clock, &["readiness", "consent", "iv-line"]);
    t.snap("phase-baseline");
}

#[test]
fn editor_and_its_unsaved_changes_question() {
    let mut t = T::new("editor");
    t.key(KeyCode::Enter);
    t.press(Action::Activate);
    for c in "Moved house in the spring".chars() {
        t.key(KeyCode::Char(c));
    }
    t.snap("editor");
    t.key(KeyCode::Esc);
    t.snap("dialog-unsaved");
}

#[test]
fn infusion_screen_running() {
    let mut t = T::new("infusion");
    t.walk_to_infusion();
    t.snap("infusion");
}

#[test]
fn infusion_with_an_alert_and_its_acknowledgement() {
    let mut t = T::new("alert");
    t.walk_to_infusion();
    common::vitals(&mut t.app, &t.clock, "210/125 80 89");
    t.snap("infusion-alert");
    t.press(Action::Acknowledge);
    t.snap("dialog-acknowledge");
}

#[test]
fn dialogs_over_the_infusion() {
    let mut t = T::new("dialogs");
    t.walk_to_infusion();
    t.press(Action::Note);
    t.snap("dialog-note");
    t.key(KeyCode::Esc);
    t.press(Action::PauseInfusion);
    t.snap("dialog-reason");
    t.key(KeyCode::Esc);
    t.press(Action::Leave);
    t.snap("dialog-leave");
    t.key(KeyCode::Esc);
    t.press(Action::Help);
    t.snap("help");
    t.key(KeyCode::PageDown);
    t.snap("help-page-2");
}

#[test]
fn dialog_for_a_typed_value() {
    let mut t = T::new("value");
    t.walk_to_infusion();
    // The end-of-infusion measures fall due when the infusion ends.
    t.clock.advance(30 * MINUTE);
    t.press(Action::RecordMeasure);
    t.snap("dialog-value");
}

#[test]
fn dialog_for_music_or_support() {
    let mut t = T::new("music");
    t.key(KeyCode::Enter);
    t.skip();
    t.skip();
    t.press(Action::ChooseMusic);
    t.snap("dialog-music");
}

#[test]
fn closed_screen() {
    let mut t = T::new("closed");
    t.walk_to_infusion();
    t.press(Action::EndEarly);
    t.snap("dialog-end-early");
    t.key(KeyCode::Char('y'));
    t.type_line("snapshot of the closed screen");
    assert!(matches!(t.app.screen, Screen::Closed(_)));
    t.snap("closed");
}

#[test]
fn timeline_and_correction_dialog() {
    let mut t = T::new("timeline");
    t.walk_to_infusion();
    common::vitals(&mut t.app, &t.clock, "210/125 80 89");
    t.press(Action::Timeline);
    t.snap("dialog-timeline");
    t.key(KeyCode::Up);
    t.key(KeyCode::Up);
    t.key(KeyCode::Up);
    t.key(KeyCode::Char('e'));
    t.snap("dialog-correct");
}

#[test]
fn sign_off_and_addendum() {
    let mut t = T::new("signoff");
    t.walk_to_infusion();
    t.press(Action::StopInfusion);
    t.type_line("asked to stop");
    for _ in 0..3 {
        t.skip();
    }
    t.press(Action::Close);
    t.snap("dialog-sign-off");
    t.key(KeyCode::Esc);
    t.press(Action::EndEarly);
    t.key(KeyCode::Char('y'));
    t.type_line("patient went home");
    t.key(KeyCode::Char('A'));
    t.snap("dialog-addendum");
}

/// Three alarms of different priority at once: the high one is shown in
/// full at 80×24, the others a line each. Montreal's heart-rate rule is
/// made low priority (and immediate) for this test.
#[test]
fn three_alarms_of_different_priority() {
    let data = PathBuf::from("target/snapshot-data/three-alarms");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "above = 120                 # SITE MUST REVIEW (example: sustained 5 min)\nconfirm_after_minutes = 5   # SITE MUST REVIEW\npriority = \"medium\"",
            "above = 120\npriority = \"low\"",
        )
        .replace("  \"vitals.alert[5].confirm_after_minutes\",\n", "");
    assert!(text.contains("above = 120\npriority = \"low\""));
    let p = std::sync::Arc::new(kap::protocol::load_str(&path, &text).unwrap().protocol);
    let clock = std::sync::Arc::new(kap::session::SimClock::fixed());
    let mut app = App::new(
        kap::i18n::Lang::En,
        kap::record::Store::at(&data),
        path,
        text,
        p,
        clock.clone(),
        None,
        true,
        kap::tui::theme::Theme::new(ThemeName::Plain),
    );
    let form = app.new_start_form("P-017", Some(3), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    let mut t = T { app, clock };
    t.walk_to_infusion();
    // Medium: a systolic of 190 confirmed 5 minutes later.
    common::vitals(&mut t.app, &t.clock, "190/100 80 97");
    t.clock.advance(5 * MINUTE);
    common::vitals(&mut t.app, &t.clock, "190/100 80 97");
    // Low: heart rate 130; high: SpO₂ 88.
    t.clock.advance(MINUTE);
    common::vitals(&mut t.app, &t.clock, "150/95 130 88");
    let (text, _) = common::render(&t.app, &t.clock, 80, 24);
    let first = text.lines().nth(2).unwrap_or_default();
    assert!(first.contains("!!! HIGH ALARM"), "{text}");
    assert!(text.contains("→ Check the probe and the airway"), "{text}");
    assert!(text.contains("!! MEDIUM ALARM"), "{text}");
    t.snap("three-alarms");
    // Unacknowledged for a minute, the high alarm escalates: it says how
    // long it has waited.
    t.clock.advance(MINUTE);
    let (text, _) = common::render(&t.app, &t.clock, 80, 24);
    // One unit: the word and the time never wrap apart (a no-break space).
    assert!(text.contains("UNACKNOWLEDGED\u{a0}01:00"), "{text}");
}
