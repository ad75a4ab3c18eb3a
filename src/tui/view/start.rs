//! The start screen: patient, course session and weight → the dose, with
//! its arithmetic, checked against the session's range.

use super::Ui;
use crate::i18n::{Phrase, num_in};
use crate::tui::app::{START_LABELS, StartForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The start screen: the title on the strip, the fields on the left and,
/// on the right, the dose, the course so far and what to know before
/// starting. A visit has its own screen.
pub fn draw(f: &mut Frame<'_>, ui: &Ui<'_>, form: &StartForm, strip: Rect, body: Rect) {
    if let Some(v) = form.visit {
        return super::start_visit::draw(f, ui, form, v, strip, body);
    }
    let fits = title_strip(f, ui, strip);
    let [fields, info] =
        Layout::horizontal([Constraint::Length(46), Constraint::Min(30)]).areas(body);
    draw_fields(f, ui, form, fields);
    let mut lines: Vec<Line<'_>> = Vec::new();
    dose_lines(&mut lines, ui, form);
    course_lines(&mut lines, ui, form);
    notice_lines(&mut lines, ui, form);
    draw_info(f, ui, lines, fits, info);
}

/// The title on the strip: the protocol's full name when it fits, else
/// its short name. Returns whether the full name fitted.
fn title_strip(f: &mut Frame<'_>, ui: &Ui<'_>, strip: Rect) -> bool {
    let lang = ui.lang;
    let t = &ui.theme;
    let p = &ui.protocol;
    let title = |name: &str| {
        let (protocol, sessions) = (name.to_string(), p.course.sessions);
        format!(
            " {}",
            if ui.rehearsal {
                crate::say!(
                    lang,
                    "start-title-rehearsal",
                    protocol = protocol,
                    sessions = sessions
                )
            } else {
                crate::say!(
                    lang,
                    "start-title-session",
                    protocol = protocol,
                    sessions = sessions
                )
            }
        )
    };
    // The full name when it fits on the line; else the short name there,
    // and the full name, wrapped, at the head of the right-hand pane.
    let full = title(&p.protocol.name);
    let fits = Line::raw(full.as_str()).width() <= usize::from(strip.width);
    let strip_title = if fits {
        full
    } else {
        title(p.protocol.short())
    };
    f.render_widget(Paragraph::new(Span::styled(strip_title, t.accent)), strip);
    fits
}

/// The form's fields, one bordered box each, the focused one highlighted.
fn draw_fields(f: &mut Frame<'_>, ui: &Ui<'_>, form: &StartForm, area: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let rows = Layout::vertical([Constraint::Length(3); crate::tui::app::START_FIELDS]).split(area);
    for (i, area) in rows.iter().enumerate() {
        let mut ta = form.fields[i].clone();
        let focused = i == form.focus;
        let label = match ui.start.as_ref() {
            Some(p) if i == 0 && p.clinic_number => "start-field-clinic-number",
            _ => START_LABELS[i],
        };
        ta.set_block(
            Block::bordered()
                .title(format!(" {} ", crate::i18n::text(lang, label, None)))
                .border_style(if focused { t.accent } else { t.border }),
        );
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        if !focused {
            ta.set_cursor_style(t.text);
        }
        f.render_widget(&ta, *area);
    }
}

/// The dose and its arithmetic when the fields give one; else why not,
/// and the session's dose range when the session number is known.
fn dose_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, form: &StartForm) {
    let lang = ui.lang;
    let t = &ui.theme;
    let p = &ui.protocol;
    match ui
        .start
        .as_ref()
        .map(|p| &p.dose)
        .unwrap_or(&Err(String::new()))
    {
        Ok((start, plan)) => {
            let rule = p.dose_rule(start.session);
            lines.push(Line::from(Span::styled(
                format!(
                    " {}",
                    crate::say!(
                        lang,
                        "start-dose-line",
                        session = p.session_title(start.session).say(lang),
                        mg = num_in(lang, plan.dose_mg),
                        route = plan.route.after_dose().say(lang)
                    )
                ),
                t.accent,
            )));
            if let Some(l) = rule.and_then(|r| r.label.as_ref()) {
                lines.push(Line::from(Span::styled(format!(" {l}"), t.dim)));
            }
            for a in plan.arithmetic() {
                lines.push(Line::from(Span::styled(
                    format!("   {}", a.say(lang)),
                    t.text,
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                format!(" {}", crate::say!(lang, "start-enter-starts")),
                t.ok,
            )));
        }
        Err(e) => {
            lines.push(Line::from(Span::styled(format!(" {e}"), t.dim)));
            if let Some(n) = text_session(form)
                && let Some(r) = p.dose_rule(n)
                && let Some(d) = &r.mg_per_kg
            {
                let range = if d.min == d.max {
                    format!("{} mg/kg", num_in(lang, d.min))
                } else {
                    format!(
                        "{}–{} mg/kg{}",
                        num_in(lang, d.min),
                        num_in(lang, d.max),
                        d.default
                            .map(|x| crate::say!(
                                lang,
                                "start-range-default",
                                dose = num_in(lang, x)
                            ))
                            .unwrap_or_default()
                    )
                };
                lines.push(Line::from(Span::styled(
                    format!(
                        " {}",
                        crate::say!(
                            lang,
                            "start-range-line",
                            session = p.session_title(n).say(lang),
                            range = range
                        )
                    ),
                    t.text,
                )));
            }
        }
    }
}

/// The course so far and the date window for this session.
fn course_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, form: &StartForm) {
    let lang = ui.lang;
    let t = &ui.theme;
    if ui.course.held.is_empty() {
        return;
    }
    let held: Vec<String> = ui.course.held.iter().map(u32::to_string).collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            " {}",
            crate::say!(
                lang,
                "start-course-so-far",
                count = held.len(),
                sessions = held.join(", ")
            )
        ),
        t.text,
    )));
    // A damaged record says so here, in the verdict's words.
    for (n, verdict) in &ui.course.damaged {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "start-course-damaged",
                    session = *n,
                    verdict = verdict
                )
            ),
            t.warn,
        )));
    }
    if let Some(n) = text_session(form)
        && ui.course.held.contains(&n)
    {
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "start-already-held", session = n)),
            t.warn,
        )));
    }
    lines.extend(window_line(ui));
}

/// Where today falls in this session's date window.
fn window_line(ui: &Ui<'_>) -> Option<Line<'static>> {
    let lang = ui.lang;
    use crate::session::course::Fit;
    let t = &ui.theme;
    let (w, fit) = ui.start.as_ref().and_then(|p| p.window.as_ref())?;
    let (text, style) = match fit {
        Fit::OnTarget => (
            format!(
                " {}",
                crate::say!(lang, "start-on-target", window = w.describe().say(lang))
            ),
            t.ok,
        ),
        Fit::InWindow => (
            format!(
                " {}",
                crate::say!(lang, "start-off-target", window = w.describe().say(lang))
            ),
            t.text,
        ),
        Fit::TooEarly(d) => (
            format!(
                " {}",
                crate::say!(
                    lang,
                    "start-too-early",
                    days = *d,
                    window = w.describe().say(lang)
                )
            ),
            t.warn,
        ),
        Fit::TooLate(d) => (
            format!(
                " {}",
                crate::say!(
                    lang,
                    "start-too-late",
                    days = *d,
                    window = w.describe().say(lang)
                )
            ),
            t.warn,
        ),
    };
    Some(Line::from(Span::styled(text, style)))
}

/// What to know before starting: the clinic's server, the directory, the
/// folders left out, the form's error, an unreviewed site, an unfinished
/// session.
fn notice_lines(lines: &mut Vec<Line<'_>>, ui: &Ui<'_>, form: &StartForm) {
    let lang = ui.lang;
    let t = &ui.theme;
    // What the clinic's server said of the course: what it adds, or
    // offline.
    if let Some(said) = &ui.course.server {
        let style = if ui.course.offline { t.warn } else { t.text };
        lines.push(Line::from(Span::styled(
            format!(" {}", said.say(lang)),
            style,
        )));
    }
    if let Some(ids) = ui.start.as_ref().and_then(|p| p.directory.as_ref()) {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "start-directory-hint", ids = ids.as_str())
            ),
            t.dim,
        )));
    }
    // Folders the course could not be read from: said, never skipped.
    left_out(lines, &ui.course.left_out, t.warn, lang);
    if let Some(err) = &form.error {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(format!(" {err}"), t.warn)));
    }
    if !ui.protocol.site.is_reviewed() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "start-site-not-reviewed")),
            t.warn,
        )));
    }
    if let Some(l) = &form.resumable {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "start-unfinished",
                    session = l.start.session,
                    started = format!(
                        "{} {}",
                        crate::i18n::date_short_in(lang, l.started.wall.date_naive()),
                        l.started.wall.format("%H:%M")
                    ),
                    entries = l.events
                )
            ),
            t.warn,
        )));
    }
}

/// The right-hand pane, wrapped; headed by the protocol's full name when
/// the title line had no room for it and the pane has.
fn draw_info(f: &mut Frame<'_>, ui: &Ui<'_>, lines: Vec<Line<'_>>, fits: bool, info: Rect) {
    let mut rows = super::hang::hang(lines, info.width);
    // The full name the title line had no room for, when the pane has.
    if !fits {
        let mut name = super::hang::hang_line(
            Line::from(Span::styled(
                format!(" {}", ui.protocol.protocol.name),
                ui.theme.accent,
            )),
            info.width,
        );
        if rows.len() + name.len() < usize::from(info.height) {
            name.push(Line::raw(""));
            name.append(&mut rows);
            rows = name;
        }
    }
    f.render_widget(Paragraph::new(rows), info);
}

/// The course in one line across the screen, on the message row while no
/// message shows: warned when what it shows is overdue. None before any
/// session of the course.
pub fn course_line(ui: &Ui<'_>) -> Option<Line<'static>> {
    let lang = ui.lang;
    let (text, overdue) = crate::record::course_words::one_line(
        ui.protocol,
        &ui.course.encounters,
        ui.now.wall.naive_local(),
        lang,
    )?;
    let style = if overdue {
        ui.theme.warn
    } else {
        ui.theme.text
    };
    Some(Line::from(Span::styled(format!(" {text}"), style)))
}

fn text_session(form: &StartForm) -> Option<u32> {
    form.fields[1].lines().join("").trim().parse().ok()
}

/// The folders the course could not be read from: the first two, then how
/// many more.
fn left_out(lines: &mut Vec<Line<'_>>, said: &[Phrase], warn: Style, lang: crate::i18n::Lang) {
    const SHOWN: usize = 2;
    if said.is_empty() {
        return;
    }
    lines.push(Line::from(""));
    for s in said.iter().take(SHOWN) {
        lines.push(Line::from(Span::styled(format!(" {}", s.say(lang)), warn)));
    }
    if said.len() > SHOWN {
        let more = crate::say!(lang, "start-left-out-more", count = said.len() - SHOWN);
        lines.push(Line::from(Span::styled(format!(" {more}"), warn)));
    }
}
