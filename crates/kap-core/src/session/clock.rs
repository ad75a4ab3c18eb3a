//! True time. A [`Moment`] carries both the wall-clock time (UTC with the
//! local offset, for the record) and a monotonic reading that keeps counting
//! across a laptop suspend (`CLOCK_BOOTTIME` on Linux), tagged with the boot
//! it belongs to. Elapsed time between two moments of the same boot comes
//! from the monotonic reading, so a wall-clock jump (NTP, a time-zone change)
//! does not move the infusion timer; across a reboot only the wall clock is
//! comparable, so it is used.
//!
//! The session core never reads a clock: it is handed moments. The shell
//! reads a [`Clock`]: the system's and rehearsal's clocks live at the edge
//! (`crate::clocks`); [`SimClock`], which moves only when told to, serves
//! the tests.

use chrono::{DateTime, Duration, FixedOffset, Utc};
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
}
