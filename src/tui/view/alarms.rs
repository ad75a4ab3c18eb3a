//! The alarm banner: the highest-priority alarm in full (priority by
//! colour, mark and word, never colour alone; its state; how long it has
//! waited once it escalates), the others a line each, the rest counted,
//! and the audio pause's countdown.

use crate::session::alarms::{AlarmState, Escalation};
use crate::session::{Moment, Session};
use crate::tui::theme::Theme;
use crate::tui::view::clock_text;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Alarms listed a line each below the first, before the rest are counted.
const MORE: usize = 2;

fn style_of(t: &Theme, p: crate::protocol::Priority) -> Style {
    use crate::protocol::Priority as P;
    match p {
        P::High => t.alarm,
        P::Medium => t.warn,
        P::Low => t.text,
    }
}

/// The banner; `show_due` adds the vitals prompt when it is due (screens
/// other than the infusion's, which counts it down itself).
pub fn banner<'a>(t: &Theme, s: &'a Session, now: &Moment, show_due: bool) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let waiting = s.alarms_waiting(now);
    if let Some(a) = waiting.first() {
        let state = s.alarm_state(a, now);
        let esc = s.alarm_escalation(a, now);
        let mut head = style_of(t, a.priority).add_modifier(Modifier::BOLD);
        if esc != Escalation::None {
            head = head.add_modifier(Modifier::REVERSED);
        }
        let waited = now.since(&a.waiting_since(s.protocol().vitals.alarms.as_ref()));
        let mut spans = vec![
            Span::styled(format!(" {} ALARM {} ", a.priority.label(), a.id), head),
            Span::styled(format!(" {} ", state.word()), style_of(t, a.priority)),
            Span::styled(
                format!(" {} at {}", a.headline(), a.raised_at.hhmm()),
                t.warn,
            ),
        ];
        if esc != Escalation::None {
            spans.push(Span::styled(
                format!("  UNACKNOWLEDGED {}", clock_text(waited)),
                head,
            ));
        }
        lines.push(Line::from(spans));
        let latched = if state == AlarmState::Latched {
            " (value back in range; still to acknowledge)"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(format!("   → {}{latched}", a.action), t.text),
            Span::styled("  [a] acknowledge", t.accent),
        ]));
    }
    for a in waiting.iter().skip(1).take(MORE) {
        lines.push(Line::from(Span::styled(
            format!(
                " {} ALARM {} {} — {}",
                a.priority.label(),
                a.id,
                s.alarm_state(a, now).word(),
                a.headline()
            ),
            style_of(t, a.priority),
        )));
    }
    if waiting.len() > 1 + MORE {
        lines.push(Line::from(Span::styled(
            format!("   … and {} more alarm(s)", waiting.len() - 1 - MORE),
            t.warn,
        )));
    }
    // Vitals due and overdue, on every screen from the first dose to
    // discharge.
    if let Some(d) = s
        .vitals_due(now)
        .filter(|d| show_due && d.state == crate::session::DueState::Due)
    {
        lines.push(Line::from(Span::styled(
            format!(
                " Vitals due now — v to enter them (window closes in {})",
                clock_text(d.until.since(now))
            ),
            t.warn,
        )));
    }
    if let Some((late, esc)) = s.vitals_overdue(now) {
        let mut style = t.warn.add_modifier(Modifier::BOLD);
        if esc != Escalation::None {
            style = style.add_modifier(Modifier::REVERSED);
        }
        lines.push(Line::from(vec![
            Span::styled(" !! MEDIUM TECHNICAL ALARM  VITALS OVERDUE ", style),
            Span::styled(
                format!(" by {} — v to enter them", clock_text(late)),
                t.warn,
            ),
        ]));
    }
    if let Some(p) = s.audio_pause(now) {
        lines.push(Line::from(Span::styled(
            format!(
                "   Alarm sound paused {} — {} (z resumes)",
                clock_text(p.until.since(now)),
                p.reason
            ),
            t.warn,
        )));
    }
    lines
}
