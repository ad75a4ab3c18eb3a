//! The trainee report opened in a real browser: headless Chromium renders
//! `trainee-report.html` to a PNG without a console error, and its DOM
//! holds the chart. Chromium is Debian's `chromium` package (`.ci/run`
//! installs it); without it this test says so and passes, except under
//! `CI=true`, where it fails.
//!
//! The PNG is kept as `html_report.png` in Cargo's test scratch folder
//! (`target/tmp`) for a person to look at.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KAP_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Chromium with everything that would reach the network or a profile
/// turned off, killed if it takes longer than a minute. Returns its exit
/// success, standard output and standard error (kept in files, so a large
/// DOM cannot fill a pipe).
fn run(browser: &Path, dir: &Path, args: &[String]) -> (bool, String, String) {
    std::fs::create_dir_all(dir).unwrap();
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break Some(st);
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let stderr = read(&err);
    assert!(status.is_some(), "chromium hung for a minute: {stderr}");
    (status.is_some_and(|s| s.success()), read(&out), stderr)
}

/// Console messages and uncaught errors as Chromium logs them to stderr.
fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("SyntaxError"))
        .collect()
}

#[test]
fn the_trainee_report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        common::absent::cannot_run("chromium is not installed (apt-get install chromium)");
        return;
    };
    let (_tmp, dir) = common::scripted::closed_rehearsal(kap::i18n::Lang::En, "P-042");
    let page = dir.join("trainee-report.html");
    assert!(page.is_file());
    let url = format!("file://{}", page.display());
    let profile = tempfile::tempdir().unwrap();
    let png = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html_report.png");
    let _ = std::fs::remove_file(&png);

    let shot = run(
        &browser,
        &profile.path().join("shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1200,1600".into(),
            url.clone(),
        ],
    );
    let (ok, _, stderr) = shot;
    assert!(ok, "chromium failed: {stderr}");
    assert!(console_errors(&stderr).is_empty(), "{stderr}");

    let bytes = std::fs::read(&png).expect("the screenshot was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    // IHDR: the window's size.
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    assert_eq!((be(16), be(20)), (1200, 1600));
    // A page of one colour compresses to a few kilobytes; text, lines and
    // markers do not.
    assert!(bytes.len() > 40_000, "{} bytes: a blank page?", bytes.len());

    let dom = run(
        &browser,
        &profile.path().join("dom"),
        &["--dump-dom".into(), url],
    );
    let (ok, dom, stderr) = dom;
    assert!(ok, "chromium failed: {stderr}");
    assert!(console_errors(&stderr).is_empty(), "{stderr}");
    assert!(dom.contains("<svg"), "no chart in the DOM");
    assert!(dom.contains("class=\"line s-sys\""), "no systolic series");
    assert!(
        dom.contains("<h2 id=\"pearls-4\">"),
        "no PEARLS summary part"
    );
    assert!(!dom.contains("<script"));
}

/// The course report (`kap export --course`) in Chromium: it renders
/// without a console error, its DOM holds every chart, and the page is
/// kept as `course_report.png` for a person to look at.
#[test]
fn the_course_report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        common::absent::cannot_run("chromium is not installed (apt-get install chromium)");
        return;
    };
    let data = common::course::phq9_course();
    let page = data.path().join("course.html");
    common::cli_words::kap(
        data.path(),
        &[
            "export",
            "--course",
            "P-017",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
    );
    let url = format!("file://{}", page.display());
    let profile = tempfile::tempdir().unwrap();
    let png = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("course_report.png");
    let _ = std::fs::remove_file(&png);
    let (ok, _, stderr) = run(
        &browser,
        &profile.path().join("shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,2400".into(),
            url.clone(),
        ],
    );
    assert!(ok, "chromium failed: {stderr}");
    assert!(console_errors(&stderr).is_empty(), "{stderr}");
    let bytes = std::fs::read(&png).expect("the screenshot was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert!(bytes.len() > 40_000, "{} bytes: a blank page?", bytes.len());
    let (ok, dom, stderr) = run(
        &browser,
        &profile.path().join("dom"),
        &["--dump-dom".into(), url],
    );
    assert!(ok, "chromium failed: {stderr}");
    // The PHQ-9, the GAD-7 has no answers: dose, dissociation and alarms.
    assert_eq!(dom.matches("<svg").count(), 4, "{dom}");
    assert!(dom.contains("class=\"line score\""), "{dom}");
    assert!(!dom.contains("<script"));
}
