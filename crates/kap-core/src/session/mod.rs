//! The session core: a pure state machine driven by events and the moments
//! they happened at. No terminal, disk, audio or real time inside — the
//! shell reads a [`clock::Clock`] and hands the core its moments.

pub mod agreements;
pub mod alarms;
pub mod alerts;
pub mod clock;
pub mod course;
pub mod entry;
pub mod event;
pub mod evidence;
pub mod monitor;
pub mod monitor_alarms;
pub mod risk;
pub mod start_check;
pub mod state;
pub mod timeline;
pub mod visits;
pub mod vitals;
pub mod vitals_rows;

pub use clock::{Clock, MINUTE, Millis, Moment, SECOND, SimClock};
pub use entry::{Entry, Stamp, Taken, split_taken};
pub use event::{CourseNote, Event, PatientIdentity, SessionStart, VisitStart};
pub use start_check::{StartFields, dose_disagreement, plan_start, plan_visit};
pub use state::{Advance, Delivered, DosingState, Due, DueState, Refusal, Session, StepNow};
