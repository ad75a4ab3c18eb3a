//! The risk pathway in one line, worded once for the session screen and
//! the screen-reader's `status`: the latest screen (positive, a negative
//! reassessment, or negative) and the safety plan's state. The alarm
//! itself is the banner's; this line stays after it is acknowledged.

use crate::session::Session;
use crate::session::risk::PlanElement;

/// The line and whether it calls for attention (the latest screen is
/// positive, or risk was raised and no plan is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskLine {
    pub text: String,
    pub attention: bool,
}

/// The risk pathway of `s` as it stands, or nothing when no screen was
/// recorded and no plan written.
pub fn risk_line(s: &Session, lang: crate::i18n::Lang) -> Option<RiskLine> {
    let r = &s.risk;
    if r.screens.is_empty() && r.plan.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(l) = r.latest() {
        let (score, at) = (l.result.score, l.at.hhmm());
        parts.push(if l.result.positive {
            crate::say!(lang, "risk-line-positive", score = score, at = at)
        } else if r.raised() {
            crate::say!(lang, "risk-line-reassessed", score = score, at = at)
        } else {
            crate::say!(lang, "risk-line-negative", score = score, at = at)
        });
    }
    let plan = r.plan_now();
    if !plan.is_empty() {
        let last = r.plan.last().map(|p| &p.at);
        parts.push(crate::say!(
            lang,
            "risk-line-plan",
            n = plan.len(),
            count = PlanElement::ALL.len(),
            at = last.map(|m| m.hhmm()).unwrap_or_default()
        ));
    } else if r.raised() {
        parts.push(crate::say!(lang, "risk-line-no-plan"));
    }
    Some(RiskLine {
        text: parts.join(" · "),
        attention: r.latest().is_some_and(|l| l.result.positive) || (r.raised() && plan.is_empty()),
    })
}
