//! `kap-dev`: aids for building and testing kap, kept out of the shipped
//! `kap` binary (its help and completions do not offer them); the Debian
//! package does not install this binary.
//!
//!     kap-dev generate-assets DIR
//!     kap-dev journal-writer --protocol FILE --count N [--keep-going]

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: kap-dev generate-assets DIR\n       \
kap-dev journal-writer --protocol FILE --count N [--keep-going]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let run = match args.first().map(String::as_str) {
        Some("generate-assets") => match &args[1..] {
            [dir] => Ok(kap::cli::dev::generate_assets(&PathBuf::from(dir))),
            _ => Err(USAGE.to_string()),
        },
        Some("journal-writer") => journal_writer(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    run.unwrap_or_else(|e| {
        eprintln!("kap-dev: {e}");
        ExitCode::from(2)
    })
}

fn journal_writer(args: &[String]) -> Result<ExitCode, String> {
    let (mut protocol, mut count, mut keep_going) = (None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--protocol" => protocol = it.next().map(PathBuf::from),
            "--count" => count = it.next().and_then(|n| n.parse::<u64>().ok()),
            "--keep-going" => keep_going = true,
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    match (protocol, count) {
        (Some(p), Some(n)) => Ok(kap::cli::dev::journal_writer(&p, n, keep_going)),
        _ => Err(USAGE.to_string()),
    }
}
