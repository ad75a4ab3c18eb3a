//! Rehearsal: scenario files, the simulated patient and its monitor, and
//! the trainee report. The accelerated clock itself is
//! [`crate::clocks::ScaledClock`]; the screens are the real ones.

pub mod branch;
pub mod inject;
pub mod patient;
pub mod pcd01;
pub mod report;
pub mod scenario;
pub mod simlog;
pub mod states;

pub use patient::{MonitorView, Patient};
pub use report::Report;
pub use scenario::Scenario;

/// The simulated patient of a rehearsal folder, as it ran: its scenario
/// copy with the simulation log's seed, cuff cycles and injections.
/// `None` when the folder has no scenario copy or it cannot be read.
pub fn restore_patient(dir: &std::path::Path, origin: &crate::session::Moment) -> Option<Patient> {
    let path = dir.join(simlog::SCENARIO_COPY);
    let text = crate::input::read_text_string(&path).ok()?;
    let scenario = scenario::load_str(&path, &text).ok()?;
    let mut p = Patient::new(scenario, None);
    if let Ok(log) = simlog::read(dir) {
        p.restore(&log, origin);
    }
    Some(p)
}
