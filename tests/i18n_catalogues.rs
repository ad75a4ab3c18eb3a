//! The message catalogues: each parses, every id is in every language with
//! the same variables, every id the code asks for exists, and every id in
//! the catalogues is used somewhere. Messages come out without bidi
//! isolation marks.

use fluent_syntax::ast;
use kap::i18n::{self, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Ids whose users build them from a number or a name (`weekday-3`,
/// `month-12`): each family's members are checked by the formatting tests.
const BUILT_IDS: &[&str] = &[
    "weekday-",
    "month-",
    "reader-word-",
    "event-kind-",
    "cli-help-",
];

fn variables_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            variables_in_expression(expression, out);
        }
    }
}

fn variables_in_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for v in variants {
                variables_in_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => variables_in_inline(i, out),
    }
}

fn variables_in_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_in_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_in_inline(a, out);
            }
        }
        _ => {}
    }
}

/// Each message id with its variables.
fn messages(lang: Lang, src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}: {errors:?}", lang.tag()),
    };
    let mut out = BTreeMap::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                variables_in_pattern(v, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{}: {} twice",
                lang.tag(),
                m.id.name
            );
        }
    }
    out
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let en = messages(Lang::En, i18n::SOURCES[0].1);
    assert!(!en.is_empty());
    for (lang, src) in &i18n::SOURCES[1..] {
        let other = messages(*lang, src);
        let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        assert!(
            extra.is_empty(),
            "{} has ids English lacks: {extra:?}",
            lang.tag()
        );
        for (id, vars) in &en {
            assert_eq!(
                &other[id],
                vars,
                "{}: {id} takes other variables than English",
                lang.tag()
            );
        }
    }
}

fn rust_sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
            out.push('\n');
        }
    }
}

#[test]
fn every_id_asked_for_exists_and_every_id_is_used() {
    let mut code = String::new();
    // Every crate of the workspace: kap's own sources and each of
    // `crates/*/src`.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    rust_sources(&root.join("src"), &mut code);
    for c in std::fs::read_dir(root.join("crates")).unwrap() {
        rust_sources(&c.unwrap().path().join("src"), &mut code);
    }
    let en = messages(Lang::En, i18n::SOURCES[0].1);
    // Asked for: phrase!("id" …), say!(lang, "id" …), Phrase::msg("id"),
    // text(lang, "id", …).
    let mut asked = BTreeSet::new();
    for marker in ["phrase!(", "say!(", "Phrase::msg(", "text(lang, "] {
        for (i, _) in code.match_indices(marker) {
            // `essay!(` ends in `say!(` too: only a whole word counts.
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // Not in a comment (the docs show `phrase!("id", …)`).
            let line_start = code[..i].rfind('\n').map_or(0, |n| n + 1);
            if code[line_start..i].trim_start().starts_with("//") {
                continue;
            }
            let mut rest = &code[i + marker.len()..];
            // say!'s first argument is the language.
            if marker == "say!(" {
                match rest.find(',') {
                    Some(comma) => rest = &rest[comma + 1..],
                    None => continue,
                }
            }
            let Some(quoted) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = quoted.find('"') {
                asked.insert(quoted[..end].to_string());
            }
        }
    }
    assert!(asked.len() > 1000, "the scan found {} ids", asked.len());
    // Asked for on purpose: the fallback for an id no catalogue holds.
    asked.remove("no-such-id");
    let unknown: Vec<&String> = asked.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in en.ftl: {unknown:?}"
    );
    // Used: as a quoted literal anywhere in the code (tables of ids count),
    // or a member of a family the code builds.
    let unused: Vec<&String> = en
        .keys()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .filter(|id| !BUILT_IDS.iter().any(|p| id.starts_with(p)))
        .collect();
    assert!(unused.is_empty(), "in en.ftl but never used: {unused:?}");
}

#[test]
fn no_bidi_isolation_marks_reach_the_terminal() {
    for (lang, _) in i18n::SOURCES {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let s = i18n::date_short_in(lang, d);
        assert!(!s.contains(['\u{2068}', '\u{2069}']), "{s:?}");
    }
}
