//! Moving through the session: answering prompts, advancing, closing, and
//! the editor and vitals line.

use super::*;

impl App {
    pub(super) fn activate(&mut self, p: &Prompt, space: bool, now: &Moment) {
        let lang = self.lang;
        match p.kind {
            PromptKind::Check => {
                let checked = self
                    .view()
                    .and_then(|v| v.open.session.ticks.get(&p.id))
                    .is_some_and(|t| t.checked);
                // A tick names what it rests on, when the prompt names
                // its evidence (`session::evidence`).
                let evidence = self
                    .view()
                    .and_then(|v| v.open.session.evidence.get(&p.id).cloned())
                    .filter(|_| !checked);
                let ok = self.record(
                    Event::Ticked {
                        prompt: p.id.clone(),
                        checked: !checked,
                        evidence,
                    },
                    now,
                );
                // Said, so that a listener knows ticked from unticked.
                if ok {
                    let item = p.text.clone();
                    let text = if checked {
                        crate::say!(lang, "flash-unticked", item = item)
                    } else {
                        crate::say!(lang, "flash-ticked", item = item)
                    };
                    self.set_flash(text, FlashKind::Saved);
                }
                // The cursor stays on the item: ↓ moves on. Moving on by
                // itself made the usual ↓ then Space skip an item (three
                // answers mis-filed in a bedside walk).
            }
            PromptKind::Text if !space => {
                let Some(v) = self.view_mut() else { return };
                let original = v
                    .open
                    .session
                    .answers
                    .get(&p.id)
                    .map(|a| a.text.clone())
                    .unwrap_or_default();
                let mut area = TextArea::new(original.lines().map(str::to_string).collect());
                area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
                area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                area.move_cursor(ratatui_textarea::CursorMove::End);
                v.editor = Some(Editor {
                    prompt: p.id.clone(),
                    original,
                    area,
                });
            }
            PromptKind::Text => {}
            _ => self.modal = Some(Modal::Value(crate::tui::modal::Value::new(p.clone()))),
        }
    }

    /// Move to the next phase, if the session allows it now; a move that
    /// needs a reason asks for one. Returns whether the session moved.
    pub(super) fn advance(&mut self, reason: Option<String>, now: &Moment) -> bool {
        let lang = self.lang;
        let Some(v) = self.view() else { return false };
        match v.open.session.advance_check(now) {
            crate::session::Advance::Held(holds) => {
                self.set_flash(
                    crate::say!(
                        lang,
                        "flash-cannot-move-on",
                        holds = holds
                            .iter()
                            .map(|p| p.say(lang))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    FlashKind::Refused,
                );
                return false;
            }
            crate::session::Advance::NeedsReason if reason.is_none() => {
                self.open_reason(ReasonFor::Skip);
                return false;
            }
            // Free, or the reason it needs given.
            crate::session::Advance::Free | crate::session::Advance::NeedsReason => {}
        }
        let short = self.short_debrief(now);
        let moved = self.record(Event::Advanced { reason }, now);
        if moved && let Some(v) = self.view_mut() {
            v.view_phase = v.open.session.phase;
            v.select(0);
        }
        if moved && let Some(text) = short {
            self.set_flash(text, FlashKind::Info);
        }
        moved
    }

    /// Leaving a debrief far shorter than the protocol's aim (under half
    /// its least): a remark, not a refusal; the clinician may have good
    /// reason, and the record shows the times.
    fn short_debrief(&self, now: &Moment) -> Option<String> {
        let lang = self.lang;
        let s = &self.view()?.open.session;
        let phase = s.current_phase();
        if phase.role != crate::protocol::PhaseRole::Debrief {
            return None;
        }
        let aim = phase.target_minutes.as_ref()?;
        let took = s
            .debrief_elapsed(now)
            .unwrap_or_else(|| s.phase_elapsed(now));
        (took * 2 < i64::from(aim.min) * crate::session::MINUTE).then(|| {
            crate::say!(
                lang,
                "flash-debrief-short",
                phase = phase.title.clone(),
                took = crate::tui::present::clock_text(took),
                min = aim.min,
                max = aim.max
            )
        })
    }

    pub(super) fn close(&mut self, now: &Moment) {
        if !self.record(Event::Closed, now) {
            return;
        }
        self.finish(now);
    }

    /// After Closed or Abandoned: write the summary and show it.
    pub(super) fn finish(&mut self, now: &Moment) {
        let lang = self.lang;
        self.audio.fade_out(std::time::Duration::from_secs(4));
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Start(Box::new(StartForm::empty())),
        );
        let Screen::Session(v) = screen else {
            self.screen = screen;
            return;
        };
        let summary = crate::record::summary::write_closing(&v.open, now, lang);
        // The speeds the run used, from the simulation log (the clock's
        // own when none was recorded).
        let speed = self.scaled.as_ref().map_or(1.0, |c| c.speed());
        let empty = crate::rehearsal::simlog::SimLog::default();
        let log = self.sim_run.as_ref().map_or(&empty, |r| &r.log);
        let report = self.sim.as_ref().map(|sim| {
            crate::rehearsal::report::write(
                &v.open.dir,
                &v.open.session,
                sim,
                now,
                log,
                speed,
                lang,
            )
        });
        self.screen = Screen::Closed(Box::new(ClosedView {
            open: v.open,
            summary,
            report,
        }));
    }

    /// Save a vitals line; on success the line is cleared and left.
    pub(super) fn submit_vitals(&mut self, text: &str, now: &Moment) -> bool {
        let lang = self.lang;
        let Some((text, taken)) = self.taken_from(text, true, now) else {
            return false;
        };
        let reading = match vitals::parse(&text) {
            Ok(r) => r,
            Err(e) => {
                self.set_flash(e.phrase().say(lang), FlashKind::Refused);
                return false;
            }
        };
        if !self.record_taken(Event::Vitals { reading }, now, taken.clone()) {
            return false;
        }
        let raised = self
            .view()
            .and_then(|v| {
                let seq = v.last_saved.as_ref()?.0;
                v.open.session.vitals.iter().find(|e| e.seq == seq)
            })
            .map_or(0, |e| e.raised.len());
        if let Some(v) = self.view_mut() {
            v.vitals = line_input("");
            v.vitals_focus = false;
        }
        let mut msg = crate::say!(
            lang,
            "flash-vitals-saved",
            at = now.hhmm(),
            reading = format!(
                "{}{}",
                reading.words().say(lang),
                Self::late_text(&taken, lang)
            )
        );
        if raised > 0 {
            msg.push_str(&format!("  — {}", crate::say!(lang, "flash-alert-raised")));
        }
        self.set_flash(msg, FlashKind::Saved);
        true
    }

    /// Save the open editor. Returns whether it was saved.
    pub(super) fn save_editor(&mut self, now: &Moment) -> bool {
        let Some(v) = self.view() else { return false };
        let Some(ed) = &v.editor else { return false };
        if ed.prompt == GOALS_EDITOR {
            let goals = ed.area.lines().to_vec();
            return self.update(Msg::Goals(goals), now);
        }
        let msg = Msg::Answer {
            prompt: ed.prompt.clone(),
            text: text_of(&ed.area),
        };
        self.update(msg, now)
    }

    /// Save the goals (blank items left out); closes the goals editor.
    pub(super) fn save_goals(&mut self, goals: Vec<String>, now: &Moment) -> bool {
        let lang = self.lang;
        let goals: Vec<String> = goals
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let n = goals.len();
        let saved = self.record(Event::GoalsSet { goals }, now);
        if saved {
            if let Some(v) = self.view_mut() {
                v.editor = None;
            }
            self.set_flash(
                crate::say!(lang, "flash-goals-saved", count = n),
                FlashKind::Saved,
            );
        }
        saved
    }

    /// Change a saved answer, as a correction with `reason`: the new text
    /// replaces the old for the moment it was taken, and the old stays.
    pub(super) fn change_answer(&mut self, reason: String, now: &Moment) -> bool {
        let lang = self.lang;
        let Some((prompt, text)) = self.pending_answer.clone() else {
            return false;
        };
        let Some(entry) = self
            .view()
            .and_then(|v| v.open.session.answers.get(&prompt))
            .map(|a| a.seq)
        else {
            return false;
        };
        let title = self
            .protocol
            .prompt(&prompt)
            .map_or_else(|| prompt.clone(), |(_, p)| p.text.clone());
        let with = (!text.trim().is_empty()).then(|| {
            Box::new(Event::Answered {
                prompt: prompt.clone(),
                text,
            })
        });
        let ev = Event::Corrected {
            entry,
            reason,
            with,
        };
        let saved = self.record(ev, now);
        if saved {
            self.pending_answer = None;
            if let Some(v) = self.view_mut() {
                v.editor = None;
            }
            self.set_flash(
                crate::say!(lang, "flash-answer-changed", prompt = title),
                FlashKind::Saved,
            );
        }
        saved
    }

    /// A choice made with `m` answers the protocol's music prompt, when it
    /// has none yet: the same thing is not typed twice. An answer already
    /// there is the clinician's and stays.
    pub(super) fn answer_music_prompt(&mut self, label: &str, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let Some(id) = s.protocol().music.as_ref().and_then(|m| m.prompt.clone()) else {
            return;
        };
        let asked = s.protocol().prompt(&id).is_some_and(|(_, p)| s.asks(p));
        if !asked || s.answers.contains_key(&id) {
            return;
        }
        let ev = Event::Answered {
            prompt: id,
            text: label.to_string(),
        };
        self.record(ev, now);
    }

    /// Save a free-text answer and close its editor; the cursor stays on
    /// the prompt, as after a tick.
    pub(super) fn save_answer(&mut self, prompt: String, text: String, now: &Moment) -> bool {
        let lang = self.lang;
        let title = self
            .protocol
            .prompt(&prompt)
            .map_or_else(|| prompt.clone(), |(_, p)| p.text.clone());
        let text = text.trim_end().to_string();
        // An answer already saved is changed only by a correction: the
        // earlier text stays in the record, struck through, with a reason.
        let before = self
            .view()
            .and_then(|v| v.open.session.answers.get(&prompt))
            .map(|a| a.text.clone());
        match before {
            Some(before) if before != text => {
                self.pending_answer = Some((prompt, text));
                self.open_reason(ReasonFor::ChangeAnswer);
                return false;
            }
            // The same text again: nothing to record.
            Some(_) => {
                if let Some(v) = self.view_mut() {
                    v.editor = None;
                }
                self.set_flash(
                    crate::say!(lang, "flash-answer-unchanged", prompt = title),
                    FlashKind::Info,
                );
                return true;
            }
            None => {}
        }
        let ev = Event::Answered { prompt, text };
        let saved = self.record(ev, now);
        if saved {
            if let Some(v) = self.view_mut() {
                v.editor = None;
            }
            self.set_flash(
                crate::say!(lang, "flash-answer-saved", prompt = title),
                FlashKind::Saved,
            );
        }
        saved
    }
}
