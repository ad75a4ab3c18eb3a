//! The real clocks, at the edge of the program: the system's
//! (`CLOCK_BOOTTIME` and the wall clock, with the kernel's boot id) and
//! rehearsal's accelerated one. The session core sees only the
//! [`Clock`] trait and the [`Moment`]s these hand it.

use crate::session::{Clock, MINUTE, Millis, Moment};
use chrono::{Local, Utc};
use std::sync::Mutex;

/// The real clock: `CLOCK_BOOTTIME` and the system's wall clock.
#[derive(Debug, Clone)]
pub struct SystemClock {
    boot: String,
}

impl SystemClock {
    pub fn new() -> Self {
        SystemClock { boot: boot_id() }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Moment {
        let local = Local::now();
        Moment {
            wall: local.fixed_offset(),
            boot: self.boot.clone(),
            mono: boottime_ms(),
        }
    }
}

/// Milliseconds on the clock that keeps counting while suspended.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub fn boottime_ms() -> Millis {
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
    ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
}

/// Elsewhere the monotonic clock is the best available.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub fn boottime_ms() -> Millis {
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
}

/// The kernel's id of this boot, so readings from different boots are never
/// subtracted. Falls back to the boot's wall-clock start time.
pub fn boot_id() -> String {
    if let Ok(s) = crate::input::read_system_text("/proc/sys/kernel/random/boot_id") {
        let s = s.trim();
        if !s.is_empty() {
            return s.chars().filter(|c| *c != '-').take(16).collect();
        }
    }
    let booted = Utc::now().timestamp_millis() - boottime_ms();
    // Round to a minute so the estimate is stable between calls.
    format!("t{}", booted / MINUTE)
}

/// Accelerated time for rehearsal: virtual time runs `speed` times as fast
/// as the real (boot-time) clock, from an anchor. Changing the speed or
/// pausing re-anchors, so virtual time never jumps.
#[derive(Debug)]
pub struct ScaledClock {
    inner: Mutex<Scaled>,
}

#[derive(Debug, Clone)]
struct Scaled {
    virtual_at: Moment,
    real_at: Millis,
    speed: f64,
    paused: bool,
    /// When the clock was last read, on the suspend-counting clock.
    last_read: Millis,
    /// Real time the process was stopped (SIGSTOP, a suspend) between two
    /// reads, not yet reported: simulated time did not run through it.
    stalled: Millis,
}

/// Real time between two reads of a rehearsal's clock that is a stall, not
/// a tick: the app reads it at least every second while it runs.
const STALL: Millis = 10_000;

impl ScaledClock {
    /// Start virtual time at `from`, running at `speed` (1 = real time).
    pub fn new(from: Moment, speed: f64) -> Self {
        ScaledClock {
            inner: Mutex::new(Scaled {
                virtual_at: from,
                real_at: boottime_ms(),
                speed: speed.max(0.0),
                paused: false,
                last_read: boottime_ms(),
                stalled: 0,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Scaled> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn reanchor(s: &mut Scaled) {
        let real = boottime_ms();
        if !s.paused {
            let ms = ((real - s.real_at) as f64 * s.speed).round() as Millis;
            s.virtual_at = s.virtual_at.plus(ms);
        }
        s.real_at = real;
    }

    pub fn speed(&self) -> f64 {
        self.lock().speed
    }

    pub fn set_speed(&self, speed: f64) {
        let mut s = self.lock();
        Self::reanchor(&mut s);
        s.speed = speed.max(0.0);
    }

    /// Move virtual time to `to` (a replay jumping to an entry), keeping
    /// the speed and whether it is paused.
    pub fn jump_to(&self, to: Moment) {
        let mut s = self.lock();
        s.virtual_at = to;
        s.real_at = boottime_ms();
    }

    /// Real time kap stood still (stopped, suspended) since last asked,
    /// during which simulated time was held rather than jumping ahead.
    pub fn take_stall(&self) -> Option<Millis> {
        let mut s = self.lock();
        (s.stalled > 0).then(|| std::mem::take(&mut s.stalled))
    }

    pub fn is_paused(&self) -> bool {
        self.lock().paused
    }

    pub fn set_paused(&self, paused: bool) {
        let mut s = self.lock();
        Self::reanchor(&mut s);
        s.paused = paused;
    }
}

impl Clock for ScaledClock {
    fn now(&self) -> Moment {
        let mut s = self.lock();
        let real = boottime_ms();
        // A process stopped for minutes (SIGSTOP, a suspended laptop)
        // would come back with simulated time an hour on: the stalled
        // span is held out of simulated time, and reported.
        let gap = real - s.last_read;
        if gap > STALL && !s.paused {
            s.real_at += gap;
            s.stalled += gap;
        }
        s.last_read = real;
        if s.paused {
            return s.virtual_at.clone();
        }
        let ms = ((real - s.real_at) as f64 * s.speed).round() as Millis;
        s.virtual_at.plus(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{SECOND, SimClock};

    #[test]
    fn a_stall_between_reads_is_held_out_of_simulated_time_and_reported() {
        let start = SimClock::fixed().now();
        let c = ScaledClock::new(start.clone(), 30.0);
        let a = c.now();
        // As if the process had been stopped for a minute since that read.
        {
            let mut s = c.lock();
            s.last_read -= 60_000;
            s.real_at -= 60_000;
        }
        let b = c.now();
        assert!(b.since(&a) < 5 * SECOND, "jumped {} ms", b.since(&a));
        let stalled = c.take_stall().unwrap();
        assert!(stalled >= 60_000, "{stalled}");
        assert_eq!(c.take_stall(), None, "reported once");
    }

    #[test]
    fn scaled_clock_runs_fast_and_pauses_without_jumps() {
        let start = SimClock::fixed().now();
        let c = ScaledClock::new(start.clone(), 600.0);
        std::thread::sleep(std::time::Duration::from_millis(50));
        let a = c.now();
        // 50 ms real at ×600 is about 30 s virtual.
        assert!(a.since(&start) >= 29 * SECOND, "{}", a.since(&start));
        c.set_paused(true);
        let p1 = c.now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(c.now(), p1);
        c.set_paused(false);
        c.set_speed(1.0);
        assert!(c.now().since(&p1) < SECOND);
    }

    #[test]
    fn system_clock_counts_forward() {
        let c = SystemClock::new();
        let a = c.now();
        let b = c.now();
        assert!(b.since(&a) >= 0);
        assert!(!a.boot.is_empty());
    }
}
