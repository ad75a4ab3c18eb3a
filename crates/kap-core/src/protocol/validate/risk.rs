//! Checks of the risk screen (`[risk]`): its items and their answers, a
//! threshold the points can reach, and the phases it is offered at.

use super::*;

pub(super) fn check_risk(c: &mut Checker, p: &Protocol) {
    let Some(r) = &p.risk else { return };
    let rp = KeyPath::root().at("risk");
    if !is_slug(&r.id) {
        c.err(
            rp.at("id"),
            crate::phrase!("pv-slug", kind = "protocol", id = r.id.as_str()),
        );
    }
    c.non_empty(rp.at("name"), "name", &r.name);
    c.non_empty(rp.at("licence"), "licence", &r.licence);
    c.non_empty(rp.at("source"), "source", &r.source);
    c.non_empty(rp.at("action"), "action", &r.action);
    if r.items.is_empty() {
        c.err(rp.clone(), crate::phrase!("pv-risk-no-items"));
    }
    let mut ids = HashMap::new();
    for (i, item) in r.items.iter().enumerate() {
        let ip = rp.at("item").at(i);
        if !is_slug(&item.id) {
            c.err(
                ip.at("id"),
                crate::phrase!("pv-slug", kind = "item", id = item.id.as_str()),
            );
        }
        if ids.insert(item.id.as_str(), i).is_some() {
            c.err(
                ip.at("id"),
                crate::phrase!("pv-id-twice", kind = "item", id = item.id.as_str()),
            );
        }
        check_item(c, &ip, item);
    }
    let most: u32 = r
        .items
        .iter()
        .map(|it| {
            (1..=it.answer_count() as u32)
                .map(|n| it.points_for(n))
                .max()
                .unwrap_or(0)
        })
        .sum();
    if r.positive_at == 0 {
        c.err(
            rp.at("positive_at"),
            crate::phrase!("pv-risk-positive-zero"),
        );
    } else if r.positive_at > most {
        c.err(
            rp.at("positive_at"),
            crate::phrase!("pv-risk-never-positive", at = r.positive_at, most = most),
        );
    }
    for (i, ph) in r.offer_at.iter().enumerate() {
        if !p.phases.iter().any(|x| &x.id == ph) {
            c.err(
                rp.at("offer_at").at(i),
                crate::phrase!("pv-risk-no-phase", phase = ph.as_str()),
            );
        }
    }
    for (i, l) in r.crisis_lines.iter().enumerate() {
        c.non_empty(rp.at("crisis_lines").at(i), "crisis_lines", l);
    }
}

fn check_item(c: &mut Checker, ip: &KeyPath, item: &RiskItem) {
    c.non_empty(ip.at("text"), "text", &item.text);
    if item.choices.len() == 1 {
        c.err(ip.at("choices"), crate::phrase!("pv-risk-one-choice"));
    }
    for (k, ch) in item.choices.iter().enumerate() {
        c.non_empty(ip.at("choices").at(k), "choices", ch);
    }
    let n = item.answer_count();
    if !item.points.is_empty() && item.points.len() != n {
        c.err(
            ip.at("points"),
            crate::phrase!("pv-risk-points", given = item.points.len(), answers = n),
        );
    }
    if let Some(f) = item.positive_from
        && (f == 0 || f as usize > n)
    {
        c.err(
            ip.at("positive_from"),
            crate::phrase!("pv-risk-positive-from", from = f, answers = n),
        );
    }
}
