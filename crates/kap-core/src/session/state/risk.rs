//! The risk pathway's events applied: a screen scored and kept, its
//! alarm acknowledged, the safety plan written element by element, and
//! the discharge hold overridden with a reason.

use super::apply::need_reason;
use super::*;
use crate::session::risk::{PlanElement, PlanEntry, ScreenEntry, score};

impl Session {
    fn risk_screen(&self) -> Result<&crate::protocol::RiskScreen, Refusal> {
        self.protocol
            .risk
            .as_ref()
            .ok_or_else(|| Refusal::new(crate::phrase!("ref-risk-no-screen")))
    }

    pub(super) fn screen_risk(
        &mut self,
        screen: &str,
        answers: &[u32],
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let s = self.risk_screen()?;
        if s.id != screen {
            return Err(Refusal::new(crate::phrase!(
                "ref-risk-other-screen",
                screen = screen.to_string(),
                ours = s.id.clone()
            )));
        }
        let result = score(s, answers).map_err(|e| Refusal::new(e.text()))?;
        let phase = self.current_phase().id.clone();
        self.risk.screens.push(ScreenEntry {
            at: at.clone(),
            seq: cx.seq,
            entered: cx.entered.clone(),
            phase,
            answers: answers.to_vec(),
            result,
            acknowledged: None,
        });
        Ok(())
    }

    pub(super) fn acknowledge_risk(
        &mut self,
        screen: u64,
        action: Option<&str>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        let Some(s) = self
            .risk
            .screens
            .iter_mut()
            .find(|s| s.seq == screen && s.result.positive)
        else {
            return Err(Refusal::new(crate::phrase!(
                "ref-risk-no-alarm",
                entry = screen
            )));
        };
        if s.acknowledged.is_some() {
            return Err(Refusal::new(crate::phrase!(
                "ref-risk-already-acknowledged",
                entry = screen
            )));
        }
        s.acknowledged = Some(crate::session::alerts::Acknowledgement {
            at: at.clone(),
            action: action.filter(|a| !a.trim().is_empty()).map(str::to_string),
        });
        Ok(())
    }

    pub(super) fn plan_safety(
        &mut self,
        element: &str,
        text: &str,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let Some(e) = PlanElement::parse(element) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-plan-element",
                element = element.to_string()
            )));
        };
        if text.trim().is_empty() && !self.risk.plan.iter().any(|p| p.element == e) {
            return Err(Refusal::new(crate::phrase!(
                "ref-an-empty-note-is-not-saved"
            )));
        }
        self.risk.plan.push(PlanEntry {
            at: at.clone(),
            seq: cx.seq,
            by: cx.by.clone(),
            element: e,
            text: text.trim().to_string(),
        });
        Ok(())
    }

    pub(super) fn override_risk_hold(&mut self, reason: &str, at: &Moment) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-risk-override")?;
        if !self.risk.held() {
            return Err(Refusal::new(crate::phrase!("ref-risk-nothing-held")));
        }
        self.risk.overridden = Some((at.clone(), reason.to_string()));
        Ok(())
    }

    /// The discharge hold of the risk pathway, in words, when it holds.
    pub(super) fn risk_hold(&self) -> Option<crate::i18n::Phrase> {
        (self.phase + 1 >= self.protocol.phases.len() && self.risk.held())
            .then(|| crate::phrase!("hold-risk-reassess"))
    }

    /// Whether the protocol offers its risk screen in the current phase
    /// and none has been recorded in it yet.
    pub fn risk_offered(&self) -> bool {
        let phase = &self.current_phase().id;
        self.protocol
            .risk
            .as_ref()
            .is_some_and(|r| r.offer_at.contains(phase))
            && !self.risk.screens.iter().any(|s| &s.phase == phase)
    }
}
