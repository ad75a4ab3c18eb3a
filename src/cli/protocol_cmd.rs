//! `kap protocol check | show | dose`.

use super::ProtocolCmd;
use crate::protocol::dose::{self, DoseRequest, num};
use crate::protocol::{self, Loaded, Protocol};
use crate::share;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(cmd: ProtocolCmd) -> ExitCode {
    match cmd {
        ProtocolCmd::Check { files } => check(&files),
        ProtocolCmd::Show { file, json } => show(&file, json),
        ProtocolCmd::Dose {
            file,
            session,
            weight,
            mg_per_kg,
            json,
        } => dose_cmd(&file, session, weight, mg_per_kg, json),
    }
}

fn load_or_report(file: &Path) -> Option<Loaded> {
    match protocol::load_file(file) {
        Ok(l) => Some(l),
        Err(diags) => {
            let errors = diags.iter().filter(|d| d.is_error()).count();
            for d in &diags {
                crate::errln!("{d}\n");
            }
            crate::errln!(
                "{}: {errors} error{} — not a usable protocol",
                file.display(),
                if errors == 1 { "" } else { "s" }
            );
            None
        }
    }
}

fn check(files: &[std::path::PathBuf]) -> ExitCode {
    let mut all_ok = true;
    for file in files {
        match load_or_report(file) {
            Some(l) => {
                for w in &l.warnings {
                    crate::errln!("{w}\n");
                }
                let p = &l.protocol;
                crate::outln!(
                    "ok  {} — {} v{} ({} session{}, {} phase{}){}",
                    file.display(),
                    p.protocol.name,
                    p.protocol.version,
                    p.course.sessions,
                    if p.course.sessions == 1 { "" } else { "s" },
                    p.phases.len(),
                    if p.phases.len() == 1 { "" } else { "s" },
                    if l.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(", {} warning(s)", l.warnings.len())
                    }
                );
            }
            None => all_ok = false,
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn show(file: &Path, json: bool) -> ExitCode {
    let Some(l) = load_or_report(file) else {
        return ExitCode::FAILURE;
    };
    let out = if json {
        match serde_json::to_string_pretty(&l.protocol) {
            Ok(s) => crate::text::json_safe(s) + "\n",
            Err(e) => {
                crate::errln!("cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let text = crate::input::read_text_file(file)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        describe(&l.protocol, &text)
    };
    print_all(&out)
}

fn dose_cmd(
    file: &Path,
    session: u32,
    weight: f64,
    mg_per_kg: Option<f64>,
    json: bool,
) -> ExitCode {
    let Some(l) = load_or_report(file) else {
        return ExitCode::FAILURE;
    };
    let req = DoseRequest {
        session,
        weight_kg: weight,
        mg_per_kg,
    };
    match dose::plan(&l.protocol, req) {
        Ok(plan) => {
            let out = if json {
                match serde_json::to_string_pretty(&plan) {
                    Ok(s) => crate::text::json_safe(s) + "\n",
                    Err(e) => {
                        crate::errln!("cannot write JSON: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                let mut s = format!(
                    "Session {session} of {} — {} — {} mg\n",
                    l.protocol.course.sessions,
                    plan.route.label(),
                    num(plan.dose_mg)
                );
                for line in plan.arithmetic() {
                    s.push_str("  ");
                    s.push_str(&line);
                    s.push('\n');
                }
                s
            };
            print_all(&out)
        }
        Err(e) => {
            crate::errln!("refused: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Print without panicking when stdout is closed (e.g. piped into `head`).
fn print_all(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// " (site sets: min_days, max_days)" when `[site] values` lists any of
/// `keys` directly under `prefix`.
fn site_mark(p: &Protocol, prefix: &str, keys: &[&str]) -> String {
    let mut marked: Vec<&str> = Vec::new();
    for f in protocol::site_values::fields_under(p, prefix) {
        let first = f.split(['.', '[']).next().unwrap_or(f);
        if keys.contains(&first) && !marked.contains(&first) {
            marked.push(first);
        }
    }
    if marked.is_empty() {
        String::new()
    } else {
        format!(" (site sets: {})", marked.join(", "))
    }
}

/// A readable account of a protocol for `kap protocol show`; `text` is
/// the file as read, for the values the site sets.
pub fn describe(p: &Protocol, text: &str) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} (v{}, id {})",
        p.protocol.name, p.protocol.version, p.protocol.id
    );
    let _ = writeln!(s, "Population: {}", p.protocol.population);
    for src in &p.protocol.sources {
        let _ = writeln!(s, "Source [{}]: {}", src.id, src.citation);
    }
    match &p.site.reviewed_by {
        Some(who) if p.site.is_reviewed() => {
            let _ = writeln!(
                s,
                "Site values reviewed by {who}{}",
                p.site
                    .reviewed_on
                    .as_deref()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default()
            );
        }
        _ => {
            let _ = writeln!(s, "Site values: NOT YET REVIEWED by the site");
        }
    }
    let c = &p.course;
    let _ = writeln!(s, "\nCourse: {} dosing session(s)", c.sessions);
    for (ri, r) in c.dose_rules.iter().enumerate() {
        let dose = match (&r.mg_per_kg, r.fixed_mg) {
            (Some(d), _) => {
                let mut t = if d.min == d.max {
                    format!("{} mg/kg", num(d.min))
                } else {
                    format!("{}–{} mg/kg", num(d.min), num(d.max))
                };
                if let Some(def) = d.default
                    && d.min != d.max
                {
                    t.push_str(&format!(" (default {})", num(def)));
                }
                t
            }
            (None, Some(mg)) => format!("{} mg", num(mg)),
            (None, None) if !r.steps.is_empty() => {
                let steps: Vec<String> = r
                    .steps
                    .iter()
                    .map(|st| {
                        let amount = match (st.mg_per_kg, st.fixed_mg) {
                            (Some(k), _) => format!("{} mg/kg", num(k)),
                            (None, Some(mg)) => format!("{} mg", num(mg)),
                            (None, None) => "no amount".into(),
                        };
                        format!("{} {amount} over {} min", st.label, num(st.minutes))
                    })
                    .collect();
                format!("in steps: {}", steps.join(", then "))
            }
            (None, None) => "no dose".into(),
        };
        let dose = match r.max_mg {
            Some(cap) => format!("{dose}, at most {} mg", num(cap)),
            None => dose,
        };
        let over = r
            .infusion_minutes
            .map(|m| format!(" over {} min", num(m)))
            .unwrap_or_default();
        let sessions: Vec<String> = r.sessions.iter().map(u32::to_string).collect();
        let _ = writeln!(
            s,
            "  session {}: {} {dose}{over}{}  [{}]{}",
            sessions.join(", "),
            r.route.label(),
            r.label
                .as_deref()
                .map(|l| format!(" — {l}"))
                .unwrap_or_default(),
            r.source,
            site_mark(
                p,
                &format!("course.dose_rule[{}]", ri + 1),
                &[
                    "mg_per_kg",
                    "fixed_mg",
                    "infusion_minutes",
                    "observation_minutes",
                    "max_mg"
                ]
            )
        );
    }
    for (ii, iv) in c.intervals.iter().enumerate() {
        let sessions: Vec<String> = iv.before_sessions.iter().map(u32::to_string).collect();
        let target = iv
            .target_days
            .map(|t| format!(", aim {}–{} days", t.min, t.max))
            .unwrap_or_default();
        let max = iv
            .max_days
            .map(|m| format!(", at most {m}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  before session {}: {} (at least {} day(s){max}{target})  [{}]{}",
            sessions.join(", "),
            iv.label,
            iv.min_days,
            iv.source,
            site_mark(
                p,
                &format!("course.interval[{}]", ii + 1),
                &["min_days", "max_days", "target_days"]
            )
        );
    }
    if let Some(m) = &c.maintenance {
        let _ = writeln!(
            s,
            "  after the course: {}, every {}–{} months, dosed as session {}  [{}]{}",
            m.label,
            m.every_months.min,
            m.every_months.max,
            m.dose_as_session,
            m.source,
            site_mark(p, "course.maintenance", &["every_months"])
        );
    }
    let _ = writeln!(
        s,
        "  goals: at least {} {}",
        c.goals.min_count,
        c.goals.kind.label()
    );
    if let Some(h) = c.integration.as_ref().and_then(|i| i.within_hours) {
        let _ = writeln!(
            s,
            "  integration within {}–{} h of each dose{}",
            h.min,
            h.max,
            site_mark(p, "course.integration", &["within_hours"])
        );
    }
    let _ = writeln!(s, "\nSession phases:");
    for (i, ph) in p.phases.iter().enumerate() {
        let target = ph
            .target_minutes
            .map(|t| format!(" ({}–{} min)", t.min, t.max))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {}. {}{target}{}",
            i + 1,
            ph.title,
            site_mark(p, &format!("phase[{}]", i + 1), &["target_minutes"])
        );
        for pr in &ph.prompts {
            let mark = match pr.kind {
                protocol::PromptKind::Check => "[ ]",
                protocol::PromptKind::Text => "  ·",
                _ => "  #",
            };
            let only = pr
                .sessions
                .as_ref()
                .map(|v| {
                    let v: Vec<String> = v.iter().map(u32::to_string).collect();
                    format!(" (session {} only)", v.join(", "))
                })
                .unwrap_or_default();
            let only = if pr.maintenance {
                " (maintenance sessions only)".to_string()
            } else {
                only
            };
            let req = if pr.required { "" } else { " (optional)" };
            let typed = if pr.kind.is_typed() {
                format!(" [{}: {}]", pr.kind.as_str(), protocol::values::hint(pr))
            } else {
                String::new()
            };
            let _ = writeln!(s, "     {mark} {}{req}{only}{typed}", pr.text);
        }
        for g in &ph.gates {
            let _ = writeln!(s, "     gate: {}", g.reason);
        }
    }
    let v = &p.vitals;
    let _ = writeln!(
        s,
        "\nVitals: every {}–{} min  [{}]{}",
        v.interval_minutes.min,
        v.interval_minutes.max,
        v.source,
        site_mark(p, "vitals", &["interval_minutes"])
    );
    for (ai, a) in v.alerts.iter().enumerate() {
        let t = match (a.above, a.below) {
            (Some(x), _) => format!("> {}", num(x)),
            (_, Some(x)) => format!("< {}", num(x)),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  alert {} ({}): {} {t} {} — {}  [{}]{}",
            a.id,
            a.priority.as_str(),
            a.metric.label(),
            a.metric.unit(),
            a.action,
            a.source,
            site_mark(
                p,
                &format!("vitals.alert[{}]", ai + 1),
                &["above", "below", "priority", "confirm_after_minutes"]
            )
        );
    }
    if let Some(m) = &p.music {
        let _ = writeln!(
            s,
            "\nMusic: playlist of {}–{} min; without music, check in every {} min  [{}]{}",
            m.expected_minutes.min,
            m.expected_minutes.max,
            m.no_music_checkin_minutes,
            m.source,
            site_mark(
                p,
                "music",
                &["expected_minutes", "no_music_checkin_minutes"]
            )
        );
        for sup in &m.supports {
            let _ = writeln!(s, "  support: {}", sup.label);
        }
    }
    let listed = protocol::site_values::listed(p, text);
    if listed.is_empty() {
        let _ = writeln!(
            s,
            "\nValues the site sets: none listed in [site] values (every value is cited)"
        );
    } else {
        let _ = writeln!(
            s,
            "\nValues the site sets ({}; the source papers do not give them):",
            listed.len()
        );
        for (path, value) in listed {
            let _ = writeln!(s, "  {path} = {value}");
        }
    }
    s
}

impl ProtocolCmd {
    /// Relative paths not found here are looked up in the shipped files.
    pub(super) fn resolved(self) -> ProtocolCmd {
        match self {
            ProtocolCmd::Check { files } => ProtocolCmd::Check {
                files: files.iter().map(|f| share::resolve(f)).collect(),
            },
            ProtocolCmd::Show { file, json } => ProtocolCmd::Show {
                file: share::resolve(&file),
                json,
            },
            ProtocolCmd::Dose {
                file,
                session,
                weight,
                mg_per_kg,
                json,
            } => ProtocolCmd::Dose {
                file: share::resolve(&file),
                session,
                weight,
                mg_per_kg,
                json,
            },
        }
    }
}
