//! The visit a protocol prompt rests on (`evidence_visit`): before the
//! first dose, the assessment. The clinician's tick still satisfies the
//! gate (it confirms a judgement too); the visit found is shown beside
//! the prompt and recorded with the tick, or the tick records that none
//! was recorded in kap. Pure: the course's visits are handed in.

use crate::protocol::VisitKind;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A visit of the patient's course as evidence may rest on it, read from
/// a local record or from an Encounter on the clinic's server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldVisit {
    pub kind: VisitKind,
    /// The record it is: a local record's folder name, or
    /// `Encounter/ID` for one the server holds from another laptop.
    pub record: String,
    /// When it was held (its start, wall time).
    pub held: NaiveDateTime,
    /// The clinician who held it, when known.
    pub by: Option<String>,
    /// Closed and signed: an open record can still change, so it is not
    /// evidence yet.
    pub signed: bool,
    /// A rehearsal on a simulated patient.
    pub rehearsal: bool,
    /// Marked entered in error (an Encounter's status).
    pub in_error: bool,
}

/// What a tick rests on, as its journal entry records it. `record` is
/// absent when no visit of the kind was recorded in kap: the tick then
/// had no kap-recorded evidence (the assessment may predate kap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The kind of visit the prompt names.
    pub visit: VisitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Evidence {
    /// Whether a visit was found.
    pub fn found(&self) -> bool {
        self.record.is_some()
    }
}

/// The evidence of kind `kind` for a session started at `before`
/// (`rehearsal` when it is one): the latest visit of the kind held before
/// it that is signed and not in error; a rehearsal visit counts only for a
/// rehearsal. None found: an `Evidence` without a record.
pub fn find(
    kind: VisitKind,
    rehearsal: bool,
    before: NaiveDateTime,
    visits: &[HeldVisit],
) -> Evidence {
    let best = visits
        .iter()
        .filter(|v| {
            v.kind == kind
                && v.signed
                && !v.in_error
                && (rehearsal || !v.rehearsal)
                && v.held < before
        })
        .max_by_key(|v| v.held);
    Evidence {
        visit: kind,
        record: best.map(|v| v.record.clone()),
        held: best.map(|v| v.held),
        by: best.and_then(|v| v.by.clone()),
    }
}

/// The evidence of each prompt of dosing session `s` that names its
/// evidence (`evidence_visit`) and is asked in it, by prompt id, from the
/// course's `visits`. A visit's own prompts name none.
pub fn for_session(
    s: &crate::session::Session,
    visits: &[HeldVisit],
) -> std::collections::BTreeMap<String, Evidence> {
    if s.start.visit.is_some() {
        return Default::default();
    }
    let before = s.started_at.wall.naive_local();
    let p = s.protocol();
    p.phases
        .iter()
        .flat_map(|ph| s.prompts(ph))
        .filter_map(|pr| {
            let kind = VisitKind::parse(pr.evidence_visit.as_deref()?)?;
            Some((pr.id.clone(), find(kind, s.start.rehearsal, before, visits)))
        })
        .collect()
}

/// The evidence shown beside prompt `id` of `s`: what its tick recorded
/// when ticked, else what the course holds now.
pub fn shown<'a>(s: &'a crate::session::Session, id: &str) -> Option<&'a Evidence> {
    match s.ticks.get(id).filter(|t| t.checked) {
        Some(t) => t.evidence.as_ref(),
        None => s.evidence.get(id),
    }
}

/// The evidence of a tick in words: the visit held, when and by whom
/// ("Evidence in kap: assessment visit held 2026-11-20 by Dr X"), or that
/// none is recorded in kap.
pub fn words(e: &Evidence) -> crate::i18n::Phrase {
    let kind = e.visit.label();
    match (&e.held, &e.by) {
        (Some(held), Some(by)) => crate::phrase!(
            "evidence-held-by",
            kind = kind,
            date = held.date(),
            by = crate::text::clean_line(by)
        ),
        (Some(held), None) => crate::phrase!("evidence-held", kind = kind, date = held.date()),
        (None, _) => crate::phrase!("evidence-none", kind = kind),
    }
}

/// A tick's evidence for the record's exports: as on screen, with the
/// record it rests on.
pub fn record_words(e: &Evidence) -> crate::i18n::Phrase {
    match &e.record {
        Some(r) => crate::phrase!(
            "evidence-record",
            words = words(e),
            record = crate::text::clean_line(r)
        ),
        None => words(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn visit(record: &str, d: u32) -> HeldVisit {
        HeldVisit {
            kind: VisitKind::Assessment,
            record: record.into(),
            held: at(d),
            by: Some("Dr X".into()),
            signed: true,
            rehearsal: false,
            in_error: false,
        }
    }

    #[test]
    fn an_older_tick_reads_unchanged_and_a_tick_without_evidence_writes_none() {
        use crate::session::Event;
        let old = r#"{"type":"ticked","prompt":"consent","checked":true}"#;
        let ev: Event = serde_json::from_str(old).unwrap();
        assert_eq!(
            ev,
            Event::Ticked {
                prompt: "consent".into(),
                checked: true,
                evidence: None
            }
        );
        assert_eq!(serde_json::to_string(&ev).unwrap(), old);
        let with = Event::Ticked {
            prompt: "assessment-done".into(),
            checked: true,
            evidence: Some(find(
                VisitKind::Assessment,
                false,
                at(25),
                &[visit("a", 20)],
            )),
        };
        let line = serde_json::to_string(&with).unwrap();
        assert!(
            line.contains(r#""evidence":{"visit":"assessment","record":"a""#),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<Event>(&line).unwrap(), with);
    }

    #[test]
    fn the_latest_signed_visit_before_the_session_is_found() {
        let v = [visit("a", 10), visit("b", 20), visit("later", 28)];
        let e = find(VisitKind::Assessment, false, at(25), &v);
        assert_eq!(e.record.as_deref(), Some("b"));
        assert_eq!(e.held, Some(at(20)));
        assert_eq!(e.by.as_deref(), Some("Dr X"));
        assert!(e.found());
    }

    #[test]
    fn none_recorded_is_said_so() {
        let mut prep = visit("p", 10);
        prep.kind = VisitKind::Preparation;
        let e = find(VisitKind::Assessment, false, at(25), &[prep]);
        assert!(!e.found());
        assert_eq!(e.visit, VisitKind::Assessment);
        assert_eq!(e.held, None);
    }

    #[test]
    fn a_rehearsal_visit_counts_only_for_a_rehearsal() {
        let mut r = visit("r", 10);
        r.rehearsal = true;
        let v = [r];
        assert!(!find(VisitKind::Assessment, false, at(25), &v).found());
        assert!(find(VisitKind::Assessment, true, at(25), &v).found());
    }

    #[test]
    fn a_visit_in_error_or_unsigned_does_not_count() {
        let mut wrong = visit("wrong", 20);
        wrong.in_error = true;
        let mut open = visit("open", 21);
        open.signed = false;
        let e = find(
            VisitKind::Assessment,
            false,
            at(25),
            &[visit("ok", 10), wrong, open],
        );
        assert_eq!(e.record.as_deref(), Some("ok"));
        let mut only = visit("wrong", 20);
        only.in_error = true;
        assert!(!find(VisitKind::Assessment, false, at(25), &[only]).found());
    }
}
