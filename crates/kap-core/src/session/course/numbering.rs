//! The session number typed at the start, checked against the course: a
//! number already held, an earlier number never held, a maintenance
//! session before the course is complete, a recent dose under another
//! protocol. Each finding asks for a reason or refuses, as the protocol's
//! `[course.numbering]` says (asks when it is absent). Pure: the shell
//! words the findings and records the reason with the start.

use super::{Encounter, held};
use crate::protocol::{CheckAction, Protocol};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a check found, as recorded in the journal with the reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum NumberCheck {
    /// This session number was already held, on `held_on`.
    Repeat { session: u32, held_on: NaiveDate },
    /// Earlier session numbers never held.
    Gap { session: u32, missing: Vec<u32> },
    /// A maintenance session with only `held` of the course's `sessions`
    /// held.
    EarlyMaintenance {
        session: u32,
        held: u32,
        sessions: u32,
    },
    /// A dose under another protocol `days` days before.
    OtherProtocol {
        protocol: String,
        session: u32,
        on: NaiveDate,
        days: u64,
    },
}

/// A check's finding and what the protocol does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: NumberCheck,
    pub action: CheckAction,
}

/// Whether any finding refuses the session.
pub fn refused(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.action == CheckAction::Refuse)
}

/// Check `session` against the course (`course`: this protocol's
/// encounters) and the patient's doses under other protocols (`others`),
/// on `today`.
pub fn check(
    p: &Protocol,
    course: &[Encounter],
    others: &[Encounter],
    session: u32,
    today: NaiveDate,
) -> Vec<Finding> {
    let rules = p.course.numbering.as_ref();
    let action =
        |f: fn(&crate::protocol::Numbering) -> CheckAction| rules.map(f).unwrap_or_default();
    let doses = held(course);
    let numbers: BTreeSet<u32> = doses.iter().map(|d| d.session).collect();
    let mut out = Vec::new();
    if let Some(d) = doses.iter().rev().find(|d| d.session == session) {
        out.push(Finding {
            check: NumberCheck::Repeat {
                session,
                held_on: d.at().date(),
            },
            action: action(|r| r.repeat),
        });
    }
    let sessions = p.course.sessions;
    let first = if p.is_maintenance(session) {
        let course_held = numbers.iter().filter(|n| **n <= sessions).count();
        let course_held = u32::try_from(course_held).unwrap_or(u32::MAX);
        if course_held < sessions {
            out.push(Finding {
                check: NumberCheck::EarlyMaintenance {
                    session,
                    held: course_held,
                    sessions,
                },
                action: action(|r| r.early_maintenance),
            });
        }
        sessions + 1
    } else {
        1
    };
    // A course with nothing recorded yet has no gap to find: its earlier
    // sessions may predate kap's record (a site starting to use kap).
    let missing: Vec<u32> = (first..session).filter(|n| !numbers.contains(n)).collect();
    if !missing.is_empty() && !doses.is_empty() {
        out.push(Finding {
            check: NumberCheck::Gap { session, missing },
            action: action(|r| r.gap),
        });
    }
    if let Some(f) = other_protocol(p, &doses, others, today) {
        out.push(Finding {
            check: f,
            action: action(|r| r.other_protocol),
        });
    }
    out
}

/// The patient's latest dose under another protocol, when it is recent:
/// within `other_protocol_days`, or (without it) after this course's last
/// dose.
fn other_protocol(
    p: &Protocol,
    doses: &[&Encounter],
    others: &[Encounter],
    today: NaiveDate,
) -> Option<NumberCheck> {
    let other = held(others)
        .into_iter()
        .filter(|e| e.protocol_id != p.protocol.id)
        .max_by_key(|e| e.at())?;
    let on = other.at().date();
    let days = (today - on).num_days();
    let recent = match p
        .course
        .numbering
        .as_ref()
        .and_then(|r| r.other_protocol_days)
    {
        Some(n) => days <= i64::from(n),
        None => doses.last().is_none_or(|d| d.at() < other.at()),
    };
    recent.then(|| NumberCheck::OtherProtocol {
        protocol: other.protocol_id.clone(),
        session: other.session,
        on,
        days: days.unsigned_abs(),
    })
}
