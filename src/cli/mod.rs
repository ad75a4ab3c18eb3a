//! The command line: argument parsing with clap and the commands that do not
//! need the full-screen app.

mod protocol_cmd;
mod record_cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kap",
    version,
    about = "A terminal companion for ketamine-assisted psychotherapy dosing sessions",
    long_about = "kap walks a clinician through a ketamine-assisted psychotherapy dosing \
session as its protocol file describes it, and keeps a record that survives a crash.\n\n\
kap is a documentation and workflow aid, not a medical device. Alarm limits and every \
other site-set value in a protocol file are the site's to set and review."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check, show and use protocol files
    #[command(subcommand)]
    Protocol(ProtocolCmd),
    /// List unfinished sessions, or show where one stands (true elapsed time)
    Resume {
        /// Session id (its folder name) from the list
        id: Option<String>,
        /// List rehearsal sessions instead of real ones
        #[arg(long)]
        rehearsal: bool,
    },
    /// Test aid: write N note events to a new rehearsal session, printing
    /// "saved SEQ" after each is durable (used by the crash tests)
    #[command(hide = true)]
    JournalWriter {
        #[arg(long)]
        protocol: PathBuf,
        #[arg(long)]
        count: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProtocolCmd {
    /// Check protocol files; exit 0 when all are valid, 1 otherwise
    Check {
        /// Protocol files (TOML)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a protocol, as text or as normalised JSON
    Show {
        file: PathBuf,
        /// Print the normalised protocol as JSON (keys as in docs/protocol-format.md)
        #[arg(long)]
        json: bool,
    },
    /// Work out the dose for a session, with the arithmetic
    Dose {
        file: PathBuf,
        /// Course session number (1-based)
        #[arg(long)]
        session: u32,
        /// Patient weight in kg
        #[arg(long)]
        weight: f64,
        /// mg/kg inside the session's range (defaults to the protocol's default)
        #[arg(long = "mg-per-kg")]
        mg_per_kg: Option<f64>,
        /// Print the worked dose as JSON
        #[arg(long)]
        json: bool,
    },
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Protocol(cmd) => protocol_cmd::run(cmd),
        Command::Resume { id, rehearsal } => record_cmd::resume(id.as_deref(), rehearsal),
        Command::JournalWriter { protocol, count } => record_cmd::journal_writer(&protocol, count),
    }
}
