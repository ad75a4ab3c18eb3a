//! The site's identity lines of `kap doctor`: the directory of clinicians
//! (`clinicians.toml`) and whose identifier system the patients' ids are
//! in (`push.toml`'s `patient_system` / `mrn_system`). Judged from facts
//! gathered without touching the network (`cli/push_cmd.rs`); a problem
//! in `push.toml` itself is the `push` line's.

use super::Check;

/// What was found of the directory of clinicians.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryFacts {
    /// None: where it would be (when kap has a config folder).
    Absent(Option<String>),
    /// Read and checked: the file and how many clinicians it lists.
    Listed { file: String, count: usize },
    /// Wrong: the file and each problem, one line each, with its line and
    /// column.
    Broken { file: String, problems: Vec<String> },
}

/// Whose system the patients' ids are in, from the push config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityFacts {
    /// Push is off: nothing is sent, the ids stay on the laptop.
    PushOff,
    /// Push is on with kap's own pseudonym system (every site's).
    KapOwn { file: String },
    /// The site's own pseudonym system.
    SitePseudonyms { system: String },
    /// The clinic's patient numbers.
    ClinicNumbers { system: String },
}

/// The `clinicians` line. A broken directory is a warning, as a broken
/// push config is: a session can still be held, but the start form
/// cannot pick from it and nothing can be sent.
pub fn judge_directory(f: &DirectoryFacts, lang: crate::i18n::Lang) -> Check {
    match f {
        DirectoryFacts::Absent(file) => Check::ok(
            "clinicians",
            crate::say!(
                lang,
                "doctor-clinicians-none",
                file = file
                    .clone()
                    .unwrap_or_else(|| crate::site_paths::CLINICIANS.into())
            ),
        ),
        DirectoryFacts::Listed { file, count } => Check::ok(
            "clinicians",
            crate::say!(
                lang,
                "doctor-clinicians-ok",
                file = file.as_str(),
                count = *count
            ),
        ),
        DirectoryFacts::Broken { file, problems } => Check::warn(
            "clinicians",
            crate::say!(
                lang,
                "doctor-clinicians-broken",
                file = file.as_str(),
                count = problems.len(),
                problems = problems.join("; ")
            ),
        ),
    }
}

/// The `patients` line: kap's own pseudonyms on a server are a warning,
/// since two sites' patients of the same pseudonym become one Patient.
pub fn judge_identity(f: &IdentityFacts, lang: crate::i18n::Lang) -> Check {
    match f {
        IdentityFacts::PushOff => Check::ok("patients", crate::say!(lang, "doctor-patients-off")),
        IdentityFacts::KapOwn { file } => Check::warn(
            "patients",
            crate::say!(lang, "doctor-patients-kap", file = file.as_str()),
        ),
        IdentityFacts::SitePseudonyms { system } => Check::ok(
            "patients",
            crate::say!(lang, "doctor-patients-site", system = system.as_str()),
        ),
        IdentityFacts::ClinicNumbers { system } => Check::ok(
            "patients",
            crate::say!(lang, "doctor-patients-mrn", system = system.as_str()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Verdict;

    #[test]
    fn the_directory_reads_as_one_line() {
        let c = judge_directory(
            &DirectoryFacts::Listed {
                file: "/etc/kap/clinicians.toml".into(),
                count: 2,
            },
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Ok);
        assert!(
            c.text
                .contains("/etc/kap/clinicians.toml lists 2 clinicians"),
            "{}",
            c.text
        );
        let c = judge_directory(
            &DirectoryFacts::Broken {
                file: "c.toml".into(),
                problems: vec![
                    "c.toml:2:6: error: id: x".into(),
                    "c.toml:9:1: error: y".into(),
                ],
            },
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(
            c.text
                .contains("c.toml:2:6: error: id: x; c.toml:9:1: error: y"),
            "{}",
            c.text
        );
        let c = judge_directory(&DirectoryFacts::Absent(None), crate::i18n::Lang::En);
        assert_eq!((c.verdict, c.id.as_ref()), (Verdict::Ok, "clinicians"));
    }

    #[test]
    fn kaps_own_pseudonyms_on_a_server_are_a_warning() {
        let c = judge_identity(
            &IdentityFacts::KapOwn {
                file: "/etc/kap/push.toml".into(),
            },
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(c.text.contains("patient_system"), "{}", c.text);
        let c = judge_identity(
            &IdentityFacts::ClinicNumbers {
                system: "https://clinic.example/mrn".into(),
            },
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Ok);
        assert!(c.text.contains("https://clinic.example/mrn"), "{}", c.text);
        assert_eq!(
            judge_identity(&IdentityFacts::PushOff, crate::i18n::Lang::En).verdict,
            Verdict::Ok
        );
    }
}
