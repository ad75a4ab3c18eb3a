//! The simulated patient's monitor speaks HL7: its readings as IHE PCD-01
//! `ORU^R01` messages, the same kind a real monitor's gateway sends to
//! `kap run --monitor`, so a rehearsal exercises the real path. A failed
//! cuff or an off probe sends what a failing device sends: the
//! observation with result status `X` (no value).

use chrono::{DateTime, FixedOffset};

/// The simulated monitor's identity (OBX-18).
pub const DEVICE: &str = "KAP-SIM";

/// What one message carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// A cuff cycle: the pressures, or `None` when the cuff failed.
    Cuff(Option<(u16, u16)>),
    /// The continuous measures: heart rate, and SpO₂ unless the probe is
    /// off.
    Continuous { hr: u16, spo2: Option<u16> },
}

fn obx(n: usize, code: &str, unit: &str, value: Option<u16>, at: &str) -> String {
    let (value, status) = match value {
        Some(v) => (v.to_string(), "R"),
        None => (String::new(), "X"),
    };
    format!("OBX|{n}|NM|{code}||{value}|{unit}|||||{status}|||{at}||||{DEVICE}\r")
}

/// One PCD-01 message for `patient`, numbered `control`, measured `at`.
pub fn message(control: &str, patient: &str, at: &DateTime<FixedOffset>, sent: Sent) -> String {
    let t = at.format("%Y%m%d%H%M%S%z").to_string();
    let mut m = format!(
        "MSH|^~\\&|KAP-SIM^{DEVICE}|REHEARSAL|||{t}||ORU^R01^ORU_R01|{control}|P|2.6\r\
         PID|||{patient}\r\
         OBR|1|{control}|{control}|182777000^monitoring of patient^SCT|||{t}\r"
    );
    const MMHG: &str = "266016^MDC_DIM_MMHG^MDC";
    match sent {
        Sent::Cuff(bp) => {
            m += &obx(
                1,
                "150021^MDC_PRESS_BLD_NONINV_SYS^MDC",
                MMHG,
                bp.map(|b| b.0),
                &t,
            );
            m += &obx(
                2,
                "150022^MDC_PRESS_BLD_NONINV_DIA^MDC",
                MMHG,
                bp.map(|b| b.1),
                &t,
            );
        }
        Sent::Continuous { hr, spo2 } => {
            m += &obx(
                1,
                "147842^MDC_ECG_HEART_RATE^MDC",
                "264864^MDC_DIM_BEAT_PER_MIN^MDC",
                Some(hr),
                &t,
            );
            m += &obx(
                2,
                "150456^MDC_PULS_OXIM_SAT_O2^MDC",
                "262688^MDC_DIM_PERCENT^MDC",
                spo2,
                &t,
            );
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::codes::Quantity;
    use crate::monitor::hl7;

    #[test]
    fn kaps_own_reader_reads_what_the_simulated_monitor_sends() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:42:00+00:00").unwrap();
        let m = hl7::parse(message("SIM-1", "P-1", &at, Sent::Cuff(Some((128, 82)))).as_bytes())
            .unwrap();
        assert_eq!(m.patient.as_deref(), Some("P-1"));
        let v: Vec<_> = m
            .observations
            .iter()
            .map(|o| (o.quantity, o.value))
            .collect();
        assert_eq!(
            v,
            vec![(Quantity::Systolic, 128.0), (Quantity::Diastolic, 82.0)]
        );
        let failed = hl7::parse(message("SIM-2", "P-1", &at, Sent::Cuff(None)).as_bytes()).unwrap();
        assert!(failed.observations.is_empty());
        assert_eq!(
            failed.not_obtained,
            vec![Quantity::Systolic, Quantity::Diastolic]
        );
        let off = Sent::Continuous { hr: 80, spo2: None };
        let off = hl7::parse(message("SIM-3", "P-1", &at, off).as_bytes()).unwrap();
        assert_eq!(off.observations.len(), 1);
        assert_eq!(off.not_obtained, vec![Quantity::Spo2]);
    }
}
