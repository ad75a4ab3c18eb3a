//! Text that leaves kap for a terminal or a pipe. Patient ids, notes,
//! protocol names and file names come from people and files; printed raw, an
//! escape sequence in one could rewrite the screen, set the window title or
//! worse. Everything the command line prints goes through here: control
//! characters are shown escaped (`\x1b`), and a reader that goes away
//! (`kap history | head`) ends the command quietly instead of a panic.

use std::borrow::Cow;
use std::io::{self, Write};

fn is_unsafe(c: char, keep_layout: bool) -> bool {
    if keep_layout && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(s: &str, keep_layout: bool) -> Cow<'_, str> {
    // A CR is layout only as half of a CRLF line end (CSV uses them); alone
    // it would let text overwrite the line it is on.
    let bad = |c: char, next: Option<char>| {
        is_unsafe(c, keep_layout) && !(keep_layout && c == '\r' && next == Some('\n'))
    };
    let mut next = s.chars().skip(1).map(Some).chain([None]);
    if !s.chars().any(|c| bad(c, next.next().flatten())) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if bad(c, it.peek().copied()) {
            let n = u32::from(c);
            if n <= 0xff {
                out.push_str(&format!("\\x{n:02x}"));
            } else {
                out.push_str(&format!("\\u{{{n:x}}}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for output: line breaks and tabs kept, every other control
/// character (and the bidirectional overrides) escaped.
pub fn clean(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Text for one line of output: line breaks and tabs escaped too.
pub fn clean_line(s: &str) -> String {
    escape(s, false).into_owned()
}

/// Whether a character in JSON text is one `json_safe` escapes.
pub fn json_unsafe(c: char) -> bool {
    is_unsafe(c, true)
}

/// JSON text made safe for a terminal with the same meaning: serde_json
/// escapes C0 controls itself, and the few it leaves raw (DEL, C1 controls,
/// bidirectional overrides, which can only stand inside strings) become
/// `\uXXXX` escapes.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(|c| is_unsafe(c, true)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c, true) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Pasted text as it may go into a field: line ends made `\n` (and kept
/// only where the field holds several lines, else a space, as is a tab),
/// every other control character and bidirectional override dropped. A
/// paste is text for the field that has focus, never keys.
pub fn pasted(s: &str, keep_breaks: bool) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\t' if keep_breaks => Some(c),
            '\n' | '\t' => Some(' '),
            c if is_unsafe(c, keep_breaks) => None,
            c => Some(c),
        })
        .collect()
}

/// Whether a string has a character that [`clean_line`] would escape.
pub fn has_control(s: &str) -> bool {
    s.chars().any(|c| is_unsafe(c, false))
}

/// Write text to standard output, cleaned. A closed pipe ends the process
/// quietly with success: the reader has all it wanted.
pub fn out(s: &str) {
    let mut o = io::stdout().lock();
    if let Err(e) = o.write_all(clean(s).as_bytes()).and_then(|()| o.flush()) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        // Nowhere left to say it; a failed status line is not worth a panic.
        let _ = writeln!(io::stderr(), "kap: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

/// Write text to standard error, cleaned; errors writing it are ignored
/// (there is nowhere else to report them).
pub fn err(s: &str) {
    let _ = io::stderr().lock().write_all(clean(s).as_bytes());
}

/// `println!` through [`out`].
#[macro_export]
macro_rules! outln {
    () => { $crate::text::out("\n") };
    ($($t:tt)*) => { $crate::text::out(&format!("{}\n", format_args!($($t)*))) };
}

/// `print!` through [`out`].
#[macro_export]
macro_rules! outp {
    ($($t:tt)*) => { $crate::text::out(&format!($($t)*)) };
}

/// `eprintln!` through [`err`].
#[macro_export]
macro_rules! errln {
    ($($t:tt)*) => { $crate::text::err(&format!("{}\n", format_args!($($t)*))) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences_and_keeps_layout() {
        assert_eq!(
            clean("a\x1b]0;pwned\x07b\n\tc"),
            "a\\x1b]0;pwned\\x07b\n\tc"
        );
        assert_eq!(clean_line("a\nb\u{9b}c"), "a\\x0ab\\x9bc");
        assert_eq!(clean("a,b\r\nc\rd"), "a,b\r\nc\\x0dd");
        assert_eq!(clean_line("Zoë Ω"), "Zoë Ω");
        assert!(has_control("x\u{202e}y"));
        assert_eq!(pasted("a\r\nb\rc\td\x1b[2J", true), "a\nb\nc\td[2J");
        assert_eq!(pasted("128/82\n76 97\n", false), "128/82 76 97 ");
        assert_eq!(pasted("x\u{202e}y", false), "xy");
        assert!(!has_control("P-017"));
        let json = serde_json::to_string(&"a\u{9b}b\u{202e}\u{7f}").unwrap_or_default();
        let safe = json_safe(json);
        assert_eq!(safe, "\"a\\u009bb\\u202e\\u007f\"");
        assert_eq!(
            serde_json::from_str::<String>(&safe).ok().as_deref(),
            Some("a\u{9b}b\u{202e}\u{7f}")
        );
    }
}
