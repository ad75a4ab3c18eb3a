//! Entries: how an event becomes part of the session — its number, its
//! author, the time it was taken — and the two ways a record changes
//! without losing anything: a correction (entered in error, or replaced)
//! and, once closed and signed, an addendum.

use super::apply::need_reason;
use super::*;
use crate::session::entry::{Entry, LATE_AFTER, Stamp};

/// What `apply_event` needs to know about the entry an event arrives in.
#[derive(Debug, Clone, Default)]
pub struct Cx {
    pub seq: u64,
    /// When it was recorded, for a late entry.
    pub entered: Option<Moment>,
    pub by: Option<String>,
}

/// An entry marked entered in error or replaced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// The correcting entry (it holds the replacement, if any).
    pub seq: u64,
    pub at: Moment,
    pub by: Option<String>,
    pub reason: String,
    pub replaced: bool,
}

/// An addition to a closed, signed record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Addendum {
    pub seq: u64,
    pub at: Moment,
    pub by: Option<String>,
    pub text: String,
    pub reason: String,
}

/// The kinds of entry that can carry a time taken.
fn may_be_taken_earlier(ev: &Event) -> bool {
    matches!(
        ev,
        Event::Vitals { .. }
            | Event::Note { .. }
            | Event::Recorded { .. }
            | Event::Answered { .. }
            | Event::Ticked { .. }
            | Event::CheckedIn { .. }
            | Event::MedicationGiven { .. }
            | Event::MedicationEffect { .. }
            | Event::KetamineDrawn { .. }
            | Event::KetamineWasted { .. }
    )
}

/// The kinds of entry whose replacement may say when it happened (a
/// rescue dose or ketamine given at another time than first recorded):
/// the correction's time taken is then the replacement's.
fn replacement_may_be_retimed(ev: &Event) -> bool {
    matches!(
        ev,
        Event::Corrected {
            with: Some(w),
            ..
        } if matches!(
            w.as_ref(),
            Event::MedicationGiven { .. }
                | Event::KetamineDrawn { .. }
                | Event::KetamineWasted { .. }
        )
    )
}

impl Session {
    /// The number the next entry will have.
    pub fn next_seq(&self) -> u64 {
        self.log.last().map_or(1, |e| e.seq) + 1
    }

    /// Every entry accepted, in the order recorded.
    pub fn log(&self) -> &[Entry] {
        &self.log
    }

    /// The entry with this journal number.
    pub fn entry(&self, seq: u64) -> Option<&Entry> {
        self.log.iter().find(|e| e.seq == seq)
    }

    /// When what entry `seq` records happened: its time taken, or for a
    /// replacement not given one, when what it replaced happened.
    pub fn happened(&self, seq: u64) -> Option<Moment> {
        let e = self.entry(seq)?;
        match &e.event {
            Event::Corrected {
                entry,
                with: Some(_),
                ..
            } if e.stamp.taken.is_none() && *entry < seq => self.happened(*entry),
            _ => Some(e.when().clone()),
        }
    }

    /// Check an event against the current state without applying it.
    pub fn check(&self, ev: &Event, now: &Moment) -> Result<(), Refusal> {
        self.check_entry(self.next_seq(), ev, now, &Stamp::default())
    }

    pub fn check_entry(
        &self,
        seq: u64,
        ev: &Event,
        at: &Moment,
        stamp: &Stamp,
    ) -> Result<(), Refusal> {
        let mut copy = self.clone();
        copy.apply_entry(seq, ev, at, stamp)
    }

    /// Apply an event recorded at `at`, with no author or time taken.
    pub fn apply(&mut self, ev: &Event, at: &Moment) -> Result<(), Refusal> {
        self.apply_entry(self.next_seq(), ev, at, &Stamp::default())
    }

    /// Apply journal entry `seq`: an event recorded at `at`, by and taken
    /// as its stamp says. On refusal nothing changes.
    pub fn apply_entry(
        &mut self,
        seq: u64,
        ev: &Event,
        at: &Moment,
        stamp: &Stamp,
    ) -> Result<(), Refusal> {
        let addendum = matches!(ev, Event::Addendum { .. } | Event::CoSigned { .. });
        match (self.closed.is_some(), addendum) {
            (true, false) => {
                return Err(Refusal::with_holds(
                    crate::phrase!("ref-session-closed"),
                    vec![crate::phrase!("ref-session-closed-hold")],
                ));
            }
            (false, true) if matches!(ev, Event::CoSigned { .. }) => {
                return Err(Refusal::new(crate::phrase!("ref-co-sign-after-closing")));
            }
            (false, true) => {
                return Err(Refusal::new(crate::phrase!(
                    "ref-an-addendum-follows-the-closing-until"
                )));
            }
            _ => {}
        }
        if let Some(by) = &stamp.by
            && (by.trim().is_empty() || crate::text::has_control(by))
        {
            return Err(Refusal::new(crate::phrase!(
                "ref-an-author-s-name-cannot-be"
            )));
        }
        let taken = self.taken(ev, at, stamp)?;
        let cx = Cx {
            seq,
            entered: taken.as_ref().map(|_| at.clone()),
            by: stamp.by.clone(),
        };
        let when = taken.unwrap_or_else(|| at.clone());
        self.apply_event(ev, &when, &cx)?;
        self.log.push(Entry {
            seq,
            at: at.clone(),
            stamp: stamp.clone(),
            event: ev.clone(),
        });
        Ok(())
    }

    /// The time taken an entry carries, when it makes a late entry.
    fn taken(&self, ev: &Event, at: &Moment, stamp: &Stamp) -> Result<Option<Moment>, Refusal> {
        let Some(t) = &stamp.taken else {
            return Ok(None);
        };
        let retimed = replacement_may_be_retimed(ev);
        if !may_be_taken_earlier(ev) && !retimed {
            return Err(Refusal::new(crate::phrase!(
                "ref-no-earlier-time",
                kind = ev.kind_name()
            )));
        }
        if t.since(at) > 0 {
            return Err(Refusal::new(crate::phrase!(
                "ref-a-time-taken-cannot-be-later"
            )));
        }
        if t.since(&self.started_at) < 0 {
            return Err(Refusal::new(crate::phrase!(
                "ref-before-start",
                at = t.hhmm(),
                start = self.started_at.hhmm()
            )));
        }
        // A replacement's time is what the correction changes: kept even
        // when it is within the minute (it is not the original's).
        Ok((retimed || at.since(t) >= LATE_AFTER).then(|| t.clone()))
    }

    /// Mark entry `entry` entered in error, or replace it with `with`.
    /// The replacement happened when the original did, or at `at` when
    /// the correction says when (its time taken, `cx.entered` its own).
    pub(super) fn correct(
        &mut self,
        entry: u64,
        reason: &str,
        with: Option<&Event>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-correction")?;
        let (at, retimed) = match &cx.entered {
            Some(recorded) => (recorded, Some(at)),
            None => (at, None),
        };
        if let Some(c) = self.corrections.get(&entry) {
            return Err(Refusal::new(crate::phrase!(
                "ref-already-corrected",
                entry = entry,
                by = c.seq
            )));
        }
        let orig = self
            .entry(entry)
            .cloned()
            .ok_or_else(|| Refusal::new(crate::phrase!("ref-no-entry", entry = entry)))?;
        // A replacement is corrected as the kind of entry it replaced with.
        let event = match &orig.event {
            Event::Corrected { with: Some(w), .. } => w.as_ref().clone(),
            e => e.clone(),
        };
        if let Some(w) = with {
            let same_prompt = match (w, &event) {
                (Event::Recorded { prompt: a, .. }, Event::Recorded { prompt: b, .. })
                | (Event::Answered { prompt: a, .. }, Event::Answered { prompt: b, .. }) => a == b,
                _ => std::mem::discriminant(w) == std::mem::discriminant(&event),
            };
            if !same_prompt {
                return Err(Refusal::new(crate::phrase!(
                    "ref-same-kind",
                    entry = entry,
                    kind = event.kind_name()
                )));
            }
        }
        // On a copy: a replacement that is refused leaves all as it was.
        let mut next = self.clone();
        // A dose's effect already re-checked stays with its replacement.
        let effect = self
            .meds
            .iter()
            .find(|m| m.seq == entry)
            .and_then(|m| m.effect.clone());
        next.take_out(entry, &event, reason, with.is_none(), at, cx)?;
        if let Some(w) = with {
            let replacement = Cx {
                seq: cx.seq,
                entered: Some(at.clone()),
                by: cx.by.clone(),
            };
            let when = self.happened(entry).unwrap_or_else(|| orig.when().clone());
            next.apply_event(w, retimed.unwrap_or(&when), &replacement)?;
            next.carry_effect(effect, cx.seq);
        }
        next.corrections.insert(
            entry,
            Correction {
                seq: cx.seq,
                at: at.clone(),
                by: cx.by.clone(),
                reason: reason.to_string(),
                replaced: with.is_some(),
            },
        );
        *self = next;
        Ok(())
    }

    /// Take entry `entry` (`event`, as it stands) out of the session for
    /// its correction (`voided`: marked in error, not replaced).
    fn take_out(
        &mut self,
        entry: u64,
        event: &Event,
        reason: &str,
        voided: bool,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        match event {
            Event::Vitals { .. } => {
                self.vitals.retain(|v| v.seq != entry);
                self.alerts.void_entry(entry, reason, at);
                self.rejudge_alerts(cx.seq, at);
            }
            Event::Note { .. } => self.notes.retain(|n| n.seq != entry),
            Event::MonitorConfirmed { entry: reading } if voided => {
                self.unconfirm_monitor(entry, *reading);
                self.alerts.void_entry(entry, reason, at);
                self.rejudge_alerts(cx.seq, at);
            }
            Event::RiskScreened { .. } => self.risk.screens.retain(|s| s.seq != entry),
            Event::SafetyPlanned { .. } => self.risk.plan.retain(|p| p.seq != entry),
            Event::OutcomeCompleted { .. } => self.outcomes.retain(|o| o.seq != entry),
            Event::Recorded { prompt, .. } => {
                if let Some(v) = self.values.get_mut(prompt) {
                    v.retain(|x| x.seq != entry);
                }
            }
            Event::Answered { prompt, .. } => {
                if self.answers.get(prompt).is_some_and(|a| a.seq == entry) {
                    self.answers.remove(prompt);
                }
            }
            Event::Ticked { .. } => {
                return Err(Refusal::new(crate::phrase!("ref-a-tick-is-put-right-by")));
            }
            Event::MedicationGiven { .. }
            | Event::MedicationEffect { .. }
            | Event::KetamineDrawn { .. }
            | Event::KetamineWasted { .. } => {
                self.void_medication(entry);
            }
            other => {
                return Err(Refusal::new(crate::phrase!(
                    "ref-not-correctable",
                    kind = other.kind_name()
                )));
            }
        }
        Ok(())
    }

    pub(super) fn add_addendum(
        &mut self,
        text: &str,
        reason: &str,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if text.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!(
                "ref-an-empty-addendum-is-not-saved"
            )));
        }
        need_reason(reason, "reason-for-addendum")?;
        self.addenda.push(Addendum {
            seq: cx.seq,
            at: at.clone(),
            by: cx.by.clone(),
            text: text.to_string(),
            reason: reason.to_string(),
        });
        Ok(())
    }
}
