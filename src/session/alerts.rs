//! Alert rules applied to readings: one alert per episode, confirmation on a
//! repeat reading where the protocol asks for it, and an alert stays until
//! the clinician acknowledges it. An alert never acts by itself.

use super::clock::{MINUTE, Moment};
use super::vitals::Reading;
use crate::protocol::{AlertRule, Metric, Priority};
use serde::Serialize;

/// A raised alert.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// Numbered from 1 in the order raised; stable across replay.
    pub id: u32,
    /// The protocol rule that raised it.
    pub rule: String,
    pub metric: Metric,
    /// The reading that raised it.
    pub value: u16,
    /// The protocol's limit, and which side of it is alarming.
    pub limit: f64,
    pub above: bool,
    pub priority: Priority,
    /// The protocol's action text, shown verbatim.
    pub action: String,
    /// Where the protocol says the limit comes from.
    pub source: String,
    pub raised_at: Moment,
    /// When the first of the confirming readings was taken.
    pub first_seen: Option<Moment>,
    pub acknowledged: Option<Acknowledgement>,
    /// When a reading was next back inside the limit.
    pub back_in_range: Option<Moment>,
    /// The journal entry of the reading that raised it.
    pub entry: Option<u64>,
    /// Acknowledgements before the current one (each reminder asks anew).
    pub earlier_acks: Vec<Acknowledgement>,
    /// The reading that raised it was later marked entered in error (or
    /// replaced): why. Such an alert no longer waits for anyone.
    pub in_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acknowledgement {
    pub at: Moment,
    pub action: Option<String>,
}

impl Alert {
    /// Still waiting for the clinician.
    pub fn is_active(&self) -> bool {
        self.acknowledged.is_none() && self.in_error.is_none()
    }

    /// The episode is over once acknowledged and the value is back in range;
    /// until then a new breach of the same rule raises nothing new.
    pub fn episode_open(&self) -> bool {
        self.in_error.is_none() && (self.acknowledged.is_none() || self.back_in_range.is_none())
    }

    /// e.g. "systolic BP 186 mmHg above 180 (bp-high, site (example value))".
    pub fn headline(&self) -> String {
        let args = (
            self.metric.label(),
            format!("{} {}", self.value, self.metric.unit()),
            crate::i18n::num(self.limit),
            self.rule.clone(),
            self.source.clone(),
        );
        if self.above {
            crate::t!(
                "alert-headline-above",
                metric = args.0,
                value = args.1,
                limit = args.2,
                rule = args.3,
                source = args.4
            )
        } else {
            crate::t!(
                "alert-headline-below",
                metric = args.0,
                value = args.1,
                limit = args.2,
                rule = args.3,
                source = args.4
            )
        }
    }
}

/// A first reading past a limit that needs a repeat to count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pending {
    pub rule: String,
    pub metric: Metric,
    pub value: u16,
    pub first_at: Moment,
    /// A repeat reading from this moment on confirms or clears it.
    pub repeat_at: Moment,
    /// The journal entry of the first reading.
    pub entry: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AlertBook {
    pub alerts: Vec<Alert>,
    pub pending: Vec<Pending>,
}

impl AlertBook {
    /// Judge a reading (journal entry `entry`) against every rule; returns
    /// the ids of new alerts.
    pub fn on_reading(
        &mut self,
        rules: &[AlertRule],
        reading: &Reading,
        at: &Moment,
        entry: u64,
    ) -> Vec<u32> {
        let mut raised = Vec::new();
        for rule in rules {
            let Some(v) = reading.get(rule.metric) else {
                continue;
            };
            let breached = rule.breached_by(f64::from(v));
            let open = self
                .alerts
                .iter_mut()
                .rev()
                .find(|a| a.rule == rule.id && a.episode_open());
            if !breached {
                self.pending.retain(|p| p.rule != rule.id);
                if let Some(a) = open
                    && a.back_in_range.is_none()
                {
                    a.back_in_range = Some(at.clone());
                }
                continue;
            }
            if let Some(a) = open {
                // Same episode: the value is out again, nothing new fires.
                a.back_in_range = None;
                continue;
            }
            let first_seen = match rule.confirm_after_minutes {
                None => None,
                Some(min) => {
                    let wait = i64::from(min) * MINUTE;
                    match self.pending.iter().position(|p| p.rule == rule.id) {
                        Some(i) if at.since(&self.pending[i].first_at) >= wait => {
                            Some(self.pending.remove(i).first_at)
                        }
                        Some(_) => continue, // too soon to confirm; keep waiting
                        None => {
                            self.pending.push(Pending {
                                rule: rule.id.clone(),
                                metric: rule.metric,
                                value: v,
                                first_at: at.clone(),
                                repeat_at: at.plus(wait),
                                entry,
                            });
                            continue;
                        }
                    }
                }
            };
            let id = self.alerts.len() as u32 + 1;
            let (limit, above) = match (rule.above, rule.below) {
                (Some(a), _) => (a, true),
                (None, Some(b)) => (b, false),
                (None, None) => continue,
            };
            self.alerts.push(Alert {
                id,
                rule: rule.id.clone(),
                metric: rule.metric,
                value: v,
                limit,
                above,
                priority: rule.priority,
                action: rule.action.clone(),
                source: rule.source.clone(),
                raised_at: at.clone(),
                first_seen,
                acknowledged: None,
                back_in_range: None,
                entry: Some(entry),
                earlier_acks: Vec::new(),
                in_error: None,
            });
            raised.push(id);
        }
        raised
    }

    /// Mark the alerts a reading raised as coming from a reading entered
    /// in error; a first reading waiting for its repeat no longer waits.
    pub fn void_entry(&mut self, entry: u64, why: &str) {
        self.pending.retain(|p| p.entry != entry);
        for a in self.alerts.iter_mut().filter(|a| a.entry == Some(entry)) {
            a.in_error = Some(why.to_string());
        }
    }

    pub fn get(&self, id: u32) -> Option<&Alert> {
        self.alerts.iter().find(|a| a.id == id)
    }

    pub fn acknowledge(&mut self, id: u32, at: &Moment, action: Option<String>) -> bool {
        match self.alerts.iter_mut().find(|a| a.id == id) {
            Some(a) if a.acknowledged.is_none() => {
                a.acknowledged = Some(Acknowledgement {
                    at: at.clone(),
                    action,
                });
                true
            }
            _ => false,
        }
    }

    /// Alerts waiting for acknowledgement, most severe first, then oldest.
    pub fn active(&self) -> Vec<&Alert> {
        let mut v: Vec<&Alert> = self.alerts.iter().filter(|a| a.is_active()).collect();
        v.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
        v
    }
}
