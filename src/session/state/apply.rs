//! Events applied to a session: every rule that accepts or refuses one.

use super::*;

impl Session {
    /// Apply one event that happened at `at` (the time taken, for a late
    /// entry), as entry `cx.seq`. On refusal nothing changes. Entries go
    /// through `apply_entry` (`entries.rs`), which also keeps the log.
    pub(super) fn apply_event(&mut self, ev: &Event, at: &Moment, cx: &Cx) -> Result<(), Refusal> {
        match ev {
            Event::Started(_) => Err(Refusal::new(crate::t!(
                "ref-the-session-has-already-started"
            ))),
            Event::Answered { prompt, text } => {
                let p = self.find_prompt(prompt, PromptKind::Text)?;
                let id = p.id.clone();
                if text.trim().is_empty() {
                    self.answers.remove(&id);
                } else {
                    self.answers.insert(
                        id,
                        Answer {
                            text: text.clone(),
                            at: at.clone(),
                            seq: cx.seq,
                            entered: cx.entered.clone(),
                        },
                    );
                }
                Ok(())
            }
            Event::Ticked {
                prompt,
                checked,
                evidence,
            } => {
                let pr = self.find_prompt(prompt, PromptKind::Check)?;
                // Evidence only where the prompt names it, of its kind.
                if let Some(e) = evidence
                    && pr.evidence_visit.as_deref() != Some(e.visit.as_str())
                {
                    return Err(Refusal::new(crate::t!(
                        "ref-evidence-not-named",
                        prompt = pr.id.clone(),
                        kind = e.visit.as_str()
                    )));
                }
                let id = pr.id.clone();
                if !checked && self.dosing.started.is_some() && self.is_gate_prompt(&id) {
                    return Err(Refusal::new(crate::t!(
                        "ref-gate-locked",
                        prompt = id.clone()
                    )));
                }
                self.ticks.insert(
                    id,
                    Tick {
                        checked: *checked,
                        at: at.clone(),
                        evidence: evidence.clone().filter(|_| *checked),
                    },
                );
                Ok(())
            }
            Event::Recorded { prompt, value } => {
                let Some((_, p)) = self.protocol.prompt(prompt) else {
                    return Err(Refusal::new(crate::t!(
                        "ref-no-prompt",
                        prompt = prompt.clone()
                    )));
                };
                if !self.asks(p) {
                    return Err(Refusal::new(crate::t!(
                        "ref-not-asked",
                        prompt = prompt.clone(),
                        session = self.start.session
                    )));
                }
                values::check(p, value).map_err(Refusal::new)?;
                self.values
                    .entry(p.id.clone())
                    .or_default()
                    .push(ValueEntry {
                        at: at.clone(),
                        value: value.clone(),
                        seq: cx.seq,
                        entered: cx.entered.clone(),
                    });
                Ok(())
            }
            Event::Vitals { reading } => self.add_vitals(reading, at, cx, None),
            Event::MonitorReading(r) => self.receive_monitor(r, at, cx),
            Event::MonitorConfirmed { entry } => self.confirm_monitor(*entry, at, cx),
            Event::MonitorRejected { entry, reason } => self.reject_monitor(*entry, reason, at, cx),
            Event::MonitorAlarmAcknowledged { rule, entry } => {
                self.acknowledge_device_alarm(rule, *entry, at, cx)
            }
            Event::Note {
                text,
                tags,
                outside,
            } => {
                if text.trim().is_empty() && tags.is_empty() {
                    return Err(Refusal::new(crate::t!("ref-an-empty-note-is-not-saved")));
                }
                self.check_note_agreement(tags, outside.as_deref())?;
                self.notes.push(NoteEntry {
                    at: at.clone(),
                    text: text.clone(),
                    tags: tags.clone(),
                    seq: cx.seq,
                    entered: cx.entered.clone(),
                });
                Ok(())
            }
            Event::Advanced { reason } => self.advance(reason.as_deref(), at),
            Event::DosingStarted => self.start_dosing(at),
            Event::DosingPaused { reason } => {
                need_reason(reason, "reason-for-pause")?;
                if !self.dosing.infusion {
                    return Err(Refusal::new(crate::t!("ref-a-bolus-cannot-be-paused")));
                }
                if self.dosing.state(at) != DosingState::Running {
                    return Err(Refusal::new(crate::t!("ref-the-infusion-is-not-running")));
                }
                self.dosing.pauses.push(Pause {
                    from: at.clone(),
                    to: None,
                    reason: reason.clone(),
                });
                Ok(())
            }
            Event::DosingResumed => {
                if self.dosing.state(at) != DosingState::Paused {
                    return Err(Refusal::new(crate::t!("ref-the-infusion-is-not-paused")));
                }
                if let Some(p) = self.dosing.pauses.last_mut() {
                    p.to = Some(at.clone());
                }
                Ok(())
            }
            Event::ConsentWithdrawn { reason } => {
                need_reason(reason, "reason-for-withdrawal")?;
                if self.dosing.started.is_none() {
                    return Err(Refusal::new(crate::t!(
                        "ref-the-infusion-has-not-started-untick"
                    )));
                }
                if self.consent_withdrawn.is_some() {
                    return Err(Refusal::new(crate::t!(
                        "ref-consent-withdrawal-is-already-recorded"
                    )));
                }
                if self.dosing.is_under_way(at) {
                    if let Some(p) = self.dosing.pauses.last_mut()
                        && p.to.is_none()
                    {
                        p.to = Some(at.clone());
                    }
                    self.dosing.stopped =
                        Some((at.clone(), format!("consent withdrawn: {reason}")));
                }
                self.consent_withdrawn = Some((at.clone(), reason.clone()));
                Ok(())
            }
            Event::DosingStopped { reason } => {
                need_reason(reason, "reason-for-stop")?;
                if !self.dosing.is_under_way(at) {
                    return Err(Refusal::new(crate::t!("ref-the-infusion-is-not-under-way")));
                }
                if let Some(p) = self.dosing.pauses.last_mut()
                    && p.to.is_none()
                {
                    p.to = Some(at.clone());
                }
                self.dosing.stopped = Some((at.clone(), reason.clone()));
                Ok(())
            }
            Event::AlertAcknowledged { alert, action } => {
                let action = action.as_ref().filter(|a| !a.trim().is_empty()).cloned();
                let reminder = self.alerts.get(*alert).is_some_and(|a| {
                    self.alarm_state(a, at) == crate::session::alarms::AlarmState::Reminder
                });
                if reminder {
                    // A re-announced alarm is acknowledged again; the
                    // earlier acknowledgement stays in its history.
                    if let Some(a) = self.alerts.alerts.iter_mut().find(|a| a.id == *alert)
                        && let Some(prev) = a.acknowledged.take()
                    {
                        a.earlier_acks.push(prev);
                    }
                }
                if self.alerts.acknowledge(*alert, at, action) {
                    Ok(())
                } else if self.alerts.get(*alert).is_some() {
                    Err(Refusal::new(crate::t!(
                        "ref-already-acknowledged",
                        alert = *alert
                    )))
                } else {
                    Err(Refusal::new(crate::t!("ref-no-alert", alert = *alert)))
                }
            }
            Event::MusicChosen { playlist, support } => {
                if let Some(s) = support {
                    let known = self
                        .protocol
                        .music
                        .as_ref()
                        .is_some_and(|m| m.supports.iter().any(|x| &x.id == s));
                    if !known {
                        return Err(Refusal::new(crate::t!(
                            "ref-unknown-support",
                            support = s.clone()
                        )));
                    }
                }
                self.music.playlist = playlist.clone();
                self.music.support = support.clone();
                self.music.chosen.push(at.clone());
                Ok(())
            }
            Event::MusicStarted { track } => {
                if self.music.is_playing() {
                    return Err(Refusal::new(crate::t!("ref-music-is-already-playing")));
                }
                self.music.played.push((at.clone(), None));
                if let Some(t) = track {
                    self.music.tracks.push((at.clone(), t.clone()));
                }
                Ok(())
            }
            Event::TrackChanged { track } => {
                self.music.tracks.push((at.clone(), track.clone()));
                Ok(())
            }
            Event::MusicProblem { text } => {
                self.music.problems.push((at.clone(), text.clone()));
                Ok(())
            }
            Event::MusicStopped { reason } => {
                self.stop_music(at)?;
                // Journals before this version wrote the clinician's stop
                // in English; it is the same fact as no reason.
                let r = reason.clone().filter(|r| r != "stopped by the clinician");
                self.music.stop_reasons.push((at.clone(), r));
                Ok(())
            }
            Event::MusicEnded => self.stop_music(at),
            Event::CheckedIn { note } => {
                if self.dosing.started.is_none() {
                    return Err(Refusal::new(crate::t!(
                        "ref-check-ins-belong-to-the-dosing"
                    )));
                }
                self.checkins.push(at.clone());
                if let Some(n) = note.as_ref().filter(|n| !n.trim().is_empty()) {
                    self.notes.push(NoteEntry {
                        at: at.clone(),
                        text: n.clone(),
                        tags: vec!["check-in".into()],
                        seq: cx.seq,
                        entered: cx.entered.clone(),
                    });
                }
                Ok(())
            }
            Event::DebriefStarted => {
                if self.dosing.started.is_none() {
                    return Err(Refusal::new(crate::t!(
                        "ref-the-debrief-follows-the-dosing"
                    )));
                }
                if let Some(t) = self.debrief_started(at) {
                    return Err(Refusal::new(crate::t!(
                        "ref-debrief-started",
                        at = t.hhmm()
                    )));
                }
                self.debrief_called = Some(at.clone());
                Ok(())
            }
            Event::GoalsSet { goals } => {
                let goals: Vec<String> = goals
                    .iter()
                    .map(|g| g.trim().to_string())
                    .filter(|g| !g.is_empty())
                    .collect();
                self.goals = Some(goals);
                Ok(())
            }
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
            Event::Closed => self.close(at),
            Event::Corrected {
                entry,
                reason,
                with,
            } => self.correct(*entry, reason, with.as_deref(), at, cx),
            Event::Addendum { text, reason } => self.add_addendum(text, reason, at, cx),
            Event::CoSigned { clinician } => self.co_sign(clinician, at, cx),
            Event::TechnicalAlarm { text } => {
                let kind = TechnicalKind::Noted(text.clone());
                self.raise_technical(kind, crate::protocol::Priority::Medium, at);
                Ok(())
            }
            Event::TechnicalAcknowledged { alarm } => self.acknowledge_technical(*alarm, at),
            Event::AlarmSelfTest { problem, .. } => {
                self.alarm_self_test = Some((at.clone(), problem.clone()));
                if let Some(why) = problem {
                    let kind = TechnicalKind::NoAlarmSound(why.clone());
                    self.raise_technical(kind, crate::protocol::Priority::High, at);
                }
                Ok(())
            }
            Event::AlarmAudioPaused { minutes, reason } => {
                self.pause_alarm_audio(*minutes, reason, at)
            }
            Event::AlarmAudioResumed => match self.audio_pause(at) {
                Some(_) => {
                    if let Some(p) = self.audio_paused.as_mut() {
                        p.until = at.clone();
                    }
                    Ok(())
                }
                None => Err(Refusal::new(crate::t!("ref-alarm-sound-is-not-paused"))),
            },
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
            Event::Abandoned { reason } => {
                need_reason(reason, "reason-for-ending")?;
                if self.dosing.is_under_way(at) {
                    if let Some(p) = self.dosing.pauses.last_mut()
                        && p.to.is_none()
                    {
                        p.to = Some(at.clone());
                    }
                    self.dosing.stopped = Some((at.clone(), reason.clone()));
                }
                if self.music.is_playing() {
                    let _ = self.stop_music(at);
                }
                self.closed = Some(Closing {
                    at: at.clone(),
                    abandoned: Some(reason.clone()),
                });
                Ok(())
            }
        }
    }

    fn find_prompt(&self, id: &str, kind: PromptKind) -> Result<&Prompt, Refusal> {
        let Some((_, p)) = self.protocol.prompt(id) else {
            return Err(Refusal::new(crate::t!(
                "ref-no-prompt",
                prompt = id.to_string()
            )));
        };
        if !self.asks(p) {
            return Err(Refusal::new(crate::t!(
                "ref-not-asked",
                prompt = id.to_string(),
                session = self.start.session
            )));
        }
        if p.kind != kind {
            return Err(Refusal::new(crate::t!(
                "ref-wrong-kind",
                prompt = id.to_string(),
                kind = p.kind.as_str()
            )));
        }
        Ok(p)
    }

    fn stop_music(&mut self, at: &Moment) -> Result<(), Refusal> {
        match self.music.played.last_mut() {
            Some((_, end @ None)) => {
                *end = Some(at.clone());
                Ok(())
            }
            _ => Err(Refusal::new(crate::t!("ref-no-music-is-playing"))),
        }
    }

    fn skip_reason<'r>(
        &self,
        phase: &Phase,
        reason: Option<&'r str>,
        verb: &str,
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
                format!("required items are not done; give a reason to {verb} without them"),
                self.missing_required(phase)
                    .iter()
                    .map(|p| p.text.clone())
                    .collect(),
            )),
        }
    }

    fn advance(&mut self, reason: Option<&str>, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 >= self.protocol.phases.len() {
            return Err(Refusal::new(crate::t!("ref-this-is-the-last-phase-close")));
        }
        let holds = self.holds(at);
        if !holds.is_empty() {
            return Err(Refusal::with_holds(
                format!("cannot leave {} yet", phase.title),
                holds,
            ));
        }
        let mut skipped = self.skip_reason(&phase, reason, "move on")?;
        if phase.role == PhaseRole::Dosing && self.dosing.started.is_none() {
            match reason.filter(|r| !r.trim().is_empty()) {
                Some(r) => {
                    let entry = skipped.get_or_insert_with(|| (Vec::new(), r));
                    entry.0.push("dosing".into());
                }
                None => {
                    return Err(Refusal::new(crate::t!(
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
            return Err(Refusal::new(crate::t!(
                "ref-infusion-phase",
                phase = self
                    .protocol
                    .dosing_phase()
                    .map_or_else(|| "—".to_string(), |p| p.title.clone())
            )));
        }
        if self.dosing.started.is_some() {
            return Err(Refusal::new(crate::t!(
                "ref-the-infusion-has-already-been-started"
            )));
        }
        let failing = self.failing_gates(&phase, GateWhen::Enter, at);
        if !failing.is_empty() {
            return Err(Refusal::with_holds(
                crate::t!("ref-infusion-cannot-start"),
                failing,
            ));
        }
        self.dosing.started = Some(at.clone());
        Ok(())
    }

    fn close(&mut self, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 < self.protocol.phases.len() {
            return Err(Refusal::new(crate::t!(
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
            return Err(Refusal::with_holds(crate::t!("ref-cannot-close"), holds));
        }
        if !self.missing_required(&phase).is_empty() {
            return Err(Refusal::with_holds(
                crate::t!("ref-discharge-not-done"),
                self.missing_required(&phase)
                    .iter()
                    .map(|p| p.text.clone())
                    .collect(),
            ));
        }
        let open_measures: Vec<String> = self
            .measures_due(at)
            .into_iter()
            .filter(|(p, _)| p.required && p.due.as_ref().is_some_and(|d| d.before_close))
            .map(|(p, _)| p.text)
            .collect();
        if !open_measures.is_empty() {
            return Err(Refusal::with_holds(
                crate::t!("ref-before-close-not-done"),
                open_measures,
            ));
        }
        if let Some(hold) = self.unaccounted_ketamine(at) {
            return Err(Refusal::with_holds(
                crate::t!("ref-ketamine-accounting"),
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
pub(super) fn need_reason(reason: &str, what: &str) -> Result<(), Refusal> {
    if reason.trim().is_empty() {
        Err(Refusal::new(crate::t!(
            "ref-reason-needed",
            what = crate::i18n::tr(what, None)
        )))
    } else {
        Ok(())
    }
}
