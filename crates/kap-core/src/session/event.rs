//! Everything that can happen in a session. Events are what the journal
//! stores: replaying them in order, at their recorded moments, rebuilds the
//! session exactly.

use super::vitals::Reading;
use serde::{Deserialize, Serialize};

/// Facts fixed when a session begins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionStart {
    /// Pseudonymous patient id.
    pub patient: String,
    /// Course session number (1-based).
    pub session: u32,
    pub protocol_id: String,
    pub protocol_version: String,
    pub weight_kg: f64,
    pub mg_per_kg: f64,
    pub dose_mg: f64,
    /// A rehearsal on a simulated patient, never a real session.
    pub rehearsal: bool,
    /// Why the session is held outside the protocol's date window, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_note: Option<String>,
    /// Why the session was started though its number does not follow the
    /// course (a repeat, a gap, maintenance before the course ends, a
    /// recent dose under another protocol): what was found, and the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_note: Option<CourseNote>,
    /// The clinicians present (name or initials, and role), as given at
    /// the start; the first is the default author of entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clinicians: Vec<String>,
    /// The interface the session was started in, when it was not the full
    /// screen: `"screen-reader"`. Nothing else about the record differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<String>,
    /// The language kap spoke when the session was started (`en`, `fr-CA`,
    /// `pt-BR`). The record itself is language-free: a session resumed in
    /// another language reads the same entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// A visit (assessment, preparation, integration, follow-up,
    /// maintenance review) rather than a dosing session: its kind and how
    /// it is held. Absent in a dosing session, so older journals read
    /// unchanged. A visit gives no dose (`weight_kg`, `mg_per_kg` and
    /// `dose_mg` are 0); `session` is the course dose it leads to (an
    /// assessment, a preparation) or follows (the rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<VisitStart>,
    /// What the patient id is, when the site's `push.toml` said at the
    /// start: a value in the site's own identifier system, or the clinic's
    /// number for the patient. Absent: a pseudonym in kap's own system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<PatientIdentity>,
}

/// What kind of visit a session record is, and how it is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitStart {
    pub kind: crate::protocol::VisitKind,
    #[serde(default, skip_serializing_if = "is_in_person")]
    pub contact: crate::protocol::Contact,
}

fn is_in_person(c: &crate::protocol::Contact) -> bool {
    *c == crate::protocol::Contact::InPerson
}

impl SessionStart {
    /// The kind of visit, when the record is a visit.
    pub fn visit_kind(&self) -> Option<crate::protocol::VisitKind> {
        self.visit.map(|v| v.kind)
    }
}

/// The identifier system a patient id is a value in, as recorded at the
/// start (see `push::config`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct PatientIdentity {
    pub system: String,
    /// The id is the clinic's own number for the patient (a medical record
    /// number): the clinic's Patient is found by it, never made by kap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clinic_number: bool,
}

/// What the session-number checks found at the start, and the reason the
/// clinician gave for starting all the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseNote {
    pub checks: Vec<crate::session::course::numbering::NumberCheck>,
    pub reason: String,
}

/// Why the infusion was paused or stopped, or why a step was skipped.
pub type Reason = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Event {
    /// The first event of every session.
    Started(SessionStart),
    /// A free-text answer (an empty text clears it).
    Answered {
        prompt: String,
        text: String,
    },
    /// A typed value for a yes/no, choice, number, time or scale prompt.
    Recorded {
        prompt: String,
        value: crate::protocol::values::Value,
    },
    /// A checklist item ticked or unticked.
    Ticked {
        prompt: String,
        checked: bool,
        /// For a prompt that names its evidence (`evidence_visit`), when
        /// ticked: the visit it rests on, or that none was recorded in
        /// kap. Absent otherwise, so older journals read unchanged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        evidence: Option<crate::session::evidence::Evidence>,
    },
    /// A set of vital signs.
    Vitals {
        reading: Reading,
    },
    /// Readings the bedside monitor sent (`kap run --monitor`), received
    /// and not yet the clinician's: see `session::monitor`.
    MonitorReading(Box<super::monitor::MonitorReading>),
    /// The monitor reading received as journal entry `entry` confirmed:
    /// it is now the clinician's vitals entry, taken when received.
    MonitorConfirmed {
        entry: u64,
    },
    /// The monitor reading received as journal entry `entry` rejected as
    /// an artefact, and why. It stays in the record, never in the vitals.
    MonitorRejected {
        entry: u64,
        reason: Reason,
    },
    /// A device alarm (continuous HR or SpO₂ from the monitor past a
    /// protocol limit: `session::monitor_alarms`) acknowledged by the
    /// clinician: the alarm of rule `rule` raised by monitor reading
    /// `entry`.
    MonitorAlarmAcknowledged {
        rule: String,
        entry: u64,
    },
    /// A timestamped note, with optional quick tags.
    Note {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        tags: Vec<String>,
        /// Why a tag an agreement rules out was recorded all the same
        /// (supportive touch after "no touch"): needed, and kept, then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outside: Option<String>,
    },
    /// Move to the next phase; a reason is needed to leave required
    /// prompts unanswered.
    Advanced {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Reason>,
    },
    /// The infusion starts (for a bolus: the dose is given).
    DosingStarted,
    DosingPaused {
        reason: Reason,
    },
    DosingResumed,
    /// The infusion is stopped before its planned end.
    DosingStopped {
        reason: Reason,
    },
    /// Acknowledge an alert, with what was done if anything.
    AlertAcknowledged {
        alert: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
    },
    /// Music or a no-music support chosen for the dosing phase.
    MusicChosen {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        playlist: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        support: Option<String>,
    },
    MusicStarted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        track: Option<String>,
    },
    /// Music stopped by the clinician, or failed.
    MusicStopped {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Reason>,
    },
    /// The playlist reached its end.
    MusicEnded,
    /// The next track began.
    TrackChanged {
        track: String,
    },
    /// A track could not be played (skipped), or another music problem.
    MusicProblem {
        text: String,
    },
    /// A no-music check-in with the patient was done.
    CheckedIn {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The course's goals as they stand now, one per entry (replaces the
    /// previous list; earlier lists stay in the journals as history).
    GoalsSet {
        goals: Vec<String>,
    },
    /// The clinician starts the debrief clock now.
    DebriefStarted,
    /// The session is complete and closed.
    Closed,
    /// An outcome measure answered (a rating scale the protocol names in
    /// `[[course.measure]]`): the instrument and the version of its
    /// definition, one choice value per item in item order, the phase it
    /// was given in, whether the patient answered it on the self-report
    /// screen, and the language its items were shown in. The entry's `by`
    /// is the clinician who gave it. The total is worked out from the
    /// answers, never stored.
    OutcomeCompleted {
        instrument: String,
        version: String,
        answers: Vec<u32>,
        phase: String,
        self_report: bool,
        lang: String,
    },
    /// The session ends early and is closed.
    /// An earlier entry (by its journal number) was entered in error, or is
    /// replaced by `with`, an entry of the same kind for the same moment.
    /// The original stays in the journal and is shown struck through.
    Corrected {
        entry: u64,
        reason: Reason,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        with: Option<Box<Event>>,
    },
    /// The clinician paused alarm sound for `minutes`, with a reason.
    AlarmAudioPaused {
        minutes: u32,
        reason: Reason,
    },
    /// Alarm sound resumed before the pause ran out.
    AlarmAudioResumed,
    /// Something went wrong with the laptop rather than the patient: the
    /// clock jumped, or kap was suspended or stalled.
    TechnicalAlarm {
        text: String,
    },
    /// A clinician acknowledged technical alarm `alarm` (numbered from 1
    /// in the order raised, the self-test's included).
    TechnicalAcknowledged {
        alarm: u32,
    },
    /// At the start of a real session each priority's signal was shown
    /// and the alarm tone played on `device`; or why it could not be.
    AlarmSelfTest {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        device: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        problem: Option<String>,
    },
    /// After closing and signing, the only change a record takes: a dated,
    /// authored addition with its reason.
    Addendum {
        text: String,
        reason: Reason,
    },
    /// A second clinician present co-signs the closed record (the entry's
    /// author is that clinician). The signature itself is never rewritten.
    CoSigned {
        clinician: String,
    },
    /// The patient withdrew consent after the infusion started: the
    /// infusion stops (if still running) and the record says why.
    ConsentWithdrawn {
        reason: Reason,
    },
    Abandoned {
        reason: Reason,
    },
    /// A rescue or as-needed drug of the protocol's formulary given; when
    /// it was given is the entry's time taken, who gave it `given_by` (the
    /// entry's author is who recorded it).
    MedicationGiven {
        /// The formulary's drug id.
        drug: String,
        dose: f64,
        /// The dose's unit, as the formulary had it.
        unit: String,
        route: crate::protocol::MedRoute,
        indication: String,
        given_by: String,
        /// Why it was given beyond the medication agreed or the
        /// formulary's limits: needed, and kept, then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outside: Option<String>,
    },
    /// The effect of the rescue dose recorded as journal entry `entry`,
    /// checked again.
    MedicationEffect {
        entry: u64,
        effect: String,
    },
    /// Ketamine drawn up for this session, in mg.
    KetamineDrawn {
        mg: f64,
    },
    /// Ketamine wasted, in mg, seen by `witness` (not the entry's author).
    KetamineWasted {
        mg: f64,
        witness: String,
    },
    /// A risk screen: the answer to each of the protocol's risk items, in
    /// order, numbered from 1 (yes/no: 1 = no, 2 = yes). The score and
    /// whether it is positive are worked out from the protocol.
    RiskScreened {
        screen: String,
        answers: Vec<u32>,
    },
    /// The alarm the positive screen at journal entry `screen` raised is
    /// acknowledged, with what was done if anything.
    RiskAcknowledged {
        screen: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
    },
    /// One element of the safety plan written; a later one for the same
    /// element stands in for it, and both stay.
    SafetyPlanned {
        element: String,
        text: String,
    },
    /// Closing after a positive screen without a negative reassessment,
    /// and why.
    RiskHoldOverridden {
        reason: Reason,
    },
}

impl Event {
    /// A short label for lists and the journal viewer.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Started(_) => "started",
            Event::Answered { .. } => "answered",
            Event::Ticked { .. } => "ticked",
            Event::Recorded { .. } => "recorded",
            Event::Vitals { .. } => "vitals",
            Event::MonitorReading(_) => "monitor-reading",
            Event::MonitorConfirmed { .. } => "monitor-confirmed",
            Event::MonitorRejected { .. } => "monitor-rejected",
            Event::MonitorAlarmAcknowledged { .. } => "monitor-alarm-acknowledged",
            Event::Note { .. } => "note",
            Event::Advanced { .. } => "advanced",
            Event::DosingStarted => "dosing-started",
            Event::DosingPaused { .. } => "dosing-paused",
            Event::DosingResumed => "dosing-resumed",
            Event::DosingStopped { .. } => "dosing-stopped",
            Event::AlertAcknowledged { .. } => "alert-acknowledged",
            Event::MusicChosen { .. } => "music-chosen",
            Event::MusicStarted { .. } => "music-started",
            Event::MusicStopped { .. } => "music-stopped",
            Event::MusicEnded => "music-ended",
            Event::TrackChanged { .. } => "track-changed",
            Event::MusicProblem { .. } => "music-problem",
            Event::CheckedIn { .. } => "checked-in",
            Event::GoalsSet { .. } => "goals-set",
            Event::OutcomeCompleted { .. } => "outcome-completed",
            Event::DebriefStarted => "debrief-started",
            Event::Closed => "closed",
            Event::Abandoned { .. } => "abandoned",
            Event::ConsentWithdrawn { .. } => "consent-withdrawn",
            Event::Corrected { .. } => "corrected",
            Event::Addendum { .. } => "addendum",
            Event::CoSigned { .. } => "co-signed",
            Event::AlarmAudioPaused { .. } => "alarm-audio-paused",
            Event::AlarmAudioResumed => "alarm-audio-resumed",
            Event::AlarmSelfTest { .. } => "alarm-self-test",
            Event::TechnicalAlarm { .. } => "technical-alarm",
            Event::TechnicalAcknowledged { .. } => "technical-acknowledged",
            Event::MedicationGiven { .. } => "medication-given",
            Event::MedicationEffect { .. } => "medication-effect",
            Event::KetamineDrawn { .. } => "ketamine-drawn",
            Event::KetamineWasted { .. } => "ketamine-wasted",
            Event::RiskScreened { .. } => "risk-screened",
            Event::RiskAcknowledged { .. } => "risk-acknowledged",
            Event::SafetyPlanned { .. } => "safety-planned",
            Event::RiskHoldOverridden { .. } => "risk-hold-overridden",
        }
    }

    /// The kind in words, in the language given (`event-kind-<kind>`),
    /// for refusals; journals keep [`Event::kind`].
    pub fn kind_name(&self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::Named(format!("event-kind-{}", self.kind()))
    }
}

/// The quick tags for one-key notes, as journals store them (scenarios
/// match a note by these English words), with the message that names each
/// on screen.
pub const NOTE_TAGS: [(&str, &str); 9] = [
    ("nausea", "note-tag-nausea"),
    ("vomiting", "note-tag-vomiting"),
    ("distress", "note-tag-distress"),
    ("tearful", "note-tag-tearful"),
    ("BP intervention", "note-tag-bp-intervention"),
    ("dizziness", "note-tag-dizziness"),
    ("anxiety", "note-tag-anxiety"),
    ("asked to stop", "note-tag-asked-to-stop"),
    // Supportive touch given: an agreement may rule it out (`rules_out`).
    ("touch", "note-tag-touch"),
];

/// A stored note tag in the language given; a tag kap does not know
/// (from another version's journal) is shown as stored.
pub fn tag_label(tag: &str) -> crate::i18n::Phrase {
    NOTE_TAGS
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or_else(|| tag.into(), |(_, id)| crate::i18n::Phrase::msg(id))
}

/// Stored tags in the language given, separated by commas.
pub fn tag_labels(tags: &[String]) -> crate::i18n::Phrase {
    crate::i18n::Phrase::join(tags.iter().map(|t| tag_label(t)).collect(), ", ")
}
