//! The summary's device alarms (#32): each alarm the monitor's continuous
//! HR or SpO₂ raised, worked out from its journalled readings
//! (`session::monitor_alarms`), marked as from the monitor — when it
//! began, how long it lasted, the values that drove it, and whether and
//! when the clinician acknowledged it.

use super::doc::Doc;
use super::summary::time;
use crate::session::Session;
use crate::session::monitor_alarms::{entries_words, values_words};
use crate::session::state::minutes_text;

/// The section, when the monitor raised any alarm.
pub fn section(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let history = s.monitor.device_alarm_history(s.protocol());
    if history.is_empty() {
        return;
    }
    d.heading(2, crate::say!(lang, "sum-h-device-alarms"));
    d.para(crate::say!(lang, "sum-device-alarms-intro"));
    for a in &history {
        let end = match &a.ended {
            Some((at, _)) => crate::say!(
                lang,
                "sum-device-alarm-ended",
                at = time(at),
                lasted = minutes_text(a.lasted().unwrap_or(0)).say(lang)
            ),
            None => crate::say!(lang, "sum-device-alarm-standing"),
        };
        let ack = match &a.acknowledged {
            Some((entry, at)) => {
                crate::say!(lang, "sum-device-alarm-ack", at = time(at), entry = *entry)
            }
            None => crate::say!(lang, "sum-device-alarm-not-ack"),
        };
        let mut line = crate::say!(
            lang,
            "sum-device-alarm-line",
            at = time(&a.raised),
            priority = a.priority.word().say(lang),
            measure = a.metric.label().say(lang),
            rule = a.rule.clone(),
            since = time(&a.since),
            values = values_words(a),
            worst = a.worst(),
            end = end,
            ack = ack
        );
        if !a.rejected.is_empty() {
            line.push_str(&format!(
                "; {}",
                crate::say!(
                    lang,
                    "sum-device-alarm-rejected",
                    entries = entries_words(a.rejected.iter().copied())
                )
            ));
        }
        d.item(line);
    }
}
