//! The course: when the next session may happen, by the protocol's
//! schedule. Pure date arithmetic on calendar days.

use crate::protocol::Protocol;
use chrono::{Days, Months, NaiveDate, NaiveDateTime};
use serde::Serialize;

pub mod due;
pub mod numbering;

/// One encounter of a patient's care as the course rules see it: which
/// protocol, which session number, when, and whether it counts as held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Encounter {
    pub protocol_id: String,
    pub session: u32,
    /// When the session was started (local wall time).
    pub started: NaiveDateTime,
    /// When the dose began, if it did.
    pub dose_at: Option<NaiveDateTime>,
    /// Whether it counts as held for the course's numbering (a dose given,
    /// or a damaged record that may hold one). Never a visit.
    pub held: bool,
    /// The kind of visit, when the encounter is one rather than a dose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visit: Option<crate::protocol::VisitKind>,
}

impl Encounter {
    /// When the dose was given, else when the session began.
    pub fn at(&self) -> NaiveDateTime {
        self.dose_at.unwrap_or(self.started)
    }
}

/// The doses held, oldest first (visits are never held).
pub fn held(encounters: &[Encounter]) -> Vec<&Encounter> {
    let mut v: Vec<&Encounter> = encounters
        .iter()
        .filter(|e| e.held && e.visit.is_none())
        .collect();
    v.sort_by_key(|e| e.at());
    v
}

/// The date window for a course session, counted from the previous one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    pub session: u32,
    pub previous: NaiveDate,
    pub earliest: NaiveDate,
    pub latest: Option<NaiveDate>,
    pub target: Option<(NaiveDate, NaiveDate)>,
    pub label: String,
    pub source: String,
}

/// Where a date falls against a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Inside the target (or inside the window when there is no target).
    OnTarget,
    /// Allowed, but outside the target days.
    InWindow,
    /// Before the earliest day: by how many days.
    TooEarly(u64),
    /// After the latest day: by how many days.
    TooLate(u64),
}

impl Fit {
    pub fn is_outside(self) -> bool {
        matches!(self, Fit::TooEarly(_) | Fit::TooLate(_))
    }
}

fn add(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The window for `session`, given the date the previous session was held.
/// `None` for the first session or a session the schedule does not cover.
pub fn window(p: &Protocol, session: u32, previous: NaiveDate) -> Option<Window> {
    if session < 2 {
        return None;
    }
    if let Some(m) = p
        .course
        .maintenance
        .as_ref()
        .filter(|_| p.is_maintenance(session))
    {
        let months = |n: u32| {
            previous
                .checked_add_months(Months::new(n))
                .unwrap_or(NaiveDate::MAX)
        };
        return Some(Window {
            session,
            previous,
            earliest: months(m.every_months.min),
            latest: Some(months(m.every_months.max)),
            target: None,
            label: m.label.clone(),
            source: m.source.clone(),
        });
    }
    let iv = p.interval_before(session)?;
    Some(Window {
        session,
        previous,
        earliest: add(previous, iv.min_days),
        latest: iv.max_days.map(|d| add(previous, d)),
        target: iv
            .target_days
            .map(|t| (add(previous, t.min), add(previous, t.max))),
        label: iv.label.clone(),
        source: iv.source.clone(),
    })
}

impl Window {
    pub fn fit(&self, date: NaiveDate) -> Fit {
        if date < self.earliest {
            return Fit::TooEarly((self.earliest - date).num_days().unsigned_abs());
        }
        if let Some(l) = self.latest
            && date > l
        {
            return Fit::TooLate((date - l).num_days().unsigned_abs());
        }
        match self.target {
            Some((a, b)) if date < a || date > b => Fit::InWindow,
            _ => Fit::OnTarget,
        }
    }

    /// e.g. "session 3 (twice a week): from Thu 8 Jan, aim Fri 9 Jan – Sat 10 Jan, at the latest Sun 11 Jan",
    /// for whoever words it.
    pub fn describe(&self) -> crate::i18n::Phrase {
        use crate::i18n::Phrase;
        let f = Phrase::DateShort;
        let mut s = vec![crate::phrase!(
            "window-from",
            session = self.session,
            label = self.label.clone(),
            date = f(self.earliest)
        )];
        if let Some((a, b)) = self.target {
            let aim = if a == b {
                f(a)
            } else {
                Phrase::join(vec![f(a), f(b)], " – ")
            };
            s.push(crate::phrase!("window-aim", dates = aim));
        }
        if let Some(l) = self.latest {
            s.push(crate::phrase!("window-latest", date = f(l)));
        }
        Phrase::Seq(s)
    }
}

/// The visits of `kind` among the encounters, oldest first.
pub fn visits(encounters: &[Encounter], kind: crate::protocol::VisitKind) -> Vec<&Encounter> {
    let mut v: Vec<&Encounter> = encounters
        .iter()
        .filter(|e| e.visit == Some(kind))
        .collect();
    v.sort_by_key(|e| e.started);
    v
}
