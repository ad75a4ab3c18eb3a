//! Instructor injections: changes to the simulation made while the trainee
//! works — a vital sign stepped or faded to a new level, a line the
//! patient says, a device that fails or comes back. A scenario can name
//! sets of them for the instructor to fire with one key.
//!
//! Applying them is pure: the patient keeps each with the simulated minute
//! it was made, and its values at any later minute follow from the list.

use crate::protocol::model::Metric;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Injection {
    /// One vital sign moves by `change`, reached over `fade_minutes`
    /// (0: at once), and stays there until another change.
    Vitals {
        metric: Metric,
        change: f64,
        #[serde(default)]
        fade_minutes: f64,
    },
    /// Something the patient says or does, shown where the trainee would
    /// see or hear it.
    Patient {
        text: String,
    },
    /// A device stops working until it is restored.
    DeviceFails {
        device: Device,
    },
    DeviceRestored {
        device: Device,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Device {
    /// The blood-pressure cuff: cycling it gives no reading.
    Cuff,
    /// The SpO₂ probe: the monitor shows no SpO₂.
    Spo2Probe,
    /// The music's sound device: the music stops.
    Sound,
}

impl Device {
    pub const ALL: [Device; 3] = [Device::Cuff, Device::Spo2Probe, Device::Sound];

    /// The device in the user's language.
    pub fn name(self, lang: crate::i18n::Lang) -> String {
        match self {
            Device::Cuff => crate::say!(lang, "device-cuff"),
            Device::Spo2Probe => crate::say!(lang, "device-spo2-probe"),
            Device::Sound => crate::say!(lang, "device-sound"),
        }
    }
}

/// A set of injections a scenario names, fired together with one key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedInjection {
    pub id: String,
    /// What the instructor's console lists.
    pub name: String,
    #[serde(rename = "do")]
    pub effects: Vec<Injection>,
}

impl Injection {
    /// One line for the instructor's console and the trainee report.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Injection::Vitals {
                metric,
                change,
                fade_minutes,
            } => {
                let change = if *change > 0.0 {
                    format!("+{}", crate::i18n::num_in(lang, *change))
                } else {
                    crate::i18n::num_in(lang, *change)
                };
                if *fade_minutes > 0.0 {
                    crate::say!(
                        lang,
                        "inject-vitals-fade",
                        metric = crate::i18n::Phrase::say(&metric.label(), lang),
                        change = change,
                        minutes = crate::i18n::num_in(lang, *fade_minutes)
                    )
                } else {
                    crate::say!(
                        lang,
                        "inject-vitals-step",
                        metric = crate::i18n::Phrase::say(&metric.label(), lang),
                        change = change
                    )
                }
            }
            Injection::Patient { text } => crate::say!(lang, "inject-patient", text = text.clone()),
            Injection::DeviceFails { device } => {
                crate::say!(lang, "inject-device-fails", device = device.name(lang))
            }
            Injection::DeviceRestored { device } => {
                crate::say!(lang, "inject-device-restored", device = device.name(lang))
            }
        }
    }

    /// What is wrong with it, if anything (for scenario files and the
    /// socket, which both take injections from outside).
    pub fn problem(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.problem_at(lang).map(|(_, why)| why)
    }

    /// The same, with the key at fault.
    pub fn problem_at(&self, lang: crate::i18n::Lang) -> Option<(&'static str, String)> {
        match self {
            Injection::Vitals {
                change,
                fade_minutes,
                ..
            } => {
                if !change.is_finite() || change.abs() > 200.0 {
                    Some((
                        "change",
                        crate::say!(
                            lang,
                            "sc-between-found",
                            key = "change",
                            min = -200,
                            max = 200,
                            value = change.to_string()
                        ),
                    ))
                } else if !fade_minutes.is_finite() || !(0.0..=240.0).contains(fade_minutes) {
                    Some((
                        "fade_minutes",
                        crate::say!(
                            lang,
                            "sc-between-found",
                            key = "fade_minutes",
                            min = 0,
                            max = 240,
                            value = fade_minutes.to_string()
                        ),
                    ))
                } else {
                    None
                }
            }
            Injection::Patient { text } => {
                if text.trim().is_empty() {
                    Some(("text", crate::say!(lang, "pv-empty", key = "text")))
                } else if text.chars().count() > 500 {
                    Some(("text", crate::say!(lang, "sc-text-long", max = 500)))
                } else if crate::text::has_control(text) {
                    // One line, as the monitor panel shows it: no escape
                    // sequences, line breaks or direction overrides.
                    Some(("text", crate::say!(lang, "sc-text-control")))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// The injections a patient has received, each at its simulated minute
/// (since the session started), in the order they were made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Injected(pub Vec<(f64, Injection)>);

impl Injected {
    pub fn push(&mut self, minute: f64, i: Injection) {
        self.0.push((minute, i));
    }

    /// How much the injections move `metric` at `minute`.
    pub fn offset(&self, metric: Metric, minute: f64) -> f64 {
        self.0
            .iter()
            .filter(|(at, _)| *at <= minute)
            .map(|(at, i)| match i {
                Injection::Vitals {
                    metric: m,
                    change,
                    fade_minutes,
                } if *m == metric => {
                    let k = if *fade_minutes > 0.0 {
                        ((minute - at) / fade_minutes).clamp(0.0, 1.0)
                    } else {
                        1.0
                    };
                    change * k
                }
                _ => 0.0,
            })
            .sum()
    }

    /// Whether `device` is failed at `minute`: the last failure or
    /// restoration of it by then decides.
    pub fn failed(&self, device: Device, minute: f64) -> bool {
        self.0
            .iter()
            .rev()
            .filter(|(at, _)| *at <= minute)
            .find_map(|(_, i)| match i {
                Injection::DeviceFails { device: d } if *d == device => Some(true),
                Injection::DeviceRestored { device: d } if *d == device => Some(false),
                _ => None,
            })
            .unwrap_or(false)
    }

    /// The last thing the patient was made to say by `minute`, with when.
    pub fn said(&self, minute: f64) -> Option<(f64, &str)> {
        self.0
            .iter()
            .rev()
            .filter(|(at, _)| *at <= minute)
            .find_map(|(at, i)| match i {
                Injection::Patient { text } => Some((*at, text.as_str())),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_faded_change_builds_up_and_then_holds() {
        let mut j = Injected::default();
        j.push(
            10.0,
            Injection::Vitals {
                metric: Metric::Systolic,
                change: 40.0,
                fade_minutes: 4.0,
            },
        );
        assert_eq!(j.offset(Metric::Systolic, 9.0), 0.0);
        assert_eq!(j.offset(Metric::Systolic, 12.0), 20.0);
        assert_eq!(j.offset(Metric::Systolic, 30.0), 40.0);
        assert_eq!(j.offset(Metric::Hr, 30.0), 0.0);
        j.push(
            31.0,
            Injection::Vitals {
                metric: Metric::Systolic,
                change: -40.0,
                fade_minutes: 0.0,
            },
        );
        assert_eq!(j.offset(Metric::Systolic, 31.0), 0.0);
    }

    #[test]
    fn a_device_is_failed_until_restored() {
        let mut j = Injected::default();
        j.push(
            5.0,
            Injection::DeviceFails {
                device: Device::Cuff,
            },
        );
        j.push(
            9.0,
            Injection::DeviceRestored {
                device: Device::Cuff,
            },
        );
        assert!(!j.failed(Device::Cuff, 4.0));
        assert!(j.failed(Device::Cuff, 6.0));
        assert!(!j.failed(Device::Cuff, 9.5));
        assert!(!j.failed(Device::Spo2Probe, 6.0));
    }

    #[test]
    fn injections_read_from_toml_and_json_alike() {
        let n: NamedInjection = toml::from_str(
            "id = \"bp\"\nname = \"BP climbs\"\n[[do]]\ntype = \"vitals\"\nmetric = \"systolic\"\nchange = 40\nfade_minutes = 5\n[[do]]\ntype = \"device-fails\"\ndevice = \"spo2-probe\"\n",
        )
        .unwrap();
        assert_eq!(n.effects.len(), 2);
        let json = serde_json::to_string(&n.effects[1]).unwrap();
        assert_eq!(json, r#"{"type":"device-fails","device":"spo2-probe"}"#);
        assert!(
            Injection::Vitals {
                metric: Metric::Hr,
                change: f64::NAN,
                fade_minutes: 0.0
            }
            .problem(crate::i18n::Lang::En)
            .is_some()
        );
    }
}
