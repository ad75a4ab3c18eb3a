//! Outcome measures answered in a session: accepted when the protocol
//! names the instrument among the course's measures, the answers score on
//! it and the phase is one of the protocol's.

use super::*;
use crate::i18n::Phrase;

/// An outcome measure answered in this session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeEntry {
    pub at: Moment,
    pub instrument: String,
    pub version: String,
    pub answers: Vec<u32>,
    /// The phase (by id) it was given in.
    pub phase: String,
    pub self_report: bool,
    pub lang: String,
    /// Who gave it (the entry's author).
    pub by: Option<String>,
    /// The journal entry it came from.
    pub seq: u64,
}

/// What an `outcome-completed` event holds.
pub(super) struct Given<'a> {
    pub instrument: &'a str,
    pub version: &'a str,
    pub answers: &'a [u32],
    pub phase: &'a str,
    pub self_report: bool,
    pub lang: &'a str,
}

impl Session {
    pub(super) fn complete_outcome(
        &mut self,
        g: Given<'_>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let p = self.protocol.clone();
        if !p
            .course
            .measures
            .iter()
            .any(|m| m.instrument == g.instrument)
        {
            return Err(Refusal::new(crate::phrase!(
                "ref-outcome-not-in-course",
                instrument = g.instrument.to_string()
            )));
        }
        let Some(ins) = p.instrument(g.instrument) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-outcome-not-in-course",
                instrument = g.instrument.to_string()
            )));
        };
        crate::outcome::score(&ins, g.answers).map_err(|e| Refusal::new(e.words()))?;
        if !p.phases.iter().any(|ph| ph.id == g.phase) {
            return Err(Refusal::new(crate::phrase!(
                "ref-outcome-no-phase",
                phase = g.phase.to_string()
            )));
        }
        self.outcomes.push(OutcomeEntry {
            at: at.clone(),
            instrument: g.instrument.to_string(),
            version: g.version.to_string(),
            answers: g.answers.to_vec(),
            phase: g.phase.to_string(),
            self_report: g.self_report,
            lang: g.lang.to_string(),
            // Without an author, the first clinician present: the
            // default author of entries.
            by: cx
                .by
                .clone()
                .or_else(|| self.start.clinicians.first().cloned()),
            seq: cx.seq,
        });
        Ok(())
    }

    /// The course's measures given in phase `phase` of this session,
    /// each with whether it was answered there already.
    pub fn outcomes_in_phase(&self, phase: usize) -> Vec<(String, bool)> {
        let p = &self.protocol;
        let Some(ph) = p.phases.get(phase) else {
            return Vec::new();
        };
        let session = self.start.session;
        p.course
            .measures
            .iter()
            .filter(|m| m.given(ph.role, session))
            .map(|m| {
                let done = self
                    .outcomes
                    .iter()
                    .any(|o| o.instrument == m.instrument && o.phase == ph.id);
                (m.instrument.clone(), done)
            })
            .collect()
    }

    /// The measures `Q` offers in phase `phase`: those not yet answered
    /// there first.
    pub fn outcomes_for_phase(&self, phase: usize) -> Vec<String> {
        let mut due = self.outcomes_in_phase(phase);
        due.sort_by_key(|(_, done)| *done);
        due.into_iter().map(|(id, _)| id).collect()
    }

    /// The measures of phase `phase` in words: "PHQ-9, GAD-7 (given)";
    /// none when the phase gives none.
    pub fn outcomes_words(&self, phase: usize) -> Option<Phrase> {
        let list = self.outcomes_in_phase(phase);
        if list.is_empty() {
            return None;
        }
        Some(Phrase::join(
            list.iter()
                .map(|(id, done)| {
                    let name = self
                        .protocol
                        .instrument(id)
                        .map_or_else(|| id.clone(), |i| i.name.clone());
                    if *done {
                        crate::phrase!("outcome-given", name = name)
                    } else {
                        Phrase::Verbatim(name)
                    }
                })
                .collect::<Vec<_>>(),
            ", ",
        ))
    }
}
