//! Fuzzing for a time budget: `KAP_FUZZ_SECONDS` (2 s by default, 20 s
//! in CI), at least one batch of inputs.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::time::{Duration, Instant};

pub fn budget() -> Duration {
    let secs = std::env::var("KAP_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

/// Run `test` on inputs from `strategy` until the time budget is spent (at
/// least one batch). Panics inside `test` are caught and shrunk by proptest.
pub fn fuzz_for<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let deadline = Instant::now() + budget();
    let mut inputs = 0u64;
    loop {
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        inputs += 64;
        if Instant::now() >= deadline {
            break;
        }
    }
    eprintln!("{name}: {inputs} inputs, no panic");
}
