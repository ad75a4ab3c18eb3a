//! The instructor's link: `kap instruct` in a second terminal attaches
//! to a running rehearsal on the same machine, shows what the trainee's
//! session is doing and changes the simulation while the trainee works.
//! This is what the two ends say and the rehearsal's end of the socket
//! (`server`); the console itself is a screen of the terminal app
//! (`tui::instructor`), and the rehearsal's side of it `tui::app::sim`.
//!
//! The two processes talk over a Unix socket in the rehearsal's folder
//! (mode 0600 inside the private data folder: the same user only, no
//! network), one JSON object per line each way. The rehearsal answers a
//! status request at once from the snapshot it publishes every tick; every
//! other request is carried out by the rehearsal's own loop on its next
//! tick, journalled in the simulation log, and then answered.

pub mod server;

use crate::rehearsal::inject::Injection;
use serde::{Deserialize, Serialize};

/// The socket's name in a rehearsal folder.
pub const SOCKET: &str = crate::record::names::INSTRUCTOR_SOCKET;
/// Longest request or reply line read (a status is a few KiB).
pub const MAX_LINE: u64 = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "kebab-case")]
pub enum Request {
    /// What the rehearsal looks like now.
    Status,
    /// Change the simulation.
    Inject { injection: Injection },
    /// Fire one of the scenario's named injections.
    Fire { id: String },
    /// Stop simulated time.
    Pause,
    /// Let simulated time run again.
    Resume,
    /// Run simulated time at this many times real time (1 to 120).
    Speed { speed: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "kebab-case")]
pub enum Reply {
    Done { message: String },
    Refused { message: String },
    Status { status: Box<Status> },
}

/// The rehearsal as the instructor sees it: the trainee's screen in short,
/// and the simulated patient's true values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// Protocol, session and patient, in one line.
    pub session: String,
    pub scenario: Option<String>,
    /// The phase on the trainee's screen.
    pub phase: String,
    /// The simulated clock (HH:MM:SS).
    pub clock: String,
    /// The infusion's state in one line, and its timer.
    pub dosing: String,
    pub elapsed: Option<String>,
    pub speed: f64,
    pub paused: bool,
    /// The monitor: HR, SpO₂ (none while the probe is off), the last
    /// cycled BP, and what the patient is saying.
    pub hr: Option<u16>,
    pub spo2: Option<u16>,
    pub bp: Option<String>,
    pub said: Vec<String>,
    /// The true blood pressure now (the trainee sees it only by cycling
    /// the cuff).
    pub true_bp: Option<String>,
    /// The trainee's last vitals entry, with its time.
    pub entered: Option<String>,
    /// Alarms not yet resolved, with their state.
    pub alarms: Vec<String>,
    /// What was agreed before the dose (touch, if distressed, guiding,
    /// eyeshades), in one line, as the trainee's screen shows it.
    #[serde(default)]
    pub agreed: Option<String>,
    /// The risk pathway in one line (latest screen, safety plan), as the
    /// trainee's screen shows it.
    #[serde(default)]
    pub risk: Option<String>,
    /// Rescue medication: the doses given, then the effects waiting for
    /// their re-check.
    #[serde(default)]
    pub meds: Vec<String>,
    /// The scenario's named injections: (id, name).
    pub named: Vec<(String, String)>,
    /// Devices failed now, by their wire name.
    pub failed: Vec<crate::rehearsal::inject::Device>,
    /// The latest injections, newest last, each with its simulated time.
    pub log: Vec<String>,
    /// The session has been closed (the report is written).
    pub closed: bool,
}
