//! The course's rules on fixed dates: what is due or overdue under the
//! Montreal rhythm (twice a week, then weekly, maintenance every 4–6
//! months) and the palliative one (integration 24–72 h after each dose and
//! after the last), and the session-number checks (repeat, gap, early
//! maintenance, another protocol's recent dose).

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use kap::protocol::CheckAction;
use kap::session::course::Encounter;
use kap::session::course::due::{Item, Owed, Standing, due};
use kap::session::course::numbering::{NumberCheck, check, refused};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn dose(protocol: &str, session: u32, when: NaiveDateTime) -> Encounter {
    Encounter {
        protocol_id: protocol.into(),
        session,
        started: when - chrono::TimeDelta::minutes(50),
        dose_at: Some(when),
        held: true,
        visit: None,
    }
}

fn next_dose(items: &[Item]) -> (&kap::session::course::Window, Standing) {
    items
        .iter()
        .find_map(|i| match &i.owed {
            Owed::NextDose { window } => Some((window, i.standing)),
            _ => None,
        })
        .expect("a next dose is due")
}

fn course_end(items: &[Item]) -> (Option<NaiveDate>, Option<NaiveDate>, Standing) {
    items
        .iter()
        .find_map(|i| match &i.owed {
            Owed::CourseEnd { ended, latest, .. } => Some((*ended, *latest, i.standing)),
            _ => None,
        })
        .expect("the course's end is said")
}

#[test]
fn montreal_next_dose_opens_passes_its_target_and_falls_overdue() {
    let (p, _) = common::course::load("montreal.toml");
    let course = [dose("montreal", 1, at(2026, 1, 5, 10))];
    // Twice a week: from 2 days, aim 3–4, at the latest 5 (site values).
    let cases = [
        (at(2026, 1, 6, 9), Standing::Ahead),
        (at(2026, 1, 7, 9), Standing::Open),
        (at(2026, 1, 9, 9), Standing::Open),
        (at(2026, 1, 10, 9), Standing::PastTarget(1)),
        (at(2026, 1, 12, 9), Standing::Overdue(2)),
    ];
    for (now, want) in cases {
        let items = due(&p, &course, now);
        let (w, standing) = next_dose(&items);
        assert_eq!(w.session, 2);
        assert_eq!(w.earliest, day(2026, 1, 7));
        assert_eq!(w.latest, Some(day(2026, 1, 10)));
        assert_eq!(w.target, Some((day(2026, 1, 8), day(2026, 1, 9))));
        assert_eq!(standing, want, "on {now}");
        // Rolling integration: no integration window of its own.
        assert!(
            !items
                .iter()
                .any(|i| matches!(i.owed, Owed::Integration { .. }))
        );
    }
    // The course can end at the latest with every gap at its longest:
    // 3 × 5 days, then 2 × 10 days after 5 January.
    let (ended, latest, standing) = course_end(&due(&p, &course, at(2026, 1, 6, 9)));
    assert_eq!((ended, latest), (None, Some(day(2026, 2, 9))));
    assert_eq!(standing, Standing::Ahead);
    let (_, _, standing) = course_end(&due(&p, &course, at(2026, 2, 12, 9)));
    assert_eq!(standing, Standing::Overdue(3));
}

#[test]
fn montreal_after_six_sessions_the_course_ends_and_maintenance_is_due_in_4_to_6_months() {
    let (p, _) = common::course::load("montreal.toml");
    let dates = [(1, 5), (1, 8), (1, 12), (1, 15), (1, 22), (1, 29)];
    let course: Vec<_> = dates
        .iter()
        .enumerate()
        .map(|(i, (m, d))| dose("montreal", i as u32 + 1, at(2026, *m, *d, 10)))
        .collect();
    let items = due(&p, &course, at(2026, 1, 29, 14));
    assert!(
        !items
            .iter()
            .any(|i| matches!(i.owed, Owed::NextDose { .. }))
    );
    let (ended, latest, standing) = course_end(&items);
    assert_eq!((ended, latest), (Some(day(2026, 1, 29)), None));
    assert_eq!(standing, Standing::Open);
    let maintenance = |now| {
        due(&p, &course, now)
            .into_iter()
            .find_map(|i| match i.owed {
                Owed::Maintenance { window } => Some((window, i.standing)),
                _ => None,
            })
            .expect("maintenance follows the course")
    };
    let (w, s) = maintenance(at(2026, 1, 30, 9));
    assert_eq!(w.session, 7);
    assert_eq!(w.earliest, day(2026, 5, 29));
    assert_eq!(w.latest, Some(day(2026, 7, 29)));
    assert_eq!(s, Standing::Ahead);
    assert_eq!(maintenance(at(2026, 6, 1, 9)).1, Standing::Open);
    assert_eq!(maintenance(at(2026, 8, 1, 9)).1, Standing::Overdue(3));
    assert_eq!(
        course_end(&due(&p, &course, at(2026, 1, 30, 9))).2,
        Standing::Done
    );
}

fn integrations(items: &[Item]) -> Vec<(u32, NaiveDateTime, NaiveDateTime, Standing)> {
    items
        .iter()
        .filter_map(|i| match &i.owed {
            Owed::Integration {
                after, from, until, ..
            } => Some((*after, *from, *until, i.standing)),
            _ => None,
        })
        .collect()
}

#[test]
fn palliative_integration_is_due_24_to_72_hours_after_each_dose_and_after_the_last() {
    let (p, _) = common::course::load("palliative.toml");
    let first = [dose("palliative", 1, at(2026, 3, 2, 10))];
    let window = |now| integrations(&due(&p, &first, now));
    let (from, until) = (at(2026, 3, 3, 10), at(2026, 3, 5, 10));
    assert_eq!(
        window(at(2026, 3, 2, 12)),
        vec![(1, from, until, Standing::Ahead)]
    );
    assert_eq!(window(at(2026, 3, 4, 9))[0].3, Standing::Open);
    assert_eq!(window(at(2026, 3, 5, 10))[0].3, Standing::Open);
    assert_eq!(window(at(2026, 3, 5, 11))[0].3, Standing::Closed);

    // Session 2: from a day later, aim 5–10 days, no last day — past its
    // target, never overdue; the course has no latest end.
    let items = due(&p, &first, at(2026, 3, 13, 9));
    let (w, standing) = next_dose(&items);
    assert_eq!((w.earliest, w.latest), (day(2026, 3, 3), None));
    assert_eq!(standing, Standing::PastTarget(1));
    assert_eq!(course_end(&items).1, None);

    let both = [
        dose("palliative", 1, at(2026, 3, 2, 10)),
        dose("palliative", 2, at(2026, 3, 9, 10)),
    ];
    let items = due(&p, &both, at(2026, 3, 11, 9));
    assert_eq!(
        integrations(&items),
        vec![
            (1, from, until, Standing::Closed),
            (2, at(2026, 3, 10, 10), at(2026, 3, 12, 10), Standing::Open),
        ]
    );
    // The course ends with the integration window after the last dose.
    let (ended, _, standing) = course_end(&items);
    assert_eq!(ended, Some(day(2026, 3, 12)));
    assert_eq!(standing, Standing::Open);
    assert_eq!(
        course_end(&due(&p, &both, at(2026, 3, 13, 9))).2,
        Standing::Done
    );
    assert!(
        !items
            .iter()
            .any(|i| matches!(i.owed, Owed::Maintenance { .. } | Owed::NextDose { .. }))
    );
}

#[test]
fn a_course_with_no_dose_owes_its_preparation_and_its_first() {
    let (p, _) = common::course::load("palliative.toml");
    let items = due(&p, &[], at(2026, 3, 1, 9));
    assert_eq!(items.len(), 2);
    // Palliative §3.2.1: 2–3 preparation visits, none recorded yet.
    assert!(matches!(
        items[0].owed,
        Owed::Preparation {
            held: 0,
            min: 2,
            max: 3,
            ..
        }
    ));
    assert_eq!(items[0].standing, Standing::Open);
    assert_eq!(items[1].owed, Owed::FirstDose);
}

#[test]
fn the_next_session_number_passes_every_check() {
    let (p, _) = common::course::load("montreal.toml");
    let course = [
        dose("montreal", 1, at(2026, 1, 5, 10)),
        dose("montreal", 2, at(2026, 1, 8, 10)),
    ];
    assert!(check(&p, &course, &[], 3, day(2026, 1, 12)).is_empty());
    assert!(check(&p, &[], &[], 1, day(2026, 1, 12)).is_empty());
    // Nothing recorded yet: earlier sessions may predate kap's record.
    assert!(check(&p, &[], &[], 3, day(2026, 1, 12)).is_empty());
}

#[test]
fn a_repeated_session_number_is_found_with_the_day_it_was_held() {
    let (p, _) = common::course::load("montreal.toml");
    let course = [dose("montreal", 1, at(2026, 1, 5, 10))];
    let f = check(&p, &course, &[], 1, day(2026, 1, 8));
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].check,
        NumberCheck::Repeat {
            session: 1,
            held_on: day(2026, 1, 5)
        }
    );
    assert_eq!(f[0].action, CheckAction::Ask);
    assert!(!refused(&f));
}

#[test]
fn a_gap_names_the_sessions_never_held() {
    let (p, _) = common::course::load("montreal.toml");
    let course = [dose("montreal", 1, at(2026, 1, 5, 10))];
    let f = check(&p, &course, &[], 4, day(2026, 1, 8));
    assert_eq!(
        f.iter().map(|f| &f.check).collect::<Vec<_>>(),
        vec![&NumberCheck::Gap {
            session: 4,
            missing: vec![2, 3]
        }]
    );
    // An abandoned session (no dose) does not fill the gap.
    let mut abandoned = dose("montreal", 2, at(2026, 1, 8, 10));
    abandoned.held = false;
    abandoned.dose_at = None;
    let f = check(&p, &[course[0].clone(), abandoned], &[], 3, day(2026, 1, 9));
    assert!(matches!(&f[0].check, NumberCheck::Gap { missing, .. } if missing == &[2]));
}

#[test]
fn maintenance_before_the_course_ends_is_refused_by_montreal() {
    let (p, _) = common::course::load("montreal.toml");
    let course = [
        dose("montreal", 1, at(2026, 1, 5, 10)),
        dose("montreal", 2, at(2026, 1, 8, 10)),
    ];
    let f = check(&p, &course, &[], 7, day(2026, 1, 12));
    assert_eq!(
        f.iter().map(|f| &f.check).collect::<Vec<_>>(),
        vec![&NumberCheck::EarlyMaintenance {
            session: 7,
            held: 2,
            sessions: 6
        }]
    );
    // Montreal Table 6: maintenance follows the course.
    assert_eq!(f[0].action, CheckAction::Refuse);
    assert!(refused(&f));
}

#[test]
fn a_recent_dose_under_another_protocol_is_found_within_the_protocols_days() {
    let (p, _) = common::course::load("montreal.toml");
    let others = [dose("palliative", 2, at(2026, 1, 1, 10))];
    let f = check(&p, &[], &others, 1, day(2026, 1, 10));
    assert_eq!(
        f.iter().map(|f| &f.check).collect::<Vec<_>>(),
        vec![&NumberCheck::OtherProtocol {
            protocol: "palliative".into(),
            session: 2,
            on: day(2026, 1, 1),
            days: 9
        }]
    );
    assert_eq!(f[0].action, CheckAction::Ask);
    // 28 days (the file's site value) is still recent; 29 is not.
    assert_eq!(check(&p, &[], &others, 1, day(2026, 1, 29)).len(), 1);
    assert!(check(&p, &[], &others, 1, day(2026, 1, 30)).is_empty());
}

#[test]
fn a_protocol_can_refuse_a_repeat() {
    let (_, text) = common::course::load("montreal.toml");
    let text = text.replace("repeat = \"ask\"", "repeat = \"refuse\"");
    let p = kap::protocol::load_str(std::path::Path::new("m.toml"), &text)
        .unwrap()
        .protocol;
    let course = [dose("montreal", 1, at(2026, 1, 5, 10))];
    let f = check(&p, &course, &[], 1, day(2026, 1, 8));
    assert_eq!(f[0].action, CheckAction::Refuse);
    assert!(refused(&f));
}
