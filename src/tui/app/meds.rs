//! `M` and `meds …`: a rescue drug given, its effect, or ketamine drawn
//! up or wasted, read from one line (`modal::parse_medication`) and
//! recorded; a dose beyond the agreement or the formulary first asks its
//! reason (the reason dialog beyond an agreement, as for a touch note).

use super::*;
use crate::tui::modal::{Meds, Modal};

impl App {
    /// Open the medication dialog over the session.
    pub(super) fn open_meds(&mut self, now: &Moment) {
        let Some(open) = self.open_session() else {
            return;
        };
        let lines = crate::tui::present::meds::dialog_lines(&open.session, now);
        self.modal = Some(Modal::Meds(Meds::new(lines)));
    }

    /// A medication line typed: recorded, or its reason asked first, or
    /// refused with what is missing (the dialog stays, with its text).
    pub(super) fn submit_medication(&mut self, line: &str, now: &Moment) -> bool {
        let Some((text, taken)) = self.taken_from(line, false, now) else {
            return false;
        };
        let author = self.author();
        let Some(open) = self.open_session() else {
            return false;
        };
        let s = &open.session;
        let ev = match crate::tui::modal::parse_medication(&text, s, author.as_deref()) {
            Ok(ev) => ev,
            Err(why) => {
                self.set_flash(why, FlashKind::Refused);
                return false;
            }
        };
        if let Event::MedicationGiven { drug, dose, .. } = &ev {
            let beyond = s
                .protocol()
                .drug(drug)
                .map(|d| s.medication_beyond(d, *dose))
                .unwrap_or_default();
            if !beyond.is_empty() {
                let list: Vec<String> = beyond.iter().map(|b| b.text()).collect();
                self.set_flash(
                    format!("{}: {}", crate::t!("ref-med-beyond"), list.join("; ")),
                    FlashKind::Info,
                );
                self.pending_medication = Some((ev, taken));
                self.pending_note = None;
                self.open_reason(ReasonFor::OutsideAgreement);
                return true;
            }
        }
        self.save_medication(ev, taken, now)
    }

    /// The reason a pending dose goes beyond what was agreed: saved with
    /// it, or kept waiting when refused.
    pub(super) fn medication_with_reason(&mut self, reason: String, now: &Moment) -> bool {
        let Some((mut ev, taken)) = self.pending_medication.take() else {
            return false;
        };
        if let Event::MedicationGiven { outside, .. } = &mut ev {
            *outside = Some(reason);
        }
        let ok = self.save_medication(ev.clone(), taken.clone(), now);
        if !ok {
            self.pending_medication = Some((ev, taken));
        }
        ok
    }

    fn save_medication(&mut self, ev: Event, taken: Option<Moment>, now: &Moment) -> bool {
        let done = match &self.open_session() {
            Some(o) => crate::session::timeline::describe_medication(&o.session, &ev),
            None => String::new(),
        };
        let at = taken.as_ref().unwrap_or(now).hhmm();
        if !self.record_taken(ev, now, taken) {
            return false;
        }
        self.set_flash(
            crate::t!("flash-med-saved", at = at, what = done),
            FlashKind::Saved,
        );
        true
    }
}
