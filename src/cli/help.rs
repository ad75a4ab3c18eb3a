//! `--help` in the language the arguments choose.
//!
//! clap's derive gives the English text (the doc comments in `mod.rs`).
//! Before parsing, [`localize`] walks every subcommand and argument and
//! replaces its text with the catalogue's: `cli-help-<path>` for a
//! command's about (`kap`, `kap-protocol-check`), `-long` for its long
//! about, `-after` for what follows; `cli-help-<path>--<arg>` for an
//! argument (and `-long`). `en.ftl` holds the English text word for word.
//! `--lang` is read from the raw arguments the way [`crate::i18n::choose`]
//! would, since the parsed value is not known yet.

use crate::i18n::{self, Lang};
use clap::{Arg, Command};
use std::ffi::OsString;

/// The language for `--help` and parse errors: `--lang` among `args`,
/// else `KAP_LANG`, else the system locale (a protocol's language cannot
/// be known before parsing).
pub fn lang_from_args(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(a) = a.to_str() else { continue };
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = it.next().and_then(|v| v.to_str()).map(str::to_string);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    let env = std::env::var("KAP_LANG").ok();
    i18n::choose(
        flag.as_deref(),
        env.as_deref(),
        None,
        &i18n::system_locale_vars(),
    )
    .lang
}

/// Message `id` in `lang`, if its catalogue has it (every catalogue has
/// every English id: tests/i18n_catalogues.rs), so that a start in French
/// or Portuguese does not parse the English catalogue too.
fn say(lang: Lang, id: &str) -> Option<String> {
    i18n::lookup(lang, id, None)
}

/// The command with every help text from the catalogue of `lang`.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    // Built: the help and version flags and the `help` subcommand exist,
    // and global arguments are copied into every subcommand.
    cmd.build();
    walk(cmd, "kap", lang)
}

fn walk(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(s) = say(lang, &format!("cli-help-{path}")) {
        cmd = cmd.about(s);
    }
    if let Some(s) = say(lang, &format!("cli-help-{path}-long")) {
        cmd = cmd.long_about(s);
    }
    if let Some(s) = say(lang, &format!("cli-help-{path}-after")) {
        cmd = cmd.after_long_help(s);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |a| arg(a, path, lang));
    }
    if lang != Lang::En {
        if let Some(s) = say(lang, "cli-help-heading-commands") {
            cmd = cmd.subcommand_help_heading(s);
        }
        // clap writes "Usage:" itself; the template names it instead.
        if let Some(usage) = say(lang, "cli-help-usage") {
            cmd = cmd.help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
            ));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if name == "help" {
            "help".to_string()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| walk(s, &sub_path, lang));
    }
    cmd
}

fn arg(mut a: Arg, path: &str, lang: Lang) -> Arg {
    if a.is_hide_set() {
        return a;
    }
    let name = a.get_id().as_str().replace('_', "-");
    // clap's own flags: kap's words only where English is not wanted
    // (English keeps clap's text as it is).
    if name == "help" || name == "version" {
        if lang == Lang::En {
            return a;
        }
        let long = a.get_long_help().is_some();
        let id = match (name.as_str(), long) {
            ("help", true) => "cli-help-flag-help-short",
            ("help", false) => "cli-help-flag-help",
            _ => "cli-help-flag-version",
        };
        if let Some(s) = say(lang, id) {
            a = a.help(s);
        }
        if long && let Some(s) = say(lang, "cli-help-flag-help-long") {
            a = a.long_help(s);
        }
    } else {
        // A global argument (--lang) is described once, at the top.
        let owner = if a.is_global_set() { "kap" } else { path };
        if let Some(s) = say(lang, &format!("cli-help-{owner}--{name}")) {
            a = a.help(s);
        }
        if let Some(s) = say(lang, &format!("cli-help-{owner}--{name}-long")) {
            a = a.long_help(s);
        }
    }
    if lang != Lang::En {
        let heading = if a.is_positional() {
            "cli-help-heading-arguments"
        } else {
            "cli-help-heading-options"
        };
        if let Some(s) = say(lang, heading) {
            a = a.help_heading(s);
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn dump(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let s = |x: Option<&clap::builder::StyledStr>| x.map(|x| x.to_string());
        if let Some(t) = s(cmd.get_about()) {
            out.push((format!("cli-help-{path}"), t));
        }
        if let Some(t) = s(cmd.get_long_about()) {
            out.push((format!("cli-help-{path}-long"), t));
        }
        if let Some(t) = s(cmd.get_after_long_help()) {
            out.push((format!("cli-help-{path}-after"), t));
        }
        for a in cmd.get_arguments() {
            let name = a.get_id().as_str().replace('_', "-");
            if a.is_hide_set() || name == "help" || name == "version" {
                continue;
            }
            if a.is_global_set() && path != "kap" {
                continue;
            }
            if let Some(t) = s(a.get_help()) {
                out.push((format!("cli-help-{path}--{name}"), t));
            }
            if let Some(t) = s(a.get_long_help()) {
                out.push((format!("cli-help-{path}--{name}-long"), t));
            }
        }
        for sub in cmd.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            dump(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    fn texts(cmd: Command) -> Vec<(String, String)> {
        let mut c = cmd;
        c.build();
        let mut out = Vec::new();
        dump(&c, "kap", &mut out);
        out
    }

    #[test]
    fn english_help_is_the_derive_text_word_for_word() {
        let derived = texts(crate::cli::Cli::command());
        assert!(derived.len() > 50, "{}", derived.len());
        for (id, text) in &derived {
            assert_eq!(
                say(Lang::En, id).as_deref(),
                Some(text.as_str()),
                "en.ftl's {id} is not the doc comment's text"
            );
        }
        let localized = texts(localize(crate::cli::Cli::command(), Lang::En));
        assert_eq!(localized, derived);
    }

    #[test]
    fn every_help_text_is_in_french_and_portuguese() {
        for lang in [Lang::FrCa, Lang::PtBr] {
            let shown = texts(localize(crate::cli::Cli::command(), lang));
            let english = texts(crate::cli::Cli::command());
            assert_eq!(shown.len(), english.len());
            for ((id, t), (_, e)) in shown.iter().zip(&english) {
                assert_ne!(t, e, "{}: {id} is still English", lang.tag());
            }
        }
    }

    #[test]
    fn the_language_is_read_from_the_raw_arguments() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["kap", "--lang", "pt-BR", "--help"])),
            Lang::PtBr
        );
        assert_eq!(
            lang_from_args(&args(&["kap", "run", "--lang=fr_CA", "-h"])),
            Lang::FrCa
        );
        // After `--` nothing is an option.
        let after = lang_from_args(&args(&["kap", "resume", "--", "--lang", "fr-CA"]));
        assert_eq!(after, lang_from_args(&args(&["kap"])));
    }
}
