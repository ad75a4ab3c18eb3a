//! Alert rules applied to readings: one alert per episode, confirmation on a
//! repeat reading where the protocol asks for it, and an alert stays until
//! the clinician acknowledges it. An alert never acts by itself.

mod judge;

pub use judge::{Judged, Occasion, Taken, extend, judge};

use super::clock::Moment;
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
    /// When the reading that raised it was taken.
    pub raised_at: Moment,
    /// When the record first held it: the moment its raising reading was
    /// entered (later than `raised_at` for a late entry). The clinician's
    /// response time, and so escalation, counts from here.
    pub announced: Moment,
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
    /// When the entry that put the reading right was made: the alarm
    /// stood until then, and nothing after it (no escalation, no
    /// reminder) belongs to it.
    pub in_error_at: Option<Moment>,
    /// A reading entered later but taken earlier showed this was never an
    /// alarm (it fell inside a confirmation wait, say). Kept, not deleted.
    pub withdrawn: Option<Withdrawal>,
}

/// The entry that withdrew an alarm, and when it was entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Withdrawal {
    pub entry: u64,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acknowledgement {
    pub at: Moment,
    pub action: Option<String>,
}

impl Alert {
    /// Still waiting for the clinician.
    pub fn is_active(&self) -> bool {
        self.acknowledged.is_none() && !self.is_void()
    }

    /// Entered in error or withdrawn: it no longer stands.
    pub fn is_void(&self) -> bool {
        self.in_error.is_some() || self.withdrawn.is_some()
    }

    /// When it stopped standing (entered in error or withdrawn), if it did.
    pub fn void_since(&self) -> Option<&Moment> {
        self.in_error_at
            .as_ref()
            .or(self.withdrawn.as_ref().map(|w| &w.at))
    }

    /// The episode is over once acknowledged and the value is back in range;
    /// until then a new breach of the same rule raises nothing new.
    pub fn episode_open(&self) -> bool {
        !self.is_void() && (self.acknowledged.is_none() || self.back_in_range.is_none())
    }

    /// e.g. "systolic BP 186 mmHg above 180 (site)": what was measured,
    /// the value, the limit and, in short, whose limit it is. The rule's id
    /// and the full citation are for a reviewer: the summary's detail
    /// ([`Alert::limit_detail`]), the CSV and the FHIR code.
    pub fn headline(&self) -> crate::i18n::Phrase {
        let args = (
            self.metric.label(),
            self.metric.with_unit(self.value),
            crate::i18n::Phrase::Num(self.limit),
            short_source(&self.source).to_string(),
        );
        if self.above {
            crate::phrase!(
                "alert-headline-above",
                metric = args.0,
                value = args.1,
                limit = args.2,
                source = args.3
            )
        } else {
            crate::phrase!(
                "alert-headline-below",
                metric = args.0,
                value = args.1,
                limit = args.2,
                source = args.3
            )
        }
    }
}

impl Alert {
    /// Where the limit comes from in full, and the protocol rule that set
    /// it, for a reviewer: "limit 180: site (example value) — protocol
    /// rule `bp-high`".
    pub fn limit_detail(&self) -> crate::i18n::Phrase {
        crate::phrase!(
            "alert-limit-detail",
            limit = crate::i18n::Phrase::Num(self.limit),
            source = self.source.clone(),
            rule = self.rule.clone()
        )
    }
}

/// A limit's source in short, for a headline: the words before the first
/// parenthesis, comma or semicolon ("Montréal, tableau 5" → "Montréal",
/// "site (example value)" → "site"); the whole when that leaves nothing.
pub fn short_source(source: &str) -> &str {
    let cut = source
        .split(['(', ',', ';'])
        .next()
        .unwrap_or(source)
        .trim();
    if cut.is_empty() { source.trim() } else { cut }
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
    /// Judge every reading again, in the order taken (`readings` sorted by
    /// time taken), after entry `why.entry` added or removed one; returns
    /// the numbers of the alarms raised anew.
    pub fn rejudge(
        &mut self,
        rules: &[AlertRule],
        readings: &[Taken<'_>],
        why: &Occasion<'_>,
    ) -> Vec<u32> {
        let j = judge(rules, readings, &self.alerts, why);
        self.alerts = j.alerts;
        self.pending = j.pending;
        j.raised
    }

    /// Judge one more reading, taken after all the others (the usual
    /// case: a reading entered when it is taken); returns the numbers of
    /// the alarms it raised.
    pub fn extend(
        &mut self,
        rules: &[AlertRule],
        reading: &Taken<'_>,
        why: &Occasion<'_>,
    ) -> Vec<u32> {
        let j = extend(rules, self, reading, why);
        self.alerts = j.alerts;
        self.pending = j.pending;
        j.raised
    }

    /// Mark the alarms a reading raised as coming from a reading entered
    /// in error (the caller then judges the remaining readings again).
    pub fn void_entry(&mut self, entry: u64, why: &str, at: &Moment) {
        for a in self.alerts.iter_mut().filter(|a| a.entry == Some(entry)) {
            a.in_error = Some(why.to_string());
            a.in_error_at = Some(at.clone());
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
