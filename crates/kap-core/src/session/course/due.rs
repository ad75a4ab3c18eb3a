//! What a course owes the patient next, by its protocol: the next dose's
//! window, integration after each dose where the protocol gives its hours,
//! maintenance after the course, and the course's end — each ahead, open,
//! past its target or overdue on the day given. Pure: the encounters and
//! the moment are handed in; the shell words the result.

use super::{Encounter, Window, held, visits, window};
use crate::protocol::{Protocol, VisitKind};
use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use serde::Serialize;

/// Something the course owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Owed {
    /// Preparation visits before the first dose: `held` recorded, the
    /// protocol's `min`–`max`.
    Preparation {
        held: u32,
        min: u32,
        max: u32,
        source: String,
    },
    /// No dose yet: session 1 has no window of its own.
    FirstDose,
    /// The next course session, in its window from the last one held.
    NextDose { window: Window },
    /// Integration after the dose of `after`, within the protocol's hours;
    /// `visit`, when an integration visit was recorded in the window.
    Integration {
        after: u32,
        from: NaiveDateTime,
        until: NaiveDateTime,
        source: String,
        visit: Option<NaiveDateTime>,
    },
    /// A maintenance session after the course (for responders).
    Maintenance { window: Window },
    /// The course's end: `ended` once every session is held (after the
    /// last integration window when the protocol has one), else `latest`,
    /// the last day it can end with every remaining gap at its longest
    /// (none when a gap has no longest).
    CourseEnd {
        held: u32,
        sessions: u32,
        ended: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    },
}

/// Where something owed stands on the day asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "days", rename_all = "kebab-case")]
pub enum Standing {
    /// Its window has not opened.
    Ahead,
    /// Its window is open (and its target, if any, not passed).
    Open,
    /// Still allowed, but its target days passed this many days ago.
    PastTarget(u64),
    /// Its last day passed this many days ago.
    Overdue(u64),
    /// An integration window that has closed with no integration visit
    /// recorded in it (one may have been held outside kap).
    Closed,
    /// The course has ended; or what was owed was done (an integration
    /// visit recorded in its window, the preparation visits held).
    Done,
}

impl Standing {
    pub fn is_overdue(self) -> bool {
        matches!(self, Standing::Overdue(_))
    }
}

/// One thing owed and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    #[serde(flatten)]
    pub owed: Owed,
    pub standing: Standing,
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u64 {
    (b - a).num_days().unsigned_abs()
}

/// Where a date window stands on `today`.
fn window_standing(w: &Window, today: NaiveDate) -> Standing {
    if today < w.earliest {
        return Standing::Ahead;
    }
    if let Some(l) = w.latest
        && today > l
    {
        return Standing::Overdue(days_between(l, today));
    }
    match w.target {
        Some((_, b)) if today > b => Standing::PastTarget(days_between(b, today)),
        _ => Standing::Open,
    }
}

fn hours(h: u32) -> TimeDelta {
    TimeDelta::hours(i64::from(h))
}

/// The integration windows after each dose held, when the protocol gives
/// their hours (not when integration rolls into the next session).
fn integration(
    p: &Protocol,
    doses: &[&Encounter],
    recorded: &[&Encounter],
    now: NaiveDateTime,
) -> Vec<Item> {
    let Some(int) = p.course.integration.as_ref().filter(|i| !i.rolling) else {
        return Vec::new();
    };
    let Some(h) = int.within_hours else {
        return Vec::new();
    };
    doses
        .iter()
        .map(|d| {
            let from = d.at() + hours(h.min);
            let until = d.at() + hours(h.max);
            let visit = recorded
                .iter()
                .map(|v| v.started)
                .find(|t| (from..=until).contains(t));
            let standing = if visit.is_some() {
                Standing::Done
            } else if now < from {
                Standing::Ahead
            } else if now <= until {
                Standing::Open
            } else {
                Standing::Closed
            };
            Item {
                owed: Owed::Integration {
                    after: d.session,
                    from,
                    until,
                    source: int.source.clone(),
                    visit,
                },
                standing,
            }
        })
        .collect()
}

/// The day the course ends after its last dose on `last`: the close of the
/// integration window after it, when the protocol has one.
fn end_after(p: &Protocol, last: NaiveDateTime) -> NaiveDate {
    match p.course.integration.as_ref().and_then(|i| i.within_hours) {
        Some(h) => (last + hours(h.max)).date(),
        None => last.date(),
    }
}

/// The last day the course can end from `next` on, each remaining gap at
/// its longest; none when one has no longest.
fn latest_end(p: &Protocol, next: u32, last: NaiveDateTime) -> Option<NaiveDate> {
    let mut at = last;
    for s in next..=p.course.sessions {
        let max = p.interval_before(s)?.max_days?;
        at = at.checked_add_days(Days::new(u64::from(max)))?;
    }
    Some(end_after(p, at))
}

/// Everything the course of `encounters` (one protocol's, any order) owes
/// at `now`, in the order it falls due.
pub fn due(p: &Protocol, encounters: &[Encounter], now: NaiveDateTime) -> Vec<Item> {
    let today = now.date();
    let doses = held(encounters);
    let mut out = integration(p, &doses, &visits(encounters, VisitKind::Integration), now);
    let sessions = p.course.sessions;
    let held_count = u32::try_from(
        doses
            .iter()
            .filter(|d| d.session <= sessions)
            .map(|d| d.session)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    )
    .unwrap_or(u32::MAX);
    let Some(last) = doses.iter().max_by_key(|d| (d.session, d.at())) else {
        out.extend(preparation(p, encounters));
        out.push(Item {
            owed: Owed::FirstDose,
            standing: Standing::Open,
        });
        return out;
    };
    let next = last.session + 1;
    let from = last.at();
    if next <= sessions {
        if let Some(w) = window(p, next, from.date()) {
            let standing = window_standing(&w, today);
            out.push(Item {
                owed: Owed::NextDose { window: w },
                standing,
            });
        }
        let latest = latest_end(p, next, from);
        out.push(Item {
            owed: Owed::CourseEnd {
                held: held_count,
                sessions,
                ended: None,
                latest,
            },
            standing: match latest {
                Some(l) if today > l => Standing::Overdue(days_between(l, today)),
                _ => Standing::Ahead,
            },
        });
        return out;
    }
    // Every course session held: the course ends (with its last course
    // session, not a maintenance one), maintenance may follow.
    let course_last = doses
        .iter()
        .filter(|d| d.session <= sessions)
        .map(|d| d.at())
        .max()
        .unwrap_or(from);
    let ended = end_after(p, course_last);
    if let Some(w) = window(p, next, from.date()).filter(|_| p.is_maintenance(next)) {
        let standing = window_standing(&w, today);
        out.push(Item {
            owed: Owed::Maintenance { window: w },
            standing,
        });
    }
    out.push(Item {
        owed: Owed::CourseEnd {
            held: held_count,
            sessions,
            ended: Some(ended),
            latest: None,
        },
        standing: if today > ended {
            Standing::Done
        } else {
            Standing::Open
        },
    });
    out
}

/// The preparation visits owed before the first dose, when the protocol
/// gives their number: open until the fewest are recorded, then done.
fn preparation(p: &Protocol, encounters: &[Encounter]) -> Option<Item> {
    let prep = p.course.preparation.as_ref()?;
    let held = u32::try_from(visits(encounters, VisitKind::Preparation).len()).unwrap_or(u32::MAX);
    Some(Item {
        owed: Owed::Preparation {
            held,
            min: prep.sessions.min,
            max: prep.sessions.max,
            source: prep.source.clone(),
        },
        standing: if held >= prep.sessions.min {
            Standing::Done
        } else {
            Standing::Open
        },
    })
}
