//! When the music's output stream is open. An open stream costs the sound
//! thread a wake-up every buffer (about ten a second) even in silence, so
//! it is closed once nothing has sounded for `LINGER` — but only on an
//! output that does not carry the alarm tone. The alarm tone goes through
//! the music's output unless the site names an alarm device
//! (`--alarm-device`): a stream closed while idle would then have to be
//! reopened at the moment an alarm sounds (a device that fails to open
//! then fails silently), and the start-of-session self-test would no
//! longer prove the path the alarm takes. So the music's stream is closed
//! while idle only when a separate alarm device is open, and is opened
//! again at once if that device fails (alarm sounds then come back to the
//! music's output).
//!
//! Pure: the caller gives the time and what sounds, and opens or closes.

use std::time::{Duration, Instant};

/// Nothing sounding for this long closes the stream: long enough that a
/// track change (the next track starts within a second) or a short pause
/// never closes it, so a listener never hears the device being reopened
/// between two sounds that belong together.
pub const LINGER: Duration = Duration::from_secs(30);

/// What to do with the stream now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Open it (it is closed and is needed).
    Open,
    /// Close it (open and idle past the linger, not an alarm path).
    Close,
    /// Leave it as it is.
    Keep,
}

#[derive(Debug, Clone)]
pub struct StreamHold {
    /// The alarm tone goes through this output: it stays open.
    alarm_path: bool,
    linger: Duration,
    /// Since when nothing has sounded (`None`: something sounds).
    quiet_since: Option<Instant>,
}

impl Default for StreamHold {
    fn default() -> Self {
        StreamHold::new(LINGER)
    }
}

impl StreamHold {
    /// An output that carries the alarm tone until told otherwise.
    pub fn new(linger: Duration) -> StreamHold {
        StreamHold {
            alarm_path: true,
            linger,
            quiet_since: None,
        }
    }

    pub fn set_alarm_path(&mut self, yes: bool) {
        self.alarm_path = yes;
    }

    pub fn alarm_path(&self) -> bool {
        self.alarm_path
    }

    /// What to do, given whether anything sounds (music playing, or a
    /// preview or chime) and whether the stream is open.
    pub fn step(&mut self, sounding: bool, open: bool, now: Instant) -> Want {
        if sounding {
            self.quiet_since = None;
        } else if self.quiet_since.is_none() {
            self.quiet_since = Some(now);
        }
        let needed = sounding
            || self.alarm_path
            || self
                .quiet_since
                .is_some_and(|t| now.saturating_duration_since(t) < self.linger);
        match (needed, open) {
            (true, false) if sounding || self.alarm_path => Want::Open,
            (false, true) => Want::Close,
            _ => Want::Keep,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn the_alarm_path_never_closes() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        assert_eq!(h.step(false, true, t0), Want::Keep);
        assert_eq!(h.step(false, true, t0 + s(3600)), Want::Keep);
        // Closed (a failed reopen, say): an alarm path is opened again.
        assert_eq!(h.step(false, false, t0 + s(3601)), Want::Open);
    }

    #[test]
    fn music_only_output_closes_after_the_linger_and_reopens_for_sound() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.set_alarm_path(false);
        assert_eq!(h.step(true, true, t0), Want::Keep);
        // The track ends: quiet, but not yet for long.
        assert_eq!(h.step(false, true, t0 + s(1)), Want::Keep);
        assert_eq!(h.step(false, true, t0 + s(30)), Want::Keep);
        assert_eq!(h.step(false, true, t0 + s(31)), Want::Close);
        // Closed and quiet: left closed.
        assert_eq!(h.step(false, false, t0 + s(40)), Want::Keep);
        // Music again: opened at once.
        assert_eq!(h.step(true, false, t0 + s(50)), Want::Open);
    }

    #[test]
    fn a_sound_within_the_linger_starts_the_wait_again() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.set_alarm_path(false);
        assert_eq!(h.step(false, true, t0), Want::Keep);
        assert_eq!(h.step(true, true, t0 + s(20)), Want::Keep);
        assert_eq!(h.step(false, true, t0 + s(21)), Want::Keep);
        // 31 s after the first quiet, but only 10 after the last sound.
        assert_eq!(h.step(false, true, t0 + s(31)), Want::Keep);
        assert_eq!(h.step(false, true, t0 + s(52)), Want::Close);
    }

    #[test]
    fn becoming_the_alarm_path_again_reopens_a_closed_stream() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.set_alarm_path(false);
        h.step(false, true, t0);
        assert_eq!(h.step(false, true, t0 + s(31)), Want::Close);
        // The alarm device failed: alarm sounds come back here.
        h.set_alarm_path(true);
        assert_eq!(h.step(false, false, t0 + s(32)), Want::Open);
        assert_eq!(h.step(false, true, t0 + s(99)), Want::Keep);
    }
}
