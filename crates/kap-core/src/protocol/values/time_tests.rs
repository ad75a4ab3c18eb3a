use super::*;
use crate::session::{Clock, SimClock};
use chrono::DateTime;

fn entered(rfc3339: &str) -> crate::session::Moment {
    SimClock::at(DateTime::parse_from_rfc3339(rfc3339).unwrap()).now()
}

fn on(t: &str, at: &str) -> String {
    on_after(t, at, "2026-01-05T09:00:00-03:00")
}

fn on_after(t: &str, at: &str, began: &str) -> String {
    time_on(&Value::Time(t.into()), &entered(at), &entered(began))
        .map(|d| d.to_rfc3339())
        .unwrap_or_default()
}

#[test]
fn a_time_of_day_is_the_moment_it_names_with_date_and_offset() {
    // Earlier the same day.
    assert_eq!(
        on("14:05", "2026-01-05T14:20:00-03:00"),
        "2026-01-05T14:05:00-03:00"
    );
    // Ahead of the entry (typed early): still that day.
    assert_eq!(
        on("16:30", "2026-01-05T14:20:00-03:00"),
        "2026-01-05T16:30:00-03:00"
    );
    // An evening time typed after midnight, in a session begun that
    // evening: the evening before.
    assert_eq!(
        on_after(
            "23:50",
            "2026-01-06T00:10:00+01:00",
            "2026-01-05T21:00:00+01:00"
        ),
        "2026-01-05T23:50:00+01:00"
    );
    // A morning time typed after midnight in a session begun after
    // midnight: that day.
    assert_eq!(
        on_after(
            "00:40",
            "2026-01-06T00:50:00+01:00",
            "2026-01-06T00:05:00+01:00"
        ),
        "2026-01-06T00:40:00+01:00"
    );
    // Not a time: nothing.
    assert_eq!(on("25:00", "2026-01-05T14:20:00-03:00"), "");
    let m = entered("2026-01-05T14:20:00Z");
    assert!(time_on(&Value::Number(1.0), &m, &m).is_none());
}
