//! The session screen's frame: the phase strip, the banner, the vitals
//! entry line, and the phase or infusion view below them (`phase.rs`,
//! `infusion.rs`).

use super::Ui;
use crate::protocol::PhaseRole;
use crate::rehearsal::patient::MonitorView;
use crate::session::{Moment, Session};
use crate::tui::app::SessionView;
use crate::tui::screens::Editor;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(
    f: &mut Frame<'_>,
    ui: &Ui<'_>,
    v: &SessionView,
    now: &Moment,
    strip: Rect,
    body: Rect,
) {
    let lang = ui.lang;
    let t = &ui.theme;
    let s = &v.open.session;
    phase_strip(f, ui, s, v.view_phase, strip);

    let banner_lines = banner_lines(t, v, ui.timed.as_ref(), lang);
    // Wrapped first, so the height is what is drawn and an action text is
    // never cut off.
    let banner_lines = super::hang::hang(banner_lines, body.width);
    let banner_h = banner_lines.len() as u16;
    let [banner, main] = Layout::vertical([
        Constraint::Length(banner_h.min(body.height / 2)),
        Constraint::Min(5),
    ])
    .areas(body);
    if !banner_lines.is_empty() {
        f.render_widget(Paragraph::new(banner_lines), banner);
    }

    // The simulated bedside monitor, in a rehearsal with a scenario.
    let main = match &ui.monitor {
        None => main,
        Some(view) => bedside_monitor(f, t, view, main, lang),
    };

    if let Some(ed) = &v.editor {
        draw_editor(f, t, s, ed, main, lang);
        return;
    }

    let phase = &s.protocol().phases[v.view_phase];
    let show_vitals = v.vitals_focus
        || matches!(
            phase.role,
            PhaseRole::Baseline | PhaseRole::Dosing | PhaseRole::Discharge
        );
    let [content, vitals_line] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(if show_vitals { 1 } else { 0 }),
    ])
    .areas(main);
    if phase.role == PhaseRole::Dosing && v.view_phase == s.phase {
        super::infusion::infusion(f, ui, v, now, content);
    } else {
        super::phase::prompts(f, ui, v, now, content);
    }
    if show_vitals {
        vitals_entry(f, t, v, vitals_line, lang);
    }
}

/// The banner's lines: the record folder gone or a record not saved, else
/// the alarms.
fn banner_lines<'a>(
    t: &Theme,
    v: &'a SessionView,
    timed: Option<&crate::tui::present::Timed>,
    lang: crate::i18n::Lang,
) -> Vec<Line<'a>> {
    let s = &v.open.session;
    let mut banner_lines: Vec<Line<'_>> = Vec::new();
    if let (Some(e), true) = (&v.disk_error, v.vanished) {
        banner_lines.push(Line::from(Span::styled(
            format!(" !!! {}", crate::say!(lang, "folder-gone-alarm")),
            t.alarm,
        )));
        banner_lines.push(Line::from(Span::styled(format!("   {e}"), t.alarm)));
        banner_lines.push(Line::from(vec![
            Span::styled(
                format!("   [R] {}", crate::say!(lang, "folder-recreate")),
                t.accent,
            ),
            Span::styled(
                format!(" {}", crate::say!(lang, "folder-recreate-note")),
                t.warn,
            ),
        ]));
    } else if let Some(e) = &v.disk_error {
        banner_lines.push(Line::from(Span::styled(
            format!(" !!! {}", crate::say!(lang, "not-saved-alarm")),
            t.alarm,
        )));
        banner_lines.push(Line::from(Span::styled(format!("   {e}"), t.alarm)));
        banner_lines.push(Line::from(Span::styled(
            format!("   {}", crate::say!(lang, "not-saved-paper")),
            t.warn,
        )));
    } else if let Some(tm) = timed {
        // The infusion screen has its own vitals countdown.
        let on_infusion =
            s.protocol().phases[v.view_phase].role == crate::protocol::PhaseRole::Dosing;
        banner_lines.extend(super::alarms::banner(t, s, tm, !on_infusion, lang));
    }
    banner_lines
}

/// The simulated bedside monitor's rows at the top of `main`: its values
/// and what the patient says; the rest of `main` is returned.
fn bedside_monitor(
    f: &mut Frame<'_>,
    t: &Theme,
    view: &MonitorView,
    main: Rect,
    lang: crate::i18n::Lang,
) -> Rect {
    let bp = match &view.bp {
        Some((a, b, at)) => {
            crate::say!(
                lang,
                "monitor-nibp",
                value = format!("{a}/{b}"),
                at = at.hhmm()
            )
        }
        None => crate::say!(lang, "monitor-nibp-none"),
    };
    let spo2 = view
        .spo2
        .map_or(crate::say!(lang, "monitor-spo2-none"), |x| {
            format!("SpO₂ {x}%")
        });
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(" {} ", crate::say!(lang, "monitor-title")),
            t.watermark,
        ),
        Span::styled(
            format!(
                "  {} {}  ·  {spo2}  ·  {bp}",
                crate::say!(lang, "table-hr"),
                view.hr
            ),
            t.accent,
        ),
    ])];
    // What the patient says now: the scenario's latest moment, or
    // the instructor's latest line, wrapped (up to three rows) so
    // that its clue is not cut off at the edge.
    if !view.said.is_empty() {
        let said = Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "monitor-patient", said = view.said.join(" "))
            ),
            t.warn,
        ));
        let mut rows = super::hang::hang_line(said, main.width);
        rows.truncate(3);
        lines.extend(rows);
    }
    let [mon, rest] = Layout::vertical([
        Constraint::Length(lines.len().max(2) as u16),
        Constraint::Min(4),
    ])
    .areas(main);
    f.render_widget(Paragraph::new(lines), mon);
    rest
}

/// The text editor open over the phase, titled with its prompt.
fn draw_editor(
    f: &mut Frame<'_>,
    t: &Theme,
    s: &Session,
    ed: &Editor,
    main: Rect,
    lang: crate::i18n::Lang,
) {
    let prompt = if ed.prompt == crate::tui::app::GOALS_EDITOR {
        crate::say!(
            lang,
            "goals-editor-title",
            min = s.protocol().course.goals.min_count
        )
    } else {
        s.protocol()
            .prompt(&ed.prompt)
            .map_or(ed.prompt.clone(), |(_, p)| p.text.clone())
    };
    let mut area = ed.area.clone();
    area.set_block(
        Block::bordered()
            .title(format!(" {prompt} "))
            .title_bottom(format!(" {} ", crate::say!(lang, "editor-keys")))
            .border_style(t.accent),
    );
    area.set_style(t.text);
    f.render_widget(&area, main);
}

/// The phases, the one under way and the one on screen by name (every one
/// by name when they all fit), and who is entering, on the right.
fn phase_strip(f: &mut Frame<'_>, ui: &Ui<'_>, s: &Session, viewing: usize, area: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let entering = ui.entering.as_ref().map(|who| {
        Span::styled(
            format!(
                " {} ",
                crate::say!(lang, "strip-entering", who = who.clone())
            ),
            t.accent,
        )
    });
    let right_w = entering.as_ref().map_or(0, |e| e.width() as u16);
    let [area, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(right_w)]).areas(area);
    if let Some(e) = entering {
        f.render_widget(Paragraph::new(Line::from(e)), right);
    }
    let phases = &s.protocol().phases;
    let all_named: usize = phases
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} {}", i + 1, p.title).chars().count() + 3)
        .sum::<usize>()
        + 12;
    let name_all = all_named <= usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    for (i, p) in phases.iter().enumerate() {
        let label = if name_all || i == s.phase || i == viewing {
            format!("{} {}", i + 1, p.title)
        } else {
            format!("{}", i + 1)
        };
        let style = if i == s.phase {
            t.accent
        } else if i < s.phase {
            t.text
        } else {
            t.dim
        };
        let style = if i == viewing && i != s.phase {
            t.selected
        } else {
            style
        };
        spans.push(Span::styled(label, style));
        if i + 1 < phases.len() {
            spans.push(Span::styled(" › ", t.border));
        }
    }
    if viewing != s.phase {
        spans.push(Span::styled(
            format!("   {}", crate::say!(lang, "looking-back")),
            t.warn,
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn vitals_entry(
    f: &mut Frame<'_>,
    t: &Theme,
    v: &SessionView,
    area: Rect,
    lang: crate::i18n::Lang,
) {
    let label_text = format!(" {} › ", crate::say!(lang, "vitals-line-label"));
    let label_w = label_text.chars().count() as u16;
    let [label, input] =
        Layout::horizontal([Constraint::Length(label_w), Constraint::Min(10)]).areas(area);
    f.render_widget(
        Paragraph::new(Span::styled(
            label_text,
            if v.vitals_focus { t.accent } else { t.dim },
        )),
        label,
    );
    if v.vitals_focus {
        let mut ta = v.vitals.clone();
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        f.render_widget(&ta, input);
    } else {
        f.render_widget(
            Paragraph::new(Span::styled(crate::say!(lang, "vitals-line-hint"), t.dim)),
            input,
        );
    }
}
