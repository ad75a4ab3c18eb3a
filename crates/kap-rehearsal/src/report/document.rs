//! The trainee report as one document (`trainee-report.md`, and the
//! analysis of `trainee-report.html`), and its one-line summary. Text is
//! passed as written: the renderer escapes it.

use super::phases::Pace;
use super::{Report, Status, t};
use crate::record::doc::{Doc, Inline};

impl Report {
    /// One-paragraph summary.
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        if let Some(v) = &self.visit {
            let mut out = v.summary(self, lang);
            if let Some(e) = &self.early_end {
                out.push(' ');
                out.push_str(&crate::say!(lang, "rep-summary-early", at = t(e.at, lang)));
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
        let mut out = crate::say!(
            lang,
            "rep-summary",
            on_time = on_time,
            prompts = self.prompts.len(),
            worst = t(worst, lang),
            missed_prompts = missed_prompts,
            acked = acked,
            alerts = self.alerts.len(),
            disagreements = self.disagreements.len(),
            skips = self.skips.len(),
            missed = missed_events
        );
        out.push(' ');
        out.push_str(&crate::say!(
            lang,
            "rep-summary-expected",
            done = count(|s| matches!(s, Status::Done { .. })),
            late = count(|s| matches!(s, Status::Late { .. })),
            not_done = count(|s| matches!(s, Status::NotDone)),
            speed = self.speed_text(lang)
        ));
        let short = self
            .phase_times
            .iter()
            .filter(|p| p.pace == Pace::Short)
            .count();
        if short > 0 {
            out.push(' ');
            out.push_str(&crate::say!(lang, "rep-summary-short", count = short));
        }
        if let Some(e) = &self.early_end {
            out.push(' ');
            out.push_str(&crate::say!(lang, "rep-summary-early", at = t(e.at, lang)));
        }
        out
    }

    /// What was rehearsed, and where its times count from.
    pub fn intro(&self, lang: crate::i18n::Lang) -> String {
        let (protocol, session) = (self.protocol.clone(), self.session);
        match (&self.visit, self.closed) {
            (Some(v), closed) => crate::say!(
                lang,
                "rep-visit-intro",
                protocol = protocol,
                visit = v.kind.label().say(lang),
                session = session,
                closed = if closed { "yes" } else { "no" }
            ),
            (None, true) => crate::say!(lang, "rep-intro", protocol = protocol, session = session),
            (None, false) => crate::say!(
                lang,
                "rep-intro-not-closed",
                protocol = protocol,
                session = session
            ),
        }
    }

    /// "×10" or "×10, ×30": the clock speed(s) the run used.
    pub fn speed_text(&self, lang: crate::i18n::Lang) -> String {
        if self.speeds.is_empty() {
            return crate::say!(lang, "rep-speed-unknown");
        }
        self.speeds
            .iter()
            .map(|s| format!("×{}", t(*s, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How one expectation went, in words.
    pub fn status_text(&self, s: Status, lang: crate::i18n::Lang) -> String {
        match s {
            Status::Done { at } => crate::say!(lang, "rep-status-done", at = t(at, lang)),
            Status::Late { at, by } => crate::say!(
                lang,
                "rep-status-late",
                at = t(at, lang),
                by = t(by, lang),
                speed = self.speed_text(lang)
            ),
            Status::NotDone => crate::say!(lang, "rep-status-not-done"),
            Status::NotReached => crate::say!(lang, "rep-status-not-reached"),
            Status::NotApplicable => crate::say!(lang, "rep-status-not-applicable"),
        }
    }

    /// The whole report as a document: the banner, what was rehearsed at
    /// what speed, the summary, then the analysis.
    pub fn doc(&self, lang: crate::i18n::Lang) -> Doc {
        let mut d = Doc::default();
        d.banner(Inline::strong(crate::say!(lang, "rep-banner")));
        d.heading(
            1,
            crate::say!(
                lang,
                "rep-title",
                scenario = self.scenario.clone(),
                seed = self.seed.to_string()
            ),
        );
        d.para(self.intro(lang));
        d.para(if self.visit.is_some() {
            crate::say!(lang, "rep-visit-speed", speeds = self.speed_text(lang))
        } else {
            crate::say!(lang, "rep-speed", speeds = self.speed_text(lang))
        });
        d.para(
            Inline::strong(crate::say!(lang, "rep-summary-label"))
                .then(" ")
                .then(self.summary(lang)),
        );
        d.append(self.analysis_doc(lang));
        d
    }

    /// The report as Markdown (`trainee-report.md`).
    pub fn markdown(&self, lang: crate::i18n::Lang) -> String {
        self.doc(lang).markdown()
    }

    /// The scoring, from the early end to the pauses: the report's body,
    /// and the HTML page's analysis.
    pub fn analysis_doc(&self, lang: crate::i18n::Lang) -> Doc {
        let mut d = Doc::default();
        if let Some((id, at)) = &self.branched {
            d.para(crate::say!(
                lang,
                "rep-branched",
                source = id.clone(),
                at = t(*at, lang)
            ));
        }
        self.early_end_doc(&mut d, lang);
        if let Some(v) = &self.visit {
            // A visit: what it asked, its notes, its steps; no dose.
            if !self.expected.is_empty() {
                self.expected_doc(&mut d, lang);
            }
            v.asked_doc(&mut d, lang);
            self.phase_times_doc(&mut d, lang);
            self.notes_doc(&mut d, lang);
            self.injections_doc(&mut d, lang);
            list_doc(&mut d, crate::say!(lang, "rep-h-skips"), &self.skips, lang);
            return d;
        }
        self.expected_doc(&mut d, lang);
        self.prompts_doc(&mut d, lang);
        self.alerts_doc(&mut d, lang);
        list_doc(
            &mut d,
            crate::say!(lang, "rep-h-disagreements"),
            &self.disagreements,
            lang,
        );
        self.truth_doc(&mut d, lang);
        self.events_doc(&mut d, lang);
        self.phase_times_doc(&mut d, lang);
        self.notes_doc(&mut d, lang);
        self.states_doc(&mut d, lang);
        self.injections_doc(&mut d, lang);
        list_doc(&mut d, crate::say!(lang, "rep-h-skips"), &self.skips, lang);
        list_doc(
            &mut d,
            crate::say!(lang, "rep-h-pauses"),
            &self.pauses,
            lang,
        );
        d
    }

    /// The scenario's events, each with the response it expected.
    fn events_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "rep-h-events"));
        if self.events.is_empty() {
            d.para(crate::say!(lang, "rep-none-reached"));
        }
        for e in &self.events {
            let mut line = crate::say!(
                lang,
                "rep-event-at",
                at = t(e.minute, lang),
                text = e.text.clone()
            );
            if let (Some(x), Some(s)) = (&e.expected, e.status) {
                line.push_str(" — ");
                line.push_str(&crate::say!(
                    lang,
                    "rep-expected-status",
                    what = x.clone(),
                    status = self.status_text(s, lang)
                ));
            }
            d.item(line);
        }
    }

    /// Where the patient's true values went past the alert limits, and
    /// what was recorded meanwhile.
    fn truth_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        if self.truth.is_empty() {
            return;
        }
        d.heading(2, crate::say!(lang, "rep-h-truth"));
        d.para(crate::say!(lang, "rep-truth-intro"));
        if self.excursions.is_empty() {
            d.para(crate::say!(lang, "rep-truth-none"));
        }
        for e in &self.excursions {
            let unit = |v: String| format!("{v} {}", e.metric.unit());
            let recorded = if e.recorded.is_empty() {
                crate::say!(lang, "rep-truth-not-recorded")
            } else {
                let values: Vec<String> = e
                    .recorded
                    .iter()
                    .map(|(at, v)| {
                        crate::say!(
                            lang,
                            "rep-truth-value-at",
                            value = unit(v.to_string()),
                            at = t(*at, lang)
                        )
                    })
                    .collect();
                crate::say!(lang, "rep-truth-recorded", values = values.join(", "))
            };
            let (measure, limit) = (e.metric.label().say(lang), unit(t(e.limit, lang)));
            let (from, to, extreme) = (t(e.from, lang), t(e.to, lang), unit(e.extreme.to_string()));
            d.item(if e.above {
                crate::say!(
                    lang,
                    "rep-truth-above",
                    measure = measure,
                    limit = limit,
                    from = from,
                    to = to,
                    extreme = extreme,
                    recorded = recorded
                )
            } else {
                crate::say!(
                    lang,
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
    fn prompts_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "rep-h-prompts"));
        if self.prompts.is_empty() {
            d.para(crate::say!(lang, "rep-no-prompts"));
            return;
        }
        let rows = self
            .prompts
            .iter()
            .map(|p| {
                let (answered, late) = match p.status {
                    Status::Done { at } => (t(at, lang), crate::say!(lang, "rep-on-time")),
                    Status::Late { at, by } => (t(at, lang), format!("{} min", t(by, lang))),
                    _ => (
                        crate::say!(lang, "rep-not-answered"),
                        crate::say!(lang, "rep-status-not-done"),
                    ),
                };
                let due = format!("{}–{}", t(p.due_from, lang), t(p.due_until, lang));
                vec![due.into(), answered.into(), late.into()]
            })
            .collect();
        d.table(
            head([
                crate::say!(lang, "rep-col-due"),
                crate::say!(lang, "rep-col-answered"),
                crate::say!(lang, "rep-col-late"),
            ]),
            rows,
        );
    }

    /// Each alert with its acknowledgement, action and how its handling
    /// was judged.
    fn alerts_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "sum-h-alerts"));
        if self.alerts.is_empty() {
            d.para(crate::say!(lang, "rep-none-raised"));
        }
        for a in &self.alerts {
            let acknowledged = match a.acknowledged {
                Some(k) => crate::say!(
                    lang,
                    "rep-acknowledged-after",
                    minutes = t(((k - a.raised) * 10.0).round() / 10.0, lang)
                ),
                None => crate::say!(lang, "sum-not-acknowledged"),
            };
            let action = match &a.action {
                Some(x) => format!("; {}", crate::say!(lang, "rep-action", action = x.clone())),
                None if a.acknowledged.is_some() => {
                    format!("; {}", crate::say!(lang, "rep-no-action"))
                }
                None => String::new(),
            };
            let alert = crate::say!(
                lang,
                "rep-alert",
                id = a.id,
                at = t(a.raised, lang),
                what = a.headline.clone()
            );
            d.item(format!("{alert} — {acknowledged}{action}"));
            let how: Vec<String> = self
                .expected
                .iter()
                .filter(|e| e.alert == Some(a.id))
                .map(|e| format!("{} — {}", e.what, self.status_text(e.status, lang)))
                .collect();
            d.sub(crate::i18n::labelled_in(
                lang,
                &crate::say!(lang, "rep-priority", priority = a.priority.word().say(lang)),
                &how.join("; "),
            ));
        }
    }

    fn early_end_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        let Some(e) = &self.early_end else { return };
        d.heading(2, crate::say!(lang, "rep-h-early"));
        d.para(crate::say!(lang, "rep-early-at", at = t(e.at, lang)));
        if let Some(r) = &e.abandoned {
            d.item(crate::say!(lang, "rep-early-abandoned", reason = r.clone()));
        }
        if e.dosing_unfinished {
            d.item(crate::say!(lang, "rep-early-dosing"));
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
                "phases" => crate::say!(lang, "rep-early-phases", items = items),
                "prompts" => crate::say!(lang, "rep-early-prompts", items = items),
                _ => crate::say!(lang, "rep-early-events", items = items),
            });
        }
    }

    fn expected_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "rep-h-expected"));
        if self.expected.is_empty() {
            d.para(crate::say!(lang, "rep-none"));
            return;
        }
        let rows = self
            .expected
            .iter()
            .map(|e| {
                let due = e
                    .window
                    .map_or(crate::say!(lang, "rep-due-phase"), |(a, b)| {
                        format!("{}–{}", t(a, lang), t(b, lang))
                    });
                vec![
                    e.what.clone().into(),
                    due.into(),
                    self.status_text(e.status, lang).into(),
                ]
            })
            .collect();
        d.table(
            head([
                crate::say!(lang, "rep-col-expected"),
                crate::say!(lang, "rep-col-due"),
                crate::say!(lang, "rep-col-status"),
            ]),
            rows,
        );
    }

    fn phase_times_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        if self.phase_times.is_empty() {
            return;
        }
        d.heading(2, crate::say!(lang, "rep-h-phase-times"));
        for p in &self.phase_times {
            let pace = match p.pace {
                Pace::Short => crate::say!(lang, "rep-pace-short"),
                Pace::Within => crate::say!(lang, "rep-pace-within"),
                Pace::Long => crate::say!(lang, "rep-pace-long"),
                Pace::Unfinished => crate::say!(lang, "rep-pace-unfinished"),
            };
            d.item(crate::say!(
                lang,
                "rep-phase-time",
                phase = p.title.clone(),
                minutes = t(p.minutes, lang),
                min = p.target.0,
                max = p.target.1,
                pace = pace
            ));
        }
    }

    fn notes_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        d.heading(2, crate::say!(lang, "rep-h-notes"));
        if self.notes.is_empty() {
            d.para(crate::say!(lang, "rep-none"));
            return;
        }
        let rows = self
            .notes
            .iter()
            .map(|n| {
                vec![
                    t(n.at, lang).into(),
                    crate::session::event::tag_labels(&n.tags).say(lang).into(),
                    n.text.clone().into(),
                ]
            })
            .collect();
        d.table(
            head([
                crate::say!(lang, "rep-col-min"),
                crate::say!(lang, "rep-col-tags"),
                crate::say!(lang, "rep-col-note"),
            ]),
            rows,
        );
    }

    fn injections_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        if self.injections.is_empty() {
            return;
        }
        d.heading(2, crate::say!(lang, "rep-h-injections"));
        for i in &self.injections {
            d.item(match &i.named {
                Some(n) => crate::say!(
                    lang,
                    "rep-injection-named",
                    at = t(i.minute, lang),
                    what = i.text.clone(),
                    named = n.clone()
                ),
                None => crate::say!(
                    lang,
                    "rep-injection",
                    at = t(i.minute, lang),
                    what = i.text.clone()
                ),
            });
        }
    }

    fn states_doc(&self, d: &mut Doc, lang: crate::i18n::Lang) {
        if self.states.is_empty() {
            return;
        }
        d.heading(2, crate::say!(lang, "rep-h-states"));
        let path: Vec<String> = self
            .states
            .iter()
            .map(|s| {
                crate::say!(
                    lang,
                    "rep-state-entered",
                    state = s.id.clone(),
                    at = t(s.at, lang)
                )
            })
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
fn list_doc(d: &mut Doc, heading: String, items: &[String], lang: crate::i18n::Lang) {
    d.heading(2, heading);
    if items.is_empty() {
        d.para(crate::say!(lang, "rep-none"));
    }
    for i in items {
        d.item(i.clone());
    }
}
