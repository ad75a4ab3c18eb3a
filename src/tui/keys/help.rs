//! What `?` shows: the contexts' titles, their order, and the pages.

use super::{Ctx, shown};

pub fn title(ctx: Ctx, lang: crate::i18n::Lang) -> String {
    crate::i18n::text(
        lang,
        match ctx {
            Ctx::Session => "keys-group-session",
            Ctx::Prompts => "keys-group-prompts",
            Ctx::Dosing | Ctx::InfusionIdle | Ctx::InfusionUnderWay => "keys-group-dosing",
            Ctx::Intentions => "keys-group-intentions",
            Ctx::Last => "keys-group-last",
            Ctx::Alert => "keys-group-alert",
            Ctx::Monitor => "keys-group-monitor",
            Ctx::Real => "keys-group-real",
            Ctx::Rehearsal => "keys-group-rehearsal",
            Ctx::Simulator => "keys-group-simulator",
            Ctx::Vanished => "keys-group-vanished",
            Ctx::Editing => "keys-group-editing",
            Ctx::Note => "keys-group-note",
            Ctx::Start => "keys-group-start",
            Ctx::Closed => "keys-group-closed",
            Ctx::Replay => "keys-group-replay",
            Ctx::Dialog => "keys-group-dialog",
            Ctx::Confirm => "keys-group-confirm",
            Ctx::Discard => "keys-group-discard",
            Ctx::Timeline => "keys-group-timeline",
            Ctx::Music => "keys-group-music",
            Ctx::Help => "keys-group-help",
            Ctx::SelfReport => "keys-group-self-report",
            Ctx::SelfReportLeaving => "keys-group-self-report-leaving",
            Ctx::SelfReportDone => "keys-group-self-report-done",
        },
        None,
    )
}

/// The width help's box takes at most, borders included.
pub const HELP_WIDTH: u16 = 78;

/// Help's lines before wrapping: a title for each context with keys
/// (`None`), then a line for each key (`Some(keys)`, what it does).
pub fn help_entries(lang: crate::i18n::Lang) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    for &ctx in HELP_ORDER {
        let group: Vec<_> = shown().filter(|b| b.ctx == ctx).collect();
        if group.is_empty() {
            continue;
        }
        out.push((None, title(ctx, lang)));
        for b in group {
            out.push((Some(b.shown_text(lang)), b.text(lang)));
        }
    }
    out
}

/// One key's line in help: the keys in a column of 9, then what it does.
pub fn help_line(keys: &str, text: &str) -> String {
    format!("  {keys:<9}{text}")
}

/// The rows inside help's box on a screen `cols` wide.
pub fn help_inner_width(cols: u16) -> u16 {
    // A terminal is never narrower than 80 columns here (see MIN_WIDTH).
    HELP_WIDTH.min(cols).saturating_sub(2).max(1)
}

/// Help's pages for a body `rows` high on a screen `cols` wide: rows a
/// page, and pages.
pub fn help_pages(rows: u16, cols: u16, lang: crate::i18n::Lang) -> (usize, usize) {
    let (per_page, starts) = help_page_starts(rows, cols, lang);
    (per_page, starts.len())
}

/// Rows a page, and the row each page starts at. A key's line too long
/// for the box wraps under its text and counts as the rows it takes; a
/// page never ends inside one (its words would be cut across two pages).
pub fn help_page_starts(rows: u16, cols: u16, lang: crate::i18n::Lang) -> (usize, Vec<usize>) {
    let width = help_inner_width(cols);
    let heights: Vec<usize> = help_entries(lang)
        .into_iter()
        .map(|(keys, text)| match keys {
            None => 1,
            Some(k) => crate::tui::view::hang::hang_line(
                ratatui::text::Line::raw(help_line(&k, &text)),
                width,
            )
            .len(),
        })
        .collect();
    // Border above and below, and the page line (wrapped, as drawn).
    let foot = crate::say!(lang, "help-page", page = 10, pages = 10);
    let foot_rows = crate::tui::view::hang::hang_line(ratatui::text::Line::raw(foot), width).len();
    let per_page = usize::from(rows)
        .saturating_sub(2 + foot_rows.max(1))
        .max(1);
    let mut starts = vec![0];
    let (mut row, mut used) = (0, 0);
    for h in heights {
        if used > 0 && used + h > per_page {
            starts.push(row);
            used = 0;
        }
        row += h;
        used += h;
    }
    (per_page, starts)
}

/// The order help lists the contexts in.
pub const HELP_ORDER: &[Ctx] = &[
    Ctx::Alert,
    Ctx::Monitor,
    Ctx::Session,
    Ctx::Prompts,
    Ctx::Dosing,
    Ctx::Intentions,
    Ctx::Last,
    Ctx::Editing,
    Ctx::Note,
    Ctx::Dialog,
    Ctx::Confirm,
    Ctx::Discard,
    Ctx::Timeline,
    Ctx::Music,
    Ctx::SelfReport,
    Ctx::SelfReportLeaving,
    Ctx::SelfReportDone,
    Ctx::Real,
    Ctx::Rehearsal,
    Ctx::Simulator,
    Ctx::Vanished,
    Ctx::Start,
    Ctx::Closed,
    Ctx::Replay,
    Ctx::Help,
];
