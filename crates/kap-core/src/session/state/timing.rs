//! What is due, and how long things have run: vitals, check-ins, the
//! debrief clock, the phase timer.

use super::*;

impl Session {
    // ----- what is due -------------------------------------------------

    /// The next vitals prompt, while the schedule runs: from the start of
    /// dosing, through its end, and after it when the protocol sets an
    /// after-dosing interval. The window counts from the last reading that
    /// had every prompted measure.
    pub fn vitals_due(&self, now: &Moment) -> Option<Due> {
        if self.closed.is_some() {
            return None;
        }
        let start = self.dosing.started.as_ref()?;
        let v = &self.protocol.vitals;
        let window = match self.dosing.ended_at(now) {
            Some(_) => v.after_dosing_interval_minutes?,
            None => v.interval_minutes,
        };
        let complete = |r: &Reading| {
            v.prompted.iter().all(|m| match m {
                Measure::Bp => r.has_bp(),
                Measure::Hr => r.hr.is_some(),
                Measure::Spo2 => r.spo2.is_some(),
            })
        };
        let anchor = self
            .vitals
            .iter()
            .rev()
            .find(|e| e.at.since(start) >= 0 && complete(&e.reading))
            .map_or(start, |e| &e.at);
        Some(due(
            anchor.plus(i64::from(window.min) * MINUTE),
            anchor.plus(i64::from(window.max) * MINUTE),
            now,
        ))
    }

    /// Without music playing during dosing, a gentle check-in at the
    /// protocol's interval.
    pub fn checkin_due(&self, now: &Moment) -> Option<Due> {
        let every = i64::from(self.protocol.music.as_ref()?.no_music_checkin_minutes) * MINUTE;
        if self.closed.is_some() || !self.dosing.is_under_way(now) || self.music.is_playing() {
            return None;
        }
        let mut anchor = self.dosing.started.as_ref()?;
        for m in self.checkins.iter().chain(self.music.ended_at()) {
            if m.since(anchor) > 0 {
                anchor = m;
            }
        }
        Some(due(anchor.plus(every), anchor.plus(2 * every), now))
    }

    /// When the debrief clock started: at the clinician's word, or once
    /// both the dosing and the music (if any played) have ended.
    pub fn debrief_started(&self, now: &Moment) -> Option<Moment> {
        if let Some(t) = &self.debrief_called {
            return Some(t.clone());
        }
        let dosing_end = self.dosing.ended_at(now)?;
        if self.music.is_playing() {
            return None;
        }
        match self.music.ended_at() {
            Some(m) if m.since(&dosing_end) > 0 => Some(m.clone()),
            _ => Some(dosing_end),
        }
    }

    /// Milliseconds since the debrief clock started.
    pub fn debrief_elapsed(&self, now: &Moment) -> Option<Millis> {
        self.debrief_started(now).map(|t| now.since(&t).max(0))
    }

    /// Time spent in the current phase.
    pub fn phase_elapsed(&self, now: &Moment) -> Millis {
        self.entered
            .get(self.phase)
            .and_then(|e| e.as_ref())
            .map_or(0, |t| now.since(t).max(0))
    }

    /// The language the record was made in: the one kap spoke when it
    /// began, else its protocol's. What a reader of the record (an export,
    /// the history) speaks when `--lang` and `KAP_LANG` do not say.
    pub fn recorded_language(&self) -> Option<&str> {
        self.start
            .lang
            .as_deref()
            .or(self.protocol.protocol.language.as_deref())
    }

    pub fn last_reading(&self) -> Option<&VitalsEntry> {
        self.vitals.last()
    }

    /// Judge the reading at `index` (the latest taken) after all the
    /// others: the same as judging them all again, in linear time.
    pub(super) fn extend_alerts(&mut self, index: usize, entry: u64, now: &Moment) {
        let Some(v) = self.vitals.get(index) else {
            return;
        };
        let taken = crate::session::alerts::Taken {
            at: &v.at,
            reading: &v.reading,
            entry: v.seq,
        };
        let why = crate::session::alerts::Occasion { entry, now };
        let raised = self
            .alerts
            .extend(&self.protocol.vitals.alerts, &taken, &why);
        if let Some(v) = self.vitals.get_mut(index) {
            v.raised = raised;
        }
    }

    /// Judge the alarm rules again over every reading in the order taken,
    /// after entry `entry` (entered at `now`) changed the readings; each
    /// reading then lists the alarms it raises.
    pub(super) fn rejudge_alerts(&mut self, entry: u64, now: &Moment) {
        let taken: Vec<_> = self
            .vitals
            .iter()
            .map(|v| crate::session::alerts::Taken {
                at: &v.at,
                reading: &v.reading,
                entry: v.seq,
            })
            .collect();
        let why = crate::session::alerts::Occasion { entry, now };
        self.alerts
            .rejudge(&self.protocol.vitals.alerts, &taken, &why);
        for v in &mut self.vitals {
            v.raised = self
                .alerts
                .alerts
                .iter()
                .filter(|a| a.entry == Some(v.seq) && !a.is_void())
                .map(|a| a.id)
                .collect();
        }
    }
}
