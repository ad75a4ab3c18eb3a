//! Rules of the session reducer (`src/session/state/apply.rs`) that
//! `cargo mutants` showed no other test pinned: a tick taken back before
//! the infusion starts, blank goals left out, and the stop reason older
//! journals wrote in English read as no reason.

mod common;

use common::session::H;
use kap::session::Event;

#[test]
fn a_tick_can_be_taken_back_until_the_infusion_starts() {
    let mut h = H::new("montreal.toml", 1);
    // Consent gates the infusion; before the infusion it may be unticked
    // (the locking once it runs is in core_rules.rs).
    h.tick("consent");
    h.ok(Event::Ticked {
        prompt: "consent".into(),
        checked: false,
    });
    assert!(!h.s.ticks["consent"].checked);
}

#[test]
fn blank_goals_are_left_out_and_the_others_trimmed() {
    let mut h = H::new("montreal.toml", 1);
    h.ok(Event::GoalsSet {
        goals: vec![
            " Walk daily ".into(),
            "  ".into(),
            String::new(),
            "Sleep".into(),
        ],
    });
    assert_eq!(
        h.s.goals.as_deref(),
        Some(&["Walk daily".to_string(), "Sleep".to_string()][..])
    );
}

#[test]
fn the_old_english_stop_reason_is_no_reason_and_a_real_one_is_kept() {
    let mut h = H::new("montreal.toml", 1);
    for reason in ["stopped by the clinician", "patient asked for silence"] {
        h.ok(Event::MusicStarted { track: None });
        h.ok(Event::MusicStopped {
            reason: Some(reason.into()),
        });
    }
    let reasons: Vec<_> =
        h.s.music
            .stop_reasons
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
    assert_eq!(reasons, [None, Some("patient asked for silence".into())]);
}
