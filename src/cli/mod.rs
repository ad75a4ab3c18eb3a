//! The command line: argument parsing with clap and the commands that do not
//! need the full-screen app.

mod assets;
mod cosign_cmd;
mod course_cmd;
mod course_export;
pub mod dev;
mod doctor;
mod export_cmd;
mod help;
mod history_cmd;
mod instruct_cmd;
mod parse;
mod playlists_cmd;
mod protocol_cmd;
mod protocol_describe;
mod push_cmd;
mod record_cmd;
mod replay_cmd;
mod status_words;
mod verify_cmd;

use crate::share;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kap",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("KAP_COMMIT"), ")"),
    about = "A terminal companion for ketamine-assisted psychotherapy dosing sessions",
    long_about = "kap walks a clinician through a ketamine-assisted psychotherapy dosing \
session as its protocol file describes it, and keeps a record that survives a crash.\n\n\
kap is a documentation and workflow aid, not a medical device. Alarm limits and every \
other site-set value in a protocol file are the site's to set and review.",
    after_long_help = "Environment:\n  \
KAP_DATA_DIR   where records are kept (default: ~/.local/share/kap)\n  \
KAP_LANG       kap's language when --lang is not given: en, fr-CA or pt-BR\n  \
KAP_PUSH_CONFIG  the site's push config for `kap push` (default: ~/.config/kap/push.toml, \
else /etc/kap/push.toml)\n  \
KAP_SITE_DIR   the site's own files (default: /etc/kap): protocols/, scenarios/, playlists/, \
push.toml, clinicians.toml, monitor.toml\n  \
KAP_MONITOR_CONFIG  the bedside monitor's settings (default: ~/.config/kap/monitor.toml, \
else /etc/kap/monitor.toml)\n  \
KAP_SHARE_DIR  shipped protocols, scenarios and playlists (default: /usr/share/kap)\n  \
KAP_AUDIO=off  no sound\n  \
NO_COLOR       the plain theme\n  \
ACCESSIBLE     the screen-reader mode (as --screen-reader)\n\n\
A relative protocol, scenario or playlist path is looked for in the working directory, then \
the site folder, then KAP_SHARE_DIR, then /usr/share/kap.\n\n\
Before the first patient on a new laptop, run `kap doctor`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of kap's words: en, fr-CA or pt-BR (else KAP_LANG, the
    /// protocol's language, the system locale, English)
    #[arg(long, global = true, value_name = "LANG", value_parser = parse::lang)]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check, show and use protocol files
    #[command(subcommand)]
    Protocol(ProtocolCmd),
    /// Run a dosing session in the full-screen app
    Run {
        #[command(flatten)]
        start: StartArgs,
    },
    /// Rehearse a session on simulated time (a training run, kept apart)
    Rehearse {
        #[command(flatten)]
        start: StartArgs,
        /// Simulated time runs this many times faster (1 to 120)
        #[arg(long, default_value_t = 30.0, value_parser = parse::rehearsal_speed)]
        speed: f64,
        /// Scenario file: the simulated patient (see scenarios/)
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Seed for the scenario's noise (default: the scenario's own)
        #[arg(long)]
        seed: Option<u64>,
    },
    /// List unfinished sessions, or continue one
    Resume {
        /// Session id (its folder name) from the list
        id: Option<String>,
        /// Rehearsal sessions instead of real ones
        #[arg(long)]
        rehearsal: bool,
        /// Print where the session stands instead of opening it
        #[arg(long)]
        status: bool,
        #[arg(long, value_enum)]
        theme: Option<crate::tui::theme::ThemeName>,
        /// A line-by-line transcript for screen readers instead of the
        /// full screen (also when ACCESSIBLE is set)
        #[arg(long)]
        screen_reader: bool,
        /// Output device for alarm sounds and chimes (see `run --help`)
        #[arg(long)]
        alarm_device: Option<String>,
        /// Who writes now (an addendum days later): their id or name in
        /// the site's directory of clinicians (clinicians.toml)
        #[arg(long)]
        clinician: Option<String>,
        /// Listen for the bedside monitor's HL7 results (ORU^R01 over MLLP)
        /// on this address: PORT or HOST:PORT, loopback unless the site names
        /// a LAN address (see docs/monitor.md)
        #[arg(long, value_name = "ADDR")]
        monitor: Option<String>,
    },
    /// Attach an instructor's console to a running rehearsal on this
    /// machine: watch the trainee and change the simulated patient
    Instruct {
        /// Rehearsal id (its folder name) or folder; default: the only
        /// rehearsal running
        session: Option<String>,
    },
    /// Export one session: Markdown or HTML summary, CSV vitals or a FHIR
    /// R4 Bundle; or, with --course, a patient's whole course (HTML or CSV)
    Export(export_cmd::ExportArgs),
    /// Send closed sessions to the clinic's FHIR server (kap's only
    /// network path, off until push.toml names a server; see docs/exports.md)
    #[command(group = clap::ArgGroup::new("what").required(true).args(["session", "all", "status"]))]
    Push {
        /// Session id to send (even if sent before: the server adds nothing new)
        session: Option<String>,
        /// Send every closed session not sent yet, and retry failed ones whose wait is over
        #[arg(long)]
        all: bool,
        /// List each closed session's push state; sends nothing
        #[arg(long)]
        status: bool,
        /// Site config file (default: $KAP_PUSH_CONFIG, else push.toml in kap's config folder)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Rehearsals too (never sent otherwise)
        #[arg(long)]
        include_rehearsals: bool,
        /// With --all: retry failed sessions without waiting
        #[arg(long, requires = "all")]
        now: bool,
    },
    /// Play a session's journal back on the session's screens, read-only,
    /// at any speed; a rehearsal can be branched into a new one
    Replay(replay_cmd::ReplayArgs),
    /// A second clinician present co-signs a closed record (its own
    /// entry after the signature, which stays as it was)
    Cosign {
        /// Session id (folder name, as `kap history` shows) or folder path
        session: String,
        /// Who co-signs: their name as given among the clinicians present
        #[arg(long, value_name = "NAME")]
        by: String,
    },
    /// A patient's course: every session, oldest first, and the goals
    History {
        /// Pseudonymous patient id
        patient: String,
        /// Only sessions under this protocol id (default: all)
        #[arg(long)]
        protocol: Option<String>,
        /// Rehearsal records instead of real ones
        #[arg(long)]
        rehearsal: bool,
    },
    /// A patient's whole course: every session in order, what is due or overdue, the goals as they changed
    Course {
        /// Pseudonymous patient id
        patient: String,
        /// Only the course under this protocol id (default: all)
        #[arg(long)]
        protocol: Option<String>,
        /// Rehearsal records instead of real ones
        #[arg(long)]
        rehearsal: bool,
        /// Print the course as JSON
        #[arg(long)]
        json: bool,
        /// Draw each outcome measure's scores as a chart, the width of the terminal
        #[arg(long)]
        chart: bool,
    },
    /// List playlists with their tracks and length, and what kap can play
    Playlists {
        /// Folder of M3U/M3U8 playlists
        #[arg(default_value = "playlists")]
        dir: PathBuf,
        /// Warn about playlists shorter than this protocol's music length
        #[arg(long)]
        protocol: Option<PathBuf>,
    },
    /// Check this computer before a session: data folder, audio, terminal,
    /// clock, protocols, unfinished sessions; exit 1 on any FAIL
    Doctor {
        /// Folder of protocol files to check
        #[arg(long, default_value = "protocols")]
        protocols: PathBuf,
        /// Print the checklist as JSON
        #[arg(long)]
        json: bool,
    },
    /// Check every record in the data folder (or the folders named): hash
    /// chain, seals, protocol copy, lock, file modes. Exit 0 when every
    /// record is whole, 1 when a problem is found, 2 when there is no data
    /// folder
    Verify {
        /// Session folders, data folders or folders of session folders
        /// (default: the data folder)
        paths: Vec<PathBuf>,
        /// Print the problems as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The chart summary
    Md,
    /// One row per thing recorded (see docs/exports.md)
    Csv,
    /// One row per vitals set, for a quick chart
    VitalsCsv,
    /// A FHIR R4 Bundle
    Fhir,
    /// One self-contained HTML page: the summary with a chart
    Html,
}

/// What a new session needs; anything left out is asked on the start screen.
#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Protocol file (TOML)
    #[arg(long)]
    pub protocol: PathBuf,
    /// Pseudonymous patient id
    #[arg(long)]
    pub patient: Option<String>,
    /// Course session number (1-based)
    #[arg(long)]
    pub session: Option<u32>,
    /// Weight in kg
    #[arg(long, value_parser = parse::decimal)]
    pub weight: Option<f64>,
    /// mg/kg inside the session's range, when the protocol has no default
    #[arg(long = "mg-per-kg", value_parser = parse::decimal)]
    pub mg_per_kg: Option<f64>,
    /// Clinicians present: name or initials and role, `;` between them
    /// (default: those named at the last start here)
    #[arg(long)]
    pub clinician: Option<String>,
    /// Colour theme (default: dim; plain when NO_COLOR is set)
    #[arg(long, value_enum)]
    pub theme: Option<crate::tui::theme::ThemeName>,
    /// Folder of M3U playlists offered in the intentions phase
    #[arg(long, default_value = "playlists")]
    pub playlists: PathBuf,
    /// Output device for alarm sounds and chimes, apart from the music's
    /// (an ALSA PCM name such as hw:1,0, or the start of its description)
    #[arg(long)]
    pub alarm_device: Option<String>,
    /// A line-by-line transcript for screen readers instead of the full
    /// screen (also when ACCESSIBLE is set)
    #[arg(long)]
    pub screen_reader: bool,
    /// A visit instead of a dosing session: assessment, preparation,
    /// integration, follow-up or maintenance-review (those the protocol
    /// names); the clinician named holds it
    #[arg(long, value_parser = parse::visit)]
    pub visit: Option<crate::protocol::VisitKind>,
    /// How the visit is held: in-person (the default), phone or video
    #[arg(long, value_parser = parse::contact, requires = "visit")]
    pub contact: Option<crate::protocol::Contact>,
    /// Listen for the bedside monitor's HL7 results (ORU^R01 over MLLP)
    /// on this address: PORT or HOST:PORT, loopback unless the site names
    /// a LAN address (see docs/monitor.md)
    #[arg(long, value_name = "ADDR")]
    pub monitor: Option<String>,
}

impl StartArgs {
    fn options(
        self,
        rehearsal: bool,
        speed: f64,
        lang: Option<crate::i18n::Lang>,
    ) -> crate::tui::RunOptions {
        crate::tui::RunOptions {
            lang,
            protocol: Some(share::resolve(&self.protocol)),
            patient: self.patient,
            session: self.session,
            weight: self.weight,
            mg_per_kg: self.mg_per_kg,
            clinician: self.clinician,
            rehearsal,
            speed,
            theme: self.theme,
            playlists: share::resolve(&self.playlists),
            resume: None,
            scenario: None,
            seed: None,
            screen_reader: self.screen_reader,
            alarm_device: self.alarm_device,
            visit: self.visit.map(|kind| crate::session::VisitStart {
                kind,
                contact: self.contact.unwrap_or_default(),
            }),
            monitor: self.monitor,
        }
    }
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
        #[arg(long, value_parser = parse::decimal)]
        weight: f64,
        /// mg/kg inside the session's range (defaults to the protocol's default)
        #[arg(long = "mg-per-kg", value_parser = parse::decimal)]
        mg_per_kg: Option<f64>,
        /// Print the worked dose as JSON
        #[arg(long)]
        json: bool,
    },
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let (cli, lang, flag) = parse_args();
    run(cli.command, lang, flag)
}

/// The command line, read in kap's language: --help, and clap's parse
/// errors around kap's own words, in the language the arguments, KAP_LANG
/// or the locale choose; then the language settled for the command, and
/// `--lang` for the commands that settle again once they read a record.
fn parse_args() -> (Cli, crate::i18n::Lang, Option<crate::i18n::Lang>) {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::lang_from_args(&args);
    let mut cmd = help::localize(Cli::command(), lang);
    let cli = match cmd
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => parse::exit(e, &mut cmd, lang),
    };
    let flag = cli.lang.as_deref().and_then(crate::i18n::Lang::from_tag);
    let choice = crate::i18n::settle(flag, None);
    for v in &choice.passed_over {
        crate::errln!(
            "{}",
            crate::say!(choice.lang, "cli-lang-passed-over", lang = v.as_str())
        );
    }
    (cli, choice.lang, flag)
}

/// Each command to the function that does it.
/// `flag` is `--lang`: a command that reads a protocol or a record
/// settles its language again with it (`i18n::settle`).
fn run(command: Command, lang: crate::i18n::Lang, flag: Option<crate::i18n::Lang>) -> ExitCode {
    match command {
        Command::Protocol(cmd) => protocol_cmd::run(cmd.resolved(), lang),
        Command::Run { start } => crate::tui::run(start.options(false, 1.0, flag), lang),
        Command::Rehearse {
            start,
            speed,
            scenario,
            seed,
        } => rehearse(start, speed, scenario, seed, lang, flag),
        Command::Resume {
            id,
            rehearsal,
            status,
            theme,
            screen_reader,
            alarm_device,
            clinician,
            monitor,
        } => record_cmd::resume(
            id.as_deref(),
            rehearsal,
            status,
            record_cmd::ResumeOpen {
                theme,
                screen_reader,
                alarm_device,
                clinician,
                monitor,
            },
            lang,
            flag,
        ),
        Command::Instruct { session } => instruct_cmd::run(session.as_deref(), lang),
        Command::Export(args) => export_cmd::export(args, lang, flag),
        Command::Push {
            session,
            all: _,
            status,
            config,
            include_rehearsals,
            now,
        } => push_cmd::run(
            &push_cmd::Args {
                session: session.as_deref(),
                status,
                config: config.as_deref(),
                include_rehearsals,
                now,
            },
            lang,
        ),
        Command::Replay(a) => replay_cmd::run(&a, lang, flag),
        Command::Cosign { session, by } => cosign_cmd::run(&session, &by, lang, flag),
        Command::History {
            patient,
            protocol,
            rehearsal,
        } => history_cmd::history(&patient, protocol.as_deref(), rehearsal, lang, flag),
        Command::Course {
            patient,
            protocol,
            rehearsal,
            json,
            chart,
        } => course_cmd::course(
            &patient,
            protocol.as_deref(),
            rehearsal,
            json,
            chart,
            lang,
            flag,
        ),
        Command::Playlists { dir, protocol } => playlists_cmd::run(
            &share::resolve(&dir),
            protocol.as_deref().map(share::resolve).as_deref(),
            lang,
        ),
        Command::Doctor { protocols, json } => doctor::run(&share::resolve(&protocols), json, lang),
        Command::Verify { paths, json } => verify_cmd::run(&paths, json, lang),
    }
}

/// `kap rehearse`: a rehearsal can start straight away on a demo patient.
fn rehearse(
    mut start: StartArgs,
    speed: f64,
    scenario: Option<PathBuf>,
    seed: Option<u64>,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    start.patient.get_or_insert_with(|| "rehearsal".into());
    start.weight.get_or_insert(70.0);
    let mut opts = start.options(true, speed, flag);
    opts.scenario = scenario.as_deref().map(share::resolve);
    opts.seed = seed;
    crate::tui::run(opts, lang)
}
