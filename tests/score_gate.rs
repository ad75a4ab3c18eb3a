//! A phase held by a rating scale's score: a recovery score at discharge
//! must reach the protocol's `min_score` before the session closes
//! (#29 item 5). The gate is checked when the protocol is read (it names
//! a scored scale of this phase or an earlier one, and a score the scale
//! can give), and in the core on the simulated clock.

mod common;

use common::session::H;
use kap::i18n::Phrase;
use kap::protocol::values::Value;
use kap::session::Event;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The Montreal protocol with a five-item recovery score (0–2 each,
/// summed) in its discharge phase, and `gate` added there.
fn montreal_with(gate: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
    )
    .unwrap();
    let prompt = r#"
  [[phase.prompt]]
  id = "recovery"
  kind = "scale"
  text = "Recovery score"
  scale = { min = 0, max = 2, items = [{ id = "a", text = "A" }, { id = "b", text = "B" }, { id = "c", text = "C" }, { id = "d", text = "D" }, { id = "e", text = "E" }], scoring = { method = "sum" } }
  required = false

"#;
    // The prompt before the phase's own gate, this gate after it.
    let at = text.rfind("  [[phase.gate]]\n  when = \"exit\"").unwrap();
    let end = at + text[at..].find("reason = ").unwrap();
    let end = end + text[end..].find('\n').unwrap() + 1;
    format!(
        "{}{prompt}{}\n{gate}{}",
        &text[..at],
        &text[at..end],
        &text[end..]
    )
}

const GATE: &str = r#"  [[phase.gate]]
  when = "exit"
  score = "recovery"
  min_score = 9
  reason = "Recovery score of 9 or more before leaving"
"#;

fn load(text: &str) -> Result<kap::protocol::Protocol, String> {
    kap::protocol::load_str(Path::new("p.toml"), text)
        .map(|l| l.protocol)
        .map_err(|e| {
            e.iter()
                .map(|d| d.say(kap::i18n::Lang::En))
                .collect::<Vec<_>>()
                .join("\n")
        })
}

fn rated(h: &mut H, each: [i64; 5]) {
    let items: BTreeMap<String, i64> = ["a", "b", "c", "d", "e"]
        .iter()
        .zip(each)
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    h.ok(Event::Recorded {
        prompt: "recovery".into(),
        value: Value::Items(items),
    });
}

#[test]
fn discharge_waits_for_a_recovery_score_that_reaches_the_protocols_minimum() {
    let p = Arc::new(load(&montreal_with(GATE)).unwrap());
    let mut h = H::on(p, 3);
    common::session::into_infusion(&mut h);
    h.ok(Event::DosingStopped {
        reason: "test".into(),
    });
    while h.s.phase + 1 < h.s.protocol().phases.len() {
        h.ok(Event::Advanced {
            reason: Some("test".into()),
        });
    }
    // The gate's hold, by what it means: its message and the prompt named.
    let held = |h: &H| {
        h.s.holds(&h.now())
            .into_iter()
            .find(|p| p.arg("prompt") == Some(&"Recovery score".into()))
    };
    assert_eq!(held(&h).and_then(|p| p.id()), Some("gate-score-none"));
    rated(&mut h, [2, 2, 2, 1, 1]);
    let below = held(&h).expect("held below the minimum");
    assert_eq!(below.id(), Some("gate-score-below"));
    assert_eq!(below.arg("score"), Some(&Phrase::Num(8.0)));
    assert_eq!(below.arg("min"), Some(&Phrase::Num(9.0)));
    rated(&mut h, [2, 2, 2, 2, 1]);
    assert_eq!(held(&h), None);
}

#[test]
fn a_score_gate_is_checked_where_it_is_written() {
    assert!(load(&montreal_with(GATE)).is_ok());
    for (gate, says) in [
        (
            GATE.replace("min_score = 9", "min_score = 11"),
            "min_score must be a score the scale can give: 0–10",
        ),
        (
            GATE.replace("  min_score = 9\n", ""),
            "a score gate needs min_score",
        ),
        (
            GATE.replace("score = \"recovery\"", "score = \"ready-at\""),
            "is not a scored rating scale",
        ),
        (
            GATE.replace("score = \"recovery\"", "vitals = \"discharge\""),
            "min_score is for a score gate",
        ),
    ] {
        let err = load(&montreal_with(&gate)).expect_err(&gate);
        assert!(err.contains(says), "{err}");
        // Where: file, line and column.
        assert!(err.contains("p.toml:"), "{err}");
    }
}
