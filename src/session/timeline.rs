//! One time-ordered account of a session: every entry (vitals, notes,
//! answers, the infusion, music, phase moves, corrections, addenda) and
//! every alert raised, each with the time it happened, the time it was
//! recorded and who recorded it; corrected entries stay, marked. Pure: the
//! screen, the screen reader and the summary all read these rows.

use super::entry::Entry;
use super::event::Event;
pub use super::vitals_rows::{VitalsRow, vitals_rows};
use super::{Moment, Session};
use crate::i18n::num;

/// What a row is about, for filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vitals,
    Note,
    Alert,
    Infusion,
    Answer,
    Phase,
    Music,
    Correction,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Vitals,
        Kind::Note,
        Kind::Alert,
        Kind::Infusion,
        Kind::Answer,
        Kind::Phase,
        Kind::Music,
        Kind::Correction,
    ];

    pub fn label(self) -> String {
        crate::i18n::tr(
            match self {
                Kind::Vitals => "kind-vitals",
                Kind::Note => "kind-notes",
                Kind::Alert => "kind-alerts",
                Kind::Infusion => "kind-infusion",
                Kind::Answer => "kind-answers",
                Kind::Phase => "kind-phases",
                Kind::Music => "kind-music",
                Kind::Correction => "kind-corrections",
            },
            None,
        )
    }
}

/// Whether a row still stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Current,
    /// Marked entered in error: why.
    InError(String),
    /// Replaced by a later entry: why, and the entry that replaced it.
    Replaced(String, u64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The journal entry (none for an alert, which the session raises).
    pub seq: Option<u64>,
    /// When it happened.
    pub taken: Moment,
    /// When it was recorded.
    pub recorded: Moment,
    pub by: Option<String>,
    pub kind: Kind,
    pub text: String,
    pub status: Status,
    /// Recorded a minute or more after it happened.
    pub late: bool,
    /// The record holds times in more than one UTC offset (the laptop's
    /// time zone changed, or summer time began): each time says its zone.
    pub zoned: bool,
}

impl Row {
    /// When it happened, as the timeline shows it: `10:42`, or with its
    /// zone (`10:42 UTC+01:00`) in a record that spans two.
    pub fn taken_text(&self) -> String {
        self.time_text(&self.taken)
    }

    /// When it was recorded, likewise.
    pub fn recorded_text(&self) -> String {
        self.time_text(&self.recorded)
    }

    fn time_text(&self, m: &Moment) -> String {
        if self.zoned {
            format!("{} UTC{}", m.hhmm(), m.wall.format("%:z"))
        } else {
            m.hhmm()
        }
    }

    /// The row's marks, for a plain-text line: "late entry 10:47",
    /// "ENTERED IN ERROR (…)", "REPLACED by entry 14 (…)".
    pub fn marks(&self) -> Vec<String> {
        let mut m = Vec::new();
        if self.late {
            m.push(crate::t!("tl-late-recorded", at = self.recorded_text()));
        }
        match &self.status {
            Status::Current => {}
            Status::InError(r) => m.push(crate::t!("tl-mark-in-error", reason = r.clone())),
            Status::Replaced(r, by) => {
                m.push(crate::t!("tl-mark-replaced", by = *by, reason = r.clone()))
            }
        }
        m
    }
}

fn prompt_text(s: &Session, id: &str) -> String {
    s.protocol()
        .prompt(id)
        .map_or_else(|| id.to_string(), |(_, p)| p.text.clone())
}

/// What an event says, in a few words, in the language in use.
pub fn describe(s: &Session, ev: &Event, phase_after: Option<&str>) -> (Kind, String) {
    use crate::t;
    use Kind as K;
    let or_reason = |r: &Option<String>| r.as_ref().map(|r| format!(" — {r}")).unwrap_or_default();
    match ev {
        Event::Started(st) => (
            K::Phase,
            t!(
                "tl-started",
                session = st.session,
                patient = st.patient.clone(),
                mg = num(st.dose_mg)
            ),
        ),
        Event::Answered { prompt, text } if text.trim().is_empty() => (
            K::Answer,
            t!("tl-answer-cleared", prompt = prompt_text(s, prompt)),
        ),
        Event::Answered { prompt, text } => (
            K::Answer,
            crate::i18n::labelled(&prompt_text(s, prompt), &text.replace('\n', " / ")),
        ),
        Event::Ticked {
            prompt,
            checked: true,
            evidence: Some(e),
        } => (
            K::Answer,
            t!(
                "tl-ticked-evidence",
                prompt = prompt_text(s, prompt),
                evidence = super::evidence::record_words(e)
            ),
        ),
        Event::Ticked {
            prompt, checked, ..
        } => (
            K::Answer,
            if *checked {
                t!("tl-ticked", prompt = prompt_text(s, prompt))
            } else {
                t!("tl-unticked", prompt = prompt_text(s, prompt))
            },
        ),
        Event::Recorded { prompt, value } => {
            let shown = s.protocol().prompt(prompt).map_or_else(
                || format!("{value:?}"),
                |(_, p)| crate::protocol::values::show(p, value),
            );
            (
                K::Answer,
                crate::i18n::labelled(&prompt_text(s, prompt), &shown),
            )
        }
        Event::Vitals { reading } => (K::Vitals, t!("tl-vitals", reading = reading.to_string())),
        Event::MonitorReading(_)
        | Event::MonitorConfirmed { .. }
        | Event::MonitorRejected { .. } => (K::Vitals, super::monitor::describe(s, ev)),
        Event::MonitorAlarmAcknowledged { rule, entry } => (
            K::Alert,
            t!(
                "tl-device-alarm-acknowledged",
                rule = rule.clone(),
                entry = *entry
            ),
        ),
        Event::Note {
            text,
            tags,
            outside,
        } => {
            let mut tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", super::event::tag_labels(tags))
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
        Event::Advanced { reason } => (
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
        ),
        Event::DosingStarted => (
            K::Infusion,
            t!("flash-infusion-started", what = s.dosing.what()),
        ),
        Event::DosingPaused { reason } => (
            K::Infusion,
            format!("{} — {reason}", t!("flash-infusion-paused")),
        ),
        Event::DosingResumed => (K::Infusion, t!("flash-infusion-resumed")),
        Event::DosingStopped { reason } => (
            K::Infusion,
            format!("{} — {reason}", t!("tl-stopped-early")),
        ),
        Event::ConsentWithdrawn { reason } => (
            K::Infusion,
            format!("{} — {reason}", t!("tl-consent-withdrawn")),
        ),
        Event::AlertAcknowledged { alert, action } => (
            K::Alert,
            format!(
                "{}{}",
                t!("flash-alert-acknowledged", alert = *alert),
                or_reason(action)
            ),
        ),
        Event::MusicChosen { playlist, support } => (
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
        ),
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
        Event::Abandoned { reason } => (K::Phase, format!("{} — {reason}", t!("tl-ended-early"))),
        Event::MedicationGiven { .. }
        | Event::MedicationEffect { .. }
        | Event::KetamineDrawn { .. }
        | Event::KetamineWasted { .. } => (K::Infusion, describe_medication(s, ev)),
        Event::RiskScreened { answers, .. } => (
            K::Alert,
            super::risk::screen_words(s.protocol().risk.as_ref(), answers),
        ),
        Event::RiskAcknowledged { screen, action } => (
            K::Alert,
            format!(
                "{}{}",
                t!("tl-risk-acknowledged", entry = *screen),
                or_reason(action)
            ),
        ),
        Event::SafetyPlanned { element, text } => (
            K::Note,
            crate::i18n::labelled(
                &super::risk::PlanElement::parse(element)
                    .map_or_else(|| element.clone(), |e| t!("tl-plan", element = e.label())),
                text,
            ),
        ),
        Event::RiskHoldOverridden { reason } => {
            (K::Phase, format!("{} — {reason}", t!("tl-risk-overridden")))
        }
        Event::Corrected {
            entry,
            reason,
            with,
        } => match with {
            None => (
                K::Correction,
                t!("tl-entry-in-error", entry = *entry, reason = reason.clone()),
            ),
            Some(w) => (
                K::Correction,
                t!(
                    "tl-entry-replaced",
                    entry = *entry,
                    reason = reason.clone(),
                    now = describe(s, w, None).1
                ),
            ),
        },
        Event::AlarmAudioPaused { minutes, reason } => (
            K::Alert,
            format!(
                "{} — {reason}",
                t!("flash-alarm-sound-paused", minutes = *minutes)
            ),
        ),
        Event::AlarmAudioResumed => (K::Alert, t!("flash-alarm-sound-resumed")),
        Event::TechnicalAlarm { text } => (K::Alert, t!("tl-technical-alarm", text = text.clone())),
        Event::TechnicalAcknowledged { alarm } => {
            (K::Alert, t!("tl-technical-acknowledged", alarm = *alarm))
        }
        Event::AlarmSelfTest { device, problem } => (
            K::Alert,
            match (device, problem) {
                (_, Some(p)) => t!("tl-self-test-silent", problem = p.clone()),
                (Some(d), None) => t!("tl-self-test-device", device = d.clone()),
                (None, None) => t!("tl-self-test"),
            },
        ),
        Event::Addendum { text, reason } => (
            K::Correction,
            t!("tl-addendum", text = text.clone(), reason = reason.clone()),
        ),
        Event::CoSigned { clinician } => (K::Phase, t!("tl-co-signed", who = clinician.clone())),
    }
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
        Err(e) => (e.words(), String::new()),
    };
    crate::t!(
        "tl-outcome",
        name = ins.name.clone(),
        total = total,
        band = band,
        who = if self_report { "patient" } else { "clinician" }
    )
}

/// Whether an entry stands, was marked in error, or was replaced.
pub fn status_of(s: &Session, seq: u64) -> Status {
    match s.corrections.get(&seq) {
        None => Status::Current,
        Some(c) if c.replaced => Status::Replaced(c.reason.clone(), c.seq),
        Some(c) => Status::InError(c.reason.clone()),
    }
}

/// Every row up to `until`, in the order things happened (entries recorded
/// late sit where they happened; an alarm's escalations, reminders,
/// latching and resolution, worked out from the record, sit between).
pub fn rows(s: &Session, until: &Moment) -> Vec<Row> {
    let titles: Vec<&str> = s
        .protocol()
        .phases
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    let mut phase = 0usize;
    let mut out = Vec::new();
    for e in s.log() {
        if matches!(e.event, Event::Advanced { .. }) {
            phase += 1;
        }
        out.push(row(s, e, titles.get(phase).copied()));
    }
    for a in &s.alerts.alerts {
        let recorded = a
            .entry
            .and_then(|n| s.entry(n))
            .map_or_else(|| a.raised_at.clone(), |e| e.at.clone());
        out.push(Row {
            seq: None,
            late: recorded.since(&a.raised_at) >= super::entry::LATE_AFTER,
            zoned: false,
            taken: a.raised_at.clone(),
            recorded,
            by: None,
            kind: Kind::Alert,
            text: crate::t!(
                "tl-alert",
                id = a.id,
                priority = a.priority.word().to_uppercase(),
                what = a.headline()
            ),
            status: match (&a.in_error, &a.withdrawn) {
                (Some(r), _) => Status::InError(crate::t!("tl-alert-in-error", reason = r.clone())),
                (None, Some(w)) => Status::InError(crate::t!(
                    "tl-alert-withdrawn",
                    entry = w.entry,
                    at = w.at.hhmm()
                )),
                (None, None) => Status::Current,
            },
        });
        // What the record implies between: raised and acknowledged have
        // rows of their own.
        for (at, what) in s.alarm_transitions(a, until) {
            if matches!(
                what,
                super::alarms::Transition::Raised | super::alarms::Transition::Acknowledged(_)
            ) {
                continue;
            }
            out.push(Row {
                seq: None,
                taken: at.clone(),
                recorded: at,
                by: None,
                kind: Kind::Alert,
                text: crate::t!("tl-alarm", id = a.id, what = what.text()),
                status: Status::Current,
                late: false,
                zoned: false,
            });
        }
    }
    // Device alarms, worked out from the monitor's readings.
    out.extend(super::monitor_alarms::timeline_rows(s));
    out.sort_by(|a, b| {
        a.taken
            .since(&b.taken)
            .cmp(&0)
            .then(a.seq.unwrap_or(u64::MAX).cmp(&b.seq.unwrap_or(u64::MAX)))
    });
    let offset = s.started_at.wall.offset();
    let zoned = out
        .iter()
        .any(|r| r.taken.wall.offset() != offset || r.recorded.wall.offset() != offset);
    for r in &mut out {
        r.zoned = zoned;
    }
    out
}

fn row(s: &Session, e: &Entry, phase_after: Option<&str>) -> Row {
    let (kind, text) = describe(s, &e.event, phase_after);
    Row {
        seq: Some(e.seq),
        taken: e.when().clone(),
        recorded: e.at.clone(),
        by: e.stamp.by.clone(),
        kind,
        text,
        status: status_of(s, e.seq),
        late: e.is_late(),
        zoned: false,
    }
}

/// A rescue dose, its effect, or ketamine drawn up or wasted, in words.
pub fn describe_medication(s: &Session, ev: &Event) -> String {
    use crate::t;
    match ev {
        Event::MedicationGiven {
            drug,
            dose,
            unit,
            route,
            indication,
            given_by,
            outside,
        } => {
            let name = s
                .protocol()
                .drug(drug)
                .map_or(drug.clone(), |d| d.name.clone());
            let mut text = t!(
                "tl-med-given",
                drug = name,
                dose = format!("{} {unit}", num(*dose)),
                route = route.label(),
                indication = indication.clone(),
                by = given_by.clone()
            );
            if let Some(why) = outside {
                text.push_str(&format!(
                    " — {}",
                    t!("tl-outside-agreement", why = why.clone())
                ));
            }
            text
        }
        Event::MedicationEffect { entry, effect } => {
            t!("tl-med-effect", entry = *entry, effect = effect.clone())
        }
        Event::KetamineDrawn { mg } => t!("tl-ketamine-drawn", mg = num(*mg)),
        Event::KetamineWasted { mg, witness } => t!(
            "tl-ketamine-wasted",
            mg = num(*mg),
            witness = witness.clone()
        ),
        _ => String::new(),
    }
}
