//! The long table's rows of a tick that names its evidence
//! (`evidence_visit`).

use super::Row;
use crate::session::Session;
use crate::session::evidence::Evidence;

/// The tick, then a row of the same entry named `PROMPT.evidence`: the
/// kind and the visit's record (`assessment:FOLDER`), or `KIND:none`
/// when no such visit was recorded in kap.
pub(super) fn evidence_rows(
    s: &Session,
    e: &crate::session::Entry,
    prompt: &str,
    ev: &Evidence,
    rows: &mut Vec<Row>,
) {
    let evidence = format!(
        "{}:{}",
        ev.visit.as_str(),
        ev.record.as_deref().unwrap_or("none")
    );
    for (name, value) in [
        (prompt.to_string(), "ticked".to_string()),
        (format!("{prompt}.evidence"), evidence),
    ] {
        rows.push(Row::of_entry(
            s,
            e,
            "check",
            name,
            value,
            false,
            String::new(),
        ));
    }
}
