//! The session screen's keys: looked up in the key table, then done.

use super::*;

/// The most a single paste may carry (a note longer than this is a file).
pub const MAX_PASTE_CHARS: usize = 64 * 1024;

mod families;
use families::{AfterClosing, Dosing, Move, Safety, Sound};

impl App {
    /// `a`: the most severe alarm waiting, a patient's before a technical
    /// one of the same priority. A patient alarm asks what was done; a
    /// technical one is acknowledged at once.
    fn acknowledge_top(&mut self, now: &Moment) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        // A positive risk screen's alarm first: it is high priority, the
        // patient's, and the oldest such waits longest.
        if let Some(r) = s.risk.alarms_waiting().first() {
            let ack = crate::tui::modal::Ack::risk(
                r.seq,
                crate::say!(
                    lang,
                    "risk-alarm-headline",
                    score = r.result.score,
                    at = r.at.hhmm()
                ),
                s.protocol()
                    .risk
                    .as_ref()
                    .map(|x| x.action.clone())
                    .unwrap_or_default(),
            );
            self.modal = Some(Modal::Ack(ack));
            return;
        }
        let patient = s.alarms_waiting(now).first().cloned().cloned();
        let technical = s.technical_waiting().first().map(|a| (a.id, a.priority));
        // A device alarm from the monitor, standing and not acknowledged
        // yet: after the patient's alarms (entered vitals), before a
        // technical one of no higher priority; acknowledged at once.
        let device = v
            .device_alarms
            .standing
            .iter()
            .find(|a| !a.acknowledged)
            .cloned();
        if let Some(d) = device
            && patient.is_none()
            && technical.is_none_or(|(_, tp)| tp <= d.priority)
        {
            let rule = d.rule.clone();
            self.record_flash(
                Event::MonitorAlarmAcknowledged {
                    rule: d.rule,
                    entry: d.raised_by,
                },
                &crate::say!(lang, "flash-device-alarm-acknowledged", rule = rule),
                now,
            );
            return;
        }
        match (patient, technical) {
            (Some(p), Some((id, tp))) if tp > p.priority => self.acknowledge_technical(id, now),
            (Some(p), _) => self.modal = Some(Modal::Ack(crate::tui::modal::Ack::new(&p, lang))),
            (None, Some((id, _))) => self.acknowledge_technical(id, now),
            (None, None) => self.set_flash(crate::say!(lang, "flash-no-alert"), FlashKind::Info),
        }
    }

    fn acknowledge_technical(&mut self, alarm: u32, now: &Moment) {
        let lang = self.lang;
        self.record_flash(
            Event::TechnicalAcknowledged { alarm },
            &crate::say!(lang, "flash-technical-acknowledged", alarm = alarm),
            now,
        );
    }

    /// Pasted text (the terminal's bracketed paste): text for the field
    /// that has focus, never keys. A line break in it saves nothing; it
    /// stays a line break in a note or an answer and becomes a space in a
    /// one-line field. With no field focused the paste is refused aloud.
    pub fn on_paste(&mut self, text: &str) {
        let lang = self.lang;
        let n = text.chars().count();
        if n > MAX_PASTE_CHARS {
            self.set_flash(
                crate::say!(
                    lang,
                    "flash-paste-too-long",
                    chars = n,
                    max = MAX_PASTE_CHARS
                ),
                FlashKind::Refused,
            );
            return;
        }
        use crate::tui::screens::Component;
        let taken = if let Some(m) = self.modal.as_mut() {
            m.paste(text)
        } else if self.help {
            false
        } else if let Some(r) = self.replay.as_mut() {
            r.on_paste(text)
        } else {
            self.screen.component_mut().on_paste(text)
        };
        if !taken {
            self.set_flash(crate::say!(lang, "flash-paste-nowhere"), FlashKind::Refused);
        }
    }

    pub(super) fn say_close_is_for_the_last_phase(&mut self) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let last = v
            .open
            .session
            .protocol()
            .phases
            .last()
            .map(|p| p.title.clone())
            .unwrap_or_default();
        self.set_flash(
            crate::say!(lang, "flash-close-in-last-phase", phase = last),
            FlashKind::Info,
        );
    }

    /// Do what a session's command asks. Every command key reaches here
    /// through the key table (`keys.rs`), which also documents it, and
    /// then `update`. A one-line command is done here; the others by the
    /// handler of their family below.
    pub(super) fn command(&mut self, action: Action, now: &Moment) {
        let lang = self.lang;
        if let Screen::Closed(_) = self.screen {
            if let Some(c) = AfterClosing::of(action) {
                self.closed_command(c);
            }
            return;
        }
        if self.view().is_none() {
            return;
        }
        match action {
            Action::Up => self.move_command(Move::Up, now),
            Action::Down => self.move_command(Move::Down, now),
            Action::Activate => self.move_command(Move::Activate, now),
            Action::Tick => self.move_command(Move::Tick, now),
            Action::LookBack => self.move_command(Move::LookBack, now),
            Action::Next => self.move_command(Move::Next, now),
            Action::Close => self.move_command(Move::Close, now),
            Action::PauseAlarmSound => self.safety_command(Safety::PauseAlarmSound, now),
            Action::WithdrawConsent => self.safety_command(Safety::WithdrawConsent, now),
            Action::RiskScreen => self.safety_command(Safety::RiskScreen, now),
            Action::ToggleChimes => self.sound_command(Sound::ToggleChimes),
            Action::VolumeUp => self.sound_command(Sound::VolumeUp),
            Action::VolumeDown => self.sound_command(Sound::VolumeDown),
            Action::NextTrack => self.sound_command(Sound::NextTrack),
            Action::StartInfusion => self.dosing_command(Dosing::Start, now),
            Action::PauseInfusion => self.dosing_command(Dosing::PauseOrResume, now),
            Action::StopInfusion => self.dosing_command(Dosing::Stop, now),
            Action::Music => self.dosing_command(Dosing::Music, now),
            Action::CheckIn => self.dosing_command(Dosing::CheckIn, now),
            Action::StartDebrief => self.dosing_command(Dosing::Debrief, now),
            Action::RecordMeasure => self.record_measure_due(now),
            Action::EditGoals => self.edit_goals(),
            Action::PauseSimulation => self.toggle_simulation_pause(now),
            Action::RecreateFolder => self.recreate_folder(),
            Action::Leave => self.modal = Some(Modal::Confirm(Confirm::Quit)),
            Action::Help => self.help = true,
            Action::NextTheme => self.theme = Theme::new(self.theme.name.next()),
            Action::EnterVitals => {
                if let Some(v) = self.view_mut() {
                    v.vitals_focus = true;
                }
            }
            Action::Note => self.modal = Some(Modal::Note(Default::default())),
            Action::Medication => self.open_meds(now),
            Action::Acknowledge => self.acknowledge_top(now),
            Action::EndEarly => self.open_sign_off(SignFor::EndEarly, now),
            Action::SafetyPlan => self.open_plan(None),
            Action::NextAuthor => self.next_author(),
            Action::SelfReport => self.open_self_report(),
            Action::Timeline => self.open_timeline(),
            Action::Addendum => self.set_flash(
                crate::say!(lang, "flash-addenda-after-closing"),
                FlashKind::Info,
            ),
            Action::CoSign => self.set_flash(
                crate::say!(lang, "ref-co-sign-after-closing"),
                FlashKind::Info,
            ),
            Action::CycleCuff => self.cycle_cuff(now),
            Action::ConfirmReading => self.confirm_reading(now),
            Action::ConfirmAllReadings => self.confirm_all_readings(now),
            Action::RejectReading => self.reject_reading(),
            Action::Faster => self.change_speed(2.0, now),
            Action::Slower => self.change_speed(0.5, now),
            Action::ChooseMusic => self.open_music_choice(),
            // A replay's own keys: `tui::replay` does them.
            Action::PreviousEvent | Action::NextEvent | Action::Branch => {}
        }
    }

    /// A closed session: only what may follow closing (addenda,
    /// co-signature, the timeline) and leaving.
    fn closed_command(&mut self, command: AfterClosing) {
        match command {
            AfterClosing::Addendum => self.open_addendum(),
            AfterClosing::CoSign => self.open_co_sign(),
            AfterClosing::Timeline => self.open_timeline(),
            AfterClosing::Leave => self.quit = true,
        }
    }

    /// Moving through the session: ↑ ↓ among the prompts (and reading on
    /// below the last), Enter or Space on one, back to an earlier phase,
    /// on to the next, and closing in the last.
    fn move_command(&mut self, command: Move, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let at_current = v.view_phase == s.phase;
        let last = s.phase + 1 == s.protocol().phases.len();
        let prompts = self.visible_prompts();
        match command {
            Move::Up => {
                if let Some(v) = self.view_mut() {
                    if v.read_on > 0 {
                        v.read_on -= 1;
                    } else {
                        v.select(v.selected.saturating_sub(1));
                    }
                }
            }
            Move::Down => {
                if let Some(v) = self.view_mut() {
                    if v.selected + 1 < prompts.len() {
                        v.select(v.selected + 1);
                    } else if v.room_below.get() > 0 {
                        // Past the last prompt: read on below it.
                        v.read_on += 1;
                    }
                }
            }
            Move::Activate | Move::Tick => {
                let sel = self.view().map_or(0, |v| v.selected);
                if let Some(p) = prompts.get(sel) {
                    self.activate(p, command == Move::Tick, now);
                }
            }
            Move::LookBack => {
                if let Some(v) = self.view_mut()
                    && v.view_phase > 0
                {
                    v.view_phase -= 1;
                    v.select(0);
                }
            }
            Move::Next => {
                if !at_current {
                    if let Some(v) = self.view_mut() {
                        v.view_phase += 1;
                        v.select(0);
                    }
                } else if last {
                    self.open_sign_off(SignFor::Close, now);
                } else {
                    self.advance(None, now);
                }
            }
            Move::Close if !last => self.say_close_is_for_the_last_phase(),
            Move::Close if s.risk.held() => self.open_reason(ReasonFor::RiskOverride),
            Move::Close => self.open_sign_off(SignFor::Close, now),
        }
    }

    /// The alarm sound paused (with a reason) or resumed, consent
    /// withdrawn once the dose has started, the risk screen opened when
    /// the protocol has one.
    fn safety_command(&mut self, command: Safety, now: &Moment) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        match command {
            Safety::PauseAlarmSound => {
                if s.audio_pause(now).is_some() {
                    self.record_flash(
                        Event::AlarmAudioResumed,
                        &crate::say!(lang, "flash-alarm-sound-resumed"),
                        now,
                    );
                } else {
                    self.open_reason(ReasonFor::AudioPause);
                }
            }
            Safety::WithdrawConsent => {
                if s.dosing.started.is_none() {
                    self.set_flash(
                        crate::say!(lang, "flash-withdraw-before-start"),
                        FlashKind::Info,
                    );
                } else {
                    self.open_reason(ReasonFor::Withdraw);
                }
            }
            Safety::RiskScreen => match s.protocol().risk.as_ref() {
                Some(r) => self.modal = Some(Modal::Risk(crate::tui::modal::Risk::new(r))),
                None => self.set_flash(crate::say!(lang, "flash-no-risk-screen"), FlashKind::Info),
            },
        }
    }

    /// The chimes on or off, the music's volume, the next track.
    fn sound_command(&mut self, command: Sound) {
        let lang = self.lang;
        match command {
            Sound::ToggleChimes => {
                self.chime_on = !self.chime_on;
                self.set_flash(
                    if self.chime_on {
                        crate::say!(lang, "flash-chimes-on")
                    } else {
                        crate::say!(lang, "flash-chimes-off")
                    },
                    FlashKind::Info,
                );
            }
            Sound::VolumeUp | Sound::VolumeDown => {
                let step = if command == Sound::VolumeUp {
                    0.1
                } else {
                    -0.1
                };
                let v = (self.audio.volume() + step).clamp(0.0, 1.0);
                self.audio.set_volume(v);
                self.set_flash(
                    crate::say!(lang, "flash-volume", percent = format!("{:.0}", v * 100.0)),
                    FlashKind::Info,
                );
            }
            Sound::NextTrack => self.audio.next(),
        }
    }

    /// The first measure due (or overdue): a typed one asks its value,
    /// another is done as Enter on it would.
    fn record_measure_due(&mut self, now: &Moment) {
        let lang = self.lang;
        let due = self.view().and_then(|v| {
            v.open
                .session
                .measures_due(now)
                .into_iter()
                .find(|(_, d)| d.state != crate::session::DueState::Upcoming)
                .map(|(p, _)| p)
        });
        match due {
            Some(p) if p.kind.is_typed() => {
                self.modal = Some(Modal::Value(crate::tui::modal::Value::new(p)))
            }
            Some(p) => self.activate(&p, false, now),
            None => self.set_flash(crate::say!(lang, "flash-no-measure-due"), FlashKind::Info),
        }
    }

    /// The course's goals opened in the editor, one a line, the cursor at
    /// the end.
    fn edit_goals(&mut self) {
        let goals = self.goals();
        if let Some(v) = self.view_mut() {
            let original = goals.join("\n");
            let mut area = TextArea::new(if goals.is_empty() {
                vec![String::new()]
            } else {
                goals
            });
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            area.move_cursor(ratatui_textarea::CursorMove::End);
            v.editor = Some(Editor {
                prompt: GOALS_EDITOR.into(),
                original,
                area,
            });
        }
    }

    /// A rehearsal's simulated time paused or resumed by the trainee,
    /// logged and said.
    fn toggle_simulation_pause(&mut self, now: &Moment) {
        let lang = self.lang;
        if let Some(c) = &self.scaled {
            let paused = !c.is_paused();
            c.set_paused(paused);
            let by = crate::rehearsal::simlog::Who::Trainee;
            self.sim_record(
                now,
                if paused {
                    crate::rehearsal::simlog::SimEvent::Paused { by }
                } else {
                    crate::rehearsal::simlog::SimEvent::Resumed { by }
                },
            );
            self.set_flash(
                if paused {
                    crate::say!(lang, "flash-sim-paused")
                } else {
                    crate::say!(lang, "flash-sim-running")
                },
                FlashKind::Info,
            );
        }
    }

    pub(super) fn cycle_cuff(&mut self, now: &Moment) {
        let lang = self.lang;
        // What was just recorded counts before the cuff reads.
        self.on_patient(now);
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let origin = v.open.session.started_at.clone();
        let dosing = v.open.session.dosing.started.clone();
        let Some(sim) = &mut self.sim else { return };
        match sim.cycle_cuff(now, &origin, dosing.as_ref()) {
            Some((systolic, diastolic)) => {
                self.sim_record(
                    now,
                    crate::rehearsal::simlog::SimEvent::Cuff {
                        systolic,
                        diastolic,
                    },
                );
                self.set_flash(
                    crate::say!(
                        lang,
                        "flash-monitor-nibp",
                        value = format!("{systolic}/{diastolic}")
                    ),
                    FlashKind::Info,
                );
            }
            None => self.set_flash(
                crate::say!(lang, "flash-monitor-nibp-failed"),
                FlashKind::Refused,
            ),
        }
    }

    pub(super) fn change_speed(&mut self, factor: f64, now: &Moment) {
        let lang = self.lang;
        if let Some(c) = self.scaled.clone() {
            let s = (c.speed() * factor).clamp(1.0, 120.0);
            c.set_speed(s);
            self.sim_record(
                now,
                crate::rehearsal::simlog::SimEvent::Speed {
                    speed: s,
                    by: crate::rehearsal::simlog::Who::Trainee,
                },
            );
            self.set_flash(
                crate::say!(
                    lang,
                    "flash-sim-speed",
                    speed = crate::i18n::num_in(lang, s)
                ),
                FlashKind::Info,
            );
        }
    }

    /// The dosing phase's commands: start, pause or resume, stop, the
    /// music, a check-in, the debrief.
    fn dosing_command(&mut self, command: Dosing, now: &Moment) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let state = s.dosing.state(now);
        use crate::session::DosingState as D;
        match command {
            Dosing::Start => {
                self.record_flash(
                    Event::DosingStarted,
                    &crate::say!(lang, "flash-infusion-started", what = s.dosing.what()),
                    now,
                );
            }
            Dosing::PauseOrResume => match state {
                D::Running => self.open_reason(ReasonFor::Pause),
                D::Paused => {
                    self.record_flash(
                        Event::DosingResumed,
                        &crate::say!(lang, "flash-infusion-resumed"),
                        now,
                    );
                }
                _ => self.set_flash(
                    crate::say!(lang, "flash-infusion-not-running"),
                    FlashKind::Refused,
                ),
            },
            Dosing::Stop => self.open_reason(ReasonFor::Stop),
            Dosing::Music => {
                if s.music.is_playing() {
                    self.audio.fade_out(std::time::Duration::from_secs(4));
                    self.record_flash(
                        // No reason typed: the record says the clinician
                        // stopped it, in no language (the summary words it).
                        Event::MusicStopped { reason: None },
                        &crate::say!(lang, "flash-music-fading"),
                        now,
                    );
                } else {
                    let chosen = s.music.playlist.clone();
                    let info = chosen.as_ref().and_then(|name| self.playlist_named(name));
                    let play = match (info, self.audio_problem()) {
                        (Some(info), None) => {
                            let pl = info.playlist.clone();
                            Some(pl)
                        }
                        _ => None,
                    };
                    let why = self.audio_problem();
                    if self.record(Event::MusicStarted { track: None }, now) {
                        match play {
                            Some(pl) => {
                                self.audio_started = false;
                                self.audio.play(&pl);
                                self.set_flash(
                                    crate::say!(lang, "flash-playing", name = pl.name.clone()),
                                    FlashKind::Saved,
                                );
                            }
                            None => self.set_flash(
                                match (chosen, why) {
                                    // The action first: a narrow status line
                                    // cuts the reason, not what happened.
                                    (Some(_), Some(why)) => crate::say!(
                                        lang,
                                        "flash-music-marked-silent",
                                        why = why.to_string()
                                    ),
                                    _ => crate::say!(lang, "flash-music-marked"),
                                },
                                FlashKind::Saved,
                            ),
                        }
                    }
                }
            }
            Dosing::CheckIn => {
                self.record_flash(
                    Event::CheckedIn { note: None },
                    &crate::say!(lang, "flash-checkin-recorded"),
                    now,
                );
            }
            Dosing::Debrief => {
                self.record_flash(
                    Event::DebriefStarted,
                    &crate::say!(lang, "flash-debrief-started"),
                    now,
                );
            }
        }
    }
}
