//! What a terminal that knows synchronized updates (DEC mode 2026) shows:
//! the bytes between a frame's begin and end wait until the end arrives,
//! so a test never reads the top of a new frame over the bottom of the old.
//! As such terminals do, a frame left open (the program killed mid-draw)
//! is shown after a timeout.

use std::time::{Duration, Instant};

const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";
const TIMEOUT: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Frames {
    held: Vec<u8>,
    since: Option<Instant>,
}

impl Frames {
    /// Take the bytes just read; what the screen may show now.
    pub fn take(&mut self, new: &[u8]) -> Vec<u8> {
        self.held.extend_from_slice(new);
        let cut = ready_up_to(&self.held);
        let out: Vec<u8> = self.held.drain(..cut).collect();
        self.since = match (self.held.is_empty(), self.since) {
            (true, _) => None,
            (false, Some(t)) if out.is_empty() => Some(t),
            (false, _) => Some(Instant::now()),
        };
        out
    }

    /// The program's output has ended: whatever is held.
    pub fn rest(&mut self) -> Vec<u8> {
        self.since = None;
        std::mem::take(&mut self.held)
    }

    /// Called while nothing arrives: a frame held past the timeout.
    pub fn overdue(&mut self) -> Vec<u8> {
        match self.since {
            Some(t) if t.elapsed() >= TIMEOUT => {
                self.since = None;
                std::mem::take(&mut self.held)
            }
            _ => Vec::new(),
        }
    }
}

/// How many leading bytes are outside an unfinished frame: all of them,
/// unless the last begin has no end after it, or the bytes end with what
/// may be the start of a begin.
fn ready_up_to(b: &[u8]) -> usize {
    let last = |pat: &[u8]| b.windows(pat.len()).rposition(|w| w == pat);
    match (last(BEGIN), last(END)) {
        (Some(open), None) => return open,
        (Some(open), Some(close)) if open > close => return open,
        _ => {}
    }
    let partial = (1..BEGIN.len())
        .rev()
        .find(|&n| b.ends_with(&BEGIN[..n]))
        .unwrap_or(0);
    b.len() - partial
}
