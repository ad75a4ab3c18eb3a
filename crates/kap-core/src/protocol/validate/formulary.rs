//! Checks of the site's formulary (`[[formulary]]`): ids, words, routes,
//! doses within what any drug could mean, and every figure listed in
//! `[site] values` — no paper gives a rescue drug's dose, so each is the
//! site's to set and must say so in the data.

use super::*;

/// The figures of a drug that are always the site's.
const SITE_SET: [&str; 4] = ["usual_dose", "max_dose", "max_doses", "recheck_minutes"];

pub(super) fn check_formulary(c: &mut Checker, p: &Protocol) {
    let mut ids = HashMap::new();
    for (i, d) in p.formulary.iter().enumerate() {
        let dp = KeyPath::root().at("formulary").at(i);
        if !is_slug(&d.id) {
            c.err(
                dp.at("id"),
                crate::phrase!("pv-drug-slug", id = d.id.as_str()),
            );
        }
        if ids.insert(d.id.as_str(), i).is_some() {
            c.err(
                dp.at("id"),
                crate::phrase!("pv-drug-twice", id = d.id.as_str()),
            );
        }
        c.non_empty(dp.at("name"), "name", &d.name);
        c.non_empty(dp.at("unit"), "unit", &d.unit);
        c.non_empty(dp.at("source"), "source", &d.source);
        if d.routes.is_empty() {
            c.err(dp.at("routes"), crate::phrase!("pv-empty", key = "routes"));
        }
        if d.indications.is_empty() {
            c.err(
                dp.at("indications"),
                crate::phrase!("pv-empty", key = "indications"),
            );
        }
        for (k, ind) in d.indications.iter().enumerate() {
            c.non_empty(dp.at("indications").at(k), "indications", ind);
        }
        check_doses(c, &dp, d);
        if let Some(code) = &d.code {
            c.non_empty(dp.at("code").at("system"), "code.system", &code.system);
            c.non_empty(dp.at("code").at("code"), "code.code", &code.code);
            c.non_empty(dp.at("code").at("display"), "code.display", &code.display);
        }
        for key in SITE_SET {
            let path = format!("formulary[{}].{key}", i + 1);
            if !p.site.values.contains(&path) {
                c.err(
                    dp.at(key),
                    crate::phrase!("pv-formulary-site-set", path = path),
                );
            }
        }
    }
}

fn check_doses(c: &mut Checker, dp: &KeyPath, d: &Drug) {
    let usual = c.positive(dp.at("usual_dose"), "usual_dose", d.usual_dose);
    let max = c.positive(dp.at("max_dose"), "max_dose", d.max_dose);
    c.within(
        dp.at("usual_dose"),
        "usual_dose",
        d.usual_dose,
        plausible::DRUG_DOSE,
        &d.unit,
    );
    c.within(
        dp.at("max_dose"),
        "max_dose",
        d.max_dose,
        plausible::DRUG_DOSE,
        &d.unit,
    );
    if usual && max && d.usual_dose > d.max_dose {
        c.err(
            dp.at("usual_dose"),
            crate::phrase!(
                "pv-above",
                key = "usual_dose",
                value = plausible::show(d.usual_dose),
                other = "max_dose",
                limit = plausible::show(d.max_dose)
            ),
        );
    }
    let most = plausible::MAX_DRUG_DOSES;
    c.within_u32(dp.at("max_doses"), "max_doses", d.max_doses, 1, most, "");
    let mins = plausible::MAX_RECHECK_MINUTES;
    let key = "recheck_minutes";
    c.within_u32(dp.at(key), key, d.recheck_minutes, 1, mins, "min");
}
