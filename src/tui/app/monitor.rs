//! The bedside monitor's feed in the app (`--monitor`): each tick the
//! messages the listener read are judged against the session on screen
//! (`crate::monitor::judge`), recorded as unconfirmed readings and
//! answered; the feed's silence and the device alarms are looked at; the
//! keys confirm or reject what waits.

use super::*;
use crate::monitor::listen::{Incoming, Listener};
use crate::monitor::{PatientCheck, Verdict};
use crate::session::monitor::{DeviceAlarm, MonitorReading};

/// The listener and what the app remembers of the feed.
pub struct MonitorLink {
    listener: Listener,
    check: PatientCheck,
    /// A feed-lost alarm was raised for the silence now.
    lost_raised: bool,
    /// The last message refused for its patient, in words.
    pub refused: Option<String>,
    /// Device alarms announced, by rule, while they stand.
    announced: Vec<String>,
    /// The reading `X` rejects, while its reason is asked.
    rejecting: Option<u64>,
    /// Measures a recorded message came without (an SpO₂ probe off while
    /// the heart rate still comes), said once until a value comes back.
    unmeasured: Vec<crate::monitor::codes::Quantity>,
    /// A message holding only codes kap does not read was said (once,
    /// until a reading is recorded: a monitor sends every minute).
    unread_said: bool,
}

impl MonitorLink {
    pub fn new(listener: Listener, check: PatientCheck) -> MonitorLink {
        MonitorLink {
            listener,
            check,
            lost_raised: false,
            refused: None,
            announced: Vec::new(),
            rejecting: None,
            unmeasured: Vec::new(),
            unread_said: false,
        }
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.listener.addr()
    }
}

impl App {
    /// Every tick: answer what the monitor sent, then look at its silence
    /// and its alarms.
    pub(super) fn on_monitor(&mut self, now: &Moment) {
        let Some(link) = &self.monitor else { return };
        for m in link.listener.take() {
            self.monitor_message(m, now);
        }
        self.monitor_silence(now);
        self.monitor_alarms();
    }

    fn monitor_message(&mut self, m: Incoming, now: &Moment) {
        let lang = self.lang;
        let Some(link) = &self.monitor else { return };
        let Screen::Session(v) = &self.screen else {
            m.answer("AR", "no session is open in kap; nothing was recorded");
            return;
        };
        let s = &v.open.session;
        if s.closed.is_some() {
            m.answer("AR", "the session is closed; nothing was recorded");
            return;
        }
        let verdict = crate::monitor::judge(
            &m.message,
            &s.start.patient,
            &s.monitor,
            &link.check,
            *now.wall.offset(),
        );
        match verdict {
            Verdict::Record(r) => self.monitor_record(m, r, now),
            Verdict::Duplicate => m.answer("AA", "already recorded (same message control id)"),
            Verdict::Full => m.answer(
                "AE",
                format!(
                    "this session holds {} monitor readings; no more are recorded",
                    crate::monitor::MAX_READINGS
                ),
            ),
            Verdict::WrongPatient { sent } => {
                let sent = sent.unwrap_or_else(|| "—".into());
                let text = crate::say!(lang, "feed-wrong-patient", sent = sent.clone());
                self.set_flash(format!("!! {text}"), FlashKind::Refused);
                if let Some(l) = &mut self.monitor {
                    l.refused = Some(text);
                }
                m.answer(
                    "AR",
                    format!("patient {sent} is not the patient of the session open in kap"),
                );
            }
            Verdict::Nothing {
                not_obtained,
                ignored,
            } => {
                // The screen says it in words; the answer to the monitor
                // (the technician's) names the codes.
                let mut text = "nothing kap reads".to_string();
                if !not_obtained.is_empty() {
                    self.set_flash(
                        crate::tui::present::monitor::not_measured_text(&not_obtained, lang),
                        FlashKind::Refused,
                    );
                    let codes: Vec<&str> = not_obtained.iter().map(|q| q.refid()).collect();
                    text.push_str(&format!("; not measured: {}", codes.join(", ")));
                }
                text.push_str(&format!("; ignored: {}", ignored.join(", ")));
                m.answer("AA", text);
                // Only codes kap does not read: the feed is alive but
                // gives nothing, which the screen says once.
                let say = not_obtained.is_empty()
                    && self.monitor.as_mut().is_some_and(|l| {
                        let first = !l.unread_said;
                        l.unread_said = true;
                        first
                    });
                if say {
                    self.set_flash(crate::say!(lang, "feed-nothing-read"), FlashKind::Refused);
                }
            }
        }
    }

    fn monitor_record(&mut self, m: Incoming, r: MonitorReading, now: &Moment) {
        let lang = self.lang;
        let words = crate::session::monitor::values_text(&r);
        // The answer names the codes, for the technician.
        let missing = &m.message.not_obtained;
        let mut answer = "recorded, unconfirmed".to_string();
        if !missing.is_empty() {
            let codes: Vec<&str> = missing.iter().map(|q| q.refid()).collect();
            answer.push_str(&format!("; not measured: {}", codes.join(", ")));
        }
        if !m.message.ignored.is_empty() {
            answer.push_str(&format!("; ignored: {}", m.message.ignored.join(", ")));
        }
        let first = self.pending_readings().is_empty();
        if self.record_by(Event::MonitorReading(Box::new(r)), now, None, None) {
            if let Some(l) = &mut self.monitor {
                l.lost_raised = false;
                l.unread_said = false;
            }
            // Said when readings start to wait, not for each one (a
            // monitor sends every minute): the row lists what waits.
            if first {
                self.set_flash(
                    crate::say!(lang, "feed-received", reading = words.say(lang)),
                    FlashKind::Info,
                );
            }
            // A measure the message came without (a probe off while the
            // heart rate still comes): said once, until a value of it
            // comes back.
            let new = self.monitor.as_mut().map_or_else(Vec::new, |l| {
                l.unmeasured
                    .retain(|q| !m.message.observations.iter().any(|o| o.quantity == *q));
                let new: Vec<_> = missing
                    .iter()
                    .filter(|q| !l.unmeasured.contains(q))
                    .copied()
                    .collect();
                l.unmeasured.extend(&new);
                new
            });
            if !new.is_empty() {
                self.set_flash(
                    crate::tui::present::monitor::not_measured_text(&new, lang),
                    FlashKind::Refused,
                );
            }
            m.answer("AA", answer);
        } else {
            let why = self
                .flash
                .as_ref()
                .map_or_else(String::new, |f| f.text.clone());
            m.answer("AE", format!("not recorded: {why}"));
        }
    }

    /// A feed silent longer than the protocol's vitals interval, counted
    /// from its last reading (or the start of the dosing when none came):
    /// one technical alarm for each silence.
    fn monitor_silence(&mut self, now: &Moment) {
        let Some(link) = &self.monitor else { return };
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let s = &v.open.session;
        let Some(from) = s
            .monitor
            .last()
            .map(|r| &r.at)
            .or(s.dosing.started.as_ref())
        else {
            return;
        };
        let limit = i64::from(s.protocol().vitals.interval_minutes.max) * crate::session::MINUTE;
        if link.lost_raised || s.closed.is_some() {
            return;
        }
        if let Some(gap) = s.monitor.silent(from, now, limit) {
            if let Some(l) = &mut self.monitor {
                l.lost_raised = true;
            }
            self.update(Msg::Technical(Technical::MonitorSilent { gap }), now);
        }
    }

    /// Device alarms newly standing are said once and sounded (the
    /// standing ones as the session view keeps them, worked out once for
    /// each change of the session).
    fn monitor_alarms(&mut self) {
        let lang = self.lang;
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let standing = v.device_alarms.standing.clone();
        let Some(link) = &mut self.monitor else {
            return;
        };
        link.announced
            .retain(|r| standing.iter().any(|a| &a.rule == r));
        let new: Vec<DeviceAlarm> = standing
            .into_iter()
            .filter(|a| !link.announced.contains(&a.rule))
            .collect();
        link.announced.extend(new.iter().map(|a| a.rule.clone()));
        for a in new {
            self.set_flash(
                crate::tui::present::monitor::device_alarm_text(&a, lang),
                FlashKind::Refused,
            );
            match self.alarm_audio.as_mut() {
                Some(au) => au.chime(),
                None => self.audio.chime(),
            }
        }
    }

    /// `o`: the oldest unconfirmed reading becomes the clinician's entry.
    pub(super) fn confirm_reading(&mut self, now: &Moment) {
        let lang = self.lang;
        let Some(seq) = self.pending_readings().first().copied() else {
            self.set_flash(crate::say!(lang, "feed-none-pending"), FlashKind::Info);
            return;
        };
        self.record_flash(
            Event::MonitorConfirmed { entry: seq },
            &crate::say!(lang, "feed-confirmed", count = 1),
            now,
        );
    }

    /// `O`: every unconfirmed reading, oldest first.
    pub(super) fn confirm_all_readings(&mut self, now: &Moment) {
        let lang = self.lang;
        let pending = self.pending_readings();
        if pending.is_empty() {
            self.set_flash(crate::say!(lang, "feed-none-pending"), FlashKind::Info);
            return;
        }
        let mut done = 0;
        for seq in pending {
            if !self.record(Event::MonitorConfirmed { entry: seq }, now) {
                return;
            }
            done += 1;
        }
        self.set_flash(
            crate::say!(lang, "feed-confirmed", count = done),
            FlashKind::Saved,
        );
    }

    /// `X`: the oldest unconfirmed reading is an artefact; the reason is
    /// asked.
    pub(super) fn reject_reading(&mut self) {
        let lang = self.lang;
        let Some(seq) = self.pending_readings().first().copied() else {
            self.set_flash(crate::say!(lang, "feed-none-pending"), FlashKind::Info);
            return;
        };
        if let Some(l) = &mut self.monitor {
            l.rejecting = Some(seq);
        }
        self.open_reason(ReasonFor::MonitorReject);
    }

    pub(super) fn reject_with_reason(&mut self, reason: String, now: &Moment) -> bool {
        let lang = self.lang;
        let seq = self
            .monitor
            .as_ref()
            .and_then(|l| l.rejecting)
            .or_else(|| self.pending_readings().first().copied());
        let Some(entry) = seq else { return false };
        let ok = self.record_flash(
            Event::MonitorRejected { entry, reason },
            &crate::say!(lang, "feed-rejected"),
            now,
        );
        if ok && let Some(l) = &mut self.monitor {
            l.rejecting = None;
        }
        ok
    }

    fn pending_readings(&self) -> Vec<u64> {
        self.view()
            .map(|v| v.open.session.monitor.pending().map(|r| r.seq).collect())
            .unwrap_or_default()
    }
}
