//! kap's own words in English, Québec French and Brazilian Portuguese.
//!
//! Every message lives in a Fluent catalogue (`i18n/<lang>.ftl`, built into
//! the binary) and is fetched by id with [`t!`](crate::t). The language is
//! chosen once at start ([`choose`]) and set with [`set`]; a message missing
//! from a catalogue falls back to English (the tests make sure none is).
//! Bidi isolation marks are off: terminals show them as junk.
//!
//! Numbers, dates and times for people go through [`num`], [`date`] and
//! [`date_short`]; journals, CSV and FHIR keep their locale-free forms.

mod choose;
mod format;
mod io;
mod phrase;
pub mod words;

pub use choose::{Choice, Lang, Origin, choose, system_locale_vars};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use format::{date, date_in, date_short, date_short_in, num, num_in, time};
pub use io::{Refused, io_error, io_words, say_io};
pub use phrase::Phrase;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The catalogues' text, by language, as built into the binary.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../../../i18n/en.ftl")),
    (Lang::FrCa, include_str!("../../../../i18n/fr-CA.ftl")),
    (Lang::PtBr, include_str!("../../../../i18n/pt-BR.ftl")),
];

static CURRENT: AtomicU8 = AtomicU8::new(0);
static FLAG: OnceLock<Option<String>> = OnceLock::new();

/// Remember `--lang` and choose without a protocol yet; returns the
/// choice (its `passed_over` values deserve a notice).
pub fn init(flag: Option<&str>) -> Choice {
    let _ = FLAG.set(flag.map(str::to_string));
    settle(None)
}

/// Choose again now that the protocol (and its declared language) is
/// known, and use the result.
pub fn settle(protocol: Option<&str>) -> Choice {
    let flag = FLAG.get().and_then(|f| f.as_deref());
    let env = std::env::var("KAP_LANG").ok();
    let c = choose(flag, env.as_deref(), protocol, &system_locale_vars());
    set(c.lang);
    c
}

/// For a data export (CSV, FHIR): `--lang` when given, else the record's
/// own language (`protocol`), never the environment of whoever exports
/// it, so one record gives the same file on every machine.
pub fn settle_record(protocol: Option<&str>) -> Choice {
    let flag = FLAG.get().and_then(|f| f.as_deref());
    let c = choose(flag, None, protocol, &[]);
    set(c.lang);
    c
}

/// Use `lang` for every message from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language in use.
pub fn current() -> Lang {
    Lang::from_index(CURRENT.load(Ordering::Relaxed))
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

/// `p` said in the language in use: for the shell, which still holds the
/// language as a process-wide setting (the core's rules do not call it;
/// they return a [`Phrase`]).
pub fn say(p: &Phrase) -> String {
    p.say(current())
}

/// "label: value", with the space French puts before a colon.
pub fn labelled(label: &str, value: &str) -> String {
    crate::t!("label-value", label = label, value = value)
}

/// "label: value" in `lang`, with the space French puts before a colon.
pub fn labelled_in(lang: Lang, label: &str, value: &str) -> String {
    crate::say!(lang, "label-value", label = label, value = value)
}

/// Message `id` in the language in use.
pub fn tr(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    text(current(), id, args)
}

/// A message in the language in use, by its id (a string literal), with
/// `name = value` pairs for its variables. Pass numbers meant for people already
/// formatted with [`num`]; pass counts as integers (plural rules use them).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id, None)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::FluentValue::from($v)); )+
        $crate::i18n::tr($id, Some(&args))
    }};
}
