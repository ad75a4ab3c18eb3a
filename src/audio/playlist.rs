//! M3U / M3U8 playlists, as music players write them: one path per line,
//! relative to the playlist file, `#EXTINF:seconds,title` before a track,
//! other `#` lines ignored. Paths are bytes on Unix, so a file name that is
//! not UTF-8 still plays. `kap-ambient:NAME?minutes=N` entries are pieces
//! kap synthesises itself (see `ambient`).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Where a track's sound comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackSource {
    File(PathBuf),
    /// A generated ambient piece: its name and length.
    Ambient {
        name: String,
        seconds: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub source: TrackSource,
    pub title: String,
    /// Seconds from `#EXTINF` (negative or absent: unknown).
    pub extinf_seconds: Option<u32>,
    /// 1-based line of the playlist the track is on.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Playlist {
    pub path: PathBuf,
    pub name: String,
    pub tracks: Vec<Track>,
    /// Lines that could not be used, with the reason.
    pub problems: Vec<(usize, String)>,
}

impl Track {
    pub fn exists(&self) -> bool {
        match &self.source {
            TrackSource::File(p) => p.is_file(),
            TrackSource::Ambient { .. } => true,
        }
    }
}

fn parse_ambient(entry: &str) -> Option<(String, u32)> {
    let rest = entry.strip_prefix("kap-ambient:")?;
    let (name, query) = rest.split_once('?').unwrap_or((rest, ""));
    let minutes = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("minutes="))
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(10)
        .clamp(1, 120);
    Some((name.to_string(), minutes * 60))
}

/// Parse playlist bytes; `path` is the playlist's own path (tracks are
/// relative to its folder).
pub fn parse(path: &Path, bytes: &[u8], lang: crate::i18n::Lang) -> Playlist {
    let dir = path.parent().unwrap_or(Path::new("."));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes); // UTF-8 BOM
    let mut tracks = Vec::new();
    let mut problems = Vec::new();
    let mut pending: Option<(Option<u32>, String)> = None;
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let trimmed = trim(line);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(info) = trimmed.strip_prefix(b"#EXTINF:") {
            let text = String::from_utf8_lossy(info);
            let (secs, title) = text.split_once(',').unwrap_or((&text, ""));
            let secs = secs
                .split_whitespace()
                .next()
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| *s >= 0.0)
                .map(|s| s.round() as u32);
            pending = Some((secs, title.trim().to_string()));
            continue;
        }
        if trimmed.starts_with(b"#") {
            continue;
        }
        let (extinf, title) = pending.take().unwrap_or((None, String::new()));
        let as_text = String::from_utf8_lossy(trimmed);
        if let Some((name, seconds)) = parse_ambient(&as_text) {
            tracks.push(Track {
                title: if title.is_empty() {
                    format!("ambient: {name}")
                } else {
                    title
                },
                source: TrackSource::Ambient { name, seconds },
                extinf_seconds: extinf.or(Some(seconds)),
                line: line_no,
            });
            continue;
        }
        if as_text.contains("://") {
            problems.push((
                line_no,
                crate::say!(lang, "playlist-stream", line = as_text.as_ref()),
            ));
            continue;
        }
        let p = Path::new(OsStr::from_bytes(trimmed));
        let full = if p.is_absolute() {
            p.to_path_buf()
        } else {
            dir.join(p)
        };
        let title = if title.is_empty() {
            // A name with no file stem (`/`, `..`) is shown as written.
            full.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| as_text.into_owned())
        } else {
            title
        };
        tracks.push(Track {
            source: TrackSource::File(full),
            title,
            extinf_seconds: extinf,
            line: line_no,
        });
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Playlist {
        path: path.to_path_buf(),
        name,
        tracks,
        problems,
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

pub fn load(path: &Path, lang: crate::i18n::Lang) -> std::io::Result<Playlist> {
    Ok(parse(path, &crate::input::read_text_file(path)?, lang))
}

/// The `.m3u` / `.m3u8` files in a folder, sorted by name.
pub fn in_folder(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        e.eq_ignore_ascii_case("m3u") || e.eq_ignore_ascii_case("m3u8")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
