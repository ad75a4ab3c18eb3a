//! A measure's scores across a course, read against the baseline: the
//! change at each administration, and the first session at which the
//! protocol's response and remission criteria are met.
//!
//! The baseline is the first administration recorded in the course (kap
//! records no assessment visit yet, so it is the first dosing session's,
//! given before the dose where the protocol says so). Response and
//! remission are looked for only after it: a course does not respond at
//! its own baseline.

use crate::protocol::{Remission, Response};
use chrono::NaiveDateTime;
use serde::Serialize;

/// One administration as the course sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taken {
    pub session: u32,
    pub at: NaiveDateTime,
    pub total: u32,
}

/// One administration against the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub session: u32,
    pub at: NaiveDateTime,
    pub total: u32,
    /// The total minus the baseline's (negative: better on a scale where
    /// higher is worse). None for the baseline itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    /// The reduction from the baseline as a percentage of it (None for
    /// the baseline, or a baseline of 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reduction_percent: Option<f64>,
    /// The protocol's response criterion is met here.
    pub response: bool,
    /// The protocol's remission criterion is met here.
    pub remission: bool,
}

/// A measure's course.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// Every administration, oldest first; the first is the baseline.
    pub points: Vec<Point>,
    /// The session of the first administration meeting the response
    /// criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_at: Option<u32>,
    /// The session of the first administration meeting the remission
    /// criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remission_at: Option<u32>,
}

impl Trend {
    pub fn baseline(&self) -> Option<&Point> {
        self.points.first()
    }
}

/// Whether `total` is a response against `baseline`: a reduction of more
/// than `reduction_over_percent` % of it (whole numbers, no rounding: 20
/// to 10 is 50 %, not more than 50 %).
pub fn is_response(r: &Response, baseline: u32, total: u32) -> bool {
    baseline > 0
        && total < baseline
        && u64::from(baseline - total) * 100
            > u64::from(r.reduction_over_percent) * u64::from(baseline)
}

/// Whether `total` is a remission: below the protocol's threshold.
pub fn is_remission(r: &Remission, total: u32) -> bool {
    total < r.below
}

/// The course of one measure from its administrations (any order).
pub fn trend(taken: &[Taken], response: Option<&Response>, remission: Option<&Remission>) -> Trend {
    let mut taken: Vec<&Taken> = taken.iter().collect();
    taken.sort_by_key(|t| (t.at, t.session));
    let Some(base) = taken.first().map(|t| t.total) else {
        return Trend {
            points: Vec::new(),
            response_at: None,
            remission_at: None,
        };
    };
    let points: Vec<Point> = taken
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let after = i > 0;
            Point {
                session: t.session,
                at: t.at,
                total: t.total,
                change: after.then(|| i64::from(t.total) - i64::from(base)),
                reduction_percent: (after && base > 0)
                    .then(|| (f64::from(base) - f64::from(t.total)) * 100.0 / f64::from(base)),
                response: after && response.is_some_and(|r| is_response(r, base, t.total)),
                remission: after && remission.is_some_and(|r| is_remission(r, t.total)),
            }
        })
        .collect();
    Trend {
        response_at: points.iter().find(|p| p.response).map(|p| p.session),
        remission_at: points.iter().find(|p| p.remission).map(|p| p.session),
        points,
    }
}
