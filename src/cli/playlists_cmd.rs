//! `kap playlists`: the playlists in a folder with their tracks and
//! length, what the protocol's music section warns of, and whether kap can
//! play them.

use std::process::ExitCode;

/// List the playlists in `dir`, checked against the protocol's music
/// section when one is named.
pub(super) fn run(
    dir: &std::path::Path,
    protocol: Option<&std::path::Path>,
    lang: crate::i18n::Lang,
) -> ExitCode {
    let music = match protocol.map(crate::protocol::load_file) {
        None => None,
        Some(Ok(l)) => l.protocol.music,
        Some(Err(d)) => {
            for d in d {
                crate::errln!("{}", d.say(lang));
            }
            return ExitCode::FAILURE;
        }
    };
    let files = crate::audio::playlist::in_folder(dir);
    if files.is_empty() {
        crate::outln!(
            "{}",
            crate::say!(lang, "playlists-none", folder = dir.display().to_string())
        );
        return ExitCode::SUCCESS;
    }
    for f in files {
        let pl = match crate::audio::playlist::load(&f, lang) {
            Ok(p) => p,
            Err(e) => {
                crate::outln!(
                    "{}",
                    crate::say!(
                        lang,
                        "playlists-unreadable",
                        file = f.display().to_string(),
                        error = crate::i18n::say_io(&e, lang)
                    )
                );
                continue;
            }
        };
        let info = crate::audio::PlaylistInfo::of(pl);
        crate::outln!("{}", info.line(lang));
        for t in &info.playlist.tracks {
            let len = crate::audio::track_seconds(t)
                .map(|s| format!("{}:{:02}", (s as u64) / 60, (s as u64) % 60))
                .unwrap_or_else(|| "?:??".into());
            let mark = if t.exists() {
                String::new()
            } else {
                format!("  {}", crate::say!(lang, "playlists-missing-mark"))
            };
            crate::outln!("  {len:>6}  {}{mark}", t.title);
        }
        for (line, p) in &info.playlist.problems {
            crate::outln!(
                "  {}",
                crate::say!(
                    lang,
                    "playlists-problem",
                    line = *line,
                    problem = p.as_str()
                )
            );
        }
        if let Some(w) = info.short_warning(music.as_ref(), lang) {
            crate::outln!("  {}", crate::say!(lang, "playlists-warning", warning = w));
        }
    }
    let playback = match crate::audio::open(lang).unavailable() {
        None => crate::say!(lang, "playlists-playback-ok"),
        Some(why) => crate::say!(lang, "playlists-playback-silent", why = why.to_string()),
    };
    crate::outln!("\n{}", playback);
    ExitCode::SUCCESS
}
