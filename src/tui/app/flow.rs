//! Moving through the session: answering prompts, advancing, closing, and
//! the editor and vitals line.

use super::*;

impl App {
    pub(super) fn activate(&mut self, p: &Prompt, space: bool, now: &Moment) {
        match p.kind {
            PromptKind::Check => {
                let checked = self
                    .view()
                    .and_then(|v| v.open.session.ticks.get(&p.id))
                    .is_some_and(|t| t.checked);
                let ok = self.record(
                    Event::Ticked {
                        prompt: p.id.clone(),
                        checked: !checked,
                    },
                    now,
                );
                // Ticking moves on to the next item, as on a paper list.
                let count = self.visible_prompts().len();
                if ok
                    && !checked
                    && let Some(v) = self.view_mut()
                    && v.selected + 1 < count
                {
                    v.selected += 1;
                }
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
            _ => {
                self.modal = Some(Modal::Value {
                    prompt: Box::new(p.clone()),
                    input: line_input(""),
                    armed: false,
                })
            }
        }
    }

    pub(super) fn advance(&mut self, reason: Option<String>, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let missing = !s.missing_required(s.current_phase()).is_empty();
        let holds = s.holds(now);
        if !holds.is_empty() {
            self.set_flash(
                format!("Cannot move on: {}", holds.join("; ")),
                FlashKind::Refused,
            );
            return;
        }
        let dosing_not_started =
            s.current_phase().role == PhaseRole::Dosing && s.dosing.started.is_none();
        if reason.is_none() && (missing || dosing_not_started) {
            self.open_reason(ReasonFor::Skip);
            return;
        }
        if self.record(Event::Advanced { reason }, now)
            && let Some(v) = self.view_mut()
        {
            v.view_phase = v.open.session.phase;
            v.selected = 0;
        }
    }

    pub(super) fn close(&mut self, now: &Moment) {
        if !self.record(Event::Closed, now) {
            return;
        }
        self.finish(now);
    }

    /// After Closed or Abandoned: write the summary and show it.
    pub(super) fn finish(&mut self, now: &Moment) {
        self.audio.fade_out(std::time::Duration::from_secs(4));
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Start(Box::new(StartForm::empty())),
        );
        let Screen::Session(v) = screen else {
            self.screen = screen;
            return;
        };
        let (last_seq, last_hash) = v.open.journal.seal();
        let text = crate::record::summary::markdown(&v.open.session, now)
            + &crate::record::summary::seal(last_seq, last_hash);
        let path = v.open.dir.join("summary.md");
        let summary = crate::record::journal::write_atomic(&path, text.as_bytes())
            .map(|_| path)
            .map_err(|e| e.to_string());
        let report = self.sim.as_ref().map(|sim| {
            let r = crate::rehearsal::report::build(&v.open.session, sim, now);
            let path = v.open.dir.join("trainee-report.md");
            let written = crate::record::journal::write_atomic(&path, r.markdown().as_bytes())
                .map(|_| path)
                .map_err(|e| e.to_string());
            (r.summary(), written)
        });
        self.screen = Screen::Closed(Box::new(ClosedView {
            open: v.open,
            summary,
            report,
        }));
    }

    pub(super) fn on_vitals_key(&mut self, key: KeyEvent, now: &Moment) {
        let Some(v) = self.view_mut() else { return };
        match key.code {
            KeyCode::Esc => v.vitals_focus = false,
            KeyCode::Enter => {
                let text = text_of(&v.vitals);
                match vitals::parse(&text) {
                    Err(e) => self.set_flash(e.to_string(), FlashKind::Refused),
                    Ok(reading) => {
                        if self.record(Event::Vitals { reading }, now) {
                            let raised = self
                                .view()
                                .and_then(|v| v.open.session.vitals.last())
                                .map_or(0, |e| e.raised.len());
                            if let Some(v) = self.view_mut() {
                                v.vitals = line_input("");
                                v.vitals_focus = false;
                            }
                            let mut msg = format!("Saved {}  {reading}", now.hhmm());
                            if raised > 0 {
                                msg.push_str("  — ALERT raised");
                            }
                            self.set_flash(msg, FlashKind::Saved);
                        }
                    }
                }
            }
            _ => feed_line(&mut v.vitals, key),
        }
    }

    pub(super) fn on_editor_key(&mut self, key: KeyEvent, now: &Moment) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let Some(v) = self.view_mut() else { return };
        let Some(ed) = &mut v.editor else { return };
        match key.code {
            KeyCode::Char('s') if ctrl => self.save_editor(now),
            KeyCode::Esc => {
                if text_of(&ed.area) == ed.original {
                    v.editor = None;
                } else {
                    self.modal = Some(Modal::ConfirmDiscard);
                }
            }
            _ => {
                ed.area.input(key);
            }
        }
    }

    pub(super) fn save_editor(&mut self, now: &Moment) {
        let Some(v) = self.view_mut() else { return };
        let Some(ed) = &v.editor else { return };
        if ed.prompt == GOALS_EDITOR {
            let goals: Vec<String> = ed
                .area
                .lines()
                .iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let n = goals.len();
            if self.record(Event::GoalsSet { goals }, now) {
                if let Some(v) = self.view_mut() {
                    v.editor = None;
                }
                self.set_flash(format!("Goals saved ({n})"), FlashKind::Saved);
            }
            return;
        }
        let ev = Event::Answered {
            prompt: ed.prompt.clone(),
            text: text_of(&ed.area).trim_end().to_string(),
        };
        if self.record(ev, now) {
            let count = self.visible_prompts().len();
            if let Some(v) = self.view_mut() {
                v.editor = None;
                if v.selected + 1 < count {
                    v.selected += 1;
                }
            }
            self.set_flash("Answer saved", FlashKind::Saved);
        }
    }
}
