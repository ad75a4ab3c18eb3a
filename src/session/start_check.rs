//! Whether a session's start entry agrees with its protocol's arithmetic.
//! The start screen works the dose out with `protocol::dose::plan`; a start
//! entry whose dose is not what that gives (a hand-edited journal, a bug)
//! is refused when a session is created and flagged when a record is read.

use super::SessionStart;
use crate::protocol::Protocol;
use crate::protocol::dose::{self, DoseError, DoseRequest, num};

/// Why the start's weight, mg/kg and dose do not fit the protocol, if they
/// do not.
pub fn dose_disagreement(protocol: &Protocol, start: &SessionStart) -> Option<String> {
    let req = |mg_per_kg| DoseRequest {
        session: start.session,
        weight_kg: start.weight_kg,
        mg_per_kg,
    };
    let plan = match dose::plan(protocol, req(Some(start.mg_per_kg))) {
        Err(DoseError::FixedDose { .. }) => dose::plan(protocol, req(None)),
        other => other,
    };
    let plan = match plan {
        Ok(p) => p,
        Err(e) => return Some(e.to_string()),
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
    if !start.dose_mg.is_finite() || !close(plan.dose_mg, start.dose_mg) {
        return Some(format!(
            "the recorded dose of {} mg is not what the protocol gives for {} kg at {} mg/kg ({} mg)",
            num(start.dose_mg),
            num(start.weight_kg),
            num(plan.mg_per_kg),
            num(plan.dose_mg)
        ));
    }
    None
}
