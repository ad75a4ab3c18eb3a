//! Colour themes. The default is dim for a dark room; `night` is red and
//! amber on black; `contrast` is for bright rooms or low vision; `plain`
//! uses no colour at all (chosen automatically when `NO_COLOR` is set) and
//! relies on bold and reverse video.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Dim,
    Night,
    Contrast,
    Plain,
}

impl ThemeName {
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dim => ThemeName::Night,
            ThemeName::Night => ThemeName::Contrast,
            ThemeName::Contrast => ThemeName::Plain,
            ThemeName::Plain => ThemeName::Dim,
        }
    }

    /// The theme to start with: the one asked for, else `plain` when
    /// `NO_COLOR` is set (to anything non-empty), else `dim`.
    pub fn initial(asked: Option<ThemeName>) -> ThemeName {
        asked.unwrap_or_else(|| {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                ThemeName::Plain
            } else {
                ThemeName::Dim
            }
        })
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub name: ThemeName,
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: hints, units, past entries.
    pub dim: Style,
    /// Titles and the timer.
    pub accent: Style,
    /// The selected row.
    pub selected: Style,
    /// Things that need attention soon (due, holds).
    pub warn: Style,
    /// Alerts and overdue prompts.
    pub alarm: Style,
    /// Good news (saved, inside limits).
    pub ok: Style,
    /// Box borders.
    pub border: Style,
    /// The REHEARSAL watermark.
    pub watermark: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let s = Style::default;
        match name {
            ThemeName::Dim => Theme {
                name,
                text: s().fg(Color::Gray),
                dim: s().fg(Color::DarkGray),
                accent: s().fg(Color::Rgb(200, 160, 90)),
                selected: s().fg(Color::Black).bg(Color::Rgb(110, 100, 80)),
                warn: s().fg(Color::Rgb(210, 150, 60)),
                alarm: s().fg(Color::Rgb(235, 90, 70)).add_modifier(Modifier::BOLD),
                ok: s().fg(Color::Rgb(110, 160, 110)),
                border: s().fg(Color::Rgb(70, 70, 70)),
                watermark: s().fg(Color::Black).bg(Color::Rgb(120, 100, 160)),
            },
            ThemeName::Night => Theme {
                name,
                text: s().fg(Color::Rgb(170, 60, 40)),
                dim: s().fg(Color::Rgb(100, 35, 25)),
                accent: s().fg(Color::Rgb(200, 110, 30)),
                selected: s().fg(Color::Black).bg(Color::Rgb(130, 50, 30)),
                warn: s().fg(Color::Rgb(210, 130, 30)),
                alarm: s().fg(Color::Rgb(255, 70, 40)).add_modifier(Modifier::BOLD),
                ok: s().fg(Color::Rgb(150, 90, 40)),
                border: s().fg(Color::Rgb(80, 30, 20)),
                watermark: s().fg(Color::Black).bg(Color::Rgb(150, 70, 30)),
            },
            ThemeName::Contrast => Theme {
                name,
                text: s().fg(Color::White),
                dim: s().fg(Color::Gray),
                accent: s().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                selected: s().fg(Color::Black).bg(Color::Yellow),
                warn: s().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                alarm: s()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
                ok: s().fg(Color::Green).add_modifier(Modifier::BOLD),
                border: s().fg(Color::White),
                watermark: s().fg(Color::Black).bg(Color::Magenta),
            },
            ThemeName::Plain => Theme {
                name,
                text: s(),
                dim: s(),
                accent: s().add_modifier(Modifier::BOLD),
                selected: s().add_modifier(Modifier::REVERSED),
                warn: s().add_modifier(Modifier::BOLD),
                alarm: s().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                ok: s(),
                border: s(),
                watermark: s().add_modifier(Modifier::REVERSED),
            },
        }
    }
}
