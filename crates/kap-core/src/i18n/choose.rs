//! Which language kap speaks: `--lang`, then `KAP_LANG`, then the
//! protocol's declared language, then the system locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, in POSIX order), then English.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En = 0,
    #[serde(rename = "fr-CA")]
    FrCa = 1,
    #[serde(rename = "pt-BR")]
    PtBr = 2,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::FrCa, Lang::PtBr];

    /// The BCP 47 tag, as journals and protocol files write it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::FrCa => "fr-CA",
            Lang::PtBr => "pt-BR",
        }
    }

    /// A tag or a locale name (`fr`, `fr-CA`, `fr_CA.UTF-8`, `pt_BR`,
    /// `en_US.utf8`, `C`): French of any region is Québec French and
    /// Portuguese of any region Brazilian Portuguese, the variants kap has.
    /// `None` for a language kap does not speak.
    pub fn from_tag(s: &str) -> Option<Lang> {
        let base = s.split(['.', '@']).next().unwrap_or("").trim();
        let lang = base
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" | "c" | "posix" => Some(Lang::En),
            "fr" => Some(Lang::FrCa),
            "pt" => Some(Lang::PtBr),
            _ => None,
        }
    }

    /// Whether numbers are written with a decimal comma (52,5 mL/h).
    pub fn decimal_comma(self) -> bool {
        !matches!(self, Lang::En)
    }
}

/// Where the choice came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    Protocol,
    System,
    Default,
}

/// The language chosen and why; `passed_over` names values that were set
/// but name no language kap speaks (for a notice).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub lang: Lang,
    pub origin: Origin,
    pub passed_over: Vec<String>,
}

/// Choose by the order above. `system` is the locale variables in POSIX
/// order (see [`system_locale_vars`]); empty values are skipped as unset.
pub fn choose(
    flag: Option<&str>,
    kap_lang: Option<&str>,
    protocol: Option<&str>,
    system: &[Option<String>],
) -> Choice {
    let mut passed_over = Vec::new();
    let mut candidates: Vec<(Origin, &str)> = Vec::new();
    candidates.extend(flag.map(|f| (Origin::Flag, f)));
    candidates.extend(kap_lang.map(|f| (Origin::Env, f)));
    candidates.extend(protocol.map(|f| (Origin::Protocol, f)));
    // POSIX: the first of LC_ALL, LC_MESSAGES, LANG that is set decides.
    if let Some(sys) = system.iter().flatten().find(|v| !v.trim().is_empty()) {
        candidates.push((Origin::System, sys.as_str()));
    }
    for (origin, value) in candidates {
        if value.trim().is_empty() {
            continue;
        }
        match Lang::from_tag(value) {
            Some(lang) => {
                return Choice {
                    lang,
                    origin,
                    passed_over,
                };
            }
            None => passed_over.push(value.to_string()),
        }
    }
    Choice {
        lang: Lang::En,
        origin: Origin::Default,
        passed_over,
    }
}

/// `LC_ALL`, `LC_MESSAGES` and `LANG` from the environment, in that order.
pub fn system_locale_vars() -> Vec<Option<String>> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .map(|k| std::env::var(k).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sys(v: &[&str]) -> Vec<Option<String>> {
        v.iter()
            .map(|s| (!s.is_empty()).then(|| s.to_string()))
            .collect()
    }

    #[test]
    fn the_flag_then_kap_lang_then_the_protocol_then_the_system() {
        let s = sys(&["", "", "pt_BR.UTF-8"]);
        let c = choose(Some("fr-CA"), Some("pt-BR"), Some("en"), &s);
        assert_eq!((c.lang, c.origin), (Lang::FrCa, Origin::Flag));
        let c = choose(None, Some("pt-BR"), Some("fr-CA"), &s);
        assert_eq!((c.lang, c.origin), (Lang::PtBr, Origin::Env));
        let c = choose(None, None, Some("fr-CA"), &s);
        assert_eq!((c.lang, c.origin), (Lang::FrCa, Origin::Protocol));
        let c = choose(None, None, None, &s);
        assert_eq!((c.lang, c.origin), (Lang::PtBr, Origin::System));
        let c = choose(None, None, None, &sys(&["", "", ""]));
        assert_eq!((c.lang, c.origin), (Lang::En, Origin::Default));
    }

    #[test]
    fn lc_all_wins_over_lang_and_unknown_languages_are_passed_over() {
        let c = choose(None, None, None, &sys(&["fr_CA.UTF-8", "", "en_US.UTF-8"]));
        assert_eq!(c.lang, Lang::FrCa);
        let c = choose(Some("de"), Some("xx"), None, &sys(&["", "", "pt_PT"]));
        assert_eq!((c.lang, c.origin), (Lang::PtBr, Origin::System));
        assert_eq!(c.passed_over, ["de", "xx"]);
        // A system locale kap does not speak gives English, not an error.
        let c = choose(None, None, None, &sys(&["", "", "de_DE.UTF-8"]));
        assert_eq!((c.lang, c.origin), (Lang::En, Origin::Default));
        assert_eq!(Lang::from_tag("C"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr_FR@euro"), Some(Lang::FrCa));
    }
}
