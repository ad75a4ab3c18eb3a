//! A risk screen the protocol declares (`[risk]`): its items, how they are
//! scored, what counts as positive, the action shown when it is, where it
//! is offered, and the crisis lines the safety plan lists. kap holds no
//! screen of its own: every word and threshold is the file's.

use super::*;

/// The protocol's risk screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScreen {
    /// Short machine id, e.g. `"site-risk-screen"`.
    pub id: String,
    /// What the screen is called on screen and in the record.
    pub name: String,
    /// Who may use the screen's words and on what terms; shown by
    /// `kap protocol show`.
    pub licence: String,
    /// Where the screen and its threshold come from.
    pub source: String,
    #[serde(rename = "item")]
    pub items: Vec<RiskItem>,
    /// The screen is positive when the points add up to this or more.
    pub positive_at: u32,
    /// What to do when it is positive: the alarm's text, shown verbatim.
    pub action: String,
    /// The alarm's priority when positive.
    #[serde(default = "high")]
    pub priority: Priority,
    /// The phases (by id) where the screen is offered as part of the
    /// session (check-in, discharge); `!` opens it at any moment.
    #[serde(default)]
    pub offer_at: Vec<String>,
    /// Professionals and crisis lines the safety plan lists: the site's.
    #[serde(default)]
    pub crisis_lines: Vec<String>,
}

fn high() -> Priority {
    Priority::High
}

/// One question of the screen: yes/no (no `choices`), or one of
/// numbered `choices`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskItem {
    pub id: String,
    pub text: String,
    /// The answers, in order (numbered from 1); empty for yes/no, whose
    /// answers are 1 = no, 2 = yes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// Points per answer, in the order of the answers; by default 0 for
    /// the first answer, 1 for the second, and so on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<u32>,
    /// From this answer number on, this item alone makes the screen
    /// positive, whatever the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_from: Option<u32>,
}

impl RiskItem {
    /// How many answers the item has (2 for yes/no).
    pub fn answer_count(&self) -> usize {
        if self.choices.is_empty() {
            2
        } else {
            self.choices.len()
        }
    }

    pub fn is_yes_no(&self) -> bool {
        self.choices.is_empty()
    }

    /// The points answer `n` (from 1) scores.
    pub fn points_for(&self, n: u32) -> u32 {
        let i = n.saturating_sub(1) as usize;
        self.points
            .get(i)
            .copied()
            .unwrap_or(u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// Answer `n` (from 1) in words, in the language given for yes/no.
    pub fn answer_text(&self, n: u32) -> crate::i18n::Phrase {
        if self.is_yes_no() {
            return crate::i18n::Phrase::msg(if n == 2 { "value-yes" } else { "value-no" });
        }
        self.choices
            .get(n.saturating_sub(1) as usize)
            .cloned()
            .unwrap_or_else(|| n.to_string())
            .into()
    }
}
