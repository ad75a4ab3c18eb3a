//! kap's own refusals carried inside an `io::Error` (a fifo where a file
//! should be, a file too big to read, a journal opened read-only): the
//! error keeps a [`Phrase`], so whoever shows it says it in its reader's
//! language ([`say_io`]). The operating system's own errors are shown as
//! the system words them.

use super::{Lang, Phrase};
use std::fmt;
use std::io;

/// A refusal in words, inside an `io::Error`.
#[derive(Debug)]
pub struct Refused(pub Phrase);

/// Without a reader's language (a log line, a `Debug`), in English: the
/// words a reader sees go through [`say_io`].
impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.say(Lang::En))
    }
}

impl std::error::Error for Refused {}

/// An `io::Error` of `kind` whose words are `phrase`.
pub fn io_error(kind: io::ErrorKind, phrase: Phrase) -> io::Error {
    io::Error::new(kind, Refused(phrase))
}

/// An `io::Error` said in `lang`: kap's own refusal in that language,
/// anything else as the system says it.
pub fn say_io(e: &io::Error, lang: Lang) -> String {
    io_words(e).say(lang)
}

/// An `io::Error` as a phrase: kap's own refusal, or the system's words
/// as they are.
pub fn io_words(e: &io::Error) -> Phrase {
    match e.get_ref().and_then(|r| r.downcast_ref::<Refused>()) {
        Some(Refused(p)) => p.clone(),
        None => Phrase::verbatim(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_said_in_the_reader_language_and_a_system_error_as_is() {
        let e = io_error(
            io::ErrorKind::InvalidInput,
            crate::phrase!("input-not-regular"),
        );
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let en = say_io(&e, Lang::En);
        let fr = say_io(&e, Lang::FrCa);
        assert!(!en.is_empty() && en != "input-not-regular");
        assert_ne!(en, fr);
        assert_eq!(e.to_string(), en);
        let sys = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(say_io(&sys, Lang::PtBr), sys.to_string());
    }
}
