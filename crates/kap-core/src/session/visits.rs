//! Visits as the course sees them: a checklist carried across the visits
//! of one kind (the preparation goals), each item with the visit it was
//! done in. Pure: the earlier visits are handed in.

use super::Moment;
use super::state::Session;
use crate::protocol::{Protocol, TopicList, VisitKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// A checklist item done in an earlier visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carried {
    /// Which visit of its kind it was done in (1 for the first).
    pub number: u32,
    /// When it was ticked.
    pub at: Moment,
}

/// One item of a carried checklist, in the protocol's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    pub done: Option<Carried>,
}

/// The kind of visit whose checklist `list` is carried across.
fn kind_of(list: TopicList) -> VisitKind {
    match list {
        TopicList::Preparation => VisitKind::Preparation,
        TopicList::Integration => VisitKind::Integration,
    }
}

/// The checklist `list` of the course as `visits` (the patient's records,
/// any kind, any order) leave it: each topic with the first visit of the
/// list's kind that ticked it and still has it ticked. A list that is not
/// carried (`TopicList::carried`) starts afresh at each visit: nothing is
/// done.
pub fn checklist(p: &Protocol, list: TopicList, visits: &[&Session]) -> Vec<ChecklistItem> {
    let mut own: Vec<&Session> = visits
        .iter()
        .copied()
        .filter(|s| s.start.visit_kind() == Some(kind_of(list)))
        .collect();
    own.sort_by_key(|s| s.started_at.wall);
    p.topic_prompts(list)
        .into_iter()
        .map(|pr| {
            let done = list
                .carried()
                .then(|| {
                    own.iter().enumerate().find_map(|(i, s)| {
                        let t = s.ticks.get(&pr.id).filter(|t| t.checked)?;
                        Some(Carried {
                            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                            at: t.at.clone(),
                        })
                    })
                })
                .flatten();
            ChecklistItem {
                id: pr.id,
                text: pr.text,
                done,
            }
        })
        .collect()
}

/// What a new visit of `kind` carries in from `earlier` visits: the items
/// already done, by prompt id.
pub fn carried_into(
    p: &Protocol,
    kind: VisitKind,
    earlier: &[&Session],
) -> BTreeMap<String, Carried> {
    let list = match kind {
        VisitKind::Preparation => TopicList::Preparation,
        _ => return BTreeMap::new(),
    };
    checklist(p, list, earlier)
        .into_iter()
        .filter_map(|i| Some((i.id, i.done?)))
        .collect()
}
