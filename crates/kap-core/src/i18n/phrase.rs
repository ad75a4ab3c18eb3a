//! What the core has to say, before it is said in a language.
//!
//! The core's rules speak no language: a refusal, a problem in a protocol
//! file, a line of the timeline is a [`Phrase`] — a catalogue message's id
//! with its arguments, typed (a count for plural rules, a number or a date
//! each language writes its own way, another phrase) — and whoever shows
//! it to a person says it in the language it was given ([`Phrase::say`]).
//! A test can ask what was meant ([`Phrase::id`], [`Phrase::arg`]) without
//! matching English words.

use super::format::{date_in, date_short_in, num_in};
use super::{FluentArgs, FluentValue, Lang, text};
use chrono::NaiveDate;

/// Words not yet said: see the module's documentation.
#[derive(Debug, Clone, PartialEq)]
pub enum Phrase {
    /// A catalogue message and its named arguments.
    Msg(&'static str, Vec<(&'static str, Phrase)>),
    /// A catalogue message without arguments whose id is put together at
    /// run time (`event-kind-` and an event's kind).
    Named(String),
    /// Text said as it is, in every language: what a person typed, a
    /// protocol's own wording, a file name, a code, a unit.
    Verbatim(String),
    /// A count: a plain integer, and what a message's plural rules read.
    Count(i64),
    /// A number for people, with the language's decimal mark.
    Num(f64),
    /// A full date as the language writes it.
    Date(NaiveDate),
    /// A short date with its weekday, for schedules.
    DateShort(NaiveDate),
    /// A protocol's own words in several languages (a rating scale's band,
    /// keyed by language tag): said in the language asked, else English,
    /// else the first there is.
    Words(std::collections::BTreeMap<String, String>),
    /// Another phrase said in capitals (an alarm's priority on a timeline).
    Upper(Box<Phrase>),
    /// Another phrase said on one line, with control characters made
    /// visible (`text::clean_line`): a reason that may hold a file's lines.
    OneLine(Box<Phrase>),
    /// Pieces said one after the other.
    Seq(Vec<Phrase>),
    /// Phrases said with a separator between them (itself said too).
    Join(Vec<Phrase>, Box<Phrase>),
}

impl Phrase {
    /// The catalogue message `id`, without arguments yet.
    pub fn msg(id: &'static str) -> Phrase {
        Phrase::Msg(id, Vec::new())
    }

    /// The same message with one more argument (no effect on a phrase that
    /// is not a message).
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Phrase>) -> Phrase {
        if let Phrase::Msg(_, args) = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// Text said as it is.
    pub fn verbatim(s: impl Into<String>) -> Phrase {
        Phrase::Verbatim(s.into())
    }

    /// `parts` with `sep` between them.
    pub fn join(parts: Vec<Phrase>, sep: impl Into<Phrase>) -> Phrase {
        Phrase::Join(parts, Box::new(sep.into()))
    }

    /// The same phrase, said in capitals.
    #[must_use]
    pub fn upper(self) -> Phrase {
        Phrase::Upper(Box::new(self))
    }

    /// The same phrase, said on one line.
    #[must_use]
    pub fn one_line(self) -> Phrase {
        Phrase::OneLine(Box::new(self))
    }

    /// Nothing at all (an empty verbatim text).
    pub fn empty() -> Phrase {
        Phrase::Verbatim(String::new())
    }

    /// True when it says nothing in any language.
    pub fn is_empty(&self) -> bool {
        match self {
            Phrase::Verbatim(s) => s.is_empty(),
            Phrase::Seq(parts) => parts.iter().all(Phrase::is_empty),
            Phrase::Words(w) => w.values().all(String::is_empty),
            Phrase::Upper(p) | Phrase::OneLine(p) => p.is_empty(),
            Phrase::Join(parts, _) => parts.iter().all(Phrase::is_empty),
            _ => false,
        }
    }

    /// The message's id, when it is one.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Phrase::Msg(id, _) => Some(id),
            _ => None,
        }
    }

    /// A message's argument `name`.
    pub fn arg(&self, name: &str) -> Option<&Phrase> {
        match self {
            Phrase::Msg(_, args) => args.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Every message id it holds, itself and its arguments and pieces, in
    /// order: for tests that ask what was said.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    /// Every message `id` it holds, itself and inside its arguments and
    /// pieces, in order: a test asks one part of a long phrase what it
    /// says.
    pub fn find(&self, id: &str) -> Vec<&Phrase> {
        let mut out = Vec::new();
        self.collect_found(id, &mut out);
        out
    }

    fn collect_found<'a>(&'a self, id: &str, out: &mut Vec<&'a Phrase>) {
        match self {
            Phrase::Msg(me, args) => {
                if *me == id {
                    out.push(self);
                }
                args.iter().for_each(|(_, a)| a.collect_found(id, out));
            }
            Phrase::Seq(parts) => parts.iter().for_each(|p| p.collect_found(id, out)),
            Phrase::Upper(p) | Phrase::OneLine(p) => p.collect_found(id, out),
            Phrase::Join(parts, sep) => {
                parts.iter().for_each(|p| p.collect_found(id, out));
                sep.collect_found(id, out);
            }
            _ => {}
        }
    }

    fn collect_ids(&self, out: &mut Vec<&'static str>) {
        match self {
            Phrase::Msg(id, args) => {
                out.push(id);
                for (_, a) in args {
                    a.collect_ids(out);
                }
            }
            Phrase::Seq(parts) => parts.iter().for_each(|p| p.collect_ids(out)),
            Phrase::Upper(p) | Phrase::OneLine(p) => p.collect_ids(out),
            Phrase::Join(parts, sep) => {
                parts.iter().for_each(|p| p.collect_ids(out));
                sep.collect_ids(out);
            }
            _ => {}
        }
    }

    /// Said in `lang`: a message missing from `lang`'s catalogue in
    /// English, and one missing from English as its id (never a panic).
    pub fn say(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.say_into(lang, &mut out);
        out
    }

    fn say_into(&self, lang: Lang, out: &mut String) {
        match self {
            Phrase::Msg(id, args) if args.is_empty() => out.push_str(&text(lang, id, None)),
            Phrase::Msg(id, args) => {
                let mut fa = FluentArgs::new();
                for (name, value) in args {
                    match value {
                        Phrase::Count(n) => fa.set(*name, FluentValue::from(*n)),
                        other => fa.set(*name, FluentValue::from(other.say(lang))),
                    }
                }
                out.push_str(&text(lang, id, Some(&fa)));
            }
            Phrase::Named(id) => out.push_str(&text(lang, id, None)),
            Phrase::Verbatim(s) => out.push_str(s),
            Phrase::Count(n) => out.push_str(&n.to_string()),
            Phrase::Num(x) => out.push_str(&num_in(lang, *x)),
            Phrase::Date(d) => out.push_str(&date_in(lang, *d)),
            Phrase::DateShort(d) => out.push_str(&date_short_in(lang, *d)),
            Phrase::Words(w) => out.push_str(
                w.get(lang.tag())
                    .or_else(|| w.get("en"))
                    .or_else(|| w.values().next())
                    .map_or("", String::as_str),
            ),
            Phrase::Seq(parts) => parts.iter().for_each(|p| p.say_into(lang, out)),
            Phrase::Upper(p) => out.push_str(&p.say(lang).to_uppercase()),
            Phrase::OneLine(p) => out.push_str(&crate::text::clean_line(&p.say(lang))),
            Phrase::Join(parts, sep) => {
                let sep = sep.say(lang);
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    p.say_into(lang, out);
                }
            }
        }
    }
}

impl From<&str> for Phrase {
    fn from(s: &str) -> Phrase {
        Phrase::Verbatim(s.to_string())
    }
}

impl From<String> for Phrase {
    fn from(s: String) -> Phrase {
        Phrase::Verbatim(s)
    }
}

impl From<&String> for Phrase {
    fn from(s: &String) -> Phrase {
        Phrase::Verbatim(s.clone())
    }
}

impl From<f64> for Phrase {
    fn from(x: f64) -> Phrase {
        Phrase::Num(x)
    }
}

impl From<NaiveDate> for Phrase {
    fn from(d: NaiveDate) -> Phrase {
        Phrase::Date(d)
    }
}

impl From<&Phrase> for Phrase {
    fn from(p: &Phrase) -> Phrase {
        p.clone()
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Phrase {
            fn from(n: $t) -> Phrase {
                Phrase::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(i32, i64, u8, u16, u32, u64, usize);

/// A [`Phrase`] message by its id (a string literal), with `name = value`
/// pairs for its variables, each turned into a phrase: text is said as it
/// is, integers are counts, `f64` numbers are written in the language's
/// way, dates as the language writes them, phrases are said in the same
/// language.
#[macro_export]
macro_rules! phrase {
    ($id:literal) => {
        $crate::i18n::Phrase::msg($id)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::Phrase::msg($id)$(.with(stringify!($k), $v))+
    };
}

/// A catalogue message said in the language given (an expression of type
/// [`super::Lang`]): `say!(lang, "id", name = value, ...)` is
/// `phrase!("id", name = value, ...).say(lang)`. What renders words for a
/// reader whose language it was handed uses this.
#[macro_export]
macro_rules! say {
    ($lang:expr, $id:literal) => {
        $crate::i18n::Phrase::msg($id).say($lang)
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::phrase!($id, $($k = $v),+).say($lang)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_said_in_the_language_it_is_given() {
        // "duration-min-s" takes two counts; "label-value" takes text.
        let p = crate::phrase!("duration-min-s", min = 3u32, sec = 5u32);
        assert_eq!(p.id(), Some("duration-min-s"));
        assert_eq!(p.arg("sec"), Some(&Phrase::Count(5)));
        let en = p.say(Lang::En);
        assert!(en.contains('3') && en.contains('5'), "{en}");
        let n = Phrase::Num(52.5);
        assert_eq!(n.say(Lang::En), "52.5");
        assert_eq!(n.say(Lang::FrCa), "52,5");
        let d = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        assert_eq!(Phrase::Date(d).say(Lang::PtBr), "12/01/2026");
        let lv = crate::phrase!("label-value", label = "BP", value = Phrase::Num(1.5));
        assert_eq!(lv.say(Lang::En), "BP: 1.5");
        assert_eq!(lv.say(Lang::FrCa), "BP : 1,5");
    }

    #[test]
    fn pieces_and_lists_are_said_in_order_and_ids_are_found_inside() {
        let p = Phrase::Seq(vec![
            Phrase::Num(2.0),
            " mL".into(),
            Phrase::join(
                vec!["a".into(), crate::phrase!("duration-s", sec = 1u8)],
                "; ",
            ),
        ]);
        assert!(p.say(Lang::En).starts_with("2 mLa; "));
        assert_eq!(p.ids(), vec!["duration-s"]);
        assert_eq!(p.find("duration-s")[0].arg("sec"), Some(&Phrase::Count(1)));
        assert!(p.find("duration-min").is_empty());
        assert!(Phrase::Seq(vec![Phrase::empty()]).is_empty());
        // A reason that holds lines is said on one line, ids still found.
        let two = Phrase::Seq(vec![
            crate::phrase!("duration-s", sec = 2u8),
            "\nline 2".into(),
        ]);
        assert!(two.say(Lang::En).contains('\n'));
        let one = two.one_line();
        assert!(!one.say(Lang::En).contains('\n'), "{}", one.say(Lang::En));
        assert!(one.say(Lang::En).contains("line 2"));
        assert_eq!(one.ids(), vec!["duration-s"]);
        // An id no catalogue holds is said as itself.
        assert_eq!(Phrase::msg("no-such-id").say(Lang::FrCa), "no-such-id");
    }
}
