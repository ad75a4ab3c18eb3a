//! Every key kap answers to, in one table: the footer shows the ones that
//! matter now and `?` shows them all.

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Anywhere in a session.
    Session,
    /// A phase with prompts.
    Prompts,
    /// The dosing phase.
    Dosing,
    /// The intentions phase.
    Intentions,
    /// The last phase.
    Last,
    /// An alert is waiting.
    Alert,
    /// Rehearsal only.
    Rehearsal,
    /// While editing text.
    Editing,
    /// The start screen.
    Start,
}

pub struct Binding {
    pub keys: &'static str,
    pub label: &'static str,
    pub ctx: Ctx,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
}

const fn b(keys: &'static str, label: &'static str, ctx: Ctx, footer: bool) -> Binding {
    Binding {
        keys,
        label,
        ctx,
        footer,
    }
}

pub const BINDINGS: &[Binding] = &[
    b("a", "acknowledge alert", Ctx::Alert, true),
    b(
        "R",
        "re-create a vanished session folder",
        Ctx::Session,
        false,
    ),
    b("s", "start", Ctx::Dosing, true),
    b("p", "pause/resume", Ctx::Dosing, true),
    b("x", "stop early", Ctx::Dosing, true),
    b("m", "music on/off", Ctx::Dosing, true),
    b("c", "check-in done", Ctx::Dosing, false),
    b("d", "start debrief now", Ctx::Dosing, false),
    b("m", "music or support", Ctx::Intentions, true),
    b("C", "close session", Ctx::Last, true),
    b("Enter", "answer/tick", Ctx::Prompts, true),
    b("↑ ↓", "choose a prompt", Ctx::Prompts, false),
    b("Space", "tick or untick", Ctx::Prompts, false),
    b("→", "next phase", Ctx::Session, true),
    b("v", "vitals", Ctx::Session, true),
    b("n", "note", Ctx::Session, true),
    b("?", "help", Ctx::Session, true),
    b("←", "look back at earlier phases", Ctx::Session, false),
    b(
        "E",
        "end session early (asks a reason)",
        Ctx::Session,
        false,
    ),
    b("g", "edit the course's goals", Ctx::Session, false),
    b("t", "next theme", Ctx::Session, false),
    b(
        "h",
        "chimes on / off (due vitals, alerts)",
        Ctx::Session,
        false,
    ),
    b("+ −", "music volume (real sessions)", Ctx::Session, false),
    b(">", "next track", Ctx::Session, false),
    b(
        "Ctrl-Q",
        "leave kap (session stays open)",
        Ctx::Session,
        false,
    ),
    b(
        "+ −",
        "simulated time faster / slower",
        Ctx::Rehearsal,
        false,
    ),
    b("Ctrl-S", "save text", Ctx::Editing, true),
    b(
        "Esc",
        "stop editing (asks before discarding)",
        Ctx::Editing,
        true,
    ),
    b("Enter", "new line", Ctx::Editing, false),
    b("Tab ↑ ↓", "next / previous field", Ctx::Start, true),
    b("Enter", "start", Ctx::Start, true),
    b(
        "Ctrl-R",
        "resume the unfinished session shown",
        Ctx::Start,
        true,
    ),
    b("Esc", "leave kap", Ctx::Start, true),
];

/// Footer entries for the given contexts, in table order.
pub fn footer(ctxs: &[Ctx]) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.footer && ctxs.contains(&b.ctx))
        .map(|b| (b.keys, b.label))
        .collect()
}

pub fn title(ctx: Ctx) -> &'static str {
    match ctx {
        Ctx::Session => "Anywhere in a session",
        Ctx::Prompts => "Prompts",
        Ctx::Dosing => "Infusion",
        Ctx::Intentions => "Intentions",
        Ctx::Last => "Discharge",
        Ctx::Alert => "Alerts",
        Ctx::Rehearsal => "Rehearsal",
        Ctx::Editing => "Editing text",
        Ctx::Start => "Start screen",
    }
}
