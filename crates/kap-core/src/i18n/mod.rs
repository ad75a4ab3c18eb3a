//! kap's own words in English, Québec French and Brazilian Portuguese.
//!
//! Every message lives in a Fluent catalogue (`i18n/<lang>.ftl`, built into
//! the binary). There is no language in use for the whole process: the
//! core returns [`Phrase`]s (a message id and its arguments) and typed
//! values, and whatever shows words is handed a [`Lang`] and says them in
//! it ([`Phrase::say`], [`say!`](crate::say), [`text`]). The command line
//! settles the language ([`settle`], by [`choose`]'s order) and hands it
//! down. A message missing from a catalogue falls back to English (the
//! tests make sure none is). Bidi isolation marks are off: terminals show
//! them as junk.
//!
//! Numbers, dates and times for people go through [`num_in`], [`date_in`]
//! and [`date_short_in`]; journals, CSV and FHIR keep their locale-free
//! forms.

mod choose;
mod format;
mod io;
mod phrase;
pub mod words;

pub use choose::{Choice, Lang, Origin, choose, system_locale_vars};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use format::{date_in, date_short_in, num_in, time};
pub use io::{Refused, io_error, io_words, say_io};
pub use phrase::Phrase;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;

/// The catalogues' text, by language, as built into the binary.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../../../i18n/en.ftl")),
    (Lang::FrCa, include_str!("../../../../i18n/fr-CA.ftl")),
    (Lang::PtBr, include_str!("../../../../i18n/pt-BR.ftl")),
];

/// The language once a protocol (and the language it declares) is known:
/// `flag` (the command line's `--lang`) when given, else `KAP_LANG`, the
/// protocol's, the system's locale, English. Nothing is kept: whoever
/// settles hands the result to what words things.
pub fn settle(flag: Option<Lang>, protocol: Option<&str>) -> Choice {
    let env = std::env::var("KAP_LANG").ok();
    choose(
        flag.map(Lang::tag),
        env.as_deref(),
        protocol,
        &system_locale_vars(),
    )
}

/// For a data export (CSV, FHIR): `flag` (`--lang`) when given, else the
/// record's own language (`protocol`), never the environment of whoever
/// exports it, so one record gives the same file on every machine.
pub fn settle_record(flag: Option<Lang>, protocol: Option<&str>) -> Choice {
    choose(flag.map(Lang::tag), None, protocol, &[])
}

/// Each language's catalogue, parsed the first time a message is asked of
/// it: a session speaks one language (and English only for a message its
/// catalogue lacks), and each parsed catalogue holds about 1 MB of heap
/// (docs/performance.md, "Issue #33: memory").
fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static C: [OnceLock<FluentBundle<FluentResource>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SOURCES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    C[i].get_or_init(|| bundle(SOURCES[i].0, SOURCES[i].1))
}

fn bundle(lang: Lang, src: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    // A catalogue that does not parse keeps what did; the tests fail on
    // any error, so a shipped binary has none.
    let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = b.add_resource(res);
    b
}

/// Message `id` in `lang`, with `args`; English when `lang` lacks it, and
/// the id itself when English does too (never a panic).
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    lookup(lang, id, args)
        .or_else(|| lookup(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Message `id` in `lang` alone, if its catalogue has it: for a text that
/// may or may not exist (the command line's optional help texts), without
/// parsing the English catalogue to find it missing there too.
pub fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let b = catalogue(lang);
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// "label: value" in `lang`, with the space French puts before a colon.
pub fn labelled_in(lang: Lang, label: &str, value: &str) -> String {
    crate::say!(lang, "label-value", label = label, value = value)
}
