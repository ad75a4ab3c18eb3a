//! The bedside monitor's feed (`kap run --monitor ADDR`): HL7 v2
//! `ORU^R01` messages (IHE PCD-01) over MLLP, read at the edge and judged
//! here into what the session core records. See docs/monitor.md.
//!
//! - [`hl7`]: the bounded message reader and the `ACK`;
//! - [`mllp`]: the framing;
//! - [`codes`]: the MDC and LOINC codes and units read;
//! - [`listen`]: the listener thread;
//! - [`judge`]: a message against the session open (its patient, the
//!   control ids already recorded), pure.

pub mod codes;
pub mod hl7;
pub mod listen;
pub mod mllp;
pub mod site;

use chrono::FixedOffset;
use codes::Quantity;
use hl7::Message;
use kap_core::session::monitor::{MonitorReading, MonitorRecord};
use kap_core::session::vitals::Reading;

/// Most monitor readings one session records: a monitor sending every
/// minute fills a quarter of it in a long day; a peer that sends more
/// is answered `AE` and fills nothing further.
pub const MAX_READINGS: usize = 2000;

/// The port HL7 over MLLP commonly uses.
pub const DEFAULT_PORT: u16 = 2575;

/// How the feed's patient is checked against the session's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatientCheck {
    /// PID-3 must be the session's patient id.
    Pid,
    /// PV1-3 (or its bed component) must be this bed label.
    Bed(String),
}

/// What to do with one message.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Record these readings, unconfirmed.
    Record(MonitorReading),
    /// Already recorded (the same control id from the same monitor).
    Duplicate,
    /// The session holds [`MAX_READINGS`] monitor readings already.
    Full,
    /// Not this session's patient: what the message named (`None`: it
    /// named none).
    WrongPatient { sent: Option<String> },
    /// Nothing kap reads: the quantities the device could not measure,
    /// and the codes ignored.
    Nothing {
        not_obtained: Vec<Quantity>,
        ignored: Vec<String>,
    },
}

/// Judge a message for the session of `patient`, whose monitor readings
/// are `record`; a device time without an offset is read in `local`.
pub fn judge(
    m: &Message,
    patient: &str,
    record: &MonitorRecord,
    check: &PatientCheck,
    local: FixedOffset,
) -> Verdict {
    let ours = match check {
        PatientCheck::Pid => m.patient.as_deref() == Some(patient.trim()),
        PatientCheck::Bed(label) => m.bed.as_deref().is_some_and(|b| {
            b == label.trim() || b.split('^').nth(2).is_some_and(|bed| bed == label.trim())
        }),
    };
    if !ours {
        let sent = match check {
            PatientCheck::Pid => m.patient.clone(),
            PatientCheck::Bed(_) => m.bed.clone(),
        };
        return Verdict::WrongPatient { sent };
    }
    let device = m
        .observations
        .iter()
        .find_map(|o| o.device.clone())
        .unwrap_or_else(|| m.sender.clone());
    let device = if device.is_empty() {
        "monitor".to_string()
    } else {
        device
    };
    if record.has(&device, &m.control_id) {
        return Verdict::Duplicate;
    }
    if record.readings.len() >= MAX_READINGS {
        return Verdict::Full;
    }
    let value = |q: Quantity| {
        m.observations
            .iter()
            .find(|o| o.quantity == q)
            .map(|o| o.value.round().clamp(0.0, f64::from(u16::MAX)) as u16)
    };
    let reading = Reading {
        systolic: value(Quantity::Systolic),
        diastolic: value(Quantity::Diastolic),
        hr: value(Quantity::HrEcg).or_else(|| value(Quantity::HrPulseOx)),
        spo2: value(Quantity::Spo2),
    };
    let (mean, rr) = (value(Quantity::Mean), value(Quantity::Rr));
    if reading.is_empty() && mean.is_none() && rr.is_none() {
        return Verdict::Nothing {
            not_obtained: m.not_obtained.clone(),
            ignored: m.ignored.clone(),
        };
    }
    let device_time = m
        .observations
        .iter()
        .find_map(|o| o.at.as_deref())
        .or(m.sent.as_deref())
        .and_then(|t| hl7::parse_time(t, local));
    Verdict::Record(MonitorReading {
        control: m.control_id.clone(),
        device,
        device_time,
        reading,
        mean,
        rr,
    })
}

/// Read `--monitor`'s address: `PORT`, `HOST:PORT` or `HOST` (port 2575).
/// Only a loopback address is taken, unless it is the one the site names
/// (`site_lan`, `monitor.toml`'s `listen`): a LAN listener is the site's
/// decision, not a typo's.
pub fn address(
    given: &str,
    site_lan: Option<&str>,
) -> Result<std::net::SocketAddr, kap_core::i18n::Phrase> {
    let addr = parse_address(given)?;
    let named = site_lan.and_then(|s| parse_address(s).ok());
    if !addr.ip().is_loopback() && named != Some(addr) {
        return Err(kap_core::phrase!("feed-not-local", addr = addr.to_string()));
    }
    Ok(addr)
}

pub(crate) fn parse_address(given: &str) -> Result<std::net::SocketAddr, kap_core::i18n::Phrase> {
    use std::net::{IpAddr, Ipv4Addr, SocketAddr};
    let g = given.trim();
    let local = |port| SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port);
    if let Ok(port) = g.parse::<u16>() {
        Ok(local(port))
    } else if let Ok(a) = g.parse::<SocketAddr>() {
        Ok(a)
    } else if let Ok(ip) = g.parse::<IpAddr>() {
        Ok(SocketAddr::new(ip, DEFAULT_PORT))
    } else if g == "localhost" || g.is_empty() {
        Ok(local(DEFAULT_PORT))
    } else if let Some(port) = g.strip_prefix("localhost:").and_then(|p| p.parse().ok()) {
        Ok(local(port))
    } else {
        Err(kap_core::phrase!("feed-bad-address", addr = g))
    }
}
