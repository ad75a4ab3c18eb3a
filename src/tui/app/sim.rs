//! A rehearsal's simulation beside the trainee's record: the scenario
//! copied into the rehearsal folder, the simulation log (speed, pauses,
//! cuff cycles, injections) and the instructor's socket, whose requests
//! the app carries out on its own tick.

use super::*;
use crate::instruct::server::{Pending, Server};
use crate::instruct::{Reply, Request, Status};
use crate::rehearsal::inject::{Device, Injection};
use crate::rehearsal::simlog::{self, SimEvent, SimLog, SimWriter, Who};
use crate::session::alarms::AlarmState;

/// Injections the instructor's console lists.
const LOG_SHOWN: usize = 8;

#[derive(Default)]
pub struct SimRun {
    /// The scenario's text, copied into the rehearsal folder.
    pub scenario_text: Option<String>,
    writer: Option<SimWriter>,
    server: Option<Server>,
    /// Everything written to the simulation log so far.
    pub log: SimLog,
}

impl SimRun {
    /// A rehearsal that runs this scenario text.
    pub fn with_scenario(text: String) -> SimRun {
        SimRun {
            scenario_text: Some(text),
            ..SimRun::default()
        }
    }
}

impl App {
    /// A rehearsal's folder is open (new, resumed or branched): copy the
    /// scenario, take back what the simulation log holds, and open the
    /// log and the instructor's socket.
    pub(super) fn sim_attach(&mut self) {
        let lang = self.lang;
        if !self.rehearsal {
            return;
        }
        let Some((dir, origin, read_only)) = self.view().map(|v| {
            (
                v.open.dir.clone(),
                v.open.session.started_at.clone(),
                v.open.journal.is_read_only(),
            )
        }) else {
            return;
        };
        if read_only {
            // A replay: the patient as the folder recorded it, and nothing
            // written or served.
            if self.sim.is_none()
                && let Some(p) = crate::rehearsal::restore_patient(&dir, &origin, lang)
            {
                self.set_patient(p);
            }
            return;
        }
        let now = self.clock.now();
        let run = self.sim_run.get_or_insert_with(SimRun::default);
        if run
            .writer
            .as_ref()
            .is_some_and(|w| w.path().parent() == Some(dir.as_path()))
        {
            return;
        }
        // Another session than the one the log and the socket belong to:
        // start afresh for this folder.
        run.server = None;
        run.writer = None;
        run.log = SimLog::default();
        let mut trouble = Vec::new();
        if let Some(text) = &run.scenario_text {
            let copy = dir.join(simlog::SCENARIO_COPY);
            if !copy.exists()
                && let Err(e) = crate::record::journal::write_atomic(&copy, text.as_bytes())
            {
                trouble.push(format!("{}: {e}", copy.display()));
            }
        }
        run.log = restored_log(&dir, &origin, self.sim.as_mut(), lang, &mut trouble);
        match SimWriter::open(&dir) {
            Ok(w) => run.writer = Some(w),
            Err(e) => trouble.push(format!("{}: {e}", dir.join(simlog::FILE).display())),
        }
        match Server::start(&dir, lang) {
            Ok(s) => run.server = Some(s),
            Err(e) => trouble.push(crate::say!(
                lang,
                "instruct-no-socket",
                error = e.to_string()
            )),
        }
        let fresh = run.log.entries.is_empty();
        // States already entered before a resume or a branch were said
        // then: take them in without saying them again.
        let session = self.view().map(|v| v.open.session.clone());
        if let (Some(sim), Some(s)) = (&mut self.sim, session) {
            let _ = sim.observe(&s, &now);
        }
        if fresh && let Some(seed) = self.sim.as_ref().map(|s| s.seed) {
            self.sim_record(&now, SimEvent::Seed { seed });
        }
        let speed = self.scaled.as_ref().map_or(1.0, |c| c.speed());
        self.sim_record(
            &now,
            SimEvent::Speed {
                speed,
                by: Who::Trainee,
            },
        );
        if !trouble.is_empty() {
            self.set_flash(trouble.join("; "), FlashKind::Refused);
        }
    }

    /// Write one entry to the simulation log (and keep it).
    pub(super) fn sim_record(&mut self, now: &Moment, what: SimEvent) {
        let Some(run) = &mut self.sim_run else { return };
        let Some(w) = &mut run.writer else { return };
        match w.append(now, what) {
            Ok(e) => run.log.entries.push(e),
            Err(e) => {
                let msg = format!("{}: {e}", w.path().display());
                self.set_flash(msg, FlashKind::Refused);
            }
        }
    }

    /// Every tick: publish the status and carry out what the instructor
    /// asked for since the last one.
    pub(super) fn on_instructor(&mut self, now: &Moment) {
        let Some(server) = self.sim_run.as_ref().and_then(|r| r.server.as_ref()) else {
            return;
        };
        let waiting = server.waiting();
        // The status is built only while someone may ask for it.
        if server.attached() {
            let status = self.instructor_status(now);
            if let Some(s) = self.sim_run.as_ref().and_then(|r| r.server.as_ref()) {
                s.publish(status);
            }
        }
        for p in waiting {
            self.carry_out(p, now);
        }
    }

    fn carry_out(&mut self, p: Pending, now: &Moment) {
        if p.is_stale() {
            // The instructor was told nothing changed: keep it so.
            return;
        }
        let reply = match self.instructed(p.request.clone(), now) {
            Ok(message) => Reply::Done { message },
            Err(message) => Reply::Refused { message },
        };
        p.answer(reply);
        let status = self.instructor_status(now);
        if let Some(s) = self.sim_run.as_ref().and_then(|r| r.server.as_ref()) {
            s.publish(status);
        }
    }

    fn instructed(&mut self, r: Request, now: &Moment) -> Result<String, String> {
        let lang = self.lang;
        if !matches!(self.screen, Screen::Session(_)) {
            return Err(crate::say!(lang, "instruct-closed"));
        }
        match r {
            Request::Status => Err(crate::say!(lang, "instruct-not-ready")),
            Request::Pause | Request::Resume => {
                let pause = r == Request::Pause;
                let Some(c) = self.scaled.clone() else {
                    return Err(crate::say!(lang, "instruct-not-ready"));
                };
                c.set_paused(pause);
                let by = Who::Instructor;
                self.sim_record(
                    now,
                    if pause {
                        SimEvent::Paused { by }
                    } else {
                        SimEvent::Resumed { by }
                    },
                );
                let said = if pause {
                    crate::say!(lang, "flash-sim-paused-by-instructor")
                } else {
                    crate::say!(lang, "flash-sim-resumed-by-instructor")
                };
                self.set_flash(said.clone(), FlashKind::Info);
                Ok(said)
            }
            Request::Speed { speed } => {
                if !(speed.is_finite() && (1.0..=120.0).contains(&speed)) {
                    return Err(crate::say!(lang, "instruct-bad-speed"));
                }
                let Some(c) = self.scaled.clone() else {
                    return Err(crate::say!(lang, "instruct-not-ready"));
                };
                c.set_speed(speed);
                self.sim_record(
                    now,
                    SimEvent::Speed {
                        speed,
                        by: Who::Instructor,
                    },
                );
                let said = crate::say!(
                    lang,
                    "flash-sim-speed",
                    speed = crate::i18n::num_in(lang, speed)
                );
                self.set_flash(said.clone(), FlashKind::Info);
                Ok(said)
            }
            Request::Inject { injection } => {
                if let Some(why) = injection.problem(lang) {
                    return Err(why);
                }
                self.inject(injection, None, now)
            }
            Request::Fire { id } => {
                let named = self
                    .sim
                    .as_ref()
                    .and_then(|s| s.scenario.injections.iter().find(|n| n.id == id).cloned())
                    .ok_or_else(|| {
                        crate::say!(
                            lang,
                            "instruct-no-such-injection",
                            id = crate::text::clean_line(&id)
                        )
                    })?;
                for e in named.effects {
                    self.inject(e, Some(named.id.clone()), now)?;
                }
                Ok(named.name)
            }
        }
    }

    /// Apply one injection to the patient, journal it, and let the trainee
    /// see or hear what a real monitor and patient would show.
    fn inject(
        &mut self,
        injection: Injection,
        named: Option<String>,
        now: &Moment,
    ) -> Result<String, String> {
        let lang = self.lang;
        let Some(origin) = self.view().map(|v| v.open.session.started_at.clone()) else {
            return Err(crate::say!(lang, "instruct-closed"));
        };
        let Some(sim) = &mut self.sim else {
            return Err(crate::say!(lang, "instruct-no-patient"));
        };
        sim.inject(now, &origin, injection.clone());
        let described = injection.describe(lang);
        self.sim_record(
            now,
            SimEvent::Inject {
                injection: injection.clone(),
                named,
            },
        );
        match injection {
            Injection::Patient { text } => {
                self.set_flash(
                    crate::say!(lang, "monitor-patient", said = text),
                    FlashKind::Refused,
                );
            }
            Injection::DeviceFails {
                device: Device::Sound,
            } => {
                self.update(Msg::SimulatedSoundFailure, now);
            }
            // The simulated patient and monitor show these themselves.
            Injection::Vitals { .. }
            | Injection::DeviceFails {
                device: Device::Cuff | Device::Spo2Probe,
            }
            | Injection::DeviceRestored { .. } => {}
        }
        Ok(described)
    }

    /// The simulated music device fails: the music stops, as a real
    /// failure would stop it, and the record says why.
    pub(super) fn simulated_sound_failure(&mut self, now: &Moment) {
        let lang = self.lang;
        self.audio.fade_out(std::time::Duration::from_millis(300));
        if self
            .view()
            .is_some_and(|v| v.open.session.music.is_playing())
        {
            self.record(
                Event::MusicStopped {
                    reason: Some(crate::say!(lang, "music-stop-device-simulated")),
                },
                now,
            );
        }
    }

    /// Why no music can sound now: the device's own reason, or a
    /// rehearsal's simulated failure (by the instructor or the scenario).
    pub(super) fn audio_problem(&self) -> Option<String> {
        let lang = self.lang;
        if let Some(why) = self.audio.unavailable() {
            return Some(why);
        }
        let now = self.clock.now();
        let v = self.view()?;
        let sim = self.sim.as_ref()?;
        let s = &v.open.session;
        let by_instructor = sim.failed(Device::Sound, &now, &s.started_at);
        let by_scenario = s.dosing.started.as_ref().is_some_and(|d| {
            let t = now.since(d) as f64 / crate::session::MINUTE as f64;
            sim.scenario.events.iter().any(|e| {
                e.kind == crate::rehearsal::scenario::EventKind::AudioFailure && e.minute <= t
            })
        });
        (by_instructor || by_scenario).then(|| crate::say!(lang, "audio-simulated-failure"))
    }

    /// What the instructor's console shows.
    pub fn instructor_status(&self, now: &Moment) -> Status {
        let lang = self.lang;
        let speed = self.scaled.as_ref().map_or(1.0, |c| c.speed());
        let paused = self.scaled.as_ref().is_some_and(|c| c.is_paused());
        let scenario = self
            .sim
            .as_ref()
            .map(|s| crate::text::clean_line(&s.scenario.scenario.name));
        let named = self.sim.as_ref().map_or(Vec::new(), |s| {
            s.scenario
                .injections
                .iter()
                .map(|n| (n.id.clone(), crate::text::clean_line(&n.name)))
                .collect()
        });
        let log = self.sim_run.as_ref().map_or(Vec::new(), |r| {
            let all: Vec<String> = r
                .log
                .injections()
                .map(|(e, i)| format!("{}  {}", e.at.hhmm(), i.describe(lang)))
                .collect();
            all[all.len().saturating_sub(LOG_SHOWN)..].to_vec()
        });
        let clock = now.wall.format("%H:%M:%S").to_string();
        let Some(v) = self.view() else {
            return Status {
                session: String::new(),
                scenario,
                clock,
                speed,
                paused,
                named,
                log,
                closed: matches!(self.screen, Screen::Closed(_)),
                ..Status::default()
            };
        };
        let s = &v.open.session;
        // The session at this moment as the screen's view model works it
        // out: the console words the same infusion and alarms.
        let tm = crate::tui::present::Timed::at(s, now, lang);
        let p = s.protocol();
        let origin = &s.started_at;
        let dosing = s.dosing.started.as_ref();
        let monitor = self.sim.as_ref().map(|sim| sim.view(now, origin, dosing));
        let true_bp = self.sim.as_ref().map(|sim| {
            let (sys, dia) = sim.true_bp(now, origin, dosing);
            format!("{sys:.0}/{dia:.0}")
        });
        let failed = match &self.sim {
            Some(sim) => Device::ALL
                .into_iter()
                .filter(|d| sim.failed(*d, now, origin))
                .collect(),
            None => Vec::new(),
        };
        Status {
            session: format!(
                "{} · {} · {}",
                p.protocol.name,
                p.session_label(s.start.session).say(lang),
                s.start.patient
            ),
            scenario,
            phase: p
                .phases
                .get(s.phase)
                .map_or(String::new(), |ph| ph.title.clone()),
            clock,
            dosing: tm.infusion.status.clone(),
            elapsed: s
                .dosing
                .started
                .as_ref()
                .map(|_| crate::session::state::minutes_text(s.dosing.elapsed(now)).say(lang)),
            speed,
            paused,
            hr: monitor.as_ref().map(|m| m.hr),
            spo2: monitor.as_ref().and_then(|m| m.spo2),
            bp: monitor
                .as_ref()
                .and_then(|m| m.bp.as_ref())
                .map(|(a, b, at)| format!("{a}/{b} ({})", at.hhmm())),
            said: monitor.map_or(Vec::new(), |m| m.said),
            true_bp,
            entered: s
                .vitals
                .last()
                .map(|e| format!("{}  {}", e.at.hhmm(), e.reading.words().say(lang))),
            alarms: alarm_lines(s, &tm, lang),
            agreed: crate::tui::present::agreements_line(s, lang),
            risk: crate::tui::present::risk::risk_line(s, lang).map(|l| l.text),
            meds: crate::tui::present::meds::instructor_lines(s, now, lang),
            named,
            failed,
            log,
            closed: false,
        }
    }
}

/// The alarms waiting, then those standing acknowledged, each with its
/// state: the instructor's console words them as the bedside screen does.
fn alarm_lines(
    s: &crate::session::Session,
    tm: &crate::tui::present::Timed,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    tm.waiting(s)
        .into_iter()
        .map(|(a, n)| (a, n.state))
        .chain(
            tm.standing(s)
                .into_iter()
                .map(|a| (a, AlarmState::Acknowledged)),
        )
        .map(|(a, state)| format!("{} ({})", a.headline().say(lang), state.word().say(lang)))
        .collect()
}

/// The rehearsal folder's simulation log, read back (into the simulated
/// patient too, when there is one); what could not be read goes into
/// `trouble`, worded.
fn restored_log(
    dir: &std::path::Path,
    origin: &Moment,
    sim: Option<&mut crate::rehearsal::Patient>,
    lang: crate::i18n::Lang,
    trouble: &mut Vec<String>,
) -> SimLog {
    match simlog::read(dir, lang) {
        Ok(log) => {
            if let Some(sim) = sim {
                sim.restore(&log, origin);
            }
            if !log.skipped.is_empty() {
                let lines: Vec<String> = log.skipped.iter().map(|(n, _)| n.to_string()).collect();
                trouble.push(crate::say!(
                    lang,
                    "simlog-skipped",
                    file = dir.join(simlog::FILE).display().to_string(),
                    count = log.skipped.len(),
                    lines = lines.join(", ")
                ));
            }
            log
        }
        Err(e) => {
            trouble.push(format!("{}: {e}", dir.join(simlog::FILE).display()));
            SimLog::default()
        }
    }
}
