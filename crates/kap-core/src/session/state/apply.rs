//! Events applied to a session: every rule that accepts or refuses one.

use super::*;
use crate::i18n::Phrase;

mod alarms;
mod answers;
mod dosing;
mod music;

impl Session {
    /// Apply one event that happened at `at` (the time taken, for a late
    /// entry), as entry `cx.seq`. On refusal nothing changes. Entries go
    /// through `apply_entry` (`entries.rs`), which also keeps the log.
    /// One arm per event kind, each handing the data it binds to the rule
    /// for it: answers, ticks, values, notes and goals in `apply/answers.rs`;
    /// vitals and the monitor in `monitor.rs`; phases here; the dosing,
    /// check-ins, debrief and abandonment in `apply/dosing.rs`; alerts and
    /// alarms in `apply/alarms.rs`; music in `apply/music.rs`; outcomes,
    /// corrections, signatures, medications and risk in their own files.
    pub(super) fn apply_event(&mut self, ev: &Event, at: &Moment, cx: &Cx) -> Result<(), Refusal> {
        match ev {
            Event::Started(_) => Err(Refusal::new(crate::phrase!(
                "ref-the-session-has-already-started"
            ))),
            Event::Answered { prompt, text } => self.answer(prompt, text, at, cx),
            Event::Ticked {
                prompt,
                checked,
                evidence,
            } => self.tick(prompt, checked, evidence, at),
            Event::Recorded { prompt, value } => self.record_value(prompt, value, at, cx),
            Event::Note {
                text,
                tags,
                outside,
            } => self.add_note(text, tags, outside.as_deref(), at, cx),
            Event::GoalsSet { goals } => self.set_goals(goals),
            Event::Vitals { reading } => self.add_vitals(reading, at, cx, None),
            Event::MonitorReading(r) => self.receive_monitor(r, at, cx),
            Event::MonitorConfirmed { entry } => self.confirm_monitor(*entry, at, cx),
            Event::MonitorRejected { entry, reason } => self.reject_monitor(*entry, reason, at, cx),
            Event::MonitorAlarmAcknowledged { rule, entry } => {
                self.acknowledge_device_alarm(rule, *entry, at, cx)
            }
            Event::Advanced { reason } => self.advance(reason.as_deref(), at),
            Event::DosingStarted => self.start_dosing(at),
            Event::DosingPaused { reason } => self.pause_dosing(reason, at),
            Event::DosingResumed => self.resume_dosing(at),
            Event::ConsentWithdrawn { reason } => self.withdraw_consent(reason, at),
            Event::DosingStopped { reason } => self.stop_dosing(reason, at),
            Event::CheckedIn { note } => self.check_in(note, at, cx),
            Event::DebriefStarted => self.start_debrief(at),
            Event::Closed => self.close(at),
            Event::Abandoned { reason } => self.abandon(reason, at),
            Event::AlertAcknowledged { alert, action } => self.acknowledge_alert(alert, action, at),
            Event::TechnicalAlarm { text } => self.note_technical_alarm(text, at),
            Event::TechnicalAcknowledged { alarm } => self.acknowledge_technical(*alarm, at),
            Event::AlarmSelfTest { problem, .. } => self.self_test_alarms(problem, at),
            Event::AlarmAudioPaused { minutes, reason } => {
                self.pause_alarm_audio(*minutes, reason, at)
            }
            Event::AlarmAudioResumed => self.resume_alarm_audio(at),
            Event::MusicChosen { playlist, support } => self.choose_music(playlist, support, at),
            Event::MusicStarted { track } => self.start_music(track, at),
            Event::TrackChanged { track } => self.change_track(track, at),
            Event::MusicProblem { text } => self.music_problem(text, at),
            Event::MusicStopped { reason } => self.music_stopped(reason, at),
            Event::MusicEnded => self.stop_music(at),
            Event::OutcomeCompleted {
                instrument,
                version,
                answers,
                phase,
                self_report,
                lang,
            } => self.complete_outcome(
                outcomes::Given {
                    instrument,
                    version,
                    answers,
                    phase,
                    self_report: *self_report,
                    lang,
                },
                at,
                cx,
            ),
            Event::Corrected {
                entry,
                reason,
                with,
            } => self.correct(*entry, reason, with.as_deref(), at, cx),
            Event::Addendum { text, reason } => self.add_addendum(text, reason, at, cx),
            Event::CoSigned { clinician } => self.co_sign(clinician, at, cx),
            Event::MedicationGiven {
                drug,
                dose,
                route,
                indication,
                given_by,
                outside,
                ..
            } => self.give_medication(
                drug,
                *dose,
                *route,
                indication,
                given_by,
                outside.as_deref(),
                at,
                cx,
            ),
            Event::MedicationEffect { entry, effect } => self.record_effect(*entry, effect, at, cx),
            Event::KetamineDrawn { mg } => self.ketamine_amount(*mg, None, at, cx),
            Event::KetamineWasted { mg, witness } => {
                self.ketamine_amount(*mg, Some(witness), at, cx)
            }
            Event::RiskScreened { screen, answers } => self.screen_risk(screen, answers, at, cx),
            Event::RiskAcknowledged { screen, action } => {
                self.acknowledge_risk(*screen, action.as_deref(), at)
            }
            Event::SafetyPlanned { element, text } => self.plan_safety(element, text, at, cx),
            Event::RiskHoldOverridden { reason } => self.override_risk_hold(reason, at),
        }
    }

    fn find_prompt(&self, id: &str, kind: PromptKind) -> Result<&Prompt, Refusal> {
        let Some((_, p)) = self.protocol.prompt(id) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-no-prompt",
                prompt = id.to_string()
            )));
        };
        if !self.asks(p) {
            return Err(Refusal::new(crate::phrase!(
                "ref-not-asked",
                prompt = id.to_string(),
                session = self.start.session
            )));
        }
        if p.kind != kind {
            return Err(Refusal::new(crate::phrase!(
                "ref-wrong-kind",
                prompt = id.to_string(),
                kind = p.kind.as_str()
            )));
        }
        Ok(p)
    }

    fn skip_reason<'r>(
        &self,
        phase: &Phase,
        reason: Option<&'r str>,
    ) -> Result<Option<(Vec<String>, &'r str)>, Refusal> {
        let missing: Vec<String> = self
            .missing_required(phase)
            .iter()
            .map(|p| p.id.clone())
            .collect();
        if missing.is_empty() {
            return Ok(None);
        }
        match reason.filter(|r| !r.trim().is_empty()) {
            Some(r) => Ok(Some((missing, r))),
            None => Err(Refusal::with_holds(
                crate::phrase!("ref-required-not-done"),
                self.missing_required(phase)
                    .iter()
                    .map(|p| Phrase::verbatim(&p.text))
                    .collect(),
            )),
        }
    }

    fn advance(&mut self, reason: Option<&str>, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 >= self.protocol.phases.len() {
            return Err(Refusal::new(crate::phrase!(
                "ref-this-is-the-last-phase-close"
            )));
        }
        let holds = self.holds(at);
        if !holds.is_empty() {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-cannot-leave-yet", phase = phase.title.clone()),
                holds,
            ));
        }
        let mut skipped = self.skip_reason(&phase, reason)?;
        if phase.role == PhaseRole::Dosing && self.dosing.started.is_none() {
            match reason.filter(|r| !r.trim().is_empty()) {
                Some(r) => {
                    let entry = skipped.get_or_insert_with(|| (Vec::new(), r));
                    entry.0.push("dosing".into());
                }
                None => {
                    return Err(Refusal::new(crate::phrase!(
                        "ref-the-infusion-has-not-been-started"
                    )));
                }
            }
        }
        if let Some((prompts, r)) = skipped {
            self.skips.push(Skip {
                phase: phase.id.clone(),
                prompts,
                reason: r.to_string(),
                at: at.clone(),
            });
        }
        self.phase += 1;
        if let Some(e) = self.entered.get_mut(self.phase) {
            *e = Some(at.clone());
        }
        Ok(())
    }

    fn start_dosing(&mut self, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if phase.role != PhaseRole::Dosing {
            return Err(Refusal::new(crate::phrase!(
                "ref-infusion-phase",
                phase = self
                    .protocol
                    .dosing_phase()
                    .map_or_else(|| "—".to_string(), |p| p.title.clone())
            )));
        }
        if self.dosing.started.is_some() {
            return Err(Refusal::new(crate::phrase!(
                "ref-the-infusion-has-already-been-started"
            )));
        }
        let failing = self.failing_gates(&phase, GateWhen::Enter, at);
        if !failing.is_empty() {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-infusion-cannot-start"),
                failing,
            ));
        }
        self.dosing.started = Some(at.clone());
        Ok(())
    }

    fn close(&mut self, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 < self.protocol.phases.len() {
            return Err(Refusal::new(crate::phrase!(
                "ref-close-from-last",
                phase = self
                    .protocol
                    .phases
                    .last()
                    .map_or_else(|| "—".to_string(), |p| p.title.clone())
            )));
        }
        let holds = self.holds(at);
        if !holds.is_empty() {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-cannot-close"),
                holds,
            ));
        }
        if !self.missing_required(&phase).is_empty() {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-discharge-not-done"),
                self.missing_required(&phase)
                    .iter()
                    .map(|p| Phrase::verbatim(&p.text))
                    .collect(),
            ));
        }
        let open_measures: Vec<Phrase> = self
            .measures_due(at)
            .into_iter()
            .filter(|(p, _)| p.required && p.due.as_ref().is_some_and(|d| d.before_close))
            .map(|(p, _)| Phrase::verbatim(p.text))
            .collect();
        if !open_measures.is_empty() {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-before-close-not-done"),
                open_measures,
            ));
        }
        if let Some(hold) = self.unaccounted_ketamine(at) {
            return Err(Refusal::with_holds(
                crate::phrase!("ref-ketamine-accounting"),
                vec![hold],
            ));
        }
        if self.music.is_playing() {
            let _ = self.stop_music(at);
        }
        self.closed = Some(Closing {
            at: at.clone(),
            abandoned: None,
        });
        Ok(())
    }
}

/// A reason is required: `what` is the message id of what it is for.
pub(super) fn need_reason(reason: &str, what: &'static str) -> Result<(), Refusal> {
    if reason.trim().is_empty() {
        Err(Refusal::new(crate::phrase!(
            "ref-reason-needed",
            what = Phrase::msg(what)
        )))
    } else {
        Ok(())
    }
}
