//! The trainee report as one document (`trainee-report.md`, and the
//! analysis of `trainee-report.html`), and its one-line summary. Text is
//! passed as written: the renderer escapes it.

use super::phases::Pace;
use super::{Report, Status, t};
use crate::record::doc::{Doc, Inline};

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
                visit = crate::i18n::say(&v.kind.label()),
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

    /// The whole report as a document: the banner, what was rehearsed at
    /// what speed, the summary, then the analysis.
    pub fn doc(&self) -> Doc {
        let mut d = Doc::default();
        d.banner(Inline::strong(crate::t!("rep-banner")));
        d.heading(
            1,
            crate::t!(
                "rep-title",
                scenario = self.scenario.clone(),
                seed = self.seed.to_string()
            ),
        );
        d.para(self.intro());
        d.para(if self.visit.is_some() {
            crate::t!("rep-visit-speed", speeds = self.speed_text())
        } else {
            crate::t!("rep-speed", speeds = self.speed_text())
        });
        d.para(
            Inline::strong(crate::t!("rep-summary-label"))
                .then(" ")
                .then(self.summary()),
        );
        d.append(self.analysis_doc());
        d
    }

    /// The report as Markdown (`trainee-report.md`).
    pub fn markdown(&self) -> String {
        self.doc().markdown()
    }

    /// The scoring, from the early end to the pauses: the report's body,
    /// and the HTML page's analysis.
    pub fn analysis_doc(&self) -> Doc {
        let mut d = Doc::default();
        if let Some((id, at)) = &self.branched {
            d.para(crate::t!("rep-branched", source = id.clone(), at = t(*at)));
        }
        self.early_end_doc(&mut d);
        if let Some(v) = &self.visit {
            // A visit: what it asked, its notes, its steps; no dose.
            if !self.expected.is_empty() {
                self.expected_doc(&mut d);
            }
            v.asked_doc(&mut d);
            self.phase_times_doc(&mut d);
            self.notes_doc(&mut d);
            self.injections_doc(&mut d);
            list_doc(&mut d, crate::t!("rep-h-skips"), &self.skips);
            return d;
        }
        self.expected_doc(&mut d);
        self.prompts_doc(&mut d);
        self.alerts_doc(&mut d);
        list_doc(
            &mut d,
            crate::t!("rep-h-disagreements"),
            &self.disagreements,
        );
        self.truth_doc(&mut d);
        self.events_doc(&mut d);
        self.phase_times_doc(&mut d);
        self.notes_doc(&mut d);
        self.states_doc(&mut d);
        self.injections_doc(&mut d);
        list_doc(&mut d, crate::t!("rep-h-skips"), &self.skips);
        list_doc(&mut d, crate::t!("rep-h-pauses"), &self.pauses);
        d
    }

    /// The scenario's events, each with the response it expected.
    fn events_doc(&self, d: &mut Doc) {
        d.heading(2, crate::t!("rep-h-events"));
        if self.events.is_empty() {
            d.para(crate::t!("rep-none-reached"));
        }
        for e in &self.events {
            let mut line = crate::t!("rep-event-at", at = t(e.minute), text = e.text.clone());
            if let (Some(x), Some(s)) = (&e.expected, e.status) {
                line.push_str(" — ");
                line.push_str(&crate::t!(
                    "rep-expected-status",
                    what = x.clone(),
                    status = self.status_text(s)
                ));
            }
            d.item(line);
        }
    }

    /// Where the patient's true values went past the alert limits, and
    /// what was recorded meanwhile.
    fn truth_doc(&self, d: &mut Doc) {
        if self.truth.is_empty() {
            return;
        }
        d.heading(2, crate::t!("rep-h-truth"));
        d.para(crate::t!("rep-truth-intro"));
        if self.excursions.is_empty() {
            d.para(crate::t!("rep-truth-none"));
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
            let (measure, limit) = (crate::i18n::say(&e.metric.label()), unit(t(e.limit)));
            let (from, to, extreme) = (t(e.from), t(e.to), unit(e.extreme.to_string()));
            d.item(if e.above {
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
            });
        }
    }

    /// The vitals prompts, each with when it was answered.
    fn prompts_doc(&self, d: &mut Doc) {
        d.heading(2, crate::t!("rep-h-prompts"));
        if self.prompts.is_empty() {
            d.para(crate::t!("rep-no-prompts"));
            return;
        }
        let rows = self
            .prompts
            .iter()
            .map(|p| {
                let (answered, late) = match p.status {
                    Status::Done { at } => (t(at), crate::t!("rep-on-time")),
                    Status::Late { at, by } => (t(at), format!("{} min", t(by))),
                    _ => (
                        crate::t!("rep-not-answered"),
                        crate::t!("rep-status-not-done"),
                    ),
                };
                let due = format!("{}–{}", t(p.due_from), t(p.due_until));
                vec![due.into(), answered.into(), late.into()]
            })
            .collect();
        d.table(
            head([
                crate::t!("rep-col-due"),
                crate::t!("rep-col-answered"),
                crate::t!("rep-col-late"),
            ]),
            rows,
        );
    }

    /// Each alert with its acknowledgement, action and how its handling
    /// was judged.
    fn alerts_doc(&self, d: &mut Doc) {
        d.heading(2, crate::t!("sum-h-alerts"));
        if self.alerts.is_empty() {
            d.para(crate::t!("rep-none-raised"));
        }
        for a in &self.alerts {
            let acknowledged = match a.acknowledged {
                Some(k) => crate::t!(
                    "rep-acknowledged-after",
                    minutes = t(((k - a.raised) * 10.0).round() / 10.0)
                ),
                None => crate::t!("sum-not-acknowledged"),
            };
            let action = match &a.action {
                Some(x) => format!("; {}", crate::t!("rep-action", action = x.clone())),
                None if a.acknowledged.is_some() => format!("; {}", crate::t!("rep-no-action")),
                None => String::new(),
            };
            let alert = crate::t!(
                "rep-alert",
                id = a.id,
                at = t(a.raised),
                what = a.headline.clone()
            );
            d.item(format!("{alert} — {acknowledged}{action}"));
            let how: Vec<String> = self
                .expected
                .iter()
                .filter(|e| e.alert == Some(a.id))
                .map(|e| format!("{} — {}", e.what, self.status_text(e.status)))
                .collect();
            d.sub(crate::i18n::labelled(
                &crate::t!(
                    "rep-priority",
                    priority = crate::i18n::say(&a.priority.word())
                ),
                &how.join("; "),
            ));
        }
    }

    fn early_end_doc(&self, d: &mut Doc) {
        let Some(e) = &self.early_end else { return };
        d.heading(2, crate::t!("rep-h-early"));
        d.para(crate::t!("rep-early-at", at = t(e.at)));
        if let Some(r) = &e.abandoned {
            d.item(crate::t!("rep-early-abandoned", reason = r.clone()));
        }
        if e.dosing_unfinished {
            d.item(crate::t!("rep-early-dosing"));
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
            d.item(match id {
                "phases" => crate::t!("rep-early-phases", items = items),
                "prompts" => crate::t!("rep-early-prompts", items = items),
                _ => crate::t!("rep-early-events", items = items),
            });
        }
    }

    fn expected_doc(&self, d: &mut Doc) {
        d.heading(2, crate::t!("rep-h-expected"));
        if self.expected.is_empty() {
            d.para(crate::t!("rep-none"));
            return;
        }
        let rows = self
            .expected
            .iter()
            .map(|e| {
                let due = e.window.map_or(crate::t!("rep-due-phase"), |(a, b)| {
                    format!("{}–{}", t(a), t(b))
                });
                vec![
                    e.what.clone().into(),
                    due.into(),
                    self.status_text(e.status).into(),
                ]
            })
            .collect();
        d.table(
            head([
                crate::t!("rep-col-expected"),
                crate::t!("rep-col-due"),
                crate::t!("rep-col-status"),
            ]),
            rows,
        );
    }

    fn phase_times_doc(&self, d: &mut Doc) {
        if self.phase_times.is_empty() {
            return;
        }
        d.heading(2, crate::t!("rep-h-phase-times"));
        for p in &self.phase_times {
            let pace = match p.pace {
                Pace::Short => crate::t!("rep-pace-short"),
                Pace::Within => crate::t!("rep-pace-within"),
                Pace::Long => crate::t!("rep-pace-long"),
                Pace::Unfinished => crate::t!("rep-pace-unfinished"),
            };
            d.item(crate::t!(
                "rep-phase-time",
                phase = p.title.clone(),
                minutes = t(p.minutes),
                min = p.target.0,
                max = p.target.1,
                pace = pace
            ));
        }
    }

    fn notes_doc(&self, d: &mut Doc) {
        d.heading(2, crate::t!("rep-h-notes"));
        if self.notes.is_empty() {
            d.para(crate::t!("rep-none"));
            return;
        }
        let rows = self
            .notes
            .iter()
            .map(|n| {
                vec![
                    t(n.at).into(),
                    crate::i18n::say(&crate::session::event::tag_labels(&n.tags)).into(),
                    n.text.clone().into(),
                ]
            })
            .collect();
        d.table(
            head([
                crate::t!("rep-col-min"),
                crate::t!("rep-col-tags"),
                crate::t!("rep-col-note"),
            ]),
            rows,
        );
    }

    fn injections_doc(&self, d: &mut Doc) {
        if self.injections.is_empty() {
            return;
        }
        d.heading(2, crate::t!("rep-h-injections"));
        for i in &self.injections {
            d.item(match &i.named {
                Some(n) => crate::t!(
                    "rep-injection-named",
                    at = t(i.minute),
                    what = i.text.clone(),
                    named = n.clone()
                ),
                None => crate::t!("rep-injection", at = t(i.minute), what = i.text.clone()),
            });
        }
    }

    fn states_doc(&self, d: &mut Doc) {
        if self.states.is_empty() {
            return;
        }
        d.heading(2, crate::t!("rep-h-states"));
        let path: Vec<String> = self
            .states
            .iter()
            .map(|s| crate::t!("rep-state-entered", state = s.id.clone(), at = t(s.at)))
            .collect();
        d.para(path.join(" → "));
    }
}

/// A table's head: its columns' words.
pub(super) fn head<const N: usize>(words: [String; N]) -> Vec<Inline> {
    words.into_iter().map(Inline::from).collect()
}

/// A section of the report that is a plain list: its heading, then each
/// item, or that there is none.
fn list_doc(d: &mut Doc, heading: String, items: &[String]) {
    d.heading(2, heading);
    if items.is_empty() {
        d.para(crate::t!("rep-none"));
    }
    for i in items {
        d.item(i.clone());
    }
}
