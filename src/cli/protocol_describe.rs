//! `kap protocol show`: a protocol file described in words — the course,
//! doses, phases and prompts, vitals and alarms, music, the formulary and
//! the topics of preparation and integration — each site-set value marked.

use crate::i18n::num_in;
use crate::protocol::{self, Protocol};

/// " (site sets: min_days, max_days)" when `[site] values` lists any of
/// `keys` directly under `prefix`.
fn site_mark(p: &Protocol, prefix: &str, keys: &[&str], lang: crate::i18n::Lang) -> String {
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
        format!(
            " ({})",
            crate::say!(lang, "proto-site-sets", keys = marked.join(", "))
        )
    }
}

/// A readable account of a protocol for `kap protocol show`; `text` is
/// the file as read, for the values the site sets.
pub fn describe(p: &Protocol, text: &str, lang: crate::i18n::Lang) -> String {
    let mut s = String::new();
    describe_header(p, &mut s, lang);
    describe_course(p, &mut s, lang);
    describe_phases(p, &mut s, lang);
    describe_vitals(p, &mut s, lang);
    describe_music(p, &mut s, lang);
    describe_formulary(p, &mut s, lang);
    describe_visits(p, &mut s, lang);
    describe_site_values(p, text, &mut s, lang);
    s
}

/// The name, version and id, the population, the sources and who
/// reviewed the file for the site.
fn describe_header(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let _ = writeln!(
        s,
        "{} (v{}, id {})",
        p.protocol.name, p.protocol.version, p.protocol.id
    );
    let _ = writeln!(
        s,
        "{}",
        crate::say!(
            lang,
            "proto-population",
            population = p.protocol.population.clone()
        )
    );
    for src in &p.protocol.sources {
        let _ = writeln!(
            s,
            "{}",
            crate::say!(
                lang,
                "proto-source",
                id = src.id.clone(),
                citation = src.citation.clone()
            )
        );
    }
    match &p.site.reviewed_by {
        Some(who) if p.site.is_reviewed() => {
            let _ = writeln!(
                s,
                "{}",
                match p.site.reviewed_on.as_deref() {
                    Some(d) => crate::say!(
                        lang,
                        "proto-reviewed-on",
                        who = who.clone(),
                        date = d.to_string()
                    ),
                    None => crate::say!(lang, "proto-reviewed", who = who.clone()),
                }
            );
        }
        _ => {
            let _ = writeln!(s, "{}", crate::say!(lang, "proto-not-reviewed"));
        }
    }
}

/// The course: its sessions, dose rules, intervals, maintenance, goals,
/// integration window, topics and outcome measures.
fn describe_course(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let c = &p.course;
    let _ = writeln!(
        s,
        "\n{}",
        crate::say!(lang, "proto-course", sessions = c.sessions)
    );
    for (ri, r) in c.dose_rules.iter().enumerate() {
        describe_dose_rule(p, ri, r, s, lang);
    }
    for (ii, iv) in c.intervals.iter().enumerate() {
        describe_interval(p, ii, iv, s, lang);
    }
    if let Some(m) = &c.maintenance {
        let _ = writeln!(
            s,
            "  {}  [{}]{}",
            crate::say!(
                lang,
                "proto-maintenance",
                label = m.label.clone(),
                min = m.every_months.min,
                max = m.every_months.max,
                session = m.dose_as_session
            ),
            m.source,
            site_mark(p, "course.maintenance", &["every_months"], lang)
        );
    }
    let _ = writeln!(
        s,
        "  {}",
        crate::say!(
            lang,
            "proto-goals",
            min = c.goals.min_count,
            kind = crate::i18n::Phrase::say(&c.goals.kind.label(), lang)
        )
    );
    if let Some(h) = c.integration.as_ref().and_then(|i| i.within_hours) {
        let _ = writeln!(
            s,
            "  {}{}",
            crate::say!(lang, "proto-integration", min = h.min, max = h.max),
            site_mark(p, "course.integration", &["within_hours"], lang)
        );
    }
    topics(s, c, lang);
    for l in crate::record::outcome_words::protocol_lines(p, lang) {
        let _ = writeln!(s, "  {l}");
    }
}

/// One dose rule (the `ri`th, from 0): its sessions, route, dose, cap,
/// infusion time, label and source.
fn describe_dose_rule(
    p: &Protocol,
    ri: usize,
    r: &protocol::DoseRule,
    s: &mut String,
    lang: crate::i18n::Lang,
) {
    use std::fmt::Write as _;
    let dose = dose_words(r, lang);
    let dose = match r.max_mg {
        Some(cap) => format!(
            "{dose}, {}",
            crate::say!(lang, "proto-at-most", mg = num_in(lang, cap))
        ),
        None => dose,
    };
    let over = r
        .infusion_minutes
        .map(|m| {
            format!(
                " {}",
                crate::say!(lang, "proto-over", minutes = num_in(lang, m))
            )
        })
        .unwrap_or_default();
    let sessions: Vec<String> = r.sessions.iter().map(u32::to_string).collect();
    let _ = writeln!(
        s,
        "  {} {dose}{over}{}  [{}]{}",
        crate::i18n::labelled_in(
            lang,
            &crate::say!(lang, "proto-session", sessions = sessions.join(", ")),
            &crate::i18n::Phrase::say(&r.route.label(), lang)
        ),
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
            ],
            lang
        )
    );
}

/// A dose rule's amount: by weight (a range, with its default), fixed, or
/// in steps.
fn dose_words(r: &protocol::DoseRule, lang: crate::i18n::Lang) -> String {
    match (&r.mg_per_kg, r.fixed_mg) {
        (Some(d), _) => {
            let mut t = if d.min == d.max {
                format!("{} mg/kg", num_in(lang, d.min))
            } else {
                format!("{}–{} mg/kg", num_in(lang, d.min), num_in(lang, d.max))
            };
            if let Some(def) = d.default
                && d.min != d.max
            {
                t.push_str(&format!(
                    " ({})",
                    crate::say!(lang, "proto-default", dose = num_in(lang, def))
                ));
            }
            t
        }
        (None, Some(mg)) => format!("{} mg", num_in(lang, mg)),
        (None, None) if !r.steps.is_empty() => {
            let steps: Vec<String> = r
                .steps
                .iter()
                .map(|st| {
                    let amount = match (st.mg_per_kg, st.fixed_mg) {
                        (Some(k), _) => format!("{} mg/kg", num_in(lang, k)),
                        (None, Some(mg)) => format!("{} mg", num_in(lang, mg)),
                        (None, None) => crate::say!(lang, "proto-no-amount"),
                    };
                    crate::say!(
                        lang,
                        "proto-step",
                        label = st.label.clone(),
                        amount = amount,
                        minutes = num_in(lang, st.minutes)
                    )
                })
                .collect();
            crate::say!(
                lang,
                "proto-in-steps",
                steps = steps.join(&format!(", {} ", crate::say!(lang, "proto-then")))
            )
        }
        (None, None) => crate::say!(lang, "proto-no-dose"),
    }
}

/// One interval between sessions (the `ii`th, from 0): its least, most
/// and aimed-for days.
fn describe_interval(
    p: &Protocol,
    ii: usize,
    iv: &protocol::Interval,
    s: &mut String,
    lang: crate::i18n::Lang,
) {
    use std::fmt::Write as _;
    let sessions: Vec<String> = iv.before_sessions.iter().map(u32::to_string).collect();
    let target = iv
        .target_days
        .map(|t| {
            format!(
                ", {}",
                crate::say!(lang, "proto-aim-days", min = t.min, max = t.max)
            )
        })
        .unwrap_or_default();
    let max = iv
        .max_days
        .map(|m| format!(", {}", crate::say!(lang, "proto-at-most-days", max = m)))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "  {}  [{}]{}",
        crate::say!(
            lang,
            "proto-interval",
            sessions = sessions.join(", "),
            label = iv.label.clone(),
            min = iv.min_days,
            rest = format!("{max}{target}")
        ),
        iv.source,
        site_mark(
            p,
            &format!("course.interval[{}]", ii + 1),
            &["min_days", "max_days", "target_days"],
            lang
        )
    );
}

/// The session's phases, each with its target time, prompts and gates.
fn describe_phases(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let _ = writeln!(s, "\n{}", crate::say!(lang, "proto-phases"));
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
            site_mark(p, &format!("phase[{}]", i + 1), &["target_minutes"], lang)
        );
        for pr in &ph.prompts {
            let _ = writeln!(s, "     {}", prompt_words(pr, lang));
        }
        for g in &ph.gates {
            let _ = writeln!(
                s,
                "     {}",
                crate::say!(lang, "proto-gate", reason = g.reason.clone())
            );
        }
    }
}

/// One prompt of a phase: its kind's mark, its text, and whether it is
/// optional, for some sessions only, and typed.
fn prompt_words(pr: &protocol::Prompt, lang: crate::i18n::Lang) -> String {
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
            format!(
                " ({})",
                crate::say!(lang, "proto-session-only", sessions = v.join(", "))
            )
        })
        .unwrap_or_default();
    let only = if pr.maintenance {
        format!(" ({})", crate::say!(lang, "proto-maintenance-only"))
    } else {
        only
    };
    let req = if pr.required {
        String::new()
    } else {
        format!(" ({})", crate::say!(lang, "proto-optional"))
    };
    let typed = if pr.kind.is_typed() {
        format!(
            " [{}: {}]",
            pr.kind.as_str(),
            crate::i18n::Phrase::say(&protocol::values::hint(pr), lang)
        )
    } else {
        String::new()
    };
    format!("{mark} {}{req}{only}{typed}", pr.text)
}

/// How often vitals are taken, and each alarm limit.
fn describe_vitals(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let v = &p.vitals;
    let _ = writeln!(
        s,
        "\n{}  [{}]{}",
        crate::say!(
            lang,
            "proto-vitals",
            min = v.interval_minutes.min,
            max = v.interval_minutes.max
        ),
        v.source,
        site_mark(p, "vitals", &["interval_minutes"], lang)
    );
    for (ai, a) in v.alerts.iter().enumerate() {
        let t = match (a.above, a.below) {
            (Some(x), _) => format!("> {}", num_in(lang, x)),
            (_, Some(x)) => format!("< {}", num_in(lang, x)),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {} ({}): {} {t} {} — {}  [{}]{}",
            crate::say!(lang, "proto-alert", id = a.id.clone()),
            crate::i18n::Phrase::say(&a.priority.word(), lang),
            crate::i18n::Phrase::say(&a.metric.label(), lang),
            a.metric.unit(),
            a.action,
            a.source,
            site_mark(
                p,
                &format!("vitals.alert[{}]", ai + 1),
                &["above", "below", "priority", "confirm_after_minutes"],
                lang
            )
        );
    }
}

/// The music's expected length, the check-in without music, and the
/// supports offered instead.
fn describe_music(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let Some(m) = &p.music else {
        return;
    };
    let _ = writeln!(
        s,
        "\n{}  [{}]{}",
        crate::say!(
            lang,
            "proto-music",
            min = m.expected_minutes.min,
            max = m.expected_minutes.max,
            checkin = m.no_music_checkin_minutes
        ),
        m.source,
        site_mark(
            p,
            "music",
            &["expected_minutes", "no_music_checkin_minutes"],
            lang
        )
    );
    for sup in &m.supports {
        let _ = writeln!(
            s,
            "  {}",
            crate::say!(lang, "proto-support", label = sup.label.clone())
        );
    }
}

/// Every value `[site] values` says the site sets, with its value in
/// `text` (the file as read).
fn describe_site_values(p: &Protocol, text: &str, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let listed = protocol::site_values::listed(p, text);
    if listed.is_empty() {
        let _ = writeln!(s, "\n{}", crate::say!(lang, "proto-site-values-none"));
    } else {
        let _ = writeln!(
            s,
            "\n{}",
            crate::say!(lang, "proto-site-values", count = listed.len())
        );
        for (path, value) in listed {
            let _ = writeln!(s, "  {path} = {value}");
        }
    }
}

/// The formulary's drugs, each with its figures and which are the site's.
fn describe_formulary(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    if p.formulary.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n{}", crate::say!(lang, "proto-formulary"));
    for (i, d) in p.formulary.iter().enumerate() {
        let routes: Vec<&str> = d.routes.iter().map(|r| r.as_str()).collect();
        let _ = writeln!(
            s,
            "  {}  [{}]{}",
            crate::say!(
                lang,
                "proto-drug",
                drug = d.name.clone(),
                dose = format!("{} {}", num_in(lang, d.usual_dose), d.unit),
                max = format!("{} {}", num_in(lang, d.max_dose), d.unit),
                doses = d.max_doses,
                routes = routes.join(", "),
                indications = d.indications.join(", "),
                minutes = d.recheck_minutes
            ),
            d.source,
            site_mark(
                p,
                &format!("formulary[{}]", i + 1),
                &["usual_dose", "max_dose", "max_doses", "recheck_minutes"],
                lang
            )
        );
    }
}

/// The visits the protocol names: each kind with its title, length, the
/// ways it may be held and its source, then its phases and prompts (topic
/// lists written out).
fn describe_visits(p: &Protocol, s: &mut String, lang: crate::i18n::Lang) {
    use std::fmt::Write;
    if p.visits.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n{}", crate::say!(lang, "proto-visits"));
    for (i, v) in p.visits.iter().enumerate() {
        let minutes = match v.minutes {
            Some(m) if m.min == m.max => format!(" ({} min)", m.min),
            Some(m) => format!(" ({}–{} min)", m.min, m.max),
            None => String::new(),
        };
        let ways: Vec<String> = v
            .contact
            .iter()
            .map(|c| crate::i18n::Phrase::say(&c.label(), lang))
            .collect();
        let _ = writeln!(
            s,
            "  {} — {}{minutes}, {}{} [{}]",
            crate::i18n::Phrase::say(&v.kind.label(), lang),
            v.title,
            ways.join(", "),
            site_mark(
                p,
                &format!("visit[{}]", i + 1),
                &["contact", "minutes"],
                lang
            ),
            v.source
        );
        let Some(flow) = p.for_visit(v.kind) else {
            continue;
        };
        for ph in &flow.phases {
            let _ = writeln!(s, "    {}", ph.title);
            for pr in &ph.prompts {
                let mark = match pr.kind {
                    protocol::PromptKind::Check => "[ ]",
                    protocol::PromptKind::Text => "  ·",
                    _ => "  #",
                };
                let _ = writeln!(s, "      {mark} {}", pr.text);
            }
        }
    }
}

/// The preparation topics (in the file's order: Montreal Table 4's nine
/// goals), the concomitant psychotherapy and the integration topics.
fn topics(s: &mut String, c: &crate::protocol::Course, lang: crate::i18n::Lang) {
    use std::fmt::Write;
    if let Some(prep) = &c.preparation {
        let source = prep.source.clone();
        let _ = writeln!(
            s,
            "  {}",
            crate::say!(lang, "cli-protocol-preparation", source = source)
        );
        for (i, t) in prep.topics.iter().enumerate() {
            let _ = writeln!(s, "    {}. {t}", i + 1);
        }
        if let Some(text) = &prep.concomitant_psychotherapy {
            let text = text.clone();
            let _ = writeln!(
                s,
                "  {}",
                crate::say!(lang, "cli-protocol-psychotherapy", text = text)
            );
        }
    }
    if let Some(int) = c.integration.as_ref().filter(|i| !i.topics.is_empty()) {
        let source = int.source.clone();
        let _ = writeln!(
            s,
            "  {}",
            crate::say!(lang, "cli-protocol-integration", source = source)
        );
        for (i, t) in int.topics.iter().enumerate() {
            let _ = writeln!(s, "    {}. {t}", i + 1);
        }
    }
}
