//! Results of actions (start, restart, cancel, recover) and dry-run plans.

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::fmt::Write;

use crate::execute::{ActionResult, Outcome};
use crate::plan::Planned;

pub fn summary(results: &[ActionResult]) -> BTreeMap<&'static str, usize> {
    Outcome::ALL.iter().map(|o| (o.as_str(), results.iter().filter(|r| r.outcome == *o).count())).collect()
}

pub fn json(results: &[ActionResult]) -> String {
    let doc = serde_json::json!({ "results": results, "summary": summary(results) });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

pub fn table(results: &[ActionResult], color: bool) -> String {
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
            Cell::new(r.name.as_deref().or(r.k8s_name.as_deref()).unwrap_or("-")),
            Cell::new(r.action.as_str()),
            outcome,
            Cell::new(r.old_actor_id.as_deref().unwrap_or("-")),
            Cell::new(r.new_actor_id.as_deref().unwrap_or("-")),
            Cell::new(&r.message),
        ]);
    }
    super::actors::strip_margin(&t.to_string())
}

pub fn summary_line(results: &[ActionResult]) -> String {
    let parts: Vec<String> =
        summary(results).iter().filter(|(_, n)| **n > 0).map(|(o, n)| format!("{n} {o}")).collect();
    format!("{} actions: {}", results.len(), if parts.is_empty() { "none".into() } else { parts.join(", ") })
}

/// A plan with the exact steps of each action, for --dry-run.
pub fn plan_text(plan: &[(Planned, Vec<String>)]) -> String {
    let mut o = String::new();
    for (p, steps) in plan {
        let _ = writeln!(
            o,
            "{} {} ({}), class {}: {}",
            p.action.as_str(),
            p.name.as_deref().or(p.k8s_name.as_deref()).unwrap_or("-"),
            p.old_actor_id.as_deref().or(p.k8s_name.as_deref()).unwrap_or("-"),
            p.class,
            p.reason
        );
        for (i, s) in steps.iter().enumerate() {
            let _ = writeln!(o, "  {}. {s}", i + 1);
        }
    }
    let _ = writeln!(o, "dry run: nothing was changed");
    o
}

pub fn plan_json(plan: &[(Planned, Vec<String>)]) -> String {
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
pub fn plan_table(plan: &[Planned]) -> String {
    if plan.is_empty() {
        return String::new();
    }
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(["NAME", "CLASS", "ACTION", "ACTOR", "REASON"]);
    for p in plan {
        t.add_row(vec![
            p.name.as_deref().or(p.k8s_name.as_deref()).unwrap_or("-"),
            p.class.as_str(),
            p.action.as_str(),
            p.old_actor_id.as_deref().unwrap_or("-"),
            &p.reason,
        ]);
    }
    super::actors::strip_margin(&t.to_string())
}
