//! Alarms over time, in the vocabulary of IEC 60601-1-8. An alert rule
//! raises an alarm (`alerts.rs`); from then on its state is a pure function
//! of what was recorded and `now`: *active* until acknowledged; *latched*
//! when the value is back in range but nobody has acknowledged it (every
//! priority latches in kap, stricter than the standard asks for medium and
//! low); *acknowledged* while the condition persists, until the protocol's
//! reminder interval re-announces it (*reminder*, which asks for a new
//! acknowledgement); *resolved* once acknowledged and back in range. Not
//! acknowledged in time, an alarm *escalates*: emphasis, then its sound
//! repeats. The clinician can *pause its audio* for no longer than the
//! protocol's cap, with a reason; a higher-priority alarm raised meanwhile
//! sounds through the pause.

use super::alerts::Alert;
use super::clock::{MINUTE, Millis, Moment};
use super::{Refusal, Session};
use crate::i18n::Phrase;
use crate::protocol::{AlarmSettings, Priority};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AlarmState {
    /// Raised, not yet acknowledged, the condition present.
    Active,
    /// Not acknowledged, the value back in range: stays until acknowledged.
    Latched,
    /// Acknowledged; the condition persists.
    Acknowledged,
    /// Acknowledged, the condition still there after the reminder interval:
    /// announced again, and acknowledged again.
    Reminder,
    /// Acknowledged and back in range.
    Resolved,
    /// Raised by a reading later marked entered in error.
    InError,
    /// A reading entered later but taken earlier showed it was no alarm.
    Withdrawn,
}

impl AlarmState {
    /// Waiting for a clinician's acknowledgement.
    pub fn waits(self) -> bool {
        matches!(
            self,
            AlarmState::Active | AlarmState::Latched | AlarmState::Reminder
        )
    }

    pub fn word(self) -> Phrase {
        Phrase::msg(match self {
            AlarmState::Active => "alarm-state-active",
            AlarmState::Latched => "alarm-state-latched",
            AlarmState::Acknowledged => "alarm-state-acknowledged",
            AlarmState::Reminder => "alarm-state-reminder",
            AlarmState::Resolved => "alarm-state-resolved",
            AlarmState::InError => "alarm-state-in-error",
            AlarmState::Withdrawn => "alarm-state-withdrawn",
        })
    }
}

/// How far an unacknowledged alarm has escalated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Escalation {
    None,
    /// Shown with emphasis.
    Emphasis,
    /// Its sound repeats until acknowledged.
    Sound,
}

/// The clinician paused alarm audio: from when, until when, why, and the
/// highest priority that was waiting (a higher one raised later sounds).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AudioPause {
    pub from: Moment,
    pub until: Moment,
    pub reason: String,
    pub covers: Priority,
}

impl Alert {
    pub fn state(&self, now: &Moment, settings: Option<&AlarmSettings>) -> AlarmState {
        if self.in_error.is_some() {
            return AlarmState::InError;
        }
        if self.withdrawn.is_some() {
            return AlarmState::Withdrawn;
        }
        match (&self.acknowledged, &self.back_in_range) {
            (None, None) => AlarmState::Active,
            (None, Some(_)) => AlarmState::Latched,
            (Some(_), Some(_)) => AlarmState::Resolved,
            (Some(ack), None) => match settings {
                Some(s) if now.since(&ack.at) >= i64::from(s.reminder_minutes) * MINUTE => {
                    AlarmState::Reminder
                }
                _ => AlarmState::Acknowledged,
            },
        }
    }

    /// Since when it has been waiting for the current acknowledgement.
    pub fn waiting_since(&self, settings: Option<&AlarmSettings>) -> Moment {
        match (&self.acknowledged, settings) {
            (Some(ack), Some(s)) => ack.at.plus(i64::from(s.reminder_minutes) * MINUTE),
            _ => self.announced.clone(),
        }
    }

    pub fn escalation(&self, now: &Moment, settings: Option<&AlarmSettings>) -> Escalation {
        let Some(s) = settings else {
            return Escalation::None;
        };
        if !self.state(now, settings).waits() {
            return Escalation::None;
        }
        let after = i64::from(s.timing(self.priority).escalate_after_minutes) * MINUTE;
        match now.since(&self.waiting_since(settings)) {
            w if w >= 2 * after => Escalation::Sound,
            w if w >= after => Escalation::Emphasis,
            _ => Escalation::None,
        }
    }
}

impl Alert {
    /// Every transition this alarm went through up to `until`, worked out
    /// from the record and the protocol's timings: raised, escalated,
    /// latched, acknowledged, re-announced, resolved — up to when it was
    /// entered in error or withdrawn, if it was: what would have followed
    /// (an escalation, a reminder) never happened.
    pub fn transitions(
        &self,
        settings: Option<&AlarmSettings>,
        until: &Moment,
    ) -> Vec<(Moment, Transition)> {
        let until = match self.void_since() {
            Some(v) if v.since(until) < 0 => v,
            _ => until,
        };
        let mut t = vec![(self.raised_at.clone(), Transition::Raised)];
        let acks: Vec<_> = self
            .earlier_acks
            .iter()
            .chain(self.acknowledged.as_ref())
            .collect();
        let before = |m: &Moment, limit: Option<&Moment>| {
            m.since(until) <= 0 && limit.is_none_or(|l| m.since(l) <= 0)
        };
        let first_ack = acks.first().map(|a| &a.at);
        if let Some(s) = settings {
            let after = i64::from(s.timing(self.priority).escalate_after_minutes) * MINUTE;
            let e1 = self.raised_at.plus(after);
            let e2 = self.raised_at.plus(2 * after);
            if before(&e1, first_ack) {
                t.push((e1, Transition::Emphasis));
            }
            if before(&e2, first_ack) {
                t.push((e2, Transition::SoundRepeats));
            }
            for (i, a) in acks.iter().enumerate() {
                let r = a.at.plus(i64::from(s.reminder_minutes) * MINUTE);
                let next = acks.get(i + 1).map(|n| &n.at);
                let back = self.back_in_range.as_ref();
                if before(&r, next) && back.is_none_or(|b| b.since(&r) >= 0) {
                    t.push((r, Transition::Reminder));
                }
            }
        }
        if let Some(b) = &self.back_in_range
            && first_ack.is_none_or(|a| a.since(b) > 0)
            && b.since(until) <= 0
        {
            t.push((b.clone(), Transition::Latched));
        }
        for a in &acks {
            t.push((a.at.clone(), Transition::Acknowledged(a.action.clone())));
        }
        if let (Some(last), Some(b)) = (acks.last(), &self.back_in_range) {
            let at = if last.at.since(b) > 0 { &last.at } else { b };
            t.push((at.clone(), Transition::Resolved));
        }
        t.sort_by(|a, b| a.0.since(&b.0).cmp(&0));
        t
    }
}

impl Session {
    /// How a reading stands against the protocol's alarm limits, as HL7's
    /// interpretation codes: `H`/`L` beyond a medium or low limit, `HH`/`LL`
    /// beyond a high one, `None` inside them.
    pub fn interpretation(
        &self,
        metric: crate::protocol::Metric,
        value: u16,
    ) -> Option<&'static str> {
        let worst = self
            .protocol()
            .vitals
            .alerts
            .iter()
            .filter(|r| r.metric == metric && r.breached_by(f64::from(value)))
            .max_by_key(|r| r.priority)?;
        Some(
            match (worst.above.is_some(), worst.priority == Priority::High) {
                (true, true) => "HH",
                (true, false) => "H",
                (false, true) => "LL",
                (false, false) => "L",
            },
        )
    }

    fn alarm_settings(&self) -> Option<&AlarmSettings> {
        self.protocol().vitals.alarms.as_ref()
    }

    /// Alarms waiting for acknowledgement at `now`: highest priority
    /// first, then the longest waiting.
    pub fn alarms_waiting(&self, now: &Moment) -> Vec<&Alert> {
        let s = self.alarm_settings();
        let mut v: Vec<&Alert> = self
            .alerts
            .alerts
            .iter()
            .filter(|a| a.state(now, s).waits())
            .collect();
        v.sort_by(|a, b| {
            b.priority
                .cmp(&a.priority)
                .then(a.waiting_since(s).since(&b.waiting_since(s)).cmp(&0))
                .then(a.id.cmp(&b.id))
        });
        v
    }

    /// Alarms acknowledged while their condition persists (IEC 60601-1-8
    /// keeps the visual signal as long as the condition exists; only the
    /// sound is silenced): highest priority first, then the oldest.
    pub fn alarms_standing(&self, now: &Moment) -> Vec<&Alert> {
        let s = self.alarm_settings();
        let mut v: Vec<&Alert> = self
            .alerts
            .alerts
            .iter()
            .filter(|a| a.state(now, s) == AlarmState::Acknowledged)
            .collect();
        v.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
        v
    }

    pub fn alarm_state(&self, a: &Alert, now: &Moment) -> AlarmState {
        a.state(now, self.alarm_settings())
    }

    /// An alarm's transitions up to `until` (see `Alert::transitions`).
    pub fn alarm_transitions(&self, a: &Alert, until: &Moment) -> Vec<(Moment, Transition)> {
        a.transitions(self.alarm_settings(), until)
    }

    pub fn alarm_escalation(&self, a: &Alert, now: &Moment) -> Escalation {
        a.escalation(now, self.alarm_settings())
    }

    /// The audio pause in force at `now`, if any.
    pub fn audio_pause(&self, now: &Moment) -> Option<&AudioPause> {
        self.audio_paused
            .as_ref()
            .filter(|p| now.since(&p.from) >= 0 && p.until.since(now) > 0)
    }

    /// Vitals overdue is a medium-priority technical alarm from the moment
    /// the protocol's window closes: how long overdue, and how far it has
    /// escalated (by the medium timings).
    pub fn vitals_overdue(&self, now: &Moment) -> Option<(Millis, Escalation)> {
        let d = self.vitals_due(now)?;
        if d.state != super::DueState::Overdue {
            return None;
        }
        let late = now.since(&d.until);
        let esc = match self.alarm_settings() {
            None => Escalation::None,
            Some(s) => {
                let after = i64::from(s.medium.escalate_after_minutes) * MINUTE;
                match late {
                    l if l >= 2 * after => Escalation::Sound,
                    l if l >= after => Escalation::Emphasis,
                    _ => Escalation::None,
                }
            }
        };
        Some((late, esc))
    }

    /// The highest priority whose sound should be heard now: an alarm
    /// (or overdue vitals) escalated to sound, unless an audio pause covers
    /// it (an alarm of higher priority than the pause covered, raised
    /// during it, is heard).
    pub fn alarm_sound(&self, now: &Moment) -> Option<Priority> {
        let pause = self.audio_pause(now);
        let overdue = self
            .vitals_overdue(now)
            .filter(|(_, e)| *e == Escalation::Sound)
            .filter(|_| pause.is_none_or(|p| Priority::Medium > p.covers))
            .map(|_| Priority::Medium);
        let risk = self.protocol().risk.as_ref().map(|r| r.priority);
        let risk = risk.filter(|p| {
            self.risk.screens.iter().any(|s| {
                s.alarm_sounds(*p, now, self.alarm_settings())
                    && pause.is_none_or(|x| *p > x.covers && s.announced().since(&x.from) >= 0)
            })
        });
        self.alarms_waiting(now)
            .into_iter()
            .filter(|a| self.alarm_escalation(a, now) == Escalation::Sound)
            .filter(|a| match pause {
                None => true,
                Some(p) => a.priority > p.covers && a.raised_at.since(&p.from) >= 0,
            })
            .map(|a| a.priority)
            .chain(overdue)
            .chain(risk)
            .max()
    }

    /// Pause alarm audio for `minutes`, with a reason; refused beyond the
    /// protocol's cap for the highest priority waiting.
    pub(super) fn pause_alarm_audio(
        &mut self,
        minutes: u32,
        reason: &str,
        at: &Moment,
    ) -> Result<(), Refusal> {
        if reason.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!(
                "ref-pausing-alarm-sound-needs-a-reason"
            )));
        }
        let Some(settings) = self.alarm_settings().cloned() else {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-protocol-sets-no-alarm-audio"
            )));
        };
        let overdue = self.vitals_overdue(at).map(|_| Priority::Medium);
        let waiting = self.alarms_waiting(at).first().map(|a| a.priority);
        let Some(top) = waiting.max(overdue) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-no-alarm-is-waiting-there-is"
            )));
        };
        let cap = settings.timing(top).audio_pause_max_minutes;
        if minutes == 0 || minutes > cap {
            return Err(Refusal::new(crate::phrase!(
                "ref-audio-pause-cap",
                cap = cap,
                priority = top.word()
            )));
        }
        self.audio_paused = Some(AudioPause {
            from: at.clone(),
            until: at.plus(i64::from(minutes) * MINUTE),
            reason: reason.to_string(),
            covers: top,
        });
        Ok(())
    }

    /// Time left on the audio pause.
    pub fn audio_pause_left(&self, now: &Moment) -> Option<Millis> {
        self.audio_pause(now).map(|p| p.until.since(now))
    }
}

/// A step in an alarm's life, as the record implies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    Raised,
    /// Unacknowledged long enough to be shown with emphasis.
    Emphasis,
    /// Unacknowledged long enough for its sound to repeat.
    SoundRepeats,
    /// Acknowledged, still out of range, announced again.
    Reminder,
    /// Back in range before anyone acknowledged it.
    Latched,
    /// Acknowledged, with the action typed if any.
    Acknowledged(Option<String>),
    Resolved,
}

impl Transition {
    /// What it says, for whoever words it.
    pub fn text(&self) -> Phrase {
        match self {
            Transition::Raised => crate::phrase!("transition-raised"),
            Transition::Emphasis => crate::phrase!("transition-emphasis"),
            Transition::SoundRepeats => crate::phrase!("transition-sound-repeats"),
            Transition::Reminder => crate::phrase!("transition-reminder"),
            Transition::Latched => crate::phrase!("transition-latched"),
            Transition::Acknowledged(None) => crate::phrase!("transition-acknowledged"),
            Transition::Acknowledged(Some(x)) => Phrase::Seq(vec![
                crate::phrase!("transition-acknowledged"),
                format!(" — {x}").into(),
            ]),
            Transition::Resolved => crate::phrase!("transition-resolved"),
        }
    }
}
