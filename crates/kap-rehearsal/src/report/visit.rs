//! A rehearsed visit's part of the trainee report (#30): a visit gives no
//! dose, so the report judges only what the visit asks — each prompt of
//! its phases (the carried checklist, its notes), done in this visit, done
//! at an earlier visit of its kind, not done, or never reached — and says
//! that no dose was part of it, rather than scoring a vitals schedule, an
//! infusion, a dose or alarm windows the visit never had.

use super::{Report, mins, t};
use crate::protocol::{PromptKind, VisitKind};
use crate::record::doc::Doc;
use crate::session::{Moment, Session};

/// How one thing the visit asked went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Asked {
    /// Done in this visit, at this minute from its start.
    Done { at: f64 },
    /// A checklist item done at an earlier visit of its kind (its number).
    Carried { number: u32 },
    /// Its phase was reached and the visit closed without it.
    NotDone,
    /// Its phase was never reached.
    NotReached,
}

/// One prompt the visit asked.
#[derive(Debug, Clone, PartialEq)]
pub struct AskedRow {
    pub phase: String,
    pub text: String,
    /// The protocol requires it before the phase is left.
    pub required: bool,
    pub status: Asked,
}

/// What a visit asked and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitPart {
    pub kind: VisitKind,
    pub asked: Vec<AskedRow>,
}

/// The visit's part, when `s` is a visit (times from `origin`, its start).
pub fn part(s: &Session, origin: &Moment) -> Option<VisitPart> {
    let kind = s.start.visit_kind()?;
    let mut asked = Vec::new();
    for (i, ph) in s.protocol().phases.iter().enumerate() {
        let reached = s.entered.get(i).is_some_and(|e| e.is_some());
        for pr in s.prompts(ph) {
            let at = match pr.kind {
                PromptKind::Check => s.ticks.get(&pr.id).filter(|t| t.checked).map(|t| &t.at),
                PromptKind::Text => s
                    .answers
                    .get(&pr.id)
                    .filter(|a| !a.text.trim().is_empty())
                    .map(|a| &a.at),
                _ => s.values.get(&pr.id).and_then(|v| v.last()).map(|v| &v.at),
            };
            let status = match (at, s.carried.get(&pr.id)) {
                (Some(at), _) => Asked::Done {
                    at: mins(at, origin),
                },
                (None, Some(c)) => Asked::Carried { number: c.number },
                (None, None) if reached => Asked::NotDone,
                (None, None) => Asked::NotReached,
            };
            asked.push(AskedRow {
                phase: ph.title.clone(),
                text: pr.text.clone(),
                required: pr.required,
                status,
            });
        }
    }
    Some(VisitPart { kind, asked })
}

impl VisitPart {
    fn count(&self, f: impl Fn(&AskedRow) -> bool) -> usize {
        self.asked.iter().filter(|r| f(r)).count()
    }

    /// The summary: what was asked and done, and that no dose was judged.
    pub fn summary(&self, r: &Report, lang: crate::i18n::Lang) -> String {
        let missing = |a: &AskedRow| matches!(a.status, Asked::NotDone | Asked::NotReached);
        let mut out = crate::say!(
            lang,
            "rep-visit-summary",
            visit = self.kind.label().say(lang),
            done = self.count(|a| matches!(a.status, Asked::Done { .. })),
            asked = self.asked.len(),
            carried = self.count(|a| matches!(a.status, Asked::Carried { .. })),
            missing = self.count(missing),
            required = self.count(|a| a.required && missing(a)),
            notes = r.notes.len(),
            skips = r.skips.len()
        );
        out.push(' ');
        out.push_str(&crate::say!(
            lang,
            "rep-visit-no-dose",
            visit = self.kind.label().say(lang)
        ));
        out
    }

    fn status_text(&self, a: &AskedRow, lang: crate::i18n::Lang) -> String {
        match a.status {
            Asked::Done { at } => crate::say!(lang, "rep-status-done", at = t(at, lang)),
            // Only the preparation checklist is carried across visits.
            Asked::Carried { number } => crate::say!(lang, "visit-done-in", number = number),
            // Left for a later visit: said, not marked as a fault.
            Asked::NotDone if !a.required => crate::say!(lang, "rep-visit-not-done-optional"),
            Asked::NotDone => crate::say!(lang, "rep-status-not-done"),
            Asked::NotReached => crate::say!(lang, "rep-status-not-reached"),
        }
    }

    /// The table of what the visit asked.
    pub fn asked_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "rep-h-visit-asked"));
        if self.asked.is_empty() {
            d.para(crate::say!(lang, "rep-none"));
            return;
        }
        let rows = self
            .asked
            .iter()
            .map(|a| {
                let text = if a.required {
                    crate::say!(lang, "rep-visit-required", text = a.text.clone())
                } else {
                    a.text.clone()
                };
                vec![
                    a.phase.clone().into(),
                    text.into(),
                    self.status_text(a, lang).into(),
                ]
            })
            .collect();
        d.table(
            super::document::head([
                crate::say!(lang, "rep-col-phase"),
                crate::say!(lang, "rep-col-asked"),
                crate::say!(lang, "rep-col-status"),
            ]),
            rows,
        );
    }
}

/// The checklist a preparation visit in `dir` carried in from the earlier
/// visits of its course, when the session does not hold it (read back
/// from its folder by `kap export`, rather than closed in the app that
/// set it at the start): the same earlier visits the start saw, those of
/// its tree started before it. `None` when there is nothing to add.
pub fn carried_from_folder(
    dir: &std::path::Path,
    s: &Session,
) -> Option<std::collections::BTreeMap<String, crate::session::visits::Carried>> {
    let kind = s.start.visit_kind()?;
    if kind != VisitKind::Preparation || !s.carried.is_empty() {
        return None;
    }
    let tree = dir.parent()?;
    let store = crate::record::Store::at(tree.parent()?);
    if store.tree(s.start.rehearsal) != tree {
        return None;
    }
    let entries = crate::record::course::load(
        &store,
        &s.start.patient,
        &s.start.protocol_id,
        s.start.rehearsal,
    );
    let earlier: Vec<&Session> = entries
        .iter()
        .map(|e| &e.session)
        .filter(|e| e.start.visit.is_some() && e.started_at.wall < s.started_at.wall)
        .collect();
    let carried = crate::session::visits::carried_into(s.protocol(), kind, &earlier);
    (!carried.is_empty()).then_some(carried)
}
