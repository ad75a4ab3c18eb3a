//! When the music's output stream runs. A running stream wakes the sound
//! thread and the sound server's thread dozens of times a second even in
//! silence (docs/performance.md), so once nothing has sounded for `LINGER` it
//! is stopped: closed on an output that does not carry the alarm tone,
//! paused (the device kept open) on one that does.
//!
//! The alarm tone goes through the music's output unless the site names
//! an alarm device (`--alarm-device`). That output is never closed while
//! idle: it would have to be reopened at the moment an alarm sounds (a
//! device that fails to open then fails silently), and the start of
//! session self-test would no longer prove the path the alarm takes. It is
//! paused instead, where the device can pause: the device stays open and
//! set up as the self-test found it, and sounding again only restarts its
//! clock; a device that cannot pause keeps running. So the music's stream
//! is closed while idle only when a separate alarm device is open, and is
//! opened again at once if that device fails (alarm sounds then come back
//! to the music's output).
//!
//! Pure: the caller gives the time, what sounds and the stream's state,
//! and opens, resumes, pauses or closes.

use std::time::{Duration, Instant};

/// Nothing sounding for this long stops the stream: long enough that a
/// track change (the next track starts within a second) or a short pause
/// never stops it, so a listener never hears the device being stopped and
/// started between two sounds that belong together.
pub const LINGER: Duration = Duration::from_secs(30);

/// The stream as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Closed,
    /// Open, the device paused.
    Paused,
    Running,
}

/// What to do with the stream now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Make it run: open it, or resume it (it is needed and is not
    /// running).
    Run,
    /// Pause it, keeping the device open (an alarm path, idle past the
    /// linger).
    Pause,
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

    pub fn set_linger(&mut self, linger: Duration) {
        self.linger = linger;
    }

    pub fn set_alarm_path(&mut self, yes: bool) {
        self.alarm_path = yes;
    }

    /// What to do, given whether anything sounds (music playing, or a
    /// preview or chime) and the stream's state.
    pub fn step(&mut self, sounding: bool, stream: Stream, now: Instant) -> Want {
        if sounding {
            self.quiet_since = None;
        } else if self.quiet_since.is_none() {
            self.quiet_since = Some(now);
        }
        let lingering = self
            .quiet_since
            .is_some_and(|t| now.saturating_duration_since(t) < self.linger);
        match (sounding || lingering, self.alarm_path, stream) {
            // Something sounds, or only just stopped: a stream stopped
            // for sound runs again.
            (true, _, Stream::Closed) if sounding || self.alarm_path => Want::Run,
            (true, _, Stream::Paused) if sounding => Want::Run,
            // Idle: an alarm path stays open, paused; another closes.
            (false, true, Stream::Closed) => Want::Run,
            (false, true, Stream::Running) => Want::Pause,
            (false, false, Stream::Running | Stream::Paused) => Want::Close,
            _ => Want::Keep,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Stream::{Closed, Paused, Running};
    use super::*;

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn the_alarm_path_pauses_when_idle_and_never_closes() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        assert_eq!(h.step(false, Running, t0), Want::Keep);
        assert_eq!(h.step(false, Running, t0 + s(29)), Want::Keep);
        assert_eq!(h.step(false, Running, t0 + s(31)), Want::Pause);
        assert_eq!(h.step(false, Paused, t0 + s(3600)), Want::Keep);
        // A sound: it runs again.
        assert_eq!(h.step(true, Paused, t0 + s(3601)), Want::Run);
        // Closed (a failed reopen, say): an alarm path is opened again.
        assert_eq!(h.step(false, Closed, t0 + s(3602)), Want::Run);
    }

    #[test]
    fn a_paused_alarm_path_that_cannot_pause_stays_running() {
        // The caller leaves a device that refused to pause running: asked
        // again, the answer is the same, and nothing closes it.
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.step(false, Running, t0);
        assert_eq!(h.step(false, Running, t0 + s(31)), Want::Pause);
        assert_eq!(h.step(false, Running, t0 + s(32)), Want::Pause);
    }

    #[test]
    fn music_only_output_closes_after_the_linger_and_reopens_for_sound() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.set_alarm_path(false);
        assert_eq!(h.step(true, Running, t0), Want::Keep);
        // The track ends: quiet, but not yet for long.
        assert_eq!(h.step(false, Running, t0 + s(1)), Want::Keep);
        assert_eq!(h.step(false, Running, t0 + s(30)), Want::Keep);
        assert_eq!(h.step(false, Running, t0 + s(31)), Want::Close);
        // Closed and quiet: left closed.
        assert_eq!(h.step(false, Closed, t0 + s(40)), Want::Keep);
        // Music again: opened at once.
        assert_eq!(h.step(true, Closed, t0 + s(50)), Want::Run);
    }

    #[test]
    fn a_sound_within_the_linger_starts_the_wait_again() {
        let t0 = Instant::now();
        for alarm_path in [true, false] {
            let mut h = StreamHold::new(s(30));
            h.set_alarm_path(alarm_path);
            let idle = if alarm_path { Want::Pause } else { Want::Close };
            assert_eq!(h.step(false, Running, t0), Want::Keep);
            assert_eq!(h.step(true, Running, t0 + s(20)), Want::Keep);
            assert_eq!(h.step(false, Running, t0 + s(21)), Want::Keep);
            // 31 s after the first quiet, but only 10 after the last sound.
            assert_eq!(h.step(false, Running, t0 + s(31)), Want::Keep);
            assert_eq!(h.step(false, Running, t0 + s(52)), idle);
        }
    }

    #[test]
    fn no_longer_the_alarm_path_a_paused_stream_closes_and_back_it_reopens() {
        let t0 = Instant::now();
        let mut h = StreamHold::new(s(30));
        h.step(false, Running, t0);
        assert_eq!(h.step(false, Running, t0 + s(31)), Want::Pause);
        // An alarm device opened: this output carries music only.
        h.set_alarm_path(false);
        assert_eq!(h.step(false, Paused, t0 + s(32)), Want::Close);
        // The alarm device failed: alarm sounds come back here.
        h.set_alarm_path(true);
        assert_eq!(h.step(false, Closed, t0 + s(33)), Want::Run);
        assert_eq!(h.step(false, Running, t0 + s(34)), Want::Pause);
    }
}
