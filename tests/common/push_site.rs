//! Shared by the tests of `kap push` keeping the server true
//! (`push_changes.rs`, `push_unsure.rs`, `site_identity.rs`): a data folder with a config, the
//! real binary run on it, an addendum written after the close, a session
//! ended before the dose, and reading what the server holds.
//! Included with `#[path]`, after `common/fhir.rs` as `fhir`.
#![allow(dead_code)] // each test crate uses part of it

use super::fhir;
use kap::session::{Event, MINUTE};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A data folder with one closed real session, and a config for `base`.
pub struct Site {
    pub data: tempfile::TempDir,
    pub conf: tempfile::TempDir,
}

impl Site {
    pub fn new(base: &str) -> Site {
        Site::with(base, |data| {
            fhir::session_in(data, false);
        })
    }

    /// A site whose data folder `make` fills.
    pub fn with(base: &str, make: impl FnOnce(&Path)) -> Site {
        let data = tempfile::tempdir().unwrap();
        make(data.path());
        let conf = tempfile::tempdir().unwrap();
        std::fs::write(
            conf.path().join("push.toml"),
            format!("base_url = \"{base}\"\ntimeout_seconds = 20\n"),
        )
        .unwrap();
        Site { data, conf }
    }

    /// Point the config at `base` (another server).
    pub fn configure(&self, base: &str) {
        std::fs::write(
            self.conf.path().join("push.toml"),
            format!("base_url = \"{base}\"\ntimeout_seconds = 20\n"),
        )
        .unwrap();
    }

    pub fn kap(&self, args: &[&str]) -> Output {
        self.kap_in("en", args)
    }

    /// `kap ARGS` for a user whose language is `lang`.
    pub fn kap_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(args)
            .env("KAP_DATA_DIR", self.data.path())
            .env("KAP_PUSH_CONFIG", self.conf.path().join("push.toml"))
            .env("XDG_CONFIG_HOME", self.conf.path())
            .env("KAP_LANG", lang)
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .unwrap()
    }

    /// The text of `kap doctor`'s push line (it reads files only).
    pub fn doctor_push_line(&self) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_kap"))
            .args([
                "doctor",
                "--json",
                "--protocols",
                concat!(env!("CARGO_MANIFEST_DIR"), "/protocols"),
            ])
            .env("KAP_DATA_DIR", self.data.path())
            .env("KAP_PUSH_CONFIG", self.conf.path().join("push.toml"))
            .env("KAP_AUDIO", "off")
            .env("KAP_LANG", "en")
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let push = v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "push")
            .cloned()
            .unwrap();
        push["text"].as_str().unwrap().to_string()
    }

    /// The session's folder and id.
    pub fn session(&self) -> (PathBuf, String) {
        let tree = self.data.path().join("sessions");
        let dir = std::fs::read_dir(tree)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .unwrap();
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        (dir, id)
    }

    pub fn status(&self) -> Value {
        let (dir, _) = self.session();
        serde_json::from_str(&std::fs::read_to_string(dir.join("push.json")).unwrap()).unwrap()
    }

    /// `kap push --all`, which must succeed; its standard output.
    pub fn push_all(&self) -> String {
        let out = self.kap(&["push", "--all"]);
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

pub fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// An addendum written a minute after the record was closed (and sealed
/// again, as the closed screen does).
pub fn add_addendum(dir: &Path, words: &str) {
    let mut open = kap::record::OpenSession::open(dir).unwrap();
    let closed = open.session.closed.as_ref().unwrap().at.clone();
    let at = closed.plus(MINUTE * (open.session.addenda.len() as i64 + 5));
    open.record_stamped(
        Event::Addendum {
            text: words.into(),
            reason: "follow-up call".into(),
        },
        &at,
        &kap::session::Stamp {
            by: Some("Dr B. Silva, psychiatrist".into()),
            taken: None,
        },
    )
    .unwrap();
    let as_of = open.session.as_of(&at);
    kap::record::summary::write_closing(&open, &as_of, kap::i18n::Lang::En).unwrap();
}

/// A DocumentReference's attachment, decoded.
pub fn attachment(doc: &Value) -> String {
    use base64::Engine as _;
    let data = doc["content"][0]["attachment"]["data"].as_str().unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// A search's Bundle.
pub fn search(base: &str, query: &str) -> Value {
    let (status, body) = fhir::http(base, "GET", query, "");
    assert_eq!(status, 200, "{query}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The `valueString` of every addendum Observation of `patient`.
pub fn addenda_on_server(base: &str, patient: &str) -> Vec<String> {
    let found = search(
        base,
        &format!("/Observation?subject={patient}&code=urn:kap:entry|addendum&_count=100"),
    );
    let mut texts: Vec<String> = found["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["resource"]["valueString"].as_str().unwrap().to_string())
        .collect();
    texts.sort();
    texts
}

/// The server's id of the resource of `kind` among `locations`
/// (`Encounter/12`, without its version).
pub fn located(locations: &Value, kind: &str) -> String {
    locations
        .as_array()
        .unwrap()
        .iter()
        .find_map(|l| l.as_str().filter(|l| l.starts_with(&format!("{kind}/"))))
        .unwrap_or_else(|| panic!("no {kind} in {locations}"))
        .split("/_history")
        .next()
        .unwrap()
        .to_string()
}

/// A Montreal session ended early before the dose: consent was declined.
pub fn ended_before_the_dose(data: &Path) {
    use kap::session::{Clock, SimClock, StartFields, plan_start};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient: "P-ended-early",
        session: "2",
        weight_kg: "64",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (start, _) = plan_start(&p, fields, false).unwrap();
    let clock = SimClock::fixed();
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    clock.advance(MINUTE * 10);
    let by = kap::session::Stamp {
        by: Some("A. Martin, RN".into()),
        taken: None,
    };
    open.record_stamped(
        Event::Abandoned {
            reason: "declined consent today".into(),
        },
        &clock.now(),
        &by,
    )
    .unwrap();
}

/// The resource at `reference` (`Encounter/7`) on the server.
pub fn read(base: &str, reference: &str) -> Value {
    let (status, body) = fhir::http(base, "GET", &format!("/{reference}"), "");
    assert_eq!(status, 200, "{reference}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The shipped Montreal protocol file: its path and text.
pub fn montreal() -> (PathBuf, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

/// `site`'s app on Montreal's start screen for `patient`, `days` days on
/// a fixed simulated clock, its push config read from `site` and the
/// course read from the server.
pub fn start_screen(
    site: &Site,
    patient: &str,
    days: i64,
) -> (kap::tui::app::App, std::sync::Arc<kap::session::SimClock>) {
    use kap::tui::app::{App, Screen, SiteSetup};
    let (path, text) = montreal();
    let p = std::sync::Arc::new(kap::protocol::load_str(&path, &text).unwrap().protocol);
    let clock = std::sync::Arc::new(kap::session::SimClock::fixed());
    clock.advance(MINUTE * 24 * 60 * days);
    let mut app = App::new(
        kap::i18n::Lang::En,
        kap::record::Store::at(site.data.path()),
        path,
        text,
        p,
        clock.clone(),
        None,
        false,
        kap::tui::theme::Theme::new(kap::tui::theme::ThemeName::Plain),
    );
    let file = site.conf.path().join("push.toml");
    let cfg = kap::push::config::parse(
        &file,
        &std::fs::read_to_string(&file).unwrap(),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.site = SiteSetup {
        server: Some((cfg, Ok(None))),
        directory: None,
        last_read: None,
        reading: None,
    };
    let form = app.new_start_form(patient, None, Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.refresh_course();
    app.wait_for_server();
    (app, clock)
}
