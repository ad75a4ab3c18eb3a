//! What an event says on the timeline, in a few words: one exhaustive
//! match on the event, the longer words for each family in functions.

use super::Kind;
use super::Kind as K;
use crate::i18n::num;
use crate::session::Session;
use crate::session::event::{Event, SessionStart};
use crate::t;

fn prompt_text(s: &Session, id: &str) -> String {
    s.protocol()
        .prompt(id)
        .map_or_else(|| id.to_string(), |(_, p)| p.text.clone())
}

fn or_reason(r: &Option<String>) -> String {
    r.as_ref().map(|r| format!(" — {r}")).unwrap_or_default()
}

/// "what — reason", for the events whose reason follows their words.
fn with_reason(kind: Kind, what: String, reason: &str) -> (Kind, String) {
    (kind, format!("{what} — {reason}"))
}

/// What an event says, in a few words, in the language in use.
pub fn describe(s: &Session, ev: &Event, phase_after: Option<&str>) -> (Kind, String) {
    match ev {
        Event::Started(st) => started(st),
        Event::Answered { prompt, text } => answered(s, prompt, text),
        Event::Ticked {
            prompt,
            checked,
            evidence,
        } => ticked(s, prompt, *checked, evidence.as_ref()),
        Event::Recorded { prompt, value } => recorded(s, prompt, value),
        Event::Vitals { reading } => (K::Vitals, t!("tl-vitals", reading = reading.to_string())),
        Event::MonitorReading(_)
        | Event::MonitorConfirmed { .. }
        | Event::MonitorRejected { .. } => (K::Vitals, crate::session::monitor::describe(s, ev)),
        Event::MonitorAlarmAcknowledged { rule, entry } => device_alarm_acknowledged(rule, *entry),
        Event::Note {
            text,
            tags,
            outside,
        } => note(text, tags, outside.as_ref()),
        Event::Advanced { reason } => advanced(reason, phase_after),
        Event::DosingStarted => (
            K::Infusion,
            t!("flash-infusion-started", what = s.dosing.what()),
        ),
        Event::DosingPaused { reason } => {
            with_reason(K::Infusion, t!("flash-infusion-paused"), reason)
        }
        Event::DosingResumed => (K::Infusion, t!("flash-infusion-resumed")),
        Event::DosingStopped { reason } => with_reason(K::Infusion, t!("tl-stopped-early"), reason),
        Event::ConsentWithdrawn { reason } => {
            with_reason(K::Infusion, t!("tl-consent-withdrawn"), reason)
        }
        Event::AlertAcknowledged { alert, action } => alert_acknowledged(*alert, action),
        Event::MusicChosen { playlist, support } => music_chosen(playlist, support),
        Event::MusicStarted { .. } => (K::Music, t!("tl-music-started")),
        Event::MusicStopped { reason } => (
            K::Music,
            format!("{}{}", t!("tl-music-stopped"), or_reason(reason)),
        ),
        Event::MusicEnded => (K::Music, t!("flash-playlist-ended")),
        Event::TrackChanged { track } => (K::Music, t!("tl-track", track = track.clone())),
        Event::MusicProblem { text } => (K::Music, t!("tl-music-problem", problem = text.clone())),
        Event::CheckedIn { note } => (
            K::Note,
            format!("{}{}", t!("tl-checkin-done"), or_reason(note)),
        ),
        Event::GoalsSet { goals } => (K::Answer, t!("tl-goals-set", goals = goals.join("; "))),
        Event::OutcomeCompleted {
            instrument,
            answers,
            self_report,
            ..
        } => (
            K::Answer,
            outcome_text(s, instrument, answers, *self_report),
        ),
        Event::DebriefStarted => (K::Phase, t!("flash-debrief-started")),
        Event::Closed => (K::Phase, t!("tl-closed-signed")),
        Event::Abandoned { reason } => with_reason(K::Phase, t!("tl-ended-early"), reason),
        Event::MedicationGiven { .. }
        | Event::MedicationEffect { .. }
        | Event::KetamineDrawn { .. }
        | Event::KetamineWasted { .. } => (K::Infusion, super::describe_medication(s, ev)),
        Event::RiskScreened { answers, .. } => (
            K::Alert,
            crate::session::risk::screen_words(s.protocol().risk.as_ref(), answers),
        ),
        Event::RiskAcknowledged { screen, action } => risk_acknowledged(*screen, action),
        Event::SafetyPlanned { element, text } => safety_planned(element, text),
        Event::RiskHoldOverridden { reason } => {
            with_reason(K::Phase, t!("tl-risk-overridden"), reason)
        }
        Event::Corrected {
            entry,
            reason,
            with,
        } => corrected(s, *entry, reason, with.as_deref()),
        Event::AlarmAudioPaused { minutes, reason } => audio_paused(*minutes, reason),
        Event::AlarmAudioResumed => (K::Alert, t!("flash-alarm-sound-resumed")),
        Event::TechnicalAlarm { text } => (K::Alert, t!("tl-technical-alarm", text = text.clone())),
        Event::TechnicalAcknowledged { alarm } => {
            (K::Alert, t!("tl-technical-acknowledged", alarm = *alarm))
        }
        Event::AlarmSelfTest { device, problem } => self_test(device, problem),
        Event::Addendum { text, reason } => (
            K::Correction,
            t!("tl-addendum", text = text.clone(), reason = reason.clone()),
        ),
        Event::CoSigned { clinician } => (K::Phase, t!("tl-co-signed", who = clinician.clone())),
    }
}

fn started(st: &SessionStart) -> (Kind, String) {
    (
        K::Phase,
        t!(
            "tl-started",
            session = st.session,
            patient = st.patient.clone(),
            mg = num(st.dose_mg)
        ),
    )
}

fn answered(s: &Session, prompt: &str, text: &str) -> (Kind, String) {
    if text.trim().is_empty() {
        (
            K::Answer,
            t!("tl-answer-cleared", prompt = prompt_text(s, prompt)),
        )
    } else {
        (
            K::Answer,
            crate::i18n::labelled(&prompt_text(s, prompt), &text.replace('\n', " / ")),
        )
    }
}

fn ticked(
    s: &Session,
    prompt: &str,
    checked: bool,
    evidence: Option<&crate::session::evidence::Evidence>,
) -> (Kind, String) {
    if let (true, Some(e)) = (checked, evidence) {
        return (
            K::Answer,
            t!(
                "tl-ticked-evidence",
                prompt = prompt_text(s, prompt),
                evidence = crate::session::evidence::record_words(e)
            ),
        );
    }
    (
        K::Answer,
        if checked {
            t!("tl-ticked", prompt = prompt_text(s, prompt))
        } else {
            t!("tl-unticked", prompt = prompt_text(s, prompt))
        },
    )
}

fn recorded(s: &Session, prompt: &str, value: &crate::protocol::values::Value) -> (Kind, String) {
    let shown = s.protocol().prompt(prompt).map_or_else(
        || format!("{value:?}"),
        |(_, p)| crate::i18n::say(&crate::protocol::values::show(p, value)),
    );
    (
        K::Answer,
        crate::i18n::labelled(&prompt_text(s, prompt), &shown),
    )
}

fn device_alarm_acknowledged(rule: &str, entry: u64) -> (Kind, String) {
    (
        K::Alert,
        t!(
            "tl-device-alarm-acknowledged",
            rule = rule.to_string(),
            entry = entry
        ),
    )
}

fn note(text: &str, tags: &[String], outside: Option<&String>) -> (Kind, String) {
    let mut tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", crate::session::event::tag_labels(tags))
    };
    if let Some(why) = outside {
        tags.push_str(&format!(
            " — {}",
            t!("tl-outside-agreement", why = why.clone())
        ));
    }
    if text.is_empty() {
        (K::Note, format!("{}{tags}", t!("tl-note")))
    } else {
        (
            K::Note,
            crate::i18n::labelled(&t!("tl-note"), &format!("{text}{tags}")),
        )
    }
}

fn advanced(reason: &Option<String>, phase_after: Option<&str>) -> (Kind, String) {
    (
        K::Phase,
        format!(
            "{}{}",
            t!(
                "tl-moved-on",
                phase = phase_after.map_or_else(|| t!("tl-next-phase"), str::to_string)
            ),
            reason
                .as_ref()
                .map(|r| format!(" — {}", t!("tl-items-skipped", reason = r.clone())))
                .unwrap_or_default()
        ),
    )
}

fn alert_acknowledged(alert: u32, action: &Option<String>) -> (Kind, String) {
    (
        K::Alert,
        format!(
            "{}{}",
            t!("flash-alert-acknowledged", alert = alert),
            or_reason(action)
        ),
    )
}

fn music_chosen(playlist: &Option<String>, support: &Option<String>) -> (Kind, String) {
    (
        K::Music,
        t!(
            "flash-chosen",
            choice = playlist
                .clone()
                .or(support.as_ref().map(|_| t!("tl-no-music")))
                .unwrap_or_else(|| "—".to_string())
        ) + &support
            .as_ref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default(),
    )
}

fn risk_acknowledged(screen: u64, action: &Option<String>) -> (Kind, String) {
    (
        K::Alert,
        format!(
            "{}{}",
            t!("tl-risk-acknowledged", entry = screen),
            or_reason(action)
        ),
    )
}

fn safety_planned(element: &str, text: &str) -> (Kind, String) {
    (
        K::Note,
        crate::i18n::labelled(
            &crate::session::risk::PlanElement::parse(element).map_or_else(
                || element.to_string(),
                |e| t!("tl-plan", element = e.label()),
            ),
            text,
        ),
    )
}

fn corrected(s: &Session, entry: u64, reason: &str, with: Option<&Event>) -> (Kind, String) {
    match with {
        None => (
            K::Correction,
            t!(
                "tl-entry-in-error",
                entry = entry,
                reason = reason.to_string()
            ),
        ),
        Some(w) => (
            K::Correction,
            t!(
                "tl-entry-replaced",
                entry = entry,
                reason = reason.to_string(),
                now = describe(s, w, None).1
            ),
        ),
    }
}

fn audio_paused(minutes: u32, reason: &str) -> (Kind, String) {
    (
        K::Alert,
        format!(
            "{} — {reason}",
            t!("flash-alarm-sound-paused", minutes = minutes)
        ),
    )
}

fn self_test(device: &Option<String>, problem: &Option<String>) -> (Kind, String) {
    (
        K::Alert,
        match (device, problem) {
            (_, Some(p)) => t!("tl-self-test-silent", problem = p.clone()),
            (Some(d), None) => t!("tl-self-test-device", device = d.clone()),
            (None, None) => t!("tl-self-test"),
        },
    )
}

/// "PHQ-9 answered by the patient: total 14, moderate", in the language
/// in use (the total worked out from the answers).
fn outcome_text(s: &Session, instrument: &str, answers: &[u32], self_report: bool) -> String {
    let Some(ins) = s.protocol().instrument(instrument) else {
        return instrument.to_string();
    };
    let lang = crate::i18n::current().tag();
    let (total, band) = match crate::outcome::score(&ins, answers) {
        Ok(sc) => (
            sc.total.to_string(),
            sc.band
                .and_then(|b| ins.bands.get(b))
                .map(|b| crate::protocol::words_in(&b.label, lang).to_string())
                .unwrap_or_default(),
        ),
        Err(e) => (crate::i18n::say(&e.words()), String::new()),
    };
    crate::t!(
        "tl-outcome",
        name = ins.name.clone(),
        total = total,
        band = band,
        who = if self_report { "patient" } else { "clinician" }
    )
}
