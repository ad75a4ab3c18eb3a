//! True time. A [`Moment`] carries both the wall-clock time (UTC with the
//! local offset, for the record) and a monotonic reading that keeps counting
//! across a laptop suspend (`CLOCK_BOOTTIME` on Linux), tagged with the boot
//! it belongs to. Elapsed time between two moments of the same boot comes
//! from the monotonic reading, so a wall-clock jump (NTP, a time-zone change)
//! does not move the infusion timer; across a reboot only the wall clock is
//! comparable, so it is used.
//!
//! The session core never reads a clock: it is handed moments. The shell
//! reads a [`Clock`]: [`SystemClock`] at the bedside, [`SimClock`] in tests
//! and rehearsal.

use chrono::{DateTime, Duration, FixedOffset, Local, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// Milliseconds, the unit of every duration in the session core.
pub type Millis = i64;

pub const SECOND: Millis = 1_000;
pub const MINUTE: Millis = 60 * SECOND;

/// One instant, as the wall clock and the monotonic clock saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    /// Wall-clock time with the local offset at that instant.
    pub wall: DateTime<FixedOffset>,
    /// Which boot `mono` belongs to (from the kernel's boot id).
    pub boot: String,
    /// Monotonic milliseconds since boot, counting suspend.
    pub mono: Millis,
}

impl Moment {
    /// Milliseconds from `earlier` to `self` (negative if `self` is earlier).
    pub fn since(&self, earlier: &Moment) -> Millis {
        if self.boot == earlier.boot {
            self.mono - earlier.mono
        } else {
            (self.wall.with_timezone(&Utc) - earlier.wall.with_timezone(&Utc)).num_milliseconds()
        }
    }

    /// This moment moved `ms` forward (used to state deadlines).
    pub fn plus(&self, ms: Millis) -> Moment {
        Moment {
            wall: self.wall + Duration::milliseconds(ms),
            boot: self.boot.clone(),
            mono: self.mono + ms,
        }
    }

    /// Local wall-clock time as `HH:MM`.
    pub fn hhmm(&self) -> String {
        self.wall.format("%H:%M").to_string()
    }
}

/// Something that says what time it is.
pub trait Clock: Send + Sync {
    fn now(&self) -> Moment;
}

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
    if let Ok(s) = std::fs::read_to_string("/proc/sys/kernel/random/boot_id") {
        let s = s.trim();
        if !s.is_empty() {
            return s.chars().filter(|c| *c != '-').take(16).collect();
        }
    }
    let booted = Utc::now().timestamp_millis() - boottime_ms();
    // Round to a minute so the estimate is stable between calls.
    format!("t{}", booted / MINUTE)
}

/// A clock that moves only when told to: tests set it and advance it;
/// rehearsal drives it at a chosen speed. `suspend` advances the monotonic
/// reading like a laptop lid closed and opened again.
#[derive(Debug)]
pub struct SimClock {
    inner: Mutex<Moment>,
}

impl SimClock {
    /// A simulated clock at the given wall time and boot.
    pub fn at(wall: DateTime<FixedOffset>) -> Self {
        SimClock {
            inner: Mutex::new(Moment {
                wall,
                boot: "sim".into(),
                mono: 1_000_000,
            }),
        }
    }

    /// 2026-01-05 09:00 at +01:00: a fixed start for tests.
    pub fn fixed() -> Self {
        let wall = DateTime::parse_from_rfc3339("2026-01-05T09:00:00+01:00")
            .unwrap_or_else(|_| Utc::now().fixed_offset());
        Self::at(wall)
    }

    pub fn advance(&self, ms: Millis) {
        let mut m = self.lock();
        *m = m.plus(ms);
    }

    /// Simulate a reboot: a new boot id, the monotonic clock restarts,
    /// the wall clock has moved on by `ms`.
    pub fn reboot(&self, ms: Millis, boot: &str) {
        let mut m = self.lock();
        m.wall += Duration::milliseconds(ms);
        m.boot = boot.to_string();
        m.mono = 5_000;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Moment> {
        // A poisoned lock only means a test thread panicked mid-advance; the
        // moment inside is still a valid value.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clock for SimClock {
    fn now(&self) -> Moment {
        self.lock().clone()
    }
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
}

impl ScaledClock {
    /// Start virtual time at `from`, running at `speed` (1 = real time).
    pub fn new(from: Moment, speed: f64) -> Self {
        ScaledClock {
            inner: Mutex::new(Scaled {
                virtual_at: from,
                real_at: boottime_ms(),
                speed: speed.max(0.0),
                paused: false,
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
        let s = self.lock();
        if s.paused {
            return s.virtual_at.clone();
        }
        let ms = ((boottime_ms() - s.real_at) as f64 * s.speed).round() as Millis;
        s.virtual_at.plus(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_uses_monotonic_time_within_a_boot() {
        let c = SimClock::fixed();
        let a = c.now();
        c.advance(90 * SECOND);
        let mut b = c.now();
        // A wall-clock jump (NTP correction) does not change elapsed time.
        b.wall += Duration::hours(1);
        assert_eq!(b.since(&a), 90 * SECOND);
    }

    #[test]
    fn elapsed_across_a_reboot_uses_the_wall_clock() {
        let c = SimClock::fixed();
        let a = c.now();
        c.reboot(10 * MINUTE, "second-boot");
        let b = c.now();
        assert!(b.mono < a.mono);
        assert_eq!(b.since(&a), 10 * MINUTE);
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
