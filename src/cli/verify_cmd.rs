//! `kap verify [PATH…]`: check every record in the data folder (or the
//! folders named) and say what is wrong, one line per problem, then a
//! summary. Exit 0 when every record is whole, 1 when a problem was
//! found (a path named that is not there included), 2 when the data
//! folder cannot be found. `--json` for a script.

use crate::record::Store;
use crate::record::audit::{self, Found, Report};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf], json: bool, lang: crate::i18n::Lang) -> ExitCode {
    let mut report = Report::default();
    let mut cache = audit::ProtocolCache::new();
    if paths.is_empty() {
        match Store::from_env() {
            Ok(s) if s.root().is_dir() => audit::check_path(s.root(), &mut report, &mut cache),
            Ok(s) => {
                crate::errln!(
                    "{}",
                    crate::say!(
                        lang,
                        "verify-cmd-line",
                        path = crate::text::clean_line(&s.root().display().to_string()),
                        what = crate::say!(lang, "verify-cmd-no-path")
                    )
                );
                return ExitCode::from(2);
            }
            Err(e) => {
                crate::errln!("{}", e.say(lang));
                return ExitCode::from(2);
            }
        }
    }
    for p in paths {
        audit::check_path(p, &mut report, &mut cache);
    }
    if json {
        crate::outp!("{}", render_json(&report, lang));
    } else {
        crate::outp!("{}", render_text(&report, lang));
    }
    if report.found.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn line(f: &Found, lang: crate::i18n::Lang) -> String {
    let path = crate::text::clean_line(&f.path.display().to_string());
    match f.line {
        Some(l) => crate::say!(
            lang,
            "verify-cmd-line-at",
            path = path,
            line = l.to_string(),
            what = f.issue.describe()
        ),
        None => crate::say!(
            lang,
            "verify-cmd-line",
            path = path,
            what = f.issue.describe()
        ),
    }
}

/// One line per problem, then the summary.
pub fn render_text(r: &Report, lang: crate::i18n::Lang) -> String {
    let mut o = String::new();
    for f in &r.found {
        o.push_str(&line(f, lang));
        o.push('\n');
    }
    o.push_str(&if r.found.is_empty() {
        crate::say!(lang, "verify-cmd-clean", records = r.records)
    } else {
        crate::say!(
            lang,
            "verify-cmd-summary",
            records = r.records,
            problems = r.found.len(),
            bad = r.bad_records()
        )
    });
    o.push('\n');
    o
}

/// `{"records": N, "whole": bool, "problems": [{path, line, code, message}]}`.
pub fn render_json(r: &Report, lang: crate::i18n::Lang) -> String {
    let problems: Vec<serde_json::Value> = r
        .found
        .iter()
        .map(|f| {
            serde_json::json!({
                "path": f.path.display().to_string(),
                "line": f.line,
                "code": f.issue.code(),
                "message": f.issue.describe().say(lang),
            })
        })
        .collect();
    let v = serde_json::json!({
        "records": r.records,
        "records_with_problems": r.bad_records(),
        "whole": r.found.is_empty(),
        "problems": problems,
    });
    serde_json::to_string_pretty(&v)
        .map_or_else(|_| "{}\n".into(), |t| crate::text::json_safe(t) + "\n")
}
