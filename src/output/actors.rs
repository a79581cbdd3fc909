//! `list` output: table, wide, json, jsonl; the summary line; the diagnosis.

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::classify::{Class, Diagnosis, Report, Row};
use crate::timefmt::{relative, rfc3339};

/// The JSON contract of one actor row (documented in the README).
#[derive(Debug, Serialize)]
pub struct ActorJson<'a> {
    pub name: Option<&'a str>,
    pub k8s_name: Option<&'a str>,
    pub namespace: Option<&'a str>,
    pub state: Option<&'a str>,
    pub health_status: Option<&'a str>,
    pub class: Class,
    pub actor_id: Option<&'a str>,
    pub actor_status: Option<&'a str>,
    pub last_health_check: Option<String>,
    pub actor_updated_at: Option<String>,
    pub next_timer_at: Option<String>,
    pub quarantined: bool,
    pub evidence: &'a str,
}

impl<'a> From<&'a Row> for ActorJson<'a> {
    fn from(r: &'a Row) -> Self {
        ActorJson {
            name: r.name.as_deref(),
            k8s_name: r.k8s_name.as_deref(),
            namespace: r.namespace.as_deref(),
            state: r.state.as_deref(),
            health_status: r.health_status.as_deref(),
            class: r.class,
            actor_id: r.actor_id.as_deref(),
            actor_status: r.actor_status.as_deref(),
            last_health_check: rfc3339(r.last_health_check),
            actor_updated_at: rfc3339(r.last_progress),
            next_timer_at: rfc3339(r.next_timer),
            quarantined: r.quarantined,
            evidence: &r.evidence,
        }
    }
}

/// Counts per class, every class present (zeros included).
pub fn summary(rows: &[&Row]) -> BTreeMap<&'static str, usize> {
    Class::ALL.iter().map(|c| (c.as_str(), rows.iter().filter(|r| r.class == *c).count())).collect()
}

pub fn json(rows: &[&Row], diagnosis: &Diagnosis) -> String {
    let doc = serde_json::json!({
        "actors": rows.iter().map(|r| ActorJson::from(*r)).collect::<Vec<_>>(),
        "summary": summary(rows),
        "diagnosis": diagnosis,
    });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

pub fn jsonl(rows: &[&Row]) -> String {
    rows.iter()
        .map(|r| serde_json::to_string(&ActorJson::from(*r)).expect("JSON of plain values") + "\n")
        .collect()
}

pub fn table(report: &Report, rows: &[&Row], wide: bool, headers: bool, color: bool) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    let mut head = vec!["NAME", "CLASS", "ACTOR", "HEALTH CHECK", "PROGRESS"];
    if wide {
        head.extend(["K8S NAME", "NAMESPACE", "STATE", "ACTOR ID", "NEXT TIMER"]);
    }
    head.push("EVIDENCE");
    if headers {
        t.set_header(head);
    }
    for r in rows {
        let mut cells = vec![
            Cell::new(r.name.as_deref().or(r.k8s_name.as_deref()).unwrap_or("-")),
            class_cell(r.class, r.quarantined, color),
            Cell::new(r.actor_status.as_deref().unwrap_or("-")),
            Cell::new(relative(r.last_health_check, report.now)),
            Cell::new(r.last_progress.map_or("-".into(), |p| relative(Some(p), report.now))),
        ];
        if wide {
            cells.extend([
                Cell::new(r.k8s_name.as_deref().unwrap_or("-")),
                Cell::new(r.namespace.as_deref().unwrap_or("-")),
                Cell::new(r.state.as_deref().unwrap_or("-")),
                Cell::new(r.actor_id.as_deref().unwrap_or("-")),
                Cell::new(r.next_timer.map_or("-".into(), |p| relative(Some(p), report.now))),
            ]);
        }
        cells.push(Cell::new(&r.evidence));
        t.add_row(cells);
    }
    strip_margin(&t.to_string())
}

/// The borderless preset still pads the outer cells: drop that margin.
pub fn strip_margin(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let margin = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    lines.iter().map(|l| format!("{}\n", l[margin..].trim_end())).collect()
}

/// The class, and `/quarantined` for an instance the crash-loop budget stopped.
fn class_cell(class: Class, quarantined: bool, color: bool) -> Cell {
    let text = if quarantined { format!("{class}/quarantined") } else { class.to_string() };
    let cell = Cell::new(text);
    if !color {
        return cell;
    }
    match class {
        Class::Healthy => cell.fg(Color::Green),
        Class::Stale | Class::Orphan | Class::Stuck => cell.fg(Color::Yellow),
        _ => cell.fg(Color::Red).add_attribute(Attribute::Bold),
    }
}

/// "20 actors: 7 healthy, 3 stale, ..." for stderr; zero counts omitted.
pub fn summary_line(rows: &[&Row]) -> String {
    let counts = summary(rows);
    let parts: Vec<String> = Class::ALL
        .iter()
        .filter(|c| counts[c.as_str()] > 0)
        .map(|c| format!("{} {}", counts[c.as_str()], c.as_str()))
        .collect();
    let noun = if rows.len() == 1 { "row" } else { "rows" };
    if parts.is_empty() {
        format!("0 {noun}")
    } else {
        format!("{} {noun}: {}", rows.len(), parts.join(", "))
    }
}
