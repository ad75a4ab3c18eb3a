//! Plausibility bounds: what a human body or a bedside session can physically
//! show. They catch typing slips (`1200/80`, weight `700`) and are *not*
//! clinical limits — those live only in protocol files. A value outside these
//! bounds is refused; a plausible but alarming value is stored and judged by
//! the protocol's alert rules.

use super::model::Metric;

/// Inclusive plausible range of a vital-sign value.
pub fn vital_range(m: Metric) -> (f64, f64) {
    match m {
        // Recorded systolic pressures in living adults fall well inside this.
        Metric::Systolic => (50.0, 300.0),
        Metric::Diastolic => (20.0, 200.0),
        Metric::Hr => (20.0, 250.0),
        // Below 50 % a pulse oximeter reading is not usable at all.
        Metric::Spo2 => (50.0, 100.0),
    }
}

/// Adult body weight accepted for weight-based dosing, in kg.
pub const WEIGHT_KG: (f64, f64) = (30.0, 250.0);

/// The highest mg/kg dose a protocol file may set. It is the highest KAP dose
/// the source papers report (IM 2.0 mg/kg: review seed 002, Krupitsky et al.;
/// palliative model §2.3, "up to 2.0 mg/kg"). A file above it is refused, never
/// clamped.
pub const MAX_MG_PER_KG: f64 = 2.0;

/// The highest fixed dose a protocol file may set, in mg. The highest fixed
/// doses the review reports are sublingual 200–250 mg on average (seed 002).
pub const MAX_FIXED_MG: f64 = 300.0;

/// kap runs sessions of hours, not days: multi-day infusions are out of scope.
pub const MAX_SESSION_MINUTES: f64 = 480.0;

/// The most dosing sessions a course may have.
pub const MAX_COURSE_SESSIONS: u32 = 100;
