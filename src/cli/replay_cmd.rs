//! `kap replay`: play a journal back read-only, or branch a rehearsal.

use crate::tui::theme::ThemeName;
use std::process::ExitCode;

/// `--speed` for a replay: 1 to 480 times real time.
pub(super) fn parse_speed(s: &str) -> Result<f64, String> {
    // clap runs this while it reads the arguments, before any command is
    // handed a language: the one the arguments or the locale chose.
    let lang = crate::i18n::current();
    super::speed_in(
        s,
        crate::tui::replay::MIN_SPEED,
        crate::tui::replay::MAX_SPEED,
        lang,
    )
}

pub fn run(
    session: &str,
    speed: f64,
    branch_at: Option<f64>,
    no_open: bool,
    theme: Option<ThemeName>,
    screen_reader: bool,
    lang: crate::i18n::Lang,
) -> ExitCode {
    let (store, dir) = match super::record_cmd::locate(session, lang) {
        Ok(x) => x,
        Err(e) => {
            crate::errln!("kap: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(minutes) = branch_at else {
        return crate::tui::run_replay(store, &dir, speed, theme, screen_reader, lang);
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
            let mut opts = crate::tui::branch_options(new, speed, theme);
            opts.screen_reader = screen_reader;
            crate::tui::run(opts, lang)
        }
        Err(e) => {
            crate::errln!("kap: {}", e.say(lang));
            ExitCode::FAILURE
        }
    }
}
