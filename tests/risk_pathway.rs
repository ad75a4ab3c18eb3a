//! The risk pathway in the core, on the simulated clock: the shipped
//! screen scored by its own rules, a positive screen raising a
//! high-priority alarm and holding the discharge until a negative
//! reassessment (or a reason), and the safety plan kept version by
//! version. Clinic guide (seed 003): safety before the person leaves;
//! Montreal Table 3: active exploration and safety planning.

mod common;

use common::session::{H, into_infusion, load};
use kap::protocol::Priority;
use kap::session::Event;
use kap::session::risk::{PlanElement, score};

const NO: u32 = 1;
const YES: u32 = 2;

fn screen(answers: &[u32]) -> Event {
    Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: answers.to_vec(),
    }
}

/// A Montreal session in its discharge phase, everything done but the
/// closing itself.
fn at_discharge(h: &mut H) {
    into_infusion(h);
    h.wait(41);
    h.vitals("120/80 70 98");
    while h.phase() != "discharge" {
        h.answer_required();
        h.ok(Event::Advanced {
            reason: Some("not part of this test".into()),
        });
    }
    h.answer_required();
    h.vitals("122/80 70 98");
}

#[test]
fn the_shipped_screen_scores_by_its_own_rules() {
    for file in [
        "montreal.toml",
        "montreal.fr-CA.toml",
        "palliative.toml",
        "palliative.pt-BR.toml",
    ] {
        let p = load(file);
        let s = p.risk.as_ref().expect("a risk screen");
        // All no, can keep safe: 0 points, negative.
        let r = score(s, &[NO, NO, NO, NO, 1]).unwrap();
        assert_eq!((r.score, r.positive), (0, false), "{file}");
        // A wish to be dead alone scores 1, below positive_at = 2.
        let r = score(s, &[YES, NO, NO, NO, 1]).unwrap();
        assert_eq!((r.score, r.positive), (1, false), "{file}");
        // ... with "unsure" about keeping safe, 2: positive at exactly 2.
        let r = score(s, &[YES, NO, NO, NO, 2]).unwrap();
        assert_eq!((r.score, r.positive), (2, true), "{file}");
        assert!(r.alone.is_empty());
        // Thoughts of ending one's life: positive alone, at 1 point.
        let r = score(s, &[NO, YES, NO, NO, 1]).unwrap();
        assert_eq!((r.score, r.positive), (1, true), "{file}");
        assert_eq!(r.alone, ["thoughts"]);
        // "No" to keeping safe is 2 points: positive on its own total.
        let r = score(s, &[NO, NO, NO, NO, 3]).unwrap();
        assert_eq!((r.score, r.positive), (2, true), "{file}");
        // Every answer is counted.
        let r = score(s, &[YES, YES, YES, YES, 3]).unwrap();
        assert_eq!(r.score, 6);
        assert_eq!(r.alone, ["thoughts", "plan-or-intent", "recent-act"]);
        // Not a screen: too few answers, or an answer that does not exist.
        assert!(score(s, &[NO, NO, NO, NO]).is_err());
        assert!(score(s, &[NO, NO, NO, 3, 1]).is_err());
        assert!(score(s, &[NO, NO, NO, NO, 0]).is_err());
        assert_eq!(s.priority, Priority::High);
    }
}

#[test]
fn a_negative_screen_raises_nothing_and_holds_nothing() {
    let mut h = H::new("montreal.toml", 2);
    assert!(h.s.risk_offered(), "offered at check-in");
    h.ok(screen(&[NO, NO, NO, NO, 1]));
    assert!(!h.s.risk_offered(), "done in this phase");
    assert!(!h.s.risk.raised());
    assert!(h.s.risk.alarms_waiting().is_empty());
    at_discharge(&mut h);
    assert!(h.s.risk_offered(), "offered again at discharge");
    assert!(h.s.holds(&h.now()).is_empty());
    // Nothing to override.
    h.refused(Event::RiskHoldOverridden {
        reason: "going home".into(),
    });
    h.ok(Event::Closed);
}

#[test]
fn a_positive_screen_raises_a_high_alarm_that_sounds_until_acknowledged() {
    let mut h = H::new("montreal.toml", 2);
    h.ok(screen(&[NO, YES, NO, NO, 1]));
    let seq = h.s.risk.screens[0].seq;
    assert!(h.s.risk.raised());
    assert_eq!(h.s.risk.alarms_waiting().len(), 1);
    // Montreal: high priority escalates after 1 min, sound after 2.
    assert_eq!(h.s.alarm_sound(&h.now()), None);
    h.wait(2);
    assert_eq!(h.s.alarm_sound(&h.now()), Some(Priority::High));
    h.refused(Event::RiskAcknowledged {
        screen: seq + 1,
        action: None,
    });
    h.ok(Event::RiskAcknowledged {
        screen: seq,
        action: Some("physician called".into()),
    });
    assert_eq!(h.s.alarm_sound(&h.now()), None);
    assert!(h.s.risk.alarms_waiting().is_empty());
    h.refused(Event::RiskAcknowledged {
        screen: seq,
        action: None,
    });
}

#[test]
fn risk_raised_holds_discharge_until_a_negative_reassessment() {
    let mut h = H::new("montreal.toml", 2);
    h.ok(screen(&[YES, NO, NO, NO, 2]));
    // Moving on through the session is not held: only the discharge is.
    at_discharge(&mut h);
    let holds = h.s.holds(&h.now());
    assert_eq!(holds.len(), 1, "{holds:?}");
    let r = h.refused(Event::Closed);
    assert_eq!(r.holds, holds);
    // A reassessment that is positive again keeps the hold.
    h.ok(screen(&[NO, NO, NO, NO, 3]));
    assert_eq!(h.s.holds(&h.now()).len(), 1);
    h.refused(Event::Closed);
    // A negative one lifts it.
    h.wait(5);
    h.vitals("120/80 70 98");
    h.ok(screen(&[NO, NO, NO, NO, 1]));
    assert!(h.s.holds(&h.now()).is_empty());
    assert!(h.s.risk.raised(), "the session keeps that risk was raised");
    h.ok(Event::Closed);
}

#[test]
fn the_override_needs_a_reason_and_is_kept() {
    let mut h = H::new("montreal.toml", 2);
    at_discharge(&mut h);
    h.ok(screen(&[NO, NO, YES, NO, 1]));
    h.refused(Event::Closed);
    let r = h.refused(Event::RiskHoldOverridden {
        reason: "  ".into(),
    });
    assert_eq!(
        r.message,
        kap_core::phrase!(
            "ref-reason-needed",
            what = kap::i18n::Phrase::msg("reason-for-risk-override")
        )
    );
    h.ok(Event::RiskHoldOverridden {
        reason: "transferred to the emergency department with an escort".into(),
    });
    assert!(h.s.holds(&h.now()).is_empty());
    let (_, why) = h.s.risk.overridden.clone().unwrap();
    assert!(why.contains("emergency"));
    // A later positive screen is held again: the reason was for the one
    // before it.
    h.wait(1);
    h.ok(screen(&[NO, YES, NO, NO, 1]));
    h.refused(Event::Closed);
}

#[test]
fn the_safety_plan_keeps_every_version() {
    let mut h = H::new("montreal.toml", 2);
    let plan = |element: &str, text: &str| Event::SafetyPlanned {
        element: element.into(),
        text: text.into(),
    };
    h.ok(plan("warning-signs", "stops answering messages"));
    h.wait(1);
    h.ok(plan("help", "sister, 555-0100"));
    h.wait(1);
    h.ok(plan(
        "warning-signs",
        "stops answering messages; sleeps all day",
    ));
    h.refused(plan("hope", "x"));
    h.refused(plan("coping", "   "));
    let now: Vec<(PlanElement, &str)> =
        h.s.risk
            .plan_now()
            .iter()
            .map(|p| (p.element, p.text.as_str()))
            .collect();
    assert_eq!(
        now,
        [
            (
                PlanElement::WarningSigns,
                "stops answering messages; sleeps all day"
            ),
            (PlanElement::Help, "sister, 555-0100"),
        ]
    );
    let old = h.s.risk.plan_history(PlanElement::WarningSigns);
    assert_eq!(old.len(), 1);
    assert_eq!(old[0].text, "stops answering messages");
}

#[test]
fn a_screen_entered_in_error_no_longer_holds() {
    let mut h = H::new("montreal.toml", 2);
    at_discharge(&mut h);
    h.ok(screen(&[NO, YES, NO, NO, 1]));
    let seq = h.s.risk.screens[0].seq;
    h.refused(Event::Closed);
    h.ok(Event::Corrected {
        entry: seq,
        reason: "answers of another patient".into(),
        with: None,
    });
    assert!(h.s.risk.screens.is_empty());
    assert!(h.s.holds(&h.now()).is_empty());
}

#[test]
fn a_protocol_without_a_screen_refuses_one() {
    let mut h = H::new("im-single-session.toml", 1);
    assert!(!h.s.risk_offered());
    h.refused(screen(&[NO]));
}

/// A risk screen a file gets wrong is refused at the line and column of
/// the value, each problem at once.
#[test]
fn a_wrong_risk_screen_is_refused_at_its_place() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let cut = text.find("\n[risk]").unwrap();
    let bad = format!(
        "{}\n[risk]\nid = \"Risk Screen\"\nname = \"x\"\nlicence = \"\"\nsource = \"site\"\n\
         offer_at = [\"check-in\", \"nowhere\"]\npositive_at = 9\naction = \"call\"\n\
         [[risk.item]]\nid = \"a\"\ntext = \"q\"\nchoices = [\"only\"]\n\
         [[risk.item]]\nid = \"a\"\ntext = \"q2\"\npoints = [0, 1, 2]\npositive_from = 3\n",
        &text[..cut]
    );
    let base = text[..cut].lines().count() + 1;
    let diags = kap::protocol::load_str(std::path::Path::new("p.toml"), &bad).expect_err("refused");
    let at = |line: usize, col: usize| {
        let short = diags
            .iter()
            .find(|d| d.is_error() && d.line == base + line && d.column == col)
            .unwrap_or_else(|| {
                let said: Vec<String> = diags
                    .iter()
                    .map(|d| d.short().say(kap::i18n::Lang::En))
                    .collect();
                panic!("nothing at {}:{col}: {said:?}", base + line)
            })
            .short();
        short.say(kap::i18n::Lang::En)
    };
    assert!(at(2, 6).contains("Risk Screen"), "the id is not a slug");
    assert!(at(4, 11).contains("licence"), "an empty licence");
    assert!(at(6, 25).contains("nowhere"), "no such phase");
    assert!(at(7, 15).contains("at most"), "never reached");
    assert!(at(12, 11).contains("two"), "one choice");
    assert!(at(14, 6).contains("\"a\""), "an id twice");
    assert!(at(16, 10).contains("3 points for 2"), "points per answer");
    assert!(at(17, 17).contains("answer 3"), "positive_from");
}
