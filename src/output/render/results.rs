//! Results of actions (start, restart, cancel, recover) and dry-run plans.

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::fmt::Write;

use super::sanitize::{clean, or_dash};
use crate::core::guard::counts;
use crate::core::model::{ActionResult, Outcome};
use crate::core::plan::Planned;

pub(crate) fn summary(results: &[ActionResult]) -> BTreeMap<&'static str, usize> {
    Outcome::ALL.iter().map(|o| (o.as_str(), results.iter().filter(|r| r.outcome == *o).count())).collect()
}

pub(crate) fn json(results: &[ActionResult]) -> String {
    let doc = serde_json::json!({ "results": results, "summary": summary(results) });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

pub(crate) fn table(results: &[ActionResult], color: bool) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(["NAME", "ACTION", "OUTCOME", "OLD ACTOR", "NEW ACTOR", "MESSAGE"]);
    for r in results {
        let outcome = Cell::new(r.outcome.as_str());
        let outcome = match (color, r.outcome) {
            (false, _) => outcome,
            (true, Outcome::Done) => outcome.fg(Color::Green),
            (true, Outcome::Skipped) => outcome.fg(Color::Yellow),
            (true, _) => outcome.fg(Color::Red),
        };
        t.add_row(vec![
            Cell::new(or_dash(r.name.as_deref().or(r.k8s_name.as_deref()))),
            Cell::new(r.action.as_str()),
            outcome,
            Cell::new(or_dash(r.old_actor_id.as_deref())),
            Cell::new(or_dash(r.new_actor_id.as_deref())),
            Cell::new(clean(&r.message)),
        ]);
    }
    super::actors::strip_margin(&t.to_string())
}

pub(crate) fn summary_line(results: &[ActionResult]) -> String {
    let parts: Vec<String> =
        summary(results).iter().filter(|(_, n)| **n > 0).map(|(o, n)| format!("{n} {o}")).collect();
    format!("{} actions: {}", results.len(), if parts.is_empty() { "none".into() } else { parts.join(", ") })
}

/// A plan with the exact steps of each action, for --dry-run.
pub(crate) fn plan_text(plan: &[(Planned, Vec<String>)]) -> String {
    let mut o = String::new();
    for (p, steps) in plan {
        let _ = writeln!(
            o,
            "{} {} ({}), class {}: {}",
            p.action.as_str(),
            or_dash(p.name.as_deref().or(p.k8s_name.as_deref())),
            or_dash(p.old_actor_id.as_deref().or(p.k8s_name.as_deref())),
            p.class,
            clean(&p.reason)
        );
        for (i, s) in steps.iter().enumerate() {
            let _ = writeln!(o, "  {}. {}", i + 1, clean(s));
        }
    }
    let _ = writeln!(o, "dry run: nothing was changed");
    o
}

pub(crate) fn plan_json(plan: &[(Planned, Vec<String>)]) -> String {
    let items: Vec<serde_json::Value> = plan
        .iter()
        .map(|(p, steps)| {
            let mut v = serde_json::to_value(p).expect("plain values");
            v["steps"] = serde_json::json!(steps);
            v
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "dry_run": true, "plan": items }))
        .expect("plain values")
        + "\n"
}

/// A plan as a table: what would be done to whom, and why.
pub(crate) fn plan_table(plan: &[Planned]) -> String {
    if plan.is_empty() {
        return String::new();
    }
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(["NAME", "CLASS", "ACTION", "ACTOR", "REASON"]);
    for p in plan {
        t.add_row(vec![
            or_dash(p.name.as_deref().or(p.k8s_name.as_deref())),
            p.class.as_str().into(),
            p.action.as_str().into(),
            or_dash(p.old_actor_id.as_deref()),
            clean(&p.reason),
        ]);
    }
    super::actors::strip_margin(&t.to_string())
}

fn reset_message(cleared: bool) -> &'static str {
    if cleared {
        "quarantine or hold cleared: sweeps repair it again"
    } else {
        "not quarantined: nothing to clear"
    }
}

/// `reset-failed -o json`: `(k8s_name, cleared)` per instance.
pub(crate) fn reset_json(rows: &[(&str, bool)]) -> String {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|(k8s, cleared)| serde_json::json!({"k8s_name": k8s, "cleared": cleared, "message": reset_message(*cleared)}))
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "results": rows })).expect("plain values") + "\n"
}

pub(crate) fn reset_text(rows: &[(&str, bool)]) -> String {
    if rows.is_empty() {
        return "no quarantined instances\n".into();
    }
    rows.iter().map(|(k8s, cleared)| format!("{}  {}\n", clean(k8s), reset_message(*cleared))).collect()
}

/// A bulk dry run as a table, with its counts.
pub(crate) fn dry_run_table(plan: &[Planned]) -> String {
    plan_table(plan) + &format!("dry run: {}; nothing was changed\n", counts(plan))
}

/// The workers are down: why recover refuses, or that `--force` goes ahead.
pub(crate) fn workers_down_note(diagnosis: &str, force: bool) -> String {
    if force {
        format!("WARNING: {diagnosis}; going ahead because of --force")
    } else {
        format!("actorctl: {diagnosis}")
    }
}
