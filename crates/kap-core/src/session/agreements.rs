//! The agreements made before the dose (touch, what to do if distressed,
//! guiding, eyeshades), as the session's answers stand: kept in view
//! while the patient is under, and held against what is recorded then.

use super::{Refusal, Session};
use crate::i18n::Phrase;
use crate::protocol::values::{Value, show};
use crate::protocol::{Agreement, Prompt, PromptKind};

/// One agreement and what was agreed (the answer as recorded, its first
/// line for a text answer).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreed {
    pub agreement: Agreement,
    /// The prompt that recorded it.
    pub prompt: String,
    /// Said when shown: a text answer as typed, a value as the protocol
    /// shows it.
    pub answer: Phrase,
    /// The note tags this answer rules out (from the protocol).
    pub rules_out: Vec<String>,
}

impl Session {
    /// Every agreement the protocol asks for in this session and that has
    /// been answered, in the protocol's order.
    pub fn agreements(&self) -> Vec<Agreed> {
        self.protocol()
            .phases
            .iter()
            .flat_map(|ph| self.prompts(ph))
            .filter_map(|p| {
                let agreement = p.agreement?;
                let (answer, choice) = self.agreed_answer(p)?;
                let number = choice.and_then(|c| p.choices.iter().position(|x| *x == c));
                let rules_out = p
                    .rules_out
                    .iter()
                    .filter(|r| number.is_some_and(|n| r.choice == n + 1))
                    .flat_map(|r| r.tags.iter().cloned())
                    .collect();
                Some(Agreed {
                    agreement,
                    prompt: p.id.clone(),
                    answer,
                    rules_out,
                })
            })
            .collect()
    }

    /// The answer to an agreement's prompt, shown, and the choice made
    /// when it is a choice.
    fn agreed_answer(&self, p: &Prompt) -> Option<(Phrase, Option<String>)> {
        match p.kind {
            PromptKind::Text => {
                let a = self.answers.get(&p.id)?;
                let first = a.text.lines().next().unwrap_or("").trim().to_string();
                (!first.is_empty()).then_some((Phrase::Verbatim(first), None))
            }
            _ => {
                let v = &self.latest_value(&p.id)?.value;
                let choice = match v {
                    Value::Choice(c) => Some(c.clone()),
                    _ => None,
                };
                Some((show(p, v), choice))
            }
        }
    }

    /// The agreement a note's tags go beyond, if any: the first agreed
    /// answer that rules one of them out.
    pub fn beyond_agreement(&self, tags: &[String]) -> Option<Agreed> {
        self.agreements()
            .into_iter()
            .find(|a| a.rules_out.iter().any(|t| tags.contains(t)))
    }

    /// A note beyond an agreement needs its reason; one within them must
    /// not claim to be beyond.
    pub(super) fn check_note_agreement(
        &self,
        tags: &[String],
        outside: Option<&str>,
    ) -> Result<(), Refusal> {
        match (self.beyond_agreement(tags), outside) {
            (Some(a), None) => Err(Refusal::new(crate::phrase!(
                "ref-beyond-agreement",
                agreement = crate::i18n::Phrase::msg(agreement_word(a.agreement)),
                answer = a.answer.clone()
            ))),
            (Some(_), Some(why)) if why.trim().is_empty() => {
                Err(Refusal::new(crate::phrase!("ref-beyond-agreement-reason")))
            }
            (None, Some(_)) => Err(Refusal::new(crate::phrase!("ref-within-agreement"))),
            _ => Ok(()),
        }
    }
}

/// The message id naming an agreement.
pub fn agreement_word(a: Agreement) -> &'static str {
    match a {
        Agreement::Touch => "agreement-touch",
        Agreement::Distress => "agreement-distress",
        Agreement::Guiding => "agreement-guiding",
        Agreement::Eyeshades => "agreement-eyeshades",
        Agreement::Medication => "agreement-medication",
        Agreement::MedicationDoses => "agreement-medication-doses",
    }
}
