//! The site's directory of clinicians (`clinicians.toml`, beside
//! `push.toml`): each one's name, role and identifier (a licence number or
//! the clinic's staff id). The start form and `kap resume --clinician`
//! pick from it, and the push sends each clinician as the same
//! Practitioner in every session (found by that identifier). Parsing and
//! every judgment are pure; [`load`] reads the file.

use crate::protocol::{Diagnostic, Level};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file's name, in the folder of the `push.toml` that applies.
pub const FILE_NAME: &str = "clinicians.toml";
/// Largest directory file read.
const MAX_FILE: u64 = 256 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// The identifier system of every clinician's `id` unless one names
    /// its own.
    system: Option<Spanned<String>>,
    #[serde(default)]
    clinician: Vec<RawClinician>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClinician {
    id: Spanned<String>,
    name: Spanned<String>,
    role: Option<String>,
    system: Option<Spanned<String>>,
}

/// One clinician of the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinician {
    /// The identifier (licence number, staff id).
    pub id: String,
    /// Its identifier system.
    pub system: String,
    pub name: String,
    pub role: Option<String>,
}

impl Clinician {
    /// As the record names the clinician: "A. Martin, RN".
    pub fn label(&self) -> String {
        match &self.role {
            Some(r) => format!("{}, {r}", self.name),
            None => self.name.clone(),
        }
    }
}

/// A checked directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    pub file: PathBuf,
    pub clinicians: Vec<Clinician>,
}

impl Directory {
    /// The clinician typed as their id or their label (either case).
    pub fn find(&self, typed: &str) -> Option<&Clinician> {
        let t = typed.trim();
        self.clinicians
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(t))
            .or_else(|| {
                let t = t.to_lowercase();
                let label = self
                    .clinicians
                    .iter()
                    .find(|c| c.label().to_lowercase() == t);
                // A bare name only when one clinician has it.
                let mut named = self
                    .clinicians
                    .iter()
                    .filter(|c| c.name.to_lowercase() == t);
                label.or_else(|| match (named.next(), named.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                })
            })
    }

    /// The clinician the record names `label`.
    pub fn by_label(&self, label: &str) -> Option<&Clinician> {
        self.clinicians.iter().find(|c| c.label() == label)
    }

    /// The clinicians field of the start form (`;` between them, each an
    /// id or a name) as the directory's labels, or the first one not in
    /// it.
    pub fn resolve(&self, typed: &str, lang: crate::i18n::Lang) -> Result<String, String> {
        let mut out = Vec::new();
        for part in typed.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match self.find(part) {
                Some(c) => out.push(c.label()),
                None => {
                    return Err(crate::say!(
                        lang,
                        "start-clinician-unknown",
                        who = crate::text::clean_line(part),
                        file = self.file.display().to_string(),
                        ids = self.ids()
                    ));
                }
            }
        }
        Ok(out.join("; "))
    }

    /// The ids, for a hint: the first few, then "…".
    pub fn ids(&self) -> String {
        const SHOWN: usize = 6;
        let mut v: Vec<&str> = self
            .clinicians
            .iter()
            .take(SHOWN)
            .map(|c| c.id.as_str())
            .collect();
        if self.clinicians.len() > SHOWN {
            v.push("…");
        }
        v.join(", ")
    }
}

/// An identifier system as a site writes it: an absolute URI (RFC 3986:
/// a scheme of a letter then letters, digits, `+`, `-` or `.`, a colon,
/// and more; `https://` and `http://` with a host), with no spaces,
/// control characters or `|` (which separates system and value in a FHIR
/// search).
pub fn check_system(s: &str, lang: crate::i18n::Lang) -> Result<String, String> {
    let s = s.trim();
    let absolute = s.split_once(':').is_some_and(|(scheme, rest)| {
        let mut chars = scheme.chars();
        let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
        let host_ok = !web
            || rest
                .strip_prefix("//")
                .and_then(|r| r.split(['/', '?', '#']).next())
                .is_some_and(|host| !host.is_empty());
        scheme_ok && !rest.is_empty() && host_ok
    });
    if !absolute
        || s.contains(['|', ',', '$', '\\'])
        || s.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(crate::say!(lang, "push-system-not-uri", system = s));
    }
    Ok(s.to_string())
}

/// Parse `clinicians.toml`'s text as read from `file`.
pub fn parse(
    file: &Path,
    text: &str,
    lang: crate::i18n::Lang,
) -> Result<Directory, Vec<Diagnostic>> {
    let at =
        |offset: usize, message: String| Diagnostic::at(Level::Error, file, text, offset, message);
    let raw: Raw = Diagnostic::from_toml(file, text).map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let default_system = raw.system.as_ref().and_then(|s| {
        check_system(s.get_ref(), lang)
            .map_err(|why| {
                errors.push(at(
                    s.span().start,
                    crate::i18n::labelled_in(lang, "system", &why),
                ))
            })
            .ok()
    });
    let mut clinicians: Vec<Clinician> = Vec::new();
    for c in raw.clinician {
        let clean = |s: &str| !s.trim().is_empty() && !crate::text::has_control(s);
        if !clean(c.id.get_ref()) || c.id.get_ref().contains(';') {
            errors.push(at(
                c.id.span().start,
                crate::i18n::labelled_in(lang, "id", &crate::say!(lang, "directory-bad-text")),
            ));
            continue;
        }
        if !clean(c.name.get_ref()) || c.name.get_ref().contains(';') {
            errors.push(at(
                c.name.span().start,
                crate::i18n::labelled_in(lang, "name", &crate::say!(lang, "directory-bad-text")),
            ));
            continue;
        }
        let system = match &c.system {
            Some(s) => match check_system(s.get_ref(), lang) {
                Ok(s) => s,
                Err(why) => {
                    errors.push(at(
                        s.span().start,
                        crate::i18n::labelled_in(lang, "system", &why),
                    ));
                    continue;
                }
            },
            None => match &default_system {
                Some(s) => s.clone(),
                None => {
                    errors.push(at(
                        c.id.span().start,
                        crate::say!(lang, "directory-no-system"),
                    ));
                    continue;
                }
            },
        };
        let one = Clinician {
            id: c.id.get_ref().trim().to_string(),
            system,
            name: c.name.get_ref().trim().to_string(),
            role: c
                .role
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty()),
        };
        if clinicians
            .iter()
            .any(|o| o.id.eq_ignore_ascii_case(&one.id) || o.label() == one.label())
        {
            errors.push(at(
                c.id.span().start,
                crate::say!(lang, "directory-twice", who = one.label()),
            ));
            continue;
        }
        clinicians.push(one);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Directory {
        file: file.to_path_buf(),
        clinicians,
    })
}

/// Where the directory is: beside the `push.toml` that applies (the one
/// `--config` or `KAP_PUSH_CONFIG` names, else the user's or the site's,
/// `site_paths`), else the site's (`/etc/kap/clinicians.toml`) when there
/// is one there. The one place that says so.
pub fn locate(push_flag: Option<&Path>) -> Option<PathBuf> {
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let beside = super::config::locate(push_flag).map(|(p, _)| p.with_file_name(FILE_NAME));
    if beside.as_deref().is_some_and(there) {
        return beside;
    }
    let site = crate::site_paths::clinician_directory();
    if there(&site) { Some(site) } else { beside }
}

/// Read and check the directory. `Ok(None)`: the site has none.
pub fn load(
    push_flag: Option<&Path>,
    lang: crate::i18n::Lang,
) -> Result<Option<Directory>, String> {
    read_checked(push_flag, lang).map_err(|p| p.join("\n"))
}

/// What `kap doctor` says of the directory: where it is looked for, and
/// how many clinicians it lists (`None`: there is none), or each problem
/// on one line naming the file, line and column.
pub fn check(
    push_flag: Option<&Path>,
    lang: crate::i18n::Lang,
) -> (Option<PathBuf>, Result<Option<usize>, Vec<String>>) {
    let found = read_one_line(push_flag, lang).map(|d| d.map(|d| d.clinicians.len()));
    (locate(push_flag), found)
}

fn read_checked(
    push_flag: Option<&Path>,
    lang: crate::i18n::Lang,
) -> Result<Option<Directory>, Vec<String>> {
    read(push_flag, |d| d.iter().map(|d| d.say(lang)).collect(), lang)
}

fn read_one_line(
    push_flag: Option<&Path>,
    lang: crate::i18n::Lang,
) -> Result<Option<Directory>, Vec<String>> {
    read(
        push_flag,
        |d| {
            d.iter()
                .map(|d| crate::i18n::Phrase::say(&d.head(), lang))
                .collect()
        },
        lang,
    )
}

/// The directory, or why not: the problems as `said` words them.
fn read(
    push_flag: Option<&Path>,
    said: impl Fn(&[Diagnostic]) -> Vec<String>,
    lang: crate::i18n::Lang,
) -> Result<Option<Directory>, Vec<String>> {
    let Some(path) = locate(push_flag) else {
        return Ok(None);
    };
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(vec![format!("{}: {e}", path.display())]),
        Ok(_) => {}
    }
    let bytes = crate::input::read_limited(&path, MAX_FILE).map_err(|e| {
        vec![format!(
            "{}: {}",
            path.display(),
            crate::i18n::say_io(&e, lang)
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![format!(
            "{}: {}",
            path.display(),
            crate::say!(lang, "directory-not-utf8")
        )]
    })?;
    parse(&path, &text, lang).map(Some).map_err(|d| said(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "system = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"RN-4471\"\nname = \"A. Martin\"\nrole = \"RN\"\n\n[[clinician]]\nid = \"MD-0099\"\nname = \"Dr B. Silva\"\nrole = \"psychiatrist\"\nsystem = \"urn:oid:2.16.840.1.113883.4.6\"\n";

    #[test]
    fn a_directory_parses_and_finds_by_id_or_name() {
        let d = parse(
            Path::new("/etc/kap/clinicians.toml"),
            FILE,
            crate::i18n::Lang::En,
        )
        .unwrap();
        assert_eq!(d.clinicians.len(), 2);
        assert_eq!(d.find("rn-4471").unwrap().label(), "A. Martin, RN");
        assert_eq!(d.find("Dr B. Silva").unwrap().id, "MD-0099");
        assert_eq!(
            d.by_label("Dr B. Silva, psychiatrist").unwrap().system,
            "urn:oid:2.16.840.1.113883.4.6"
        );
        assert_eq!(
            d.resolve("RN-4471; dr b. silva, psychiatrist", crate::i18n::Lang::En)
                .unwrap(),
            "A. Martin, RN; Dr B. Silva, psychiatrist"
        );
        let e = d
            .resolve("RN-4471; C. Someone", crate::i18n::Lang::En)
            .unwrap_err();
        assert!(e.contains("C. Someone") && e.contains("MD-0099"), "{e}");
    }

    #[test]
    fn a_bad_directory_names_each_line() {
        let lang = crate::i18n::Lang::En;
        let e = parse(
            Path::new("c.toml"),
            "[[clinician]]\nid = \"X\"\nname = \"A\"\n\n[[clinician]]\nid = \"Y\"\nname = \"B\"\nsystem = \"no spaces allowed\"\n",
         crate::i18n::Lang::En,)
        .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        let short = crate::i18n::Phrase::say(&e[0].short(), lang);
        assert!(short.starts_with("2:6:"), "{short}");
        assert!(
            parse(
                Path::new("c.toml"),
                "[[clinician]]\nid = \"X\"\n",
                crate::i18n::Lang::En
            )
            .is_err()
        );
        let twice = "system = \"urn:x\"\n[[clinician]]\nid = \"X\"\nname = \"A\"\n[[clinician]]\nid = \"x\"\nname = \"B\"\n";
        assert!(parse(Path::new("c.toml"), twice, crate::i18n::Lang::En).is_err());
    }

    #[test]
    fn an_identifier_system_is_an_absolute_uri() {
        for ok in [
            "https://clinic.example/staff",
            "urn:oid:2.16.840.1.113883.4.6",
            "urn:x",
            "http://localhost:8080/mrn",
        ] {
            assert_eq!(check_system(ok, crate::i18n::Lang::En).as_deref(), Ok(ok));
        }
        for bad in [
            "clinic.example/mrn",
            "https:clinic.example",
            "https:///mrn",
            "1urn:x",
            ":x",
            "urn:",
            "my mrn:x",
            "urn:a|b",
        ] {
            assert!(check_system(bad, crate::i18n::Lang::En).is_err(), "{bad}");
        }
    }
}
