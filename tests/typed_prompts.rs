//! Typed prompts: entry and validation of every type, timed measures on
//! the simulated clock, and a record with every type round-tripped through
//! the journal into the Markdown summary. (Broken definitions are among the
//! fixtures in `tests/fixtures/protocols/broken/typed-*.toml`.)

use kap::protocol::values::{Value, parse, score, show};
use kap::protocol::{self, Prompt, Protocol};
use kap::record::{OpenSession, Store, export};
use kap::session::state::DueState;
use kap::session::vitals;
use kap::session::{Clock, Event, MINUTE, SessionStart, SimClock};
use std::path::PathBuf;

/// A value as it is shown, in the language in use.
fn shown(p: &Prompt, v: &Value) -> String {
    (show(p, v)).say(kap::i18n::Lang::En)
}

fn fixture() -> (Protocol, String) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocols/typed.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    (protocol::load_str(&path, &text).unwrap().protocol, text)
}

fn prompt<'a>(p: &'a Protocol, id: &str) -> &'a Prompt {
    p.prompt(id).unwrap().1
}

#[test]
fn every_type_accepts_what_a_clinician_types() {
    let (p, _) = fixture();
    let ok = |id: &str, input: &str| parse(prompt(&p, id), input, "14:05").unwrap();
    assert_eq!(ok("fasting", "y"), Value::YesNo(true));
    assert_eq!(ok("fasting", "No"), Value::YesNo(false));
    assert_eq!(ok("site", "2"), Value::Choice("Right hand".into()));
    assert_eq!(ok("site", "left f"), Value::Choice("Left forearm".into()));
    assert_eq!(
        ok("effects", "3, nausea"),
        Value::MultiChoice(vec!["Nausea".into(), "Dizziness".into()]),
        "kept in the protocol's order"
    );
    assert_eq!(ok("effects", "0"), Value::MultiChoice(vec![]));
    assert_eq!(ok("conc", "1"), Value::Number(1.0));
    assert_eq!(ok("conc", "2,5 mg/mL"), Value::Number(2.5));
    assert_eq!(ok("ready-at", "9:5"), Value::Time("09:05".into()));
    assert_eq!(ok("ready-at", "now"), Value::Time("14:05".into()));
    // The words for yes, no, none and now in each of kap's languages.
    assert_eq!(ok("fasting", "oui"), Value::YesNo(true));
    assert_eq!(ok("fasting", "sim"), Value::YesNo(true));
    assert_eq!(ok("fasting", "Não"), Value::YesNo(false));
    assert_eq!(ok("ready-at", "maintenant"), Value::Time("14:05".into()));
    assert_eq!(ok("ready-at", "agora"), Value::Time("14:05".into()));
    assert_eq!(ok("effects", "nenhum"), Value::MultiChoice(vec![]));
    assert_eq!(ok("calm", "7"), Value::Scale(7));
    let items = ok("checklist", "1 2 3");
    assert_eq!(score(prompt(&p, "checklist"), &items), Some(6.0));
    assert_eq!(
        shown(prompt(&p, "checklist"), &items),
        "a 1, b 2, c 3 — score 6"
    );
    assert_eq!(
        shown(prompt(&p, "calm"), &Value::Scale(10)),
        "10/10 (complete)"
    );
    assert_eq!(shown(prompt(&p, "conc"), &Value::Number(2.5)), "2.5 mg/mL");
    assert_eq!(
        shown(prompt(&p, "effects"), &Value::MultiChoice(vec![])),
        "none"
    );
}

#[test]
fn every_type_refuses_bad_values_with_the_reason() {
    let (p, _) = fixture();
    let refused = |id: &str, input: &str| parse(prompt(&p, id), input, "14:05").unwrap_err();
    let err = |id: &str, input: &str| (refused(id, input)).say(kap::i18n::Lang::En);
    // What was meant, whatever the language.
    let r = refused("conc", "0.2");
    assert_eq!(r.id(), Some("value-outside-range"));
    assert_eq!(r.arg("min"), Some(&kap::i18n::Phrase::Num(0.5)));
    assert_eq!(err("fasting", "maybe"), "\"maybe\": answer y or n");
    assert_eq!(err("fasting", ""), "nothing entered — y or n");
    assert_eq!(err("site", "4"), "4 is not one of the choices (1 to 3)");
    assert_eq!(
        err("site", "knee"),
        "\"knee\" is not one of: Left hand, Right hand, Left forearm"
    );
    assert_eq!(
        err("site", "left"),
        "\"left\" matches more than one choice: Left hand, Left forearm"
    );
    assert_eq!(
        err("effects", "1, 9"),
        "9 is not one of the choices (1 to 3)"
    );
    assert_eq!(
        err("conc", "0.2"),
        "0.2 mg/mL is outside the allowed range 0.5–10 mg/mL"
    );
    assert_eq!(err("conc", "lots"), "\"lots\" is not a number");
    assert_eq!(
        err("ready-at", "25:00"),
        "\"25:00\" is not a time of day (00:00–23:59)"
    );
    assert_eq!(
        err("ready-at", "soon"),
        "\"soon\" is not a time: write HH:MM"
    );
    assert_eq!(err("calm", "11"), "11 is outside the scale 0–10");
    assert_eq!(
        err("calm", "3 4"),
        "enter one number — 0–10 (0 none, 10 complete)"
    );
    assert_eq!(
        err("checklist", "1 2"),
        "2 numbers entered, 3 items to rate"
    );
    assert_eq!(
        err("checklist", "1 2 4"),
        "\"Item C\": 4 is outside the scale 0–3"
    );
}

fn start(p: &Protocol) -> SessionStart {
    SessionStart {
        patient: "T-1".into(),
        session: 1,
        protocol_id: p.protocol.id.clone(),
        protocol_version: p.protocol.version.clone(),
        weight_kg: 70.0,
        mg_per_kg: 0.5,
        dose_mg: 35.0,
        rehearsal: false,
        schedule_note: None,
        course_note: None,
        ui: None,
        lang: None,
        visit: None,
        identity: None,
        clinicians: vec![],
    }
}

#[test]
fn timed_measures_fall_due_and_overdue_on_the_simulated_clock() {
    let (p, text) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let clock = SimClock::fixed();
    let mut o = Store::at(tmp.path())
        .create_session(&text, start(&p), &clock.now())
        .unwrap();
    let rec = |o: &mut OpenSession, ev: Event| o.record(ev, &clock.now()).unwrap();
    rec(
        &mut o,
        Event::Ticked {
            prompt: "consent".into(),
            checked: true,
            evidence: None,
        },
    );
    rec(
        &mut o,
        Event::Vitals {
            reading: vitals::parse("120/80 70 98").unwrap(),
        },
    );
    rec(&mut o, Event::Advanced { reason: None });
    rec(&mut o, Event::DosingStarted);
    let state = |o: &OpenSession, id: &str| {
        o.session
            .measures_due(&clock.now())
            .into_iter()
            .find(|(pr, _)| pr.id == id)
            .map(|(_, d)| d.state)
    };
    // "checklist" goes with the vitals prompt (window 10–15 min): overdue
    // with it, cleared by an entry, due again in the next cycle.
    clock.advance(16 * MINUTE);
    assert_eq!(state(&o, "checklist"), Some(DueState::Overdue));
    let items = parse(prompt(&p, "checklist"), "0 1 0", "").unwrap();
    o.record(
        Event::Recorded {
            prompt: "checklist".into(),
            value: items,
        },
        &clock.now(),
    )
    .unwrap();
    assert_eq!(state(&o, "checklist"), None);
    clock.advance(MINUTE);
    o.record(
        Event::Vitals {
            reading: vitals::parse("124/80 72 98").unwrap(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(5 * MINUTE);
    assert_eq!(state(&o, "checklist"), Some(DueState::Upcoming));
    clock.advance(6 * MINUTE);
    assert_eq!(state(&o, "checklist"), Some(DueState::Due));
    // "calm" at 40 min, window 10: upcoming, due from 40, overdue after 50.
    clock.advance(11 * MINUTE); // 39 min after the start
    assert_eq!(state(&o, "calm"), Some(DueState::Upcoming));
    clock.advance(MINUTE);
    assert_eq!(state(&o, "calm"), Some(DueState::Due));
    clock.advance(10 * MINUTE + 1);
    assert_eq!(state(&o, "calm"), Some(DueState::Overdue));
    o.record(
        Event::Recorded {
            prompt: "calm".into(),
            value: Value::Scale(4),
        },
        &clock.now(),
    )
    .unwrap();
    assert_eq!(state(&o, "calm"), None, "answered");
}

#[test]
fn every_type_round_trips_through_the_journal_into_the_summary() {
    let (p, text) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let clock = SimClock::fixed();
    let mut o = Store::at(tmp.path())
        .create_session(&text, start(&p), &clock.now())
        .unwrap();
    let entries = [
        ("fasting", "y"),
        ("site", "1"),
        ("effects", "1,2"),
        ("conc", "1"),
        ("ready-at", "10:45"),
        ("calm", "6"),
        ("checklist", "3 0 1"),
    ];
    for (id, input) in entries {
        clock.advance(MINUTE);
        let value = parse(prompt(&p, id), input, "").unwrap();
        o.record(
            Event::Recorded {
                prompt: id.into(),
                value,
            },
            &clock.now(),
        )
        .unwrap();
    }
    // A value that does not fit its prompt is refused by the core too.
    let bad = o.record(
        Event::Recorded {
            prompt: "conc".into(),
            value: Value::Choice("Left hand".into()),
        },
        &clock.now(),
    );
    assert!(bad.is_err());
    let before = o.session.clone();
    let dir = o.dir.clone();
    drop(o);
    let back = OpenSession::open(&dir).unwrap();
    assert_eq!(back.session, before);
    let md = export::markdown(
        &back.session,
        &clock.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    );
    for line in [
        "- Fasting: yes (09:01)",
        "- IV site: Left hand (09:02)",
        "- Side effects: Nausea, Headache (09:03)",
        "- Concentration: 1 mg/mL (09:04)",
        "- Ready to leave at: 10:45 on 2026-01-05 (09:05)",
        "- Calm (0-10): 6/10 (09:06)",
        "- Three-item test scale: a 3, b 0, c 1 — score 4 (09:07)",
    ] {
        assert!(md.contains(line), "missing {line:?} in:\n{md}");
    }
    // FHIR: free-text Observations with typed values.
    let fhir = export::fhir(
        &back.session,
        "typed",
        &clock.now(),
        &Default::default(),
        kap::i18n::Lang::En,
    );
    let obs: Vec<&serde_json::Value> = fhir["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["category"][0]["coding"][0]["code"] == "survey")
        .collect();
    assert_eq!(obs.len(), 7);
    let by = |text: &str| *obs.iter().find(|o| o["code"]["text"] == text).unwrap();
    assert_eq!(by("Fasting")["valueBoolean"], true);
    assert_eq!(by("IV site")["valueCodeableConcept"]["text"], "Left hand");
    assert_eq!(by("Concentration")["valueQuantity"]["unit"], "mg/mL");
    assert_eq!(by("Ready to leave at")["valueTime"], "10:45:00");
    assert_eq!(by("Calm (0-10)")["valueInteger"], 6);
    assert_eq!(by("Three-item test scale")["valueQuantity"]["value"], 4.0);
    assert_eq!(
        by("Three-item test scale")["component"][0]["code"]["text"],
        "Item A"
    );
    // The journal stores each value with its type.
    let raw = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(
        raw.contains(r#""value":{"type":"multi-choice","value":["Nausea","Headache"]}"#),
        "{raw}"
    );
    assert!(
        raw.contains(r#""value":{"type":"items","value":{"a":3,"b":0,"c":1}}"#),
        "{raw}"
    );
}

#[test]
fn show_json_includes_typed_prompts() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args([
            "protocol",
            "show",
            "tests/fixtures/protocols/typed.toml",
            "--json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let prompts = j["phase"][0]["prompt"].as_array().unwrap();
    let by = |id: &str| prompts.iter().find(|p| p["id"] == id).unwrap().clone();
    assert_eq!(by("site")["choices"][2], "Left forearm");
    assert_eq!(by("conc")["unit"], "mg/mL");
    assert_eq!(by("calm")["due"]["at_minute"], 40);
    assert_eq!(by("checklist")["scale"]["scoring"]["method"], "sum");
    assert_eq!(by("ready-at")["due"]["before_close"], true);
}
