//! `M` and `meds …`: a rescue drug given, its effect, or ketamine drawn
//! up or wasted, read from one line (`modal::parse_medication`) and
//! recorded; a dose beyond the agreement or the formulary first asks its
//! reason (the reason dialog beyond an agreement, as for a touch note).

use super::*;
use crate::tui::modal::{Meds, Modal};

impl App {
    /// Open the medication dialog over the session.
    pub(super) fn open_meds(&mut self, now: &Moment) {
        let lang = self.lang;
        let Some(open) = self.open_session() else {
            return;
        };
        let lines = crate::tui::present::meds::dialog_lines(&open.session, now, lang);
        self.modal = Some(Modal::Meds(Meds::new(lines)));
    }

    /// A medication line typed: recorded, or its reason asked first, or
    /// refused with what is missing (the dialog stays, with its text).
    pub(super) fn submit_medication(&mut self, line: &str, now: &Moment) -> bool {
        let lang = self.lang;
        let Some((text, taken)) = self.taken_from(line, ends_in_time(line), now) else {
            return false;
        };
        let author = self.author();
        let Some(open) = self.open_session() else {
            return false;
        };
        let s = &open.session;
        let ev = match crate::tui::modal::parse_medication(&text, s, author.as_deref(), lang) {
            Ok(ev) => ev,
            Err(why) => {
                self.set_flash(why, FlashKind::Refused);
                return false;
            }
        };
        let beyond = match &ev {
            Event::MedicationGiven { drug, dose, .. } => s
                .protocol()
                .drug(drug)
                .map(|d| s.medication_beyond(d, *dose))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let beyond = beyond.iter().map(|b| b.text().say(lang)).collect();
        self.save_or_ask_why(beyond, ev, taken, now)
    }

    /// Save a dose (or its correction), or, when it goes beyond what was
    /// agreed (`beyond`: how, in words), keep it pending and ask the
    /// reason first.
    fn save_or_ask_why(
        &mut self,
        beyond: Vec<String>,
        ev: Event,
        taken: Option<Moment>,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        if !beyond.is_empty() {
            self.set_flash(
                format!(
                    "{}: {}",
                    crate::say!(lang, "ref-med-beyond"),
                    beyond.join("; ")
                ),
                FlashKind::Info,
            );
            self.pending_medication = Some((ev, taken));
            self.pending_note = None;
            self.open_reason(ReasonFor::OutsideAgreement);
            return true;
        }
        self.save_medication(ev, taken, now)
    }

    /// The reason a pending dose goes beyond what was agreed: saved with
    /// it, or kept waiting when refused.
    pub(super) fn medication_with_reason(&mut self, reason: String, now: &Moment) -> bool {
        let Some((mut ev, taken)) = self.pending_medication.take() else {
            return false;
        };
        match &mut ev {
            Event::MedicationGiven { outside, .. } => *outside = Some(reason),
            Event::Corrected { with: Some(w), .. } => {
                if let Event::MedicationGiven { outside, .. } = w.as_mut() {
                    *outside = Some(reason);
                }
            }
            _ => {}
        }
        let ok = self.save_medication(ev.clone(), taken.clone(), now);
        if !ok {
            self.pending_medication = Some((ev, taken));
        }
        ok
    }

    fn save_medication(&mut self, ev: Event, taken: Option<Moment>, now: &Moment) -> bool {
        let lang = self.lang;
        if let Event::Corrected { entry, .. } = &ev {
            let entry = *entry;
            if !self.record_taken(ev, now, taken) {
                return false;
            }
            self.set_flash(
                crate::say!(lang, "flash-entry-replaced", entry = entry),
                FlashKind::Saved,
            );
            return true;
        }
        let done = match &self.open_session() {
            Some(o) => crate::session::timeline::describe_medication(&o.session, &ev).say(lang),
            None => String::new(),
        };
        let at = taken.as_ref().unwrap_or(now).hhmm();
        if !self.record_taken(ev, now, taken) {
            return false;
        }
        self.set_flash(
            crate::say!(lang, "flash-med-saved", at = at, what = done),
            FlashKind::Saved,
        );
        true
    }
}

/// The line ends in a time taken without its `@` (`-5m`, `at 10:42`), as
/// the dialog's help has it; a waste (`0 -5 2`) is not mistaken for one.
fn ends_in_time(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    let ago = last
        .strip_prefix('-')
        .and_then(|m| m.strip_suffix('m'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    ago || last.contains(':')
}

impl App {
    /// How the replacement of entry `entry` is typed, when it is a rescue
    /// dose or ketamine (as in `M`, with the formulary's numbers).
    pub(super) fn correction_how(&self, entry: u64) -> Option<String> {
        let lang = self.lang;
        let s = &self.open_session()?.session;
        match s.entry(entry).map(|e| standing(&e.event))? {
            Event::MedicationGiven { .. } => {
                let names: Vec<String> = s
                    .protocol()
                    .formulary
                    .iter()
                    .map(|d| d.name.clone())
                    .collect();
                Some(crate::say!(
                    lang,
                    "correct-med-how",
                    drugs = crate::tui::modal::meds_numbered(&names)
                ))
            }
            Event::KetamineDrawn { .. } | Event::KetamineWasted { .. } => {
                Some(crate::say!(lang, "correct-ketamine-how"))
            }
            _ => None,
        }
    }

    /// Correct rescue dose or ketamine entry `entry` (`orig`, as it stands)
    /// with a medication line: the time given taken off its end (the
    /// original's otherwise), the giver the original's unless named; a
    /// replacement beyond the agreement or the formulary asks its reason
    /// first, as a dose does.
    pub(super) fn correct_medication(
        &mut self,
        entry: u64,
        orig: &Event,
        replacement: &str,
        reason: String,
        now: &Moment,
    ) -> bool {
        let lang = self.lang;
        let Some((text, taken)) = self.taken_from(replacement, ends_in_time(replacement), now)
        else {
            return false;
        };
        let giver = match orig {
            Event::MedicationGiven { given_by, .. } => Some(given_by.clone()),
            _ => self.author(),
        };
        let Some(open) = self.open_session() else {
            return false;
        };
        let s = &open.session;
        let with = match crate::tui::modal::parse_medication(&text, s, giver.as_deref(), lang) {
            Ok(ev) => ev,
            Err(why) => {
                self.set_flash(why, FlashKind::Refused);
                return false;
            }
        };
        let beyond = match &with {
            Event::MedicationGiven { drug, dose, .. } => s
                .protocol()
                .drug(drug)
                .map(|d| s.replacement_beyond(entry, d, *dose))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let ev = Event::Corrected {
            entry,
            reason,
            with: Some(Box::new(with)),
        };
        let beyond = beyond.iter().map(|b| b.text().say(lang)).collect();
        self.save_or_ask_why(beyond, ev, taken, now)
    }
}

/// An entry as it stands: a replacement is the entry it holds.
fn standing(ev: &Event) -> &Event {
    match ev {
        Event::Corrected { with: Some(w), .. } => w.as_ref(),
        ev => ev,
    }
}
