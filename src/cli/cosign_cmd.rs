//! `kap cosign`: a second clinician present co-signs a closed record, as
//! an entry of its own after the signature.

use crate::clocks::SystemClock;
use crate::record::store::{OpenSession, RecordOrRefusal};
use crate::session::{Clock, Event, Stamp};
use std::process::ExitCode;

pub fn run(
    session: &str,
    by: &str,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    let dir = match super::record_cmd::locate(session, lang) {
        Ok((_, d)) => d,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    // The lock: refused while the session is open in kap elsewhere.
    let mut open = match OpenSession::open(&dir) {
        Ok(o) => o,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let lang = crate::i18n::settle(flag, open.session.recorded_language()).lang;
    let who = crate::text::clean_line(by.trim());
    let now = SystemClock::new().now();
    let stamp = Stamp {
        by: Some(who.clone()),
        taken: None,
    };
    let event = Event::CoSigned {
        clinician: who.clone(),
    };
    match open.record_stamped(event, &now, &stamp) {
        Ok(_) => {
            // The summary is written again, the one before kept, as after
            // an addendum.
            let at = open.session.as_of(&now);
            if let Err(e) = crate::record::summary::write_closing(&open, &at, lang) {
                crate::errln!("{e}");
            }
            crate::outln!(
                "{}",
                crate::say!(
                    lang,
                    "cli-co-signed",
                    who = who,
                    id = dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    at = now.hhmm()
                )
            );
            ExitCode::SUCCESS
        }
        Err(RecordOrRefusal::Refused(r)) => {
            crate::errln!(
                "{}",
                crate::say!(
                    lang,
                    "cli-co-sign-refused",
                    why = crate::i18n::Phrase::say(&r.message, lang)
                )
            );
            ExitCode::FAILURE
        }
        Err(RecordOrRefusal::Disk(e)) => {
            crate::errln!("{}", e.say(lang));
            ExitCode::FAILURE
        }
    }
}
