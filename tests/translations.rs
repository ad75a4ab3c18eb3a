//! Translated protocols and scenarios (issue #20) cannot drift clinically
//! from their English originals.
//!
//! A translation is a file named `<base>.<language>.toml` beside its
//! original `<base>.toml`, in `protocols/` or `scenarios/`. Both are parsed as
//! plain TOML and walked in parallel:
//!
//! - the same tables with the same keys, arrays of the same length, the same
//!   value types; the only key a translation may add is `[protocol]
//!   language`, and it must name the file's language;
//! - every integer, float, boolean and datetime equal;
//! - every string equal, unless its key is one of [`TRANSLATABLE`]. So ids
//!   and every reference to one (`id`, `prompt`, `vitals`, `metric`, `kind`,
//!   `role`, `route`, `priority`, `when`, `prompted`, `continuous`, a
//!   scenario's `protocol`), the `[site] values` key paths (`values`), codes
//!   (`system`, `code`), `unit`, `version`, the bibliographic `citation` and
//!   `doi`, and `expect_note_tag` (it names one of kap's quick note tags,
//!   which are English) can never change — and neither can any key added to
//!   the format later until it is put on the list;
//! - a translatable string may differ, but the numbers written in it (digit
//!   runs; a point or comma between digits joins them, so `0,5` reads as
//!   `0.5`) must be the same numbers in the same order as in the original.
//!   There is no exception list: none has been needed.
//!
//! Besides, the lines that say `SITE MUST REVIEW` are the same lines (same
//! count, same TOML code before the comment, in order), every translated
//! protocol loads with `kap::protocol::load_file` and declares its language,
//! and every translated scenario loads.

use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// Keys whose string values are words a clinician reads, and so may be
/// translated. Every other string must stay byte for byte the original's.
const TRANSLATABLE: &[&str] = &[
    "name",
    "short_name",
    "population",
    "summary",
    "title",
    "guidance",
    "text",
    "help",
    "label",
    "reason",
    "action",
    "choices",
    "indications",
    "topics",
    "examples",
    "concomitant_psychotherapy",
    "description",
    "source",
    "licence",
    "crisis_lines",
];

/// The languages translations are written in (kap's, besides English).
const LANGUAGES: &[&str] = &["fr-CA", "pt-BR"];

/// The translations issue #20 asks for; more may exist, and are checked too.
const EXPECTED: &[&str] = &[
    "protocols/montreal.fr-CA.toml",
    "protocols/palliative.pt-BR.toml",
    "scenarios/montreal-hypertensive.fr-CA.toml",
    "scenarios/montreal-uneventful.fr-CA.toml",
    "scenarios/palliative-s1-uneventful.pt-BR.toml",
    "scenarios/palliative-s2-distress-nausea.pt-BR.toml",
];

const MARKER: &str = "SITE MUST REVIEW";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A translation, its original and its language.
struct Pair {
    original: PathBuf,
    translation: PathBuf,
    language: &'static str,
}

/// Every `<base>.<language>.toml` in `dir`, with its `<base>.toml`.
fn pairs_in(dir: &str) -> Vec<Pair> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(root().join(dir)).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        for lang in LANGUAGES {
            if let Some(base) = name.strip_suffix(&format!(".{lang}.toml")) {
                let original = path.with_file_name(format!("{base}.toml"));
                assert!(
                    original.is_file(),
                    "{} has no original {}",
                    path.display(),
                    original.display()
                );
                v.push(Pair {
                    original,
                    translation: path.clone(),
                    language: lang,
                });
            }
        }
    }
    v.sort_by(|a, b| a.translation.cmp(&b.translation));
    v
}

fn all_pairs() -> Vec<Pair> {
    let mut v = pairs_in("protocols");
    v.extend(pairs_in("scenarios"));
    for f in EXPECTED {
        assert!(
            v.iter().any(|p| p.translation == root().join(f)),
            "{f} is missing"
        );
    }
    v
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// The numbers written in a string, in order: runs of ASCII digits, joined
/// across a `.` or `,` that has a digit on each side; a comma reads as a
/// point. "0,3–0,5 mg/kg" and "0.3–0.5 mg/kg" both give ["0.3", "0.5"];
/// "§3.2.2" gives ["3.2.2"]; "180/110" gives ["180", "110"].
fn numbers(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if (c == '.' || c == ',')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            cur.push('.');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "string",
        Value::Integer(_) => "integer",
        Value::Float(_) => "float",
        Value::Boolean(_) => "boolean",
        Value::Datetime(_) => "datetime",
        Value::Array(_) => "array",
        Value::Table(_) => "table",
    }
}

/// Walks an original and its translation together, collecting every way the
/// translation differs other than in its words.
struct Walk<'a> {
    pair: &'a Pair,
    problems: Vec<String>,
}

impl Walk<'_> {
    fn problem(&mut self, at: &str, what: String) {
        self.problems
            .push(format!("{} at {at}: {what}", rel(&self.pair.translation)));
    }

    fn table(&mut self, at: &str, orig: &Table, tr: &Table) {
        for (k, o) in orig {
            let here = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            match tr.get(k) {
                Some(t) => self.value(&here, k, o, t),
                None => self.problem(&here, "missing in the translation".into()),
            }
        }
        for (k, t) in tr {
            if orig.contains_key(k) {
                continue;
            }
            if at == "protocol" && k == "language" {
                if t.as_str() != Some(self.pair.language) {
                    self.problem(
                        "protocol.language",
                        format!("{t:?} but the file is {}", self.pair.language),
                    );
                }
                continue;
            }
            let here = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            self.problem(&here, "not in the original".into());
        }
    }

    /// `key` is the name of the nearest key above (array items take their
    /// array's key), which decides whether a string may be translated.
    fn value(&mut self, at: &str, key: &str, o: &Value, t: &Value) {
        match (o, t) {
            (Value::Table(o), Value::Table(t)) => self.table(at, o, t),
            (Value::Array(o), Value::Array(t)) => {
                if o.len() != t.len() {
                    self.problem(
                        at,
                        format!("{} items, the original has {}", t.len(), o.len()),
                    );
                }
                for (i, (o, t)) in o.iter().zip(t).enumerate() {
                    self.value(&format!("{at}[{i}]"), key, o, t);
                }
            }
            (Value::String(o), Value::String(t)) => {
                if TRANSLATABLE.contains(&key) {
                    let (no, nt) = (numbers(o), numbers(t));
                    if no != nt {
                        self.problem(
                            at,
                            format!("numbers {nt:?} in {t:?}, the original has {no:?} in {o:?}"),
                        );
                    }
                } else if o != t {
                    self.problem(
                        at,
                        format!("{t:?}, but `{key}` is not translated: the original has {o:?}"),
                    );
                }
            }
            (Value::Integer(a), Value::Integer(b)) if a == b => {}
            (Value::Float(a), Value::Float(b)) if a == b => {}
            (Value::Boolean(a), Value::Boolean(b)) if a == b => {}
            (Value::Datetime(a), Value::Datetime(b)) if a == b => {}
            _ if kind(o) != kind(t) => {
                self.problem(at, format!("a {}, the original has a {}", kind(t), kind(o)))
            }
            _ => self.problem(at, format!("{t:?}, the original has {o:?}")),
        }
    }
}

fn parse(path: &Path) -> (String, Table) {
    let text = std::fs::read_to_string(path).unwrap();
    let table = text
        .parse::<Table>()
        .unwrap_or_else(|e| panic!("{}: {e}", rel(path)));
    (text, table)
}

/// Every difference between a translation and its original that is not a
/// matter of words; empty when the translation is faithful.
fn drift(pair: &Pair, original: &str, translation: &str) -> Vec<String> {
    let o: Table = original.parse().unwrap();
    let t: Table = match translation.parse() {
        Ok(t) => t,
        Err(e) => return vec![format!("{}: {e}", rel(&pair.translation))],
    };
    let mut w = Walk {
        pair,
        problems: Vec::new(),
    };
    w.table("", &o, &t);
    let (mo, mt) = (marked_lines(original), marked_lines(translation));
    if mo != mt {
        w.problems.push(format!(
            "{}: the lines marked {MARKER} differ from the original's:\n  original:    {mo:?}\n  translation: {mt:?}",
            rel(&pair.translation)
        ));
    }
    w.problems
}

/// The TOML code (before any comment) of each line that says SITE MUST
/// REVIEW, in order: the translation marks the same values, and says it as
/// often in its prose comments.
fn marked_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains(MARKER))
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn numbers_are_read_the_same_in_every_language() {
    assert_eq!(numbers("0,3–0,5 mg/kg"), numbers("0.3–0.5 mg/kg"));
    assert_eq!(numbers("10–15 min"), ["10", "15"]);
    assert_eq!(numbers("10 à 15 min"), ["10", "15"]);
    assert_eq!(numbers("Montréal §2.2.3–2.2.5"), ["2.2.3", "2.2.5"]);
    assert_eq!(numbers("180/110, puis 5 min."), ["180", "110", "5"]);
    assert_eq!(numbers("SpO₂ 90–92 %"), ["90", "92"]);
    assert!(numbers("aucun").is_empty());
}

#[test]
fn translations_match_their_originals_in_everything_but_words() {
    let mut problems = Vec::new();
    for pair in all_pairs() {
        let (original, _) = parse(&pair.original);
        let (translation, _) = parse(&pair.translation);
        problems.extend(drift(&pair, &original, &translation));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn translated_protocols_load_and_say_their_language() {
    for pair in pairs_in("protocols") {
        let l = kap::protocol::load_file(&pair.translation).unwrap_or_else(|d| {
            let d: Vec<String> = d.iter().map(|d| d.say(kap::i18n::Lang::En)).collect();
            panic!(
                "{} does not load:\n{}",
                rel(&pair.translation),
                d.join("\n")
            )
        });
        for w in &l.warnings {
            let m = w.message.say(kap::i18n::Lang::En);
            assert!(m.starts_with("site:"), "{m}");
        }
        assert_eq!(
            l.protocol.protocol.language.as_deref(),
            Some(pair.language),
            "{}",
            rel(&pair.translation)
        );
        let o = kap::protocol::load_file(&pair.original).unwrap().protocol;
        assert_eq!(l.protocol.protocol.id, o.protocol.id);
        assert_eq!(l.protocol.protocol.version, o.protocol.version);
        assert_eq!(l.protocol.site.values, o.site.values);
    }
}

#[test]
fn translated_scenarios_load() {
    for pair in pairs_in("scenarios") {
        let sc = kap::rehearsal::scenario::load_file(&pair.translation, kap::i18n::Lang::En)
            .unwrap_or_else(|d| {
                panic!(
                    "{}: {}",
                    rel(&pair.translation),
                    d[0].say(kap::i18n::Lang::En)
                )
            });
        let o = kap::rehearsal::scenario::load_file(&pair.original, kap::i18n::Lang::En).unwrap();
        assert_eq!(sc.scenario.protocol, o.scenario.protocol);
        assert_eq!(sc.scenario.id, o.scenario.id);
    }
}

/// The check is not toothless: a number changed in a translated string, a
/// changed id, a changed figure or a lost marker is each caught.
#[test]
fn a_clinical_change_in_a_translation_is_caught() {
    let pair = all_pairs()
        .into_iter()
        .find(|p| p.translation.ends_with("montreal.fr-CA.toml"))
        .unwrap();
    let (original, _) = parse(&pair.original);
    let (good, _) = parse(&pair.translation);
    assert!(drift(&pair, &original, &good).is_empty());
    for (from, to) in [
        // A number inside words.
        (
            "si elle reste au-dessus de 120,",
            "si elle reste au-dessus de 130,",
        ),
        ("Au moins 1 h par semaine", "Au moins 2 h par semaine"),
        ("dernières 24 h", "dernières 48 h"),
        // A figure, an id, a reference to an id, a key path, a key.
        ("above = 200 ", "above = 210 "),
        ("id = \"bp-severe\"", "id = \"ta-severe\""),
        ("prompt = \"consent\"", "prompt = \"consentement\""),
        ("\"vitals.alert[6].below\",", "\"vitals.alert[6].above\","),
        ("infusion_minutes = 40", "infusion_minutes = 40.0"),
        (
            "required = false  # politique",
            "requis = false  # politique",
        ),
        // A dropped choice; a lost marker.
        ("\"Céphalée\", ", ""),
        (
            "# SITE MUST REVIEW (à valider par l'établissement)\nsource = \"établissement (valeurs d'exemple)\"",
            "\nsource = \"établissement (valeurs d'exemple)\"",
        ),
    ] {
        assert_eq!(good.matches(from).count(), 1, "{from}");
        let bad = good.replacen(from, to, 1);
        assert!(
            !drift(&pair, &original, &bad).is_empty(),
            "changing {from:?} to {to:?} went unnoticed"
        );
    }
}
