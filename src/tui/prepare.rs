//! Everything that can fail before the screen is taken over — the data
//! folder, the protocol, a scenario, the clocks, the audio devices, a
//! session to resume — so errors are plain text on a normal terminal.

use super::RunOptions;
use super::app::{self, App, Screen};
use super::theme::{Theme, ThemeName};
use crate::clocks::{ScaledClock, SystemClock};
use crate::protocol::{self, Protocol};
use crate::record::Store;
use crate::rehearsal::scenario::Scenario;
use crate::session::Clock;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn playlist_infos(dir: &Path, lang: crate::i18n::Lang) -> Vec<crate::audio::PlaylistInfo> {
    crate::audio::playlist::in_folder(dir)
        .iter()
        .filter_map(|p| crate::audio::playlist::load(p, lang).ok())
        .map(crate::audio::PlaylistInfo::of)
        .collect()
}

/// The app, ready for its first frame: on the start form, or in the
/// session it resumes.
/// `lang` is the command line's: what goes wrong before the protocol is
/// read is said in it; from then on the protocol's language is, unless
/// the clinician chose one.
pub(super) fn prepare(opts: &RunOptions, lang: crate::i18n::Lang) -> Result<App, String> {
    let store = Store::from_env().map_err(|e| e.say(lang))?;
    check_data_dir(&store, opts.rehearsal, lang)?;
    let (protocol_path, protocol_text, protocol) = read_protocol(opts, lang)?;
    let lang = crate::i18n::settle(opts.lang, protocol.protocol.language.as_deref()).lang;
    let scenario = read_scenario(opts, &protocol, lang)?;
    let session_number = opts
        .session
        .or(scenario.as_ref().map(|(s, _)| s.scenario.session))
        .or(opts.rehearsal.then_some(1));
    let (clock, scaled) = clocks(opts, lang);
    let mut app = App::new(
        lang,
        store,
        protocol_path,
        protocol_text,
        protocol,
        clock,
        scaled,
        opts.rehearsal,
        Theme::new(ThemeName::initial(opts.theme)),
    );
    app.playlists = playlist_infos(&opts.playlists, lang);
    // The site's server and directory: a problem with either is said,
    // and the session goes on without it.
    let (site, site_problems) = app::SiteSetup::load(lang);
    app.site = site;
    app.watch_clock = !opts.rehearsal;
    let alarm_trouble = open_audio(&mut app, opts);
    open_monitor(&mut app, opts)?;
    if let Some((sc, text)) = scenario {
        app.set_patient(crate::rehearsal::Patient::new(sc, opts.seed));
        app.sim_run = Some(crate::tui::app::SimRun::with_scenario(text));
    }
    // A failed alarm device is said before anything else.
    let privacy = alarm_trouble.clone().or(app.store.privacy_warning(lang));
    if let Some(dir) = &opts.resume {
        // Who writes now, from the site's directory when it has one.
        if let Some(c) = &opts.clinician {
            app.author_from_directory = Some(app.clinicians_named(c)?);
        }
        resume(&mut app, dir, alarm_trouble)?;
        for p in site_problems {
            app.set_flash(p, app::FlashKind::Refused);
        }
        return Ok(app);
    }
    for p in site_problems {
        app.set_flash(p, app::FlashKind::Refused);
    }
    if let Some(w) = privacy {
        app.set_flash(w, app::FlashKind::Refused);
    }
    start_form(&mut app, opts, session_number);
    Ok(app)
}

/// `--monitor ADDR`, or the site's `monitor.toml` `listen`: the listener
/// opened now, so an address already in use or not allowed (or a settings
/// file that cannot be used) stops kap before the session, with the
/// reason.
fn open_monitor(app: &mut App, opts: &RunOptions) -> Result<(), String> {
    let lang = app.lang;
    let site =
        crate::monitor::site::load(&crate::site_paths::site_dir()).map_err(|e| e.say(lang))?;
    // The site's address is for real sessions; a rehearsal listens only
    // when asked (it must not take a real session's port).
    let site_listen = site.listen.as_ref().filter(|_| !opts.rehearsal);
    let Some(given) = opts.monitor.as_ref().or(site_listen) else {
        return Ok(());
    };
    let addr = crate::monitor::address(given, site.listen.as_deref()).map_err(|e| e.say(lang))?;
    let listener = crate::monitor::listen::Listener::start(addr).map_err(|e| {
        crate::say!(
            lang,
            "feed-cannot-listen",
            addr = addr.to_string(),
            error = e.to_string()
        )
    })?;
    let link = app::monitor::MonitorLink::new(listener, site.check);
    app.set_flash(
        crate::say!(lang, "feed-listening", addr = link.addr().to_string()),
        app::FlashKind::Info,
    );
    app.monitor = Some(link);
    Ok(())
}

/// The data folder is there, private and writable: a clear error now
/// beats a failure mid-session.
fn check_data_dir(store: &Store, rehearsal: bool, lang: crate::i18n::Lang) -> Result<(), String> {
    let tree = store.tree(rehearsal);
    crate::record::store::make_private_dirs(&tree)
        .map_err(|e| crate::say!(lang, "data-dir-unusable", error = e.say(lang)))?;
    let probe = tree.join(format!(".kap-write-test-{}", std::process::id()));
    let wrote = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"ok").and_then(|()| f.sync_all()));
    // Removed whether or not the write went through (a full disk).
    let _ = std::fs::remove_file(&probe);
    wrote.map_err(|e| {
        crate::say!(
            lang,
            "data-dir-not-writable",
            folder = tree.display().to_string(),
            error = e.to_string()
        )
    })?;
    Ok(())
}

/// The protocol file (a resumed session's own copy), read and checked.
fn read_protocol(
    opts: &RunOptions,
    lang: crate::i18n::Lang,
) -> Result<(PathBuf, String, Arc<Protocol>), String> {
    let (protocol_path, protocol_text) = match (&opts.resume, &opts.protocol) {
        (Some(dir), _) => {
            let p = dir.join(crate::record::store::PROTOCOL_COPY);
            let t = crate::input::read_text_string(&p)
                .map_err(|e| format!("{}: {}", p.display(), crate::i18n::say_io(&e, lang)))?;
            (p, t)
        }
        (None, Some(p)) => {
            let t = crate::input::read_text_string(p)
                .map_err(|e| format!("{}: {}", p.display(), crate::i18n::say_io(&e, lang)))?;
            (p.clone(), t)
        }
        (None, None) => return Err(crate::say!(lang, "cli-give-protocol")),
    };
    let loaded = protocol::load_str(&protocol_path, &protocol_text).map_err(|d| {
        d.iter()
            .map(|d| d.say(lang))
            .collect::<Vec<_>>()
            .join("\n\n")
    })?;
    Ok((protocol_path, protocol_text, Arc::new(loaded.protocol)))
}

/// The rehearsal's scenario, if any: the one asked for, or the copy in a
/// resumed rehearsal's folder; it must be written for this protocol.
fn read_scenario(
    opts: &RunOptions,
    protocol: &Protocol,
    lang: crate::i18n::Lang,
) -> Result<Option<(Scenario, String)>, String> {
    // A resumed rehearsal runs the scenario copied into its folder.
    let scenario_path = opts.scenario.clone().or_else(|| {
        opts.resume
            .as_ref()
            .filter(|_| opts.rehearsal)
            .map(|d| d.join(crate::rehearsal::simlog::SCENARIO_COPY))
            .filter(|p| p.is_file())
    });
    Ok(match &scenario_path {
        None => None,
        Some(path) => {
            let text = crate::input::read_text_string(path)
                .map_err(|e| format!("{}: {}", path.display(), crate::i18n::say_io(&e, lang)))?;
            let sc = crate::rehearsal::scenario::load_str(path, &text, lang).map_err(|d| {
                d.iter()
                    .map(|d| d.say(lang))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })?;
            if sc.scenario.protocol != protocol.protocol.id {
                return Err(crate::say!(
                    lang,
                    "cli-scenario-other-protocol",
                    file = path.display().to_string(),
                    scenario = sc.scenario.protocol.as_str(),
                    protocol = protocol.protocol.id.as_str()
                ));
            }
            Some((sc, text))
        }
    })
}

/// The clocks: the system's, or for a rehearsal a scaled one that goes on
/// from where a resumed rehearsal stopped, at the speed it last ran at.
fn clocks(
    opts: &RunOptions,
    lang: crate::i18n::Lang,
) -> (Arc<dyn Clock>, Option<Arc<ScaledClock>>) {
    if opts.rehearsal {
        let from = match &opts.resume {
            // Continue simulated time from the last entry, in the journal or
            // the simulation log, whichever is later.
            Some(dir) => {
                let journal =
                    crate::record::journal::read(&dir.join(crate::record::store::JOURNAL))
                        .ok()
                        .and_then(|o| o.records.last().map(|r| r.at.clone()));
                let sim = crate::rehearsal::simlog::read(dir, lang)
                    .ok()
                    .and_then(|l| l.entries.last().map(|e| e.at.clone()));
                let last = match (journal, sim) {
                    (Some(j), Some(s)) if s.since(&j) > 0 => s,
                    (Some(j), _) => j,
                    (None, s) => s.unwrap_or_else(|| SystemClock::new().now()),
                };
                // A branch not yet continued starts at its moment T, which
                // may be after its last entry.
                match crate::rehearsal::branch::link_of(dir) {
                    Some(link) if link.at.since(&last) > 0 => link.at,
                    _ => last,
                }
            }
            None => SystemClock::new().now(),
        };
        let mut from = from;
        from.boot = "rehearsal".into();
        // A resumed (or branched) rehearsal runs at the speed it last ran
        // at, as its simulation log says.
        let speed = opts
            .resume
            .as_ref()
            .and_then(|d| crate::rehearsal::simlog::read(d, lang).ok())
            .and_then(|l| l.entries.iter().rev().find_map(|e| e.what.speed()))
            .unwrap_or(opts.speed);
        let c = Arc::new(ScaledClock::new(from, speed.clamp(1.0, 120.0)));
        (c.clone(), Some(c))
    } else {
        (Arc::new(SystemClock::new()), None)
    }
}

/// The sound devices, opened before the screen is taken over (a missing
/// device makes the sound library print, and that must not land on the
/// app's screen); what went wrong with the alarm device, if anything.
fn open_audio(app: &mut App, opts: &RunOptions) -> Option<String> {
    let lang = app.lang;
    let device = if std::env::var_os("KAP_AUDIO").is_some_and(|v| v == "off") {
        Box::new(crate::audio::Silent::new(crate::say!(
            lang,
            "audio-silent-off"
        )))
    } else {
        crate::audio::open(lang)
    };
    // A rehearsal sounds only at ×1, like a real session.
    app.audio = match &app.scaled {
        Some(c) => Box::new(crate::audio::gate::SpeedGate::new(device, Arc::clone(c))),
        None => device,
    };
    app.chime_on = app.protocol.music.as_ref().is_some_and(|m| m.chime);
    match (&opts.alarm_device, opts.rehearsal) {
        (Some(name), false) => app.use_alarm_device(name, crate::audio::open_device(name, lang)),
        _ => None,
    }
}

/// Into the session in `dir`, saying how it was opened.
fn resume(app: &mut App, dir: &Path, alarm_trouble: Option<String>) -> Result<(), String> {
    let lang = app.lang;
    let open = crate::record::OpenSession::open(dir).map_err(|e| e.say(lang))?;
    let warn = crate::i18n::Phrase::join(open.warnings.clone(), "; ").say(lang);
    app.enter_session(open, None);
    app.branched = crate::rehearsal::branch::link_of(dir);
    if !warn.is_empty() {
        app.set_flash(warn, app::FlashKind::Refused);
    } else if let Some(b) = &app.branched {
        let text = crate::say!(
            lang,
            "branch-opened",
            source = crate::text::clean_line(&b.source_id),
            minute = b.minute().to_string()
        );
        app.set_flash(text, app::FlashKind::Info);
    } else {
        app.set_flash(crate::say!(lang, "flash-resumed"), app::FlashKind::Info);
    }
    if let Some(t) = alarm_trouble {
        app.set_flash(t, app::FlashKind::Refused);
    }
    Ok(())
}

/// The start form, filled from the command line.
fn start_form(app: &mut App, opts: &RunOptions, session_number: Option<u32>) {
    let form = app.new_start_form(
        opts.patient.as_deref().unwrap_or(""),
        session_number,
        opts.weight,
    );
    let mut form = form;
    if let Some(m) = opts.mg_per_kg {
        form.fields[3] = app::line_input(&protocol::dose::num(m));
    }
    match &opts.clinician {
        Some(c) => form.fields[app::CLINICIANS] = app::line_input(c),
        // A rehearsal starts straight away: the trainee, unless named.
        None if opts.rehearsal
            && app::text_of(&form.fields[app::CLINICIANS])
                .trim()
                .is_empty() =>
        {
            form.fields[app::CLINICIANS] = app::line_input("Trainee");
        }
        None => {}
    }
    form.visit = opts.visit;
    if form.visit.is_some() && form.focus != 0 {
        form.focus = 0;
    }
    app.screen = Screen::Start(Box::new(form));
    app.refresh_course();
}
