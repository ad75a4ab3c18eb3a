//! A rescue dose corrected in a real terminal, key by key: the real `kap`
//! binary in a pseudo-terminal, a running infusion, ondansetron given as
//! 80 mg by mistake from `M`, then corrected to 8 mg from the timeline
//! (`L`, the newest entry under the cursor, `e`, the replacement line,
//! the reason, and the reason it is still beyond the agreement); the
//! journal keeps the original and holds the correction with its reason,
//! and the screen says the dose was replaced.

mod common;

use common::pty::{ENTER, Pty, only_session, to_infusion};

#[test]
fn a_rescue_dose_given_as_80_mg_is_corrected_to_8_from_the_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "run",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "fix",
            "--session",
            "2",
            "--weight",
            "70",
            "--clinician",
            "A. Martin, RN",
        ],
        tmp.path(),
    );
    to_infusion(&mut k);
    // Ondansetron (the formulary's first) 80 mg IV for nausea: 8 was meant.
    k.send("M");
    k.wait_for("Medication", 5);
    k.send("1 80mg iv 1");
    k.send(ENTER);
    k.wait_for("Beyond the agreement — reason", 5);
    k.send("as typed");
    k.send(ENTER);
    k.wait_for("Saved at", 5);
    k.send("L");
    let s = k.wait_for("Ondansetron 80 mg IV", 5);
    // The dose's entry number (whether a failed alarm self-test was
    // recorded before it depends on the machine's sound).
    let seq: u64 = s
        .lines()
        .find_map(|l| {
            let (_, after) = l.split_once('#')?;
            let (n, rest) = after.split_once(' ')?;
            rest.starts_with("Ondansetron 80 mg")
                .then(|| n.parse().ok())?
        })
        .unwrap_or_else(|| panic!("no numbered dose in the timeline:\n{s}"));
    k.send("e");
    k.wait_for("Type the dose as in M", 5);
    k.send("1 8 iv 1");
    k.send(ENTER);
    k.wait_for("› Why the entry is corrected", 5);
    k.send("typed 80 for 8");
    k.send(ENTER);
    // 8 mg is within the formulary but no rescue medication was agreed:
    // the reason for going beyond the agreement is asked again, and only
    // that one (no longer above the formulary's most single dose).
    let s = k.wait_for("Beyond the agreement — reason", 5);
    assert!(s.contains("no rescue medication was agreed"), "{s}");
    assert!(!s.contains("most single dose"), "{s}");
    k.send("nausea, none agreed");
    k.send(ENTER);
    k.wait_for(&format!("Entry {seq} replaced; the original is kept"), 5);
    // The timeline shows the original and, after it, the correction.
    k.send("L");
    let s = k.wait_for(&format!("#{} Entry {seq} replaced", seq + 1), 5);
    assert!(
        s.contains(&format!("#{seq} Ondansetron 80 mg IV")),
        "the original stays:\n{s}"
    );
    assert!(
        s.contains("replaced — typed 80 for 8; now: Ondansetron 8 mg"),
        "the correction, its reason and the right dose:\n{s}"
    );

    let dir = only_session(&tmp.path().join("sessions"));
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let of = |kind: &str| -> Vec<serde_json::Value> {
        journal
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|l| l["event"]["type"] == kind)
            .collect()
    };
    let given = of("medication-given");
    assert_eq!(given.len(), 1, "{journal}");
    let given = &given[0];
    assert_eq!(given["seq"], seq, "{given}");
    assert_eq!(given["event"]["drug"], "ondansetron", "{given}");
    assert_eq!(given["event"]["dose"], 80.0, "the original kept: {given}");
    let fixes = of("corrected");
    assert_eq!(fixes.len(), 1, "{journal}");
    let fix = &fixes[0]["event"];
    assert_eq!(fix["entry"], seq, "it replaces the dose: {fix}");
    assert_eq!(fix["reason"], "typed 80 for 8", "{fix}");
    let with = &fix["with"];
    assert_eq!(with["type"], "medication-given", "{fix}");
    assert_eq!(with["drug"], "ondansetron", "{fix}");
    assert_eq!(with["dose"], 8.0, "the right dose: {fix}");
    assert_eq!(with["outside"], "nausea, none agreed", "{fix}");
}
