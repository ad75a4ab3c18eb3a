//! kap — a terminal companion for ketamine-assisted psychotherapy dosing
//! sessions. Each folder under `src/` is one part of the product (see
//! `README.md`): `push` for sending the record to the clinic's server,
//! `tui` for the full-screen app, `cli` for the command line. The layers
//! they stand on are crates of their own, re-exported here under the
//! names the rest of kap and its tests use: `kap-core` (protocol files and
//! dose arithmetic, the session's rules), `kap-monitor` (the bedside
//! monitor's feed), `kap-record` (the journal and the documents written
//! from it) and `kap-rehearsal` (the simulated patient and the trainee's
//! report).

// The core layer, in its own crate (crates/kap-core): re-exported under
// the names the rest of kap and its tests use.
pub use kap_core::{
    clocks, errln, i18n, input, outcome, outln, outp, phrase, protocol, say, session, text,
};
// The bedside monitor's feed (crates/kap-monitor), on the core alone.
pub use kap_monitor as monitor;
// The record and the documents written from it (crates/kap-record), on
// the core alone.
pub use kap_record as record;
// The rehearsal's simulated patient and the trainee's report
// (crates/kap-rehearsal), on the core and the record.
pub use kap_rehearsal as rehearsal;

pub mod audio;
pub mod cli;
pub mod doctor;
pub mod instruct;
pub mod push;
pub mod share;
pub mod site_paths;
pub mod tui;
