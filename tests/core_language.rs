//! The core speaks no language: outside its message catalogue (`i18n`),
//! nothing in `kap-core` or `kap-monitor` words anything in the process's
//! language (`t!`, `i18n::tr`, `i18n::say`, `i18n::current`). Rules,
//! refusals, timeline rows and errors are phrases the shell says in the
//! language it was handed. The simulation (`kap-rehearsal`) and the
//! terminal app (`src/tui`) are handed their language too, and read the
//! process's nowhere (the places left elsewhere are listed below). The scan blanks string literals and test code
//! (tests/layers/scan.rs), so a comment or a test that names the macro
//! does not count.

#[path = "layers/scan.rs"]
#[allow(dead_code)]
mod scan;

use std::path::Path;

/// Where the language in use may still be read: a folder or file, how
/// many times at most, and why.
const ALLOWED: &[(&str, usize, &str)] = &[
    (
        "crates/kap-core/src/i18n/",
        usize::MAX,
        "the catalogue and the shell's t! itself",
    ),
    (
        "crates/kap-core/src/input.rs",
        7,
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
fn what_is_handed_a_language_reads_no_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "crates/kap-core/src",
        "crates/kap-monitor/src",
        "crates/kap-rehearsal/src",
        "src/tui",
    ] {
        scan::walk(&root.join(dir), &mut files);
    }
    assert!(files.len() > 150, "the scan found the crates' sources");
    let mut bad = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&f).unwrap();
        let (code, _) = scan::blank_tests(scan::blank_literals(&bytes));
        let code = String::from_utf8_lossy(&code);
        let found = wording(&code);
        let allowed = ALLOWED
            .iter()
            .find(|(p, _, _)| rel.starts_with(p))
            .map_or(0, |(_, n, _)| *n);
        if found.len() > allowed {
            bad.extend(found.into_iter().map(|w| format!("{rel}:{w}")));
        }
    }
    assert!(
        bad.is_empty(),
        "words in the process's language where a language is handed:\n{}",
        bad.join("\n")
    );
}
