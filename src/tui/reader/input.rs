//! Lines from standard input, with a timeout, bounded in length. The
//! terminal stays in its normal (line-edited) mode.

use rustix::event::PollFlags;
use std::os::fd::BorrowedFd;
use std::time::Duration;

/// The longest line read; a longer one is dropped whole, with a message.
pub const MAX_LINE: usize = 4096;

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
    pub fn next_said(&mut self, timeout: Duration) -> Line {
        match self.next_line(timeout) {
            Line::TooLong(max) => {
                crate::outln!("{}", crate::t!("reader-too-long", max = max));
                Line::Quiet
            }
            other => other,
        }
    }

    pub fn next_line(&mut self, timeout: Duration) -> Line {
        loop {
            if let Some(i) = self.buf.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.buf.drain(..=i).collect();
                if std::mem::take(&mut self.skipping) {
                    return Line::TooLong(MAX_LINE);
                }
                let text = String::from_utf8_lossy(&line[..line.len() - 1]);
                return Line::Text(text.trim_end_matches('\r').to_string());
            }
            if self.buf.len() > MAX_LINE {
                self.buf.clear();
                self.skipping = true;
            }
            if self.ended {
                if self.buf.is_empty() || self.skipping {
                    return Line::End;
                }
                let text = String::from_utf8_lossy(&std::mem::take(&mut self.buf)).into_owned();
                return Line::Text(text);
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
