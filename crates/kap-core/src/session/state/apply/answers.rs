//! Answers, ticks, recorded values, notes and goals.

use super::*;

impl Session {
    pub(super) fn answer(
        &mut self,
        prompt: &str,
        text: &str,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let p = self.find_prompt(prompt, PromptKind::Text)?;
        let id = p.id.clone();
        if text.trim().is_empty() {
            self.answers.remove(&id);
        } else {
            self.answers.insert(
                id,
                Answer {
                    text: text.to_string(),
                    at: at.clone(),
                    seq: cx.seq,
                    entered: cx.entered.clone(),
                },
            );
        }
        Ok(())
    }

    pub(super) fn tick(
        &mut self,
        prompt: &str,
        checked: &bool,
        evidence: &Option<crate::session::evidence::Evidence>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        let pr = self.find_prompt(prompt, PromptKind::Check)?;
        // Evidence only where the prompt names it, of its kind.
        if let Some(e) = evidence
            && pr.evidence_visit.as_deref() != Some(e.visit.as_str())
        {
            return Err(Refusal::new(crate::phrase!(
                "ref-evidence-not-named",
                prompt = pr.id.clone(),
                kind = e.visit.as_str()
            )));
        }
        let id = pr.id.clone();
        if !checked && self.dosing.started.is_some() && self.is_gate_prompt(&id) {
            return Err(Refusal::new(crate::phrase!(
                "ref-gate-locked",
                prompt = id.clone()
            )));
        }
        self.ticks.insert(
            id,
            Tick {
                checked: *checked,
                at: at.clone(),
                evidence: evidence.clone().filter(|_| *checked),
            },
        );
        Ok(())
    }

    pub(super) fn record_value(
        &mut self,
        prompt: &str,
        value: &Value,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let Some((_, p)) = self.protocol.prompt(prompt) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-no-prompt",
                prompt = prompt.to_string()
            )));
        };
        if !self.asks(p) {
            return Err(Refusal::new(crate::phrase!(
                "ref-not-asked",
                prompt = prompt.to_string(),
                session = self.start.session
            )));
        }
        values::check(p, value).map_err(Refusal::new)?;
        self.values
            .entry(p.id.clone())
            .or_default()
            .push(ValueEntry {
                at: at.clone(),
                value: value.clone(),
                seq: cx.seq,
                entered: cx.entered.clone(),
            });
        Ok(())
    }

    pub(super) fn add_note(
        &mut self,
        text: &str,
        tags: &[String],
        outside: Option<&str>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if text.trim().is_empty() && tags.is_empty() {
            return Err(Refusal::new(crate::phrase!(
                "ref-an-empty-note-is-not-saved"
            )));
        }
        self.check_note_agreement(tags, outside)?;
        self.notes.push(NoteEntry {
            at: at.clone(),
            text: text.to_string(),
            tags: tags.to_vec(),
            seq: cx.seq,
            entered: cx.entered.clone(),
        });
        Ok(())
    }

    pub(super) fn set_goals(&mut self, goals: &[String]) -> Result<(), Refusal> {
        let goals: Vec<String> = goals
            .iter()
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty())
            .collect();
        self.goals = Some(goals);
        Ok(())
    }
}
