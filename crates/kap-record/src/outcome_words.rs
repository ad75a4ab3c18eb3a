//! A course's outcome measures, gathered from its sessions' records and
//! said for `kap course`: each measure's administrations in order against
//! the baseline (`outcome::course`), "response at session 4" in words,
//! and a compact text chart of the totals across the sessions.

use super::course::CourseEntry;
use crate::outcome::course::{Taken, Trend, trend};
use crate::protocol::{Protocol, Remission, Response, words_in};
use chrono::NaiveDateTime;
use serde::Serialize;

/// One administration, as recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Given {
    pub session: u32,
    pub at: NaiveDateTime,
    /// The phase (by id) it was given in.
    pub phase: String,
    pub answers: Vec<u32>,
    pub total: u32,
    /// The band's label in English (the JSON's words are codes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub self_report: bool,
    /// The version of the instrument's definition it was given with.
    pub version: String,
    /// The session record it is in.
    pub record: String,
}

/// One measure across the course.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureCourse {
    pub instrument: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loinc_total: Option<String>,
    /// The highest total the instrument can give.
    pub max_total: u32,
    /// The version of the definition the totals are worked out with.
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remission: Option<Remission>,
    pub given: Vec<Given>,
    #[serde(flatten)]
    pub trend: Trend,
}

/// Every measure the protocol names, with what the course recorded of it.
pub fn measures(p: &Protocol, entries: &[CourseEntry]) -> Vec<MeasureCourse> {
    p.course
        .measures
        .iter()
        .filter_map(|m| {
            let ins = p.instrument(&m.instrument)?;
            let mut given: Vec<Given> = entries
                .iter()
                .flat_map(|e| {
                    let s = &e.session;
                    s.outcomes
                        .iter()
                        .filter(|o| o.instrument == m.instrument)
                        .filter_map(|o| {
                            let sc = crate::outcome::score(&ins, &o.answers).ok()?;
                            Some(Given {
                                session: s.start.session,
                                at: o.at.wall.naive_local(),
                                phase: o.phase.clone(),
                                answers: o.answers.clone(),
                                total: sc.total,
                                band: sc
                                    .band
                                    .and_then(|b| ins.bands.get(b))
                                    .map(|b| words_in(&b.label, "en").to_string()),
                                by: o.by.clone(),
                                self_report: o.self_report,
                                version: o.version.clone(),
                                record: e.id.clone(),
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            given.sort_by_key(|g| g.at);
            let taken: Vec<Taken> = given
                .iter()
                .map(|g| Taken {
                    session: g.session,
                    at: g.at,
                    total: g.total,
                })
                .collect();
            Some(MeasureCourse {
                instrument: m.instrument.clone(),
                name: ins.name.clone(),
                loinc_total: ins.loinc_total.clone(),
                max_total: ins.total_range().1,
                version: ins.version.clone(),
                response: m.response.clone(),
                remission: m.remission.clone(),
                trend: trend(&taken, m.response.as_ref(), m.remission.as_ref()),
                given,
            })
        })
        .collect()
}

/// What `kap protocol show` says of the course's measures: each
/// instrument, when it is given, and its response and remission rules
/// with their sources.
pub fn protocol_lines(p: &Protocol, lang: crate::i18n::Lang) -> Vec<String> {
    if p.course.measures.is_empty() {
        return Vec::new();
    }
    let mut out = vec![crate::say!(lang, "cli-protocol-outcomes")];
    for m in &p.course.measures {
        let name = p
            .instrument(&m.instrument)
            .map_or_else(|| m.instrument.clone(), |i| i.name.clone());
        let when = m
            .when
            .iter()
            .map(|w| {
                let phase = p
                    .phases
                    .iter()
                    .find(|ph| ph.role == w.phase)
                    .map_or_else(|| w.phase.as_str().to_string(), |ph| ph.title.clone());
                if w.sessions.is_empty() {
                    crate::say!(lang, "outcome-when-every", phase = phase)
                } else {
                    crate::say!(
                        lang,
                        "outcome-when-sessions",
                        phase = phase,
                        count = w.sessions.len(),
                        sessions = w
                            .sessions
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.push(format!(
            "  {}",
            crate::say!(lang, "cli-protocol-outcome", name = name, when = when)
        ));
        let rule = |r: Option<(String, &str)>| {
            r.map_or_else(
                || crate::say!(lang, "outcome-rule-none"),
                |(rule, source)| format!("{rule} ({source})"),
            )
        };
        out.push(format!(
            "    {}",
            crate::say!(
                lang,
                "cli-protocol-outcome-rules",
                response = rule(m.response.as_ref().map(|r| (
                    crate::say!(
                        lang,
                        "outcome-response-rule",
                        percent = r.reduction_over_percent
                    ),
                    r.source.as_str()
                ))),
                remission = rule(m.remission.as_ref().map(|r| (
                    crate::say!(lang, "outcome-remission-rule", below = r.below),
                    r.source.as_str()
                )))
            )
        ));
    }
    out
}

/// "PHQ-9 — response: more than 50 % below baseline; remission: below 5".
fn head(m: &MeasureCourse, lang: crate::i18n::Lang) -> String {
    let response = m.response.as_ref().map_or_else(
        || crate::say!(lang, "outcome-rule-none"),
        |r| {
            crate::say!(
                lang,
                "outcome-response-rule",
                percent = r.reduction_over_percent
            )
        },
    );
    let remission = m.remission.as_ref().map_or_else(
        || crate::say!(lang, "outcome-rule-none"),
        |r| crate::say!(lang, "outcome-remission-rule", below = r.below),
    );
    crate::say!(
        lang,
        "cli-course-outcome-head",
        name = m.name.clone(),
        response = response,
        remission = remission
    )
}

/// The measure's lines for `kap course`: its rule, each administration,
/// response and remission in words, and the chart.
pub fn lines(p: &Protocol, m: &MeasureCourse, lang: crate::i18n::Lang) -> Vec<String> {
    let tag = lang.tag();
    let ins = p.instrument(&m.instrument);
    let mut out = vec![head(m, lang)];
    if m.given.is_empty() {
        out.push(format!("  {}", crate::say!(lang, "outcome-none-recorded")));
        return out;
    }
    for (g, pt) in m.given.iter().zip(&m.trend.points) {
        let phase = p
            .phases
            .iter()
            .find(|ph| ph.id == g.phase)
            .map_or_else(|| g.phase.clone(), |ph| ph.title.clone());
        let band = ins
            .as_ref()
            .and_then(|i| {
                crate::outcome::score::band_of(&i.bands, g.total).and_then(|b| i.bands.get(b))
            })
            .map(|b| words_in(&b.label, tag).to_string())
            .unwrap_or_default();
        let change = match (pt.change, pt.reduction_percent) {
            (None, _) => crate::say!(lang, "outcome-baseline"),
            (Some(c), Some(r)) => crate::say!(
                lang,
                "outcome-change",
                change = format!("{c:+}"),
                percent = crate::i18n::num_in(lang, (-r * 10.0).round() / 10.0)
            ),
            (Some(c), None) => format!("{c:+}"),
        };
        out.push(format!(
            "  {}",
            crate::say!(
                lang,
                "cli-course-outcome-row",
                date = crate::i18n::date_in(lang, g.at.date()),
                session = p.session_label(g.session).say(lang),
                phase = phase,
                total = g.total,
                band = band,
                change = change
            )
        ));
    }
    out.push(format!("  {}", verdict(m, lang)));
    // Answers given with another version of the definition are scored
    // with this one: said, so a changed instrument does not pass unseen.
    let mut other: Vec<&str> = m
        .given
        .iter()
        .map(|g| g.version.as_str())
        .filter(|v| *v != m.version)
        .collect();
    other.dedup();
    if !other.is_empty() {
        out.push(format!(
            "  {}",
            crate::say!(
                lang,
                "outcome-other-version",
                given = other.join(", "),
                version = m.version.clone()
            )
        ));
    }
    out.extend(chart(m, lang).into_iter().map(|l| format!("  {l}")));
    out
}

/// "Response at session 4. No remission yet."
pub fn verdict(m: &MeasureCourse, lang: crate::i18n::Lang) -> String {
    let mut v = Vec::new();
    if m.response.is_some() {
        v.push(m.trend.response_at.map_or_else(
            || crate::say!(lang, "outcome-no-response"),
            |s| crate::say!(lang, "outcome-response-at", session = s),
        ));
    }
    if m.remission.is_some() {
        v.push(m.trend.remission_at.map_or_else(
            || crate::say!(lang, "outcome-no-remission"),
            |s| crate::say!(lang, "outcome-remission-at", session = s),
        ));
    }
    v.join(" ")
}

/// The rows the chart's totals take.
const CHART_ROWS: u32 = 9;

/// The totals across the administrations: a column of three characters
/// each (its session number under it), the total marked `●`, the
/// response threshold `╌` and the remission threshold `·` where no total
/// is; the axis gives 0 and the instrument's highest total.
pub fn chart(m: &MeasureCourse, lang: crate::i18n::Lang) -> Vec<String> {
    let max = m.max_total.max(1);
    let row = |v: f64| -> u32 { ((v / f64::from(max)) * f64::from(CHART_ROWS)).round() as u32 };
    let base = m.trend.baseline().map(|b| f64::from(b.total));
    let response = m
        .response
        .as_ref()
        .zip(base)
        .map(|(r, b)| row(b * f64::from(100 - r.reduction_over_percent.min(100)) / 100.0));
    let remission = m.remission.as_ref().map(|r| row(f64::from(r.below)));
    let width = max.to_string().len();
    let mut out = Vec::new();
    for y in (0..=CHART_ROWS).rev() {
        let label = match y {
            CHART_ROWS => max.to_string(),
            0 => "0".to_string(),
            _ => String::new(),
        };
        let mut line = format!("{label:>width$} ┤");
        for pt in &m.trend.points {
            let mark = if row(f64::from(pt.total)) == y {
                "●"
            } else if response == Some(y) {
                "╌"
            } else if remission == Some(y) {
                "·"
            } else {
                " "
            };
            line.push_str(&format!(" {mark} "));
        }
        out.push(line.trim_end().to_string());
    }
    let mut axis = format!("{:>width$}  ", "");
    for pt in &m.trend.points {
        axis.push_str(&format!("{:^3}", pt.session));
    }
    out.push(axis.trim_end().to_string());
    out.push(crate::say!(lang, "outcome-chart-legend"));
    out
}
