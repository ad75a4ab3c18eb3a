//! One administration scored: the answers checked against the instrument,
//! the total worked out (reversed items turned round), and its band.

use crate::protocol::{Band, Instrument, TotalMethod};
use serde::Serialize;

/// What a set of answers scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scored {
    pub total: u32,
    /// The index of the band the total falls in, when the instrument has
    /// bands.
    pub band: Option<usize>,
    /// The items marked `flag` answered above their lowest choice, by
    /// index.
    pub flagged: Vec<usize>,
}

/// Why answers do not score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    /// Not one answer per item.
    Count { answers: usize, items: usize },
    /// An answer that is none of the choices' values.
    NotAChoice { item: usize, value: u32 },
}

impl ScoreError {
    /// What is wrong, to be said in a language.
    pub fn words(&self) -> crate::i18n::Phrase {
        match self {
            ScoreError::Count { answers, items } => {
                crate::phrase!("outcome-answer-count", answers = *answers, items = *items)
            }
            ScoreError::NotAChoice { item, value } => {
                crate::phrase!("outcome-not-a-choice", item = item + 1, value = *value)
            }
        }
    }
}

/// The value an answer scores: its own, or turned round for a reversed
/// item (the lowest choice scores the highest).
fn item_score(instr: &Instrument, item: usize, value: u32) -> u32 {
    let (lo, hi) = instr.item_range();
    let reversed = instr
        .items
        .get(item)
        .is_some_and(|it| instr.scoring.reversed.contains(&it.id));
    // lo ≤ value ≤ hi (a choice's value): no overflow either way.
    if reversed {
        hi - value.saturating_sub(lo)
    } else {
        value
    }
}

/// Score `answers` (one choice value per item, in item order).
pub fn score(instr: &Instrument, answers: &[u32]) -> Result<Scored, ScoreError> {
    if answers.len() != instr.items.len() {
        return Err(ScoreError::Count {
            answers: answers.len(),
            items: instr.items.len(),
        });
    }
    if let Some((item, &value)) = answers
        .iter()
        .enumerate()
        .find(|(_, v)| !instr.choices.iter().any(|c| c.value == **v))
    {
        return Err(ScoreError::NotAChoice { item, value });
    }
    let total = match instr.scoring.method {
        TotalMethod::Sum => answers
            .iter()
            .enumerate()
            .map(|(i, &v)| item_score(instr, i, v))
            .fold(0u32, u32::saturating_add),
    };
    let (lo, _) = instr.item_range();
    let flagged = answers
        .iter()
        .enumerate()
        .filter(|(i, v)| **v > lo && instr.items.get(*i).is_some_and(|it| it.flag))
        .map(|(i, _)| i)
        .collect();
    Ok(Scored {
        total,
        band: band_of(&instr.bands, total),
        flagged,
    })
}

/// The band `total` falls in.
pub fn band_of(bands: &[Band], total: u32) -> Option<usize> {
    bands.iter().position(|b| b.min <= total && total <= b.max)
}
