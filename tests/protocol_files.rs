//! Protocol files: the shipped ones load, broken ones fail with exact
//! positions and messages, and `kap protocol` behaves as documented.

use kap::protocol::{self, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

fn kap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(root())
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

#[test]
fn every_shipped_protocol_loads_and_validates() {
    let files = toml_files(&root().join("protocols"));
    assert!(
        files.len() >= 3,
        "expected at least three shipped protocols"
    );
    for f in files {
        match protocol::load_file(&f) {
            Ok(l) => {
                // The only warning allowed in a shipped file is the
                // unreviewed site sign-off, which a site must fill in.
                for w in &l.warnings {
                    let m = w.message.say(kap::i18n::Lang::En);
                    assert!(m.starts_with("site:"), "{m}");
                }
            }
            Err(d) => panic!("{} does not load:\n{}", f.display(), join(&d)),
        }
    }
}

fn join(d: &[Diagnostic]) -> String {
    d.iter()
        .map(|d| d.say(kap::i18n::Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn broken_fixtures_fail_with_exact_positions_and_messages() {
    let dir = root().join("tests/fixtures/protocols/broken");
    let files = toml_files(&dir);
    assert!(files.len() >= 10);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let expected: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(str::to_string)
            .collect();
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` lines",
            f.display()
        );
        let diags = match protocol::load_file(&f) {
            Ok(_) => panic!("{} loaded but should not", f.display()),
            Err(d) => d,
        };
        let got: Vec<String> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.short().say(kap::i18n::Lang::En))
            .collect();
        assert_eq!(got, expected, "in {}", f.display());
        for d in &diags {
            assert_eq!(d.file, f, "diagnostics name the file");
        }
    }
}

#[test]
fn minimal_fixture_is_valid_and_unreviewed_site_warns() {
    let f = root().join("tests/fixtures/protocols/minimal.toml");
    let l = protocol::load_file(&f).unwrap();
    assert!(l.warnings.is_empty());
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("reviewed_by = \"test\"\n", "");
    let l = protocol::load_str(&f, &text).unwrap();
    assert_eq!(l.warnings.len(), 1);
    assert!(
        (l.warnings[0].message)
            .say(kap::i18n::Lang::En)
            .contains("site.reviewed_by")
    );
    // What was meant, whatever the language (kap doctor counts it by id):
    // the key path, then the sign-off message.
    assert_eq!(
        l.warnings[0].message.ids(),
        vec!["diag-at", "pv-site-unreviewed"]
    );
}

#[test]
fn unreadable_and_non_text_files_get_a_clear_error() {
    let missing = root().join("tests/fixtures/protocols/does-not-exist.toml");
    let d = protocol::load_file(&missing).unwrap_err();
    let m = (d[0].message).say(kap::i18n::Lang::En);
    assert!(m.starts_with("cannot read the file"), "{m}");

    let mut bytes = b"format = 1\n[protocol]\nid = \"x".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x00]);
    let d = protocol::load_bytes(Path::new("bin.toml"), &bytes).unwrap_err();
    assert_eq!(
        (d[0].short()).say(kap::i18n::Lang::En),
        "3:8: the file is not valid UTF-8 text"
    );
}

#[test]
fn check_command_exit_codes_and_messages() {
    let ok = kap(&[
        "protocol",
        "check",
        "protocols/montreal.toml",
        "protocols/palliative.toml",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(out.contains("ok  protocols/montreal.toml"), "{out}");
    assert!(out.contains("ok  protocols/palliative.toml"), "{out}");

    let bad = kap(&[
        "protocol",
        "check",
        "protocols/montreal.toml",
        "tests/fixtures/protocols/broken/dose-above-ceiling.toml",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("tests/fixtures/protocols/broken/dose-above-ceiling.toml:24:32: error:"),
        "{err}"
    );
    assert!(err.contains("^"), "a caret points at the value: {err}");

    // A directory, a missing file and a binary file: an answer, never a panic.
    for arg in ["protocols", "nope.toml", "tests/fixtures/protocols"] {
        let out = kap(&["protocol", "check", arg]);
        assert_eq!(out.status.code(), Some(1), "{arg}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains("cannot read the file"), "{err}");
    }
}

fn show_json(file: &str) -> serde_json::Value {
    let out = kap(&["protocol", "show", file, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn show_json_carries_the_montreal_figures() {
    let j = show_json("protocols/montreal.toml");
    assert_eq!(j["format"], 1);
    assert_eq!(j["protocol"]["id"], "montreal");
    assert_eq!(j["course"]["sessions"], 6);
    let rules = j["course"]["dose_rule"].as_array().unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0]["sessions"], serde_json::json!([1, 2, 3, 4, 5, 6]));
    assert_eq!(rules[0]["route"], "iv-infusion");
    assert_eq!(rules[0]["mg_per_kg"]["min"], 0.5);
    assert_eq!(rules[0]["mg_per_kg"]["max"], 0.5);
    assert_eq!(rules[0]["infusion_minutes"], 40.0);
    // Twice weekly for two weeks, then weekly.
    let iv = j["course"]["interval"].as_array().unwrap();
    assert_eq!(iv[0]["before_sessions"], serde_json::json!([2, 3, 4]));
    assert_eq!(iv[1]["before_sessions"], serde_json::json!([5, 6]));
    assert_eq!(
        iv[1]["target_days"],
        serde_json::json!({"min": 7, "max": 7})
    );
    assert_eq!(j["course"]["goals"]["kind"], "smart-behavioural");
    assert_eq!(j["course"]["goals"]["min_count"], 3);
    // Table 5, in order.
    let roles: Vec<&str> = j["phase"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            "check-in",
            "integration",
            "intentions",
            "baseline",
            "dosing",
            "debrief",
            "preparation",
            "discharge"
        ]
    );
    let debrief = &j["phase"][5];
    assert_eq!(
        debrief["target_minutes"],
        serde_json::json!({"min": 20, "max": 30})
    );
    assert_eq!(
        j["vitals"]["interval_minutes"],
        serde_json::json!({"min": 10, "max": 15})
    );
    assert_eq!(j["vitals"]["prompted"], serde_json::json!(["bp"]));
    assert_eq!(j["vitals"]["continuous"], serde_json::json!(["hr", "spo2"]));
    assert_eq!(
        j["music"]["expected_minutes"],
        serde_json::json!({"min": 50, "max": 60})
    );
    assert_eq!(j["music"]["support"].as_array().unwrap().len(), 3);
    // The course's end is raised in the last sessions only.
    let course_end = j["phase"][0]["prompt"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "course-end")
        .unwrap();
    assert_eq!(course_end["sessions"], serde_json::json!([5, 6]));
}

#[test]
fn show_json_carries_the_palliative_figures() {
    let j = show_json("protocols/palliative.toml");
    assert_eq!(j["course"]["sessions"], 2);
    let rules = j["course"]["dose_rule"].as_array().unwrap();
    assert_eq!(rules[0]["sessions"], serde_json::json!([1]));
    assert_eq!(
        rules[0]["mg_per_kg"],
        serde_json::json!({"min": 0.3, "max": 0.5})
    );
    assert_eq!(rules[1]["sessions"], serde_json::json!([2]));
    assert_eq!(
        rules[1]["mg_per_kg"],
        serde_json::json!({"min": 0.75, "max": 1.0})
    );
    for r in rules {
        assert_eq!(r["infusion_minutes"], 40.0);
        assert_eq!(r["route"], "iv-infusion");
    }
    let iv = &j["course"]["interval"][0];
    assert_eq!(iv["min_days"], 1);
    assert_eq!(iv["target_days"], serde_json::json!({"min": 5, "max": 10}));
    assert_eq!(
        j["course"]["integration"]["within_hours"],
        serde_json::json!({"min": 24, "max": 72})
    );
    assert_eq!(j["course"]["goals"]["kind"], "goals-of-care");
    assert_eq!(j["course"]["goals"]["min_count"], 3);
}

#[test]
fn show_text_and_dose_commands() {
    let out = kap(&["protocol", "show", "protocols/palliative.toml"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("session 2: IV infusion 0.75–1 mg/kg over 40 min"),
        "{s}"
    );
    assert!(s.contains("NOT YET REVIEWED"), "{s}");

    let out = kap(&[
        "protocol",
        "dose",
        "protocols/montreal.toml",
        "--session",
        "3",
        "--weight",
        "70",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("70 kg × 0.5 mg/kg = 35 mg"), "{s}");
    assert!(s.contains("35 mL over 40 min = 52.5 mL/h"), "{s}");

    let out = kap(&[
        "protocol",
        "dose",
        "protocols/montreal.toml",
        "--session",
        "1",
        "--weight",
        "700",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a plausible adult weight"));
}

#[test]
fn version_and_help() {
    let out = kap(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("kap "));
    let out = kap(&["--help"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("not a medical device"), "{s}");
    assert!(s.contains("protocol"), "{s}");
}

/// What the papers require of a session that the shipped protocols carry
/// (Montreal §3.3, Table 5; palliative §3.1, §3.2.2, §4).
#[test]
fn the_shipped_models_carry_what_their_papers_require() {
    let load = |name: &str| {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("protocols")
            .join(name);
        kap::protocol::load_file(&p).unwrap().protocol
    };
    let (m, p) = (load("montreal.toml"), load("palliative.toml"));
    // A clinician present throughout: named at the start, required.
    for proto in [&m, &p] {
        let c = proto.course.clinician_present.as_ref().unwrap();
        assert!(c.required);
    }
    // Palliative §4: decision-making capacity assessed, and the infusion
    // waits for it.
    let (_, cap) = p.prompt("capacity").unwrap();
    assert!(cap.required && cap.source.as_deref().unwrap().contains("§4"));
    assert!(
        p.phases
            .iter()
            .flat_map(|ph| &ph.gates)
            .any(|g| g.prompt.as_deref() == Some("capacity"))
    );
    // Eyeshades in both models.
    for proto in [&m, &p] {
        assert!(proto.prompt("eyeshades").is_some(), "{}", proto.protocol.id);
    }
    // The course's end is raised in every session, not only the last.
    for proto in [&m, &p] {
        for n in 1..=proto.course.sessions {
            let raised = proto.phases.iter().flat_map(|ph| &ph.prompts).any(|pr| {
                pr.id.starts_with("course-end") && pr.applies_to(n, proto.course.sessions)
            });
            assert!(raised, "{} session {n}", proto.protocol.id);
        }
    }
}

/// Every value a shipped file marks SITE MUST REVIEW is in its
/// `[site] values`, and every listed value sits on such a line: the data
/// and the comments cannot disagree about which figures are the site's.
#[test]
fn site_set_values_are_marked_in_the_data() {
    for path in toml_files(&root().join("protocols")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let p = protocol::load_str(&path, &text).unwrap().protocol;
        let name = path.display();
        assert!(!p.site.values.is_empty(), "{name}: no [site] values");
        let line_of = |offset: usize| text[..offset].matches('\n').count();
        let mut covered = std::collections::BTreeSet::new();
        for v in &p.site.values {
            let kp = protocol::site_values::key_path(v)
                .unwrap_or_else(|| panic!("{name}: {v} is not a key path"));
            let at = protocol::locate::locate(&text, &kp).unwrap();
            let line = line_of(at);
            let src = text.lines().nth(line).unwrap();
            assert!(
                src.contains("SITE MUST REVIEW"),
                "{name}: {v} is listed as the site's, but its line does not say so: {src}"
            );
            covered.insert(line);
        }
        for (i, l) in text.lines().enumerate() {
            let code = l.split('#').next().unwrap_or("");
            if l.contains("SITE MUST REVIEW")
                && code.contains('=')
                && !l.trim_start().starts_with('#')
            {
                assert!(
                    covered.contains(&i),
                    "{name}:{}: marked SITE MUST REVIEW but not in [site] values: {l}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn show_marks_the_site_values_and_lists_them() {
    let out = kap(&["protocol", "show", "protocols/palliative.toml"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // The playlist length is the site's, not Table 2's.
    let music = text.lines().find(|l| l.starts_with("Music:")).unwrap();
    assert!(
        music.ends_with("(site sets: expected_minutes, no_music_checkin_minutes)"),
        "{music}"
    );
    assert!(
        text.contains("\n  music.expected_minutes.min = 40\n"),
        "{text}"
    );
    let out = kap(&["protocol", "show", "protocols/montreal.toml"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let twice = text
        .lines()
        .find(|l| l.contains("before session 2, 3, 4"))
        .unwrap();
    assert!(
        twice.ends_with("(site sets: min_days, max_days)"),
        "{twice}"
    );
    // The JSON form carries the list.
    let json = show_json("protocols/montreal.toml");
    let values = json["site"]["values"].as_array().unwrap();
    assert!(values.iter().any(|v| v == "course.interval[1].min_days"));
    assert!(!values.iter().any(|v| v == "music.expected_minutes.min"));
}

#[test]
fn a_listed_site_value_that_is_not_in_the_file_is_refused_at_its_place() {
    let text = std::fs::read_to_string(root().join("protocols/montreal.toml"))
        .unwrap()
        .replace(
            "  \"course.dosing.rounding_mg\",",
            "  \"course.dosing.rounding_mg\",\n  \"course.dosing.no_such_value\",",
        );
    let err = protocol::load_str(Path::new("m.toml"), &text).unwrap_err();
    let all = join(&err);
    assert!(
        all.contains("site.values[2]: site.values names \"course.dosing.no_such_value\""),
        "{all}"
    );
}
