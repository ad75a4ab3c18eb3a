//! The alert rules judged over every reading in the order it was *taken*,
//! not the order it was entered. A late entry (`v … -5m`) can fall before a
//! reading that raised an alarm, inside a confirmation wait, or between two
//! episodes; the only way to give it the same meaning as if it had been
//! entered on time is to judge the whole series again. Alarm numbers stay
//! those of the record: an episode judged again keeps the number (and the
//! acknowledgements) of the alarm already raised inside it; an alarm that
//! no longer stands is kept, marked withdrawn, never deleted.

use super::{Alert, Pending, Withdrawal};
use crate::protocol::AlertRule;
use crate::session::clock::{MINUTE, Moment};
use crate::session::vitals::Reading;

/// One reading as the judge sees it: when taken, what, which entry.
#[derive(Debug, Clone, Copy)]
pub struct Taken<'a> {
    pub at: &'a Moment,
    pub reading: &'a Reading,
    pub entry: u64,
}

/// What the rules make of a series of readings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Judged {
    /// Every alarm, by number: the earlier ones judged again, new ones
    /// appended, those no longer standing marked withdrawn.
    pub alerts: Vec<Alert>,
    /// First readings still waiting for their repeat.
    pub pending: Vec<Pending>,
    /// Every first reading that waited for a repeat, in the order taken
    /// (a trainee report counts the repeats it asked for).
    pub firsts: Vec<Pending>,
    /// Numbers of the alarms this judgement raised anew.
    pub raised: Vec<u32>,
}

/// Why and when a judgement is made: the entry that asked for it (a
/// reading, a correction) and the moment it was entered.
#[derive(Debug, Clone)]
pub struct Occasion<'a> {
    pub entry: u64,
    pub now: &'a Moment,
}

/// Judge `readings` (sorted by time taken, ties in entry order) against
/// `rules`, keeping the numbers and acknowledgements of `earlier`.
pub fn judge(
    rules: &[AlertRule],
    readings: &[Taken<'_>],
    earlier: &[Alert],
    why: &Occasion<'_>,
) -> Judged {
    let mut j = Judge {
        earlier: earlier.to_vec(),
        taken: vec![false; earlier.len()],
        built: Vec::new(),
        open: vec![None; rules.len()],
        waiting: vec![None; rules.len()],
        firsts: Vec::new(),
        next_id: earlier.iter().map(|a| a.id).max().unwrap_or(0) + 1,
        raised: Vec::new(),
    };
    for r in readings {
        for (k, rule) in rules.iter().enumerate() {
            j.step(k, rule, r, why);
        }
    }
    j.finish(why)
}

/// Judge one more reading, taken after every reading `book` was judged
/// on: the same result as judging the whole series again, in time linear
/// in the alarms rather than the readings (a long journal replays in
/// linear time).
pub fn extend(
    rules: &[AlertRule],
    book: &super::AlertBook,
    reading: &Taken<'_>,
    why: &Occasion<'_>,
) -> Judged {
    let built = book.alerts.clone();
    // Each rule's latest alarm still standing: `step` closes its episode
    // if it was acknowledged and back in range before this reading, as a
    // whole judgement would have.
    let open = rules
        .iter()
        .map(|rule| {
            built
                .iter()
                .enumerate()
                .rev()
                .find(|(_, a)| a.rule == rule.id && !a.is_void())
                .map(|(i, _)| i)
        })
        .collect();
    let waiting = rules
        .iter()
        .map(|rule| book.pending.iter().find(|p| p.rule == rule.id).cloned())
        .collect();
    let mut j = Judge {
        earlier: Vec::new(),
        taken: Vec::new(),
        next_id: built.iter().map(|a| a.id).max().unwrap_or(0) + 1,
        built,
        open,
        waiting,
        firsts: Vec::new(),
        raised: Vec::new(),
    };
    for (k, rule) in rules.iter().enumerate() {
        j.step(k, rule, reading, why);
    }
    j.finish(why)
}

struct Judge {
    earlier: Vec<Alert>,
    /// Which earlier alarms an episode of this judgement has taken over.
    taken: Vec<bool>,
    /// Alarms of this judgement, in the order their episodes began.
    built: Vec<Alert>,
    /// Per rule: the episode open now (index into `built`).
    open: Vec<Option<usize>>,
    /// Per rule: the first reading waiting for its repeat.
    waiting: Vec<Option<Pending>>,
    firsts: Vec<Pending>,
    next_id: u32,
    raised: Vec<u32>,
}

impl Judge {
    fn step(&mut self, k: usize, rule: &AlertRule, r: &Taken<'_>, why: &Occasion<'_>) {
        let Some(v) = r.reading.get(rule.metric) else {
            return;
        };
        // An episode ends once acknowledged (before this reading was
        // taken) and back in range.
        if let Some(i) = self.open[k] {
            let a = &self.built[i];
            let acked = a
                .acknowledged
                .as_ref()
                .is_some_and(|x| r.at.since(&x.at) >= 0);
            if acked && a.back_in_range.is_some() {
                self.open[k] = None;
            }
        }
        if !rule.breached_by(f64::from(v)) {
            self.waiting[k] = None;
            if let Some(i) = self.open[k] {
                self.built[i]
                    .back_in_range
                    .get_or_insert_with(|| r.at.clone());
            }
            return;
        }
        if let Some(i) = self.open[k] {
            // Same episode: out again, nothing new.
            self.built[i].back_in_range = None;
            return;
        }
        let first_seen = match rule.confirm_after_minutes {
            None => None,
            Some(min) => {
                let wait = i64::from(min) * MINUTE;
                match &self.waiting[k] {
                    Some(p) if r.at.since(&p.first_at) >= wait => {
                        self.waiting[k].take().map(|p| p.first_at)
                    }
                    Some(_) => return, // too soon to confirm
                    None => {
                        let p = Pending {
                            rule: rule.id.clone(),
                            metric: rule.metric,
                            value: v,
                            first_at: r.at.clone(),
                            repeat_at: r.at.plus(wait),
                            entry: r.entry,
                        };
                        self.firsts.push(p.clone());
                        self.waiting[k] = Some(p);
                        return;
                    }
                }
            }
        };
        self.raise(k, rule, r, why, v, first_seen);
    }

    /// A reading of `rule`'s metric out of range, confirmed (when the rule
    /// waits for a repeat, first seen at `first_seen`), with no episode of
    /// the rule open: the alarm, the earlier one this episode takes over or
    /// a new one, opens an episode.
    fn raise(
        &mut self,
        k: usize,
        rule: &AlertRule,
        r: &Taken<'_>,
        why: &Occasion<'_>,
        v: u16,
        first_seen: Option<Moment>,
    ) {
        let (limit, above) = match (rule.above, rule.below) {
            (Some(a), _) => (a, true),
            (None, Some(b)) => (b, false),
            (None, None) => return,
        };
        let began = first_seen.clone().unwrap_or_else(|| r.at.clone());
        let mut a = match self.take_earlier(&rule.id, &began) {
            Some(a) => a,
            None => {
                let id = self.next_id;
                self.next_id += 1;
                self.raised.push(id);
                Alert {
                    id,
                    rule: rule.id.clone(),
                    metric: rule.metric,
                    value: v,
                    limit,
                    above,
                    priority: rule.priority,
                    action: String::new(),
                    source: String::new(),
                    raised_at: r.at.clone(),
                    announced: why.now.clone(),
                    first_seen: None,
                    acknowledged: None,
                    back_in_range: None,
                    entry: Some(r.entry),
                    earlier_acks: Vec::new(),
                    in_error: None,
                    in_error_at: None,
                    withdrawn: None,
                }
            }
        };
        a.value = v;
        a.limit = limit;
        a.above = above;
        a.priority = rule.priority;
        a.action = rule.action.clone();
        a.source = rule.source.clone();
        a.raised_at = r.at.clone();
        a.first_seen = first_seen;
        a.back_in_range = None;
        a.entry = Some(r.entry);
        a.withdrawn = None;
        self.open[k] = Some(self.built.len());
        self.built.push(a);
    }

    /// The earlier alarm of `rule` this episode (begun at `began`) takes
    /// over: the first raised by a reading taken at or after its start.
    /// Such an alarm belongs to this episode: nothing can close the episode
    /// before its own acknowledgement, which came after its reading.
    fn take_earlier(&mut self, rule: &str, began: &Moment) -> Option<Alert> {
        let i = (0..self.earlier.len())
            .filter(|&i| !self.taken[i])
            .filter(|&i| {
                let a = &self.earlier[i];
                a.rule == rule && a.in_error.is_none() && a.raised_at.since(began) >= 0
            })
            .min_by(|&x, &y| {
                let (a, b) = (&self.earlier[x], &self.earlier[y]);
                a.raised_at
                    .since(&b.raised_at)
                    .cmp(&0)
                    .then(a.id.cmp(&b.id))
            })?;
        self.taken[i] = true;
        Some(self.earlier[i].clone())
    }

    fn finish(mut self, why: &Occasion<'_>) -> Judged {
        let mut alerts = std::mem::take(&mut self.built);
        for (i, mut a) in self.earlier.into_iter().enumerate() {
            if self.taken[i] {
                continue;
            }
            if a.in_error.is_none() && a.withdrawn.is_none() {
                a.withdrawn = Some(Withdrawal {
                    entry: why.entry,
                    at: why.now.clone(),
                });
            }
            alerts.push(a);
        }
        alerts.sort_by_key(|a| a.id);
        Judged {
            alerts,
            pending: self.waiting.into_iter().flatten().collect(),
            firsts: self.firsts,
            raised: self.raised,
        }
    }
}
