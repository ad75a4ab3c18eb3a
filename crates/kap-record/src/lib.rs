//! The record of sessions: the append-only, fsynced journal, the folders
//! it lives in, replay and resume.

// The core this crate stands on, under the names the record's modules use
// (`crate::session`, `crate::say!`…), as in the `kap` crate.
use kap_core::{i18n, input, outcome, phrase, protocol, say, session, text};

pub mod audit;
pub mod course;
mod course_facts;
pub mod course_table;
pub mod course_words;
pub mod csv;
pub mod doc;
pub mod export;
pub mod fhir;
pub mod fhir_out;
pub mod fhir_tx;
pub mod html;
pub mod index;
pub mod journal;
pub mod listing;
pub mod lock;
pub mod names;
pub mod outcome_words;
pub mod replay;
pub mod risk;
pub mod seal;
pub mod store;
pub mod summary;
mod summary_device;
mod summary_meds;
mod summary_phases;
pub mod timeline_md;
pub mod verdict;
pub mod verify;

pub use journal::{Journal, ReadOutcome, Record};
pub use store::{Listing, OpenSession, RecordError, RecordOrRefusal, Startless, Store};
pub use verify::{Finding, Problem};
