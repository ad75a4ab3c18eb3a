//! What each kind of scenario event expects of the trainee, judged from
//! the record: the music seen to, a note, the agreed rescue drug and its
//! re-check, the agreement kept, the risk pathway.

use super::{ExpectKind, Status, round1};
use crate::session::{Moment, Session};

/// Attending to the music, by what was recorded: it started again, a
/// playlist or a no-music support was chosen, or a no-music check-in was
/// made.
pub(super) fn music_seen_to(s: &Session, m: &dyn Fn(&Moment) -> f64) -> Vec<f64> {
    let music = &s.music;
    music
        .played
        .iter()
        .map(|(a, _)| a)
        .chain(&music.chosen)
        .chain(&s.checkins)
        .map(m)
        .collect()
}

/// A note with `tag`. Scenarios name the tag as journals store it
/// (English); the report, and a note's free text, may use its translated
/// name.
pub(super) fn note_tagged(
    s: &Session,
    tag: &str,
    (from, until): (f64, f64),
    t_end: f64,
    m: &dyn Fn(&Moment) -> f64,
    lang: crate::i18n::Lang,
) -> (String, Status, ExpectKind) {
    let shown = crate::session::event::tag_label(tag).say(lang);
    let noted = s
        .notes
        .iter()
        .filter(|n| {
            n.tags.iter().any(|x| x.eq_ignore_ascii_case(tag))
                || n.text.to_lowercase().contains(&tag.to_lowercase())
                || n.text.to_lowercase().contains(&shown.to_lowercase())
        })
        .map(|n| m(&n.at));
    (
        crate::say!(lang, "rep-expect-note", tag = shown.clone()),
        Status::judge(noted, from, until, t_end),
        ExpectKind::Note,
    )
}

/// When each rescue drug was given that was within the agreement
/// and the formulary (no reason for going beyond them), and whose effect
/// was re-checked.
pub(super) fn rescue_given(s: &Session, m: &dyn Fn(&Moment) -> f64) -> Vec<f64> {
    s.meds
        .iter()
        .filter(|d| d.outside.is_none() && d.effect.is_some())
        .map(|d| m(&d.at))
        .collect()
}

/// Nothing recorded beyond an agreement from `from` on: a note whose tags
/// an agreement rules out, or a rescue drug given beyond it. Not kept at
/// the first such entry; kept once the session closed without one (or the
/// run went past `until` without one); not reached before.
pub(super) fn agreement_kept(
    s: &Session,
    (from, until): (f64, f64),
    t_end: f64,
    m: &dyn Fn(&Moment) -> f64,
) -> Status {
    // Entries in error have left the session's notes and drugs.
    let beyond_note = s
        .notes
        .iter()
        .any(|n| m(&n.at) >= from && s.beyond_agreement(&n.tags).is_some());
    let beyond_drug = s
        .meds
        .iter()
        .any(|d| m(&d.at) >= from && d.outside.is_some());
    if beyond_note || beyond_drug {
        return Status::NotDone;
    }
    match &s.closed {
        Some(c) => Status::Done {
            at: round1(m(&c.at)),
        },
        None if t_end >= until => Status::Done { at: until },
        None => Status::NotReached,
    }
}

/// Emergent risk after minute `from`: done when a screen is recorded
/// after it and, if that screen is positive, a plan element after the
/// screen — before the session closes. The window is the rest of the
/// session: not done once it closed without them, not reached before.
pub(super) fn risk_pathway(s: &Session, from: f64, m: &dyn Fn(&Moment) -> f64) -> Status {
    let screen = s
        .risk
        .screens
        .iter()
        .map(|x| (m(&x.at), x.result.positive))
        .find(|(at, _)| *at >= from);
    let done = match screen {
        Some((at, false)) => Some(at),
        Some((at, true)) => s.risk.plan.iter().map(|p| m(&p.at)).find(|p| *p >= at),
        None => None,
    };
    match (done, &s.closed) {
        (Some(at), _) => Status::Done { at },
        (None, Some(_)) => Status::NotDone,
        (None, None) => Status::NotReached,
    }
}
