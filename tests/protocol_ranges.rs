//! Every clinical number in a protocol file has a plausible range: each
//! number of each shipped protocol, replaced in turn by 0, 1e-9, 1e300
//! a negative value and an absurd whole number (100000), is refused with an error at its own line and
//! column (a type error for a whole-number field, a range error for a
//! decimal one). The ranges are documented in docs/protocol-format.md.

use kap::protocol;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A number written as a value in a TOML file: where it is, which key it
/// belongs to (`mg_per_kg.min` inside an inline table) and under which
/// table header.
#[derive(Debug)]
struct Number {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    key: String,
    table: String,
}

/// The numbers of a protocol file, found by a small scanner that knows
/// strings and comments (enough for the shipped files, which a test of
/// their loading keeps valid).
fn numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut table = String::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') && !trimmed.starts_with("[\"") {
            table = trimmed
                .trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace())
                .to_string();
        } else {
            scan_line(line, offset, n + 1, &table, &mut out);
        }
        offset += line.len();
    }
    out
}

fn scan_line(line: &str, offset: usize, line_no: usize, table: &str, out: &mut Vec<Number>) {
    let b = line.as_bytes();
    let mut keys: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    let mut in_array = 0;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            '#' => break,
            '"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            '{' => {
                keys.push(word.clone());
                word.clear();
            }
            '}' => {
                keys.pop();
            }
            '[' => in_array += 1,
            ']' => in_array -= 1,
            '=' => {}
            c if c.is_ascii_alphabetic() || c == '_' => {
                let s = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                word = line[s..i].to_string();
                continue;
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' => {
                let s = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b"._+-".contains(&b[i])) {
                    i += 1;
                }
                let mut key: Vec<String> = keys.iter().filter(|k| !k.is_empty()).cloned().collect();
                key.push(word.clone());
                out.push(Number {
                    start: offset + s,
                    end: offset + i,
                    line: line_no,
                    column: s + 1,
                    key: if in_array > 0 {
                        format!("{}[]", key.join("."))
                    } else {
                        key.join(".")
                    },
                    table: table.to_string(),
                });
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// Numbers that are not clinical figures, or where one of the absurd
/// values is a plausible choice, with why.
fn exempt(n: &Number, value: &str) -> bool {
    let in_prompt = n.table.contains("prompt") || n.table.contains("scale");
    match (n.key.as_str(), value) {
        // A rating scale's own numbers (0–10, PHQ-9's 0–3, a −3…+3
        // scale) and a number prompt's bounds are the form's, not a dose
        // or a timing: any whole number may be meant.
        (_, _) if in_prompt && !n.key.starts_with("due") => true,
        // A vitals prompt due when dosing starts.
        ("due.at_minute", "0") => true,
        // Two sessions on consecutive days: no minimum gap.
        ("min_days" | "target_days.min", "0") => true,
        // No preparation or integration session required, integration
        // the same day, a phase with no least time.
        ("sessions.min" | "within_hours.min", "0")
            if n.table.contains("preparation") || n.table.contains("integration") =>
        {
            true
        }
        ("target_minutes.min", "0") => true,
        // A risk screen's points per answer are the form's, like a rating
        // scale's: none, or any whole number, may be meant.
        ("points[]", _) if n.table.starts_with("risk") => true,
        _ => false,
    }
}

fn with(text: &str, n: &Number, value: &str) -> String {
    format!("{}{value}{}", &text[..n.start], &text[n.end..])
}

#[test]
fn the_scanner_finds_the_numbers_that_matter() {
    let text = std::fs::read_to_string(root().join("protocols/montreal.toml")).unwrap();
    let keys: Vec<String> = numbers(&text).into_iter().map(|n| n.key).collect();
    for k in [
        "concentration_mg_per_ml",
        "rounding_mg",
        "mg_per_kg.min",
        "mg_per_kg.max",
        "mg_per_kg.default",
        "infusion_minutes",
        "min_days",
        "interval_minutes.max",
        "reminder_minutes",
        "high.escalate_after_minutes",
        "above",
        "below",
        "systolic.max",
        "no_music_checkin_minutes",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k} not found in {keys:?}");
    }
}

#[test]
fn an_absurd_number_anywhere_in_a_protocol_is_refused_at_its_place() {
    let mut tried = 0;
    let mut accepted = Vec::new();
    for name in std::fs::read_dir(root().join("protocols")).unwrap() {
        let path = name.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            protocol::load_str(&path, &text).is_ok(),
            "{}",
            path.display()
        );
        for n in numbers(&text) {
            for value in ["0", "1e-9", "1e300", "-1", "-0.5", "100000"] {
                if exempt(&n, value) {
                    continue;
                }
                tried += 1;
                let changed = with(&text, &n, value);
                let place = format!(
                    "{}:{}:{} {} = {value} [{}]",
                    path.file_name().unwrap().to_string_lossy(),
                    n.line,
                    n.column,
                    n.key,
                    n.table
                );
                match protocol::load_str(Path::new("p.toml"), &changed) {
                    Ok(_) => accepted.push(place),
                    Err(diags) => {
                        let here = diags
                            .iter()
                            .any(|d| d.is_error() && d.line == n.line && d.column == n.column);
                        if !here {
                            let said: Vec<String> = diags
                                .iter()
                                .map(|d| d.short().say(kap::i18n::Lang::En))
                                .collect();
                            accepted.push(format!("{place}: refused elsewhere: {said:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(tried > 500, "only {tried} substitutions");
    assert!(
        accepted.is_empty(),
        "{} absurd numbers accepted:\n{}",
        accepted.len(),
        accepted.join("\n")
    );
}

/// The issue's own case: `protocol check` said ok for 1e-9 mg/mL and
/// `protocol dose` then showed 52,500,000,000 mL/h; 1e300 gave 0 mL/h.
#[test]
fn protocol_check_and_dose_refuse_an_absurd_concentration_at_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("protocols/montreal.toml")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("concentration_mg_per_ml = 1.0"))
        .unwrap()
        + 1;
    for value in ["1e-9", "1e300"] {
        let file = tmp.path().join(format!("c{value}.toml"));
        let bad = text.replacen(
            "concentration_mg_per_ml = 1.0",
            &format!("concentration_mg_per_ml = {value}"),
            1,
        );
        std::fs::write(&file, bad).unwrap();
        let at = format!("{}:{line}:27: error:", file.display());
        for args in [
            vec!["protocol", "check", file.to_str().unwrap()],
            vec![
                "protocol",
                "dose",
                file.to_str().unwrap(),
                "--session",
                "1",
                "--weight",
                "70",
            ],
        ] {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
                .args(&args)
                .env("KAP_LANG", "en")
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{args:?} accepted {value}");
            assert!(
                err.contains(&at) && err.contains("0.05 to 100 mg/mL"),
                "{err}"
            );
            assert!(!String::from_utf8_lossy(&o.stdout).contains("mL/h"));
        }
    }
}
