//! The site's push configuration (`push.toml`): where the clinic's FHIR
//! server is, where the bearer token comes from, how long to wait. Parsing
//! and every judgment on it are pure; reading the file and the token is
//! at the edge ([`load`], [`read_token`]).

use crate::protocol::{Diagnostic, Level};
use serde::Deserialize;
use std::fmt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

/// The file's name in kap's config folder (`~/.config/kap/push.toml`).
pub const FILE_NAME: &str = crate::site_paths::PUSH_CONFIG;
/// Names another config file, as `--config` does.
pub const ENV_VAR: &str = "KAP_PUSH_CONFIG";
/// When the file sets no `timeout_seconds`.
pub const DEFAULT_TIMEOUT: u64 = 30;
/// When the file sets no `read_timeout_seconds`: the start form and the
/// course view wait no longer for the patient's course on the server.
pub const DEFAULT_READ_TIMEOUT: u64 = 4;
/// Largest config or token file read.
const MAX_FILE: u64 = 64 * 1024;

/// The file as written. Unknown keys are errors, with line and column.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    base_url: Spanned<String>,
    token_file: Option<Spanned<String>>,
    token_env: Option<Spanned<String>>,
    timeout_seconds: Option<Spanned<i64>>,
    allow_insecure_http: Option<bool>,
    ca_file: Option<Spanned<String>>,
    patient_system: Option<Spanned<String>>,
    mrn_system: Option<Spanned<String>>,
    read_timeout_seconds: Option<Spanned<i64>>,
}

/// Where the bearer token comes from. The token itself is never on the
/// command line and never in this struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenSource {
    /// A file holding the token (readable only by its owner).
    File(PathBuf),
    /// An environment variable's name.
    Env(String),
    /// No token: requests carry no `Authorization` header (a server that
    /// needs none, or a local proxy that adds its own).
    None,
}

/// A checked configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file it came from.
    pub file: PathBuf,
    /// The server's base URL, without a trailing slash.
    pub base_url: String,
    pub token: TokenSource,
    pub timeout: Duration,
    /// `http://` to a host other than loopback was allowed by
    /// `allow_insecure_http` (testing only).
    pub insecure: bool,
    /// A PEM file of CA certificates to trust instead of the built-in
    /// roots (a clinic's own CA).
    pub ca_file: Option<PathBuf>,
    /// The site's identifier system for its patients' pseudonyms
    /// (`patient_system`); kap's own when not set.
    pub patient_system: Option<String>,
    /// The clinic's identifier system for its patients' numbers
    /// (`mrn_system`): the start form then takes the clinic's number and
    /// the push finds the clinic's Patient by it.
    pub mrn_system: Option<String>,
    /// How long the start form and the course view wait for the course
    /// held on the server.
    pub read_timeout: Duration,
    /// The site's directory of clinicians (`clinicians.toml` beside this
    /// file), when there is one (read by [`load`]).
    pub directory: Option<super::directory::Directory>,
}

impl Config {
    /// What a patient id typed at the start of a real session is, at this
    /// site: the clinic's number when `mrn_system` is set, else a
    /// pseudonym in `patient_system`; `None` for kap's own pseudonyms.
    pub fn identity(&self) -> Option<crate::session::PatientIdentity> {
        let (system, clinic_number) = match (&self.mrn_system, &self.patient_system) {
            (Some(m), _) => (m, true),
            (None, Some(p)) => (p, false),
            (None, None) => return None,
        };
        Some(crate::session::PatientIdentity {
            system: system.clone(),
            clinic_number,
        })
    }
}

/// Parse `push.toml`'s text as read from `file`. Relative `token_file` and
/// `ca_file` paths are taken from the config file's folder.
pub fn parse(file: &Path, text: &str, lang: crate::i18n::Lang) -> Result<Config, Vec<Diagnostic>> {
    let at =
        |offset: usize, message: String| Diagnostic::at(Level::Error, file, text, offset, message);
    let raw: Raw = Diagnostic::from_toml(file, text).map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let allow_http = raw.allow_insecure_http.unwrap_or(false);
    let base_url = match check_url(raw.base_url.get_ref(), allow_http, lang) {
        Ok(u) => u,
        Err(why) => {
            errors.push(at(
                raw.base_url.span().start,
                crate::i18n::labelled_in(lang, "base_url", &why),
            ));
            String::new()
        }
    };
    let insecure = base_url.starts_with("http://") && !is_loopback_url(&base_url);
    let dir = file.parent().unwrap_or(Path::new("."));
    let token = match (&raw.token_file, &raw.token_env) {
        (Some(_), Some(e)) => {
            errors.push(at(
                e.span().start,
                crate::i18n::labelled_in(lang, "token_env", &crate::say!(lang, "push-token-both")),
            ));
            TokenSource::None
        }
        (Some(f), None) if f.get_ref().trim().is_empty() => {
            errors.push(at(
                f.span().start,
                crate::i18n::labelled_in(lang, "token_file", &crate::say!(lang, "push-empty-path")),
            ));
            TokenSource::None
        }
        (Some(f), None) => TokenSource::File(dir.join(f.get_ref())),
        (None, Some(e)) if !is_env_name(e.get_ref()) => {
            errors.push(at(
                e.span().start,
                crate::i18n::labelled_in(
                    lang,
                    "token_env",
                    &crate::say!(lang, "push-not-env-name"),
                ),
            ));
            TokenSource::None
        }
        (None, Some(e)) => TokenSource::Env(e.get_ref().clone()),
        (None, None) => TokenSource::None,
    };
    let timeout = match &raw.timeout_seconds {
        None => DEFAULT_TIMEOUT,
        Some(t) if (1..=600).contains(t.get_ref()) => *t.get_ref() as u64,
        Some(t) => {
            errors.push(at(
                t.span().start,
                crate::i18n::labelled_in(
                    lang,
                    "timeout_seconds",
                    &crate::say!(lang, "push-timeout-range", value = t.get_ref().to_string()),
                ),
            ));
            DEFAULT_TIMEOUT
        }
    };
    let ca_file = match &raw.ca_file {
        Some(c) if c.get_ref().trim().is_empty() => {
            errors.push(at(
                c.span().start,
                crate::i18n::labelled_in(lang, "ca_file", &crate::say!(lang, "push-empty-path")),
            ));
            None
        }
        Some(c) => Some(dir.join(c.get_ref())),
        None => None,
    };
    let (patient_system, mrn_system, read_timeout) =
        site_keys(&raw, &at, &mut errors, timeout, lang);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        patient_system,
        mrn_system,
        read_timeout: Duration::from_secs(read_timeout),
        directory: None,
        file: file.to_path_buf(),
        base_url,
        token,
        timeout: Duration::from_secs(timeout),
        insecure,
        ca_file,
    })
}

/// The site's identity keys and the course read's timeout, each problem
/// added to `errors`.
fn site_keys(
    raw: &Raw,
    at: &impl Fn(usize, String) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
    timeout: u64,
    lang: crate::i18n::Lang,
) -> (Option<String>, Option<String>, u64) {
    let mut system = |key: &str, v: &Option<Spanned<String>>| {
        let v = v.as_ref()?;
        super::directory::check_system(v.get_ref(), lang)
            .map_err(|why| {
                errors.push(at(
                    v.span().start,
                    crate::i18n::labelled_in(lang, key, &why),
                ))
            })
            .ok()
    };
    let patient_system = system("patient_system", &raw.patient_system);
    let mrn_system = system("mrn_system", &raw.mrn_system);
    let read_timeout = match &raw.read_timeout_seconds {
        None => DEFAULT_READ_TIMEOUT.min(timeout),
        Some(t) if (1..=60).contains(t.get_ref()) => *t.get_ref() as u64,
        Some(t) => {
            errors.push(at(
                t.span().start,
                crate::i18n::labelled_in(
                    lang,
                    "read_timeout_seconds",
                    &crate::say!(
                        lang,
                        "push-read-timeout-range",
                        value = t.get_ref().to_string()
                    ),
                ),
            ));
            DEFAULT_READ_TIMEOUT
        }
    };
    (patient_system, mrn_system, read_timeout)
}

fn is_env_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Check a base URL: `https://HOST[:PORT][/PATH]`, or `http://` to
/// loopback (127.0.0.1, ::1, localhost), or to anywhere when
/// `allow_http`. No credentials in it, no query, no fragment. Returns it
/// without a trailing slash.
pub fn check_url(url: &str, allow_http: bool, lang: crate::i18n::Lang) -> Result<String, String> {
    let url = url.trim();
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| crate::say!(lang, "push-not-a-url", url = url))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(crate::say!(lang, "push-scheme", scheme = scheme));
    }
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err(crate::say!(lang, "push-url-credentials"));
    }
    if rest.contains(['?', '#']) {
        return Err(crate::say!(lang, "push-url-query"));
    }
    if rest.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(crate::say!(lang, "push-url-spaces"));
    }
    if host_of(authority).is_empty() {
        return Err(crate::say!(lang, "push-url-no-host"));
    }
    if let Err(e) = url.parse::<ureq::http::Uri>() {
        return Err(crate::say!(lang, "push-url-invalid", error = e.to_string()));
    }
    let url = format!("{scheme}://{}", rest.trim_end_matches('/'));
    if scheme == "http" && !allow_http && !is_loopback_url(&url) {
        return Err(crate::say!(lang, "push-plain-http"));
    }
    Ok(url)
}

/// The host of an `authority` (`host:port`, `[::1]:8080`).
fn host_of(authority: &str) -> &str {
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

/// Whether a URL's host is this computer (127.0.0.0/8, ::1, localhost).
pub fn is_loopback_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = host_of(rest.split('/').next().unwrap_or("")).to_ascii_lowercase();
    host == "localhost"
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|a| a.is_loopback())
}

/// Whether a token file's mode lets group or others read or write it.
/// Like ssh with a private key, kap refuses such a file.
pub fn check_token_mode(path: &Path, mode: u32, lang: crate::i18n::Lang) -> Result<(), String> {
    if mode & 0o077 == 0 {
        Ok(())
    } else {
        Err(crate::say!(
            lang,
            "push-token-mode",
            file = path.display().to_string(),
            mode = format!("{:04o}", mode & 0o777)
        ))
    }
}

/// A token as read: one line, no spaces or control characters (it goes
/// into a header).
pub fn check_token(text: &str, whence: &str, lang: crate::i18n::Lang) -> Result<Secret, String> {
    let t = text.trim_end_matches(['\n', '\r']).trim();
    if t.is_empty() {
        return Err(crate::say!(lang, "push-token-empty", whence = whence));
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
    {
        return Err(crate::say!(lang, "push-token-chars", whence = whence));
    }
    Ok(Secret(t.to_string()))
}

/// A bearer token. Never printed: its `Debug` and `Display` hide it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The header value, `Bearer …`.
    pub fn header(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Which config file applies: `--config`, else `KAP_PUSH_CONFIG`, else
/// `push.toml` in kap's config folder, else the site's `/etc/kap/push.toml`
/// (`site_paths::push_config`). The flag says whether it was named
/// (then a missing file is an error, not "not configured").
pub fn locate(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    let user =
        directories::ProjectDirs::from("", "", "kap").map(|d| d.config_dir().join(FILE_NAME));
    crate::site_paths::push_config(user).map(|p| (p, false))
}

/// Why a configuration could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// Not readable (or named and missing).
    Read(PathBuf, std::io::Error),
    /// Read, but wrong: every problem, with line and column.
    Invalid(Vec<Diagnostic>),
    /// No config folder could be found and none was named.
    NoConfigDir,
    /// The directory of clinicians beside it is wrong.
    Directory(String),
}

impl ConfigError {
    /// Why the configuration could not be used, in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ConfigError::Read(p, e) => crate::say!(
                lang,
                "push-config-unreadable",
                file = p.display().to_string(),
                error = crate::i18n::say_io(e, lang)
            ),
            ConfigError::Invalid(d) => {
                let lines: Vec<String> = d.iter().map(|d| d.say(lang)).collect();
                lines.join("\n")
            }
            ConfigError::NoConfigDir => crate::say!(lang, "push-no-config-dir", var = ENV_VAR),
            ConfigError::Directory(e) => e.clone(),
        }
    }
}

/// Read and check the config that applies. `Ok(None)`: not configured
/// (no file at the default place, none named).
pub fn load(flag: Option<&Path>, lang: crate::i18n::Lang) -> Result<Option<Config>, ConfigError> {
    let Some(mut c) = load_alone(flag, lang)? else {
        return Ok(None);
    };
    c.directory = super::directory::load(Some(&c.file), lang).map_err(ConfigError::Directory)?;
    Ok(Some(c))
}

/// The same without the directory of clinicians beside it (the start
/// form reads that on its own: a broken directory does not keep it from
/// the server).
pub fn load_alone(
    flag: Option<&Path>,
    lang: crate::i18n::Lang,
) -> Result<Option<Config>, ConfigError> {
    let Some((path, named)) = locate(flag) else {
        return Err(ConfigError::NoConfigDir);
    };
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => return Ok(None),
        Err(e) => return Err(ConfigError::Read(path, e)),
        Ok(_) => {}
    }
    let bytes = crate::input::read_limited(&path, MAX_FILE)
        .map_err(|e| ConfigError::Read(path.clone(), e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ConfigError::Read(
            path.clone(),
            std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
        )
    })?;
    // The file the package installs in /etc/kap is all comments until
    // the site fills it in: not configured.
    let blank = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    });
    if blank && !named {
        return Ok(None);
    }
    parse(&path, &text, lang)
        .map(Some)
        .map_err(ConfigError::Invalid)
}

/// Read the token the config names. A token file that others can read
/// is refused.
pub fn read_token(c: &Config, lang: crate::i18n::Lang) -> Result<Option<Secret>, String> {
    match &c.token {
        TokenSource::None => Ok(None),
        TokenSource::Env(name) => match std::env::var(name) {
            Ok(v) => check_token(&v, &format!("${name}"), lang).map(Some),
            Err(_) => Err(crate::say!(
                lang,
                "push-token-env-unset",
                file = c.file.display().to_string(),
                name = name.as_str()
            )),
        },
        TokenSource::File(p) => {
            let meta = std::fs::metadata(p).map_err(|e| token_file_error(p, &e, lang))?;
            check_token_mode(p, meta.permissions().mode(), lang)?;
            let bytes = crate::input::read_limited(p, MAX_FILE)
                .map_err(|e| token_file_error(p, &e, lang))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                crate::say!(lang, "push-token-not-utf8", file = p.display().to_string())
            })?;
            check_token(&text, &p.display().to_string(), lang).map(Some)
        }
    }
}

fn token_file_error(p: &Path, e: &std::io::Error, lang: crate::i18n::Lang) -> String {
    crate::say!(
        lang,
        "push-token-file",
        file = p.display().to_string(),
        error = crate::i18n::say_io(e, lang)
    )
}

#[cfg(test)]
mod tests;
