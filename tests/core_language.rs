//! The core speaks no language: outside its message catalogue (`i18n`),
//! nothing in `kap-core` or `kap-monitor` words anything in the process's
//! language (`t!`, `i18n::tr`, `i18n::say`, `i18n::current`). Rules,
//! refusals, timeline rows and errors are phrases the shell says in the
//! language it was handed. The scan blanks string literals and test code
//! (tests/layers/scan.rs), so a comment or a test that names the macro
//! does not count.

#[path = "layers/scan.rs"]
#[allow(dead_code)]
mod scan;

use std::path::Path;

/// Where the language in use may still be read, and why.
const ALLOWED: &[(&str, &str)] = &[
    (
        "crates/kap-core/src/i18n/",
        "the catalogue and the shell's t! itself",
    ),
    (
        "crates/kap-core/src/input.rs",
        "bounded file reads answer with io::Error text; to become typed errors the shell words",
    ),
];

const WORDING: &[&str] = &["t!(", "i18n::tr(", "i18n::say(", "i18n::current("];

/// The places `code` words something in the language in use.
fn wording(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for w in WORDING {
            let mut from = 0;
            while let Some(i) = line[from..].find(w) {
                let at = from + i;
                let before = line[..at].chars().next_back();
                // `t!(` only as the macro, not the end of `format!(`.
                let is_macro =
                    !(*w == "t!(" && before.is_some_and(|c| c.is_alphanumeric() || c == '_'));
                if is_macro {
                    found.push(format!("{}: {}", n + 1, line.trim()));
                }
                from = at + w.len();
            }
        }
    }
    found
}

#[test]
fn the_core_and_the_monitor_word_nothing_in_the_language_in_use() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    scan::walk(&root.join("crates/kap-core/src"), &mut files);
    scan::walk(&root.join("crates/kap-monitor/src"), &mut files);
    assert!(files.len() > 50, "the scan found the crates' sources");
    let mut bad = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        if ALLOWED.iter().any(|(p, _)| rel.starts_with(p)) {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        let (code, _) = scan::blank_tests(scan::blank_literals(&bytes));
        let code = String::from_utf8_lossy(&code);
        bad.extend(wording(&code).into_iter().map(|w| format!("{rel}:{w}")));
    }
    assert!(
        bad.is_empty(),
        "the core words in the language in use:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_sees_a_wording_and_not_a_format() {
    assert_eq!(wording("let x = crate::t!(\"id\");").len(), 1);
    assert_eq!(wording("let x = t!(\"id\");").len(), 1);
    assert_eq!(wording("let x = format!(\"{y}\");").len(), 0);
    assert_eq!(wording("crate::i18n::say(&p)").len(), 1);
    assert_eq!(wording("let l = crate::i18n::current();").len(), 1);
    assert!(wording("p.say(lang)").is_empty());
}
