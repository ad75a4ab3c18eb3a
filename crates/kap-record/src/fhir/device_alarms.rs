//! Each device alarm from the bedside monitor (#32) as a DetectedIssue:
//! coded with its rule and marked as from the monitor
//! (`urn:kap:alarm-source` `device`), so it is never read as an alarm on
//! a clinician's entry; when it began, when it ended, the values that
//! drove it and the readings they came from in its detail; the
//! clinician's acknowledgement, when there is one, as a mitigation.

use super::Cx;
use super::resources::*;
use super::types::*;
use crate::export::iso;
use crate::session::monitor_alarms::{entries_words, values_words};

/// The system marking an alarm's source.
pub const ALARM_SOURCE: &str = "urn:kap:alarm-source";

pub(super) fn device_alarms(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let mut out = Vec::new();
    for a in s.monitor.device_alarm_history(s.protocol()) {
        let device = s
            .monitor
            .get(a.raised_by)
            .map_or_else(String::new, |r| r.reading.device.clone());
        let mut detail = vec![crate::say!(
            lang,
            "fhir-device-alarm-detail",
            device = device,
            since = iso(&a.since),
            values = values_words(&a),
            entries = entries_words(a.values.iter().map(|v| v.0))
        )];
        detail.push(match &a.ended {
            Some((at, _)) => crate::say!(
                lang,
                "sum-device-alarm-ended",
                at = iso(at),
                lasted = crate::session::state::minutes_text(a.lasted().unwrap_or(0)).say(lang)
            ),
            None => crate::say!(lang, "sum-device-alarm-standing"),
        });
        if !a.rejected.is_empty() {
            detail.push(crate::say!(
                lang,
                "sum-device-alarm-rejected",
                entries = entries_words(a.rejected.iter().copied())
            ));
        }
        let mitigation = a
            .acknowledged
            .iter()
            .map(|(seq, at)| Mitigation {
                action: CodeableConcept::text(&crate::say!(lang, "fhir-ack-none")),
                date: iso(at),
                author: s
                    .entry(*seq)
                    .and_then(|e| e.stamp.by.as_deref())
                    .map(|b| cx.practitioner(b)),
            })
            .collect();
        out.push(Resource::DetectedIssue(DetectedIssue {
            id: cx.rid(&format!("device-alarm-{}-{}", a.rule, a.raised_by)),
            meta: None,
            status: "final",
            code: CodeableConcept::coded(
                vec![
                    Coding {
                        system: "urn:kap:alert-rule".into(),
                        code: a.rule.clone(),
                        display: None,
                    },
                    Coding {
                        system: ALARM_SOURCE.into(),
                        code: "device".into(),
                        display: Some("Device alarm from the bedside monitor".into()),
                    },
                ],
                Some(&crate::say!(
                    lang,
                    "fhir-device-alarm-text",
                    priority = a.priority.word().say(lang),
                    measure = a.metric.label().say(lang),
                    rule = a.rule.clone()
                )),
            ),
            severity: super::care::severity(a.priority),
            patient: cx.subject.clone(),
            identified_date_time: iso(&a.raised),
            implicated: Vec::new(),
            detail: detail.join("\n"),
            mitigation,
        }));
    }
    out
}
