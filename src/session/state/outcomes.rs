//! Outcome measures answered in a session: accepted when the protocol
//! names the instrument among the course's measures, the answers score on
//! it and the phase is one of the protocol's.

use super::*;

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
            return Err(Refusal::new(crate::t!(
                "ref-outcome-not-in-course",
                instrument = g.instrument.to_string()
            )));
        }
        let Some(ins) = p.instrument(g.instrument) else {
            return Err(Refusal::new(crate::t!(
                "ref-outcome-not-in-course",
                instrument = g.instrument.to_string()
            )));
        };
        crate::outcome::score(&ins, g.answers).map_err(|e| Refusal::new(e.words()))?;
        if !p.phases.iter().any(|ph| ph.id == g.phase) {
            return Err(Refusal::new(crate::t!(
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

    /// The course's measures given in the phase on screen in this session,
    /// the ones not yet answered in it first (what `Q` offers).
    pub fn outcomes_for_phase(&self, phase: usize) -> Vec<String> {
        let p = &self.protocol;
        let Some(ph) = p.phases.get(phase) else {
            return Vec::new();
        };
        let session = self.start.session;
        let done = |id: &str| {
            self.outcomes
                .iter()
                .any(|o| o.instrument == id && o.phase == ph.id)
        };
        let mut due: Vec<String> = p
            .course
            .measures
            .iter()
            .filter(|m| m.given(ph.role, session))
            .map(|m| m.instrument.clone())
            .collect();
        due.sort_by_key(|id| done(id));
        due
    }
}
