//! kap — a terminal companion for ketamine-assisted psychotherapy dosing
//! sessions. Each folder under `src/` is one part of the product (see
//! `README.md`): `record` for the journal and exports, `tui` for the
//! full-screen app, `cli` for the command line. The core they stand on
//! (protocol files and dose arithmetic, the session's rules) is the
//! `kap-core` crate in `crates/kap-core`.

// The core layer, in its own crate (crates/kap-core): re-exported under
// the names the rest of kap and its tests use.
pub use kap_core::{
    clocks, errln, i18n, input, outcome, outln, outp, phrase, protocol, say, session, t, text,
};
// The bedside monitor's feed (crates/kap-monitor), on the core alone.
pub use kap_monitor as monitor;
// The record and the documents written from it (crates/kap-record), on
// the core alone.
pub use kap_record as record;

pub mod audio;
pub mod cli;
pub mod doctor;
pub mod instruct;
pub mod push;
pub mod rehearsal;
pub mod share;
pub mod site_paths;
pub mod tui;
