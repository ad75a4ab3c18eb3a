//! Rules of the session reducer (`crates/kap-core/src/session/state/apply.rs`) that
//! `cargo mutants` showed no other test pinned: a tick taken back before
//! the infusion starts, blank goals left out, the stop reason older
//! journals wrote in English read as no reason, and the last phase, which
//! is closed, never left.

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
        evidence: None,
    });
    assert!(!h.s.ticks["consent"].checked);
}

/// A tick's evidence (`evidence_visit`) is kept only where the prompt
/// names it, of the kind it names; an untick keeps none.
#[test]
fn a_tick_carries_evidence_only_where_its_prompt_names_it() {
    use kap::protocol::VisitKind;
    use kap::session::evidence::Evidence;
    let mut h = H::new("montreal.toml", 1);
    let of = |visit| Evidence {
        visit,
        record: Some("P-017-assessment-x".into()),
        held: None,
        by: None,
    };
    h.refused(Event::Ticked {
        prompt: "consent".into(),
        checked: true,
        evidence: Some(of(VisitKind::Assessment)),
    });
    h.refused(Event::Ticked {
        prompt: "assessment-done".into(),
        checked: true,
        evidence: Some(of(VisitKind::Preparation)),
    });
    h.ok(Event::Ticked {
        prompt: "assessment-done".into(),
        checked: true,
        evidence: Some(of(VisitKind::Assessment)),
    });
    let t = &h.s.ticks["assessment-done"];
    assert_eq!(t.evidence, Some(of(VisitKind::Assessment)));
    h.ok(Event::Ticked {
        prompt: "assessment-done".into(),
        checked: false,
        evidence: None,
    });
    assert_eq!(h.s.ticks["assessment-done"].evidence, None);
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

#[test]
fn the_last_phase_cannot_be_left_only_closed() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocols/minimal.toml");
    let p = std::sync::Arc::new(kap::protocol::load_file(&path).unwrap().protocol);
    let mut h = H::on(p, 1);
    h.tick("consent");
    h.vitals("120/80 70 98");
    h.advance();
    // The infusion phase, left without an infusion: a reason says why.
    h.ok(Event::Advanced {
        reason: Some("not given in this test".into()),
    });
    assert_eq!(h.phase(), "discharge");
    let why = h.refused(Event::Advanced {
        reason: Some("further".into()),
    });
    assert_eq!(why.id(), Some("ref-this-is-the-last-phase-close"));
    assert_eq!(h.phase(), "discharge");
    h.ok(Event::Closed);
}
