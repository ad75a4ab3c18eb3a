//! Rehearsal: scenario files, the simulated patient and its monitor, and
//! the trainee report. The accelerated clock itself is
//! [`kap_core::clocks::ScaledClock`]; the screens are the real ones.

// The crates this one stands on, under the names its modules use
// (`crate::session`, `crate::record`, `crate::say!`…), as in the `kap`
// crate.
use kap_core::{i18n, input, protocol, say, session, text};
#[cfg(test)]
use kap_monitor as monitor;
use kap_record as record;

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
pub fn restore_patient(
    dir: &std::path::Path,
    origin: &crate::session::Moment,
    lang: crate::i18n::Lang,
) -> Option<Patient> {
    let path = dir.join(simlog::SCENARIO_COPY);
    let text = crate::input::read_text_string(&path).ok()?;
    let scenario = scenario::load_str(&path, &text, lang).ok()?;
    let mut p = Patient::new(scenario, None);
    if let Ok(log) = simlog::read(dir, lang) {
        p.restore(&log, origin);
    }
    Some(p)
}
