//! `kap replay`: play a journal back read-only, or branch a rehearsal.

use crate::tui::theme::ThemeName;
use std::process::ExitCode;

// What `kap replay` is asked (the help text is the variant's in mod.rs).
#[derive(Debug, clap::Args)]
pub struct ReplayArgs {
    /// Session id (folder name, as `kap history` shows) or folder path
    pub session: String,
    /// Replayed time runs this many times faster (1 to 480)
    #[arg(long, default_value_t = 8.0, value_parser = super::parse::replay_speed)]
    pub speed: f64,
    /// Rehearsal only: start a new rehearsal from the record as it
    /// stood this many minutes after the start of dosing (as the
    /// trainee report counts; negative: before it), and open it
    #[arg(long, value_name = "MINUTES")]
    pub branch_at: Option<f64>,
    /// With --branch-at: make the branch and print its folder, without
    /// opening it
    #[arg(long, requires = "branch_at")]
    pub no_open: bool,
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
    /// A line-by-line transcript for screen readers instead of the
    /// full screen (also when ACCESSIBLE is set)
    #[arg(long)]
    pub screen_reader: bool,
}

/// `flag` is `--lang`: the replay speaks the record's protocol's language
/// unless it is given.
pub fn run(a: &ReplayArgs, lang: crate::i18n::Lang, flag: Option<crate::i18n::Lang>) -> ExitCode {
    let ReplayArgs {
        ref session,
        speed,
        branch_at,
        no_open,
        theme,
        screen_reader,
    } = *a;
    let (store, dir) = match super::record_cmd::locate(session, lang) {
        Ok(x) => x,
        Err(e) => {
            crate::errln!("kap: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(minutes) = branch_at else {
        return crate::tui::run_replay(store, &dir, speed, theme, screen_reader, flag);
    };
    // Minutes from the start of dosing, as the trainee report counts them.
    let ms = match crate::rehearsal::branch::at_dosing_minute(&dir, minutes) {
        Ok(ms) => ms,
        Err(e) => {
            crate::errln!("kap: {}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    match crate::rehearsal::branch::branch(&store, &dir, ms, lang) {
        Ok(new) => {
            crate::outln!(
                "{}",
                crate::say!(
                    lang,
                    "cli-branched",
                    source = crate::text::clean_line(session),
                    minute = crate::i18n::num_in(lang, minutes),
                    folder = new.display().to_string()
                )
            );
            if no_open {
                return ExitCode::SUCCESS;
            }
            let speed = speed.clamp(1.0, 120.0);
            let mut opts = crate::tui::branch_options(new, speed, theme, flag);
            opts.screen_reader = screen_reader;
            crate::tui::run(opts, lang)
        }
        Err(e) => {
            crate::errln!("kap: {}", e.say(lang));
            ExitCode::FAILURE
        }
    }
}
