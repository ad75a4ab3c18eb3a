//! Exports of one session record: Markdown (the clinical summary), CSV
//! (one row per vitals reading, RFC 4180) and a FHIR R4 `Bundle` of type
//! `collection` (built in `record::fhir`). All read-only over the journal;
//! an interrupted session exports too.

use crate::session::{Moment, Session};
use serde_json::Value;

use super::verify::Problem;

/// What verifying and replaying the journal found, for an export to state
/// in its own output: which entries were skipped and which were used but
/// failed verification.
#[derive(Debug, Clone, Default)]
pub struct Integrity {
    pub problems: Vec<Problem>,
    /// What the record's verdict finds beyond its lines (entries lost off
    /// its end, a seal that does not match), as sentences.
    pub damage: Vec<crate::i18n::Phrase>,
    /// The record's seal (its last entry's number and hash), as
    /// `summary.md` ends with it: every rendering states it.
    pub seal: Option<(u64, String)>,
}

impl Integrity {
    pub fn of(problems: &[Problem]) -> Integrity {
        Integrity {
            problems: problems.to_vec(),
            damage: Vec::new(),
            seal: None,
        }
    }

    /// With the seal found in the record's folder, when it has one.
    pub fn with_seal(mut self, found: &super::seal::Found) -> Integrity {
        self.seal = found.seal().map(|s| (s.entries, s.last_sha256.clone()));
        self
    }

    /// With the record's verdict: its damage beyond the lines already
    /// named (those are in `problems`).
    pub fn with_verdict(mut self, v: &super::verdict::Verdict) -> Integrity {
        self.damage = v
            .damage
            .iter()
            .filter(|d| !matches!(d, super::verdict::Damage::Lines(_)))
            .map(|d| crate::i18n::Phrase::Seq(vec![v.word(), " — ".into(), d.describe()]))
            .collect();
        self
    }

    /// Nothing to say: every line verified and the record is whole.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.damage.is_empty()
    }

    /// Whether the entry of `kind` at `at` was used although it failed a
    /// check.
    pub fn flags(&self, kind: &str, at: &Moment) -> bool {
        self.problems.iter().any(|p| {
            !p.finding.skips() && p.entry.as_ref().is_some_and(|(k, m)| *k == kind && m == at)
        })
    }

    /// Whether journal entry `seq` failed verification (and was used).
    pub fn flags_entry(&self, seq: u64) -> bool {
        self.problems
            .iter()
            .any(|p| !p.finding.skips() && p.seq == Some(seq))
    }

    /// The section listing every problem (nothing when none), then the
    /// seal.
    fn doc(&self, lang: crate::i18n::Lang) -> super::doc::Doc {
        let mut d = super::doc::Doc::default();
        if !self.is_clean() {
            d.heading(2, crate::say!(lang, "integrity-h"));
            d.para(crate::say!(lang, "integrity-intro"));
            for x in &self.damage {
                d.item(x.say(lang));
            }
            for p in &self.problems {
                d.item(crate::say!(
                    lang,
                    "integrity-line",
                    line = p.line,
                    what = p.what().say(lang)
                ));
            }
        }
        if let Some((n, h)) = &self.seal {
            d.append(super::summary::seal_doc(*n, h, lang));
        }
        d
    }
}

/// The Markdown summary, with a section on the record's integrity when the
/// journal did not verify cleanly.
pub fn markdown(
    s: &Session,
    now: &Moment,
    integrity: &Integrity,
    lang: crate::i18n::Lang,
) -> String {
    let mut d = super::summary::document(s, &read_at(s, now), lang);
    d.append(integrity.doc(lang));
    d.markdown()
}

/// The summary as one self-contained HTML page with the chart, and the
/// integrity section when the journal did not verify cleanly. A rehearsal
/// says where its trainee analysis is: the record keeps neither the
/// scenario nor the simulated monitor the analysis is judged against.
pub fn html(s: &Session, now: &Moment, integrity: &Integrity, lang: crate::i18n::Lang) -> String {
    let note = s
        .start
        .rehearsal
        .then(|| crate::say!(lang, "html-export-no-scenario"));
    super::html::summary(
        s,
        &read_at(s, now),
        integrity.doc(lang),
        note.as_deref(),
        lang,
    )
}

/// The moment a record is read at: its closing when closed; for an open
/// rehearsal, its last entry (its time is simulated, the reader's is not);
/// otherwise now.
pub fn read_at(s: &Session, now: &Moment) -> Moment {
    match (&s.closed, s.start.rehearsal) {
        (Some(c), _) => c.at.clone(),
        (None, true) => s.log().last().map_or_else(|| now.clone(), |e| e.at.clone()),
        (None, false) => now.clone(),
    }
}

pub(crate) fn iso(m: &Moment) -> String {
    m.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per vitals reading ever entered; CRLF line ends as RFC 4180
/// asks. The last column, `verified`, is `no` for a reading whose journal
/// line failed verification; `status` is `current`, `entered-in-error` or `replaced`
/// (corrected readings stay, marked); `recorded` is when the entry was
/// made (later than `timestamp` for a late entry); `entry` is its number
/// in the journal; `source` names the monitor, its device time and
/// message for a reading confirmed from the bedside monitor (empty when
/// typed); `seal` is the record's seal on every row, `N:SHA256` (its last
/// entry's number and the SHA-256 of that entry's line), empty for a
/// record never sealed.
pub fn csv(s: &Session, integrity: &Integrity) -> String {
    let mut out = String::from(
        "timestamp,patient,session,systolic_mmhg,diastolic_mmhg,heart_rate_per_min,spo2_percent,alerts_raised,rehearsal,status,recorded,entry,source,verified,seal\r\n",
    );
    let opt = |v: Option<u16>| v.map(|x| x.to_string()).unwrap_or_default();
    let seal = integrity
        .seal
        .as_ref()
        .map(|(n, h)| format!("{n}:{h}"))
        .unwrap_or_default();
    for e in &crate::session::timeline::vitals_rows(s) {
        let r = &e.reading;
        let alerts: Vec<String> = e
            .raised
            .iter()
            .filter_map(|id| s.alerts.get(*id).map(|a| a.rule.clone()))
            .collect();
        let row = [
            iso(&e.at),
            csv_field(&s.start.patient),
            s.start.session.to_string(),
            opt(r.systolic),
            opt(r.diastolic),
            opt(r.hr),
            opt(r.spo2),
            csv_field(&alerts.join(";")),
            s.start.rehearsal.to_string(),
            e.status.code().to_string(),
            iso(&e.recorded),
            e.seq.to_string(),
            csv_field(
                &e.source
                    .as_ref()
                    .map(crate::session::monitor::source_text)
                    .unwrap_or_default(),
            ),
            if integrity.flags("vitals", &e.recorded) {
                "no"
            } else {
                "yes"
            }
            .to_string(),
            seal.clone(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

pub use super::fhir::resource_id;

/// A FHIR R4 Bundle (type `collection`) for the session, as JSON (see
/// `record::fhir::bundle` for the typed one). `record_id` names the
/// session folder and makes resource ids stable.
pub fn fhir(
    s: &Session,
    record_id: &str,
    now: &Moment,
    integrity: &Integrity,
    lang: crate::i18n::Lang,
) -> Value {
    super::fhir::bundle(s, record_id, now, integrity, lang).to_value()
}
