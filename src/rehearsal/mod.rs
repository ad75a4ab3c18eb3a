//! Rehearsal: scenario files, the simulated patient and its monitor, and
//! the trainee report. The accelerated clock itself is
//! [`crate::clocks::ScaledClock`]; the screens are the real ones.

pub mod patient;
pub mod report;
pub mod scenario;
pub mod states;

pub use patient::{MonitorView, Patient};
pub use report::Report;
pub use scenario::Scenario;
