//! Playlists: parsing as music players write them, lengths measured from
//! the files, and the short-playlist warning.

use kap::audio::ambient::{Ambient, wav_bytes};
use kap::audio::playlist::{TrackSource, parse};
use kap::audio::{PlaylistInfo, track_seconds, wav_seconds};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

fn write_wav(dir: &Path, name: &str, seconds: u32) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(
        &p,
        wav_bytes(Ambient::new(name, seconds), kap::audio::ambient::RATE),
    )
    .unwrap();
    p
}

#[test]
fn relative_absolute_comments_extinf_and_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let abs = write_wav(tmp.path(), "abs.wav", 2);
    std::fs::create_dir(tmp.path().join("sub")).unwrap();
    write_wav(&tmp.path().join("sub"), "rel.wav", 3);
    let text = format!(
        "\u{feff}#EXTM3U\r\n# a comment\r\n#EXTINF:183,Artist - First\r\nsub/rel.wav\r\n\r\n{}\r\n#EXTINF:-1,Unknown length\r\ngone.flac\r\nhttp://example.invalid/stream\r\n",
        abs.display()
    );
    let pl_path = tmp.path().join("list.m3u8");
    let pl = parse(&pl_path, text.as_bytes(), kap::i18n::Lang::En);
    assert_eq!(pl.name, "list");
    assert_eq!(pl.tracks.len(), 3);
    assert_eq!(pl.tracks[0].title, "Artist - First");
    assert_eq!(pl.tracks[0].extinf_seconds, Some(183));
    assert_eq!(
        pl.tracks[0].source,
        TrackSource::File(tmp.path().join("sub/rel.wav"))
    );
    assert_eq!(pl.tracks[0].line, 4);
    assert_eq!(pl.tracks[1].source, TrackSource::File(abs.clone()));
    assert_eq!(
        pl.tracks[1].title, "abs",
        "untitled tracks are named after the file"
    );
    assert_eq!(pl.tracks[2].extinf_seconds, None, "-1 means unknown");
    assert!(!pl.tracks[2].exists());
    assert_eq!(pl.problems.len(), 1);
    assert!(pl.problems[0].1.contains("no network use"));

    // Lengths come from the files, not from #EXTINF.
    assert_eq!(track_seconds(&pl.tracks[0]).map(f64::round), Some(3.0));
    let info = PlaylistInfo::of(pl);
    assert_eq!(info.total_seconds.round(), 5.0);
    assert_eq!(info.missing, vec!["Unknown length".to_string()]);
    assert!(
        info.line(kap::i18n::Lang::En).contains("3 tracks"),
        "{}",
        info.line(kap::i18n::Lang::En)
    );
    assert!(
        info.line(kap::i18n::Lang::En).contains("1 missing"),
        "{}",
        info.line(kap::i18n::Lang::En)
    );
}

#[test]
fn empty_lists_and_non_utf8_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = parse(
        &tmp.path().join("e.m3u"),
        b"#EXTM3U\n\n# nothing\n",
        kap::i18n::Lang::En,
    );
    assert!(empty.tracks.is_empty());
    assert_eq!(PlaylistInfo::of(empty).total_seconds, 0.0);

    // A Latin-1 file name (not UTF-8) is a valid Unix path and still plays.
    let name: &[u8] = b"caf\xe9.wav";
    let os = std::ffi::OsStr::from_bytes(name);
    std::fs::write(
        tmp.path().join(os),
        wav_bytes(Ambient::new("x", 1), kap::audio::ambient::RATE),
    )
    .unwrap();
    let mut bytes = b"#EXTINF:1,Caf\xe9\n".to_vec();
    bytes.extend_from_slice(name);
    bytes.push(b'\n');
    let pl = parse(&tmp.path().join("l.m3u"), &bytes, kap::i18n::Lang::En);
    assert_eq!(pl.tracks.len(), 1);
    assert!(pl.tracks[0].exists());
    assert_eq!(track_seconds(&pl.tracks[0]).map(f64::round), Some(1.0));
}

#[test]
fn wav_length_and_the_short_playlist_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let p = write_wav(tmp.path(), "a.wav", 4);
    assert_eq!(wav_seconds(&p), Some(4.0));
    let list = tmp.path().join("short.m3u");
    std::fs::write(&list, "a.wav\n").unwrap();
    let info = PlaylistInfo::of(kap::audio::playlist::load(&list, kap::i18n::Lang::En).unwrap());
    let montreal = kap::protocol::load_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
    )
    .unwrap()
    .protocol;
    let w = info
        .short_warning(montreal.music.as_ref(), kap::i18n::Lang::En)
        .unwrap();
    assert_eq!(w, "short runs 0 min, shorter than the protocol's 50–60 min");
}

#[test]
fn the_shipped_demo_playlist_is_ours_and_long_enough() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pl = kap::audio::playlist::load(
        &root.join("playlists/demo-ambient.m3u8"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    assert!(
        pl.tracks
            .iter()
            .all(|t| matches!(t.source, TrackSource::Ambient { .. }))
    );
    let info = PlaylistInfo::of(pl);
    assert_eq!(info.total_seconds, 56.0 * 60.0);
    let montreal = kap::protocol::load_file(&root.join("protocols/montreal.toml"))
        .unwrap()
        .protocol;
    assert_eq!(
        info.short_warning(montreal.music.as_ref(), kap::i18n::Lang::En),
        None
    );
}
