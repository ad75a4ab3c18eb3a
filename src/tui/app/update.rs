//! `App::update`: everything a user asks for — a key-table command, or
//! what a dialog, the editor, the vitals line or the start form submits —
//! and everything the player and the scenario report arrives here as a
//! [`Msg`]. It is the only way to the record.

use super::*;

mod msg;
pub use msg::{Msg, Technical};

impl App {
    /// Do what `msg` asks at `now`. Returns whether it was done (saved,
    /// where it is an entry): a dialog that asked stays open, with its
    /// text, when it was not.
    pub fn update(&mut self, msg: impl Into<Msg>, now: &Moment) -> bool {
        let lang = self.lang;
        // One match over every message, without a catch-all: a message
        // added without its arm does not compile.
        match msg.into() {
            // Always done as asked: a command, a change on screen, a
            // question asked, what the player or the scenario reported.
            // Done once the match ends.
            Msg::Do(action) => self.command(action, now),
            Msg::Replay(m) => self.replay_do(m, now),
            Msg::Quit => self.quit = true,
            Msg::DiscardEditor => self.discard_editor(),
            Msg::Preview(o) => self.preview(&o),
            Msg::AskEndReason(signer) => {
                self.choose_signer(signer);
                self.open_reason(ReasonFor::Abandon);
            }
            Msg::SignerChosen(i) => self.say_signer(i),
            Msg::NotSigned => {
                self.set_flash(crate::say!(lang, "flash-not-signed"), FlashKind::Info)
            }
            Msg::NextVisitKind => self.next_visit_kind(),
            Msg::Player(ev) => self.on_player(ev, now),
            Msg::Scenario(due) => self.on_scenario_due(due, now),
            Msg::PatientEdited => self.forget_course(),
            Msg::LookUpPatient => self.look_up_patient(),
            Msg::AskQuit => self.modal = Some(Modal::Confirm(Confirm::Quit)),
            Msg::AskDiscard => self.modal = Some(Modal::Confirm(Confirm::Discard)),
            Msg::CloseIsForTheLastPhase => self.say_close_is_for_the_last_phase(),
            Msg::SimulatedSoundFailure => self.simulated_sound_failure(now),
            Msg::CloseSelfReport => self.close_self_report(),
            // Entries: done when saved.
            Msg::Reason { text, .. } if text.trim().is_empty() => {
                return self.refuse_without_reason();
            }
            Msg::Reason { purpose, text } => return self.submit_reason(purpose, text, now),
            Msg::Note { text, tags } => return self.submit_note(text, tags, now),
            Msg::Acknowledge { alert, action } => {
                return self.acknowledge_alert(alert, action, now);
            }
            Msg::AcknowledgeRisk { screen, action } => {
                return self.acknowledge_risk(screen, action, now);
            }
            Msg::SafetyPlan { element, text } => return self.save_plan(element, text, now),
            Msg::Risk { screen, answers } => return self.save_screen(screen, answers, now),
            Msg::Value { prompt, text } => return self.submit_value(&prompt, &text, now),
            Msg::Vitals(text) => return self.submit_vitals(&text, now),
            Msg::Medication(text) => return self.submit_medication(&text, now),
            Msg::Answer { prompt, text } => return self.save_answer(prompt, text, now),
            Msg::Goals(goals) => return self.save_goals(goals, now),
            Msg::SaveEditor => return self.save_editor(now),
            Msg::ChooseMusic(o) => return self.choose_music(o, now),
            Msg::OpenCorrection { entry, original } => {
                return self.open_correction(entry, original);
            }
            Msg::Correct { reason, .. } | Msg::Addendum { reason, .. }
                if reason.trim().is_empty() =>
            {
                return self.refuse_without_reason();
            }
            Msg::Correct {
                entry,
                replacement,
                reason,
            } => return self.submit_correction(entry, &replacement, reason, now),
            Msg::Addendum { text, reason } => return self.submit_addendum(text, reason, now),
            Msg::CoSign(who) => return self.co_sign(who, now),
            Msg::Technical(fault) => return self.technical_alarm(fault, now),
            Msg::Outcome {
                instrument,
                phase,
                answers,
                lang,
            } => return self.save_outcome(instrument, phase, answers, lang, now),
            // Done when the screen changed.
            Msg::SignAndClose(signer) => return self.sign_and_close(signer, now),
            Msg::Begin => return self.begin(now),
            Msg::ResumeFound => return self.resume_found(),
        }
        // What is always done as asked (the arms that do not return).
        true
    }

    /// The editor closed without saving.
    fn discard_editor(&mut self) {
        if let Some(v) = self.view_mut() {
            v.editor = None;
        }
    }

    /// The patient field changed: the course looked up for the old id is
    /// no longer the patient's.
    fn forget_course(&mut self) {
        self.course = CourseContext::default();
        self.course_patient = None;
    }

    /// A reason left empty: refused aloud, the dialog kept open.
    fn refuse_without_reason(&mut self) -> bool {
        let lang = self.lang;
        self.set_flash(crate::say!(lang, "flash-reason-needed"), FlashKind::Refused);
        false
    }

    /// A note: saved, unless its tags go beyond what was agreed before
    /// the dose; then it waits for the reason, asked now.
    fn submit_note(&mut self, text: String, tags: Vec<String>, now: &Moment) -> bool {
        let lang = self.lang;
        let Some((text, taken)) = self.taken_from(&text, false, now) else {
            return false;
        };
        let beyond = self
            .open_session()
            .and_then(|o| o.session.beyond_agreement(&tags));
        if let Some(a) = beyond {
            // Beyond what was agreed before the dose: saved only
            // with the reason, asked now.
            self.set_flash(
                crate::say!(
                    lang,
                    "ref-beyond-agreement",
                    agreement = crate::i18n::text(
                        lang,
                        crate::session::agreements::agreement_word(a.agreement),
                        None
                    ),
                    answer = a.answer.say(lang)
                ),
                FlashKind::Info,
            );
            self.pending_note = Some((text, tags, taken));
            // The reason asked now is this note's, not a dose's
            // whose reason dialog was closed unanswered.
            self.pending_medication = None;
            self.open_reason(ReasonFor::OutsideAgreement);
            return true;
        }
        self.save_note(text, tags, None, taken, now)
    }

    /// A vitals alarm acknowledged, with what was done.
    fn acknowledge_alert(&mut self, alert: u32, action: Option<String>, now: &Moment) -> bool {
        let lang = self.lang;
        let ev = Event::AlertAcknowledged { alert, action };
        self.record_flash(
            ev,
            &crate::say!(lang, "flash-alert-acknowledged", alert = alert),
            now,
        )
    }

    /// The music (or the support instead) chosen, and the prompt that
    /// asks for it answered.
    fn choose_music(&mut self, o: MusicOption, now: &Moment) -> bool {
        let lang = self.lang;
        let ev = Event::MusicChosen {
            playlist: o.playlist.clone(),
            support: o.support.clone(),
        };
        let chosen = self.record_flash(
            ev,
            &crate::say!(lang, "flash-chosen", choice = o.label.clone()),
            now,
        );
        if chosen {
            self.answer_music_prompt(&o.label, now);
        }
        chosen
    }

    /// Signed by clinician `signer` and closed; done if it closed.
    fn sign_and_close(&mut self, signer: usize, now: &Moment) -> bool {
        self.choose_signer(signer);
        self.close(now);
        matches!(self.screen, Screen::Closed(_))
    }

    /// The session the start form describes, started; done if it did.
    fn begin(&mut self, now: &Moment) -> bool {
        self.look_up_patient();
        self.try_start(now);
        matches!(self.screen, Screen::Session(_))
    }

    /// The unfinished session found for the start form's patient,
    /// resumed; done if it was.
    fn resume_found(&mut self) -> bool {
        self.look_up_patient();
        if let Screen::Start(form) = &self.screen
            && let Some(l) = form.resumable.clone()
        {
            self.resume(&l.dir);
        }
        matches!(self.screen, Screen::Session(_))
    }

    /// A key pressed while a dialog is open: the dialog changes in place;
    /// what it submits is done, and closes it only when done.
    pub(super) fn on_modal_key(&mut self, key: KeyEvent, now: &Moment) {
        let lang = self.lang;
        let Some(modal) = self.modal.as_mut() else {
            return;
        };
        let outcome = modal.on_key(key, lang);
        self.on_outcome(outcome, now);
    }

    /// A line typed while a dialog is open (the screen-reader mode): the
    /// dialog reads it as its answer.
    /// Returns false when the dialog did not understand the line.
    pub fn answer_dialog(&mut self, line: &str, now: &Moment) -> bool {
        let lang = self.lang;
        let Some(modal) = self.modal.as_mut() else {
            return false;
        };
        let outcome = modal.answer(line, lang);
        let understood = !matches!(outcome, Outcome::Keep);
        self.on_outcome(outcome, now);
        understood
    }

    fn on_outcome(&mut self, outcome: Outcome, now: &Moment) {
        match outcome {
            Outcome::Keep | Outcome::Turned => {}
            Outcome::Close => self.modal = None,
            Outcome::Do(msg) => {
                self.update(msg, now);
            }
            Outcome::Submit(msg) => {
                let asking = self.modal.take();
                let done = self.update(msg, now);
                // Refused or not saved: the same dialog, with its text,
                // unless the answer opened another one.
                // A refused signature is not asked again with what it
                // showed then: the refusal says why, and C or E asks anew.
                let signature = matches!(asking, Some(Modal::SignOff(_)));
                if !done && self.modal.is_none() && !self.quit && !signature {
                    self.modal = asking;
                }
            }
        }
    }

    /// Save a note (with the reason it goes beyond an agreement, if it
    /// does) and say so.
    fn save_note(
        &mut self,
        text: String,
        tags: Vec<String>,
        outside: Option<String>,
        taken: Option<Moment>,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        let late = Self::late_text(&taken, lang);
        let done = if text.is_empty() {
            crate::say!(
                lang,
                "flash-noted-tags",
                at = now.hhmm(),
                tags = format!(
                    "{}{late}",
                    crate::session::event::tag_labels(&tags).say(lang)
                )
            )
        } else {
            crate::say!(
                lang,
                "flash-note-saved",
                at = format!("{}{late}", now.hhmm())
            )
        };
        let ok = self.record_taken(
            Event::Note {
                text,
                tags,
                outside,
            },
            now,
            taken,
        );
        if ok {
            self.set_flash(done, FlashKind::Saved);
        }
        ok
    }

    fn submit_value(&mut self, prompt: &Prompt, text: &str, now: &Moment) -> bool {
        let lang = self.lang;
        let Some((text, taken)) = self.taken_from(text, false, now) else {
            return false;
        };
        let value = match crate::protocol::values::parse(prompt, &text, &now.hhmm()) {
            Ok(v) => v,
            Err(e) => {
                self.set_flash(e.say(lang), FlashKind::Refused);
                return false;
            }
        };
        let shown = crate::protocol::values::show(prompt, &value).say(lang);
        let ev = Event::Recorded {
            prompt: prompt.id.clone(),
            value,
        };
        if !self.record_taken(ev, now, taken.clone()) {
            return false;
        }
        self.set_flash(
            crate::say!(
                lang,
                "flash-saved-value",
                value = format!("{shown}{}", Self::late_text(&taken, lang))
            ),
            FlashKind::Saved,
        );
        // The cursor stays on the prompt, as after a tick.
        true
    }

    fn preview(&mut self, o: &MusicOption) {
        let lang = self.lang;
        let track = o
            .playlist
            .as_ref()
            .and_then(|name| self.playlist_named(name))
            .and_then(|p| p.playlist.tracks.iter().find(|t| t.exists()).cloned());
        match (track, self.audio_problem()) {
            (Some(t), None) => {
                let from = if crate::audio::track_seconds(&t).unwrap_or(0.0) > 90.0 {
                    30
                } else {
                    0
                };
                self.audio
                    .preview(&t, std::time::Duration::from_secs(from), 25);
                self.set_flash(
                    crate::say!(lang, "flash-previewing", title = t.title.clone()),
                    FlashKind::Info,
                );
            }
            (Some(_), Some(why)) => self.set_flash(
                crate::say!(lang, "flash-no-preview", why = why.to_string()),
                FlashKind::Refused,
            ),
            (None, _) => self.set_flash(
                crate::say!(lang, "flash-nothing-to-preview"),
                FlashKind::Info,
            ),
        }
    }

    /// The playlist offered under this file name.
    pub(super) fn playlist_named(&self, name: &str) -> Option<&crate::audio::PlaylistInfo> {
        self.playlists.iter().find(|p| {
            p.playlist
                .path
                .file_name()
                .is_some_and(|f| f.to_string_lossy() == *name)
        })
    }

    pub(super) fn submit_reason(
        &mut self,
        purpose: ReasonFor,
        reason: String,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        match purpose {
            ReasonFor::Pause => self.record_flash(
                Event::DosingPaused { reason },
                &crate::say!(lang, "flash-infusion-paused"),
                now,
            ),
            ReasonFor::Stop => self.record_flash(
                Event::DosingStopped { reason },
                &crate::say!(lang, "flash-infusion-stopped", what = self.dosing_what()),
                now,
            ),
            ReasonFor::Skip => self.advance(Some(reason), now),
            ReasonFor::MonitorReject => self.reject_with_reason(reason, now),
            ReasonFor::ChangeAnswer => self.change_answer(reason, now),
            ReasonFor::OutsideAgreement if self.pending_medication.is_some() => {
                self.medication_with_reason(reason, now)
            }
            ReasonFor::OutsideAgreement => match self.pending_note.take() {
                Some((text, tags, taken)) => {
                    let ok = self.save_note(
                        text.clone(),
                        tags.clone(),
                        Some(reason),
                        taken.clone(),
                        now,
                    );
                    if !ok {
                        self.pending_note = Some((text, tags, taken));
                    }
                    ok
                }
                None => false,
            },
            ReasonFor::AudioPause => {
                let (n, why) = reason
                    .split_once(char::is_whitespace)
                    .unwrap_or((&reason, ""));
                match n.parse::<u32>() {
                    Ok(minutes) if !why.trim().is_empty() => self.record_flash(
                        Event::AlarmAudioPaused {
                            minutes,
                            reason: why.trim().to_string(),
                        },
                        &crate::say!(lang, "flash-alarm-sound-paused", minutes = minutes),
                        now,
                    ),
                    _ => {
                        self.set_flash(
                            crate::say!(lang, "flash-audio-pause-how"),
                            FlashKind::Refused,
                        );
                        false
                    }
                }
            }
            ReasonFor::RiskOverride => {
                let ok = self.record(Event::RiskHoldOverridden { reason }, now);
                if ok {
                    self.open_sign_off(SignFor::Close, now);
                }
                ok
            }
            ReasonFor::Withdraw => self.record_flash(
                Event::ConsentWithdrawn { reason },
                &crate::say!(lang, "flash-consent-withdrawn"),
                now,
            ),
            ReasonFor::Abandon => {
                let ok = self.record(Event::Abandoned { reason }, now);
                if ok {
                    self.finish(now);
                }
                ok
            }
            ReasonFor::Course => {
                let checks = self
                    .course_findings()
                    .into_iter()
                    .map(|f| f.check)
                    .collect();
                self.pending_course_note = Some(crate::session::CourseNote { checks, reason });
                self.try_start(now);
                matches!(self.screen, Screen::Session(_))
            }
            ReasonFor::Schedule => {
                self.pending_schedule_note = Some(reason);
                self.try_start(now);
                matches!(self.screen, Screen::Session(_))
            }
        }
    }
}
