//! `kap instruct [SESSION]`: which rehearsal the instructor's console
//! (`tui::instructor`) attaches to.

use crate::instruct::SOCKET;
use std::path::PathBuf;
use std::process::ExitCode;

/// Find the rehearsal to attach to: the one named, or the only one
/// running on this machine.
fn find(id: Option<&str>, lang: crate::i18n::Lang) -> Result<PathBuf, String> {
    if let Some(id) = id {
        return super::record_cmd::locate(id, lang).map(|(_, dir)| dir);
    }
    let store = crate::record::Store::from_env().map_err(|e| e.say(lang))?;
    let live: Vec<_> = store
        .unfinished(true)
        .into_iter()
        .filter(|l| std::os::unix::net::UnixStream::connect(l.dir.join(SOCKET)).is_ok())
        .collect();
    match live.as_slice() {
        [one] => Ok(one.dir.clone()),
        [] => Err(crate::say!(lang, "instruct-none-running")),
        many => {
            let ids: Vec<String> = many
                .iter()
                .filter_map(|l| l.dir.file_name().map(|n| n.to_string_lossy().to_string()))
                .collect();
            Err(crate::say!(
                lang,
                "instruct-several",
                ids = ids.join("\n  ")
            ))
        }
    }
}

/// `kap instruct [SESSION]`.
pub fn run(id: Option<&str>, lang: crate::i18n::Lang) -> ExitCode {
    let dir = match find(id, lang) {
        Ok(d) => d,
        Err(e) => {
            crate::errln!("kap: {e}");
            return ExitCode::FAILURE;
        }
    };
    crate::tui::instructor::run(dir, lang)
}
