//! What the journal keeps beside each event: who made the entry, and when
//! what it records happened when that was not when it was recorded (a
//! reading taken at 10:42 and typed at 10:47 is a late entry).

use super::clock::{MINUTE, Moment};
use super::event::Event;
use crate::i18n::Phrase;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Who made the entry (name or initials and role, as given at the
    /// start), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When what the entry records happened, if earlier than the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<Moment>,
}

/// One accepted entry of a session, as the session keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Its number in the journal.
    pub seq: u64,
    /// When it was recorded.
    pub at: Moment,
    pub stamp: Stamp,
    pub event: Event,
}

/// An entry made at least this long after what it records is a late entry.
pub const LATE_AFTER: i64 = MINUTE;

impl Entry {
    /// When what it records happened.
    pub fn when(&self) -> &Moment {
        self.stamp.taken.as_ref().unwrap_or(&self.at)
    }

    /// Recorded at least a minute after what it records.
    pub fn is_late(&self) -> bool {
        self.stamp
            .taken
            .as_ref()
            .is_some_and(|t| self.at.since(t) >= LATE_AFTER)
    }
}

/// What a typed time taken says: `at 10:42` (or `@10:42`), or `-5m` (or
/// `@-5m`), at the end of an entry line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    At { hour: u32, minute: u32 },
    MinutesAgo(u32),
}

impl Taken {
    /// The moment it names, on `now`'s day and offset; a clock time later
    /// than now is refused (an entry cannot come before what it records).
    pub fn resolve(self, now: &Moment) -> Result<Moment, Phrase> {
        match self {
            Taken::MinutesAgo(m) => Ok(now.plus(-i64::from(m) * MINUTE)),
            Taken::At { hour, minute } => {
                let wall = now
                    .wall
                    .date_naive()
                    .and_hms_opt(hour, minute, 0)
                    .and_then(|t| t.and_local_timezone(*now.wall.offset()).single())
                    .ok_or_else(|| {
                        crate::phrase!("late-not-a-time", at = format!("{hour:02}:{minute:02}"))
                    })?;
                let back = now.wall.signed_duration_since(wall).num_milliseconds();
                if back < 0 {
                    return Err(crate::phrase!(
                        "late-in-future",
                        at = format!("{hour:02}:{minute:02}"),
                        now = now.hhmm()
                    ));
                }
                Ok(now.plus(-back))
            }
        }
    }
}

/// Split a time taken off the end of an entry line: the rest of the line,
/// and the time if one was given (`@10:42`, `@-5m`). `bare` also accepts
/// `at 10:42` and `-5m` without `@` (the vitals line, where free text
/// cannot be mistaken for one).
pub fn split_taken(line: &str, bare: bool) -> Result<(String, Option<Taken>), Phrase> {
    let t = line.trim_end();
    let Some((head, last)) = t.rsplit_once(char::is_whitespace) else {
        return Ok((t.to_string(), None));
    };
    let head = head.trim_end();
    if let Some(spec) = last.strip_prefix('@') {
        return Ok((head.to_string(), Some(parse_spec(spec)?)));
    }
    if bare && last.starts_with('-') {
        return Ok((head.to_string(), Some(parse_spec(last)?)));
    }
    if bare && last.contains(':') {
        let before = head.rsplit_once(char::is_whitespace);
        let (rest, word) = before.map_or(("", head), |(r, w)| (r.trim_end(), w));
        if word.eq_ignore_ascii_case("at") {
            return Ok((rest.to_string(), Some(parse_spec(last)?)));
        }
    }
    Ok((t.to_string(), None))
}

fn parse_spec(spec: &str) -> Result<Taken, Phrase> {
    if let Some(m) = spec.strip_prefix('-') {
        return match m.strip_suffix('m').map(str::parse::<u32>) {
            Some(Ok(n)) if n <= 24 * 60 => Ok(Taken::MinutesAgo(n)),
            _ => Err(crate::phrase!("late-minutes-ago", typed = spec)),
        };
    }
    match spec.split_once(':') {
        Some((h, m)) if m.len() == 2 => match (h.parse::<u32>(), m.parse::<u32>()) {
            (Ok(hour), Ok(minute)) if hour < 24 && minute < 60 => Ok(Taken::At { hour, minute }),
            _ => Err(crate::phrase!("late-not-time-of-day", typed = spec)),
        },
        _ => Err(crate::phrase!("late-how", typed = spec)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_taken_comes_off_the_end_of_the_line() {
        let at = |h, m| Some(Taken::At { hour: h, minute: m });
        assert_eq!(
            split_taken("128/82 76 97 at 10:42", true).unwrap(),
            ("128/82 76 97".into(), at(10, 42))
        );
        assert_eq!(
            split_taken("128/82 76 97 @10:42", true).unwrap(),
            ("128/82 76 97".into(), at(10, 42))
        );
        assert_eq!(
            split_taken("128/82 76 97 -5m", true).unwrap(),
            ("128/82 76 97".into(), Some(Taken::MinutesAgo(5)))
        );
        assert_eq!(
            split_taken("128/82 76 97", true).unwrap(),
            ("128/82 76 97".into(), None)
        );
        // In free text only the @ form counts.
        assert_eq!(
            split_taken("midazolam given at 10:42", false).unwrap(),
            ("midazolam given at 10:42".into(), None)
        );
        assert_eq!(
            split_taken("midazolam given @10:42", false).unwrap(),
            ("midazolam given".into(), at(10, 42))
        );
        assert_eq!(
            split_taken("felt sick @-3m", false).unwrap(),
            ("felt sick".into(), Some(Taken::MinutesAgo(3)))
        );
        assert!(split_taken("x @25:00", false).is_err());
        assert!(split_taken("x @-5", false).is_err());
    }
}
