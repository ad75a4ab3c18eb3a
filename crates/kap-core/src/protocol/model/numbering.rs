//! `[course.numbering]`: what kap does when the session number typed at
//! the start does not follow the course (a repeat, a gap, a maintenance
//! session before the course ends, a recent dose under another protocol).
//! The papers say nothing of it: every value is the site's to set.

use serde::{Deserialize, Serialize};

/// What happens when a session-number check finds something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckAction {
    /// The session starts once a reason is given; the reason is recorded.
    #[default]
    Ask,
    /// The session does not start.
    Refuse,
}

/// The session-number checks at the start, each asking for a reason or
/// refusing. Absent, every check asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    /// A session number already held in this course.
    #[serde(default)]
    pub repeat: CheckAction,
    /// A session number with an earlier one never held.
    #[serde(default)]
    pub gap: CheckAction,
    /// A maintenance session before every course session is held.
    #[serde(default)]
    pub early_maintenance: CheckAction,
    /// A dose under another protocol within `other_protocol_days`.
    #[serde(default)]
    pub other_protocol: CheckAction,
    /// How many days back a dose under another protocol counts; without
    /// it, any dose under another protocol after this course's last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_protocol_days: Option<u32>,
    pub source: String,
}
