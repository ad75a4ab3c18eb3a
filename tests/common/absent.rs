//! What a test does when a tool it needs is not on this machine (a real
//! FHIR server, Chromium, openssl): outside CI it says so loudly and skips;
//! under `CI=true`, where `.ci/run` installs or provides every such tool, a
//! missing one is a failure, so a green run never hides a test that did not
//! run. Shared by every test that can find something missing, through
//! `common` or, in the crates that include only `common/fhir.rs`, through
//! that file.
#![allow(dead_code)] // each test crate uses part of it

/// Whether this run is CI's (`.ci/run` sets `CI=true`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// `what` is missing, so the test calling this did not run: a panic under
/// CI, a notice on stderr otherwise. The caller returns after it.
pub fn cannot_run(what: &str) {
    if in_ci() {
        panic!("{what}: under CI=true this test must run, and it did not");
    }
    eprintln!("SKIPPED: {what}: this test did not run (under CI=true it fails)");
}
