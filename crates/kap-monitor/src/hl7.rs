//! A small, bounded reader of HL7 v2 `ORU^R01` messages as IHE PCD-01
//! sends them, and the `ACK` kap answers with. Only what kap uses is read:
//! MSH (separators, sender, type, control id), PID-3, PV1-3 and each OBX's
//! identifier, value, units, status, time and equipment. Every field kept
//! is cut to [`MAX_KEPT`] characters and stripped of control characters;
//! a message longer than [`MAX_MESSAGE`] or with more than
//! [`MAX_SEGMENTS`] segments is refused whole.
//!
//! Written here rather than taken from a crate: `hl7v2` is AGPL-3.0 and
//! `rumtk-hl7-v2` LGPL; the permissive ones (`hl7-net` 0.1, `hl7-2` 0.2,
//! `rust-hl7`, its author's learning project) are young and build a whole
//! message tree with no stated bound on what they keep. kap needs a few
//! fields of four segments, each with its limit stated here.

use super::codes::{self, Quantity};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// Largest message read, in bytes.
pub const MAX_MESSAGE: usize = 64 * 1024;
/// Most segments read in one message.
pub const MAX_SEGMENTS: usize = 256;
/// Most observations kept from one message.
pub const MAX_OBSERVATIONS: usize = 64;
/// Longest identifier or time kept, in characters.
pub const MAX_KEPT: usize = 64;
/// Most ignored codes named in one answer.
const MAX_NAMED: usize = 8;

/// One observation kap reads, converted to the unit it keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub quantity: Quantity,
    /// In mmHg, per minute or %.
    pub value: f64,
    /// OBX-14, as sent.
    pub at: Option<String>,
    /// OBX-18's first component: the device that measured it.
    pub device: Option<String>,
}

/// What an `ORU^R01` holds for kap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    /// MSH-10.
    pub control_id: String,
    /// MSH-3 and MSH-4, `/` between them when both are there.
    pub sender: String,
    /// MSH-9 and MSH-12, for the answer.
    pub version: String,
    /// MSH-7, as sent.
    pub sent: Option<String>,
    /// PID-3's first identifier.
    pub patient: Option<String>,
    /// PV1-3 (point of care^room^bed), as sent.
    pub bed: Option<String>,
    pub observations: Vec<Observation>,
    /// Observations with a result status saying there is no value
    /// (OBX-11 `X`, `D` or `W`): a cuff or probe that could not measure.
    pub not_obtained: Vec<Quantity>,
    /// Codes kap does not read, as `code text` (the first few).
    pub ignored: Vec<String>,
}

/// Why a message was not taken. `Rejected` ones are answered `AR` (kap
/// will not take them, however often they are sent), the others `AE`.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// No MSH segment, or its separators are not usable.
    NotHl7,
    TooLarge,
    /// Another message type than `ORU^R01`.
    Unsupported(String),
    NoControlId,
    /// OBX-5 is not a number.
    BadValue {
        code: String,
        value: String,
    },
    /// OBX-6 is missing, unknown or not a unit of the quantity.
    BadUnit {
        code: String,
        unit: String,
    },
}

impl Problem {
    /// `AR` or `AE`.
    pub fn ack_code(&self) -> &'static str {
        match self {
            Problem::NotHl7
            | Problem::TooLarge
            | Problem::Unsupported(_)
            | Problem::NoControlId => "AR",
            Problem::BadValue { .. } | Problem::BadUnit { .. } => "AE",
        }
    }

    /// The answer's text (MSA-3): for the sending system, in English, as
    /// HL7 answers are.
    pub fn text(&self) -> String {
        match self {
            Problem::NotHl7 => "not an HL7 v2 message (no usable MSH segment)".into(),
            Problem::TooLarge => format!(
                "message too large (more than {MAX_MESSAGE} bytes or {MAX_SEGMENTS} segments)"
            ),
            Problem::Unsupported(t) => format!("message type {t} not accepted; kap takes ORU^R01"),
            Problem::NoControlId => "MSH-10 (message control id) is empty".into(),
            Problem::BadValue { code, value } => {
                format!("OBX {code}: value {value:?} is not a number")
            }
            Problem::BadUnit { code, unit } => {
                format!("OBX {code}: unit {unit:?} is not one kap reads for it")
            }
        }
    }
}

/// The separators MSH declares.
#[derive(Debug, Clone, Copy)]
struct Seps {
    field: char,
    component: char,
    repetition: char,
}

/// Keep at most [`MAX_KEPT`] characters, without control characters.
pub fn kept(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(MAX_KEPT)
        .collect::<String>()
        .trim()
        .to_string()
}

fn nonempty(s: &str) -> Option<String> {
    let k = kept(s);
    (!k.is_empty()).then_some(k)
}

impl Seps {
    fn read(msh: &str) -> Option<Seps> {
        let mut chars = msh.chars().skip(3);
        let field = chars.next()?;
        let enc: Vec<char> = chars.take_while(|c| *c != field).collect();
        let component = enc.first().copied().unwrap_or('^');
        let repetition = enc.get(1).copied().unwrap_or('~');
        let all = [field, component, repetition];
        let usable = all.iter().all(|c| c.is_ascii_punctuation());
        let distinct = field != component && field != repetition && component != repetition;
        (usable && distinct).then_some(Seps {
            field,
            component,
            repetition,
        })
    }

    /// The first repetition's components of a field.
    fn components<'a>(&self, field: &'a str) -> Vec<&'a str> {
        let first = field.split(self.repetition).next().unwrap_or("");
        first.split(self.component).take(16).collect()
    }
}

fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or("")
}

fn comp<'a>(c: &[&'a str], i: usize) -> &'a str {
    c.get(i).copied().unwrap_or("").trim()
}

/// A message's control id (MSH-10) read as far as it can be, for the
/// answer to a message that could not be taken; empty when there is none.
pub fn control_id_of(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start();
    let Some(seps) = text.starts_with("MSH").then(|| Seps::read(text)).flatten() else {
        return String::new();
    };
    let msh = text.split(['\r', '\n']).next().unwrap_or("");
    kept(msh.split(seps.field).nth(9).unwrap_or(""))
}

/// Read one message (the bytes inside an MLLP frame).
pub fn parse(bytes: &[u8]) -> Result<Message, Problem> {
    if bytes.len() > MAX_MESSAGE {
        return Err(Problem::TooLarge);
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !text.starts_with("MSH") {
        return Err(Problem::NotHl7);
    }
    let seps = Seps::read(text).ok_or(Problem::NotHl7)?;
    let segments: Vec<&str> = text
        .split(['\r', '\n'])
        .filter(|s| !s.trim().is_empty())
        .take(MAX_SEGMENTS + 1)
        .collect();
    if segments.len() > MAX_SEGMENTS {
        return Err(Problem::TooLarge);
    }
    let mut m = Message::default();
    let mut type_seen = String::new();
    for seg in segments {
        let fields: Vec<&str> = seg.split(seps.field).take(32).collect();
        match field(&fields, 0) {
            // MSH-1 is the separator itself: MSH-n is fields[n - 1].
            "MSH" => {
                // A HD's namespace and universal id (its type left out).
                let hd = |i: usize| {
                    let c = seps.components(field(&fields, i));
                    kept(format!("{} {}", comp(&c, 0), comp(&c, 1)).trim())
                };
                let (app, fac) = (hd(2), hd(3));
                m.sender = match (app.is_empty(), fac.is_empty()) {
                    (false, false) => format!("{app}/{fac}"),
                    (false, true) => app,
                    (true, _) => fac,
                };
                m.sent = nonempty(comp(&seps.components(field(&fields, 6)), 0));
                let t = seps.components(field(&fields, 8));
                type_seen = kept(&format!("{}^{}", comp(&t, 0), comp(&t, 1)));
                m.control_id = kept(field(&fields, 9));
                m.version = kept(comp(&seps.components(field(&fields, 11)), 0));
            }
            "PID" => m.patient = nonempty(comp(&seps.components(field(&fields, 3)), 0)),
            "PV1" => {
                let c = seps.components(field(&fields, 3));
                let parts: Vec<&str> = c.iter().map(|s| s.trim()).collect();
                m.bed = nonempty(parts.join("^").trim_end_matches('^'));
            }
            "OBX" => observation(&seps, &fields, &mut m)?,
            _ => {}
        }
    }
    if type_seen != "ORU^R01" {
        return Err(Problem::Unsupported(type_seen));
    }
    if m.control_id.is_empty() {
        return Err(Problem::NoControlId);
    }
    Ok(m)
}

fn observation(seps: &Seps, fields: &[&str], m: &mut Message) -> Result<(), Problem> {
    let id = seps.components(field(fields, 3));
    let (code, text, system) = (comp(&id, 0), comp(&id, 1), comp(&id, 2));
    let Some(q) = codes::quantity(code, text, system) else {
        if !(code.is_empty() && text.is_empty()) && m.ignored.len() < MAX_NAMED {
            m.ignored.push(kept(format!("{code} {text}").trim()));
        }
        return Ok(());
    };
    let named = kept(if text.is_empty() { code } else { text });
    let status = field(fields, 11).trim();
    if matches!(status, "X" | "D" | "W") {
        if !m.not_obtained.contains(&q) {
            m.not_obtained.push(q);
        }
        return Ok(());
    }
    let raw = comp(&seps.components(field(fields, 5)), 0);
    let value = raw
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| Problem::BadValue {
            code: named.clone(),
            value: kept(raw),
        })?;
    let u = seps.components(field(fields, 6));
    let bad_unit = || Problem::BadUnit {
        code: named.clone(),
        unit: kept(&u.join("^")),
    };
    let unit = codes::unit(comp(&u, 0), comp(&u, 1)).ok_or_else(bad_unit)?;
    let value = q.convert(value, unit).ok_or_else(bad_unit)?;
    if m.observations.len() < MAX_OBSERVATIONS {
        m.observations.push(Observation {
            quantity: q,
            value,
            at: nonempty(comp(&seps.components(field(fields, 14)), 0)),
            device: nonempty(comp(&seps.components(field(fields, 18)), 0)),
        });
    }
    Ok(())
}

/// An HL7 DTM (`YYYYMMDDHHMM[SS[.S…]][+/-ZZZZ]`) as a moment; without an
/// offset it is read in `local`.
pub fn parse_time(s: &str, local: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    let (body, offset) = match s.find(['+', '-']) {
        Some(i) => (&s[..i], Some(&s[i..])),
        None => (s, None),
    };
    let digits = body.split('.').next()?;
    if digits.len() < 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |a: usize, b: usize| digits.get(a..b).and_then(|x| x.parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(4, 6)?, n(6, 8)?)?;
    let sec = if digits.len() >= 14 { n(12, 14)? } else { 0 };
    let naive = date.and_hms_opt(n(8, 10)?, n(10, 12)?, sec)?;
    let tz = match offset {
        None => local,
        Some(o) if o.len() == 5 => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let h = o.get(1..3)?.parse::<i32>().ok()?;
            let m = o.get(3..5)?.parse::<i32>().ok()?;
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))?
        }
        Some(_) => return None,
    };
    tz.from_local_datetime(&naive).single()
}

/// HL7 escapes for text put in a field of the answer: at most `max`
/// characters, no control characters.
fn escape(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_control()).take(max) {
        match c {
            '\\' => out.push_str("\\E\\"),
            '|' => out.push_str("\\F\\"),
            '^' => out.push_str("\\S\\"),
            '&' => out.push_str("\\T\\"),
            '~' => out.push_str("\\R\\"),
            c => out.push(c),
        }
    }
    out
}

/// The `ACK` to a message: `code` (`AA`, `AE` or `AR`) for `control_id`,
/// with `text`; stamped `now` and numbered `ack_id`.
pub fn ack(
    control_id: &str,
    version: &str,
    code: &str,
    text: &str,
    now: &DateTime<FixedOffset>,
    ack_id: u64,
) -> String {
    let version = if version.is_empty() { "2.6" } else { version };
    format!(
        "MSH|^~\\&|KAP|KAP|||{}||ACK^R01^ACK|KAP{ack_id}|P|{}\rMSA|{code}|{}|{}\r",
        now.format("%Y%m%d%H%M%S%z"),
        escape(version, MAX_KEPT),
        escape(control_id, MAX_KEPT),
        escape(text, 200),
    )
}
