//! The vitals prompts a run held, on the session's own schedule, each
//! answered in its window, late, or missed.

use super::{PromptRow, Status, mins};
use crate::protocol::Measure;
use crate::session::{MINUTE, Moment, Session};

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Vitals prompts, following the session's own schedule: each window
/// counts from the last complete reading (or the start of dosing). A
/// reading inside the window answers it; one after it, but before the
/// next window counted from this one's close would close too, answers it
/// late. With no reading by then the prompt is missed, and the next one
/// counts from the missed window's close: every prompt the run held
/// counts, answered or not. A window still open when the run ended is
/// left out (it could not be missed yet).
pub(super) fn prompts(s: &Session, end: &Moment, m: &dyn Fn(&Moment) -> f64) -> Vec<PromptRow> {
    let mut prompts = Vec::new();
    let Some(start) = &s.dosing.started else {
        return prompts;
    };
    let v = &s.protocol().vitals;
    let complete = |e: &&crate::session::state::VitalsEntry| {
        e.at.since(start) >= 0
            && e.at.since(end) <= 0
            && !s.corrections.contains_key(&e.seq)
            && v.prompted.iter().all(|x| match x {
                Measure::Bp => e.reading.has_bp(),
                Measure::Hr => e.reading.hr.is_some(),
                Measure::Spo2 => e.reading.spo2.is_some(),
            })
    };
    // By the time taken: a late entry is filed where it belongs.
    let mut readings: Vec<&Moment> = s.vitals.iter().filter(complete).map(|e| &e.at).collect();
    readings.sort_by(|a, b| a.since(b).cmp(&0));
    let mut anchor = start.clone();
    let mut next = 0;
    // A bound on the loop, whatever the protocol's interval: a day of
    // one-minute windows.
    for _ in 0..(24 * 60) {
        let ended = s
            .dosing
            .ended_at(end)
            .is_some_and(|e| anchor.since(&e) >= 0);
        let window = match (ended, v.after_dosing_interval_minutes) {
            (false, _) => v.interval_minutes,
            (true, Some(w)) => w,
            (true, None) => break,
        };
        let from = anchor.plus(i64::from(window.min) * MINUTE);
        let until = anchor.plus(i64::from(window.max.max(1)) * MINUTE);
        let grace = until.plus(i64::from(window.max.max(1)) * MINUTE);
        let (due_from, due_until) = (m(&from), m(&until));
        // A reading at the anchor itself (one taken as dosing started) is
        // where the schedule counts from, not an answer to its first prompt.
        if readings.get(next).is_some_and(|at| at.since(&anchor) <= 0) {
            next += 1;
            continue;
        }
        match readings.get(next) {
            Some(at) if at.since(&grace) < 0 => {
                let at_min = m(at);
                let late = round1(mins(at, &until).max(0.0));
                prompts.push(PromptRow {
                    due_from,
                    due_until,
                    status: if late > 0.0 {
                        Status::Late {
                            at: at_min,
                            by: late,
                        }
                    } else {
                        Status::Done { at: at_min }
                    },
                });
                anchor = (*at).clone();
                next += 1;
            }
            // Nothing by the time the next window would close too: missed,
            // and the schedule goes on from this window's close.
            _ if end.since(&grace) >= 0 => {
                prompts.push(PromptRow {
                    due_from,
                    due_until,
                    status: Status::NotDone,
                });
                anchor = until;
            }
            // The window closed and the run ended before a reading came.
            _ if end.since(&until) > 0 => {
                prompts.push(PromptRow {
                    due_from,
                    due_until,
                    status: Status::NotDone,
                });
                break;
            }
            _ => break,
        }
    }
    prompts
}
