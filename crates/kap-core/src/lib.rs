//! kap's core (issue #28, "layers the compiler keeps"): protocol files and
//! dose arithmetic (`protocol`), the session's pure rules driven by events
//! and an injected clock (`session`), the outcome measures' scoring
//! (`outcome`), the message catalogues (`i18n`), bounded reading of input
//! (`input`), terminal text helpers (`text`) and the clocks (`clocks`).
//!
//! Nothing here reaches the record on disk, the exports, the rehearsal
//! simulation, the terminal or the command line: they live in the `kap`
//! crate, which depends on this one, and the compiler refuses the other
//! direction.

pub mod clocks;
pub mod i18n;
pub mod input;
pub mod outcome;
pub mod protocol;
pub mod session;
pub mod text;
