//! Scenario files: how a simulated patient's vital signs behave in a
//! rehearsal, and what happens when. TOML, checked like protocol files,
//! with errors that name file, line and column. See `docs/scenario-format.md`.
//!
//! Scenario values are training material, not clinical figures: they make a
//! rehearsal cross (or not cross) the protocol's own limits.

use super::inject::NamedInjection;
use crate::protocol::diagnostic::{Diagnostic, Level};
use crate::protocol::locate::{KeyPath, locate};
use crate::protocol::model::Metric;
use crate::protocol::plausible::vital_range;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    pub scenario: Meta,
    pub baseline: Values,
    /// Random variation around the modelled value, ± this much.
    #[serde(default)]
    pub noise: Noise,
    #[serde(rename = "drift", default)]
    pub drifts: Vec<Drift>,
    #[serde(rename = "event", default)]
    pub events: Vec<ScenarioEvent>,
    /// Changes the instructor fires with one key (`kap instruct`).
    #[serde(rename = "injection", default, skip_serializing_if = "Vec::is_empty")]
    pub injections: Vec<NamedInjection>,
    /// States the patient moves between on the trainee's actions.
    #[serde(rename = "state", default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<super::states::State>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub name: String,
    /// The protocol id this scenario is written for.
    pub protocol: String,
    /// The course session it rehearses.
    pub session: u32,
    /// Seed for the noise; `--seed` overrides it.
    #[serde(default)]
    pub seed: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    pub systolic: f64,
    pub diastolic: f64,
    pub hr: f64,
    pub spo2: f64,
}

impl Values {
    pub fn get(&self, m: Metric) -> f64 {
        match m {
            Metric::Systolic => self.systolic,
            Metric::Diastolic => self.diastolic,
            Metric::Hr => self.hr,
            Metric::Spo2 => self.spo2,
        }
    }
}

/// One number for each metric, 0 where not given: the noise around the
/// modelled values, and a state's offsets from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerMetric {
    #[serde(default)]
    pub systolic: f64,
    #[serde(default)]
    pub diastolic: f64,
    #[serde(default)]
    pub hr: f64,
    #[serde(default)]
    pub spo2: f64,
}

impl PerMetric {
    pub fn get(&self, m: Metric) -> f64 {
        match m {
            Metric::Systolic => self.systolic,
            Metric::Diastolic => self.diastolic,
            Metric::Hr => self.hr,
            Metric::Spo2 => self.spo2,
        }
    }
}

/// Random variation around the modelled value, ± this much per metric.
pub type Noise = PerMetric;

/// A change that builds up linearly from `from_minute` to `peak_minute`
/// (minutes after dosing starts), then fades back to nothing by
/// `end_minute`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drift {
    pub metric: Metric,
    pub change: f64,
    pub from_minute: f64,
    pub peak_minute: f64,
    pub end_minute: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A sudden change in one metric for a while (`metric`, `change`,
    /// `duration_minutes`).
    Spike,
    Nausea,
    /// A distressing experience; `request_stop` makes the patient ask to stop.
    Distress,
    /// The SpO₂ probe falls off: the monitor shows no SpO₂ for a while.
    Spo2ProbeOff,
    /// The music device fails.
    AudioFailure,
    /// Something the patient says or shows, with no change of its own (the
    /// values may come from a `[[state]]`).
    Sign,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioEvent {
    /// Named so a state's window can count from it (`since_event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Minutes after dosing starts.
    pub minute: f64,
    pub kind: EventKind,
    /// What the patient says or does, shown on the monitor panel.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<f64>,
    /// The patient asks for the infusion to stop.
    #[serde(default)]
    pub request_stop: bool,
    /// What a careful trainee records: a note tag expected within
    /// `expect_within_minutes` (e.g. "nausea").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_note_tag: Option<String>,
    /// What a careful trainee does about the music: start it again, choose
    /// another playlist or a no-music support, or check in without music
    /// (`c`), within `expect_within_minutes`. Matched by those entries,
    /// whatever the language of the record.
    #[serde(default)]
    pub expect_music: bool,
    /// What a careful trainee does about emergent risk (suicidal ideation,
    /// seed 003): a risk screen recorded after the event and, when it is
    /// positive, a safety plan written after it, both before the session
    /// closes (`expect_within_minutes` does not apply).
    #[serde(default)]
    pub expect_risk: bool,
    /// What a careful trainee does about agitation or another need for
    /// rescue medication: a drug within the agreement made before the dose
    /// (none recorded beyond it), given within `expect_within_minutes`,
    /// and its effect re-checked before the run ends.
    #[serde(default)]
    pub expect_rescue: bool,
    /// What a careful trainee does when asked for something the patient
    /// agreed against before the dose (touch, most often): nothing beyond
    /// an agreement is recorded from the event to the session's end
    /// (`expect_within_minutes` is how long before it counts as kept when
    /// the run ends early).
    #[serde(default)]
    pub expect_agreement_kept: bool,
    #[serde(default = "default_expect_within")]
    pub expect_within_minutes: f64,
}

fn default_expect_within() -> f64 {
    5.0
}

/// Everything wrong with a scenario, section by section, in the file's
/// order: the header, the patient's baseline and noise, the drifts, the
/// events, the injections, then the states.
fn check(s: &Scenario, lang: crate::i18n::Lang) -> Vec<(KeyPath, String)> {
    let mut out = Vec::new();
    check_header(s, &mut out, lang);
    check_baseline(s, &mut out, lang);
    check_drifts(s, &mut out, lang);
    check_events(s, &mut out, lang);
    check_injections(s, &mut out, lang);
    out.extend(super::states::check(s, lang));
    out
}

/// `format`, `scenario.id` and `scenario.session`.
fn check_header(s: &Scenario, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let root = KeyPath::root();
    if s.format != FORMAT_VERSION {
        out.push((
            root.at("format"),
            crate::say!(
                lang,
                "pv-format",
                found = s.format.to_string(),
                reads = FORMAT_VERSION.to_string()
            ),
        ));
    }
    if s.scenario.id.trim().is_empty() {
        out.push((
            root.at("scenario").at("id"),
            crate::say!(lang, "pv-empty", key = "id"),
        ));
    }
    if s.scenario.session == 0 {
        out.push((
            root.at("scenario").at("session"),
            crate::say!(lang, "pv-at-least-one", key = "session"),
        ));
    }
}

/// Each measure's baseline is plausible and its noise small; the
/// diastolic is under the systolic.
fn check_baseline(s: &Scenario, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let root = KeyPath::root();
    for m in Metric::ALL {
        let key = m.key();
        let (lo, hi) = vital_range(m);
        let v = s.baseline.get(m);
        if !(lo..=hi).contains(&v) {
            out.push((
                root.at("baseline").at(key),
                crate::say!(
                    lang,
                    "sc-implausible",
                    value = v.to_string(),
                    measure = crate::i18n::Phrase::say(&m.label(), lang),
                    min = lo.to_string(),
                    max = hi.to_string()
                ),
            ));
        }
        let n = s.noise.get(m);
        if !n.is_finite() || !(0.0..=20.0).contains(&n) {
            out.push((
                root.at("noise").at(key),
                crate::say!(lang, "sc-noise", value = n.to_string()),
            ));
        }
    }
    if s.baseline.diastolic >= s.baseline.systolic {
        out.push((
            root.at("baseline").at("diastolic"),
            crate::say!(lang, "sc-diastolic"),
        ));
    }
}

/// Each drift's minutes are in order and inside the simulation's day.
fn check_drifts(s: &Scenario, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let root = KeyPath::root();
    for (i, d) in s.drifts.iter().enumerate() {
        let p = root.at("drift").at(i);
        if !(d.from_minute <= d.peak_minute && d.peak_minute <= d.end_minute) {
            out.push((p.at("peak_minute"), crate::say!(lang, "sc-drift-order")));
        }
        if d.from_minute < 0.0 || !d.change.is_finite() {
            out.push((p.at("from_minute"), crate::say!(lang, "sc-from-minute")));
        }
        // A drift that never ends (`inf`) would make the patient's value
        // not a number: its minutes lie in the simulation's day, as the
        // events' do.
        for (key, m) in [("peak_minute", d.peak_minute), ("end_minute", d.end_minute)] {
            if !(0.0..=480.0).contains(&m) {
                out.push((
                    p.at(key),
                    crate::say!(lang, "sc-minute-outside", value = m.to_string()),
                ));
            }
        }
    }
}

/// Each event: a unique id, its minute, its text, what its kind needs,
/// its duration and what it expects of the trainee.
fn check_events(s: &Scenario, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let root = KeyPath::root();
    for (i, e) in s.events.iter().enumerate() {
        let p = root.at("event").at(i);
        if let Some(id) = &e.id
            && (id.trim().is_empty() || s.events[..i].iter().any(|x| x.id.as_ref() == Some(id)))
        {
            out.push((p.at("id"), crate::say!(lang, "sc-event-id")));
        }
        if !(0.0..=480.0).contains(&e.minute) {
            out.push((
                p.at("minute"),
                crate::say!(lang, "sc-minute-outside", value = e.minute.to_string()),
            ));
        }
        if e.text.trim().is_empty() {
            out.push((p.at("text"), crate::say!(lang, "pv-empty", key = "text")));
        }
        event_kind_problems(e, &p, out, lang);
        if let Some(d) = e.duration_minutes
            && !(d > 0.0 && d <= 480.0)
        {
            out.push((p.at("duration_minutes"), crate::say!(lang, "sc-duration")));
        }
        out.extend(expectation_problems(e, &p, lang));
    }
}

/// What an event's kind needs besides the common fields: a spike its
/// measure, change and duration; a probe off its duration.
fn event_kind_problems(
    e: &ScenarioEvent,
    p: &KeyPath,
    out: &mut Vec<(KeyPath, String)>,
    lang: crate::i18n::Lang,
) {
    match e.kind {
        EventKind::Spike => {
            if e.metric.is_none() {
                out.push((
                    p.clone(),
                    crate::say!(lang, "sc-needs", what = "spike", key = "metric"),
                ));
            }
            if e.change.is_none() {
                out.push((
                    p.clone(),
                    crate::say!(lang, "sc-needs", what = "spike", key = "change"),
                ));
            }
            if e.duration_minutes.is_none() {
                out.push((
                    p.clone(),
                    crate::say!(lang, "sc-needs", what = "spike", key = "duration_minutes"),
                ));
            }
        }
        EventKind::Spo2ProbeOff if e.duration_minutes.is_none() => {
            out.push((
                p.clone(),
                crate::say!(
                    lang,
                    "sc-needs",
                    what = "spo2-probe-off",
                    key = "duration_minutes"
                ),
            ));
        }
        _ => {}
    }
}

/// Each injection: at most nine, a unique id, a name and something it does.
fn check_injections(s: &Scenario, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let root = KeyPath::root();
    if s.injections.len() > 9 {
        out.push((
            root.at("injection").at(9),
            crate::say!(lang, "sc-injections-max"),
        ));
    }
    for (i, n) in s.injections.iter().enumerate() {
        let p = root.at("injection").at(i);
        if n.id.trim().is_empty() {
            out.push((p.at("id"), crate::say!(lang, "pv-empty", key = "id")));
        } else if s.injections[..i].iter().any(|o| o.id == n.id) {
            out.push((
                p.at("id"),
                crate::say!(lang, "sc-injection-twice", id = n.id.clone()),
            ));
        }
        if n.name.trim().is_empty() {
            out.push((p.at("name"), crate::say!(lang, "pv-empty", key = "name")));
        }
        if n.effects.is_empty() {
            out.push((p.clone(), crate::say!(lang, "sc-injection-needs-do")));
        }
        for (j, e) in n.effects.iter().enumerate() {
            if let Some((key, why)) = e.problem_at(lang) {
                out.push((p.at("do").at(j).at(key), why));
            }
        }
    }
}

/// An event expects one thing of the trainee, named by an id kap knows,
/// never by a word of one language: `expect_note_tag` is one of the quick
/// tags journals store.
fn expectation_problems(
    e: &ScenarioEvent,
    p: &KeyPath,
    lang: crate::i18n::Lang,
) -> Vec<(KeyPath, String)> {
    let mut out = Vec::new();
    if let Some(tag) = &e.expect_note_tag
        && !crate::session::event::NOTE_TAGS
            .iter()
            .any(|(t, _)| t == tag)
    {
        let tags: Vec<String> = crate::session::event::NOTE_TAGS
            .iter()
            .map(|(t, _)| format!("\"{t}\""))
            .collect();
        out.push((
            p.at("expect_note_tag"),
            crate::say!(
                lang,
                "sc-unknown-note-tag",
                tag = tag.clone(),
                tags = tags.join(", ")
            ),
        ));
    }
    let expects = [
        e.request_stop,
        e.expect_note_tag.is_some(),
        e.expect_music,
        e.expect_risk,
        e.expect_rescue,
        e.expect_agreement_kept,
    ];
    if expects.iter().filter(|x| **x).count() > 1 {
        out.push((p.clone(), crate::say!(lang, "sc-one-expectation")));
    }
    out
}

/// Read and check scenario text; every problem with its position.
pub fn load_str(
    path: &Path,
    text: &str,
    lang: crate::i18n::Lang,
) -> Result<Scenario, Vec<Diagnostic>> {
    let s: Scenario = Diagnostic::from_toml(path, text).map_err(|d| vec![d])?;
    let problems = check(&s, lang);
    if problems.is_empty() {
        return Ok(s);
    }
    let mut d: Vec<Diagnostic> = problems
        .into_iter()
        .map(|(p, m)| {
            let off = locate(text, &p).unwrap_or(0);
            let m = crate::say!(lang, "diag-at", path = p.to_string(), message = m);
            Diagnostic::at(Level::Error, path, text, off, m)
        })
        .collect();
    d.sort_by_key(|x| (x.line, x.column));
    Err(d)
}

pub fn load_file(path: &Path, lang: crate::i18n::Lang) -> Result<Scenario, Vec<Diagnostic>> {
    match crate::input::read_text_file(path) {
        Err(e) => Err(vec![Diagnostic::whole_file(
            path,
            crate::say!(
                lang,
                "diag-cannot-read",
                error = crate::i18n::say_io(&e, lang)
            ),
        )]),
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(t) => load_str(path, t, lang),
            Err(_) => Err(vec![Diagnostic::whole_file(
                path,
                crate::say!(lang, "diag-not-utf8"),
            )]),
        },
    }
}
