//! What can be asked of the app: a [`Msg`], and the [`Technical`] faults
//! a tick can find.

use super::*;

/// One thing asked of the app.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A command from the key table.
    Do(Action),
    /// What the replay screen asks (`tui::replay`).
    Replay(crate::tui::replay::ReplayMsg),
    /// Leave kap (asked and confirmed).
    Quit,
    /// A reason given in a reason dialog.
    Reason {
        purpose: ReasonFor,
        text: String,
    },
    Note {
        text: String,
        tags: Vec<String>,
    },
    Acknowledge {
        alert: u32,
        action: Option<String>,
    },
    /// The alarm of the positive risk screen at journal entry `screen`.
    AcknowledgeRisk {
        screen: u64,
        action: Option<String>,
    },
    /// One element of the safety plan written (a new version when it
    /// was written before).
    SafetyPlan {
        element: crate::session::risk::PlanElement,
        text: String,
    },
    /// A risk screen answered (the dialog opened by `!`).
    Risk {
        screen: String,
        answers: Vec<u32>,
    },
    /// A typed value, parsed against its prompt.
    Value {
        prompt: Box<Prompt>,
        text: String,
    },
    /// A vitals line, as typed (`128/82 76 97`).
    Vitals(String),
    /// A medication line, as typed (`1 4 iv nausea`, `0 36`).
    Medication(String),
    /// A free-text answer to a prompt.
    Answer {
        prompt: String,
        text: String,
    },
    /// The course's goals, one per item.
    Goals(Vec<String>),
    /// Save the open editor (an answer, or the goals).
    SaveEditor,
    DiscardEditor,
    ChooseMusic(MusicOption),
    Preview(MusicOption),
    /// Open the correction of journal entry `entry` (from the timeline).
    OpenCorrection {
        entry: u64,
        original: String,
    },
    /// Correct an entry: `replacement` read as the same kind of entry, or
    /// empty for "entered in error".
    Correct {
        entry: u64,
        replacement: String,
        reason: String,
    },
    /// Sign and close (asked and confirmed), signed by clinician `i` of
    /// those present.
    SignAndClose(usize),
    /// End early: confirmed with what is open in view, to be signed by
    /// clinician `i`; the reason next.
    AskEndReason(usize),
    /// The signature was declined: said, so a listener hears it.
    NotSigned,
    /// The sign-off dialog now names clinician `i` (of those present) as
    /// signer: said, and nothing else until the signature is confirmed.
    SignerChosen(usize),
    /// A second clinician present co-signs the closed record.
    CoSign(String),
    /// An addendum to a closed, signed record.
    Addendum {
        text: String,
        reason: String,
    },
    /// Start the session the start form describes.
    Begin,
    /// Resume the unfinished session found for the start form's patient.
    ResumeFound,
    /// The start form's next kind of encounter: a dosing session, then
    /// each visit the protocol names, each way it may be held.
    NextVisitKind,
    /// The player reported something.
    Player(crate::audio::AudioEvent),
    /// Scenario events (by index) are due.
    Scenario(Vec<usize>),
    /// A tick found a technical fault: it is journalled as a technical
    /// alarm (and latches until acknowledged).
    Technical(Technical),
    /// The start form's patient id changed: what was looked up for the
    /// old one is forgotten.
    PatientEdited,
    /// Look up the start form's patient (their course, a session to
    /// resume) when the id is complete.
    LookUpPatient,
    /// Ask before leaving kap.
    AskQuit,
    /// Ask before throwing away the editor's changes.
    AskDiscard,
    /// `C` before the last phase: say where it works.
    CloseIsForTheLastPhase,
    /// Every item of an outcome measure answered on the self-report
    /// screen: save them.
    Outcome {
        instrument: String,
        phase: String,
        answers: Vec<u32>,
        lang: String,
    },
    /// Hand the self-report screen back to the clinician.
    CloseSelfReport,
    /// A rehearsal's simulated music device failed (the scenario or the
    /// instructor said so): the music stops, and the record says why.
    SimulatedSoundFailure,
}

/// What a tick can find wrong with the machine kap runs on. Found by the
/// shell (clocks, the simulated devices); worded and recorded by `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Technical {
    /// The suspend-counting clock moved this much between two ticks: the
    /// laptop slept or kap stalled.
    Suspended { gap: Millis },
    /// The wall clock moved this much more (positive) or less than the
    /// suspend-counting one: the system clock was changed.
    ClockJumped { by: Millis },
    /// A rehearsal stopped for this long held its simulated time.
    RehearsalHeld { gap: Millis },
    /// The bedside monitor's feed has sent nothing for this long.
    MonitorSilent { gap: Millis },
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Do(a)
    }
}
