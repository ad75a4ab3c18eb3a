//! No language for the whole process (issue #28): the core returns
//! phrases and typed values, and whatever words them is handed a language
//! (`Lang`). There is nothing left to read a "language in use" from, and
//! the compiler keeps it so. What this test keeps is the way back: a
//! process-wide value (a `static`, a `thread_local!`) is where such a
//! setting would live again, so every one in the workspace's code is
//! listed here with why it is there, and a new one fails until it is
//! added with its reason. The scan blanks string literals and test code
//! (tests/layers/scan.rs), so a comment or a test does not count.

#[path = "layers/scan.rs"]
#[allow(dead_code)]
mod scan;

use std::path::Path;

/// Each process-wide value: its file, its name, and why it may be one.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/kap-core/src/i18n/mod.rs",
        "C",
        "each language's parsed catalogue, built once on first use; it holds words, not a choice of them",
    ),
    (
        "crates/kap-monitor/src/listen.rs",
        "ACKS",
        "the monitor link's acknowledgement counter: HL7 message control ids unique in the process",
    ),
    (
        "crates/kap-record/src/index.rs",
        "WRITES",
        "a counter that keeps the index's temporary file names unique in the process",
    ),
];

/// `static NAME` and `thread_local!` declarations in `code`: each as the
/// name declared and its line.
fn process_wide(code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in code.lines() {
        let t = line.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub(super) "))
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        if t.starts_with("thread_local!") {
            found.push(("thread_local!".to_string(), line.trim().to_string()));
        } else if let Some(rest) = t.strip_prefix("static ") {
            let rest = rest.strip_prefix("mut ").unwrap_or(rest);
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push((name, line.trim().to_string()));
        }
    }
    found
}

#[test]
fn no_process_wide_value_but_those_listed_with_their_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    scan::walk(&root.join("src"), &mut files);
    for c in std::fs::read_dir(root.join("crates")).unwrap() {
        scan::walk(&c.unwrap().path().join("src"), &mut files);
    }
    assert!(files.len() > 250, "the scan found the crates' sources");
    let mut seen = Vec::new();
    let mut unlisted = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&f).unwrap();
        let (code, _) = scan::blank_tests(scan::blank_literals(&bytes));
        for (name, line) in process_wide(&String::from_utf8_lossy(&code)) {
            if ALLOWED.iter().any(|(p, n, _)| *p == rel && *n == name) {
                seen.push((rel.clone(), name));
            } else {
                unlisted.push(format!("{rel}: {line}"));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "process-wide values not listed (a language for the whole process would live in one):\n{}",
        unlisted.join("\n")
    );
    for (p, n, _) in ALLOWED {
        assert!(
            seen.iter().any(|(sp, sn)| sp == p && sn == n),
            "{p}: `{n}` is listed but gone: take it off the list"
        );
    }
}

#[test]
fn the_scan_finds_a_process_wide_language() {
    let code = "static CURRENT: AtomicU8 = AtomicU8::new(0);\n\
                pub(crate) static mut LANG: u8 = 0;\n\
                thread_local! { static L: Cell<u8> = Cell::new(0); }\n\
                let s = \"static\";\n";
    let names: Vec<String> = process_wide(code).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["CURRENT", "LANG", "thread_local!"]);
}
