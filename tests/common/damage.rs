//! Damage to a line-oriented text file, for the fuzz tests: a deleted,
//! duplicated or inserted line, a number replaced by something odd, a cut.

use proptest::prelude::*;

/// One damage to a line-oriented TOML text.
#[derive(Debug, Clone)]
pub enum Damage {
    DeleteLine(usize),
    DuplicateLine(usize),
    ReplaceNumber(usize, String),
    InsertText(usize, String),
    Truncate(usize),
}

pub fn damage() -> impl Strategy<Value = Damage> {
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

pub fn apply(text: &str, damages: &[Damage]) -> String {
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
