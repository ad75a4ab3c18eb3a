//! Typed prompt values: what a clinician types for yes/no, choice,
//! multiple choice, number, time and scale prompts, how it is checked
//! against the prompt's definition, shown, and scored.
//!
//! Entry is one line for every type, so the keyboard habit is the same:
//! `y`/`n`; a choice by number or by name; several choices as `1,3`; a number
//! (the unit may be typed after it); a time as `14:05` or `now`; a rating as
//! a whole number, or one number per item for a multi-item scale.

use super::model::{Prompt, PromptKind, ScaleDef, ScoreMethod};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Value {
    YesNo(bool),
    Choice(String),
    MultiChoice(Vec<String>),
    Number(f64),
    /// `HH:MM`, 24-hour.
    Time(String),
    Scale(i64),
    /// A multi-item scale: item id → rating.
    Items(BTreeMap<String, i64>),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::YesNo(_) => "yes-no",
            Value::Choice(_) => "choice",
            Value::MultiChoice(_) => "multi-choice",
            Value::Number(_) => "number",
            Value::Time(_) => "time",
            Value::Scale(_) => "scale",
            Value::Items(_) => "items",
        }
    }
}

/// A value as a person reads it, with the prompt's unit and score.
/// A time-of-day answer as the moment it names, with its offset: on the
/// day it was entered — or the day before when that is nearer the entry
/// and not before the session began (an evening time typed after
/// midnight).
pub fn time_on(
    v: &Value,
    entered: &crate::session::Moment,
    began: &crate::session::Moment,
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let Value::Time(t) = v else {
        return None;
    };
    let (h, m) = t.split_once(':')?;
    let wall = entered.wall;
    let on = |day: chrono::NaiveDate| {
        day.and_hms_opt(h.trim().parse().ok()?, m.trim().parse().ok()?, 0)?
            .and_local_timezone(*wall.offset())
            .single()
    };
    let same_day = on(wall.date_naive())?;
    // Of that day and the day before, the one nearer the entry that is
    // not before the session began.
    let before = wall.date_naive().pred_opt().and_then(on);
    let near = |d: &chrono::DateTime<chrono::FixedOffset>| (*d - wall).num_seconds().abs();
    Some(match before {
        Some(b) if b >= began.wall && near(&b) < near(&same_day) => b,
        _ => same_day,
    })
}

/// The value as [`show`] says it, a time of day with its date: "14:05
/// on 2026-01-05" (what "ready to leave" needs in a record read later).
pub fn show_dated(
    p: &Prompt,
    v: &Value,
    entered: &crate::session::Moment,
    began: &crate::session::Moment,
) -> String {
    match time_on(v, entered, began) {
        Some(at) => crate::t!(
            "value-time-on",
            time = show(p, v),
            date = crate::i18n::date(at.date_naive())
        ),
        None => show(p, v),
    }
}

pub fn show(p: &Prompt, v: &Value) -> String {
    match v {
        Value::YesNo(b) => {
            if *b {
                crate::t!("value-yes")
            } else {
                crate::t!("value-no")
            }
        }
        Value::Choice(c) => c.clone(),
        Value::MultiChoice(cs) if cs.is_empty() => crate::t!("value-none"),
        Value::MultiChoice(cs) => cs.join(", "),
        Value::Number(x) => match &p.unit {
            Some(u) => format!("{} {u}", crate::i18n::num(*x)),
            None => crate::i18n::num(*x),
        },
        Value::Time(t) => t.clone(),
        Value::Scale(n) => {
            let max = p.scale.as_ref().map_or(10, |s| s.max);
            match anchor(p.scale.as_ref(), *n) {
                Some(a) => format!("{n}/{max} ({a})"),
                None => format!("{n}/{max}"),
            }
        }
        Value::Items(map) => {
            let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k} {v}")).collect();
            match score(p, v) {
                Some(s) => format!(
                    "{} — {}",
                    parts.join(", "),
                    crate::t!("value-score", score = crate::i18n::num(s))
                ),
                None => parts.join(", "),
            }
        }
    }
}

fn anchor(scale: Option<&ScaleDef>, n: i64) -> Option<&str> {
    scale?
        .anchors
        .iter()
        .find(|a| a.value == n)
        .map(|a| a.label.as_str())
}

/// The score of a multi-item scale value.
pub fn score(p: &Prompt, v: &Value) -> Option<f64> {
    let (Value::Items(map), Some(scale)) = (v, &p.scale) else {
        return None;
    };
    let method = scale.scoring.as_ref()?;
    let ids: Vec<&str> = if method.items.is_empty() {
        scale.items.iter().map(|i| i.id.as_str()).collect()
    } else {
        method.items.iter().map(String::as_str).collect()
    };
    let vals: Vec<f64> = ids
        .iter()
        .filter_map(|id| map.get(*id).map(|x| *x as f64))
        .collect();
    if vals.is_empty() {
        return None;
    }
    Some(match method.method {
        ScoreMethod::Sum => vals.iter().sum(),
        ScoreMethod::Mean => (vals.iter().sum::<f64>() / vals.len() as f64 * 100.0).round() / 100.0,
        ScoreMethod::Max => vals.iter().cloned().fold(f64::MIN, f64::max),
    })
}

/// The lowest and highest score a scored multi-item scale can give.
pub fn score_range(p: &Prompt, scale: &ScaleDef) -> Option<(f64, f64)> {
    let method = scale.scoring.as_ref()?;
    let n = if method.items.is_empty() {
        scale.items.len()
    } else {
        method.items.len()
    };
    if n == 0 || p.kind != PromptKind::Scale {
        return None;
    }
    let (lo, hi) = (scale.min as f64, scale.max as f64);
    Some(match method.method {
        ScoreMethod::Sum => (lo * n as f64, hi * n as f64),
        ScoreMethod::Mean | ScoreMethod::Max => (lo, hi),
    })
}

/// A one-line hint of what to type, shown beside the entry line.
pub fn hint(p: &Prompt) -> String {
    match p.kind {
        PromptKind::YesNo => crate::t!("hint-yes-no"),
        PromptKind::Choice => numbered(&p.choices),
        PromptKind::MultiChoice => format!(
            "{} — {}",
            numbered(&p.choices),
            crate::t!("hint-multi-choice")
        ),
        PromptKind::Number => {
            use crate::i18n::num;
            let range = match (p.min, p.max) {
                (Some(a), Some(b)) => format!(" {}–{}", num(a), num(b)),
                (Some(a), None) => format!(" {}", crate::t!("hint-from", min = num(a))),
                (None, Some(b)) => format!(" {}", crate::t!("hint-up-to", max = num(b))),
                (None, None) => String::new(),
            };
            crate::t!(
                "hint-number",
                range = format!(
                    "{range}{}",
                    p.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default()
                )
            )
        }
        PromptKind::Time => crate::t!("hint-time"),
        PromptKind::Scale => match &p.scale {
            Some(s) if !s.items.is_empty() => crate::t!(
                "hint-scale-items",
                count = s.items.len(),
                min = s.min,
                max = s.max,
                items = s
                    .items
                    .iter()
                    .map(|i| i.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" · ")
            ),
            Some(s) => {
                let anchors: Vec<String> = s
                    .anchors
                    .iter()
                    .map(|a| format!("{} {}", a.value, a.label))
                    .collect();
                format!(
                    "{}–{}{}",
                    s.min,
                    s.max,
                    if anchors.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", anchors.join(", "))
                    }
                )
            }
            None => "0–10".into(),
        },
        PromptKind::Text | PromptKind::Check => String::new(),
    }
}

fn numbered(choices: &[String]) -> String {
    choices
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {c}", i + 1))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn pick(p: &Prompt, word: &str) -> Result<String, String> {
    let w = word.trim();
    if let Ok(n) = w.parse::<usize>() {
        return p.choices.get(n.wrapping_sub(1)).cloned().ok_or_else(|| {
            crate::t!(
                "value-not-a-choice-number",
                number = n,
                count = p.choices.len()
            )
        });
    }
    let lw = w.to_lowercase();
    let matches: Vec<&String> = p
        .choices
        .iter()
        .filter(|c| c.to_lowercase().starts_with(&lw))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(crate::t!(
            "value-not-a-choice",
            typed = w.to_string(),
            choices = p.choices.join(", ")
        )),
        _ => Err(crate::t!(
            "value-ambiguous-choice",
            typed = w.to_string(),
            choices = matches
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Read what was typed for a typed prompt. `now_hhmm` answers `now`.
pub fn parse(p: &Prompt, input: &str, now_hhmm: &str) -> Result<Value, String> {
    let t = input.trim();
    if t.is_empty() {
        return Err(crate::t!("value-nothing-entered", hint = hint(p)));
    }
    // The words for yes, no, none and now are taken in any of kap's
    // languages (`i18n::words`), whichever is in use.
    let v = match p.kind {
        PromptKind::YesNo => parse_yes_no(p, t)?,
        PromptKind::Choice => Value::Choice(pick(p, t)?),
        PromptKind::MultiChoice => parse_multi_choice(p, t)?,
        PromptKind::Number => parse_number(p, t)?,
        PromptKind::Time => parse_time(t, now_hhmm)?,
        PromptKind::Scale => parse_scale(p, t)?,
        PromptKind::Text | PromptKind::Check => {
            return Err(crate::t!("value-not-typed", prompt = p.id.as_str()));
        }
    };
    check(p, &v)?;
    Ok(v)
}

/// Yes or no, in any of kap's languages, or 1 / 0, true / false.
fn parse_yes_no(p: &Prompt, t: &str) -> Result<Value, String> {
    use crate::i18n::words;
    match (t.to_lowercase().as_str(), words::yes_no(t)) {
        ("1" | "true", _) | (_, Some(true)) => Ok(Value::YesNo(true)),
        ("0" | "false", _) | (_, Some(false)) => Ok(Value::YesNo(false)),
        _ => Err(crate::t!(
            "value-answer-yes-no",
            typed = t.to_string(),
            hint = hint(p)
        )),
    }
}

/// Choices by number or name, `,` or `;` between them; `0` or none for
/// no choice.
fn parse_multi_choice(p: &Prompt, t: &str) -> Result<Value, String> {
    use crate::i18n::words;
    Ok(if t == "0" || words::is_none(t) {
        Value::MultiChoice(Vec::new())
    } else {
        let mut out: Vec<String> = Vec::new();
        for part in t.split([',', ';']).filter(|x| !x.trim().is_empty()) {
            let c = pick(p, part)?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        // Keep the protocol's order, so the same answer reads the same.
        out.sort_by_key(|c| p.choices.iter().position(|x| x == c));
        Value::MultiChoice(out)
    })
}

/// A number, with a decimal comma or point, the prompt's unit allowed.
fn parse_number(p: &Prompt, t: &str) -> Result<Value, String> {
    let mut num = t.replace(',', ".");
    if let Some(u) = &p.unit {
        num = num.trim_end_matches(u.as_str()).trim().to_string();
    }
    let x: f64 = num
        .parse()
        .map_err(|_| crate::t!("value-not-a-number", typed = t.to_string()))?;
    Ok(Value::Number(x))
}

/// A time of day as H:MM (or H.MM, HhMM), or now.
fn parse_time(t: &str, now_hhmm: &str) -> Result<Value, String> {
    use crate::i18n::words;
    Ok(if words::is_now(t) {
        Value::Time(now_hhmm.to_string())
    } else {
        let (h, m) = t
            .split_once([':', '.', 'h'])
            .ok_or_else(|| crate::t!("value-not-a-time", typed = t.to_string()))?;
        let h: u32 = h
            .trim()
            .parse()
            .map_err(|_| crate::t!("value-not-a-time", typed = t.to_string()))?;
        let m: u32 = m
            .trim()
            .parse()
            .map_err(|_| crate::t!("value-not-a-time", typed = t.to_string()))?;
        Value::Time(format!("{h:02}:{m:02}"))
    })
}

/// One rating, or one per item of a scale with items.
fn parse_scale(p: &Prompt, t: &str) -> Result<Value, String> {
    let nums: Result<Vec<i64>, _> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|x| !x.is_empty())
        .map(str::parse::<i64>)
        .collect();
    let nums =
        nums.map_err(|_| crate::t!("value-whole-numbers", typed = t.to_string(), hint = hint(p)))?;
    Ok(match p.scale.as_ref().filter(|s| !s.items.is_empty()) {
        Some(s) => {
            if nums.len() != s.items.len() {
                return Err(crate::t!(
                    "value-items-count",
                    entered = nums.len(),
                    items = s.items.len()
                ));
            }
            Value::Items(
                s.items
                    .iter()
                    .zip(nums)
                    .map(|(i, n)| (i.id.clone(), n))
                    .collect(),
            )
        }
        None => match nums.as_slice() {
            [n] => Value::Scale(*n),
            _ => return Err(crate::t!("value-one-number", hint = hint(p))),
        },
    })
}

/// Check a value against its prompt (also for values read from a journal).
pub fn check(p: &Prompt, v: &Value) -> Result<(), String> {
    match (p.kind, v) {
        (PromptKind::YesNo, Value::YesNo(_)) => Ok(()),
        (PromptKind::Choice, Value::Choice(c)) => check_choice(p, c),
        (PromptKind::MultiChoice, Value::MultiChoice(cs)) => check_choices(p, cs),
        (PromptKind::Number, Value::Number(x)) => check_number(p, *x),
        (PromptKind::Time, Value::Time(t)) => check_time(t),
        (PromptKind::Scale, Value::Scale(n)) => check_rating(p, *n),
        (PromptKind::Scale, Value::Items(map)) => check_items(p, v, map),
        _ => wrong_type(p, v),
    }
}

/// The value is not of the prompt's kind.
fn wrong_type(p: &Prompt, v: &Value) -> Result<(), String> {
    Err(crate::t!(
        "value-wrong-type",
        value = v.type_name(),
        kind = p.kind.as_str(),
        prompt = p.id.as_str()
    ))
}

/// One of the prompt's choices.
fn check_choice(p: &Prompt, c: &str) -> Result<(), String> {
    if p.choices.iter().any(|x| x == c) {
        Ok(())
    } else {
        Err(crate::t!(
            "value-not-one-of",
            value = c,
            choices = p.choices.join(", ")
        ))
    }
}

/// Each of the prompt's choices.
fn check_choices(p: &Prompt, cs: &[String]) -> Result<(), String> {
    match cs.iter().find(|c| !p.choices.contains(c)) {
        Some(c) => Err(crate::t!(
            "value-not-one-of",
            value = c.as_str(),
            choices = p.choices.join(", ")
        )),
        None => Ok(()),
    }
}

/// A finite number inside the prompt's range.
fn check_number(p: &Prompt, x: f64) -> Result<(), String> {
    let unit = p.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
    let n = crate::i18n::num;
    if !x.is_finite() {
        return Err(crate::t!("value-nan"));
    }
    match (p.min, p.max) {
        (Some(a), Some(b)) if x < a || x > b => Err(crate::t!(
            "value-outside-range",
            value = format!("{}{unit}", n(x)),
            min = n(a),
            max = format!("{}{unit}", n(b))
        )),
        (Some(a), None) if x < a => Err(crate::t!(
            "value-below-min",
            value = format!("{}{unit}", n(x)),
            min = format!("{}{unit}", n(a))
        )),
        (None, Some(b)) if x > b => Err(crate::t!(
            "value-above-max",
            value = format!("{}{unit}", n(x)),
            max = format!("{}{unit}", n(b))
        )),
        _ => Ok(()),
    }
}

/// A time of day, HH:MM.
fn check_time(t: &str) -> Result<(), String> {
    let ok = t.len() == 5
        && t.split_once(':').is_some_and(|(h, m)| {
            h.parse::<u32>().is_ok_and(|h| h < 24) && m.parse::<u32>().is_ok_and(|m| m < 60)
        });
    if ok {
        Ok(())
    } else {
        Err(crate::t!("value-not-time-of-day", value = t))
    }
}

/// One rating, on a scale without items, inside its range.
fn check_rating(p: &Prompt, n: i64) -> Result<(), String> {
    let (lo, hi) = p.scale.as_ref().map_or((0, 10), |s| (s.min, s.max));
    if p.scale.as_ref().is_some_and(|s| !s.items.is_empty()) {
        return Err(crate::t!("value-rates-items", prompt = p.id.as_str()));
    }
    if n < lo || n > hi {
        Err(crate::t!(
            "value-outside-scale",
            value = n,
            min = lo,
            max = hi
        ))
    } else {
        Ok(())
    }
}

/// One rating per item of a scale with items, each inside its range, and
/// no other.
fn check_items(p: &Prompt, v: &Value, map: &BTreeMap<String, i64>) -> Result<(), String> {
    let Some(s) = p.scale.as_ref().filter(|s| !s.items.is_empty()) else {
        return wrong_type(p, v);
    };
    for item in &s.items {
        match map.get(&item.id) {
            None => {
                return Err(crate::t!("value-item-not-rated", item = item.text.as_str()));
            }
            Some(n) if *n < s.min || *n > s.max => {
                return Err(crate::t!(
                    "value-item-outside-scale",
                    item = item.text.as_str(),
                    value = *n,
                    min = s.min,
                    max = s.max
                ));
            }
            _ => {}
        }
    }
    match map.keys().find(|k| !s.items.iter().any(|i| &&i.id == k)) {
        Some(k) => Err(crate::t!("value-not-an-item", item = k.as_str())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod time_tests;
