//! A phase of the session: its prompts, answers, holds and skips.

use super::Ui;
use super::clock_text;
use crate::protocol::{PhaseRole, PromptKind};
use crate::session::Moment;
use crate::tui::app::SessionView;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A phase's page: its title and clocks, its prompts, what the phase
/// carries (the previous session, the risk pathway, goals, the next
/// session, the music, the last vitals) and, kept in view below, what
/// holds the next step.
pub(super) fn prompts(f: &mut Frame<'_>, ui: &Ui<'_>, v: &SessionView, now: &Moment, area: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let s = &v.open.session;
    let phase = &s.protocol().phases[v.view_phase];
    let current = v.view_phase == s.phase;
    let mut lines: Vec<Line<'_>> = Vec::new();

    lines.push(title_line(ui, s, phase, current, now));
    if let Some(g) = &phase.guidance {
        lines.push(Line::from(Span::styled(format!(" {g}"), t.dim)));
    }
    if let Some(list) = s.outcomes_words(v.view_phase).as_ref().map(|p| p.say(lang)) {
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "phase-outcomes", list = list)),
            t.accent,
        )));
    }
    lines.push(Line::from(""));

    let selected_line = prompt_lines(&mut lines, ui, s, phase, v.selected);

    // Rolling integration: the previous session, shown back whole (its
    // answers, notes, alarms and addenda, in the reader's words); ↓ past
    // the last prompt reads on to it.
    if phase.role == PhaseRole::Integration {
        previous_session_lines(&mut lines, ui);
    }
    // The risk pathway the course carries: the last screen, the plan.
    if crate::tui::present::course::shows_risk(s, v.view_phase) {
        carried_risk_lines(&mut lines, ui);
    }
    // Goals, carried from session to session.
    if matches!(phase.role, PhaseRole::Integration | PhaseRole::Preparation) {
        goal_lines(&mut lines, ui, s);
    }
    // Preparation: when the next session may be (after today's dose: not
    // in a visit).
    if phase.role == PhaseRole::Preparation && s.start.visit.is_none() {
        next_session_lines(&mut lines, ui, s);
    }
    // Intentions: the music choice.
    if phase.role == PhaseRole::Intentions {
        music_choice_lines(&mut lines, ui, s);
    }
    // Last vitals where they matter.
    if matches!(phase.role, PhaseRole::Baseline | PhaseRole::Discharge)
        && let Some(e) = s.last_reading()
    {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "last-vitals",
                    at = e.at.hhmm(),
                    reading = e.reading.words().say(lang)
                )
            ),
            t.text,
        )));
    }

    // What holds the next step: kept in view below the prompts.
    let foot = if current {
        holds_list(ui, s, phase, now)
    } else {
        Vec::new()
    };

    // Wrapped with their indent; the selected prompt's row counted after
    // wrapping, so scrolling keeps it in view.
    let mut rows = Vec::new();
    let mut selected_row = 0;
    for (i, l) in lines.into_iter().enumerate() {
        if i == selected_line {
            selected_row = rows.len();
        }
        rows.extend(super::hang::hang_line(l, area.width));
    }
    let room = show_with_foot(f, rows, selected_row + v.read_on, foot, area, t.dim, lang);
    v.room_below.set(room);
}

/// The phase's title, and when it is the current phase its clock (the
/// debrief's own clock in a debrief) against the time aimed for.
fn title_line<'a>(
    ui: &Ui<'a>,
    s: &crate::session::Session,
    phase: &crate::protocol::Phase,
    current: bool,
    now: &Moment,
) -> Line<'a> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut title = vec![Span::styled(format!(" {}", phase.title), t.accent)];
    if current {
        if phase.role == PhaseRole::Debrief {
            match s.debrief_elapsed(now) {
                Some(ms) => title.push(Span::styled(
                    format!(
                        "   {}{}",
                        crate::say!(lang, "debrief-clock-title", clock = clock_text(ms)),
                        phase
                            .target_minutes
                            .map(|r| crate::say!(lang, "phase-aim", min = r.min, max = r.max))
                            .unwrap_or_default()
                    ),
                    super::infusion::target_style(
                        t,
                        ms,
                        phase.target_minutes.map(|r| (r.min, r.max)),
                    ),
                )),
                None => title.push(Span::styled(
                    format!("   {}", crate::say!(lang, "debrief-clock-not-started")),
                    t.dim,
                )),
            }
        } else {
            let ms = s.phase_elapsed(now);
            title.push(Span::styled(
                format!(
                    "   {}{}",
                    crate::say!(lang, "phase-clock", clock = clock_text(ms)),
                    phase
                        .target_minutes
                        .map(|r| crate::say!(lang, "phase-aim", min = r.min, max = r.max))
                        .unwrap_or_default()
                ),
                super::infusion::target_style(t, ms, phase.target_minutes.map(|r| (r.min, r.max))),
            ));
        }
    }
    Line::from(title)
}

/// The phase's prompts that show this session, each with its answer;
/// returns the index in `lines` of the selected prompt's first line.
fn prompt_lines(
    lines: &mut Vec<Line<'_>>,
    ui: &Ui<'_>,
    s: &crate::session::Session,
    phase: &crate::protocol::Phase,
    selected: usize,
) -> usize {
    let lang = ui.lang;
    let t = &ui.theme;
    let visible: Vec<_> = s.prompts(phase).collect();
    let mut selected_line = 0;
    if visible.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "nothing-to-record")),
            t.dim,
        )));
    }
    for (i, p) in visible.iter().enumerate() {
        let sel = i == selected;
        if sel {
            selected_line = lines.len();
        }
        let marker = if sel { "›" } else { " " };
        let req = if p.required { " *" } else { "" };
        let style = if sel { t.selected } else { t.text };
        match p.kind {
            PromptKind::Check => check_lines(lines, ui, s, p, marker, req, style),
            PromptKind::Text => text_lines(lines, ui, s, p, marker, req, style),
            _ => typed_lines(lines, ui, s, p, marker, req, style),
        }
    }
    selected_line
}

/// A text prompt: its question, then the first three lines of its answer.
fn text_lines(
    lines: &mut Vec<Line<'_>>,
    ui: &Ui<'_>,
    s: &crate::session::Session,
    p: &crate::protocol::Prompt,
    marker: &str,
    req: &str,
    style: ratatui::style::Style,
) {
    let t = &ui.theme;
    lines.push(Line::from(vec![
        Span::styled(format!(" {marker} "), t.accent),
        Span::styled(format!("{}{req}", p.text), style),
    ]));
    match s.answers.get(&p.id) {
        Some(a) => {
            for l in a.text.lines().take(3) {
                lines.push(Line::from(Span::styled(format!("     {l}"), t.text)));
            }
        }
        None => lines.push(Line::from(Span::styled("     —", t.dim))),
    }
}

/// A typed measure: its question and when it is due, then its latest
/// value and time (or the kind of value it takes).
fn typed_lines(
    lines: &mut Vec<Line<'_>>,
    ui: &Ui<'_>,
    s: &crate::session::Session,
    p: &crate::protocol::Prompt,
    marker: &str,
    req: &str,
    style: ratatui::style::Style,
) {
    let lang = ui.lang;
    let t = &ui.theme;
    let value = s.latest_value(&p.id).map(|e| {
        format!(
            "{}  ({})",
            crate::protocol::values::show(p, &e.value).say(lang),
            e.at.hhmm()
        )
    });
    let when = p
        .due
        .as_ref()
        .map(|d| match (d.at_minute, d.with_vitals, d.before_close) {
            (Some(m), _, _) => {
                format!(" — {}", crate::say!(lang, "measure-at-minute", minute = m))
            }
            (_, true, _) => format!(" — {}", crate::say!(lang, "measure-with-vitals")),
            _ => format!(" — {}", crate::say!(lang, "measure-before-closing")),
        })
        .unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(format!(" {marker} "), t.accent),
        Span::styled(format!("{}{req}", p.text), style),
        Span::styled(when, t.dim),
    ]));
    lines.push(match value {
        Some(v) => Line::from(Span::styled(format!("     {v}"), t.text)),
        None => Line::from(Span::styled(
            format!("     — ({})", crate::protocol::values::hint(p).say(lang)),
            t.dim,
        )),
    });
}

/// The previous session of the course, in the reader's words.
fn previous_session_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>) {
    let lang = ui.lang;
    let t = &ui.theme;
    lines.push(Line::from(""));
    for (i, l) in crate::tui::present::course::previous(ui.course, lang)
        .into_iter()
        .enumerate()
    {
        let (indent, style) = match (i, ui.course.previous.is_some()) {
            (_, false) => (" ", t.dim),
            (0, true) => (" ", t.accent),
            _ => ("   ", t.text),
        };
        lines.push(Line::from(Span::styled(format!("{indent}{l}"), style)));
    }
}

/// The course's last risk screen and plan; a positive screen's heading
/// in the warning colour.
fn carried_risk_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>) {
    let lang = ui.lang;
    let t = &ui.theme;
    let carried = crate::tui::present::course::risk(ui.course, lang);
    if !carried.is_empty() {
        lines.push(Line::from(""));
    }
    let alarm = ui
        .course
        .risk
        .screen
        .as_ref()
        .is_some_and(|c| c.result.positive);
    for (i, l) in carried.into_iter().enumerate() {
        let (indent, style) = match i {
            0 if alarm => (" ", t.warn),
            0 => (" ", t.accent),
            _ => ("   ", t.text),
        };
        lines.push(Line::from(Span::styled(format!("{indent}{l}"), style)));
    }
}

/// The course's goals, counted against the least the protocol asks for.
fn goal_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, s: &crate::session::Session) {
    let lang = ui.lang;
    let t = &ui.theme;
    let goals = &ui.goals;
    let g = &s.protocol().course.goals;
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            " {}",
            crate::say!(
                lang,
                "goals-count",
                kind = g.kind.label().say(lang),
                count = goals.len(),
                min = g.min_count
            )
        ),
        if goals.len() as u32 >= g.min_count {
            t.accent
        } else {
            t.warn
        },
    )));
    // Carried in from another laptop's session (the session has set none
    // of its own): where they come from.
    if s.goals.is_none()
        && let Some(said) = crate::tui::present::course::goals_elsewhere(ui.course, lang)
    {
        lines.push(Line::from(Span::styled(format!(" {said}"), t.dim)));
    }
    for goal in goals {
        lines.push(Line::from(Span::styled(format!("   • {goal}"), t.text)));
    }
}

/// Whether this is the course's last session, when the next may be, and
/// within how many hours integration is due.
fn next_session_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, s: &crate::session::Session) {
    let lang = ui.lang;
    let t = &ui.theme;
    let next = s.start.session + 1;
    if next == s.protocol().course.sessions + 1 {
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "last-session-of-course")),
            t.warn,
        )));
    }
    // The next course session, or (after the course, in a protocol
    // that has them) the window for a maintenance session.
    if let Some(w) =
        crate::session::course::window(s.protocol(), next, s.started_at.wall.date_naive())
    {
        let text = if s.protocol().is_maintenance(next) {
            crate::say!(lang, "next-if-responder", window = w.describe().say(lang))
        } else {
            crate::say!(lang, "next-session", window = w.describe().say(lang))
        };
        lines.push(Line::from(Span::styled(format!(" {text}"), t.text)));
    }
    if let Some(h) = s
        .protocol()
        .course
        .integration
        .as_ref()
        .and_then(|i| i.within_hours)
    {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "integration-due-within", min = h.min, max = h.max)
            ),
            t.text,
        )));
    }
}

/// The playlist chosen, or the support chosen instead of music.
fn music_choice_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, s: &crate::session::Session) {
    let lang = ui.lang;
    let t = &ui.theme;
    lines.push(Line::from(""));
    let choice = match (&s.music.playlist, &s.music.support) {
        (Some(p), _) => format!(
            " {}",
            crate::say!(lang, "music-playlist", playlist = p.clone())
        ),
        (None, Some(sup)) => {
            let label = s
                .protocol()
                .music
                .as_ref()
                .and_then(|m| m.supports.iter().find(|x| &x.id == sup))
                .map_or(sup.clone(), |x| x.label.clone());
            format!(
                " {}",
                crate::say!(lang, "music-none-support", support = label)
            )
        }
        (None, None) => format!(" {}", crate::say!(lang, "music-not-chosen")),
    };
    lines.push(Line::from(Span::styled(choice, t.text)));
}

/// What holds the next step (gates, the infusion) and the required items
/// still open, under "Before moving on:".
fn holds_list<'a>(
    ui: &Ui<'a>,
    s: &crate::session::Session,
    phase: &crate::protocol::Phase,
    now: &Moment,
) -> Vec<Line<'a>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut foot: Vec<Line<'a>> = risk_lines(ui, s);

    let holds = s.holds(now);
    let missing = s.missing_required(phase);
    if !holds.is_empty() || !missing.is_empty() {
        let last = s.phase + 1 == s.protocol().phases.len();
        foot.push(Line::from(Span::styled(
            if last {
                format!(" {}", crate::say!(lang, "before-closing"))
            } else {
                format!(" {}", crate::say!(lang, "before-moving-on"))
            },
            t.warn,
        )));
        for h in &holds {
            foot.push(Line::from(Span::styled(
                format!("   • {}", crate::i18n::Phrase::say(h, lang)),
                t.warn,
            )));
        }
        if !missing.is_empty() {
            foot.push(Line::from(Span::styled(
                format!(
                    "   • {}{}",
                    crate::say!(lang, "required-open", count = missing.len()),
                    if holds.is_empty() {
                        format!(" — {}", crate::say!(lang, "arrow-asks-reason"))
                    } else {
                        String::new()
                    }
                ),
                t.dim,
            )));
        }
    }
    foot
}

/// The risk pathway as it stands, and the protocol's offer of its screen
/// in this phase (until one is recorded here).
pub(super) fn risk_lines<'a>(ui: &Ui<'a>, s: &crate::session::Session) -> Vec<Line<'a>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut out = Vec::new();
    if let Some(r) = crate::tui::present::risk::risk_line(s, lang) {
        let style = if r.attention { t.warn } else { t.dim };
        out.push(Line::from(Span::styled(format!(" {}", r.text), style)));
    }
    // The course's last screen was positive: kept in view at the check-in
    // until this session's own screen is recorded.
    let course_positive = ui
        .course
        .risk
        .screen
        .as_ref()
        .is_some_and(|c| c.result.positive);
    if course_positive
        && s.risk.screens.is_empty()
        && crate::tui::present::course::shows_risk(s, s.phase)
        && let Some(first) = crate::tui::present::course::risk(ui.course, lang)
            .into_iter()
            .next()
    {
        out.push(Line::from(Span::styled(format!(" {first}"), t.warn)));
    }
    if s.risk_offered() {
        out.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "risk-offered", key = "!")),
            t.accent,
        )));
    }
    out
}

/// The prompts' rows, scrolled to keep `focus_row` (the selected prompt,
/// or the row read on to) in view, and the holds below them: after them
/// when all fit, else kept at the bottom (up to half the area) while the
/// prompts scroll above. Returns how many rows stay hidden below.
fn show_with_foot(
    f: &mut Frame<'_>,
    mut rows: Vec<Line<'static>>,
    focus_row: usize,
    foot: Vec<Line<'_>>,
    area: Rect,
    dim: ratatui::style::Style,
    lang: crate::i18n::Lang,
) -> usize {
    let foot = super::hang::hang(foot, area.width);
    let height = area.height as usize;
    let (top, bottom) = if rows.len() + 1 + foot.len() <= height || foot.is_empty() {
        if !foot.is_empty() {
            rows.push(Line::raw(""));
            rows.extend(foot);
        }
        (area, None)
    } else {
        let foot_h = foot.len().min(height / 2) as u16;
        let [top, bottom] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(foot_h)]).areas(area);
        (top, Some((bottom, foot)))
    };
    // When the rows do not all fit, the last row of the area says there
    // is more, on a row of its own so it never covers text.
    let fits = rows.len() <= top.height as usize;
    let shown_h = if fits || top.height < 2 {
        top.height
    } else {
        top.height - 1
    };
    let top_h = shown_h as usize;
    let scroll = focus_row
        .saturating_sub(top_h.saturating_sub(4))
        .min(rows.len().saturating_sub(top_h));
    let hidden = rows.len().saturating_sub(scroll + top_h);
    let text_area = Rect::new(top.x, top.y, top.width, shown_h);
    f.render_widget(Paragraph::new(rows).scroll((scroll as u16, 0)), text_area);
    if hidden > 0 && shown_h < top.height {
        let more = format!("{} ", crate::say!(lang, "more-below"));
        let w = (more.chars().count() as u16).min(top.width);
        let at = Rect::new(top.right() - w, top.bottom() - 1, w, 1);
        f.render_widget(Paragraph::new(more).style(dim), at);
    }
    if let Some((bottom, foot)) = bottom {
        f.render_widget(Paragraph::new(foot), bottom);
    }
    hidden
}

/// A checklist item: ticked here, or done at an earlier visit (a carried
/// checklist), shown done with the visit it was done at.
fn check_lines(
    lines: &mut Vec<Line<'_>>,
    ui: &Ui<'_>,
    s: &crate::session::Session,
    p: &crate::protocol::Prompt,
    marker: &str,
    req: &str,
    style: ratatui::style::Style,
) {
    let lang = ui.lang;
    let t = &ui.theme;
    let done = s.ticks.get(&p.id).is_some_and(|x| x.checked);
    let carried = s.carried.get(&p.id).filter(|_| !done);
    let mark = if done || carried.is_some() { "x" } else { " " };
    lines.push(Line::from(vec![
        Span::styled(format!(" {marker} "), t.accent),
        Span::styled(format!("[{mark}] {}{req}", p.text), style),
    ]));
    if let Some(c) = carried {
        lines.push(Line::from(Span::styled(
            format!(
                "     {}",
                crate::say!(lang, "visit-done-in", number = c.number)
            ),
            t.dim,
        )));
    }
    // The visit the tick rests on, or that none is recorded in kap.
    if let Some(e) = crate::session::evidence::shown(s, &p.id) {
        lines.push(Line::from(Span::styled(
            format!("     {}", crate::session::evidence::words(e).say(lang)),
            if e.found() { t.dim } else { t.warn },
        )));
    }
}
