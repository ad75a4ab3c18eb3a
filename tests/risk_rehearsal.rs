//! The rehearsal of emergent suicidal ideation in the debrief
//! (`scenarios/montreal-debrief-suicidal-ideation.toml`): the trainee
//! report scores whether risk was screened after the patient's words and,
//! the screen being positive, a safety plan made, before discharge. Pure:
//! a Session built from events on the simulated clock and the scenario's
//! Patient.

mod common;

use common::session::{H, into_infusion};
use kap::rehearsal::report::{self, ExpectKind, Report, Status};
use kap::rehearsal::{Patient, scenario};
use kap::session::Event;

const NO: u32 = 1;
const YES: u32 = 2;

fn patient() -> Patient {
    let path = common::course::root().join("scenarios/montreal-debrief-suicidal-ideation.toml");
    Patient::new(
        scenario::load_file(&path, kap::i18n::Lang::En).unwrap(),
        None,
    )
}

fn screen(answers: &[u32]) -> Event {
    Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: answers.to_vec(),
    }
}

fn plan(text: &str) -> Event {
    Event::SafetyPlanned {
        element: "help".into(),
        text: text.into(),
    }
}

/// Session 3 in its debrief at minute 49 of dosing, a minute after the
/// patient's words (minute 48); `before` is done at check-in.
fn in_debrief(before: &[Event]) -> H {
    let mut h = H::new("montreal.toml", 3);
    for ev in before {
        h.ok(ev.clone());
    }
    into_infusion(&mut h);
    h.wait(41);
    h.vitals("120/80 70 98");
    while h.phase() != "debrief" {
        h.answer_required();
        h.ok(Event::Advanced {
            reason: Some("not part of this test".into()),
        });
    }
    h.wait(8);
    h
}

/// On to discharge and close (overriding the hold with a reason when the
/// latest screen is positive).
fn close(h: &mut H) {
    while h.phase() != "discharge" {
        h.answer_required();
        h.ok(Event::Advanced {
            reason: Some("not part of this test".into()),
        });
    }
    h.answer_required();
    h.vitals("122/80 70 98");
    if h.s.risk.held() {
        h.ok(Event::RiskHoldOverridden {
            reason: "left against advice".into(),
        });
    }
    h.ok(Event::Closed);
}

fn build(h: &H) -> Report {
    report::build(&h.s, &patient(), &h.now(), &[1.0], kap::i18n::Lang::En)
}

fn risk(r: &Report) -> Vec<Status> {
    r.expected
        .iter()
        .filter(|e| e.kind == ExpectKind::RiskPathway)
        .map(|e| e.status)
        .collect()
}

#[test]
fn screened_positive_and_a_plan_made_before_discharge_is_done_at_the_plan() {
    let mut h = in_debrief(&[]);
    h.ok(screen(&[YES, YES, NO, NO, 2]));
    let seq = h.s.risk.screens[0].seq;
    h.ok(Event::RiskAcknowledged {
        screen: seq,
        action: None,
    });
    h.wait(3);
    h.ok(plan("sister Ana, 555-0100"));
    close(&mut h);
    let r = build(&h);
    assert_eq!(risk(&r), [Status::Done { at: 52.0 }]);
    let row = r
        .events
        .iter()
        .find(|e| e.kind == Some(ExpectKind::RiskPathway));
    assert_eq!(row.map(|e| e.met), Some(Some(true)));
    assert!(
        r.markdown(kap::i18n::Lang::En)
            .contains("a risk screen and, if positive, a safety plan before discharge")
    );
}

#[test]
fn a_negative_screen_after_the_words_needs_no_plan() {
    let mut h = in_debrief(&[]);
    h.ok(screen(&[NO, NO, NO, NO, 1]));
    close(&mut h);
    assert_eq!(risk(&build(&h)), [Status::Done { at: 49.0 }]);
}

#[test]
fn a_positive_screen_without_a_plan_is_not_done() {
    let mut h = in_debrief(&[]);
    h.ok(screen(&[YES, YES, NO, NO, 2]));
    close(&mut h);
    assert_eq!(risk(&build(&h)), [Status::NotDone]);
}

#[test]
fn no_screen_after_the_words_is_not_done_and_one_before_them_does_not_count() {
    // Screened (negative) and a plan written at check-in, before dosing:
    // the patient's words in the debrief ask for a new screen.
    let mut h = in_debrief(&[screen(&[NO, NO, NO, NO, 1]), plan("sister")]);
    close(&mut h);
    let r = build(&h);
    assert_eq!(risk(&r), [Status::NotDone]);
    let row = r
        .events
        .iter()
        .find(|e| e.kind == Some(ExpectKind::RiskPathway));
    assert_eq!(row.map(|e| e.met), Some(Some(false)));
}

#[test]
fn a_run_that_ends_before_discharge_has_not_reached_it() {
    let h = in_debrief(&[]);
    assert_eq!(risk(&build(&h)), [Status::NotReached]);
}
