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

// Sanity bounds on the other numbers of a protocol file. Like the ones
// above, these are not clinical choices: each is a figure no protocol
// could mean, so a value outside it is a slip (a unit, a decimal point, an
// exponent) and the file is refused at that value's line and column. The
// reasons are in docs/protocol-format.md, "Plausible ranges".

/// Prepared ketamine concentration, mg/mL: vials are sold at 10, 50 and
/// 100 mg/mL; the most dilute infusion bag in use is about 0.1 mg/mL.
pub const CONCENTRATION_MG_PER_ML: (f64, f64) = (0.05, 100.0);

/// Dose rounding step, mg: finer than 0.01 mg no syringe measures; coarser
/// than 50 mg rounds a whole dose away.
pub const ROUNDING_MG: (f64, f64) = (0.01, 50.0);

/// The least mg/kg a dose (or a step of one) may set: a tenth of the
/// lowest sub-anaesthetic doses used (0.1 mg/kg).
pub const MIN_MG_PER_KG: f64 = 0.01;

/// The least fixed dose or cap, in mg.
pub const MIN_FIXED_MG: f64 = 1.0;

/// The shortest infusion, observation or dose step, in minutes: anything
/// shorter is a push, not a timed infusion, and divides a dose by nearly
/// nothing to give an infusion rate.
pub const MIN_MINUTES: f64 = 1.0;

/// Whole-number minutes of a session (targets, windows, recency): at most
/// a session's length.
pub const MAX_MINUTES: u32 = 480;

/// Minutes between vital-sign readings: monitoring less often than every
/// two hours is not monitoring a dosing session.
pub const MAX_VITALS_INTERVAL_MINUTES: u32 = 120;

/// Minutes of an alarm's reminder, escalation or confirmation, and of the
/// no-music check-in: an hour is already far past any bedside response.
pub const MAX_ALARM_MINUTES: u32 = 60;

/// Days between two sessions of a course: at most a year.
pub const MAX_DAYS: u32 = 366;

/// Months between maintenance sessions: at most two years.
pub const MAX_MONTHS: u32 = 24;

/// Hours within which integration follows a session: at most 30 days.
pub const MAX_HOURS: u32 = 720;

/// The most goals a course may ask for.
pub const MAX_GOALS: u32 = 20;

/// A protocol number as a message shows it: plain for ordinary sizes,
/// with an exponent for the absurd ones (`1e300`, `1e-9`), never 300 digits.
pub fn show(v: f64) -> String {
    let a = v.abs();
    if v != 0.0 && v.is_finite() && !(1e-4..1e9).contains(&a) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// One dose of a rescue drug, in its unit (mg, mcg): below a thousandth
/// is no dose; above a thousand is a unit mistaken (mcg for mg).
pub const DRUG_DOSE: (f64, f64) = (0.001, 1000.0);

/// The most doses of one rescue drug a session may allow.
pub const MAX_DRUG_DOSES: u32 = 20;

/// Minutes after a rescue dose when its effect is checked again: within
/// two hours, or it is not a re-check during a session.
pub const MAX_RECHECK_MINUTES: u32 = 120;
