//! The risk pathway's messages: a screen saved, its alarm acknowledged
//! (which opens the safety plan), an element of the plan saved (which
//! opens the next), and the plan dialog itself.

use super::*;
use crate::session::risk::PlanElement;
use crate::tui::modal::{PlanPage, SafetyPlan};

impl App {
    /// The safety plan dialog at `page`; by default its review when an
    /// element is written (here, or earlier in the course), else its first
    /// element.
    pub(super) fn open_plan(&mut self, page: Option<PlanPage>) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let crisis = s
            .protocol()
            .risk
            .as_ref()
            .map(|r| r.crisis_lines.clone())
            .unwrap_or_default();
        let course = self.course.risk.plan.as_ref();
        let page = match page {
            Some(p) => p,
            None if s.risk.plan.is_empty() && course.is_none() => PlanPage::Element(0),
            None => PlanPage::Review,
        };
        self.modal = Some(Modal::Plan(SafetyPlan::new(&s.risk, course, &crisis, page)));
    }

    pub(super) fn save_screen(&mut self, screen: String, answers: Vec<u32>, now: &Moment) -> bool {
        let lang = self.lang;
        let words = crate::session::risk::screen_words(
            self.view()
                .and_then(|v| v.open.session.protocol().risk.as_ref()),
            &answers,
        );
        let ev = Event::RiskScreened { screen, answers };
        self.record_flash(
            ev,
            &crate::say!(lang, "flash-risk-saved", result = words.say(lang)),
            now,
        )
    }

    /// A positive screen's alarm acknowledged; the safety plan opens
    /// (seed 004, Table 3: safety planning).
    pub(super) fn acknowledge_risk(
        &mut self,
        screen: u64,
        action: Option<String>,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        let ok = self.record_flash(
            Event::RiskAcknowledged { screen, action },
            &crate::say!(lang, "tl-risk-acknowledged", entry = screen),
            now,
        );
        if ok {
            self.open_plan(None);
        }
        ok
    }

    /// One element saved; the next opens (the review after the last).
    pub(super) fn save_plan(&mut self, element: PlanElement, text: String, now: &Moment) -> bool {
        let lang = self.lang;
        let ok = self.record_flash(
            Event::SafetyPlanned {
                element: element.as_str().to_string(),
                text,
            },
            &crate::say!(
                lang,
                "flash-plan-saved",
                element = element.label().say(lang)
            ),
            now,
        );
        if ok {
            let i = PlanElement::ALL
                .iter()
                .position(|e| *e == element)
                .unwrap_or(0);
            self.open_plan(Some(SafetyPlan::after(i)));
        }
        ok
    }
}
