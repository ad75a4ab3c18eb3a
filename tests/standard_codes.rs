//! Standard codes from the protocol reach the FHIR export (#31 item 5):
//! the shipped models code fasting status with LOINC 49541-6 and the side
//! effects seen with SNOMED CT findings, by position, so the Québec French
//! and Brazilian Portuguese protocols carry the same codes under their own
//! words; a choice without a code ("Other") stays text. A code for a
//! choice that does not exist, twice, or on a text prompt is refused with
//! its place in the file.

mod common;

use common::session::H;
use kap::protocol::values::Value as V;
use kap::session::Event;
use serde_json::Value;
use std::path::Path;

fn observation<'a>(b: &'a Value, text: &str) -> &'a Value {
    b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Observation" && r["code"]["text"] == text)
        .unwrap_or_else(|| panic!("no observation {text}: {b}"))
}

fn coded(file: &str, side_effects: &[&str], fasting_text: &str, side_text: &str) {
    let mut h = H::new(file, 1);
    h.ok(Event::Recorded {
        prompt: "fasting".into(),
        value: V::YesNo(true),
    });
    h.ok(Event::Recorded {
        prompt: "side-effects".into(),
        value: V::MultiChoice(side_effects.iter().map(|s| s.to_string()).collect()),
    });
    let b = h.fhir();
    let fasting = observation(&b, fasting_text);
    assert_eq!(fasting["code"]["coding"][0]["system"], "http://loinc.org");
    assert_eq!(fasting["code"]["coding"][0]["code"], "49541-6");
    assert_eq!(fasting["valueBoolean"], true);
    let seen = observation(&b, side_text);
    let parts = seen["component"]
        .as_array()
        .expect("a component per choice");
    assert_eq!(parts.len(), 2, "{seen}");
    assert_eq!(
        parts[0]["code"]["coding"][0]["system"],
        "http://snomed.info/sct"
    );
    assert_eq!(parts[0]["code"]["coding"][0]["code"], "422587007");
    assert_eq!(parts[0]["code"]["text"], side_effects[0]);
    assert_eq!(parts[0]["valueBoolean"], true);
    // "Other": words only.
    assert!(parts[1]["code"]["coding"].is_null(), "{seen}");
    assert_eq!(parts[1]["code"]["text"], side_effects[1]);
}

#[test]
fn the_shipped_models_code_fasting_and_side_effects_in_every_language() {
    coded(
        "montreal.toml",
        &["Nausea", "Other"],
        "Fasting as the site's policy asks",
        "Side effects seen",
    );
    coded(
        "palliative.toml",
        &["Nausea", "Other"],
        "Fasting as the site's policy asks",
        "Side effects seen",
    );
    coded(
        "montreal.fr-CA.toml",
        &["Nausées", "Autre"],
        "À jeun selon la politique de l'établissement",
        "Effets indésirables observés",
    );
}

#[test]
fn a_code_for_no_such_choice_twice_or_on_a_text_prompt_is_refused_with_its_place() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
    )
    .unwrap();
    let bad = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        let changed = text.replacen(from, to, 1);
        match kap::protocol::load_str(Path::new("p.toml"), &changed) {
            Ok(_) => panic!("accepted: {to}"),
            Err(e) => e
                .iter()
                .map(|d| d.say(kap::i18n::Lang::En))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    };
    let e = bad("{ choice = 6, system", "{ choice = 9, system");
    assert!(e.contains("choice 9 does not exist"), "{e}");
    assert!(e.contains("p.toml:"), "{e}");
    let e = bad("{ choice = 6, system", "{ choice = 5, system");
    assert!(e.contains("choice 5 has a code already"), "{e}");
    let e = bad(
        "  id = \"intention\"\n  kind = \"text\"\n",
        "  id = \"intention\"\n  kind = \"text\"\n  choice_codes = [{ choice = 1, system = \"s\", code = \"c\", display = \"d\" }]\n",
    );
    assert!(e.contains("choice_codes belong to a choice"), "{e}");
}
