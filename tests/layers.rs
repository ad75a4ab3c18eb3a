//! The layers of `src/` (issue #28): each top-level module of the `kap`
//! crate may use only the modules in the layers below its own, so that no
//! two parts need each other and each layer could become a crate of its
//! own (as `crates/kap-core` and `crates/kap-monitor` did).
//!
//! The test reads every file under `src/` (not `lib.rs`, `main.rs` or
//! `bin/`, which stand above everything), leaves out comments, string and
//! character literals and `#[cfg(test)]` code (test modules, inline or in
//! their own file), and follows every path that starts at `crate::` or
//! climbs out of its top-level module with `super::` — in `use` lines,
//! `use` groups over several lines, and paths written inline. A use that
//! goes the wrong way fails the test with its file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom first. A module may use the modules of the layers below its
/// own, never one of its own layer or above.
const LAYERS: &[(&str, &[&str])] = &[
    // Where the site's files are, and the system's.
    ("site", &["site_paths"]),
    // Shipped files wherever kap was installed, found in that order.
    ("shipped files", &["share"]),
    // Sound: the players, the playlists, the gate. On the core alone.
    ("sound", &["audio"]),
    // The record: the journal, the store, its index, the exports and
    // the documents they are written in, the rehearsal's log.
    ("record", &["record"]),
    // What stands on the record: sending it to the clinic; the
    // rehearsal's patient, scenarios and the trainee's report.
    ("on the record", &["push", "rehearsal"]),
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
    /// Relative to the crate's root, e.g. `src/record/html/chart.rs`.
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
    let (found, test_mods) = paths_in("src/record/x.rs", &["record".into(), "x".into()], src);
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
        "src/record/x.rs",
        &["record".into()],
        "use super::tui::x;\n#[cfg(test)]\nmod tests;\n",
    );
    assert_eq!(found, vec![(1, "tui".to_string())]);
    assert_eq!(test_mods, vec!["tests".to_string()]);
}

/// Each module's layer, counted from 1; the crates `src/lib.rs`
/// re-exports (`kap_core`'s modules, `kap_monitor`) are below them all.
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
    walk(&src, &mut files);
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
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

/// The top-level module each path outside test code starts at, with its
/// line, and the names of the file modules declared `#[cfg(test)]`.
fn paths_in(file: &str, mp: &[String], text: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let code = blank_literals(text.as_bytes());
    let (code, test_mods) = blank_tests(code);
    let toks = tokens(&code);
    let mut out = Vec::new();
    // Inline modules open here: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "mod" if tok(&toks, i + 2) == "{" => {
                inline.push((tok(&toks, i + 1).to_string(), depth + 1));
            }
            "crate" | "super" if tok(&toks, i + 1) == "::" && !after_path(&toks, i) => {
                let mut here: Vec<String> = mp.to_vec();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let mut j = i;
                if t.text == "crate" {
                    here.clear();
                    j += 2;
                } else {
                    while tok(&toks, j) == "super" && tok(&toks, j + 1) == "::" {
                        here.pop();
                        j += 2;
                    }
                }
                if here.is_empty() {
                    for (line, name) in first_segments(&toks, j) {
                        if name == "*" {
                            panic!("{file}:{line}: a glob import of the crate's root");
                        }
                        out.push((line, name));
                    }
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (out, test_mods)
}

/// Whether the token at `i` continues a path (`x::crate` cannot happen;
/// `$crate` is a macro's).
fn after_path(toks: &[Tok], i: usize) -> bool {
    i > 0 && matches!(toks[i - 1].text.as_str(), "::" | "$")
}

fn tok(toks: &[Tok], i: usize) -> &str {
    toks.get(i).map_or("", |t| t.text.as_str())
}

/// The names a path tree starts with at `j`: `a::…` gives `a`,
/// `{a::…, b}` gives `a` and `b` (`self` names the root itself).
fn first_segments(toks: &[Tok], j: usize) -> Vec<(usize, String)> {
    let Some(t) = toks.get(j) else {
        return Vec::new();
    };
    if t.text != "{" {
        return vec![(t.line, t.text.clone())];
    }
    let mut out = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    for t in &toks[j..] {
        match t.text.as_str() {
            "{" => {
                depth += 1;
                if depth == 1 {
                    item_start = true;
                    continue;
                }
            }
            "}" => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            "," if depth == 1 => {
                item_start = true;
                continue;
            }
            _ => {}
        }
        if item_start && depth == 1 && t.text != "self" {
            out.push((t.line, t.text.clone()));
        }
        item_start = false;
    }
    out
}

struct Tok {
    text: String,
    line: usize,
}

fn tokens(code: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == b'\n' {
            line += 1;
            i += 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let s = i;
            while i < code.len()
                && (code[i].is_ascii_alphanumeric() || code[i] == b'_' || code[i] >= 0x80)
            {
                i += 1;
            }
            out.push(Tok {
                text: String::from_utf8_lossy(&code[s..i]).into_owned(),
                line,
            });
        } else if code[i..].starts_with(b"::") {
            out.push(Tok {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Tok {
                text: (c as char).to_string(),
                line,
            });
            i += 1;
        }
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Comments, strings and character literals become spaces (newlines
/// kept, so lines still count).
fn blank_literals(src: &[u8]) -> Vec<u8> {
    let mut out = src.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(src.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let prev_ident = i > 0 && is_ident(src[i - 1]);
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(src.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < src.len() {
                if src[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if src[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if !prev_ident && (rest.starts_with(b"r\"") || rest.starts_with(b"r#")) {
            let hashes = rest[1..].iter().take_while(|&&b| b == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = i + 2 + hashes;
            let end = src[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(src.len(), |p| body + p + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if src[i] == b'"' {
            let mut j = i + 1;
            while j < src.len() && src[j] != b'"' {
                j += if src[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if src[i] == b'\'' {
            // A character literal, or a lifetime (left as it is).
            let end = if rest.get(1) == Some(&b'\\') {
                src[i + 2..]
                    .iter()
                    .position(|&b| b == b'\'')
                    .map(|p| i + 2 + p + 1)
            } else {
                let width = rest.get(1).map_or(1, |&b| utf8_width(b));
                (rest.get(1 + width) == Some(&b'\'')).then_some(i + 2 + width)
            };
            match end {
                Some(e) => {
                    blank(&mut out, i, e);
                    i = e;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

fn utf8_width(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Each item under `#[cfg(test)]` becomes spaces; the names of test
/// modules in their own files are returned.
fn blank_tests(mut code: Vec<u8>) -> (Vec<u8>, Vec<String>) {
    let mut mods = Vec::new();
    let attr = b"#[cfg(test)]";
    let mut from = 0;
    while let Some(p) = code[from..].windows(attr.len()).position(|w| w == attr) {
        let start = from + p;
        let mut i = start + attr.len();
        // Other attributes after it, then the item: to its `;` or the end
        // of its first block.
        let mut depth = 0i32;
        let mut end = code.len();
        while i < code.len() {
            match code[i] {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                b'{' if depth == 0 => {
                    end = matching_brace(&code, i);
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let item = String::from_utf8_lossy(&code[start + attr.len()..end]).into_owned();
        let words: Vec<&str> = item
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ';'))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(k) = words.iter().position(|w| *w == "mod")
            && let Some(name) = words.get(k + 1)
            && let Some(name) = name.strip_suffix(';')
        {
            mods.push(name.to_string());
        }
        for b in &mut code[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        from = end;
    }
    (code, mods)
}

fn matching_brace(code: &[u8], open: usize) -> usize {
    let mut depth = 0;
    for (k, &b) in code.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
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
