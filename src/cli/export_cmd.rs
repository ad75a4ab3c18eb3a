//! `kap export`: one session, or with --course a patient's course.

use super::{ExportFormat, course_export, record_cmd};
use std::path::PathBuf;
use std::process::ExitCode;

// What `kap export` is asked for (the help text is the variant's in mod.rs).
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Session id (folder name, as `kap history` shows) or folder path
    #[arg(required_unless_present = "course", conflicts_with = "course")]
    pub session: Option<String>,
    /// A patient's course of care (every protocol's): one HTML page
    /// with its charts (`--format html`) or a table (`--format csv`)
    #[arg(long, value_name = "PATIENT")]
    pub course: Option<String>,
    /// With --course: the rehearsal records of that patient
    #[arg(long, requires = "course")]
    pub rehearsal: bool,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// FHIR only: a `transaction` Bundle a server imports as it is
    /// (each resource created once), instead of a `collection`
    #[arg(long)]
    pub transaction: bool,
}

/// The course page or table when --course names a patient, else the
/// session's export in the format asked.
/// `flag` is `--lang`: the export settles on the record's language
/// unless it is given.
pub fn export(
    args: ExportArgs,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    let output = args.output.as_deref();
    match (args.course, args.session) {
        (Some(patient), _) => {
            course_export::export(&patient, args.rehearsal, args.format, output, lang, flag)
        }
        (None, Some(session)) => {
            record_cmd::export(&session, args.format, output, args.transaction, lang, flag)
        }
        (None, None) => ExitCode::FAILURE,
    }
}
