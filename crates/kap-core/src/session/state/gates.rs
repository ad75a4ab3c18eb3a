//! Gates: what must hold before a phase begins or ends — a prompt done,
//! the latest vitals inside a named set of limits, or a rating scale's
//! latest score high enough (a recovery score at discharge).

use super::Session;
use crate::i18n::Phrase;
use crate::protocol::{Gate, Metric};
use crate::session::clock::{MINUTE, Moment};

impl Session {
    /// Whether a gate is met now; `Err` says what is missing.
    pub fn gate_status(&self, gate: &Gate, now: &Moment) -> Result<(), Phrase> {
        if let Some(id) = &gate.prompt {
            let prompt = self.protocol.prompt(id);
            // A prompt this session does not ask (one for session 2 only)
            // cannot hold it.
            if prompt.is_some_and(|(_, p)| !self.asks(p)) {
                return Ok(());
            }
            let done = prompt.is_some_and(|(_, p)| self.is_done(p));
            return if done {
                Ok(())
            } else {
                Err(Phrase::verbatim(&gate.reason))
            };
        }
        if let Some(id) = &gate.score {
            return self.score_gate(gate, id, now);
        }
        let Some(set_name) = &gate.vitals else {
            return Ok(());
        };
        let Some(set) = self.protocol.vitals.limits.get(set_name) else {
            return Err(crate::phrase!(
                "gate-no-limit-set",
                reason = gate.reason.clone(),
                set = set_name.clone()
            ));
        };
        let mut problems = Vec::new();
        for m in Metric::ALL {
            let Some(bound) = set.bound(m) else { continue };
            let latest = self
                .vitals
                .iter()
                .rev()
                .find_map(|v| v.reading.get(m).map(|x| (x, &v.at)));
            match latest {
                None => problems.push(crate::phrase!("gate-none-recorded", measure = m.label())),
                Some((v, at)) => {
                    if let Some(w) = gate.within_minutes
                        && now.since(at) > i64::from(w) * MINUTE
                    {
                        problems.push(crate::phrase!(
                            "gate-too-old",
                            measure = m.label(),
                            value = v,
                            at = at.hhmm(),
                            minutes = w
                        ));
                    } else if !bound.contains(f64::from(v)) {
                        problems.push(match (bound.min, bound.max) {
                            (_, Some(max)) if f64::from(v) > max => crate::phrase!(
                                "gate-above",
                                measure = m.label(),
                                value = v,
                                limit = Phrase::Num(max),
                                set = set_name.clone()
                            ),
                            (Some(min), _) => crate::phrase!(
                                "gate-below",
                                measure = m.label(),
                                value = v,
                                limit = Phrase::Num(min),
                                set = set_name.clone()
                            ),
                            _ => crate::phrase!(
                                "gate-outside",
                                measure = m.label(),
                                value = v,
                                set = set_name.clone()
                            ),
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Phrase::Seq(vec![
                Phrase::verbatim(&gate.reason),
                " — ".into(),
                Phrase::join(problems, ", "),
            ]))
        }
    }

    /// A score gate: the prompt's latest rating, recent enough when the
    /// gate says how recent, scores at least `min_score`.
    fn score_gate(&self, gate: &Gate, id: &str, now: &Moment) -> Result<(), Phrase> {
        let Some((_, p)) = self.protocol.prompt(id) else {
            return Ok(());
        };
        // A prompt this session does not ask cannot hold it.
        if !self.asks(p) {
            return Ok(());
        }
        let name = p.text.clone();
        let Some(e) = self.latest_value(id) else {
            return Err(crate::phrase!(
                "gate-score-none",
                reason = gate.reason.clone(),
                prompt = name
            ));
        };
        if let Some(w) = gate.within_minutes
            && now.since(&e.at) > i64::from(w) * MINUTE
        {
            return Err(crate::phrase!(
                "gate-score-too-old",
                reason = gate.reason.clone(),
                prompt = name,
                at = e.at.hhmm(),
                minutes = w
            ));
        }
        let score = crate::protocol::values::score(p, &e.value);
        match (score, gate.min_score) {
            (Some(got), Some(min)) if got < min => Err(crate::phrase!(
                "gate-score-below",
                reason = gate.reason.clone(),
                prompt = name,
                score = Phrase::Num(got),
                min = Phrase::Num(min)
            )),
            _ => Ok(()),
        }
    }
}
