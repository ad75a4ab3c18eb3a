//! State-based scenarios: besides timed events, a patient can move between
//! states on what the trainee does (pauses the infusion, records a note…)
//! or fails to do in time. The path taken is a pure function of the
//! scenario, the session's journaled entries and the time, so a rehearsal
//! stays reproducible and replays the same. See `docs/scenario-format.md`.
//!
//! A state's name is never shown to the trainee: the monitor shows values,
//! and the patient's `text` when the state is entered.

use super::scenario::Scenario;
use crate::protocol::locate::KeyPath;
use crate::protocol::model::Metric;
use crate::session::{MINUTE, Moment, Session};
use serde::{Deserialize, Serialize};

/// At most this many state changes are followed; a scenario that passes
/// validation stays far below it, but the path must end whatever happens.
const MAX_VISITS: usize = 1000;

/// How far a state moves each value from the modelled one (baseline, drifts
/// and timed events). A metric not named moves back to 0.
pub type Offsets = super::scenario::PerMetric;

/// One `[[state]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub id: String,
    /// The start state: entered this many minutes after dosing starts.
    /// Exactly one state has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_minute: Option<f64>,
    #[serde(default)]
    pub change: Offsets,
    /// The change is reached this long after entering, linearly from what
    /// the patient showed then (0: at once).
    #[serde(default = "one")]
    pub fade_minutes: f64,
    /// What the patient says or does on entering it (shown on the monitor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(rename = "next", default)]
    pub next: Vec<Next>,
    /// Where to go once every window of `next` has passed without its
    /// action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<String>,
}

fn one() -> f64 {
    1.0
}

/// One `[[state.next]]`: on an action of the trainee (or a time), go to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Next {
    /// `infusion-paused`, `infusion-stopped`, `note-tag:TAG`,
    /// `alarm-acknowledged`, `vitals-entered` or `timeout`.
    pub on: String,
    /// The action counts only this many minutes after the anchor (for
    /// `timeout`: when it fires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_minutes: Option<f64>,
    /// …and no later than this many minutes after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_minutes: Option<f64>,
    /// The anchor: this scenario event's minute (its `id`); entering the
    /// state when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_event: Option<String>,
    pub to: String,
}

/// What a transition waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    InfusionPaused,
    InfusionStopped,
    NoteTag(String),
    AlarmAcknowledged,
    VitalsEntered,
    Timeout,
}

impl Trigger {
    pub fn parse(s: &str) -> Option<Trigger> {
        Some(match s {
            "infusion-paused" => Trigger::InfusionPaused,
            "infusion-stopped" => Trigger::InfusionStopped,
            "alarm-acknowledged" => Trigger::AlarmAcknowledged,
            "vitals-entered" => Trigger::VitalsEntered,
            "timeout" => Trigger::Timeout,
            _ => {
                let tag = s.strip_prefix("note-tag:")?.trim();
                if tag.is_empty() {
                    return None;
                }
                Trigger::NoteTag(tag.to_string())
            }
        })
    }
}

/// The trainee's actions, in simulated minutes after dosing started.
/// Entries later marked entered in error do not count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observed {
    pub paused: Vec<f64>,
    pub stopped: Option<f64>,
    pub notes: Vec<(f64, Vec<String>)>,
    pub acks: Vec<f64>,
    pub vitals: Vec<f64>,
}

impl Observed {
    pub fn from_session(s: &Session) -> Observed {
        let Some(start) = &s.dosing.started else {
            return Observed::default();
        };
        let m = |a: &Moment| a.since(start) as f64 / MINUTE as f64;
        let valid = |seq: u64| !s.corrections.contains_key(&seq);
        let mut acks: Vec<f64> = s
            .alerts
            .alerts
            .iter()
            .flat_map(|a| a.earlier_acks.iter().chain(a.acknowledged.as_ref()))
            .map(|k| m(&k.at))
            .collect();
        acks.sort_by(f64::total_cmp);
        Observed {
            paused: s.dosing.pauses.iter().map(|p| m(&p.from)).collect(),
            stopped: s.dosing.stopped.as_ref().map(|(at, _)| m(at)),
            notes: s
                .notes
                .iter()
                .filter(|n| valid(n.seq))
                .map(|n| (m(&n.at), n.tags.clone()))
                .collect(),
            acks,
            vitals: s
                .vitals
                .iter()
                .filter(|v| valid(v.seq))
                .map(|v| m(&v.at))
                .collect(),
        }
    }

    /// When the trigger's actions happened.
    fn times(&self, t: &Trigger) -> Vec<f64> {
        match t {
            Trigger::InfusionPaused => self.paused.clone(),
            Trigger::InfusionStopped => self.stopped.into_iter().collect(),
            Trigger::NoteTag(tag) => self
                .notes
                .iter()
                .filter(|(_, tags)| tags.iter().any(|x| x.eq_ignore_ascii_case(tag)))
                .map(|(at, _)| *at)
                .collect(),
            Trigger::AlarmAcknowledged => self.acks.clone(),
            Trigger::VitalsEntered => self.vitals.clone(),
            Trigger::Timeout => Vec::new(),
        }
    }
}

/// A state entered `at` minutes after dosing started.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Visit {
    pub state: usize,
    pub at: f64,
}

fn anchor(s: &Scenario, n: &Next, entered: f64) -> f64 {
    n.since_event
        .as_ref()
        .and_then(|id| s.events.iter().find(|e| e.id.as_deref() == Some(id)))
        .map_or(entered, |e| e.minute)
}

/// The window `[from, until]` in which a transition's action counts.
fn window(s: &Scenario, n: &Next, entered: f64) -> (f64, Option<f64>) {
    let a = anchor(s, n, entered);
    (
        a + n.after_minutes.unwrap_or(0.0),
        n.within_minutes.map(|w| a + w),
    )
}

fn index(s: &Scenario, id: &str) -> Option<usize> {
    s.states.iter().position(|x| x.id == id)
}

/// The states entered up to `until` minutes after dosing started, given
/// what the trainee did. An action counts only after the state was entered.
pub fn path(s: &Scenario, obs: &Observed, until: f64) -> Vec<Visit> {
    let Some((mut cur, mut entered)) = s
        .states
        .iter()
        .enumerate()
        .find_map(|(i, x)| x.from_minute.map(|m| (i, m)))
    else {
        return Vec::new();
    };
    if entered > until {
        return Vec::new();
    }
    let mut out = vec![Visit {
        state: cur,
        at: entered,
    }];
    while out.len() < MAX_VISITS {
        let Some(st) = s.states.get(cur) else { break };
        let mut best: Option<(f64, &str)> = None;
        let mut last_window: Option<f64> = None;
        for n in &st.next {
            let Some(trigger) = Trigger::parse(&n.on) else {
                continue;
            };
            let (from, to) = window(s, n, entered);
            if let Some(to) = to {
                last_window = Some(last_window.map_or(to, |l| l.max(to)));
            }
            let fires = if trigger == Trigger::Timeout {
                Some(from.max(entered))
            } else {
                obs.times(&trigger)
                    .into_iter()
                    .filter(|&t| t > entered && t >= from && to.is_none_or(|to| t <= to))
                    .reduce(f64::min)
            };
            if let Some(t) = fires
                && best.is_none_or(|(b, _)| t < b)
            {
                best = Some((t, &n.to));
            }
        }
        if let (Some(other), Some(w)) = (&st.otherwise, last_window) {
            let t = w.max(entered);
            if best.is_none_or(|(b, _)| t < b) {
                best = Some((t, other));
            }
        }
        let Some((t, to)) = best else { break };
        let Some(next) = index(s, to) else { break };
        if t > until {
            break;
        }
        cur = next;
        entered = t;
        out.push(Visit { state: cur, at: t });
    }
    out
}

/// How far the states on `path` move metric `m` at `t` minutes.
pub fn offset(s: &Scenario, path: &[Visit], m: Metric, t: f64) -> f64 {
    let mut level = 0.0;
    for (k, v) in path.iter().enumerate() {
        if v.at > t {
            break;
        }
        let Some(st) = s.states.get(v.state) else {
            break;
        };
        let end = path
            .get(k + 1)
            .map(|n| n.at)
            .filter(|&a| a <= t)
            .unwrap_or(t);
        let f = if st.fade_minutes > 0.0 {
            ((end - v.at) / st.fade_minutes).clamp(0.0, 1.0)
        } else {
            1.0
        };
        level += (st.change.get(m) - level) * f;
    }
    level
}

/// Problems with the `[[state]]` tables, each with where it is.
pub fn check(s: &Scenario, lang: crate::i18n::Lang) -> Vec<(KeyPath, String)> {
    let mut out = Vec::new();
    if s.states.is_empty() {
        return out;
    }
    let root = KeyPath::root();
    let starts: Vec<usize> = (0..s.states.len())
        .filter(|&i| s.states[i].from_minute.is_some())
        .collect();
    if starts.len() != 1 {
        out.push((
            root.at("state").at(0),
            crate::say!(lang, "sc-one-start", found = starts.len()),
        ));
    }
    for i in 0..s.states.len() {
        check_state(s, i, &mut out, lang);
    }
    if let Some(at) = instant_cycle(s) {
        out.push((
            root.at("state").at(at),
            crate::say!(lang, "sc-state-circle"),
        ));
    }
    out
}

/// One state: its id, minutes, changes and text, then each of its moves
/// and its `otherwise`.
fn check_state(s: &Scenario, i: usize, out: &mut Vec<(KeyPath, String)>, lang: crate::i18n::Lang) {
    let st = &s.states[i];
    let p = KeyPath::root().at("state").at(i);
    if st.id.trim().is_empty() {
        out.push((p.at("id"), crate::say!(lang, "pv-empty", key = "id")));
    }
    if s.states[..i].iter().any(|x| x.id == st.id) {
        out.push((
            p.at("id"),
            crate::say!(lang, "sc-state-twice", id = st.id.clone()),
        ));
    }
    if let Some(m) = st.from_minute
        && !(0.0..=480.0).contains(&m)
    {
        out.push((
            p.at("from_minute"),
            crate::say!(lang, "sc-minute-outside", value = m.to_string()),
        ));
    }
    if !(0.0..=480.0).contains(&st.fade_minutes) {
        out.push((
            p.at("fade_minutes"),
            crate::say!(lang, "sc-between", key = "fade_minutes", min = 0, max = 480),
        ));
    }
    for m in Metric::ALL {
        if !st.change.get(m).is_finite() || st.change.get(m).abs() > 200.0 {
            out.push((
                p.at("change").at(m.key()),
                crate::say!(lang, "sc-between", key = "change", min = -200, max = 200),
            ));
        }
    }
    if st.text.as_ref().is_some_and(|t| t.trim().is_empty()) {
        out.push((p.at("text"), crate::say!(lang, "pv-empty", key = "text")));
    }
    for (j, n) in st.next.iter().enumerate() {
        check_move(s, i, n, &p.at("next").at(j), out, lang);
    }
    if let Some(o) = &st.otherwise {
        let windowed = st.next.iter().any(|n| n.within_minutes.is_some());
        check_otherwise(s, i, o, windowed, &p, out, lang);
    }
}

/// One `[[state.next]]` of state `i`, at `q`: a known action, its
/// minutes, the event it counts from and the state it goes to.
fn check_move(
    s: &Scenario,
    i: usize,
    n: &Next,
    q: &KeyPath,
    out: &mut Vec<(KeyPath, String)>,
    lang: crate::i18n::Lang,
) {
    match Trigger::parse(&n.on) {
        None => out.push((
            q.at("on"),
            crate::say!(lang, "sc-unknown-action", action = n.on.clone()),
        )),
        Some(Trigger::Timeout) if n.after_minutes.is_none() => {
            out.push((q.clone(), crate::say!(lang, "sc-timeout-after")))
        }
        Some(_) => {}
    }
    for (key, v) in [
        ("after_minutes", n.after_minutes),
        ("within_minutes", n.within_minutes),
    ] {
        if let Some(v) = v
            && !(v > 0.0 && v <= 480.0)
        {
            out.push((
                q.at(key),
                crate::say!(lang, "sc-between", key = key, min = 0, max = 480),
            ));
        }
    }
    if let (Some(a), Some(w)) = (n.after_minutes, n.within_minutes)
        && a >= w
    {
        out.push((q.at("within_minutes"), crate::say!(lang, "sc-within-after")));
    }
    if let Some(e) = &n.since_event
        && !s.events.iter().any(|x| x.id.as_deref() == Some(e))
    {
        out.push((
            q.at("since_event"),
            crate::say!(lang, "sc-no-event", id = e.clone()),
        ));
    }
    match index(s, &n.to) {
        None => out.push((
            q.at("to"),
            crate::say!(lang, "sc-no-state", id = n.to.clone()),
        )),
        Some(k) if k == i => out.push((q.at("to"), crate::say!(lang, "sc-state-self"))),
        Some(_) => {}
    }
}

/// State `i`'s `otherwise`, at `p`: a state other than itself, after a
/// move with a window.
fn check_otherwise(
    s: &Scenario,
    i: usize,
    o: &str,
    windowed: bool,
    p: &KeyPath,
    out: &mut Vec<(KeyPath, String)>,
    lang: crate::i18n::Lang,
) {
    match index(s, o) {
        None => out.push((
            p.at("otherwise"),
            crate::say!(lang, "sc-no-state", id = o.to_string()),
        )),
        Some(k) if k == i => out.push((p.at("otherwise"), crate::say!(lang, "sc-state-self"))),
        Some(_) => {}
    }
    if !windowed {
        out.push((p.at("otherwise"), crate::say!(lang, "sc-otherwise-window")));
    }
}

/// A state on a circle of moves that can all happen at the moment the
/// state is entered (a timeout or an `otherwise` whose window is anchored
/// on an earlier event): following it would never let time pass.
fn instant_cycle(s: &Scenario) -> Option<usize> {
    let edges = |i: usize| -> Vec<usize> {
        let st = &s.states[i];
        let mut v: Vec<usize> = st
            .next
            .iter()
            .filter(|n| n.on == "timeout" && n.since_event.is_some())
            .filter_map(|n| index(s, &n.to))
            .collect();
        let anchored = st
            .next
            .iter()
            .any(|n| n.within_minutes.is_some() && n.since_event.is_some());
        if anchored && let Some(k) = st.otherwise.as_deref().and_then(|o| index(s, o)) {
            v.push(k);
        }
        v
    };
    // Depth-first search for a back edge.
    fn visit(i: usize, colour: &mut [u8], edges: &dyn Fn(usize) -> Vec<usize>) -> Option<usize> {
        colour[i] = 1;
        for k in edges(i) {
            match colour.get(k) {
                Some(1) => return Some(k),
                Some(0) => {
                    if let Some(c) = visit(k, colour, edges) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        colour[i] = 2;
        None
    }
    let mut colour = vec![0u8; s.states.len()];
    (0..s.states.len()).find_map(|i| {
        if colour[i] == 0 {
            visit(i, &mut colour, &edges)
        } else {
            None
        }
    })
}
