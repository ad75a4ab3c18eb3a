//! What `?` shows: the contexts' titles, their order, and the pages.

use super::{Ctx, shown};

pub fn title(ctx: Ctx) -> String {
    crate::i18n::tr(
        match ctx {
            Ctx::Session => "keys-group-session",
            Ctx::Prompts => "keys-group-prompts",
            Ctx::Dosing | Ctx::InfusionIdle | Ctx::InfusionUnderWay => "keys-group-dosing",
            Ctx::Intentions => "keys-group-intentions",
            Ctx::Last => "keys-group-last",
            Ctx::Alert => "keys-group-alert",
            Ctx::Real => "keys-group-real",
            Ctx::Rehearsal => "keys-group-rehearsal",
            Ctx::Simulator => "keys-group-simulator",
            Ctx::Vanished => "keys-group-vanished",
            Ctx::Editing => "keys-group-editing",
            Ctx::Note => "keys-group-note",
            Ctx::Start => "keys-group-start",
            Ctx::Closed => "keys-group-closed",
            Ctx::Replay => "keys-group-replay",
        },
        None,
    )
}

/// Help's pages for a screen `rows` high: lines a page, and pages. Help
/// lists a title for each context with keys, then a line for each key.
pub fn help_pages(rows: u16) -> (usize, usize) {
    let lines = HELP_ORDER
        .iter()
        .map(|&c| match shown().filter(|b| b.ctx == c).count() {
            0 => 0,
            n => n + 1,
        })
        .sum::<usize>();
    // Border above and below, and the page line.
    let per_page = usize::from(rows.saturating_sub(3)).max(1);
    (per_page, lines.div_ceil(per_page).max(1))
}

/// The order help lists the contexts in.
pub const HELP_ORDER: &[Ctx] = &[
    Ctx::Alert,
    Ctx::Session,
    Ctx::Prompts,
    Ctx::Dosing,
    Ctx::Intentions,
    Ctx::Last,
    Ctx::Editing,
    Ctx::Note,
    Ctx::Real,
    Ctx::Rehearsal,
    Ctx::Simulator,
    Ctx::Vanished,
    Ctx::Start,
    Ctx::Closed,
    Ctx::Replay,
];
