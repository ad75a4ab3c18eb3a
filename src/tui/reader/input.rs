//! Lines from standard input, with a timeout, bounded in length. The
//! terminal stays in its normal (line-edited) mode. A paste is one line:
//! with the terminal's bracketed paste on ([`PasteGuard`]) pasted text
//! arrives between `ESC [200~` and `ESC [201~`, and the line breaks inside
//! it stay in the line instead of sending what follows as commands.

use rustix::event::PollFlags;
use std::os::fd::BorrowedFd;
use std::time::Duration;

/// The longest line read; a longer one is dropped whole, with a message.
pub const MAX_LINE: usize = 4096;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// The end of the first line of `buf` that is not inside a paste: the
/// index of its `\n`, if the line is complete.
fn line_end(buf: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut pasting = false;
    while i < buf.len() {
        if buf[i..].starts_with(PASTE_START) {
            pasting = true;
            i += PASTE_START.len();
        } else if buf[i..].starts_with(PASTE_END) {
            pasting = false;
            i += PASTE_END.len();
        } else if buf[i] == b'\n' && !pasting {
            return Some(i);
        } else {
            i += 1;
        }
    }
    None
}

/// A line as typed and pasted: the paste marks taken out, a line break a
/// paste brought kept as `\n`.
fn unmark(line: &[u8]) -> String {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        if line[i..].starts_with(PASTE_START) {
            i += PASTE_START.len();
        } else if line[i..].starts_with(PASTE_END) {
            i += PASTE_END.len();
        } else {
            out.push(line[i]);
            i += 1;
        }
    }
    let text = String::from_utf8_lossy(&out).replace("\r\n", "\n");
    text.trim_end_matches('\r').to_string()
}

/// While it lives, the terminal (when standard input is one) sends pastes
/// bracketed, and does not echo their marks as `^[[200~`. Dropped, it is
/// as it was.
pub struct PasteGuard {
    saved: Option<rustix::termios::Termios>,
}

impl PasteGuard {
    pub fn on() -> PasteGuard {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let fd = rustix::stdio::stdin();
        let Ok(saved) = tcgetattr(fd) else {
            return PasteGuard { saved: None };
        };
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHOCTL);
        let _ = tcsetattr(fd, OptionalActions::Now, &quiet);
        raw("\x1b[?2004h");
        PasteGuard { saved: Some(saved) }
    }
}

/// A terminal control sequence, written as it is (kap's own, not text).
fn raw(seq: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(seq.as_bytes()).and_then(|()| o.flush());
}

impl Drop for PasteGuard {
    fn drop(&mut self) {
        if let Some(saved) = &self.saved {
            raw("\x1b[?2004l");
            let _ = rustix::termios::tcsetattr(
                rustix::stdio::stdin(),
                rustix::termios::OptionalActions::Now,
                saved,
            );
        }
    }
}

pub enum Line {
    Text(String),
    /// Nothing typed before the timeout.
    Quiet,
    /// Input ended: end of file, or the terminal hung up.
    End,
    /// A line over the limit was dropped.
    TooLong(usize),
}

pub struct Input {
    fd: BorrowedFd<'static>,
    buf: Vec<u8>,
    /// Dropping the rest of an overlong line.
    skipping: bool,
    ended: bool,
}

impl Input {
    pub fn stdin() -> Input {
        Input {
            fd: rustix::stdio::stdin(),
            buf: Vec::new(),
            skipping: false,
            ended: false,
        }
    }

    /// The next whole line, waiting up to `timeout` for more input.
    /// The next line, with an over-long one said and dropped (read as
    /// quiet): what both transcript loops want.
    pub fn next_said(&mut self, timeout: Duration, lang: crate::i18n::Lang) -> Line {
        match self.next_line(timeout) {
            Line::TooLong(max) => {
                crate::outln!("{}", crate::say!(lang, "reader-too-long", max = max));
                Line::Quiet
            }
            other => other,
        }
    }

    pub fn next_line(&mut self, timeout: Duration) -> Line {
        loop {
            if let Some(i) = line_end(&self.buf) {
                let line: Vec<u8> = self.buf.drain(..=i).collect();
                if std::mem::take(&mut self.skipping) {
                    return Line::TooLong(MAX_LINE);
                }
                return Line::Text(unmark(&line[..line.len() - 1]));
            }
            if self.buf.len() > MAX_LINE {
                self.buf.clear();
                self.skipping = true;
            }
            if self.ended {
                if self.buf.is_empty() || self.skipping {
                    return Line::End;
                }
                return Line::Text(unmark(&std::mem::take(&mut self.buf)));
            }
            match self.wait(timeout) {
                Wait::Quiet => return Line::Quiet,
                Wait::Ready => {}
                Wait::Gone => self.ended = true,
            }
            if !self.ended {
                let mut chunk = [0u8; 1024];
                match rustix::io::read(self.fd, &mut chunk) {
                    Ok(0) => self.ended = true,
                    Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                    Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                    Err(_) => self.ended = true,
                }
            }
        }
    }

    fn wait(&self, timeout: Duration) -> Wait {
        match crate::tui::hangup::poll_in(self.fd, timeout) {
            Ok(None) => Wait::Quiet,
            // What is left to read comes first, even after a hang-up.
            Ok(Some(r)) if r.contains(PollFlags::IN) => Wait::Ready,
            Ok(Some(r)) if r.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => {
                Wait::Gone
            }
            Ok(Some(_)) => Wait::Ready,
            Err(rustix::io::Errno::INTR) => Wait::Quiet,
            Err(_) => Wait::Gone,
        }
    }
}

enum Wait {
    Ready,
    Quiet,
    Gone,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_one_line_with_its_breaks() {
        let buf = b"note \x1b[200~first\nsecond\r\nthird\x1b[201~\nnext\n";
        let end = line_end(buf).unwrap();
        assert_eq!(unmark(&buf[..end]), "note first\nsecond\nthird");
        assert_eq!(&buf[end + 1..], b"next\n");
        assert_eq!(line_end(b"note \x1b[200~half a paste\n"), None);
        assert_eq!(unmark(b"plain\r"), "plain");
    }
}
