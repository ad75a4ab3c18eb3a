//! The dosing: pauses, resumption, stop, consent withdrawn, check-ins,
//! the debrief called, and a session abandoned.

use super::*;

impl Session {
    pub(super) fn pause_dosing(&mut self, reason: &str, at: &Moment) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-pause")?;
        if !self.dosing.infusion {
            return Err(Refusal::new(crate::phrase!("ref-a-bolus-cannot-be-paused")));
        }
        if self.dosing.state(at) != DosingState::Running {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-infusion-is-not-running"
            )));
        }
        self.dosing.pauses.push(Pause {
            from: at.clone(),
            to: None,
            reason: reason.to_string(),
        });
        Ok(())
    }

    pub(super) fn resume_dosing(&mut self, at: &Moment) -> Result<(), Refusal> {
        if self.dosing.state(at) != DosingState::Paused {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-infusion-is-not-paused"
            )));
        }
        if let Some(p) = self.dosing.pauses.last_mut() {
            p.to = Some(at.clone());
        }
        Ok(())
    }

    pub(super) fn withdraw_consent(&mut self, reason: &str, at: &Moment) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-withdrawal")?;
        if self.dosing.started.is_none() {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-infusion-has-not-started-untick"
            )));
        }
        if self.consent_withdrawn.is_some() {
            return Err(Refusal::new(crate::phrase!(
                "ref-consent-withdrawal-is-already-recorded"
            )));
        }
        if self.dosing.is_under_way(at) {
            if let Some(p) = self.dosing.pauses.last_mut()
                && p.to.is_none()
            {
                p.to = Some(at.clone());
            }
            self.dosing.stopped = Some((at.clone(), format!("consent withdrawn: {reason}")));
        }
        self.consent_withdrawn = Some((at.clone(), reason.to_string()));
        Ok(())
    }

    pub(super) fn stop_dosing(&mut self, reason: &str, at: &Moment) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-stop")?;
        if !self.dosing.is_under_way(at) {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-infusion-is-not-under-way"
            )));
        }
        if let Some(p) = self.dosing.pauses.last_mut()
            && p.to.is_none()
        {
            p.to = Some(at.clone());
        }
        self.dosing.stopped = Some((at.clone(), reason.to_string()));
        Ok(())
    }

    pub(super) fn check_in(
        &mut self,
        note: &Option<String>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if self.dosing.started.is_none() {
            return Err(Refusal::new(crate::phrase!(
                "ref-check-ins-belong-to-the-dosing"
            )));
        }
        self.checkins.push(at.clone());
        if let Some(n) = note.as_ref().filter(|n| !n.trim().is_empty()) {
            self.notes.push(NoteEntry {
                at: at.clone(),
                text: n.clone(),
                tags: vec!["check-in".into()],
                seq: cx.seq,
                entered: cx.entered.clone(),
            });
        }
        Ok(())
    }

    pub(super) fn start_debrief(&mut self, at: &Moment) -> Result<(), Refusal> {
        if self.dosing.started.is_none() {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-debrief-follows-the-dosing"
            )));
        }
        if let Some(t) = self.debrief_started(at) {
            return Err(Refusal::new(crate::phrase!(
                "ref-debrief-started",
                at = t.hhmm()
            )));
        }
        self.debrief_called = Some(at.clone());
        Ok(())
    }

    pub(super) fn abandon(&mut self, reason: &str, at: &Moment) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-ending")?;
        if self.dosing.is_under_way(at) {
            if let Some(p) = self.dosing.pauses.last_mut()
                && p.to.is_none()
            {
                p.to = Some(at.clone());
            }
            self.dosing.stopped = Some((at.clone(), reason.to_string()));
        }
        if self.music.is_playing() {
            let _ = self.stop_music(at);
        }
        self.closed = Some(Closing {
            at: at.clone(),
            abandoned: Some(reason.to_string()),
        });
        Ok(())
    }
}
