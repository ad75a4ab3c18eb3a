//! Rescue medication and ketamine accounting in the session: each drug
//! given from the protocol's formulary, held against the medication
//! agreed before the dose and the formulary's limits (beyond them only
//! with a recorded reason), its effect re-check falling due at the
//! protocol's minute; and the ketamine drawn up, given (worked out from
//! the infusion, as always) and wasted with a witness.

use super::*;
use crate::i18n::Phrase;
use crate::protocol::{Agreement, Drug, MedRoute};

/// A rescue drug given, as the session keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedEntry {
    /// The journal entry it came from.
    pub seq: u64,
    /// When it was given.
    pub at: Moment,
    /// When it was recorded, for a late entry.
    pub entered: Option<Moment>,
    /// Who made the entry.
    pub by: Option<String>,
    pub drug: String,
    pub dose: f64,
    pub unit: String,
    pub route: MedRoute,
    pub indication: String,
    pub given_by: String,
    /// Why it was given beyond the agreement or the formulary's limits.
    pub outside: Option<String>,
    /// Its effect, once re-checked.
    pub effect: Option<MedEffect>,
}

/// The effect of a rescue dose, checked again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedEffect {
    pub seq: u64,
    pub at: Moment,
    pub by: Option<String>,
    pub text: String,
}

/// An amount of ketamine drawn up or wasted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KetamineAmount {
    pub seq: u64,
    pub at: Moment,
    pub mg: f64,
    /// When it was recorded, for a late entry (`at` is when it was drawn
    /// up or wasted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered: Option<Moment>,
    pub by: Option<String>,
    /// For a waste: the second person who saw it.
    pub witness: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ketamine {
    pub drawn: Vec<KetamineAmount>,
    pub wasted: Vec<KetamineAmount>,
}

/// Drawn up, given and wasted, in mg.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accounting {
    pub drawn: f64,
    pub given: f64,
    pub wasted: f64,
}

impl Accounting {
    /// Drawn − given − wasted, to the 0.1 mg: what no entry accounts for
    /// (negative: more given and wasted than drawn).
    pub fn difference(&self) -> f64 {
        ((self.drawn - self.given - self.wasted) * 10.0).round() / 10.0
    }

    /// Drawn = given + wasted, to the 0.1 mg.
    pub fn balances(&self) -> bool {
        self.difference() == 0.0
    }
}

/// Why a rescue dose goes beyond what was agreed or allowed.
#[derive(Debug, Clone, PartialEq)]
pub enum Beyond {
    /// The drug is not among those agreed before the dose.
    NotAgreed { agreed: Vec<String> },
    /// The dose is above the formulary's most single dose.
    AboveMax { max: f64, unit: String },
    /// More doses than the patient agreed to.
    MoreThanAgreed { most: u32 },
    /// More doses than the formulary allows in one session.
    MoreThanFormulary { most: u32 },
}

impl Beyond {
    /// What it says, for whoever words it.
    pub fn text(&self) -> Phrase {
        match self {
            Beyond::NotAgreed { agreed } if agreed.is_empty() => {
                crate::phrase!("med-beyond-none-agreed")
            }
            Beyond::NotAgreed { agreed } => {
                crate::phrase!("med-beyond-not-agreed", agreed = agreed.join(", "))
            }
            Beyond::AboveMax { max, unit } => {
                crate::phrase!(
                    "med-beyond-above-max",
                    max = Phrase::Seq(vec![Phrase::Num(*max), format!(" {unit}").into()])
                )
            }
            Beyond::MoreThanAgreed { most } => {
                crate::phrase!("med-beyond-more-than-agreed", most = *most)
            }
            Beyond::MoreThanFormulary { most } => {
                crate::phrase!("med-beyond-more-than-formulary", most = *most)
            }
        }
    }
}

impl Session {
    /// The rescue drugs agreed before the dose (formulary ids) and the
    /// most doses of each, as the answers stand; `None` when the protocol
    /// asks for no medication agreement in this session.
    pub fn medication_agreed(&self) -> Option<(Vec<String>, Option<u32>)> {
        let asked: Vec<&Prompt> = self
            .protocol
            .phases
            .iter()
            .flat_map(|ph| self.prompts(ph))
            .filter(|p| p.agreement.is_some())
            .collect();
        let drugs = asked
            .iter()
            .find(|p| p.agreement == Some(Agreement::Medication))?;
        let chosen = match self.latest_value(&drugs.id).map(|v| &v.value) {
            Some(Value::MultiChoice(c)) => c.clone(),
            _ => Vec::new(),
        };
        let ids = chosen
            .iter()
            .filter_map(|c| drugs.choices.iter().position(|x| x == c))
            .filter_map(|i| drugs.drugs.get(i).cloned())
            .collect();
        let most = asked
            .iter()
            .find(|p| p.agreement == Some(Agreement::MedicationDoses))
            .and_then(|p| match self.latest_value(&p.id).map(|v| &v.value) {
                Some(Value::Number(n)) if *n >= 0.0 => Some(n.floor() as u32),
                _ => None,
            });
        Some((ids, most))
    }

    /// How a dose of `drug` now would go beyond the agreement or the
    /// formulary; empty when it would not.
    pub fn medication_beyond(&self, drug: &Drug, dose: f64) -> Vec<Beyond> {
        let mut out = Vec::new();
        let given = self.meds.iter().filter(|m| m.drug == drug.id).count();
        if let Some((agreed, most)) = self.medication_agreed() {
            if !agreed.contains(&drug.id) {
                let names = agreed
                    .iter()
                    .map(|id| self.protocol.drug_name(id))
                    .collect();
                out.push(Beyond::NotAgreed { agreed: names });
            } else if let Some(most) = most.filter(|m| given >= *m as usize) {
                out.push(Beyond::MoreThanAgreed { most });
            }
        }
        if dose > drug.max_dose {
            out.push(Beyond::AboveMax {
                max: drug.max_dose,
                unit: drug.unit.clone(),
            });
        }
        if given >= drug.max_doses as usize {
            out.push(Beyond::MoreThanFormulary {
                most: drug.max_doses,
            });
        }
        out
    }

    /// How a dose of `drug` replacing dose `entry` would go beyond the
    /// agreement or the formulary: counted without the dose it replaces.
    pub fn replacement_beyond(&self, entry: u64, drug: &Drug, dose: f64) -> Vec<Beyond> {
        let mut without = self.clone();
        without.void_medication(entry);
        without.medication_beyond(drug, dose)
    }

    /// Apply a rescue dose given.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn give_medication(
        &mut self,
        drug: &str,
        dose: f64,
        route: MedRoute,
        indication: &str,
        given_by: &str,
        outside: Option<&str>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let Some(d) = self.protocol.drug(drug).cloned() else {
            let known: Vec<&str> = self
                .protocol
                .formulary
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            return Err(Refusal::new(crate::phrase!(
                "ref-med-unknown-drug",
                drug = drug.to_string(),
                known = known.join(", ")
            )));
        };
        if !dose.is_finite() || dose <= 0.0 {
            return Err(Refusal::new(crate::phrase!("ref-med-dose")));
        }
        if !d.routes.contains(&route) {
            let routes: Vec<String> = d.routes.iter().map(|r| r.as_str().to_string()).collect();
            return Err(Refusal::new(crate::phrase!(
                "ref-med-route",
                drug = d.name.clone(),
                routes = routes.join(", ")
            )));
        }
        if given_by.trim().is_empty() || crate::text::has_control(given_by) {
            return Err(Refusal::new(crate::phrase!("ref-med-given-by")));
        }
        let present = &self.start.clinicians;
        if !present.is_empty() && !present.iter().any(|c| same_person(c, given_by)) {
            return Err(Refusal::new(crate::phrase!(
                "ref-med-given-by-not-present",
                who = given_by.to_string(),
                present = present.join("; ")
            )));
        }
        if indication.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!("ref-med-indication")));
        }
        let beyond = self.medication_beyond(&d, dose);
        let outside = outside.map(str::trim);
        match (beyond.is_empty(), outside) {
            (false, None | Some("")) => {
                return Err(Refusal::with_holds(
                    crate::phrase!("ref-med-beyond"),
                    beyond.iter().map(Beyond::text).collect(),
                ));
            }
            (true, Some(_)) => return Err(Refusal::new(crate::phrase!("ref-med-within"))),
            _ => {}
        }
        self.meds.push(MedEntry {
            seq: cx.seq,
            at: at.clone(),
            entered: cx.entered.clone(),
            by: cx.by.clone(),
            drug: d.id.clone(),
            dose,
            unit: d.unit.clone(),
            route,
            indication: indication.trim().to_string(),
            given_by: given_by.trim().to_string(),
            outside: outside.map(str::to_string),
            effect: None,
        });
        Ok(())
    }

    /// Apply the effect of rescue dose `entry`, checked again.
    pub(super) fn record_effect(
        &mut self,
        entry: u64,
        text: &str,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if text.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!("ref-med-effect-empty")));
        }
        let entry = self.standing_dose(entry);
        let Some(m) = self.meds.iter_mut().find(|m| m.seq == entry) else {
            return Err(Refusal::new(crate::phrase!(
                "ref-med-no-dose",
                entry = entry
            )));
        };
        if at.since(&m.at) < 0 {
            return Err(Refusal::new(crate::phrase!("ref-med-effect-before")));
        }
        m.effect = Some(MedEffect {
            seq: cx.seq,
            at: at.clone(),
            by: cx.by.clone(),
            text: text.trim().to_string(),
        });
        Ok(())
    }

    /// Ketamine drawn up, or wasted before a second person (the witness,
    /// not the one recording).
    pub(super) fn ketamine_amount(
        &mut self,
        mg: f64,
        witness: Option<&str>,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if !mg.is_finite() || mg <= 0.0 || mg > crate::protocol::plausible::MAX_FIXED_MG {
            return Err(Refusal::new(crate::phrase!(
                "ref-ketamine-mg",
                max = crate::protocol::plausible::MAX_FIXED_MG
            )));
        }
        let amount = KetamineAmount {
            seq: cx.seq,
            at: at.clone(),
            mg,
            entered: cx.entered.clone(),
            by: cx.by.clone(),
            witness: witness.map(|w| w.trim().to_string()),
        };
        match witness.map(str::trim) {
            None => insert_in_time(&mut self.ketamine.drawn, amount),
            Some(w) if w.is_empty() || crate::text::has_control(w) => {
                return Err(Refusal::new(crate::phrase!("ref-waste-no-witness")));
            }
            Some(_) if cx.by.is_none() => {
                return Err(Refusal::new(crate::phrase!("ref-waste-no-recorder")));
            }
            Some(w) if cx.by.as_deref().is_some_and(|b| same_person(b, w)) => {
                return Err(Refusal::new(crate::phrase!("ref-waste-own-witness")));
            }
            Some(_) => insert_in_time(&mut self.ketamine.wasted, amount),
        }
        Ok(())
    }

    /// The effect re-checked of a dose that was replaced, on the dose that
    /// replaced it (entry `seq`), when it still comes after it; otherwise
    /// the replacement waits for its own re-check.
    pub(super) fn carry_effect(&mut self, effect: Option<MedEffect>, seq: u64) {
        if let Some(e) = effect
            && let Some(m) = self.meds.iter_mut().find(|m| m.seq == seq)
            && e.at.since(&m.at) >= 0
        {
            m.effect = Some(e);
        }
    }

    /// The entry that stands for dose `entry` now: the dose itself, or
    /// what replaced it (and what replaced that).
    fn standing_dose(&self, entry: u64) -> u64 {
        let mut seq = entry;
        while let Some(c) = self.corrections.get(&seq).filter(|c| c.replaced) {
            seq = c.seq;
        }
        seq
    }

    /// Take a medication or ketamine entry out (entered in error); false
    /// when `entry` is none of them.
    pub(super) fn void_medication(&mut self, entry: u64) -> bool {
        let before = (
            self.meds.len(),
            self.ketamine.drawn.len(),
            self.ketamine.wasted.len(),
        );
        self.meds.retain(|m| m.seq != entry);
        self.ketamine.drawn.retain(|k| k.seq != entry);
        self.ketamine.wasted.retain(|k| k.seq != entry);
        let mut effect = false;
        for m in &mut self.meds {
            if m.effect.as_ref().is_some_and(|e| e.seq == entry) {
                m.effect = None;
                effect = true;
            }
        }
        effect
            || before
                != (
                    self.meds.len(),
                    self.ketamine.drawn.len(),
                    self.ketamine.wasted.len(),
                )
    }

    /// Rescue doses whose effect is not yet recorded, each due at its
    /// drug's re-check minute (never overdue: the protocol sets no window).
    pub fn rechecks_due(&self, now: &Moment) -> Vec<(&MedEntry, Due)> {
        if self.closed.is_some() {
            return Vec::new();
        }
        self.meds
            .iter()
            .filter(|m| m.effect.is_none())
            .filter_map(|m| {
                let d = self.protocol.drug(&m.drug)?;
                let from = m.at.plus(i64::from(d.recheck_minutes) * MINUTE);
                let state = if now.since(&from) >= 0 {
                    DueState::Due
                } else {
                    DueState::Upcoming
                };
                Some((
                    m,
                    Due {
                        until: from.clone(),
                        from,
                        state,
                    },
                ))
            })
            .collect()
    }

    /// Ketamine drawn up, given by `now` (worked out from the infusion)
    /// and wasted, each by when it was drawn up or wasted (a late entry
    /// counts from its time taken).
    pub fn accounting(&self, now: &Moment) -> Accounting {
        let now = self.as_of(now);
        let by_now = |list: &[KetamineAmount]| -> f64 {
            list.iter()
                .filter(|k| now.since(&k.at) >= 0)
                .map(|k| k.mg)
                .sum()
        };
        Accounting {
            drawn: by_now(&self.ketamine.drawn),
            given: self.delivered(&now).mg,
            wasted: by_now(&self.ketamine.wasted),
        }
    }

    /// Before closing: ketamine drawn up and not all accounted for (given
    /// or wasted) holds the close.
    pub(super) fn unaccounted_ketamine(&self, now: &Moment) -> Option<Phrase> {
        let a = self.accounting(now);
        (a.drawn > 0.0 && a.difference() > 0.0).then(|| {
            crate::phrase!(
                "hold-ketamine-unaccounted",
                drawn = Phrase::Num(a.drawn),
                given = Phrase::Num((a.given * 10.0).round() / 10.0),
                wasted = Phrase::Num(a.wasted),
                left = Phrase::Num(a.difference())
            )
        })
    }
}

/// Ketamine amounts stay in the order they were drawn up or wasted: a
/// late entry goes before those it happened before.
fn insert_in_time(list: &mut Vec<KetamineAmount>, amount: KetamineAmount) {
    let i = list.partition_point(|k| k.at.since(&amount.at) <= 0);
    list.insert(i, amount);
}

/// Two names for the same person: the same words, any case or spacing.
fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}
