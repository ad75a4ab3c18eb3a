//! What an event says on the timeline, in a few words: one exhaustive
//! match on the event, the longer words for each family in functions.

use super::Kind;
use super::Kind as K;
use crate::i18n::Phrase;
use crate::session::Session;
use crate::session::event::{Event, SessionStart};

fn prompt_text(s: &Session, id: &str) -> String {
    s.protocol()
        .prompt(id)
        .map_or_else(|| id.to_string(), |(_, p)| p.text.clone())
}

fn or_reason(r: &Option<String>) -> Phrase {
    r.as_ref()
        .map_or_else(Phrase::empty, |r| format!(" — {r}").into())
}

/// `label: value`, with the space French puts before the colon.
fn labelled(label: impl Into<Phrase>, value: impl Into<Phrase>) -> Phrase {
    crate::phrase!("label-value", label = label.into(), value = value.into())
}

/// "what — reason", for the events whose reason follows their words.
fn with_reason(what: Phrase, reason: &str) -> Phrase {
    Phrase::Seq(vec![what, format!(" — {reason}").into()])
}

/// The music's events, in words.
fn music(ev: &Event) -> Phrase {
    match ev {
        Event::MusicChosen { playlist, support } => music_chosen(playlist, support),
        Event::MusicStarted { .. } => crate::phrase!("tl-music-started"),
        Event::MusicStopped { reason } => {
            Phrase::Seq(vec![crate::phrase!("tl-music-stopped"), or_reason(reason)])
        }
        Event::MusicEnded => crate::phrase!("flash-playlist-ended"),
        Event::TrackChanged { track } => crate::phrase!("tl-track", track = track.clone()),
        Event::MusicProblem { text } => crate::phrase!("tl-music-problem", problem = text.clone()),
        _ => Phrase::empty(),
    }
}

/// The infusion's own events, in words.
fn infusion(s: &Session, ev: &Event) -> Phrase {
    let (what, reason) = match ev {
        Event::DosingStarted => (
            crate::phrase!("flash-infusion-started", what = s.dosing.what()),
            None,
        ),
        Event::DosingPaused { reason } => (crate::phrase!("flash-infusion-paused"), Some(reason)),
        Event::DosingResumed => (crate::phrase!("flash-infusion-resumed"), None),
        Event::DosingStopped { reason } => (crate::phrase!("tl-stopped-early"), Some(reason)),
        Event::ConsentWithdrawn { reason } => {
            (crate::phrase!("tl-consent-withdrawn"), Some(reason))
        }
        _ => return Phrase::empty(),
    };
    match reason {
        Some(r) => with_reason(what, r),
        None => what,
    }
}

/// What an event says, in a few words, for whoever words it.
pub fn describe(s: &Session, ev: &Event, phase_after: Option<&str>) -> (Kind, Phrase) {
    match ev {
        Event::Started(st) => started(st),
        Event::Answered { prompt, text } => answered(s, prompt, text),
        Event::Ticked {
            prompt,
            checked,
            evidence,
        } => ticked(s, prompt, *checked, evidence.as_ref()),
        Event::Recorded { prompt, value } => recorded(s, prompt, value),
        Event::Vitals { reading } => (
            K::Vitals,
            crate::phrase!("tl-vitals", reading = reading.words()),
        ),
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
        Event::DosingStarted
        | Event::DosingPaused { .. }
        | Event::DosingResumed
        | Event::DosingStopped { .. }
        | Event::ConsentWithdrawn { .. } => (K::Infusion, infusion(s, ev)),
        Event::AlertAcknowledged { alert, action } => alert_acknowledged(*alert, action),
        Event::MusicChosen { .. }
        | Event::MusicStarted { .. }
        | Event::MusicStopped { .. }
        | Event::MusicEnded
        | Event::TrackChanged { .. }
        | Event::MusicProblem { .. } => (K::Music, music(ev)),
        Event::CheckedIn { note } => (
            K::Note,
            Phrase::Seq(vec![crate::phrase!("tl-checkin-done"), or_reason(note)]),
        ),
        Event::GoalsSet { goals } => (
            K::Answer,
            crate::phrase!("tl-goals-set", goals = goals.join("; ")),
        ),
        Event::OutcomeCompleted {
            instrument,
            answers,
            self_report,
            ..
        } => (
            K::Answer,
            outcome_text(s, instrument, answers, *self_report),
        ),
        Event::DebriefStarted => (K::Phase, crate::phrase!("flash-debrief-started")),
        Event::Closed => (K::Phase, crate::phrase!("tl-closed-signed")),
        Event::Abandoned { reason } => (
            K::Phase,
            with_reason(crate::phrase!("tl-ended-early"), reason),
        ),
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
        Event::RiskHoldOverridden { reason } => (
            K::Phase,
            with_reason(crate::phrase!("tl-risk-overridden"), reason),
        ),
        Event::Corrected {
            entry,
            reason,
            with,
        } => corrected(s, *entry, reason, with.as_deref()),
        Event::AlarmAudioPaused { minutes, reason } => audio_paused(*minutes, reason),
        Event::AlarmAudioResumed => (K::Alert, crate::phrase!("flash-alarm-sound-resumed")),
        Event::TechnicalAlarm { text } => (
            K::Alert,
            crate::phrase!("tl-technical-alarm", text = text.clone()),
        ),
        Event::TechnicalAcknowledged { alarm } => (
            K::Alert,
            crate::phrase!("tl-technical-acknowledged", alarm = *alarm),
        ),
        Event::AlarmSelfTest { device, problem } => self_test(device, problem),
        Event::Addendum { text, reason } => (
            K::Correction,
            crate::phrase!("tl-addendum", text = text.clone(), reason = reason.clone()),
        ),
        Event::CoSigned { clinician } => (
            K::Phase,
            crate::phrase!("tl-co-signed", who = clinician.clone()),
        ),
    }
}

fn started(st: &SessionStart) -> (Kind, Phrase) {
    (
        K::Phase,
        crate::phrase!(
            "tl-started",
            session = st.session,
            patient = st.patient.clone(),
            mg = crate::i18n::Phrase::Num(st.dose_mg)
        ),
    )
}

fn answered(s: &Session, prompt: &str, text: &str) -> (Kind, Phrase) {
    if text.trim().is_empty() {
        (
            K::Answer,
            crate::phrase!("tl-answer-cleared", prompt = prompt_text(s, prompt)),
        )
    } else {
        (
            K::Answer,
            labelled(prompt_text(s, prompt), text.replace('\n', " / ")),
        )
    }
}

fn ticked(
    s: &Session,
    prompt: &str,
    checked: bool,
    evidence: Option<&crate::session::evidence::Evidence>,
) -> (Kind, Phrase) {
    if let (true, Some(e)) = (checked, evidence) {
        return (
            K::Answer,
            crate::phrase!(
                "tl-ticked-evidence",
                prompt = prompt_text(s, prompt),
                evidence = crate::session::evidence::record_words(e)
            ),
        );
    }
    (
        K::Answer,
        if checked {
            crate::phrase!("tl-ticked", prompt = prompt_text(s, prompt))
        } else {
            crate::phrase!("tl-unticked", prompt = prompt_text(s, prompt))
        },
    )
}

fn recorded(s: &Session, prompt: &str, value: &crate::protocol::values::Value) -> (Kind, Phrase) {
    let shown = s.protocol().prompt(prompt).map_or_else(
        || Phrase::Verbatim(format!("{value:?}")),
        |(_, p)| crate::protocol::values::show(p, value),
    );
    (K::Answer, labelled(prompt_text(s, prompt), shown))
}

fn device_alarm_acknowledged(rule: &str, entry: u64) -> (Kind, Phrase) {
    (
        K::Alert,
        crate::phrase!(
            "tl-device-alarm-acknowledged",
            rule = rule.to_string(),
            entry = entry
        ),
    )
}

fn note(text: &str, tags: &[String], outside: Option<&String>) -> (Kind, Phrase) {
    let mut after = Vec::new();
    if !tags.is_empty() {
        after.push(Phrase::Seq(vec![
            " [".into(),
            crate::session::event::tag_labels(tags),
            "]".into(),
        ]));
    }
    if let Some(why) = outside {
        after.push(" — ".into());
        after.push(crate::phrase!("tl-outside-agreement", why = why.clone()));
    }
    if text.is_empty() {
        after.insert(0, crate::phrase!("tl-note"));
        (K::Note, Phrase::Seq(after))
    } else {
        after.insert(0, text.into());
        (
            K::Note,
            labelled(crate::phrase!("tl-note"), Phrase::Seq(after)),
        )
    }
}

fn advanced(reason: &Option<String>, phase_after: Option<&str>) -> (Kind, Phrase) {
    (
        K::Phase,
        Phrase::Seq(vec![
            crate::phrase!(
                "tl-moved-on",
                phase = phase_after.map_or_else(|| crate::phrase!("tl-next-phase"), Phrase::from)
            ),
            reason.as_ref().map_or_else(Phrase::empty, |r| {
                Phrase::Seq(vec![
                    " — ".into(),
                    crate::phrase!("tl-items-skipped", reason = r.clone()),
                ])
            }),
        ]),
    )
}

fn alert_acknowledged(alert: u32, action: &Option<String>) -> (Kind, Phrase) {
    (
        K::Alert,
        Phrase::Seq(vec![
            crate::phrase!("flash-alert-acknowledged", alert = alert),
            or_reason(action),
        ]),
    )
}

fn music_chosen(playlist: &Option<String>, support: &Option<String>) -> Phrase {
    Phrase::Seq(vec![
        crate::phrase!(
            "flash-chosen",
            choice = playlist
                .as_ref()
                .map(Phrase::from)
                .or(support.as_ref().map(|_| crate::phrase!("tl-no-music")))
                .unwrap_or_else(|| "—".into())
        ),
        support
            .as_ref()
            .map_or_else(Phrase::empty, |s| format!(" ({s})").into()),
    ])
}

fn risk_acknowledged(screen: u64, action: &Option<String>) -> (Kind, Phrase) {
    (
        K::Alert,
        Phrase::Seq(vec![
            crate::phrase!("tl-risk-acknowledged", entry = screen),
            or_reason(action),
        ]),
    )
}

fn safety_planned(element: &str, text: &str) -> (Kind, Phrase) {
    (
        K::Note,
        labelled(
            crate::session::risk::PlanElement::parse(element).map_or_else(
                || Phrase::verbatim(element),
                |e| crate::phrase!("tl-plan", element = e.label()),
            ),
            text,
        ),
    )
}

fn corrected(s: &Session, entry: u64, reason: &str, with: Option<&Event>) -> (Kind, Phrase) {
    match with {
        None => (
            K::Correction,
            crate::phrase!(
                "tl-entry-in-error",
                entry = entry,
                reason = reason.to_string()
            ),
        ),
        Some(w) => (
            K::Correction,
            crate::phrase!(
                "tl-entry-replaced",
                entry = entry,
                reason = reason.to_string(),
                now = describe(s, w, None).1
            ),
        ),
    }
}

fn audio_paused(minutes: u32, reason: &str) -> (Kind, Phrase) {
    (
        K::Alert,
        Phrase::Seq(vec![
            crate::phrase!("flash-alarm-sound-paused", minutes = minutes),
            format!(" — {reason}").into(),
        ]),
    )
}

fn self_test(device: &Option<String>, problem: &Option<String>) -> (Kind, Phrase) {
    (
        K::Alert,
        match (device, problem) {
            (_, Some(p)) => crate::phrase!("tl-self-test-silent", problem = p.clone()),
            (Some(d), None) => crate::phrase!("tl-self-test-device", device = d.clone()),
            (None, None) => crate::phrase!("tl-self-test"),
        },
    )
}

/// "PHQ-9 answered by the patient: total 14, moderate" (the total worked
/// out from the answers, the band in the scale's own words).
fn outcome_text(s: &Session, instrument: &str, answers: &[u32], self_report: bool) -> Phrase {
    let Some(ins) = s.protocol().instrument(instrument) else {
        return Phrase::verbatim(instrument);
    };
    let (total, band) = match crate::outcome::score(&ins, answers) {
        Ok(sc) => (
            Phrase::Count(i64::from(sc.total)),
            sc.band
                .and_then(|b| ins.bands.get(b))
                .map_or_else(Phrase::empty, |b| Phrase::Words(b.label.clone())),
        ),
        Err(e) => (e.words(), Phrase::empty()),
    };
    crate::phrase!(
        "tl-outcome",
        name = ins.name.clone(),
        total = total,
        band = band,
        who = if self_report { "patient" } else { "clinician" }
    )
}
