//! Who signed a closed record, and who co-signed it. The signature is the
//! author of the closing entry (`closed` or `abandoned`), named in the
//! sign-off; a co-signature is an entry of its own afterwards, by another
//! clinician present, that never rewrites the signature.

use super::entries::Cx;
use super::*;

/// A second signature on a closed record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoSignature {
    pub seq: u64,
    pub at: Moment,
    pub clinician: String,
}

impl Session {
    /// Who signed: the author of the closing entry, when one was named.
    pub fn signer(&self) -> Option<&str> {
        self.log()
            .iter()
            .rev()
            .find(|e| matches!(e.event, Event::Closed | Event::Abandoned { .. }))
            .and_then(|e| e.stamp.by.as_deref())
    }

    /// The record as it stood when it was signed: without the addenda and
    /// co-signatures made after the closing entry (the signed note a
    /// reader is shown stays what was signed). The record itself when it
    /// has none, or is not closed.
    pub fn as_signed(&self) -> Session {
        let mut signed = self.clone();
        let closing = self
            .log
            .iter()
            .rposition(|e| matches!(e.event, Event::Closed | Event::Abandoned { .. }));
        if let Some(i) = closing {
            signed.log.truncate(i + 1);
            signed.addenda.clear();
            signed.co_signatures.clear();
        }
        signed
    }

    /// Whether `who` is one of the clinicians named present at the start.
    pub fn was_present(&self, who: &str) -> bool {
        self.start.clinicians.iter().any(|c| c.trim() == who.trim())
    }

    /// A co-signature: by a clinician named present, other than the
    /// signer, once each, made by that clinician (an entry's author cannot
    /// co-sign for someone else).
    pub(super) fn co_sign(&mut self, clinician: &str, at: &Moment, cx: &Cx) -> Result<(), Refusal> {
        let who = clinician.trim();
        if who.is_empty() || crate::text::has_control(who) {
            return Err(Refusal::new(crate::phrase!(
                "ref-an-author-s-name-cannot-be"
            )));
        }
        if !self.was_present(who) {
            return Err(Refusal::new(crate::phrase!(
                "ref-co-signer-not-present",
                who = who.to_string(),
                present = if self.start.clinicians.is_empty() {
                    crate::phrase!("no-clinician-named")
                } else {
                    crate::i18n::Phrase::Verbatim(self.start.clinicians.join("; "))
                }
            )));
        }
        if cx.by.as_deref().is_some_and(|b| b.trim() != who) {
            return Err(Refusal::new(crate::phrase!(
                "ref-co-sign-for-another",
                who = who.to_string()
            )));
        }
        if self.signer().is_some_and(|s| s.trim() == who) {
            return Err(Refusal::new(crate::phrase!(
                "ref-co-signer-is-signer",
                who = who.to_string()
            )));
        }
        if let Some(c) = self.co_signatures.iter().find(|c| c.clinician == who) {
            return Err(Refusal::new(crate::phrase!(
                "ref-already-co-signed",
                who = who.to_string(),
                at = c.at.hhmm()
            )));
        }
        self.co_signatures.push(CoSignature {
            seq: cx.seq,
            at: at.clone(),
            clinician: who.to_string(),
        });
        Ok(())
    }
}
