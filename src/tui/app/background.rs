//! What happens between key presses: the journal still where it was,
//! sound events, scenario events, chimes.

use super::update::Technical;
use super::*;

/// A tick later than this after the one before is a suspend or a stall.
const STALL: crate::session::Millis = 30 * crate::session::SECOND;
/// A wall clock that moved this much more or less than the monotonic one
/// was changed.
const JUMP: crate::session::Millis = 60 * crate::session::SECOND;

impl App {
    /// Called on every tick: scenario events reach the screen (and a
    /// failing music device stops the music, as a real failure would).
    pub fn on_tick(&mut self, now: &Moment) {
        self.on_replay_tick(now);
        self.refresh_derived();
        self.on_journal_check();
        self.on_clock_check(now);
        self.on_audio(now);
        self.on_scenario(now);
        self.on_instructor(now);
        self.on_monitor(now);
        self.on_sim_feed(now);
        self.on_server_read();
        self.on_patient(now);
        self.on_chime(now);
    }

    /// Work out again what the session on screen derives from its whole
    /// record — its device alarms, from every monitor reading — when the
    /// session changed since: after each entry recorded, a replay's move,
    /// and (to be sure) at each tick. Once for each change, not each
    /// frame; the renderers and the tick read what this keeps.
    pub(super) fn refresh_derived(&mut self) {
        if let Some(v) = self.view_mut() {
            v.refresh_derived();
        }
    }

    /// The simulated patient takes in what the trainee has recorded, so
    /// its scenario's states follow the trainee's actions; what it says on
    /// entering a state reaches the screen.
    pub(super) fn on_patient(&mut self, now: &Moment) {
        let lang = self.lang;
        let (Screen::Session(v), Some(sim)) = (&self.screen, &mut self.sim) else {
            return;
        };
        let said = sim.observe(&v.open.session, now);
        if !said.is_empty() {
            self.set_flash(
                crate::say!(lang, "monitor-patient", said = said.join(" ")),
                FlashKind::Refused,
            );
        }
    }

    /// A session folder deleted, moved or replaced under a running session
    /// is a technical alert: entries written now would be lost at exit, so
    /// none is written, and the banner offers to re-create the folder.
    pub(super) fn on_journal_check(&mut self) {
        let lang = self.lang;
        let Some(v) = self.view_mut() else { return };
        let gone = !v.open.is_at_path();
        if gone && !v.vanished {
            v.vanished = true;
            v.disk_error = Some(crate::say!(
                lang,
                "tech-folder-gone",
                folder = v.open.dir.display().to_string()
            ));
            match self.alarm_audio.as_mut() {
                Some(a) => a.chime(),
                None => self.audio.chime(),
            }
        }
    }

    /// Between two ticks a second or so passes. Much more on the clock
    /// that counts suspend means the laptop slept or kap stalled; a wall
    /// clock that moved differently means the system clock was changed.
    /// Both are technical alarms, journalled. kap's own timers count from
    /// recorded moments on the suspend-counting clock and are not affected.
    pub(super) fn on_clock_check(&mut self, now: &Moment) {
        self.on_rehearsal_stall(now);
        let last = self.last_tick.replace(now.clone());
        let Some(last) = last else { return };
        if !self.watch_clock || last.boot != now.boot || !matches!(self.screen, Screen::Session(_))
        {
            return;
        }
        let gap = now.mono - last.mono;
        let wall = now.wall.signed_duration_since(last.wall).num_milliseconds();
        let fault = if gap > STALL {
            Some(Technical::Suspended { gap })
        } else if (wall - gap).abs() > JUMP {
            Some(Technical::ClockJumped { by: wall - gap })
        } else {
            None
        };
        if let Some(fault) = fault {
            self.update(Msg::Technical(fault), now);
        }
    }

    /// A technical fault a tick found, worded in the language given,
    /// journalled as a technical alarm and shown.
    pub(super) fn technical_alarm(&mut self, fault: Technical, now: &Moment) -> bool {
        let lang = self.lang;
        let min = |ms: Millis| crate::session::state::minutes_text(ms.abs()).say(lang);
        let text = match fault {
            Technical::Suspended { gap } => crate::say!(lang, "tech-suspended", gap = min(gap)),
            Technical::ClockJumped { by } if by > 0 => {
                crate::say!(lang, "tech-clock-ahead", jump = min(by))
            }
            Technical::ClockJumped { by } => crate::say!(lang, "tech-clock-back", jump = min(by)),
            Technical::RehearsalHeld { gap } => {
                crate::say!(lang, "tech-rehearsal-held", gap = min(gap))
            }
            Technical::MonitorSilent { gap } => {
                crate::say!(lang, "tech-monitor-silent", gap = min(gap))
            }
        };
        let ok = self.record(Event::TechnicalAlarm { text: text.clone() }, now);
        self.set_flash(
            format!("!! {}", crate::say!(lang, "tech-medium", text = text)),
            FlashKind::Refused,
        );
        ok
    }

    /// A rehearsal stopped for a while (SIGSTOP, a suspend) holds its
    /// simulated time rather than jumping on (`ScaledClock`); it says so,
    /// as a technical alarm in the record.
    fn on_rehearsal_stall(&mut self, now: &Moment) {
        if self.replay.is_some() || !matches!(self.screen, Screen::Session(_)) {
            return;
        }
        let Some(gap) = self.scaled.as_ref().and_then(|c| c.take_stall()) else {
            return;
        };
        self.update(Msg::Technical(Technical::RehearsalHeld { gap }), now);
    }

    /// Re-create a vanished session folder from the journal still open.
    pub(super) fn recreate_folder(&mut self) {
        let lang = self.lang;
        let Some(v) = self.view_mut() else { return };
        match v.open.recreate() {
            Ok(dir) => {
                v.vanished = false;
                v.disk_error = None;
                self.set_flash(
                    crate::say!(lang, "tech-recreated", folder = dir.display().to_string()),
                    FlashKind::Saved,
                );
            }
            Err(e) => {
                v.disk_error = Some(crate::say!(
                    lang,
                    "tech-recreate-failed",
                    error = e.say(lang)
                ));
            }
        }
    }

    /// One soft chime when a vitals prompt falls due or an alert is raised,
    /// if chimes are on.
    pub(super) fn on_chime(&mut self, now: &Moment) {
        let lang = self.lang;
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let due = v.open.session.vitals_due(now).map(|d| d.state);
        let alerts = v.open.session.alerts.alerts.len();
        let newly_due = due == Some(crate::session::DueState::Due)
            && self.last_vitals_due != Some(crate::session::DueState::Due);
        let s = &v.open.session;
        // A new alarm is heard, unless an audio pause covers its priority.
        let new_alert = alerts > self.last_alerts
            && s.alerts
                .alerts
                .last()
                .is_some_and(|a| s.audio_pause(now).is_none_or(|p| a.priority > p.covers));
        self.last_vitals_due = due;
        self.last_alerts = alerts;
        // A stepped dose moving on: the pump must be set for the new step.
        let step = s
            .dosing
            .step_at(now)
            .filter(|_| s.dosing.state(now) == crate::session::DosingState::Running);
        let step_began = step
            .as_ref()
            .filter(|st| self.last_step.is_some_and(|last| st.index > last))
            .map(|st| {
                crate::say!(
                    lang,
                    "flash-step-begins",
                    step = capitalise(&st.describe().say(lang))
                )
            });
        self.last_step = step.map(|st| st.index);
        // An escalated alarm repeats its sound each escalation interval
        // until acknowledged; a high one even with chimes off.
        let escalated = s
            .alarm_sound(now)
            .filter(|p| *p == crate::protocol::Priority::High || self.chime_on);
        let repeat = escalated.is_some_and(|p| {
            let every = s
                .protocol()
                .vitals
                .alarms
                .as_ref()
                .map_or(crate::session::MINUTE, |a| {
                    i64::from(a.timing(p).escalate_after_minutes) * crate::session::MINUTE
                });
            self.last_alarm_sound
                .as_ref()
                .is_none_or(|last| now.since(last) >= every)
        });
        if repeat {
            self.last_alarm_sound = Some(now.clone());
        }
        if let Some(text) = &step_began {
            self.set_flash(text.clone(), crate::tui::app::FlashKind::Info);
        }
        if repeat || step_began.is_some() || (self.chime_on && (newly_due || new_alert)) {
            match self.alarm_audio.as_mut() {
                Some(a) => a.chime(),
                None => self.audio.chime(),
            }
        }
    }

    /// The site's alarm device (`--alarm-device`), opened as `device`:
    /// when it works, the alarm tone goes there and the music's output is
    /// told it no longer carries it, so its stream may close while nothing
    /// plays (`audio::hold`); when it does not, nothing changes (alarms
    /// stay on the music's output) and the reason is returned, worded.
    pub fn use_alarm_device(
        &mut self,
        name: &str,
        device: Box<dyn crate::audio::Audio>,
    ) -> Option<String> {
        let lang = self.lang;
        if let Some(why) = device.unavailable() {
            return Some(crate::say!(lang, "tech-alarm-device", why = why));
        }
        self.alarm_audio = Some(device);
        self.alarm_device = Some(name.to_string());
        self.audio.carries_alarms(false);
        None
    }

    /// What the player reports goes through `update`.
    pub(super) fn on_audio(&mut self, now: &Moment) {
        let lang = self.lang;
        // The alarm device has no music: only its failure matters.
        let alarm_events = self
            .alarm_audio
            .as_mut()
            .map(|a| a.poll())
            .unwrap_or_default();
        for ev in alarm_events {
            if let crate::audio::AudioEvent::DeviceFailed(e) = ev {
                self.alarm_audio = None;
                // Alarm sounds come back to the music's output: it stays
                // open from now on.
                self.audio.carries_alarms(true);
                self.set_flash(
                    format!(
                        "!!! {}",
                        crate::say!(lang, "tech-alarm-device-failed", error = e.to_string())
                    ),
                    FlashKind::Refused,
                );
            }
        }
        for ev in self.audio.poll() {
            if matches!(self.screen, Screen::Session(_)) {
                self.update(Msg::Player(ev), now);
            }
        }
    }

    /// Player events become journal entries; failures are messages.
    pub(super) fn on_player(&mut self, ev: crate::audio::AudioEvent, now: &Moment) {
        let lang = self.lang;
        use crate::audio::AudioEvent as A;
        {
            match ev {
                A::TrackStarted(t) => {
                    self.audio_started = true;
                    self.record(Event::TrackChanged { track: t }, now);
                }
                A::TrackFailed(t, e) => {
                    self.record(
                        Event::MusicProblem {
                            text: format!("skipped \"{t}\": {e}"),
                        },
                        now,
                    );
                    self.set_flash(
                        crate::say!(
                            lang,
                            "flash-music-skipped",
                            track = t.clone(),
                            error = e.to_string()
                        ),
                        FlashKind::Refused,
                    );
                }
                A::Ended if !self.audio_started => {
                    // Nothing in the chosen playlist could play: fall back
                    // to kap's own ambient piece.
                    self.audio_started = true;
                    self.record(
                        Event::MusicProblem {
                            text: "no track of the playlist could play; ambient fallback".into(),
                        },
                        now,
                    );
                    let fallback = crate::audio::playlist::parse(
                        std::path::Path::new("fallback.m3u"),
                        b"kap-ambient:fallback?minutes=60\n",
                        lang,
                    );
                    self.audio.play(&fallback);
                    self.set_flash(
                        crate::say!(lang, "flash-music-fallback"),
                        FlashKind::Refused,
                    );
                }
                A::Ended => {
                    let playing = matches!(&self.screen, Screen::Session(v) if v.open.session.music.is_playing());
                    if playing {
                        self.record(Event::MusicEnded, now);
                        self.set_flash(crate::say!(lang, "flash-playlist-ended"), FlashKind::Info);
                    }
                }
                A::DeviceRecovered(e) => {
                    self.record(
                        Event::MusicProblem {
                            text: format!(
                                "the audio device reported an error and was reopened: {e}"
                            ),
                        },
                        now,
                    );
                    self.set_flash(
                        crate::say!(lang, "flash-audio-hiccup", error = e.to_string()),
                        FlashKind::Info,
                    );
                }
                A::DeviceFailed(e) => {
                    let playing = matches!(&self.screen, Screen::Session(v) if v.open.session.music.is_playing());
                    if playing {
                        self.record(
                            Event::MusicStopped {
                                reason: Some(crate::say!(
                                    lang,
                                    "music-stop-device-failed",
                                    error = e.to_string()
                                )),
                            },
                            now,
                        );
                    }
                    self.set_flash(
                        format!(
                            "!! {}",
                            crate::say!(lang, "tech-audio-failed", error = e.to_string())
                        ),
                        FlashKind::Refused,
                    );
                }
            }
        }
    }

    /// Scenario events that fall due are handed to `update`.
    pub(super) fn on_scenario(&mut self, now: &Moment) {
        let Some(sim) = &self.sim else { return };
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let due = sim.events_due(now, v.open.session.dosing.started.as_ref(), &self.sim_seen);
        if !due.is_empty() {
            self.update(Msg::Scenario(due), now);
        }
    }

    /// Scenario events reach the screen (and a simulated device failure
    /// stops the music, as a real failure would).
    pub(super) fn on_scenario_due(&mut self, due: Vec<usize>, now: &Moment) {
        let lang = self.lang;
        let Some(sim) = &self.sim else { return };
        let playing = self
            .view()
            .is_some_and(|v| v.open.session.music.is_playing());
        let newly: Vec<_> = due
            .into_iter()
            .filter_map(|i| sim.scenario.events.get(i).map(|e| (i, e.clone())))
            .collect();
        if newly.is_empty() {
            return;
        }
        let said: Vec<String> = newly.iter().map(|(_, e)| e.text.clone()).collect();
        for (i, e) in newly {
            if let Some(x) = self.sim_seen.get_mut(i) {
                *x = true;
            }
            if e.kind == crate::rehearsal::scenario::EventKind::AudioFailure && playing {
                self.simulated_sound_failure(now);
            }
        }
        self.set_flash(
            crate::say!(lang, "monitor-patient", said = said.join(" ")),
            FlashKind::Refused,
        );
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
