//! kap — a terminal companion for ketamine-assisted psychotherapy dosing
//! sessions. Each folder under `src/` is one part of the product
//! (see `README.md`): `protocol` for protocol files and dose arithmetic,
//! `cli` for the command line.

pub mod audio;
pub mod cli;
pub mod clocks;
pub mod doctor;
pub mod i18n;
pub mod input;
pub mod instruct;
pub mod monitor;
pub mod outcome;
pub mod protocol;
pub mod push;
pub mod record;
pub mod rehearsal;
pub mod session;
pub mod share;
pub mod site_paths;
pub mod text;
pub mod tui;
