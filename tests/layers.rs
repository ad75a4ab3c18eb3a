//! The layers of `src/` (issue #28): each top-level module of the `kap`
//! crate may use only the modules in the layers below its own, so that no
//! two parts need each other and each layer could become a crate of its
//! own (as `crates/kap-core`, `crates/kap-monitor`, `crates/kap-record`
//! and `crates/kap-rehearsal` did).
//!
//! The test reads every file under `src/` (not `lib.rs`, `main.rs` or
//! `bin/`, which stand above everything), leaves out comments, string and
//! character literals and `#[cfg(test)]` code (test modules, inline or in
//! their own file), and follows every path that starts at `crate::` or
//! climbs out of its top-level module with `super::` — in `use` lines,
//! `use` groups over several lines, and paths written inline. A use that
//! goes the wrong way fails the test with its file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "layers/scan.rs"]
mod scan;
use scan::*;

/// Bottom first. A module may use the modules of the layers below its
/// own, never one of its own layer or above.
const LAYERS: &[(&str, &[&str])] = &[
    // Where the site's files are, and the system's.
    ("site", &["site_paths"]),
    // Shipped files wherever kap was installed, found in that order.
    ("shipped files", &["share"]),
    // Sound: the players, the playlists, the gate. On the core alone.
    ("sound", &["audio"]),
    // What stands on the record: sending it to the clinic.
    ("on the record", &["push"]),
    // The instructor's link to a rehearsal, and the checks before the
    // first patient.
    ("link and checks", &["instruct", "doctor"]),
    // The terminal app (the full screen, the screen-reader mode, the
    // instructor's console).
    ("terminal", &["tui"]),
    // The command line, which starts all of the above.
    ("command line", &["cli"]),
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Use {
    /// Relative to the crate's root, e.g. `src/tui/view/infusion.rs`.
    file: String,
    line: usize,
    from: String,
    to: String,
}

#[test]
fn src_keeps_its_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let uses = crossings(root);
    let rank = ranks(root);
    let mut wrong = Vec::new();
    let mut unplaced = BTreeSet::new();
    for u in &uses {
        match (rank.get(u.from.as_str()), rank.get(u.to.as_str())) {
            (Some(a), Some(b)) if b < a => {}
            (Some(_), Some(_)) => wrong.push(u),
            (a, b) => {
                if a.is_none() {
                    unplaced.insert(u.from.clone());
                }
                if b.is_none() {
                    unplaced.insert(u.to.clone());
                }
            }
        }
    }
    for m in top_modules(&root.join("src")) {
        if !rank.contains_key(m.as_str()) {
            unplaced.insert(m);
        }
    }
    let mut report = String::new();
    if !unplaced.is_empty() {
        report += &format!("modules of src/ in no layer of tests/layers.rs: {unplaced:?}\n");
    }
    for u in &wrong {
        report += &format!(
            "{}:{}: {} uses {}, which is not below it\n",
            u.file, u.line, u.from, u.to
        );
    }
    for cycle in cycles(&uses) {
        report += &format!("cycle: {}\n", cycle.join(" ↔ "));
    }
    assert!(report.is_empty(), "src/ breaks its layers:\n{report}");
}

#[test]
fn every_layer_names_modules_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let there = top_modules(&root);
    for (layer, modules) in LAYERS {
        for m in *modules {
            assert!(there.contains(*m), "layer {layer:?} names {m}, not in src/");
        }
    }
}

/// The scanner itself: each way of writing a path is seen, and what is
/// not code (comments, strings, test code) is not.
#[test]
fn the_scanner_sees_every_way_of_writing_a_path() {
    let src = r#"
use crate::{
    audio::Player,
    push::{a, b},
};
use super::tui::x;
// use crate::cli::not_code;
const S: &str = "crate::cli::in_a_string";
const R: &str = r"crate::cli::raw";
const C: char = '{';
fn f<'a>(x: &'a str) { let _ = crate::doctor::run(x); }
mod inner {
    fn g() { super::super::super::instruct::h(); super::own(); }
}
#[cfg(test)]
mod tests {
    use crate::cli::tested;
}
#[cfg(test)]
use crate::cli::also_tested;
fn after() { crate::share::resolve(); }
"#;
    let (found, test_mods) = paths_in("src/cli/x.rs", &["cli".into(), "x".into()], src);
    let got: Vec<(usize, &str)> = found.iter().map(|(l, m)| (*l, m.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (3, "audio"),
            (4, "push"),
            (11, "doctor"),
            (13, "instruct"),
            (21, "share"),
        ]
    );
    assert!(test_mods.is_empty());
    let (found, test_mods) = paths_in(
        "src/cli/x.rs",
        &["cli".into()],
        "use super::tui::x;\n#[cfg(test)]\nmod tests;\n",
    );
    assert_eq!(found, vec![(1, "tui".to_string())]);
    assert_eq!(test_mods, vec!["tests".to_string()]);
}

/// Each module's layer, counted from 1; the crates `src/lib.rs`
/// re-exports (`kap_core`'s modules, `kap_monitor`, `kap_record`,
/// `kap_rehearsal`) are below them all.
fn ranks(root: &Path) -> BTreeMap<String, usize> {
    let mut rank: BTreeMap<String, usize> = reexports(&root.join("src/lib.rs"))
        .into_iter()
        .map(|m| (m, 0))
        .collect();
    for (i, (_, modules)) in LAYERS.iter().enumerate() {
        for m in *modules {
            assert!(
                rank.insert(m.to_string(), i + 1).is_none(),
                "{m} is in two layers, or also re-exported from a crate"
            );
        }
    }
    rank
}

/// The names `src/lib.rs` re-exports from other crates: `pub use
/// kap_core::{a, b}` gives `a` and `b`, `pub use kap_monitor as monitor`
/// gives `monitor`.
fn reexports(lib: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(lib).unwrap();
    let toks = tokens(&blank_literals(text.as_bytes()));
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.text != "use" || tok(&toks, i.wrapping_sub(1)) != "pub" {
            continue;
        }
        let end = (i..toks.len())
            .find(|&k| toks[k].text == ";")
            .unwrap_or(toks.len());
        let item = &toks[i + 1..end];
        if let Some(k) = item.iter().position(|t| t.text == "as") {
            out.push(tok(item, k + 1).to_string());
        } else if let Some(k) = item.iter().position(|t| t.text == "{") {
            out.extend(first_segments(item, k).into_iter().map(|(_, n)| n));
        } else if let Some(last) = item.last() {
            out.push(last.text.clone());
        }
    }
    out
}

fn top_modules(src: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() && p.join("mod.rs").exists() {
            out.insert(name);
        } else if let Some(stem) = name.strip_suffix(".rs")
            && !matches!(stem, "lib" | "main")
        {
            out.insert(stem.to_string());
        }
    }
    out
}

/// Every use that crosses from one top-level module of `src/` to
/// another, outside test code.
fn crossings(root: &Path) -> Vec<Use> {
    let src = root.join("src");
    let mut files = Vec::new();
    scan::walk(&src, &mut files);
    let mut test_only: Vec<Vec<String>> = Vec::new();
    let mut found = Vec::new();
    files.sort();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        if matches!(&*first, "lib.rs" | "main.rs" | "bin") {
            continue;
        }
        let mp = module_path(rel);
        let text = std::fs::read_to_string(f).unwrap();
        let shown = format!("src/{}", rel.display());
        let (paths, tests) = paths_in(&shown, &mp, &text);
        for t in tests {
            let mut m = mp.clone();
            m.push(t);
            test_only.push(m);
        }
        found.push((mp, shown, paths));
    }
    let mut uses = Vec::new();
    for (mp, file, paths) in found {
        if test_only.iter().any(|t| mp.starts_with(t)) {
            continue;
        }
        for (line, to) in paths {
            if to != mp[0] {
                uses.push(Use {
                    file: file.clone(),
                    line,
                    from: mp[0].clone(),
                    to,
                });
            }
        }
    }
    uses.sort();
    uses.dedup();
    uses
}

/// `record/html/trainee.rs` is `record::html::trainee`; `record/mod.rs`
/// is `record`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The cycles among the uses found: each strongly connected set of more
/// than one module.
fn cycles(uses: &[Use]) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for u in uses {
        graph.entry(&u.from).or_default().insert(&u.to);
        graph.entry(&u.to).or_default();
    }
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(m) = todo.pop() {
            for &n in &graph[m] {
                if seen.insert(n) {
                    todo.push(n);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> = graph.keys().map(|&m| (m, reach(m))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut placed = BTreeSet::new();
    for &m in graph.keys() {
        if placed.contains(m) || !reached[m].contains(m) {
            continue;
        }
        let set: Vec<String> = graph
            .keys()
            .filter(|&&n| reached[m].contains(n) && reached[n].contains(m))
            .map(|n| n.to_string())
            .collect();
        placed.extend(set.iter().cloned());
        out.push(set);
    }
    out
}
