//! The alarm banner: the highest-priority alarm in full (priority by
//! colour, mark and word, never colour alone; its state; how long it has
//! waited once it escalates), the others a line each, the rest counted,
//! and the audio pause's countdown.

use crate::session::Session;
use crate::session::alarms::{AlarmState, Escalation};
use crate::session::alerts::Alert;
use crate::session::state::{TechnicalAlarm, TechnicalKind};
use crate::tui::present::Timed;
use crate::tui::present::timed::AlarmNow;
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

/// A technical alarm in words: its title and what it is about.
pub fn technical_words(a: &TechnicalAlarm, lang: crate::i18n::Lang) -> (String, String) {
    let title = crate::say!(
        lang,
        "tech-title",
        priority = a.priority.label().say(lang),
        id = a.id
    );
    let what = match &a.kind {
        TechnicalKind::Noted(text) => text.clone(),
        TechnicalKind::NoAlarmSound(why) => {
            crate::say!(lang, "tech-no-sound-text", why = why.clone())
        }
    };
    (title, what)
}

/// The banner's one line for a technical alarm: what it is, briefly.
fn technical_brief(a: &TechnicalAlarm, lang: crate::i18n::Lang) -> String {
    match &a.kind {
        TechnicalKind::Noted(text) => text.clone(),
        TechnicalKind::NoAlarmSound(why) => {
            crate::say!(lang, "tech-no-sound-brief", why = why.clone())
        }
    }
}

/// The banner at the moment `tm` was worked out for; `show_due` adds the
/// vitals prompt when it is due (screens other than the infusion's, which
/// counts it down itself).
pub fn banner<'a>(
    t: &Theme,
    s: &'a Session,
    tm: &Timed,
    show_due: bool,
    lang: crate::i18n::Lang,
) -> Vec<Line<'a>> {
    let mut lines = risk_banner(t, s, lang);
    let waiting = tm.waiting(s);
    if let Some((a, n)) = waiting.first() {
        lines.extend(first_alarm(t, a, n, lang));
    }
    lines.extend(more_alarms(t, &waiting, lang));
    lines.extend(standing_alarms(t, &tm.standing(s), lang));
    lines.extend(technical_alarms(t, s, lang));
    lines.extend(vitals_lines(t, tm, show_due, lang));
    lines.extend(audio_pause_line(t, tm, lang));
    lines
}

/// The highest-priority alarm waiting, in full: its title, state and
/// what it is; how long it has waited once it escalates; the action and
/// the key that acknowledges it.
fn first_alarm(t: &Theme, a: &Alert, n: &AlarmNow, lang: crate::i18n::Lang) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let state = n.state;
    let esc = n.escalation;
    let mut head = style_of(t, a.priority).add_modifier(Modifier::BOLD);
    if esc != Escalation::None {
        head = head.add_modifier(Modifier::REVERSED);
    }
    let waited = n.waited;
    let mut spans = vec![
        Span::styled(
            format!(
                " {} ",
                crate::say!(
                    lang,
                    "alarm-title",
                    priority = a.priority.label().say(lang),
                    id = a.id
                )
            ),
            head,
        ),
        Span::styled(
            format!(" {} ", state.word().say(lang)),
            style_of(t, a.priority),
        ),
        Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "alarm-at",
                    what = a.headline().say(lang),
                    at = a.raised_at.hhmm()
                )
            ),
            t.warn,
        ),
    ];
    if esc != Escalation::None {
        spans.push(Span::styled(
            format!(
                "  {}",
                crate::say!(lang, "alarm-unacknowledged", waited = clock_text(waited))
            ),
            head,
        ));
    }
    lines.push(Line::from(spans));
    let latched = if state == AlarmState::Latched {
        format!(" {}", crate::say!(lang, "alarm-latched-note"))
    } else {
        String::new()
    };
    lines.push(Line::from(vec![
        Span::styled(format!("   → {}{latched}", a.action), t.text),
        Span::styled(
            format!("  [a] {}", crate::say!(lang, "alarm-ack-key")),
            t.accent,
        ),
    ]));
    lines
}

/// The next alarms waiting, a line each, the rest counted.
fn more_alarms(
    t: &Theme,
    waiting: &[(&Alert, &AlarmNow)],
    lang: crate::i18n::Lang,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (a, n) in waiting.iter().skip(1).take(MORE) {
        lines.push(Line::from(Span::styled(
            format!(
                " {} {} — {}",
                crate::say!(
                    lang,
                    "alarm-title",
                    priority = a.priority.label().say(lang),
                    id = a.id
                ),
                n.state.word().say(lang),
                a.headline().say(lang)
            ),
            style_of(t, a.priority),
        )));
    }
    if waiting.len() > 1 + MORE {
        lines.push(Line::from(Span::styled(
            format!(
                "   {}",
                crate::say!(lang, "alarm-more", count = waiting.len() - 1 - MORE)
            ),
            t.warn,
        )));
    }
    lines
}

/// Acknowledged alarms whose condition persists keep their visual
/// signal (priority mark and word, not bold), a line each, until the
/// condition ends; only the sound was silenced.
fn standing_alarms(t: &Theme, standing: &[&Alert], lang: crate::i18n::Lang) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for a in standing.iter().take(MORE) {
        lines.push(Line::from(Span::styled(
            format!(
                " {} {} — {}",
                crate::say!(
                    lang,
                    "alarm-title",
                    priority = a.priority.label().say(lang),
                    id = a.id
                ),
                crate::say!(lang, "alarm-standing"),
                a.headline().say(lang)
            ),
            style_of(t, a.priority),
        )));
    }
    if standing.len() > MORE {
        lines.push(Line::from(Span::styled(
            format!(
                "   {}",
                crate::say!(lang, "alarm-standing-more", count = standing.len() - MORE)
            ),
            t.warn,
        )));
    }
    lines
}

/// Technical alarms stay, a line each, until acknowledged (`a` takes
/// them once no patient alarm of the same or higher priority waits).
fn technical_alarms(t: &Theme, s: &Session, lang: crate::i18n::Lang) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for a in s.technical_waiting().into_iter().take(MORE) {
        let title = crate::say!(
            lang,
            "tech-title",
            priority = a.priority.label().say(lang),
            id = a.id
        );
        let what = technical_brief(a, lang);
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {title} "),
                style_of(t, a.priority).add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!(" {what}"), t.warn),
            Span::styled("  [a]", t.accent),
        ]));
    }
    lines
}

/// Vitals due and overdue, on every screen from the first dose to
/// discharge.
fn vitals_lines(
    t: &Theme,
    tm: &Timed,
    show_due: bool,
    lang: crate::i18n::Lang,
) -> Vec<Line<'static>> {
    let now = &tm.at;
    let mut lines = Vec::new();
    if let Some(d) = tm
        .vitals_due
        .as_ref()
        .filter(|d| show_due && d.state == crate::session::DueState::Due)
    {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "vitals-due-banner",
                    left = clock_text(d.until.since(now))
                )
            ),
            t.warn,
        )));
    }
    if let Some((late, esc)) = tm.vitals_overdue {
        let mut style = t.warn.add_modifier(Modifier::BOLD);
        if esc != Escalation::None {
            style = style.add_modifier(Modifier::REVERSED);
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!(" !! {} ", crate::say!(lang, "vitals-overdue-alarm")),
                style,
            ),
            Span::styled(
                format!(
                    " {}",
                    crate::say!(lang, "vitals-overdue-by", late = clock_text(late))
                ),
                t.warn,
            ),
        ]));
    }
    lines
}

/// The audio pause's countdown and reason.
fn audio_pause_line(t: &Theme, tm: &Timed, lang: crate::i18n::Lang) -> Option<Line<'static>> {
    let (p, now) = (tm.audio_pause.as_ref()?, &tm.at);
    Some(Line::from(Span::styled(
        format!(
            "   {}",
            crate::say!(
                lang,
                "alarm-sound-paused",
                left = clock_text(p.until.since(now)),
                reason = p.reason.clone()
            )
        ),
        t.warn,
    )))
}

/// A positive risk screen's alarm while it waits: its priority mark, what
/// was found and when, and the protocol's action with the key that
/// acknowledges it.
fn risk_banner<'a>(t: &Theme, s: &'a Session, lang: crate::i18n::Lang) -> Vec<Line<'a>> {
    let (Some(r), Some(def)) = (
        s.risk.alarms_waiting().first().copied(),
        s.protocol().risk.as_ref(),
    ) else {
        return Vec::new();
    };
    let head = style_of(t, def.priority).add_modifier(Modifier::BOLD);
    vec![
        Line::from(vec![
            Span::styled(format!(" {} ", def.priority.label().say(lang)), head),
            Span::styled(
                format!(
                    " {}",
                    crate::say!(
                        lang,
                        "risk-alarm-headline",
                        score = r.result.score,
                        at = r.at.hhmm()
                    )
                ),
                t.warn,
            ),
        ]),
        Line::from(vec![
            Span::styled(format!("   → {}", def.action), t.text),
            Span::styled(
                format!("  [a] {}", crate::say!(lang, "alarm-ack-key")),
                t.accent,
            ),
        ]),
    ]
}
