//! The course's rules (`session::course::due`, `::numbering`) in words,
//! once, for the start screen, the screen-reader mode and `kap course`:
//! every date with its year.

use crate::protocol::Protocol;
use crate::session::course::Encounter;
use crate::session::course::due::{self, Item, Owed, Standing};
use crate::session::course::numbering::NumberCheck;
use chrono::{NaiveDate, NaiveDateTime};

fn date(d: NaiveDate, lang: crate::i18n::Lang) -> String {
    crate::i18n::date_in(lang, d)
}

fn date_time(t: NaiveDateTime, lang: crate::i18n::Lang) -> String {
    format!("{} {}", date(t.date(), lang), t.format("%H:%M"))
}

/// What is owed, without where it stands: "session 3: 2026-01-08 –
/// 2026-01-11". `short`: an integration window by its days, without its
/// hours (for one line).
pub fn owed(o: &Owed, short: bool, lang: crate::i18n::Lang) -> String {
    let span = |w: &crate::session::course::Window| match w.latest {
        Some(l) => format!("{} – {}", date(w.earliest, lang), date(l, lang)),
        None => crate::say!(lang, "course-from", date = date(w.earliest, lang)),
    };
    match o {
        Owed::Preparation { held, min, max, .. } => crate::say!(
            lang,
            "course-what-preparation",
            held = *held,
            min = *min,
            max = *max
        ),
        Owed::FirstDose => crate::say!(lang, "course-what-first"),
        Owed::NextDose { window } => crate::say!(
            lang,
            "course-what-next",
            session = window.session,
            dates = span(window)
        ),
        Owed::Maintenance { window } => crate::say!(
            lang,
            "course-what-maintenance",
            session = window.session,
            dates = span(window)
        ),
        Owed::Integration {
            after,
            visit: Some(v),
            ..
        } => crate::say!(
            lang,
            "course-what-integration-held",
            session = *after,
            at = date_time(*v, lang)
        ),
        Owed::Integration {
            after, from, until, ..
        } => crate::say!(
            lang,
            "course-what-integration",
            session = *after,
            dates = if short {
                format!("{} – {}", date(from.date(), lang), date(until.date(), lang))
            } else {
                format!("{} – {}", date_time(*from, lang), date_time(*until, lang))
            }
        ),
        Owed::CourseEnd { ended: Some(d), .. } => {
            crate::say!(lang, "course-what-ended", date = date(*d, lang))
        }
        Owed::CourseEnd {
            latest: Some(d), ..
        } => crate::say!(lang, "course-what-end-by", date = date(*d, lang)),
        Owed::CourseEnd { .. } => crate::say!(lang, "course-what-end-open"),
    }
}

/// Where it stands: ", open", ", OVERDUE 3 d".
pub fn standing(s: Standing, lang: crate::i18n::Lang) -> String {
    match s {
        Standing::Ahead => crate::say!(lang, "course-state-ahead"),
        Standing::Open => crate::say!(lang, "course-state-open"),
        Standing::PastTarget(d) => crate::say!(lang, "course-state-past-target", days = d),
        Standing::Overdue(d) => crate::say!(lang, "course-state-overdue", days = d),
        Standing::Closed => crate::say!(lang, "course-state-closed"),
        Standing::Done => crate::say!(lang, "course-state-done"),
    }
}

/// One thing owed, and where it stands.
pub fn item(i: &Item, short: bool, lang: crate::i18n::Lang) -> String {
    match (&i.owed, i.standing) {
        // A course's end still ahead needs no "not open yet".
        (Owed::CourseEnd { .. }, Standing::Ahead) => owed(&i.owed, short, lang),
        _ => format!(
            "{}{}",
            owed(&i.owed, short, lang),
            standing(i.standing, lang)
        ),
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
    lang: crate::i18n::Lang,
) -> Option<(String, bool)> {
    if encounters.is_empty() {
        return None;
    }
    let items = due::due(p, encounters, now);
    let held = items.iter().find_map(|i| match i.owed {
        Owed::CourseEnd { held, .. } => Some(held),
        _ => None,
    })?;
    let head = crate::say!(
        lang,
        "course-head",
        held = held,
        sessions = p.course.sessions
    );
    Some(match most_pressing(&items) {
        Some(i) => (
            format!("{head} · {}", item(i, true, lang)),
            i.standing.is_overdue(),
        ),
        None => (head, false),
    })
}

/// A session-number check's finding, as a sentence.
pub fn check(c: &NumberCheck, lang: crate::i18n::Lang) -> String {
    match c {
        NumberCheck::Repeat { session, held_on } => crate::say!(
            lang,
            "course-check-repeat",
            session = *session,
            date = date(*held_on, lang)
        ),
        NumberCheck::Gap { session, missing } => crate::say!(
            lang,
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
        } => crate::say!(
            lang,
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
        } => crate::say!(
            lang,
            "course-check-other-protocol",
            protocol = crate::text::clean_line(protocol),
            session = *session,
            date = date(*on, lang),
            days = *days
        ),
    }
}
