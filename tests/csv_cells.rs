//! The long CSV table's cells are data, whatever the language kap speaks
//! (this binary switches it, so it holds this test alone).

mod common;

/// The long table's cells are data: a number is a number with its unit
/// apart, a rating its value, yes/no `true`/`false`, whatever the
/// language; an answer written twice keeps its first version as
/// `replaced`; a no-music check-in is a row.
#[test]
fn the_long_table_holds_numbers_booleans_every_version_and_check_ins() {
    use common::session::{H, into_infusion};
    use kap::protocol::values::Value as V;
    use kap::session::Event;
    let mut h = H::new("montreal.toml", 2);
    h.ok(Event::Answered {
        prompt: "life-events".into(),
        text: "first".into(),
    });
    h.wait(1);
    h.ok(Event::Answered {
        prompt: "life-events".into(),
        text: "second".into(),
    });
    for (prompt, value) in [
        ("concentration-given", V::Number(1.5)),
        ("dissociation", V::Scale(3)),
        ("fasting", V::YesNo(true)),
    ] {
        h.ok(Event::Recorded {
            prompt: prompt.into(),
            value,
        });
    }
    into_infusion(&mut h);
    h.wait(5);
    h.ok(Event::CheckedIn { note: None });
    {
        let csv = kap::record::csv::long(&h.s, "rec", &Default::default());
        let cells = |name: &str| -> Vec<Vec<String>> {
            csv.lines()
                .filter(|l| l.split(',').nth(5) == Some(name))
                .map(|l| l.split(',').map(str::to_string).collect())
                .collect()
        };
        let life = cells("life-events");
        assert_eq!(life.len(), 2, "{csv}");
        assert_eq!(
            (life[0][6].as_str(), life[0][13].as_str()),
            ("first", "replaced")
        );
        assert_eq!(
            (life[1][6].as_str(), life[1][13].as_str()),
            ("second", "current")
        );
        let conc = &cells("concentration-given")[0];
        assert_eq!(
            (conc[6].as_str(), conc[7].as_str()),
            ("1.5", "mg/mL"),
            "{csv}"
        );
        assert_eq!(cells("dissociation")[0][6], "3", "{csv}");
        assert_eq!(cells("fasting")[0][6], "true", "{csv}");
        assert_eq!(cells("no-music")[0][4], "check-in", "{csv}");
    }
}
