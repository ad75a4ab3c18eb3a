//! Dialogs: their keys and what they save.

use super::*;

impl App {
    // ----- modals ------------------------------------------------------

    pub(super) fn on_modal_key(&mut self, key: KeyEvent, now: &Moment) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        match modal {
            Modal::ConfirmQuit => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.quit = true,
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmQuit),
            },
            Modal::ConfirmDiscard => match key.code {
                KeyCode::Char('y') | KeyCode::Char('s') => self.save_editor(now),
                KeyCode::Char('n') | KeyCode::Char('d') => {
                    if let Some(v) = self.view_mut() {
                        v.editor = None;
                    }
                }
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmDiscard),
            },
            Modal::Music {
                options,
                mut selected,
            } => match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    selected = selected.saturating_sub(1);
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    if selected + 1 < options.len() {
                        selected += 1;
                    }
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Char('p') => {
                    let track = options
                        .get(selected)
                        .and_then(|o| o.playlist.as_ref())
                        .and_then(|name| {
                            self.playlists.iter().find(|p| {
                                p.playlist
                                    .path
                                    .file_name()
                                    .is_some_and(|f| f.to_string_lossy() == *name)
                            })
                        })
                        .and_then(|p| p.playlist.tracks.iter().find(|t| t.exists()).cloned());
                    match (track, self.audio.unavailable()) {
                        (Some(t), None) => {
                            let from = if crate::audio::track_seconds(&t).unwrap_or(0.0) > 90.0 {
                                30
                            } else {
                                0
                            };
                            self.audio
                                .preview(&t, std::time::Duration::from_secs(from), 25);
                            self.set_flash(
                                format!("Previewing \"{}\" (25 s)", t.title),
                                FlashKind::Info,
                            );
                        }
                        (Some(_), Some(why)) => {
                            self.set_flash(format!("No preview: {why}"), FlashKind::Refused)
                        }
                        (None, _) => {
                            self.set_flash("Nothing to preview for this choice", FlashKind::Info)
                        }
                    }
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Enter => {
                    if let Some(o) = options.get(selected) {
                        let ev = Event::MusicChosen {
                            playlist: o.playlist.clone(),
                            support: o.support.clone(),
                        };
                        let label = o.label.clone();
                        if self.record(ev, now) {
                            self.set_flash(format!("Chosen: {label}"), FlashKind::Saved);
                        }
                    }
                }
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::Music { options, selected }),
            },
            Modal::Reason {
                purpose,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) if text.is_empty() => {
                    self.set_flash("A reason is needed", FlashKind::Refused);
                    self.modal = Some(Modal::Reason {
                        purpose,
                        input,
                        armed,
                    });
                }
                LineKey::Submit(text) => self.submit_reason(purpose, text, now),
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Reason {
                        purpose,
                        input,
                        armed,
                    })
                }
            },
            Modal::Note {
                mut input,
                typing,
                mut armed,
            } => match key.code {
                KeyCode::Char(c @ '1'..='8') if !typing => {
                    let tag = NOTE_TAGS[(c as u8 - b'1') as usize];
                    let ev = Event::Note {
                        text: String::new(),
                        tags: vec![tag.to_string()],
                    };
                    self.record_flash(ev, &format!("Noted {}: {tag}", now.hhmm()), now);
                }
                KeyCode::Enter if !typing => {
                    self.modal = Some(Modal::Note {
                        input,
                        typing: true,
                        armed: false,
                    })
                }
                _ => match line_key(&mut input, &mut armed, key) {
                    LineKey::Submit(text) if text.is_empty() => {}
                    LineKey::Submit(text) => {
                        let ev = Event::Note { text, tags: vec![] };
                        if !self.record_flash(ev, &format!("Note saved {}", now.hhmm()), now) {
                            // Not saved (the disk refused it): keep the text.
                            self.modal = Some(Modal::Note {
                                input,
                                typing: true,
                                armed: false,
                            });
                        }
                    }
                    LineKey::Close => {}
                    LineKey::Keep => {
                        self.modal = Some(Modal::Note {
                            input,
                            typing: typing || !armed,
                            armed,
                        })
                    }
                },
            },
            Modal::Value {
                prompt,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) => {
                    match crate::protocol::values::parse(&prompt, &text, &now.hhmm()) {
                        Err(e) => {
                            self.set_flash(e, FlashKind::Refused);
                            self.modal = Some(Modal::Value {
                                prompt,
                                input,
                                armed,
                            });
                        }
                        Ok(value) => {
                            let shown = crate::protocol::values::show(&prompt, &value);
                            let ev = Event::Recorded {
                                prompt: prompt.id.clone(),
                                value,
                            };
                            if self.record_flash(ev, &format!("Saved: {shown}"), now) {
                                let visible = self.visible_prompts();
                                if let Some(v) = self.view_mut()
                                    && v.selected + 1 < visible.len()
                                    && visible.get(v.selected).is_some_and(|p| p.id == prompt.id)
                                {
                                    v.selected += 1;
                                }
                            } else {
                                // Refused or not saved: keep what was typed.
                                self.modal = Some(Modal::Value {
                                    prompt,
                                    input,
                                    armed: false,
                                });
                            }
                        }
                    }
                }
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Value {
                        prompt,
                        input,
                        armed,
                    })
                }
            },
            Modal::Ack {
                alert,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) => {
                    let action = (!text.is_empty()).then_some(text);
                    let ev = Event::AlertAcknowledged { alert, action };
                    if !self.record_flash(ev, &format!("Alert {alert} acknowledged"), now) {
                        self.modal = Some(Modal::Ack {
                            alert,
                            input,
                            armed: false,
                        });
                    }
                }
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Ack {
                        alert,
                        input,
                        armed,
                    })
                }
            },
        }
    }

    pub(super) fn submit_reason(&mut self, purpose: ReasonFor, reason: String, now: &Moment) {
        match purpose {
            ReasonFor::Pause => {
                if self.record(Event::DosingPaused { reason }, now) {
                    self.set_flash("Infusion paused", FlashKind::Saved);
                }
            }
            ReasonFor::Stop => {
                if self.record(Event::DosingStopped { reason }, now) {
                    self.set_flash("Infusion stopped", FlashKind::Saved);
                }
            }
            ReasonFor::Skip => self.advance(Some(reason), now),
            ReasonFor::Abandon => {
                if self.record(Event::Abandoned { reason }, now) {
                    self.finish(now);
                }
            }
            ReasonFor::Schedule => {
                self.pending_schedule_note = Some(reason);
                self.try_start(now);
            }
        }
    }
}
