//! The medication line, typed in the `M` dialog and in the screen-reader
//! mode: a rescue drug by its number in the formulary, ketamine as 0, or
//! the effect of a dose waiting for its re-check. Pure: a line and the
//! session in, the event (or what is missing) out. The time given, when
//! earlier than now, is taken off the line's end before (`-5m`,
//! `at 10:42`), as on the vitals line.
//!
//! - `1 4 iv nausea` — drug 1 of the formulary, 4 (its unit), IV, for
//!   nausea; the dose may carry the unit (`4mg`), the indication may be
//!   its number in the drug's list, and `by 2` (`par`, `por`) names who
//!   gave it among the clinicians present (the entry's author otherwise).
//!   Without a dose the usual one is given; with one route or one
//!   indication, that one.
//! - `0 36` — 36 mg of ketamine drawn up; `0 -33.2 2` — 33.2 mg wasted,
//!   witnessed by clinician 2 (or a name typed there).
//! - `effect 1 settled` (`effet`, `efeito`) — the effect of the first dose
//!   waiting for its re-check.

use crate::protocol::{Drug, MedRoute};
use crate::session::{Event, Session};

/// "by" in each of kap's languages.
const BY: [&str; 3] = ["by", "par", "por"];

/// The event a medication line stands for, or why it cannot be read.
pub fn parse(
    line: &str,
    s: &Session,
    author: Option<&str>,
    lang: crate::i18n::Lang,
) -> Result<Event, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return Err(crate::say!(lang, "med-line-how"));
    };
    if first.to_lowercase().starts_with("ef") {
        return effect(rest, s, lang);
    }
    match first.parse::<usize>() {
        Ok(0) => ketamine(rest, s, lang),
        Ok(n) => match s.protocol().formulary.get(n - 1) {
            Some(d) => given(d, rest, s, author, lang),
            None => Err(crate::say!(
                lang,
                "med-line-no-drug",
                n = n,
                count = s.protocol().formulary.len()
            )),
        },
        Err(_) => Err(crate::say!(lang, "med-line-how")),
    }
}

/// A number, with the unit written on to it (`4mg`) split off.
fn amount(word: &str) -> Option<(f64, &str)> {
    let end = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .unwrap_or(word.len());
    let n = word[..end].replace(',', ".").parse::<f64>().ok()?;
    n.is_finite().then_some((n, &word[end..]))
}

/// Clinician `n` (from 1) of those present, or the words as a name.
fn person(words: &[&str], s: &Session) -> String {
    let text = words.join(" ");
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => s.start.clinicians.get(n - 1).cloned().unwrap_or(text),
        _ => text,
    }
}

fn given(
    d: &Drug,
    rest: &[&str],
    s: &Session,
    author: Option<&str>,
    lang: crate::i18n::Lang,
) -> Result<Event, String> {
    let mut rest = rest;
    let mut dose = d.usual_dose;
    if let Some((n, unit)) = rest.first().and_then(|w| amount(w)) {
        rest = &rest[1..];
        let unit = if unit.is_empty() {
            match rest.first() {
                Some(u) if u.eq_ignore_ascii_case(&d.unit) => {
                    rest = &rest[1..];
                    d.unit.as_str()
                }
                _ => "",
            }
        } else {
            unit
        };
        if !unit.is_empty() && !unit.eq_ignore_ascii_case(&d.unit) {
            return Err(crate::say!(
                lang,
                "med-line-unit",
                drug = d.name.clone(),
                unit = d.unit.clone()
            ));
        }
        dose = n;
    }
    let route = match rest.first().and_then(|w| MedRoute::parse(w)) {
        Some(r) => {
            rest = &rest[1..];
            r
        }
        None if d.routes.len() == 1 => d.routes[0],
        None => {
            let routes: Vec<String> = d
                .routes
                .iter()
                .map(|r| format!("{} ({})", r.as_str(), r.label().say(lang)))
                .collect();
            return Err(crate::say!(
                lang,
                "med-line-route",
                routes = routes.join(", ")
            ));
        }
    };
    let by_at = rest
        .iter()
        .position(|w| BY.iter().any(|b| w.eq_ignore_ascii_case(b)));
    let (what, who) = match by_at {
        Some(i) => (&rest[..i], Some(person(&rest[i + 1..], s))),
        None => (rest, None),
    };
    let indication = indication(d, &what.join(" "), lang)?;
    let given_by = who
        .or_else(|| author.map(str::to_string))
        .filter(|w| !w.trim().is_empty())
        .ok_or_else(|| {
            crate::say!(
                lang,
                "med-line-who",
                names = crate::tui::present::meds::numbered(&s.start.clinicians)
            )
        })?;
    Ok(Event::MedicationGiven {
        drug: d.id.clone(),
        dose,
        unit: d.unit.clone(),
        route,
        indication,
        given_by,
        outside: None,
    })
}

/// What a dose was given for: the words typed, one of the drug's by its
/// number, or its only one.
fn indication(d: &Drug, typed: &str, lang: crate::i18n::Lang) -> Result<String, String> {
    let typed = typed.trim();
    if let Ok(n) = typed.parse::<usize>()
        && let Some(i) = n.checked_sub(1).and_then(|i| d.indications.get(i))
    {
        return Ok(i.clone());
    }
    match (typed.is_empty(), d.indications.as_slice()) {
        (false, _) => Ok(typed.to_string()),
        (true, [only]) => Ok(only.clone()),
        (true, list) => Err(crate::say!(
            lang,
            "med-line-indication",
            list = crate::tui::present::meds::numbered(list)
        )),
    }
}

fn ketamine(rest: &[&str], s: &Session, lang: crate::i18n::Lang) -> Result<Event, String> {
    let Some((mg, unit)) = rest.first().and_then(|w| amount(w)) else {
        return Err(crate::say!(lang, "med-line-ketamine"));
    };
    let mut rest = &rest[1..];
    if unit.is_empty() && rest.first().is_some_and(|u| u.eq_ignore_ascii_case("mg")) {
        rest = &rest[1..];
    } else if !unit.is_empty() && !unit.eq_ignore_ascii_case("mg") {
        return Err(crate::say!(lang, "med-line-ketamine"));
    }
    if mg < 0.0 {
        Ok(Event::KetamineWasted {
            mg: -mg,
            witness: person(rest, s),
        })
    } else {
        Ok(Event::KetamineDrawn { mg })
    }
}

fn effect(rest: &[&str], s: &Session, lang: crate::i18n::Lang) -> Result<Event, String> {
    let waiting: Vec<u64> = s
        .meds
        .iter()
        .filter(|m| m.effect.is_none())
        .map(|m| m.seq)
        .collect();
    let (n, text) = match rest.split_first() {
        Some((n, text)) => (n.parse::<usize>().ok(), text.join(" ")),
        None => (None, String::new()),
    };
    let entry = n
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| waiting.get(i))
        .ok_or_else(|| crate::say!(lang, "med-line-effect", count = waiting.len()))?;
    Ok(Event::MedicationEffect {
        entry: *entry,
        effect: text,
    })
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn an_amount_keeps_its_unit_apart() {
        assert_eq!(amount("4mg"), Some((4.0, "mg")));
        assert_eq!(amount("-33,2"), Some((-33.2, "")));
        assert_eq!(amount("0.5mcg"), Some((0.5, "mcg")));
        assert_eq!(amount("iv"), None);
    }
}
