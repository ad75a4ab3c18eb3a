//! The course's rules (`session::course::due`, `::numbering`) in words,
//! once, for the start screen, the screen-reader mode and `kap course`:
//! every date with its year.

use crate::protocol::Protocol;
use crate::session::course::Encounter;
use crate::session::course::due::{self, Item, Owed, Standing};
use crate::session::course::numbering::NumberCheck;
use chrono::{NaiveDate, NaiveDateTime};

fn date(d: NaiveDate) -> String {
    crate::i18n::date(d)
}

fn date_time(t: NaiveDateTime) -> String {
    format!("{} {}", date(t.date()), t.format("%H:%M"))
}

/// What is owed, without where it stands: "session 3: 2026-01-08 –
/// 2026-01-11". `short`: an integration window by its days, without its
/// hours (for one line).
pub fn owed(o: &Owed, short: bool) -> String {
    let span = |w: &crate::session::course::Window| match w.latest {
        Some(l) => format!("{} – {}", date(w.earliest), date(l)),
        None => crate::t!("course-from", date = date(w.earliest)),
    };
    match o {
        Owed::Preparation { held, min, max, .. } => crate::t!(
            "course-what-preparation",
            held = *held,
            min = *min,
            max = *max
        ),
        Owed::FirstDose => crate::t!("course-what-first"),
        Owed::NextDose { window } => crate::t!(
            "course-what-next",
            session = window.session,
            dates = span(window)
        ),
        Owed::Maintenance { window } => crate::t!(
            "course-what-maintenance",
            session = window.session,
            dates = span(window)
        ),
        Owed::Integration {
            after,
            visit: Some(v),
            ..
        } => crate::t!(
            "course-what-integration-held",
            session = *after,
            at = date_time(*v)
        ),
        Owed::Integration {
            after, from, until, ..
        } => crate::t!(
            "course-what-integration",
            session = *after,
            dates = if short {
                format!("{} – {}", date(from.date()), date(until.date()))
            } else {
                format!("{} – {}", date_time(*from), date_time(*until))
            }
        ),
        Owed::CourseEnd { ended: Some(d), .. } => crate::t!("course-what-ended", date = date(*d)),
        Owed::CourseEnd {
            latest: Some(d), ..
        } => crate::t!("course-what-end-by", date = date(*d)),
        Owed::CourseEnd { .. } => crate::t!("course-what-end-open"),
    }
}

/// Where it stands: ", open", ", OVERDUE 3 d".
pub fn standing(s: Standing) -> String {
    match s {
        Standing::Ahead => crate::t!("course-state-ahead"),
        Standing::Open => crate::t!("course-state-open"),
        Standing::PastTarget(d) => crate::t!("course-state-past-target", days = d),
        Standing::Overdue(d) => crate::t!("course-state-overdue", days = d),
        Standing::Closed => crate::t!("course-state-closed"),
        Standing::Done => crate::t!("course-state-done"),
    }
}

/// One thing owed, and where it stands.
pub fn item(i: &Item, short: bool) -> String {
    match (&i.owed, i.standing) {
        // A course's end still ahead needs no "not open yet".
        (Owed::CourseEnd { .. }, Standing::Ahead) => owed(&i.owed, short),
        _ => format!("{}{}", owed(&i.owed, short), standing(i.standing)),
    }
}

/// The item a one-line summary shows: an open integration window first,
/// then the next dose or maintenance, then the course's end.
fn most_pressing(items: &[Item]) -> Option<&Item> {
    let rank = |i: &Item| match (&i.owed, i.standing) {
        (Owed::Integration { .. }, Standing::Open) => 0,
        (Owed::Preparation { .. }, Standing::Open) => 1,
        (Owed::NextDose { .. } | Owed::Maintenance { .. } | Owed::FirstDose, _) => 1,
        (Owed::Preparation { .. }, _) => 3,
        (Owed::CourseEnd { .. }, _) => 2,
        (Owed::Integration { .. }, _) => 3,
    };
    items.iter().min_by_key(|i| rank(i))
}

/// The course in one line: "Course 2/6 · session 3: 2026-01-08 –
/// 2026-01-11, open now", and whether what it shows is overdue. None
/// before any session of the course.
pub fn one_line(
    p: &Protocol,
    encounters: &[Encounter],
    now: NaiveDateTime,
) -> Option<(String, bool)> {
    if encounters.is_empty() {
        return None;
    }
    let items = due::due(p, encounters, now);
    let held = items.iter().find_map(|i| match i.owed {
        Owed::CourseEnd { held, .. } => Some(held),
        _ => None,
    })?;
    let head = crate::t!("course-head", held = held, sessions = p.course.sessions);
    Some(match most_pressing(&items) {
        Some(i) => (
            format!("{head} · {}", item(i, true)),
            i.standing.is_overdue(),
        ),
        None => (head, false),
    })
}

/// A session-number check's finding, as a sentence.
pub fn check(c: &NumberCheck) -> String {
    match c {
        NumberCheck::Repeat { session, held_on } => crate::t!(
            "course-check-repeat",
            session = *session,
            date = date(*held_on)
        ),
        NumberCheck::Gap { session, missing } => crate::t!(
            "course-check-gap",
            session = *session,
            count = missing.len(),
            missing = missing
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        NumberCheck::EarlyMaintenance {
            session,
            held,
            sessions,
        } => crate::t!(
            "course-check-early-maintenance",
            session = *session,
            held = *held,
            sessions = *sessions
        ),
        NumberCheck::OtherProtocol {
            protocol,
            session,
            on,
            days,
        } => crate::t!(
            "course-check-other-protocol",
            protocol = crate::text::clean_line(protocol),
            session = *session,
            date = date(*on),
            days = *days
        ),
    }
}
