//! Everything a key can ask of a session: the actions the key table binds.

/// Declares `Action` and `Action::ALL` from one list, so the list of every
/// action cannot miss one (the test that each has a key walks it).
macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Everything a key can ask of a session.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action {
            $($(#[$doc])* $name,)*
        }

        impl Action {
            /// Every action, in declaration order.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];
        }
    };
}

actions! {
    Leave,
    Help,
    NextTheme,
    EnterVitals,
    Note,
    Acknowledge,
    EndEarly,
    RecordMeasure,
    EditGoals,
    LookBack,
    Next,
    Close,
    Up,
    Down,
    Activate,
    Tick,
    ToggleChimes,
    VolumeUp,
    VolumeDown,
    NextTrack,
    Faster,
    Slower,
    PauseSimulation,
    CycleCuff,
    StartInfusion,
    PauseInfusion,
    StopInfusion,
    Music,
    CheckIn,
    StartDebrief,
    ChooseMusic,
    RecreateFolder,
    WithdrawConsent,
    NextAuthor,
    Timeline,
    Addendum,
    /// A second clinician present co-signs the closed record.
    CoSign,
    PauseAlarmSound,
    PreviousEvent,
    NextEvent,
    Branch,
    Medication,
    /// Open the protocol's risk screen, at any moment of a session.
    RiskScreen,
    /// Open the safety plan: read it, write an element.
    SafetyPlan,
    /// Hand the laptop to the patient for an outcome measure.
    SelfReport,
    /// The oldest unconfirmed monitor reading becomes the clinician's.
    ConfirmReading,
    /// Every unconfirmed monitor reading becomes the clinician's.
    ConfirmAllReadings,
    /// The oldest unconfirmed monitor reading is an artefact (asks why).
    RejectReading,
}
