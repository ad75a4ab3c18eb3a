//! Outcome measures in a session: `Q` (or `questionnaire` in the
//! screen-reader mode) hands the laptop to the patient on the self-report
//! screen with the measure the protocol gives in the phase in progress;
//! the answers are saved as one `outcome-completed` entry, by the
//! clinician making entries; handing back tells the clinician the total,
//! its band, and any flagged item (PHQ-9's item 9) answered above its
//! lowest choice.

use super::*;
use crate::tui::screens::SelfReport;

impl App {
    /// Open the self-report screen with the first measure due in the
    /// phase in progress (one not yet answered in it first).
    pub(super) fn open_self_report(&mut self) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let phase = s.phase;
        let due = s.outcomes_for_phase(phase);
        let phase_id = s.protocol().phases[phase].id.clone();
        let title = s.protocol().phases[phase].title.clone();
        let Some(ins) = due.first().and_then(|id| s.protocol().instrument(id)) else {
            self.set_flash(
                crate::say!(lang, "flash-no-outcome-here", phase = title),
                FlashKind::Info,
            );
            return;
        };
        let lang = lang.tag().to_string();
        self.self_report = Some(Box::new(SelfReport::new(ins.into_owned(), phase_id, lang)));
    }

    /// Save the answers the self-report screen gathered.
    pub(super) fn save_outcome(
        &mut self,
        instrument: String,
        phase: String,
        answers: Vec<u32>,
        lang: String,
        now: &Moment,
    ) -> bool {
        let Some(ins) = self
            .view()
            .and_then(|v| v.open.session.protocol().instrument(&instrument))
            .map(std::borrow::Cow::into_owned)
        else {
            return false;
        };
        let mut summary = summary(&ins, &answers, &lang, self.lang);
        if let Some(course) = self.against_baseline(&ins, &answers, now) {
            summary.0 = format!("{} {course}", summary.0);
        }
        let ev = Event::OutcomeCompleted {
            instrument,
            version: ins.version.clone(),
            answers,
            phase,
            // Who answered: the patient on their screen, or the clinician
            // rating a clinician-rated scale.
            self_report: ins.self_report,
            lang,
        };
        let ok = self.record(ev, now);
        if let Some(sr) = self.self_report.as_mut() {
            if ok {
                sr.stage = crate::tui::screens::Stage::Done;
                sr.summary = Some(summary);
            } else {
                // Not saved: the last answer is taken back, so the
                // patient can give it again; the clinician hears why
                // when the screen is handed back.
                sr.back();
            }
        }
        ok
    }

    /// The total against the course's baseline, with response and
    /// remission when this administration meets them: "Baseline 20
    /// (session 1): -11 (-55 %). Response at session 4." None for the
    /// course's first.
    fn against_baseline(
        &self,
        ins: &crate::protocol::Instrument,
        answers: &[u32],
        now: &Moment,
    ) -> Option<String> {
        let lang = self.lang;
        use crate::outcome::course::{Taken, trend};
        let s = &self.view()?.open.session;
        let total = crate::outcome::score(ins, answers).ok()?.total;
        let mut taken: Vec<Taken> = self
            .course
            .outcomes
            .iter()
            .filter(|(id, _)| *id == ins.id)
            .map(|(_, t)| t.clone())
            .collect();
        taken.extend(
            s.outcomes
                .iter()
                .filter(|o| o.instrument == ins.id)
                .filter_map(|o| {
                    Some(Taken {
                        session: s.start.session,
                        at: o.at.wall.naive_local(),
                        total: crate::outcome::score(ins, &o.answers).ok()?.total,
                    })
                }),
        );
        taken.push(Taken {
            session: s.start.session,
            at: now.wall.naive_local(),
            total,
        });
        let m = s
            .protocol()
            .course
            .measures
            .iter()
            .find(|m| m.instrument == ins.id)?;
        let t = trend(&taken, m.response.as_ref(), m.remission.as_ref());
        let base = t.baseline()?;
        let last = t.points.last().filter(|_| t.points.len() > 1)?;
        let mut words = crate::say!(
            lang,
            "flash-outcome-baseline",
            baseline = base.total,
            session = base.session,
            change = format!("{:+}", last.change.unwrap_or_default()),
            percent = crate::i18n::num_in(
                lang,
                (-last.reduction_percent.unwrap_or_default() * 10.0).round() / 10.0
            )
        );
        if last.response {
            words.push(' ');
            words.push_str(&crate::say!(
                lang,
                "outcome-response-at",
                session = last.session
            ));
        }
        if last.remission {
            words.push(' ');
            words.push_str(&crate::say!(
                lang,
                "outcome-remission-at",
                session = last.session
            ));
        }
        Some(words)
    }

    /// The clinician's screen back, told what was saved (or that nothing
    /// was).
    pub(super) fn close_self_report(&mut self) {
        let lang = self.lang;
        let Some(sr) = self.self_report.take() else {
            return;
        };
        match sr.summary {
            Some((text, false)) => self.set_flash(text, FlashKind::Saved),
            Some((text, true)) => self.set_flash(text, FlashKind::Refused),
            None => self.set_flash(
                crate::say!(
                    lang,
                    "flash-outcome-not-saved",
                    name = sr.instrument.name.clone()
                ),
                FlashKind::Info,
            ),
        }
    }
}

/// "PHQ-9 saved: total 13, moderate." and any flagged item in words; and
/// whether one was flagged.
/// The flagged answer is quoted in the language it was given in
/// (`answered_in`); the rest is in the app's (`lang`).
fn summary(
    ins: &crate::protocol::Instrument,
    answers: &[u32],
    answered_in: &str,
    lang: crate::i18n::Lang,
) -> (String, bool) {
    let Ok(sc) = crate::outcome::score(ins, answers) else {
        return (String::new(), false);
    };
    let ui = lang.tag();
    let band = sc
        .band
        .and_then(|b| ins.bands.get(b))
        .map(|b| crate::protocol::words_in(&b.label, ui).to_string())
        .unwrap_or_default();
    let mut text = crate::say!(
        lang,
        "flash-outcome-saved",
        name = ins.name.clone(),
        total = sc.total,
        band = band
    );
    for &i in &sc.flagged {
        let choice = ins
            .choices
            .iter()
            .find(|c| Some(c.value) == answers.get(i).copied())
            .map(|c| crate::protocol::words_in(&c.text, answered_in).to_string())
            .unwrap_or_default();
        text.push(' ');
        text.push_str(&crate::say!(
            lang,
            "flash-outcome-flagged",
            item = i + 1,
            answer = choice
        ));
    }
    (text, !sc.flagged.is_empty())
}
