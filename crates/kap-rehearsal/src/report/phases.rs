//! Time spent in each phase the protocol gives a target length (a debrief
//! of 20–30 min): a debrief cut to seconds is said, not passed over.

use super::mins;
use crate::session::{Moment, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    Short,
    Within,
    Long,
    /// The run ended in the phase.
    Unfinished,
}

/// One phase with a target length, as the run went.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseTime {
    pub title: String,
    /// Simulated minutes spent in it.
    pub minutes: f64,
    pub target: (u32, u32),
    pub pace: Pace,
}

/// Each phase entered that has a target length: from entering it to
/// entering the next (or the signature), against the target.
pub fn times(s: &Session, end: &Moment) -> Vec<PhaseTime> {
    let mut out = Vec::new();
    for (i, ph) in s.protocol().phases.iter().enumerate() {
        let (Some(target), Some(Some(entered))) = (ph.target_minutes, s.entered.get(i)) else {
            continue;
        };
        let next = s.entered.get(i + 1).cloned().flatten();
        let signed = s
            .closed
            .as_ref()
            .filter(|c| c.abandoned.is_none() && s.phase == i)
            .map(|c| c.at.clone());
        let left = next.or(signed);
        let minutes = mins(left.as_ref().unwrap_or(end), entered);
        let pace = match left {
            None => Pace::Unfinished,
            Some(_) if minutes < f64::from(target.min) => Pace::Short,
            Some(_) if minutes > f64::from(target.max) => Pace::Long,
            Some(_) => Pace::Within,
        };
        out.push(PhaseTime {
            title: ph.title.clone(),
            minutes,
            target: (target.min, target.max),
            pace,
        });
    }
    out
}
