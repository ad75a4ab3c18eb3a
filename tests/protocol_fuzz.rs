//! No input makes the protocol loader panic: arbitrary bytes, arbitrary
//! text, and damaged copies of the shipped protocols.

use kap::protocol;
use proptest::prelude::*;
use std::path::Path;

fn shipped() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    v.sort();
    v
}

/// One damage to a line-oriented TOML text.
#[derive(Debug, Clone)]
enum Damage {
    DeleteLine(usize),
    DuplicateLine(usize),
    ReplaceNumber(usize, String),
    InsertText(usize, String),
    Truncate(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::DeleteLine),
        any::<usize>().prop_map(Damage::DuplicateLine),
        (
            any::<usize>(),
            prop_oneof![
                Just("0".to_string()),
                Just("-1".to_string()),
                Just("1e308".to_string()),
                Just("nan".to_string()),
                Just("inf".to_string()),
                Just("99999999999".to_string()),
                Just("\"x\"".to_string()),
                Just("[]".to_string()),
                Just("{}".to_string()),
                (-1000i64..1000).prop_map(|n| n.to_string()),
            ]
        )
            .prop_map(|(i, s)| Damage::ReplaceNumber(i, s)),
        (any::<usize>(), "\\PC{0,20}").prop_map(|(i, s)| Damage::InsertText(i, s)),
        any::<usize>().prop_map(Damage::Truncate),
    ]
}

fn apply(text: &str, damages: &[Damage]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for d in damages {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match d {
            Damage::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Damage::DuplicateLine(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Damage::ReplaceNumber(i, s) => {
                let l = &mut lines[i % n];
                if let Some(pos) = l.find(|c: char| c.is_ascii_digit()) {
                    let end = l[pos..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .map_or(l.len(), |e| pos + e);
                    l.replace_range(pos..end, s);
                }
            }
            Damage::InsertText(i, s) => lines.insert(i % n, s.clone()),
            Damage::Truncate(i) => lines.truncate(i % n),
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = protocol::load_bytes(Path::new("fuzz.toml"), &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = protocol::load_str(Path::new("fuzz.toml"), &text);
    }

    #[test]
    fn damaged_protocols_never_panic_and_errors_have_positions(
        which in 0usize..16,
        damages in proptest::collection::vec(damage(), 1..6),
    ) {
        let files = shipped();
        let text = apply(&files[which % files.len()], &damages);
        match protocol::load_str(Path::new("fuzz.toml"), &text) {
            Ok(_) => {}
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                let lines = text.lines().count().max(1);
                for d in diags {
                    prop_assert!(d.line >= 1 && d.line <= lines + 1, "{d}");
                    prop_assert!(d.column >= 1, "{d}");
                }
            }
        }
    }
}
