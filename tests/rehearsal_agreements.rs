//! The rehearsals of agitation with a rescue-medication decision
//! (`scenarios/montreal-agitation-rescue.toml`) and of a request for touch
//! outside the agreement (`scenarios/palliative-s1-touch-request.toml`):
//! the trainee report scores whether a drug from the agreement was given
//! and its effect re-checked, and whether the agreement was kept. Pure: a
//! Session built from events on the simulated clock and the scenario's
//! Patient.

mod common;

use common::session::{H, into_infusion};
use kap::protocol::MedRoute;
use kap::protocol::values::Value;
use kap::rehearsal::report::{self, ExpectKind, Status};
use kap::rehearsal::{Patient, scenario};
use kap::session::Event;

fn patient(file: &str) -> Patient {
    let path = common::course::root().join("scenarios").join(file);
    Patient::new(
        scenario::load_file(&path, kap::i18n::Lang::En).unwrap(),
        None,
    )
}

fn record(h: &mut H, prompt: &str, value: Value) {
    h.ok(Event::Recorded {
        prompt: prompt.into(),
        value,
    });
}

fn given(drug: &str, outside: Option<&str>) -> Event {
    Event::MedicationGiven {
        drug: drug.into(),
        dose: 1.0,
        unit: "mg".into(),
        route: MedRoute::Iv,
        indication: "Agitation".into(),
        given_by: "A. Martin, RN".into(),
        outside: outside.map(str::to_string),
    }
}

fn touch_note(outside: Option<&str>) -> Event {
    Event::Note {
        text: "held the patient's hand".into(),
        tags: vec!["touch".into()],
        outside: outside.map(str::to_string),
    }
}

/// On to discharge and close.
fn close(h: &mut H) {
    while h.phase() != "discharge" {
        h.answer_required();
        h.ok(Event::Advanced {
            reason: Some("not part of this test".into()),
        });
    }
    h.answer_required();
    h.vitals("122/80 70 98");
    h.ok(Event::Closed);
}

/// What the report says of the scenario's expectation of `kind`.
fn scored(h: &H, p: &Patient, kind: ExpectKind) -> Vec<Status> {
    report::build(&h.s, p, &h.now(), &[1.0], kap::i18n::Lang::En)
        .expected
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.status)
        .collect()
}

/// Montreal session 2 with midazolam agreed (at most one dose), dosing
/// from minute 0, now at minute 21: a minute after the agitation.
fn agitated() -> H {
    let mut h = H::new("montreal.toml", 2);
    record(
        &mut h,
        "rescue-medication",
        Value::MultiChoice(vec!["Midazolam, for severe anxiety or agitation".into()]),
    );
    record(&mut h, "rescue-doses", Value::Number(1.0));
    into_infusion(&mut h);
    h.wait(21);
    h
}

#[test]
fn the_agreed_drug_given_and_re_checked_is_done_at_the_dose() {
    let p = patient("montreal-agitation-rescue.toml");
    let mut h = agitated();
    h.ok(given("midazolam", None));
    let dose = h.s.meds[0].seq;
    // Given but not yet re-checked: not done yet.
    h.wait(2);
    assert_eq!(scored(&h, &p, ExpectKind::Rescue), [Status::NotReached]);
    h.wait(8);
    h.ok(Event::MedicationEffect {
        entry: dose,
        effect: "settled, resting with eyeshades".into(),
    });
    assert_eq!(
        scored(&h, &p, ExpectKind::Rescue),
        [Status::Done { at: 21.0 }]
    );
    let r = report::build(&h.s, &p, &h.now(), &[1.0], kap::i18n::Lang::En);
    assert!(
        r.markdown(kap::i18n::Lang::En)
            .contains("a rescue drug from the agreement, and its effect re-checked"),
        "{}",
        r.markdown(kap::i18n::Lang::En)
    );
}

#[test]
fn a_drug_beyond_the_agreement_or_never_re_checked_is_not_done() {
    let p = patient("montreal-agitation-rescue.toml");
    // Beyond the agreement (with its reason), re-checked: not done.
    let mut h = agitated();
    h.ok(given("ondansetron", Some("thought it would help")));
    let dose = h.s.meds[0].seq;
    h.wait(10);
    h.ok(Event::MedicationEffect {
        entry: dose,
        effect: "no change".into(),
    });
    h.wait(10);
    assert_eq!(scored(&h, &p, ExpectKind::Rescue), [Status::NotDone]);
    // The agreed drug, its effect never re-checked: not done once the
    // window has passed.
    let mut h = agitated();
    h.ok(given("midazolam", None));
    h.wait(20);
    assert_eq!(scored(&h, &p, ExpectKind::Rescue), [Status::NotDone]);
}

/// Palliative session 1 with no touch agreed, now at minute 26 of dosing:
/// a minute after the request for a hand to hold.
fn asked_for_touch() -> H {
    let mut h = H::new("palliative.toml", 1);
    record(&mut h, "touch", Value::Choice("No touch".into()));
    into_infusion(&mut h);
    h.wait(26);
    h
}

#[test]
fn a_touch_note_beyond_no_touch_is_the_agreement_not_kept() {
    let p = patient("palliative-s1-touch-request.toml");
    let mut h = asked_for_touch();
    h.refused(touch_note(None));
    h.ok(touch_note(Some("the patient asked")));
    assert_eq!(scored(&h, &p, ExpectKind::AgreementKept), [Status::NotDone]);
}

#[test]
fn words_and_a_plain_note_keep_the_agreement_to_the_close() {
    let p = patient("palliative-s1-touch-request.toml");
    let mut h = asked_for_touch();
    h.ok(Event::Note {
        text: "asked for a hand to hold; stayed beside them and spoke".into(),
        tags: Vec::new(),
        outside: None,
    });
    // Within the window, nothing crossed yet: not reached.
    assert_eq!(
        scored(&h, &p, ExpectKind::AgreementKept),
        [Status::NotReached]
    );
    h.wait(15);
    h.vitals("124/78 82 96");
    close(&mut h);
    let closed = scored(&h, &p, ExpectKind::AgreementKept);
    assert!(matches!(closed[..], [Status::Done { .. }]), "{closed:?}");
}
