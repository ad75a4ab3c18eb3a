//! The trainee report as Markdown (`trainee-report.md`) and its one-line
//! summary.

use super::phases::Pace;
use super::{Report, Status, t};
use std::fmt::Write as _;

impl Report {
    /// One-paragraph summary.
    pub fn summary(&self) -> String {
        if let Some(v) = &self.visit {
            let mut out = v.summary(self);
            if let Some(e) = &self.early_end {
                out.push(' ');
                out.push_str(&crate::t!("rep-summary-early", at = t(e.at)));
            }
            return out;
        }
        let on_time = self.prompts.iter().filter(|p| p.status.is_done()).count();
        let worst = self
            .prompts
            .iter()
            .filter_map(|p| match p.status {
                Status::Late { by, .. } => Some(by),
                _ => None,
            })
            .fold(0.0, f64::max);
        let missed_prompts = self
            .prompts
            .iter()
            .filter(|p| p.status == Status::NotDone)
            .count();
        let acked = self
            .alerts
            .iter()
            .filter(|a| a.acknowledged.is_some())
            .count();
        let missed_events = self
            .events
            .iter()
            .filter(|e| e.status == Some(Status::NotDone))
            .count();
        let count = |f: fn(&Status) -> bool| self.expected.iter().filter(|e| f(&e.status)).count();
        let mut out = crate::t!(
            "rep-summary",
            on_time = on_time,
            prompts = self.prompts.len(),
            worst = t(worst),
            missed_prompts = missed_prompts,
            acked = acked,
            alerts = self.alerts.len(),
            disagreements = self.disagreements.len(),
            skips = self.skips.len(),
            missed = missed_events
        );
        out.push(' ');
        out.push_str(&crate::t!(
            "rep-summary-expected",
            done = count(|s| matches!(s, Status::Done { .. })),
            late = count(|s| matches!(s, Status::Late { .. })),
            not_done = count(|s| matches!(s, Status::NotDone)),
            speed = self.speed_text()
        ));
        let short = self
            .phase_times
            .iter()
            .filter(|p| p.pace == Pace::Short)
            .count();
        if short > 0 {
            out.push(' ');
            out.push_str(&crate::t!("rep-summary-short", count = short));
        }
        if let Some(e) = &self.early_end {
            out.push(' ');
            out.push_str(&crate::t!("rep-summary-early", at = t(e.at)));
        }
        out
    }

    /// What was rehearsed, and where its times count from.
    pub fn intro(&self) -> String {
        let (protocol, session) = (self.protocol.clone(), self.session);
        match (&self.visit, self.closed) {
            (Some(v), closed) => crate::t!(
                "rep-visit-intro",
                protocol = protocol,
                visit = v.kind.label(),
                session = session,
                closed = if closed { "yes" } else { "no" }
            ),
            (None, true) => crate::t!("rep-intro", protocol = protocol, session = session),
            (None, false) => crate::t!(
                "rep-intro-not-closed",
                protocol = protocol,
                session = session
            ),
        }
    }

    /// "×10" or "×10, ×30": the clock speed(s) the run used.
    pub fn speed_text(&self) -> String {
        if self.speeds.is_empty() {
            return crate::t!("rep-speed-unknown");
        }
        self.speeds
            .iter()
            .map(|s| format!("×{}", t(*s)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How one expectation went, in words.
    pub fn status_text(&self, s: Status) -> String {
        match s {
            Status::Done { at } => crate::t!("rep-status-done", at = t(at)),
            Status::Late { at, by } => crate::t!(
                "rep-status-late",
                at = t(at),
                by = t(by),
                speed = self.speed_text()
            ),
            Status::NotDone => crate::t!("rep-status-not-done"),
            Status::NotReached => crate::t!("rep-status-not-reached"),
            Status::NotApplicable => crate::t!("rep-status-not-applicable"),
        }
    }

    pub fn markdown(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "> **{}**\n", crate::t!("rep-banner"));
        let _ = writeln!(
            o,
            "# {}\n\n{}\n",
            crate::t!(
                "rep-title",
                scenario = self.scenario.clone(),
                seed = self.seed.to_string()
            ),
            self.intro()
        );
        let _ = writeln!(
            o,
            "{}\n",
            if self.visit.is_some() {
                crate::t!("rep-visit-speed", speeds = self.speed_text())
            } else {
                crate::t!("rep-speed", speeds = self.speed_text())
            }
        );
        let _ = writeln!(
            o,
            "**{}** {}\n",
            crate::t!("rep-summary-label"),
            self.summary()
        );
        o.push_str(&self.analysis_markdown());
        o
    }

    /// The scoring, from the early end to the pauses: the Markdown
    /// report's body, and the HTML page's analysis.
    pub fn analysis_markdown(&self) -> String {
        let mut o = String::new();
        if let Some((id, at)) = &self.branched {
            let _ = writeln!(
                o,
                "{}\n",
                crate::t!("rep-branched", source = id.clone(), at = t(*at))
            );
        }
        self.early_end_md(&mut o);
        if let Some(v) = &self.visit {
            // A visit: what it asked, its notes, its steps; no dose.
            if !self.expected.is_empty() {
                self.expected_md(&mut o);
            }
            v.markdown(&mut o);
            self.phase_times_md(&mut o);
            self.notes_md(&mut o);
            self.injections_md(&mut o);
            list_md(&mut o, &crate::t!("rep-h-skips"), &self.skips);
            return o;
        }
        self.expected_md(&mut o);
        self.prompts_md(&mut o);
        self.alerts_md(&mut o);
        list_md(
            &mut o,
            &crate::t!("rep-h-disagreements"),
            &self.disagreements,
        );
        self.truth_md(&mut o);
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-events"));
        if self.events.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none-reached"));
        }
        for e in &self.events {
            let _ = writeln!(
                o,
                "- {}{}",
                crate::t!("rep-event-at", at = t(e.minute), text = cell(&e.text)),
                match (&e.expected, e.status) {
                    (Some(x), Some(s)) => format!(
                        " — {}",
                        crate::t!(
                            "rep-expected-status",
                            what = x.clone(),
                            status = self.status_text(s)
                        )
                    ),
                    _ => String::new(),
                }
            );
        }
        self.phase_times_md(&mut o);
        self.notes_md(&mut o);
        self.states_md(&mut o);
        self.injections_md(&mut o);
        list_md(&mut o, &crate::t!("rep-h-skips"), &self.skips);
        list_md(&mut o, &crate::t!("rep-h-pauses"), &self.pauses);
        o
    }

    /// Where the patient's true values went past the alert limits, and
    /// what was recorded meanwhile.
    fn truth_md(&self, o: &mut String) {
        if self.truth.is_empty() {
            return;
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-truth"));
        let _ = writeln!(o, "{}\n", crate::t!("rep-truth-intro"));
        if self.excursions.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-truth-none"));
        }
        for e in &self.excursions {
            let unit = |v: String| format!("{v} {}", e.metric.unit());
            let recorded = if e.recorded.is_empty() {
                crate::t!("rep-truth-not-recorded")
            } else {
                let values: Vec<String> = e
                    .recorded
                    .iter()
                    .map(|(at, v)| {
                        crate::t!(
                            "rep-truth-value-at",
                            value = unit(v.to_string()),
                            at = t(*at)
                        )
                    })
                    .collect();
                crate::t!("rep-truth-recorded", values = values.join(", "))
            };
            let (measure, limit) = (e.metric.label(), unit(t(e.limit)));
            let (from, to, extreme) = (t(e.from), t(e.to), unit(e.extreme.to_string()));
            let line = if e.above {
                crate::t!(
                    "rep-truth-above",
                    measure = measure,
                    limit = limit,
                    from = from,
                    to = to,
                    extreme = extreme,
                    recorded = recorded
                )
            } else {
                crate::t!(
                    "rep-truth-below",
                    measure = measure,
                    limit = limit,
                    from = from,
                    to = to,
                    extreme = extreme,
                    recorded = recorded
                )
            };
            let _ = writeln!(o, "- {line}");
        }
    }

    /// The vitals prompts, each with when it was answered.
    fn prompts_md(&self, o: &mut String) {
        let _ = writeln!(o, "## {}\n", crate::t!("rep-h-prompts"));
        if self.prompts.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-no-prompts"));
        } else {
            let _ = writeln!(
                o,
                "| {} | {} | {} |\n|---|---|---|",
                crate::t!("rep-col-due"),
                crate::t!("rep-col-answered"),
                crate::t!("rep-col-late")
            );
            for p in &self.prompts {
                let (answered, late) = match p.status {
                    Status::Done { at } => (t(at), crate::t!("rep-on-time")),
                    Status::Late { at, by } => (t(at), format!("{} min", t(by))),
                    _ => (
                        crate::t!("rep-not-answered"),
                        crate::t!("rep-status-not-done"),
                    ),
                };
                let _ = writeln!(
                    o,
                    "| {}–{} | {answered} | {late} |",
                    t(p.due_from),
                    t(p.due_until),
                );
            }
        }
    }

    /// Each alert with its acknowledgement, action and how its handling
    /// was judged.
    fn alerts_md(&self, o: &mut String) {
        let _ = writeln!(o, "\n## {}\n", crate::t!("sum-h-alerts"));
        if self.alerts.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none-raised"));
        }
        for a in &self.alerts {
            let _ = writeln!(
                o,
                "- {} — {}{}",
                crate::t!(
                    "rep-alert",
                    id = a.id,
                    at = t(a.raised),
                    what = a.headline.clone()
                ),
                match a.acknowledged {
                    Some(k) => crate::t!(
                        "rep-acknowledged-after",
                        minutes = t(((k - a.raised) * 10.0).round() / 10.0)
                    ),
                    None => crate::t!("sum-not-acknowledged"),
                },
                match &a.action {
                    Some(x) => format!("; {}", crate::t!("rep-action", action = cell(x))),
                    None if a.acknowledged.is_some() => format!("; {}", crate::t!("rep-no-action")),
                    None => String::new(),
                }
            );
            let how: Vec<String> = self
                .expected
                .iter()
                .filter(|e| e.alert == Some(a.id))
                .map(|e| format!("{} — {}", e.what, self.status_text(e.status)))
                .collect();
            let _ = writeln!(
                o,
                "  - {}",
                crate::i18n::labelled(
                    &crate::t!("rep-priority", priority = a.priority.word()),
                    &how.join("; ")
                )
            );
        }
    }

    fn early_end_md(&self, o: &mut String) {
        let Some(e) = &self.early_end else { return };
        let _ = writeln!(o, "## {}\n", crate::t!("rep-h-early"));
        let _ = writeln!(o, "{}", crate::t!("rep-early-at", at = t(e.at)));
        if let Some(r) = &e.abandoned {
            let _ = writeln!(
                o,
                "- {}",
                crate::t!("rep-early-abandoned", reason = r.clone())
            );
        }
        if e.dosing_unfinished {
            let _ = writeln!(o, "- {}", crate::t!("rep-early-dosing"));
        }
        for (id, list) in [
            ("phases", &e.phases),
            ("prompts", &e.prompts),
            ("events", &e.events),
        ] {
            if list.is_empty() {
                continue;
            }
            let items = list.join("; ");
            let line = match id {
                "phases" => crate::t!("rep-early-phases", items = items),
                "prompts" => crate::t!("rep-early-prompts", items = items),
                _ => crate::t!("rep-early-events", items = items),
            };
            let _ = writeln!(o, "- {line}");
        }
        let _ = writeln!(o);
    }

    fn expected_md(&self, o: &mut String) {
        let _ = writeln!(o, "## {}\n", crate::t!("rep-h-expected"));
        if self.expected.is_empty() {
            let _ = writeln!(o, "{}\n", crate::t!("rep-none"));
            return;
        }
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            crate::t!("rep-col-expected"),
            crate::t!("rep-col-due"),
            crate::t!("rep-col-status")
        );
        for e in &self.expected {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                cell(&e.what),
                e.window
                    .map_or(crate::t!("rep-due-phase"), |(a, b)| format!(
                        "{}–{}",
                        t(a),
                        t(b)
                    )),
                self.status_text(e.status)
            );
        }
        let _ = writeln!(o);
    }

    fn phase_times_md(&self, o: &mut String) {
        if self.phase_times.is_empty() {
            return;
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-phase-times"));
        for p in &self.phase_times {
            let pace = match p.pace {
                Pace::Short => crate::t!("rep-pace-short"),
                Pace::Within => crate::t!("rep-pace-within"),
                Pace::Long => crate::t!("rep-pace-long"),
                Pace::Unfinished => crate::t!("rep-pace-unfinished"),
            };
            let _ = writeln!(
                o,
                "- {}",
                crate::t!(
                    "rep-phase-time",
                    phase = p.title.clone(),
                    minutes = t(p.minutes),
                    min = p.target.0,
                    max = p.target.1,
                    pace = pace
                )
            );
        }
    }

    fn notes_md(&self, o: &mut String) {
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-notes"));
        if self.notes.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none"));
            return;
        }
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            crate::t!("rep-col-min"),
            crate::t!("rep-col-tags"),
            crate::t!("rep-col-note")
        );
        for n in &self.notes {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                t(n.at),
                cell(&crate::session::event::tag_labels(&n.tags)),
                cell(&n.text)
            );
        }
    }

    fn injections_md(&self, o: &mut String) {
        if self.injections.is_empty() {
            return;
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-injections"));
        for i in &self.injections {
            let _ = writeln!(
                o,
                "- {}",
                match &i.named {
                    Some(n) => crate::t!(
                        "rep-injection-named",
                        at = t(i.minute),
                        what = cell(&i.text),
                        named = cell(n)
                    ),
                    None => crate::t!("rep-injection", at = t(i.minute), what = cell(&i.text)),
                }
            );
        }
    }

    fn states_md(&self, o: &mut String) {
        if self.states.is_empty() {
            return;
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-states"));
        let path: Vec<String> = self
            .states
            .iter()
            .map(|s| crate::t!("rep-state-entered", state = s.id.clone(), at = t(s.at)))
            .collect();
        let _ = writeln!(o, "{}", path.join(" → "));
    }
}

/// A section of the report that is a plain list: its heading, then each
/// item, or that there is none.
fn list_md(o: &mut String, heading: &str, items: &[String]) {
    let _ = writeln!(o, "\n## {heading}\n");
    if items.is_empty() {
        let _ = writeln!(o, "{}", crate::t!("rep-none"));
    }
    for i in items {
        let _ = writeln!(o, "- {i}");
    }
}

/// Text safe inside a Markdown table cell: one line, no column breaks.
/// Typed or file-given text as Markdown shows it literally, on one line.
pub(super) fn cell(s: &str) -> String {
    crate::record::timeline_md::md_escape(s)
}
