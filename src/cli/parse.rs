//! Command-line values checked as clap reads them: the language, a
//! decimal number, a visit's kind, how it is held, a rehearsal's or a
//! replay's speed.
//!
//! clap runs these while it reads the arguments, before any command is
//! handed a language, so they speak none: a refusal is a phrase
//! ([`Refused`]), and [`exit`] says it in the language the arguments
//! chose, inside clap's own message.

use crate::i18n::{Lang, Refused};
use clap::Command;

type Parsed<T> = Result<T, Refused>;

/// `--lang`: en, fr-CA or pt-BR.
pub(super) fn lang(s: &str) -> Parsed<String> {
    Lang::from_tag(s)
        .map(|l| l.tag().to_string())
        .ok_or_else(|| Refused(crate::phrase!("cli-lang-unknown", lang = s)))
}

/// A number typed on the command line, with a decimal point or, as French
/// and Portuguese write it, a decimal comma (`--mg-per-kg 0,4`).
pub(super) fn decimal(s: &str) -> Parsed<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| not_a_number(s))
}

fn not_a_number(s: &str) -> Refused {
    Refused(crate::phrase!(
        "value-not-a-number",
        typed = crate::text::clean_line(s)
    ))
}

/// `--visit`: one of the protocol's visit kinds.
pub(super) fn visit(s: &str) -> Parsed<crate::protocol::VisitKind> {
    crate::protocol::VisitKind::parse(s).ok_or_else(|| {
        let kinds: Vec<&str> = crate::protocol::VisitKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        Refused(crate::phrase!(
            "cli-bad-visit",
            kind = s,
            kinds = kinds.join(", ")
        ))
    })
}

/// `--contact`: how a visit is held.
pub(super) fn contact(s: &str) -> Parsed<crate::protocol::Contact> {
    crate::protocol::Contact::parse(s)
        .ok_or_else(|| Refused(crate::phrase!("cli-bad-contact", contact = s)))
}

/// A rehearsal's `--speed`: 1 to 120 times real time.
pub(super) fn rehearsal_speed(s: &str) -> Parsed<f64> {
    speed_in(s, 1.0, 120.0)
}

/// A replay's `--speed`: 1 to 480 times real time.
pub(super) fn replay_speed(s: &str) -> Parsed<f64> {
    speed_in(
        s,
        crate::tui::replay::MIN_SPEED,
        crate::tui::replay::MAX_SPEED,
    )
}

/// A speed typed on the command line, from `lo` to `hi` times real time.
fn speed_in(s: &str, lo: f64, hi: f64) -> Parsed<f64> {
    let x: f64 = s.trim().parse().map_err(|_| not_a_number(s))?;
    if x.is_finite() && (lo..=hi).contains(&x) {
        Ok(x)
    } else {
        Err(Refused(crate::phrase!(
            "cli-speed-range",
            speed = x.to_string(),
            min = lo,
            max = hi
        )))
    }
}

/// clap's error for arguments it could not read, shown and the process
/// ended with clap's exit code. A value one of the parsers above refused
/// is said in `lang`, inside clap's message; anything else is clap's as
/// it is.
pub(super) fn exit(e: clap::Error, cmd: &mut Command, lang: Lang) -> ! {
    let e = e.format(cmd);
    match said(&e, lang) {
        Some(text) => {
            crate::errln!("{}", text.trim_end());
            std::process::exit(e.exit_code())
        }
        None => e.exit(),
    }
}

/// clap's message with the refusal inside it said in `lang`, when the
/// error is a refused value and `lang` is not the English clap's message
/// already holds.
fn said(e: &clap::Error, lang: Lang) -> Option<String> {
    let refused = std::error::Error::source(e)?.downcast_ref::<Refused>()?;
    if lang == Lang::En {
        return None;
    }
    let text = e.render().to_string();
    Some(text.replace(&refused.to_string(), &refused.0.say(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn refusal(args: &[&str], lang: Lang) -> String {
        let mut cmd = Command::new("kap").arg(
            Arg::new("speed")
                .long("speed")
                .value_parser(rehearsal_speed),
        );
        let e = cmd
            .try_get_matches_from_mut(args)
            .unwrap_err()
            .format(&mut cmd);
        said(&e, lang).unwrap_or_else(|| e.render().to_string())
    }

    #[test]
    fn a_refused_value_is_said_in_the_language_the_arguments_chose() {
        let en = refusal(&["kap", "--speed", "500"], Lang::En);
        let fr = refusal(&["kap", "--speed", "500"], Lang::FrCa);
        let pt = refusal(&["kap", "--speed", "500"], Lang::PtBr);
        let words = |l| crate::say!(l, "cli-speed-range", speed = "500", min = 1.0, max = 120.0);
        assert!(en.contains(&words(Lang::En)), "{en}");
        assert!(fr.contains(&words(Lang::FrCa)), "{fr}");
        assert!(pt.contains(&words(Lang::PtBr)), "{pt}");
        assert!(!fr.contains(&words(Lang::En)), "{fr}");
        // clap's own words around it stay.
        assert!(fr.contains("'--speed <speed>'"), "{fr}");
    }

    #[test]
    fn values_are_read_as_each_language_writes_them() {
        assert_eq!(decimal("0,4").unwrap(), 0.4);
        assert_eq!(decimal(" 1.5 ").unwrap(), 1.5);
        assert!(decimal("inf").is_err());
        assert_eq!(lang("fr-CA").unwrap(), "fr-CA");
        assert!(lang("de").is_err());
        assert_eq!(replay_speed("480").unwrap(), 480.0);
        assert!(rehearsal_speed("480").is_err());
    }
}
