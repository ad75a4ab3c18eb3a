//! Typed prompt values: what a clinician types for yes/no, choice,
//! multiple choice, number, time and scale prompts, how it is checked
//! against the prompt's definition, shown, and scored.
//!
//! Entry is one line for every type, so the keyboard habit is the same:
//! `y`/`n`; a choice by number or by name; several choices as `1,3`; a number
//! (the unit may be typed after it); a time as `14:05` or `now`; a rating as
//! a whole number, or one number per item for a multi-item scale.

use super::model::{Prompt, PromptKind, ScaleDef, ScoreMethod};
use crate::i18n::Phrase;
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
) -> Phrase {
    match time_on(v, entered, began) {
        Some(at) => crate::phrase!("value-time-on", time = show(p, v), date = at.date_naive()),
        None => show(p, v),
    }
}

/// A number with its unit after a space (the unit as the protocol writes it).
fn with_unit(x: f64, unit: Option<&String>) -> Phrase {
    match unit {
        Some(u) => Phrase::Seq(vec![Phrase::Num(x), format!(" {u}").into()]),
        None => Phrase::Num(x),
    }
}

pub fn show(p: &Prompt, v: &Value) -> Phrase {
    match v {
        Value::YesNo(b) => {
            if *b {
                crate::phrase!("value-yes")
            } else {
                crate::phrase!("value-no")
            }
        }
        Value::Choice(c) => c.into(),
        Value::MultiChoice(cs) if cs.is_empty() => crate::phrase!("value-none"),
        Value::MultiChoice(cs) => cs.join(", ").into(),
        Value::Number(x) => with_unit(*x, p.unit.as_ref()),
        Value::Time(t) => t.into(),
        Value::Scale(n) => {
            let max = p.scale.as_ref().map_or(10, |s| s.max);
            match anchor(p.scale.as_ref(), *n) {
                Some(a) => format!("{n}/{max} ({a})").into(),
                None => format!("{n}/{max}").into(),
            }
        }
        Value::Items(map) => {
            let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k} {v}")).collect();
            match score(p, v) {
                Some(s) => Phrase::Seq(vec![
                    format!("{} — ", parts.join(", ")).into(),
                    crate::phrase!("value-score", score = s),
                ]),
                None => parts.join(", ").into(),
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
pub fn hint(p: &Prompt) -> Phrase {
    match p.kind {
        PromptKind::YesNo => crate::phrase!("hint-yes-no"),
        PromptKind::Choice => numbered(&p.choices).into(),
        PromptKind::MultiChoice => Phrase::Seq(vec![
            format!("{} — ", numbered(&p.choices)).into(),
            crate::phrase!("hint-multi-choice"),
        ]),
        PromptKind::Number => {
            let range = match (p.min, p.max) {
                (Some(a), Some(b)) => vec![" ".into(), a.into(), "–".into(), b.into()],
                (Some(a), None) => vec![" ".into(), crate::phrase!("hint-from", min = a)],
                (None, Some(b)) => vec![" ".into(), crate::phrase!("hint-up-to", max = b)],
                (None, None) => Vec::new(),
            };
            let unit = p.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            let range = Phrase::Seq(range.into_iter().chain([unit.into()]).collect());
            crate::phrase!("hint-number", range = range)
        }
        PromptKind::Time => crate::phrase!("hint-time"),
        PromptKind::Scale => match &p.scale {
            Some(s) if !s.items.is_empty() => crate::phrase!(
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
                .into()
            }
            None => "0–10".into(),
        },
        PromptKind::Text | PromptKind::Check => Phrase::empty(),
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

fn pick(p: &Prompt, word: &str) -> Result<String, Phrase> {
    let w = word.trim();
    if let Ok(n) = w.parse::<usize>() {
        return p.choices.get(n.wrapping_sub(1)).cloned().ok_or_else(|| {
            crate::phrase!(
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
        [] => Err(crate::phrase!(
            "value-not-a-choice",
            typed = w.to_string(),
            choices = p.choices.join(", ")
        )),
        _ => Err(crate::phrase!(
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
pub fn parse(p: &Prompt, input: &str, now_hhmm: &str) -> Result<Value, Phrase> {
    let t = input.trim();
    if t.is_empty() {
        return Err(crate::phrase!("value-nothing-entered", hint = hint(p)));
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
            return Err(crate::phrase!("value-not-typed", prompt = p.id.as_str()));
        }
    };
    check(p, &v)?;
    Ok(v)
}

/// Yes or no, in any of kap's languages, or 1 / 0, true / false.
fn parse_yes_no(p: &Prompt, t: &str) -> Result<Value, Phrase> {
    use crate::i18n::words;
    match (t.to_lowercase().as_str(), words::yes_no(t)) {
        ("1" | "true", _) | (_, Some(true)) => Ok(Value::YesNo(true)),
        ("0" | "false", _) | (_, Some(false)) => Ok(Value::YesNo(false)),
        _ => Err(crate::phrase!(
            "value-answer-yes-no",
            typed = t.to_string(),
            hint = hint(p)
        )),
    }
}

/// Choices by number or name, `,` or `;` between them; `0` or none for
/// no choice.
fn parse_multi_choice(p: &Prompt, t: &str) -> Result<Value, Phrase> {
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
fn parse_number(p: &Prompt, t: &str) -> Result<Value, Phrase> {
    let mut num = t.replace(',', ".");
    if let Some(u) = &p.unit {
        num = num.trim_end_matches(u.as_str()).trim().to_string();
    }
    let x: f64 = num
        .parse()
        .map_err(|_| crate::phrase!("value-not-a-number", typed = t.to_string()))?;
    Ok(Value::Number(x))
}

/// A time of day as H:MM (or H.MM, HhMM), or now.
fn parse_time(t: &str, now_hhmm: &str) -> Result<Value, Phrase> {
    use crate::i18n::words;
    Ok(if words::is_now(t) {
        Value::Time(now_hhmm.to_string())
    } else {
        let (h, m) = t
            .split_once([':', '.', 'h'])
            .ok_or_else(|| crate::phrase!("value-not-a-time", typed = t.to_string()))?;
        let h: u32 = h
            .trim()
            .parse()
            .map_err(|_| crate::phrase!("value-not-a-time", typed = t.to_string()))?;
        let m: u32 = m
            .trim()
            .parse()
            .map_err(|_| crate::phrase!("value-not-a-time", typed = t.to_string()))?;
        Value::Time(format!("{h:02}:{m:02}"))
    })
}

/// One rating, or one per item of a scale with items.
fn parse_scale(p: &Prompt, t: &str) -> Result<Value, Phrase> {
    let nums: Result<Vec<i64>, _> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|x| !x.is_empty())
        .map(str::parse::<i64>)
        .collect();
    let nums = nums.map_err(|_| {
        crate::phrase!("value-whole-numbers", typed = t.to_string(), hint = hint(p))
    })?;
    Ok(match p.scale.as_ref().filter(|s| !s.items.is_empty()) {
        Some(s) => {
            if nums.len() != s.items.len() {
                return Err(crate::phrase!(
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
            _ => return Err(crate::phrase!("value-one-number", hint = hint(p))),
        },
    })
}

/// Check a value against its prompt (also for values read from a journal).
pub fn check(p: &Prompt, v: &Value) -> Result<(), Phrase> {
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
fn wrong_type(p: &Prompt, v: &Value) -> Result<(), Phrase> {
    Err(crate::phrase!(
        "value-wrong-type",
        value = v.type_name(),
        kind = p.kind.as_str(),
        prompt = p.id.as_str()
    ))
}

/// One of the prompt's choices.
fn check_choice(p: &Prompt, c: &str) -> Result<(), Phrase> {
    if p.choices.iter().any(|x| x == c) {
        Ok(())
    } else {
        Err(crate::phrase!(
            "value-not-one-of",
            value = c,
            choices = p.choices.join(", ")
        ))
    }
}

/// Each of the prompt's choices.
fn check_choices(p: &Prompt, cs: &[String]) -> Result<(), Phrase> {
    match cs.iter().find(|c| !p.choices.contains(c)) {
        Some(c) => Err(crate::phrase!(
            "value-not-one-of",
            value = c.as_str(),
            choices = p.choices.join(", ")
        )),
        None => Ok(()),
    }
}

/// A finite number inside the prompt's range.
fn check_number(p: &Prompt, x: f64) -> Result<(), Phrase> {
    let n = |v: f64| with_unit(v, p.unit.as_ref());
    if !x.is_finite() {
        return Err(crate::phrase!("value-nan"));
    }
    match (p.min, p.max) {
        (Some(a), Some(b)) if x < a || x > b => Err(crate::phrase!(
            "value-outside-range",
            value = n(x),
            min = a,
            max = n(b)
        )),
        (Some(a), None) if x < a => {
            Err(crate::phrase!("value-below-min", value = n(x), min = n(a)))
        }
        (None, Some(b)) if x > b => {
            Err(crate::phrase!("value-above-max", value = n(x), max = n(b)))
        }
        _ => Ok(()),
    }
}

/// A time of day, HH:MM.
fn check_time(t: &str) -> Result<(), Phrase> {
    let ok = t.len() == 5
        && t.split_once(':').is_some_and(|(h, m)| {
            h.parse::<u32>().is_ok_and(|h| h < 24) && m.parse::<u32>().is_ok_and(|m| m < 60)
        });
    if ok {
        Ok(())
    } else {
        Err(crate::phrase!("value-not-time-of-day", value = t))
    }
}

/// One rating, on a scale without items, inside its range.
fn check_rating(p: &Prompt, n: i64) -> Result<(), Phrase> {
    let (lo, hi) = p.scale.as_ref().map_or((0, 10), |s| (s.min, s.max));
    if p.scale.as_ref().is_some_and(|s| !s.items.is_empty()) {
        return Err(crate::phrase!("value-rates-items", prompt = p.id.as_str()));
    }
    if n < lo || n > hi {
        Err(crate::phrase!(
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
fn check_items(p: &Prompt, v: &Value, map: &BTreeMap<String, i64>) -> Result<(), Phrase> {
    let Some(s) = p.scale.as_ref().filter(|s| !s.items.is_empty()) else {
        return wrong_type(p, v);
    };
    for item in &s.items {
        match map.get(&item.id) {
            None => {
                return Err(crate::phrase!(
                    "value-item-not-rated",
                    item = item.text.as_str()
                ));
            }
            Some(n) if *n < s.min || *n > s.max => {
                return Err(crate::phrase!(
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
        Some(k) => Err(crate::phrase!("value-not-an-item", item = k.as_str())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod time_tests;
