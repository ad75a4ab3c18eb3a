//! Command-line values checked as clap reads them: a visit's kind, how
//! it is held, a rehearsal's speed.

use super::speed_in;

pub(super) fn parse_visit(s: &str) -> Result<crate::protocol::VisitKind, String> {
    // clap runs this while it reads the arguments, before any command is
    // handed a language: the one the arguments or the locale chose.
    let lang = crate::i18n::current();
    crate::protocol::VisitKind::parse(s).ok_or_else(|| {
        let kinds: Vec<&str> = crate::protocol::VisitKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        crate::say!(lang, "cli-bad-visit", kind = s, kinds = kinds.join(", "))
    })
}

pub(super) fn parse_contact(s: &str) -> Result<crate::protocol::Contact, String> {
    // clap runs this while it reads the arguments, before any command is
    // handed a language: the one the arguments or the locale chose.
    let lang = crate::i18n::current();
    crate::protocol::Contact::parse(s)
        .ok_or_else(|| crate::say!(lang, "cli-bad-contact", contact = s))
}

pub(super) fn parse_speed(s: &str) -> Result<f64, String> {
    // clap runs this while it reads the arguments, before any command is
    // handed a language: the one the arguments or the locale chose.
    let lang = crate::i18n::current();
    speed_in(s, 1.0, 120.0, lang)
}
