//! A session with a positive risk screen, its acknowledgement, a safety
//! plan with a changed element, and a negative reassessment at discharge,
//! exported in every format: the summary, the long CSV table, the HTML
//! report and the FHIR Bundle each carry the screens (answers, score,
//! result, acknowledgement, reassessment) and every version of the plan.

// Only the parts this test needs: `common/fhir.rs` brings its own
// `absent.rs`, which `common/mod.rs` would load a second time.
#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/session.rs"]
mod session;

use kap::record::{csv, export, fhir_tx};
use kap::session::Event;
use session::{H, into_infusion};

const NO: u32 = 1;
const YES: u32 = 2;

fn screen(answers: &[u32]) -> Event {
    Event::RiskScreened {
        screen: "site-risk-screen".into(),
        answers: answers.to_vec(),
    }
}

fn plan(element: &str, text: &str) -> Event {
    Event::SafetyPlanned {
        element: element.into(),
        text: text.into(),
    }
}

/// Check-in: positive (thoughts), acknowledged, plan written with one
/// element changed; discharge: a negative reassessment, then closed.
fn session() -> H {
    let mut h = H::new("montreal.toml", 2);
    h.ok(screen(&[NO, YES, NO, NO, 2]));
    let seq = h.s.risk.screens[0].seq;
    h.wait(1);
    h.ok(Event::RiskAcknowledged {
        screen: seq,
        action: Some("psychiatrist paged".into()),
    });
    h.ok(plan("warning-signs", "stops answering messages"));
    h.ok(plan("help", "sister Ana, 555-0100"));
    h.wait(1);
    h.ok(plan(
        "warning-signs",
        "stops answering messages; sleeps all day",
    ));
    into_infusion(&mut h);
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
    h.refused(Event::Closed);
    h.ok(screen(&[NO, NO, NO, NO, 1]));
    h.ok(Event::Closed);
    h
}

#[test]
fn the_summary_has_the_screens_and_every_version_of_the_plan() {
    let h = session();
    let md = export::markdown(&h.s, &h.now(), &Default::default(), kap::i18n::Lang::En);
    let i = md.find("## Risk screen and safety plan").expect(&md);
    let part = &md[i..];
    assert!(part.contains("2 points, POSITIVE"), "{part}");
    assert!(
        part.contains("alarm acknowledged 09:01 — psychiatrist paged"),
        "{part}"
    );
    assert!(part.contains("0 points, negative — reassessment"), "{part}");
    // The answers, by question.
    assert!(
        part.contains("thoughts of ending their own life? — yes"),
        "{part}"
    );
    assert!(part.contains("— yes"), "{part}");
    // The plan as it stands, and the earlier version kept.
    assert!(
        part.contains("Warning signs: stops answering messages; sleeps all day"),
        "{part}"
    );
    assert!(
        part.contains("earlier: stops answering messages (09:01)"),
        "{part}"
    );
    assert!(
        part.contains("People to ask for help: sister Ana, 555-0100"),
        "{part}"
    );
    assert!(part.contains("Coping") || part.contains("coping strategies: not written"));
}

#[test]
fn the_long_csv_has_a_row_per_risk_entry() {
    let h = session();
    let table = csv::long(&h.s, "rec", &Default::default());
    let rows: Vec<&str> = table.lines().collect();
    let of = |kind: &str| -> Vec<&str> {
        rows.iter()
            .copied()
            .filter(|r| r.split(',').nth(4) == Some(kind))
            .collect()
    };
    let screens = of("risk-screen");
    assert_eq!(screens.len(), 2, "{table}");
    assert!(screens[0].contains("site-risk-screen,positive; score 2; answers 1 2 1 1 2"));
    assert!(screens[1].contains("negative; score 0; answers 1 1 1 1 1"));
    let ack = of("risk-acknowledged");
    assert_eq!(ack.len(), 1);
    assert!(
        ack[0].contains(",entry 2,psychiatrist paged,"),
        "{}",
        ack[0]
    );
    let plan = of("safety-plan");
    assert_eq!(plan.len(), 3, "every version is a row");
    assert!(plan[0].contains(",warning-signs,stops answering messages,"));
    assert!(plan[2].contains(",warning-signs,stops answering messages; sleeps all day,"));
    assert!(
        plan[1].contains(",help,\"sister Ana, 555-0100\","),
        "{}",
        plan[1]
    );
}

#[test]
fn the_fhir_bundle_has_the_screens_as_observations_and_the_plan_as_a_careplan() {
    let h = session();
    let b = h.fhir();
    let entries = b["entry"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&serde_json::Value> {
        entries
            .iter()
            .map(|e| &e["resource"])
            .filter(|r| r["resourceType"] == kind)
            .collect()
    };
    let screens: Vec<_> = of("Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["code"] == "risk-screen")
        .collect();
    assert_eq!(screens.len(), 2);
    let first = screens[0];
    assert_eq!(first["valueInteger"], 2);
    assert_eq!(first["interpretation"][0]["coding"][0]["code"], "POS");
    assert_eq!(first["category"][0]["coding"][0]["code"], "survey");
    let parts = first["component"].as_array().unwrap();
    assert_eq!(parts.len(), 5, "one component per question");
    assert_eq!(parts[1]["code"]["coding"][0]["code"], "thoughts");
    assert_eq!(parts[1]["valueString"], "yes");
    let notes = first["note"].to_string();
    assert!(notes.contains("psychiatrist paged"), "{notes}");
    assert_eq!(screens[1]["interpretation"][0]["coding"][0]["code"], "NEG");
    assert!(screens[1]["note"].to_string().contains("reassessment"));

    let plans = of("CarePlan");
    assert_eq!(plans.len(), 1);
    let p = plans[0];
    assert_eq!(p["status"], "active");
    assert_eq!(p["intent"], "plan");
    let acts = p["activity"].as_array().unwrap();
    assert_eq!(acts.len(), 2, "two elements written");
    assert_eq!(
        acts[0]["detail"]["code"]["coding"][0]["code"],
        "warning-signs"
    );
    assert_eq!(
        acts[0]["detail"]["description"],
        "stops answering messages; sleeps all day"
    );
    assert_eq!(acts[0]["progress"][0]["text"], "stops answering messages");
    // It points at the positive screen.
    let positive = entries
        .iter()
        .find(|e| std::ptr::eq(&e["resource"], first))
        .unwrap();
    assert_eq!(p["supportingInfo"][0]["reference"], positive["fullUrl"]);
}

#[test]
fn the_html_report_carries_the_summary_of_the_pathway() {
    let h = session();
    let html = export::html(&h.s, &h.now(), &Default::default(), kap::i18n::Lang::En);
    assert!(
        html.contains("Risk screen and safety plan"),
        "no risk section"
    );
    assert!(html.contains("stops answering messages; sleeps all day"));
}

/// The Observations and the CarePlan as a real FHIR R4 server takes them
/// (Helios, write validation enforced): skipped with a notice when the
/// server is not there, failed under CI.
#[test]
fn a_real_fhir_server_takes_the_screens_and_the_plan() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let h = session();
    let (bundle, _) = fhir_tx::transaction(export::fhir(
        &h.s,
        "risk",
        &h.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    ));
    let body = serde_json::to_string(&bundle).unwrap();
    let (status, reply) = fhir::http(&server.base, "POST", "/", &body);
    assert_eq!(status, 200, "the server refused the transaction: {reply}");
    let (status, plans) = fhir::http(&server.base, "GET", "/CarePlan?_total=accurate", "");
    assert_eq!(status, 200, "{plans}");
    assert!(plans.contains("sleeps all day"), "{plans}");
}

/// A screen entered in error leaves the pathway but not the record: the
/// FHIR Bundle keeps it, marked `entered-in-error` with why, so a server
/// that received it before the correction learns so on the next push.
#[test]
fn a_screen_entered_in_error_stays_in_fhir_marked_in_error() {
    let mut h = H::new("montreal.toml", 2);
    h.ok(screen(&[NO, YES, NO, NO, 2]));
    let wrong = h.s.risk.screens[0].seq;
    h.wait(1);
    h.ok(Event::Corrected {
        entry: wrong,
        reason: "answers of another patient".into(),
        with: None,
    });
    h.ok(screen(&[NO, NO, NO, NO, 1]));
    let b = h.fhir();
    let screens: Vec<&serde_json::Value> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|o| o["code"]["coding"][0]["code"] == "risk-screen")
        .collect();
    assert_eq!(screens.len(), 2, "the wrong screen is kept");
    assert_eq!(screens[0]["status"], "entered-in-error");
    assert_eq!(screens[0]["valueInteger"], 2);
    assert_eq!(screens[0]["interpretation"][0]["coding"][0]["code"], "POS");
    assert!(
        screens[0]["note"]
            .to_string()
            .contains("answers of another patient"),
        "{}",
        screens[0]
    );
    assert_eq!(screens[1]["status"], "final");
    assert_eq!(screens[1]["interpretation"][0]["coding"][0]["code"], "NEG");
    // The standing screen is not a reassessment of the one in error.
    assert!(!screens[1]["note"].to_string().contains("reassessment"));
}
