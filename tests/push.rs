//! `kap push`, the real binary: a closed session sent to a real FHIR R4
//! server (Helios, write validation enforced; skipped with a notice when
//! `../shared/tools/fhir-server/start` is missing, a failure under
//! `CI=true`) and found there by
//! subject, a second push adding nothing; and, against a stand-in server
//! on 127.0.0.1 that records what it is sent, the bearer token in the
//! header and nowhere else, an unreachable server leaving the session
//! failed until a later push sends it, a refusal's OperationOutcome in
//! words, rehearsals kept back, and push off until configured.

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/http.rs"]
mod http;
#[path = "common/reopen.rs"]
mod reopen;

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::Duration;

const TOKEN: &str = "tok-3f9a1c7e-never-shown";

/// A data folder with one closed real session and one closed rehearsal,
/// and a config folder with a private token file.
struct Site {
    data: tempfile::TempDir,
    conf: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let data = tempfile::tempdir().unwrap();
        fhir::session_in(data.path(), false);
        fhir::session_in(data.path(), true);
        // Both were made at the same simulated moment, so under one id:
        // give the rehearsal its own.
        let r = data.path().join("rehearsal");
        let made = std::fs::read_dir(&r)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::rename(made, r.join("rehearsal-run-1")).unwrap();
        let conf = tempfile::tempdir().unwrap();
        let tok = conf.path().join("token");
        std::fs::write(&tok, format!("{TOKEN}\n")).unwrap();
        std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o600)).unwrap();
        Site { data, conf }
    }

    fn configure(&self, base_url: &str) {
        std::fs::write(
            self.config(),
            format!("base_url = \"{base_url}\"\ntoken_file = \"token\"\ntimeout_seconds = 20\n"),
        )
        .unwrap();
    }

    fn config(&self) -> PathBuf {
        self.conf.path().join("push.toml")
    }

    fn kap(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(args)
            .env("KAP_DATA_DIR", self.data.path())
            .env("KAP_PUSH_CONFIG", self.config())
            .env("XDG_CONFIG_HOME", self.conf.path())
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .unwrap()
    }

    fn tree(&self, rehearsal: bool) -> PathBuf {
        self.data
            .path()
            .join(if rehearsal { "rehearsal" } else { "sessions" })
    }

    /// The (only) session folder of a tree and its id.
    fn session(&self, rehearsal: bool) -> (PathBuf, String) {
        let dir = std::fs::read_dir(self.tree(rehearsal))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .unwrap();
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        (dir, id)
    }

    fn status(&self, rehearsal: bool) -> Option<serde_json::Value> {
        let (dir, _) = self.session(rehearsal);
        let text = std::fs::read_to_string(dir.join("push.json")).ok()?;
        Some(serde_json::from_str(&text).unwrap())
    }
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_closed_session_goes_to_a_real_fhir_server_once() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::new();
    site.configure(&server.base);
    let (dir, id) = site.session(false);
    let out = site.kap(&["push", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains(&format!("sent session {id} to {}", server.base)),
        "{}",
        text(&out)
    );
    // The rehearsal stayed home.
    assert!(site.status(true).is_none(), "{}", text(&out));
    let st = site.status(false).unwrap();
    assert_eq!(st["state"], "sent", "{st}");
    assert_eq!(st["http_status"], 200);
    let locations: Vec<String> = st["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    let patient = fhir::patient_of(&locations);
    // What was sent is what `kap push` builds: count its Observations.
    let (bundle, _) = kap::push::bundle(&dir, &id, kap::i18n::Lang::En).unwrap();
    let bundle: serde_json::Value = serde_json::from_slice(&bundle).unwrap();
    let exported = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Observation")
        .count() as u64;
    assert!(exported > 10);
    assert_eq!(locations.len(), bundle["entry"].as_array().unwrap().len());
    let count = |query: &str| {
        let (status, body) = fhir::http(&server.base, "GET", query, "");
        assert_eq!(status, 200, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v["total"].as_u64().unwrap()
    };
    let by_subject = format!("/Observation?subject={patient}&_total=accurate");
    assert_eq!(count(&by_subject), exported);
    let everything = [
        "/Observation?_total=accurate",
        "/Patient?_total=accurate",
        "/Encounter?_total=accurate",
    ];
    let before: Vec<u64> = everything.iter().map(|q| count(q)).collect();
    // Again, by id: accepted, and nothing new on the server.
    let out = site.kap(&["push", &id]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(count(&by_subject), exported);
    let after: Vec<u64> = everything.iter().map(|q| count(q)).collect();
    assert_eq!(before, after, "a second push created resources");
    let st2 = site.status(false).unwrap();
    assert_eq!(
        st2["locations"], st["locations"],
        "the same resources, found again"
    );
    // --all has nothing left to send; --status says sent.
    let out = site.kap(&["push", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Nothing to send"),
        "{}",
        text(&out)
    );
    let out = site.kap(&["push", "--status"]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", text(&out));
    assert!(shown.contains(&format!("sent     {id}  sent ")), "{shown}");
    assert!(
        shown.contains(&format!("configured to {}", server.base)),
        "{shown}"
    );
    assert!(
        !shown.contains("rehearsal"),
        "rehearsals are not listed unless asked: {shown}"
    );
}

/// A stand-in FHIR server on 127.0.0.1: answers each request with
/// `status` and `body`, and hands over each request it got (head and body).
struct Fake {
    base: String,
    got: mpsc::Receiver<String>,
}

fn fake(status: u16, body: &'static str, requests: usize) -> Fake {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/fhir", listener.local_addr().unwrap());
    let (tx, got) = mpsc::channel();
    std::thread::spawn(move || {
        for _ in 0..requests {
            let Ok((mut s, _)) = listener.accept() else {
                return;
            };
            let raw = http::read_request(&mut s);
            let got = String::from_utf8_lossy(&raw).into_owned();
            let _ = tx.send(got.clone());
            // ACCEPTED: a transaction-response with one created entry for
            // each entry posted, as a server answers.
            let answer = if body == ACCEPTED {
                accepted_for(&got)
            } else {
                body.to_string()
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status} X\r\nContent-Type: application/fhir+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    Fake { base, got }
}

/// Answer each entry of the transaction posted (see `fake`).
const ACCEPTED: &str = "@accept-each";

/// A transaction-response for the request `got`: one 201 per entry.
fn accepted_for(got: &str) -> String {
    let body = got.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let n = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["entry"].as_array().map(Vec::len))
        .unwrap_or(0);
    let entries: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"response":{{"status":"201 Created","location":"Observation/{i}/_history/1"}}}}"#))
        .collect();
    format!(
        r#"{{"resourceType":"Bundle","type":"transaction-response","entry":[{}]}}"#,
        entries.join(",")
    )
}

/// A server's 200 that answers for two entries, whatever was sent.
const TWO_ANSWERED: &str = r#"{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201 Created","location":"Patient/7/_history/1"}},{"response":{"status":"201 Created","location":"Observation/8/_history/1"}}]}"#;

#[test]
fn an_answer_for_fewer_entries_than_were_sent_leaves_the_session_unsent() {
    let site = Site::new();
    let server = fake(200, TWO_ANSWERED, 1);
    site.configure(&server.base);
    let out = site.kap(&["push", "--all"]);
    assert!(
        text(&out).contains("answered for 2 of the"),
        "{}",
        text(&out)
    );
    let st = site.status(false).unwrap();
    assert_eq!(st["state"], "failed", "{st}");
}

#[test]
fn the_token_goes_in_the_authorization_header_and_nowhere_else() {
    let site = Site::new();
    let server = fake(200, ACCEPTED, 1);
    site.configure(&server.base);
    let out = site.kap(&["push", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    let req = server.got.recv_timeout(Duration::from_secs(20)).unwrap();
    let (head, body) = req.split_once("\r\n\r\n").unwrap();
    let lower = head.to_ascii_lowercase();
    assert!(head.starts_with("POST /fhir HTTP/1.1\r\n"), "{head}");
    assert!(
        head.contains(&format!("\r\nauthorization: Bearer {TOKEN}"))
            || head.contains(&format!("\r\nAuthorization: Bearer {TOKEN}")),
        "{head}"
    );
    assert!(
        lower.contains("content-type: application/fhir+json"),
        "{head}"
    );
    assert!(lower.contains("accept: application/fhir+json"), "{head}");
    let sent: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(sent["type"], "transaction");
    assert!(!body.contains(TOKEN));
    // Not in what kap printed, nor in the status it kept.
    assert!(!text(&out).contains(TOKEN));
    let st = site.status(false).unwrap();
    assert!(!st.to_string().contains(TOKEN));
    assert_eq!(st["state"], "sent");
    assert_eq!(st["locations"][1], "Observation/1/_history/1");
    // The token never needs the command line: there is no flag for it.
    let help = site.kap(&["push", "--help"]);
    assert!(!String::from_utf8_lossy(&help.stdout).contains("--token"));

    // An addendum after the push is not on the server: --status says so.
    let (dir, id) = site.session(false);
    let status = |site: &Site| {
        let out = site.kap(&["push", "--status"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(!status(&site).contains("CHANGED SINCE SENT"));
    let mut open = reopen::reopen(&dir);
    let now = open
        .session
        .closed
        .as_ref()
        .unwrap()
        .at
        .plus(kap::session::MINUTE);
    open.record(
        kap::session::Event::Addendum {
            text: "Pharmacy confirmed the batch.".into(),
            reason: "information received after closing".into(),
        },
        &now,
    )
    .unwrap();
    drop(open);
    let after = status(&site);
    let line = after.lines().find(|l| l.contains(&id)).unwrap();
    assert!(line.trim_start().starts_with("sent"), "{after}");
    assert!(
        line.contains("CHANGED SINCE SENT: one entry (an addendum or a co-signature) is not on the server yet; the next kap push --all sends it"),
        "{after}"
    );
}

#[test]
fn an_unreachable_server_leaves_the_session_failed_until_a_later_push() {
    let site = Site::new();
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    site.configure(&format!("http://127.0.0.1:{closed}"));
    let out = site.kap(&["push", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("connection refused by http://127.0.0.1:"),
        "{err}"
    );
    let st = site.status(false).unwrap();
    assert_eq!(st["state"], "failed", "{st}");
    assert_eq!(st["attempts"], 1);
    assert!(st["error"].as_str().unwrap().contains("connection refused"));
    assert!(st["next_retry"].as_str().is_some());
    let out = site.kap(&["push", "--status"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("failed 1 time"),
        "{}",
        text(&out)
    );
    // Too soon for --all: it waits (and says so) ...
    let out = site.kap(&["push", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("waiting for the next try"),
        "{}",
        text(&out)
    );
    assert_eq!(site.status(false).unwrap()["attempts"], 1);
    // ... and --now does not; the server is back.
    let server = fake(200, ACCEPTED, 1);
    site.configure(&server.base);
    let out = site.kap(&["push", "--all", "--now"]);
    assert!(out.status.success(), "{}", text(&out));
    let st = site.status(false).unwrap();
    assert_eq!(st["state"], "sent", "{st}");
    assert_eq!(st["attempts"], 2, "{st}");
}

#[test]
fn a_refusal_shows_the_servers_operation_outcome() {
    let site = Site::new();
    let server = fake(
        422,
        r#"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"Observation.code: required"}]}"#,
        1,
    );
    site.configure(&server.base);
    let (_, id) = site.session(false);
    let out = site.kap(&["push", &id]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("NOT SENT session {id}")), "{err}");
    assert!(
        err.contains("HTTP 422") && err.contains("error invalid: Observation.code: required"),
        "{err}"
    );
    let st = site.status(false).unwrap();
    assert_eq!(st["http_status"], 422);
    assert!(st["error"].as_str().unwrap().contains("error invalid"));
}

#[test]
fn rehearsals_are_sent_only_when_asked() {
    let site = Site::new();
    let server = fake(200, ACCEPTED, 2);
    site.configure(&server.base);
    let (_, rid) = site.session(true);
    let out = site.kap(&["push", &rid]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--include-rehearsals"));
    assert!(site.status(true).is_none());
    let out = site.kap(&["push", "--all", "--include-rehearsals"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(site.status(true).unwrap()["state"], "sent");
    assert_eq!(site.status(false).unwrap()["state"], "sent");
    let rehearsal_sent = [server.got.recv().unwrap(), server.got.recv().unwrap()]
        .iter()
        .any(|r| r.contains("HTEST"));
    assert!(
        rehearsal_sent,
        "the rehearsal's Bundle carries its HTEST label"
    );
}

#[test]
fn push_is_off_until_configured_and_a_bad_config_is_named() {
    let site = Site::new();
    // No file at the default place: not configured, nothing sent.
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["push", "--all"])
        .env("KAP_DATA_DIR", site.data.path())
        .env_remove("KAP_PUSH_CONFIG")
        .env("XDG_CONFIG_HOME", site.conf.path())
        .env("HOME", site.conf.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("push is not configured"),
        "{}",
        text(&out)
    );
    assert!(site.status(false).is_none());
    // A named file that is missing is an error, not "not configured".
    let out = site.kap(&["push", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("push.toml: cannot read"),
        "{}",
        text(&out)
    );
    // Unknown key: file, line and column.
    std::fs::write(site.config(), "base_url = \"https://h\"\ntoken = \"x\"\n").unwrap();
    let out = site.kap(&["push", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let want = format!(
        "{}:2:1: error: unknown field `token`",
        site.config().display()
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&want),
        "{}",
        text(&out)
    );
    // A token file others can read.
    site.configure("https://fhir.clinic.example");
    let tok = site.conf.path().join("token");
    std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = site.kap(&["push", "--all"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("chmod 600"),
        "{}",
        text(&out)
    );
    // --status works without sending, and lists the closed real session.
    let out = site.kap(&["push", "--status"]);
    assert!(out.status.success(), "{}", text(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("pending") && shown.contains("1 closed: 1 pending"),
        "{shown}"
    );
}

#[test]
fn doctor_names_the_server_without_connecting() {
    let site = Site::new();
    let doctor = |site: &Site| {
        let out = Command::new(env!("CARGO_BIN_EXE_kap"))
            .args([
                "doctor",
                "--json",
                "--protocols",
                concat!(env!("CARGO_MANIFEST_DIR"), "/protocols"),
            ])
            .env("KAP_DATA_DIR", site.data.path())
            .env("KAP_PUSH_CONFIG", site.config())
            .env("KAP_AUDIO", "off")
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let c = v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "push")
            .cloned()
            .unwrap();
        (
            c["verdict"].as_str().unwrap().to_string(),
            c["text"].as_str().unwrap().to_string(),
        )
    };
    // A listening port: doctor names it and never connects to it.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    site.configure(&base);
    let (verdict, line) = doctor(&site);
    let tok = site.conf.path().join("token");
    assert_eq!(verdict, "ok", "{line}");
    assert_eq!(
        line,
        format!(
            "push: configured to {base} (token from file {}, readable only by you); 1 closed session waiting to be sent",
            tok.display()
        )
    );
    assert!(site.status(false).is_none(), "doctor wrote nothing");
    assert_eq!(
        listener.accept().map(|_| ()).unwrap_err().kind(),
        std::io::ErrorKind::WouldBlock,
        "doctor connected to the server"
    );
    std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (verdict, line) = doctor(&site);
    assert_eq!(verdict, "warn", "{line}");
    assert!(line.contains("chmod 600"), "{line}");
}

/// A TLS server on 127.0.0.1 from `openssl s_server`, with a self-signed
/// certificate for `localhost` (the certificate file is returned).
/// `None`, with a notice, when openssl is missing.
fn tls_server(dir: &std::path::Path) -> Option<(std::process::Child, u16, PathBuf)> {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
        ])
        .args([
            "-addext",
            "subjectAltName=DNS:localhost",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        fhir::absent::cannot_run("no openssl to make a test certificate (apt-get install openssl)");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some((child, port, cert));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("openssl s_server did not listen on {port}");
}

#[test]
fn https_checks_the_certificate_and_trusts_a_clinics_own_ca() {
    let site = Site::new();
    let Some((mut server, port, cert)) = tls_server(site.conf.path()) else {
        return;
    };
    let base = format!("https://localhost:{port}");
    site.configure(&base);
    // Not signed by any authority kap knows: refused before anything is sent.
    let out = site.kap(&["push", "--all"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        err.contains(&format!("TLS error with {base}")) && err.contains("ca_file"),
        "{err}"
    );
    // With the certificate as the clinic's CA the handshake goes through
    // (this test server then answers with no FHIR at all).
    std::fs::write(
        site.config(),
        format!("base_url = \"{base}\"\ntoken_file = \"token\"\nca_file = \"{}\"\ntimeout_seconds = 3\n", cert.display()),
    )
    .unwrap();
    let out = site.kap(&["push", "--all", "--now"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!err.contains("TLS error"), "{err}");
    assert_eq!(site.status(false).unwrap()["attempts"], 2);
}
