//! Keeping the record: who makes each entry, the time an entry was taken,
//! the timeline and corrections made from it, closing as a signature, and
//! addenda after it.

use super::*;
use crate::session::{Stamp, split_taken};
use crate::tui::modal::{Pair, PairFor, SignOff, Timeline};

impl App {
    pub(crate) fn open_session(&self) -> Option<&OpenSession> {
        match &self.screen {
            Screen::Session(v) => Some(&v.open),
            Screen::Closed(c) => Some(&c.open),
            Screen::Start(_) => None,
        }
    }

    /// The clinician entries are made by now: one of those named at the
    /// start (the first, until `w` moves on).
    pub fn author(&self) -> Option<String> {
        if let Some(who) = &self.author_from_directory {
            return Some(who.clone());
        }
        let names = &self.open_session()?.session.start.clinicians;
        names.get(self.author).or(names.first()).cloned()
    }

    pub(super) fn next_author(&mut self) {
        let lang = self.lang;
        let Some(open) = self.open_session() else {
            return;
        };
        let n = open.session.start.clinicians.len();
        if n < 2 {
            self.set_flash(
                match self.author() {
                    Some(a) => crate::say!(lang, "flash-only-clinician", who = a.clone()),
                    None => crate::say!(lang, "flash-no-clinician"),
                },
                FlashKind::Info,
            );
            return;
        }
        self.author = (self.author + 1) % n;
        self.author_from_directory = None;
        let who = self.author().unwrap_or_default();
        self.set_flash(
            crate::say!(lang, "flash-entries-by", who = who.clone()),
            FlashKind::Info,
        );
    }

    /// Record an event by the current author, taken at `taken` when that
    /// was earlier (a late entry). Refusals and disk errors are shown.
    pub(super) fn record_taken(&mut self, ev: Event, now: &Moment, taken: Option<Moment>) -> bool {
        let by = self.author();
        self.record_by(ev, now, taken, by)
    }

    /// Record `ev` as made by `by` (a co-signature is the co-signer's
    /// entry, whoever was making entries before).
    pub(super) fn record_by(
        &mut self,
        ev: Event,
        now: &Moment,
        taken: Option<Moment>,
        by: Option<String>,
    ) -> bool {
        let lang = self.lang;
        if self.replay.is_some() {
            // A replay writes nothing, whatever asks.
            self.refuse_in_replay();
            return false;
        }
        let stamp = Stamp { by, taken };
        let (open, last_saved, disk_error) = match &mut self.screen {
            Screen::Session(v) => (
                &mut v.open,
                Some(&mut v.last_saved),
                Some(&mut v.disk_error),
            ),
            Screen::Closed(c) => (&mut c.open, None, None),
            Screen::Start(_) => return false,
        };
        match open.record_stamped(ev, now, &stamp) {
            Ok(seq) => {
                if let Some(l) = last_saved {
                    *l = Some((seq, now.clone()));
                }
                if let Some(d) = disk_error {
                    *d = None;
                }
                self.refresh_derived();
                true
            }
            Err(RecordOrRefusal::Refused(r)) => {
                self.set_flash(r.say(lang), FlashKind::Refused);
                false
            }
            Err(RecordOrRefusal::Disk(e)) => {
                match disk_error {
                    Some(d) => *d = Some(e.say(lang)),
                    None => self.set_flash(
                        crate::say!(lang, "flash-not-saved", error = e.say(lang)),
                        FlashKind::Refused,
                    ),
                }
                false
            }
        }
    }

    /// A time taken typed at the end of a line (`at 10:42`, `-5m`, or with
    /// `@`): the rest of the line and the moment, or a refusal shown.
    pub(super) fn taken_from(
        &mut self,
        line: &str,
        bare: bool,
        now: &Moment,
    ) -> Option<(String, Option<Moment>)> {
        let lang = self.lang;
        let resolved = split_taken(line, bare).and_then(|(rest, t)| match t {
            None => Ok((rest, None)),
            Some(t) => t.resolve(now).map(|m| (rest, Some(m))),
        });
        match resolved {
            Ok(r) => Some(r),
            Err(e) => {
                self.set_flash(e.say(lang), FlashKind::Refused);
                None
            }
        }
    }

    /// " (late entry, taken 10:42)" for a confirmation.
    pub(super) fn late_text(taken: &Option<Moment>, lang: crate::i18n::Lang) -> String {
        taken
            .as_ref()
            .map(|t| {
                format!(
                    " ({})",
                    crate::say!(lang, "late-entry-taken", at = t.hhmm())
                )
            })
            .unwrap_or_default()
    }

    /// At the start of a real session: each priority's signal shown once,
    /// the alarm tone played, and the result journalled; no sound is a
    /// technical alarm.
    pub(super) fn alarm_self_test(&mut self, now: &Moment) {
        let lang = self.lang;
        let (out, device) = match self.alarm_audio.as_mut() {
            Some(a) => (a, self.alarm_device.clone()),
            None => (&mut self.audio, None),
        };
        let problem = out.unavailable();
        if problem.is_none() {
            out.chime();
        }
        let device = device.or_else(|| {
            problem
                .is_none()
                .then(|| crate::say!(lang, "default-device"))
        });
        let ev = Event::AlarmSelfTest {
            device: device.clone(),
            problem: problem.clone(),
        };
        if !self.record(ev, now) {
            return;
        }
        use crate::protocol::Priority;
        let signals: Vec<String> = Priority::ALL.iter().map(|p| p.label().say(lang)).collect();
        match problem {
            None => self.set_flash(
                crate::say!(
                    lang,
                    "flash-self-test",
                    signals = signals.join(" · "),
                    device = device.unwrap_or_default()
                ),
                FlashKind::Info,
            ),
            Some(why) => self.set_flash(
                format!(
                    "!!! {}: {}",
                    crate::say!(
                        lang,
                        "tech-title",
                        priority = Priority::High.label().say(lang),
                        id = self
                            .view()
                            .map_or(1, |v| v.open.session.technical_alarms.len())
                    ),
                    crate::say!(lang, "tech-no-sound-text", why = why.clone())
                ),
                FlashKind::Refused,
            ),
        }
    }

    pub(super) fn open_timeline(&mut self) {
        let Some(open) = self.open_session() else {
            return;
        };
        let rows = crate::session::timeline::rows(&open.session, &self.clock.now());
        self.modal = Some(Modal::Timeline(Timeline::new(rows)));
    }

    pub(super) fn open_correction(&mut self, entry: u64, original: String) -> bool {
        let how = self.correction_how(entry);
        self.modal = Some(Modal::Pair(Box::new(Pair::new(PairFor::Correct {
            entry,
            original,
            how,
        }))));
        true
    }

    /// Correct entry `entry`: replaced by `replacement` read as the same
    /// kind of entry, or, when it is empty, marked entered in error.
    pub(super) fn submit_correction(
        &mut self,
        entry: u64,
        replacement: &str,
        reason: String,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        let Some(open) = self.open_session() else {
            return false;
        };
        let s = &open.session;
        let Some(orig) = s.entry(entry).map(|e| match &e.event {
            Event::Corrected { with: Some(w), .. } => w.as_ref().clone(),
            ev => ev.clone(),
        }) else {
            self.set_flash(
                crate::say!(lang, "flash-no-entry", entry = entry),
                FlashKind::Refused,
            );
            return false;
        };
        let medication = matches!(
            orig,
            Event::MedicationGiven { .. }
                | Event::KetamineDrawn { .. }
                | Event::KetamineWasted { .. }
        );
        if medication && !replacement.trim().is_empty() {
            return self.correct_medication(entry, &orig, replacement, reason, now);
        }
        let with = if replacement.trim().is_empty() {
            None
        } else {
            let parsed = match &orig {
                Event::Vitals { .. } => vitals::parse(replacement)
                    .map(|reading| Event::Vitals { reading })
                    .map_err(|e| e.phrase().say(lang)),
                Event::Note { tags, .. } => Ok(Event::Note {
                    text: replacement.trim().to_string(),
                    tags: tags.clone(),
                    outside: None,
                }),
                Event::Answered { prompt, .. } => Ok(Event::Answered {
                    prompt: prompt.clone(),
                    text: replacement.trim().to_string(),
                }),
                Event::Recorded { prompt, .. } => match s.protocol().prompt(prompt) {
                    Some((_, p)) => crate::protocol::values::parse(p, replacement, &now.hhmm())
                        .map(|value| Event::Recorded {
                            prompt: prompt.clone(),
                            value,
                        })
                        .map_err(|e| e.say(lang)),
                    None => Err(crate::say!(lang, "ref-no-prompt", prompt = prompt.as_str())),
                },
                other => Err(crate::say!(
                    lang,
                    "ref-not-replaced",
                    kind = other.kind_name().say(lang)
                )),
            };
            match parsed {
                Ok(ev) => Some(Box::new(ev)),
                Err(e) => {
                    self.set_flash(e, FlashKind::Refused);
                    return false;
                }
            }
        };
        let done = if with.is_some() {
            crate::say!(lang, "flash-entry-replaced", entry = entry)
        } else {
            crate::say!(lang, "flash-entry-in-error", entry = entry)
        };
        let ev = Event::Corrected {
            entry,
            reason,
            with,
        };
        let ok = self.record_taken(ev, now, None);
        if ok {
            self.set_flash(done, FlashKind::Saved);
            self.rewrite_summary_if_closed(now);
        }
        ok
    }

    /// `C`: ask for the signature, showing what is still open.
    /// Ask for the signature that closes (or ends early) the session,
    /// with everything still open in view.
    pub(super) fn open_sign_off(&mut self, purpose: SignFor, now: &Moment) {
        let lang = self.lang;
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let mut open: Vec<String> = s.holds(now).iter().map(|p| p.say(lang)).collect();
        let missing = s.missing_required(s.current_phase());
        open.extend(
            missing
                .iter()
                .map(|p| crate::say!(lang, "open-required", item = p.text.clone())),
        );
        open.extend(
            s.alarms_waiting(now)
                .iter()
                .map(|a| crate::say!(lang, "open-alert", alert = a.id)),
        );
        open.extend(
            s.technical_waiting()
                .iter()
                .map(|a| crate::say!(lang, "open-technical", alarm = a.id)),
        );
        open.extend(
            s.measures_due(now)
                .iter()
                .filter(|(_, d)| d.state != crate::session::DueState::Upcoming)
                .filter(|(p, _)| !missing.iter().any(|m| m.id == p.id))
                .map(|(p, _)| crate::say!(lang, "open-due", item = p.text.clone())),
        );
        let clinicians = s.start.clinicians.clone();
        let signer = if self.author < clinicians.len() {
            self.author
        } else {
            0
        };
        self.modal = Some(Modal::SignOff(SignOff {
            purpose,
            clinicians,
            signer,
            open,
        }));
    }

    /// The signature is confirmed by clinician `i` of those present: it
    /// is theirs, so they make the closing entry (and the entries after).
    pub(super) fn choose_signer(&mut self, i: usize) {
        let n = self
            .open_session()
            .map_or(0, |o| o.session.start.clinicians.len());
        if i < n {
            self.author = i;
        }
    }

    /// The sign-off dialog names clinician `i` as signer: said, and the
    /// author unchanged until the signature is confirmed (a declined
    /// sign-off leaves entries in the name they were in).
    pub(super) fn say_signer(&mut self, i: usize) {
        let lang = self.lang;
        let who = self
            .open_session()
            .and_then(|o| o.session.start.clinicians.get(i).cloned());
        if let Some(who) = who {
            self.set_flash(
                crate::say!(lang, "flash-signer", who = who),
                FlashKind::Info,
            );
        }
    }

    /// The co-sign dialog, over the closed screen: those present who have
    /// not signed yet may co-sign; when none is left, it says so.
    pub(super) fn open_co_sign(&mut self) {
        let lang = self.lang;
        let Screen::Closed(c) = &self.screen else {
            return;
        };
        let s = &c.open.session;
        let signer = s.signer().map(|x| x.to_string());
        let candidates: Vec<String> = s
            .start
            .clinicians
            .iter()
            .filter(|n| signer.as_deref() != Some(n.as_str()))
            .filter(|n| !s.co_signatures.iter().any(|c| &c.clinician == *n))
            .cloned()
            .collect();
        if candidates.is_empty() {
            self.set_flash(crate::say!(lang, "flash-no-co-signer"), FlashKind::Info);
            return;
        }
        self.modal = Some(Modal::CoSign(crate::tui::modal::CoSign {
            candidates,
            chosen: 0,
        }));
    }

    /// `who` co-signs the closed record: their entry, then the summary is
    /// written again (the one before kept), as after an addendum.
    pub(super) fn co_sign(&mut self, who: String, now: &Moment) -> bool {
        let lang = self.lang;
        let ev = Event::CoSigned {
            clinician: who.clone(),
        };
        let ok = self.record_by(ev, now, None, Some(who.clone()));
        if ok {
            self.set_flash(
                crate::say!(lang, "flash-co-signed", who = who, at = now.hhmm()),
                FlashKind::Saved,
            );
            self.rewrite_summary_if_closed(now);
        }
        ok
    }

    pub(super) fn open_addendum(&mut self) {
        self.modal = Some(Modal::Pair(Box::new(Pair::new(PairFor::Addendum))));
    }

    pub(super) fn submit_addendum(&mut self, text: String, reason: String, now: &Moment) -> bool {
        let lang = self.lang;
        let ok = self.record_taken(Event::Addendum { text, reason }, now, None);
        if ok {
            let who = self
                .author()
                .map(|a| format!(" {}", crate::say!(lang, "by-who", who = a.to_string())))
                .unwrap_or_default();
            self.set_flash(
                crate::say!(lang, "flash-addendum-saved", at = now.hhmm(), who = who),
                FlashKind::Saved,
            );
            self.rewrite_summary_if_closed(now);
        }
        ok
    }

    /// A closed record's summary is written again after an addendum or a
    /// correction, sealed with the journal's new last entry.
    fn rewrite_summary_if_closed(&mut self, now: &Moment) {
        let lang = self.lang;
        if let Screen::Closed(c) = &mut self.screen {
            let at = c.open.session.as_of(now);
            c.summary = crate::record::summary::write_closing(&c.open, &at, lang);
        }
    }
}
