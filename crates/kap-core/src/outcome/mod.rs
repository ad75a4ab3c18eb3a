//! Outcome measures, pure: the instruments kap ships, an administration
//! scored (total, band), and a course of scores read against its
//! baseline (change, response, remission). No language, no clock: dates
//! and answers are handed in, typed values come out, and the shell
//! (`record::outcome_words`, the self-report screen, `kap course`) words
//! them.

use crate::protocol::Instrument;

pub mod course;
pub mod score;

pub use course::{Point, Trend, trend};
pub use score::{ScoreError, Scored, score};

/// The instrument files kap ships (`instruments/`), built into the binary.
pub const SHIPPED: [(&str, &str); 2] = [
    ("phq9", include_str!("../../../../instruments/phq9.toml")),
    ("gad7", include_str!("../../../../instruments/gad7.toml")),
];

/// A shipped instrument by id; `None` for an id kap does not ship (or a
/// file that does not read, which a test rules out).
pub fn shipped(id: &str) -> Option<Instrument> {
    SHIPPED
        .iter()
        .find(|(i, _)| *i == id)
        .and_then(|(_, text)| toml::from_str(text).ok())
}
