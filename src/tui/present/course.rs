//! The course, worded once for the screen and the transcript: in rolling
//! integration the previous session (its intentions and debrief whole,
//! its notes, the alarms it raised and its addenda), in preparation when
//! the next session may be. The full screen shows these lines wrapped and
//! scrollable (↓ reads on past the last prompt); the screen-reader mode
//! says them.

use crate::protocol::PhaseRole;
use crate::record::course::SoFar as CourseContext;
use crate::session::Session;

/// What the phase at `index` shows of the course, as sentences.
pub fn course_lines(
    s: &Session,
    index: usize,
    course: &CourseContext,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    let Some(phase) = s.protocol().phases.get(index) else {
        return Vec::new();
    };
    let mut out = match phase.role {
        PhaseRole::Integration => previous(course, lang),
        // A visit's preparation comes before a dose, not after one.
        PhaseRole::Preparation if s.start.visit.is_none() => next(s, lang),
        _ => Vec::new(),
    };
    if shows_risk(s, index) {
        out.extend(risk(course, lang));
    }
    out
}

/// Whether the phase at `index` shows the risk pathway the course carries:
/// the check-in, or the rolling integration in a protocol without one.
pub fn shows_risk(s: &Session, index: usize) -> bool {
    let phases = &s.protocol().phases;
    match phases.get(index).map(|p| p.role) {
        Some(PhaseRole::CheckIn) => true,
        Some(PhaseRole::Integration) => !phases.iter().any(|p| p.role == PhaseRole::CheckIn),
        _ => false,
    }
}

/// The latest risk screen and safety plan of the course, as sentences:
/// the screen's result with its session and date, then the plan's date
/// and each of its elements whole.
pub fn risk(course: &CourseContext, lang: crate::i18n::Lang) -> Vec<String> {
    let r = &course.risk;
    let mut out = Vec::new();
    let date = |m: &crate::session::Moment| crate::i18n::date_short_in(lang, m.wall.date_naive());
    if let Some(sc) = &r.screen {
        let (session, date, score) = (sc.session, date(&sc.at), sc.result.score);
        out.push(if sc.result.positive {
            crate::say!(
                lang,
                "course-risk-positive",
                session = session,
                date = date,
                score = score
            )
        } else if sc.raised {
            crate::say!(
                lang,
                "course-risk-reassessed",
                session = session,
                date = date,
                score = score
            )
        } else {
            crate::say!(
                lang,
                "course-risk-negative",
                session = session,
                date = date,
                score = score
            )
        });
    }
    match &r.plan {
        Some(p) => {
            out.push(crate::say!(
                lang,
                "course-plan",
                session = p.session,
                date = date(&p.at),
                n = p.elements.len(),
                count = crate::session::risk::PlanElement::ALL.len()
            ));
            for (e, text) in &p.elements {
                out.push(crate::i18n::labelled_in(lang, &e.label().say(lang), text));
            }
        }
        None if r.screen.as_ref().is_some_and(|s| s.raised) => {
            out.push(crate::say!(lang, "course-no-plan"));
        }
        None => {}
    }
    out
}

pub fn previous(course: &CourseContext, lang: crate::i18n::Lang) -> Vec<String> {
    let Some(prev) = &course.previous else {
        return vec![crate::say!(lang, "no-earlier-session")];
    };
    let ps = &prev.session;
    let mut out = vec![crate::say!(
        lang,
        "last-time",
        session = ps.start.session,
        date = crate::i18n::date_short_in(lang, ps.started_at.wall.date_naive())
    )];
    for ph in ps
        .protocol()
        .phases
        .iter()
        .filter(|ph| matches!(ph.role, PhaseRole::Intentions | PhaseRole::Debrief))
    {
        for pr in ps.prompts(ph) {
            if let Some(a) = ps.answers.get(&pr.id) {
                // Whole, not its first line: nothing is cut off by ear.
                out.push(crate::i18n::labelled_in(
                    lang,
                    &pr.text,
                    &a.text.replace('\n', " "),
                ));
            }
        }
    }
    for n in &ps.notes {
        let tags = if n.tags.is_empty() {
            String::new()
        } else {
            format!(
                "[{}] ",
                crate::session::event::tag_labels(&n.tags).say(lang)
            )
        };
        out.push(crate::say!(
            lang,
            "earlier-note",
            at = n.at.hhmm(),
            text = format!("{tags}{}", n.text)
        ));
    }
    for a in ps.alerts.alerts.iter().filter(|a| !a.is_void()) {
        out.push(crate::say!(
            lang,
            "reader-earlier-alarm",
            id = a.id,
            at = a.raised_at.hhmm(),
            what = a.headline().say(lang)
        ));
    }
    for ad in &ps.addenda {
        out.push(crate::say!(
            lang,
            "reader-earlier-addendum",
            at = ad.at.hhmm(),
            text = ad.text.clone()
        ));
    }
    out
}

fn next(s: &Session, lang: crate::i18n::Lang) -> Vec<String> {
    let mut out = Vec::new();
    let next = s.start.session + 1;
    if next == s.protocol().course.sessions + 1 {
        out.push(crate::say!(lang, "last-session-of-course"));
    }
    if let Some(w) =
        crate::session::course::window(s.protocol(), next, s.started_at.wall.date_naive())
    {
        out.push(if s.protocol().is_maintenance(next) {
            crate::say!(lang, "next-if-responder", window = w.describe().say(lang))
        } else {
            crate::say!(lang, "next-session", window = w.describe().say(lang))
        });
    }
    out
}

/// Where the course's goals come from when another laptop's session set
/// them (read from the clinic's server): "(set at session N on another
/// laptop, DATE)"; `None` when this laptop's records set them.
pub fn goals_elsewhere(c: &CourseContext, lang: crate::i18n::Lang) -> Option<String> {
    let (session, started) = c.goals_elsewhere?;
    Some(crate::say!(
        lang,
        "goals-set-elsewhere",
        session = session,
        date = crate::i18n::date_in(lang, started.date())
    ))
}
