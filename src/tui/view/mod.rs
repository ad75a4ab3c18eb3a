//! Pure rendering: the app's state and the moment → a frame. Nothing here
//! changes state or touches the disk.

mod alarms;
pub(crate) mod closed;
pub mod course_chart;
pub mod hang;
pub mod infusion;
pub mod model;
mod overlay;
mod phase;
mod replay;
pub(crate) mod session;
pub(crate) mod start;
mod start_visit;
pub use start_visit::said as start_visit_said;

use super::app::{FlashKind, Screen};
use crate::session::Moment;
pub use alarms::technical_words;
pub use model::Ui;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
pub use replay::{REPLAY_TIMELINE_ROWS, timeline as replay_timeline};

/// The smallest terminal kap lays out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub use crate::tui::present::clock_text;

/// Draw the app as it is at `now`.
pub fn draw(f: &mut Frame<'_>, app: &crate::tui::app::App, now: &Moment) {
    render(f, &app.ui(now));
}

/// Draw a view model: the whole frame.
pub fn render(f: &mut Frame<'_>, ui: &Ui<'_>) {
    let lang = ui.lang;
    let now = &ui.now;
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, ui, area);
        return;
    }
    // A message takes the rows it needs, up to four: a refusal that names
    // every gate still failing is read whole, not cut at the edge.
    // The patient's screen: nothing else of the record in view.
    if let Some(sr) = ui.self_report {
        crate::tui::screens::draw_self_report(f, ui, sr, area);
        return;
    }
    let flash_lines = flash_lines(ui, area.width);
    let flash_h = (flash_lines.len() as u16).clamp(1, FLASH_ROWS);
    let [header, strip, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(flash_h),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, ui, now, header);
    ui.screen.component().render(f, ui, strip, body);
    // The start screen's course line on the message row, while no
    // message shows.
    let course = match ui.screen {
        Screen::Start(_) if flash_lines.is_empty() => start::course_line(ui),
        _ => None,
    };
    match course {
        Some(line) => f.render_widget(Paragraph::new(line), flash),
        None => f.render_widget(Paragraph::new(flash_lines), flash),
    }
    draw_footer(f, ui, footer);
    if let Some(page) = ui.help {
        overlay::help(f, ui, page, body);
    }
    if let Some(m) = ui.modal {
        crate::tui::modal::draw(f, ui.theme, m, body, lang);
    }
    // A replay over the screen: its timeline list, when open.
    if let Some(r) = ui.replay {
        use crate::tui::screens::Component;
        r.render(f, ui, strip, body);
    }
}

fn too_small(f: &mut Frame<'_>, ui: &Ui<'_>, area: Rect) {
    let lang = ui.lang;
    let msg = crate::say!(
        lang,
        "screen-too-small",
        need = format!("{MIN_WIDTH}×{MIN_HEIGHT}"),
        have = format!("{}×{}", area.width, area.height)
    );
    f.render_widget(
        Paragraph::new(msg)
            .style(ui.theme.text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

fn draw_header(f: &mut Frame<'_>, ui: &Ui<'_>, now: &Moment, area: Rect) {
    let t = &ui.theme;
    let mut left = header_left(ui);
    let mut right = header_right(ui, now);
    // When the words do not leave the phase its room (French and
    // Portuguese are longer), the saved time loses its word: the tick
    // and the time say it.
    let left_w: u16 = left.iter().map(|s| s.width() as u16).sum();
    let total: u16 = right.iter().map(|s| s.width() as u16).sum::<u16>() + left_w;
    if total > area.width
        && let (Screen::Session(v), Some(first)) = (&ui.screen, right.first_mut())
        && let (None, Some((_, at))) = (&v.disk_error, &v.last_saved)
    {
        *first = Span::styled(format!(" ✓ {} ", at.wall.format("%H:%M:%S")), t.ok);
    }
    let right_w: u16 = right.iter().map(|s| s.width() as u16).sum();
    let [l, r] = Layout::horizontal([Constraint::Min(10), Constraint::Length(right_w)]).areas(area);
    ellipsize_last(&mut left, usize::from(l.width));
    f.render_widget(Paragraph::new(Line::from(left)), l);
    f.render_widget(Paragraph::new(Line::from(right)), r);
}

/// The header's left: kap and the protocol before a session; the patient,
/// the session and the phase (or closed) during one.
fn header_left(ui: &Ui<'_>) -> Vec<Span<'static>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut left = vec![Span::raw(" ")];
    let sep = || Span::styled(" │ ", t.border);
    let open = match &ui.screen {
        Screen::Start(_) => None,
        Screen::Session(v) => Some((&v.open, v.open.session.current_phase().title.clone())),
        Screen::Closed(c) => Some((&c.open, crate::say!(lang, "header-closed"))),
    };
    match open {
        None => {
            left.push(Span::styled("kap", t.accent));
            left.push(sep());
            left.push(Span::styled(
                ui.protocol.protocol.short().to_string(),
                t.text,
            ));
        }
        Some((open, phase_title)) => {
            let s = &open.session;
            left.push(Span::styled(s.start.patient.clone(), t.text));
            left.push(sep());
            left.push(Span::styled(session_title(s, lang), t.text));
            left.push(sep());
            left.push(Span::styled(phase_title, t.accent));
        }
    }
    left
}

/// Which session this is: a visit by its kind, a maintenance session, or
/// the session's number in the course.
fn session_title(s: &crate::session::Session, lang: crate::i18n::Lang) -> String {
    if let Some(kind) = s.start.visit_kind() {
        format!(
            "{} {}",
            s.protocol().protocol.short(),
            kind.label().say(lang)
        )
    } else if s.protocol().is_maintenance(s.start.session) {
        crate::say!(
            lang,
            "header-maintenance",
            protocol = s.protocol().protocol.short().to_string(),
            session = s.start.session
        )
    } else {
        format!(
            "{} {}/{}",
            s.protocol().protocol.short(),
            s.start.session,
            s.protocol().course.sessions
        )
    }
}

/// The header's right: what a replay is, else whether the record is
/// saved; the time; a rehearsal's speed and branch.
fn header_right(ui: &Ui<'_>, now: &Moment) -> Vec<Span<'static>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut right: Vec<Span<'static>> = Vec::new();
    if let Some(r) = ui.replay {
        // A replay saves nothing: it says what it is instead.
        right.push(Span::styled(
            format!(" {} ", crate::tui::replay::header_text(r, now, lang)),
            t.watermark,
        ));
    } else if let Screen::Session(v) = &ui.screen {
        match (&v.disk_error, &v.last_saved) {
            (Some(_), _) => right.push(Span::styled(
                format!(" ✗ {} ", crate::say!(lang, "header-not-saved")),
                t.alarm,
            )),
            (None, Some((_, at))) => right.push(Span::styled(
                format!(
                    " ✓ {} ",
                    crate::say!(
                        lang,
                        "header-saved-at",
                        time = at.wall.format("%H:%M:%S").to_string()
                    )
                ),
                t.ok,
            )),
            (None, None) => right.push(Span::styled(
                format!(" ✓ {} ", crate::say!(lang, "header-saved")),
                t.ok,
            )),
        }
    }
    right.push(Span::styled(
        format!(" {} ", now.wall.format("%H:%M:%S")),
        t.text,
    ));
    if ui.rehearsal && ui.replay.is_none() {
        let speed = ui.speed;
        let mut text = crate::say!(
            lang,
            "header-rehearsal",
            speed = crate::i18n::num_in(lang, speed)
        );
        if let Some(b) = ui.branched {
            text = format!(
                "{text} · {}",
                crate::say!(lang, "header-branched", minute = b.minute().to_string())
            );
        }
        right.push(Span::styled(format!(" {text} "), t.watermark));
    }
    right
}

/// Shorten the last span (the phase's title) so the spans fit `room`,
/// ending it with "…": cut, it showed as if whole ("Rolling integra").
/// The phase strip below says the title in full.
fn ellipsize_last(spans: &mut [Span<'_>], room: usize) {
    let width: usize = spans.iter().map(Span::width).sum();
    if width <= room {
        return;
    }
    if let Some(last) = spans.last_mut() {
        let keep = last.width().saturating_sub(width - room + 1);
        let cut: String = last.content.chars().take(keep).collect();
        *last = Span::styled(format!("{}…", cut.trim_end()), last.style);
    }
}

/// The most rows a message takes above the footer.
const FLASH_ROWS: u16 = 4;

/// The message on show, wrapped to the screen's width with its indent.
fn flash_lines(ui: &Ui<'_>, width: u16) -> Vec<Line<'static>> {
    let t = &ui.theme;
    let Some(flash) = ui.flash else {
        return Vec::new();
    };
    let style = match flash.kind {
        FlashKind::Info => t.text,
        FlashKind::Saved => t.ok,
        FlashKind::Refused => t.warn,
    };
    let line = Line::from(Span::styled(format!(" {}", flash.text), style));
    let mut rows = hang::hang_line(line, width);
    if rows.len() > usize::from(FLASH_ROWS) {
        rows.truncate(usize::from(FLASH_ROWS));
        if let Some(last) = rows.last_mut() {
            last.spans.push(Span::styled(" …", style));
        }
    }
    rows
}

fn draw_footer(f: &mut Frame<'_>, ui: &Ui<'_>, area: Rect) {
    let t = &ui.theme;
    let mut spans = Vec::new();
    let mut width = 0usize;
    // `?` is never cut: the others fill what is left before it.
    let help = ui.footer.iter().find(|(k, _)| k == "?");
    let room = area.width as usize
        - help
            .map_or(0, |(k, l)| format!(" {k} {l} ").chars().count() + 1)
            .min(area.width as usize);
    let others = ui.footer.iter().filter(|(k, _)| k != "?");
    for (k, label) in others.chain(help) {
        let piece = format!(" {k} {label} ");
        let limit = if k == "?" { area.width as usize } else { room };
        if width + piece.chars().count() + 1 > limit {
            continue;
        }
        width += piece.chars().count() + 1;
        spans.push(Span::styled(format!(" {k}"), t.accent));
        spans.push(Span::styled(format!(" {label} "), t.dim));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
