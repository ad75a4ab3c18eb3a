//! The observation and unit codes kap reads from an `ORU^R01`'s OBX
//! segments: IEEE 11073-10101 (MDC) codes, as IHE PCD-01 sends them, and the
//! LOINC codes some gateways use instead. A code not listed here is ignored
//! and named in the answer, never guessed.

/// A measure kap takes from the monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quantity {
    /// Non-invasive blood pressure, systolic.
    Systolic,
    Diastolic,
    /// Non-invasive mean arterial pressure.
    Mean,
    /// Heart rate from the ECG.
    HrEcg,
    /// Pulse rate from the pulse oximeter.
    HrPulseOx,
    Spo2,
    /// Respiratory rate.
    Rr,
}

/// What the value is measured in, as kap checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    MmHg,
    KPa,
    PerMinute,
    Percent,
}

/// (MDC code, MDC reference id, LOINC code, quantity).
const OBSERVATIONS: &[(&str, &str, &str, Quantity)] = &[
    (
        "150021",
        "MDC_PRESS_BLD_NONINV_SYS",
        "8480-6",
        Quantity::Systolic,
    ),
    (
        "150022",
        "MDC_PRESS_BLD_NONINV_DIA",
        "8462-4",
        Quantity::Diastolic,
    ),
    (
        "150023",
        "MDC_PRESS_BLD_NONINV_MEAN",
        "8478-0",
        Quantity::Mean,
    ),
    ("150301", "MDC_PRESS_CUFF_SYS", "", Quantity::Systolic),
    ("150302", "MDC_PRESS_CUFF_DIA", "", Quantity::Diastolic),
    ("150303", "MDC_PRESS_CUFF_MEAN", "", Quantity::Mean),
    ("147842", "MDC_ECG_HEART_RATE", "8867-4", Quantity::HrEcg),
    ("149530", "MDC_PULS_OXIM_PULS_RATE", "", Quantity::HrPulseOx),
    ("150456", "MDC_PULS_OXIM_SAT_O2", "59408-5", Quantity::Spo2),
    ("151562", "MDC_RESP_RATE", "9279-1", Quantity::Rr),
    ("", "MDC_TTHOR_RESP_RATE", "", Quantity::Rr),
    ("", "MDC_AWAY_RESP_RATE", "", Quantity::Rr),
    ("", "MDC_CO2_RESP_RATE", "", Quantity::Rr),
];

/// (MDC code, MDC reference id, UCUM code, unit).
const UNITS: &[(&str, &str, &str, Unit)] = &[
    ("266016", "MDC_DIM_MMHG", "mm[Hg]", Unit::MmHg),
    ("265987", "MDC_DIM_KILO_PASCAL", "kPa", Unit::KPa),
    (
        "264864",
        "MDC_DIM_BEAT_PER_MIN",
        "{beats}/min",
        Unit::PerMinute,
    ),
    (
        "264928",
        "MDC_DIM_RESP_PER_MIN",
        "{breaths}/min",
        Unit::PerMinute,
    ),
    ("262688", "MDC_DIM_PERCENT", "%", Unit::Percent),
];

/// Other spellings of units gateways send in OBX-6.
const UNIT_WORDS: &[(&str, Unit)] = &[
    ("mmhg", Unit::MmHg),
    ("kpa", Unit::KPa),
    ("/min", Unit::PerMinute),
    ("bpm", Unit::PerMinute),
    ("beats/min", Unit::PerMinute),
    ("breaths/min", Unit::PerMinute),
    ("rpm", Unit::PerMinute),
    ("1/min", Unit::PerMinute),
    ("%", Unit::Percent),
];

/// The quantity an OBX-3 (`code^text^system`) names, if kap reads it. A
/// coded element names it by its code under its system (`MDC`, `LN`), or
/// by its MDC reference id in the text.
pub fn quantity(code: &str, text: &str, system: &str) -> Option<Quantity> {
    let system = system.to_ascii_uppercase();
    let loinc = system == "LN" || system == "LOINC";
    OBSERVATIONS.iter().find_map(|(mdc, refid, ln, q)| {
        let by_code = if loinc {
            !ln.is_empty() && code == *ln
        } else {
            !mdc.is_empty() && code == *mdc
        };
        (by_code || text.eq_ignore_ascii_case(refid) || code.eq_ignore_ascii_case(refid))
            .then_some(*q)
    })
}

/// The unit an OBX-6 (`code^text^system`) names, if kap knows it.
pub fn unit(code: &str, text: &str) -> Option<Unit> {
    for (mdc, refid, ucum, u) in UNITS {
        if code == *mdc || code == *ucum || code.eq_ignore_ascii_case(refid) {
            return Some(*u);
        }
        if text.eq_ignore_ascii_case(refid) {
            return Some(*u);
        }
    }
    let words = [code, text];
    words.iter().find_map(|w| {
        let w = w.trim().to_ascii_lowercase();
        UNIT_WORDS.iter().find(|(s, _)| *s == w).map(|(_, u)| *u)
    })
}

impl Quantity {
    /// The unit this quantity is kept in, and the value in it from `value`
    /// in `unit`; `None` when the unit does not measure this quantity.
    pub fn convert(self, value: f64, unit: Unit) -> Option<f64> {
        match (self, unit) {
            (Quantity::Systolic | Quantity::Diastolic | Quantity::Mean, Unit::MmHg) => Some(value),
            // 1 kPa = 7.500 616 8 mmHg (101.325 kPa = 760 mmHg).
            (Quantity::Systolic | Quantity::Diastolic | Quantity::Mean, Unit::KPa) => {
                Some(value * 760.0 / 101.325)
            }
            (Quantity::HrEcg | Quantity::HrPulseOx | Quantity::Rr, Unit::PerMinute) => Some(value),
            (Quantity::Spo2, Unit::Percent) => Some(value),
            _ => None,
        }
    }

    /// The MDC reference id kap names it by (in the journal and exports).
    pub fn refid(self) -> &'static str {
        OBSERVATIONS
            .iter()
            .find(|(_, _, _, q)| *q == self)
            .map_or("", |(_, r, _, _)| r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_by_mdc_loinc_and_name() {
        assert_eq!(quantity("150456", "", "MDC"), Some(Quantity::Spo2));
        assert_eq!(
            quantity("8480-6", "Systolic", "LN"),
            Some(Quantity::Systolic)
        );
        // A LOINC code is not read as an MDC one, nor the other way.
        assert_eq!(quantity("150456", "", "LN"), None);
        assert_eq!(quantity("8867-4", "", "MDC"), None);
        assert_eq!(
            quantity("0", "MDC_TTHOR_RESP_RATE", "MDC"),
            Some(Quantity::Rr)
        );
        assert_eq!(quantity("188736", "MDC_MASS_BODY_ACTUAL", "MDC"), None);
    }

    #[test]
    fn units_and_conversions() {
        assert_eq!(unit("266016", "MDC_DIM_MMHG"), Some(Unit::MmHg));
        assert_eq!(unit("kPa", ""), Some(Unit::KPa));
        assert_eq!(unit("", "bpm"), Some(Unit::PerMinute));
        assert_eq!(unit("262688", ""), Some(Unit::Percent));
        assert_eq!(unit("cm", ""), None);
        let mmhg = Quantity::Systolic.convert(16.0, Unit::KPa).unwrap();
        assert!((mmhg - 120.01).abs() < 0.01, "{mmhg}");
        assert_eq!(Quantity::Spo2.convert(97.0, Unit::MmHg), None);
        assert_eq!(Quantity::HrEcg.convert(72.0, Unit::Percent), None);
    }
}
