//! Property test: arbitrary Unicode in every untrusted field never panics a
//! renderer, never adds a line, and never reaches the terminal as a control
//! character.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::time::Duration;

use super::actors::{self, TableStyle};
use super::results;
use crate::core::classify::{Class, Diagnosis, Report, Row};
use crate::core::model::{ActionResult, Outcome};
use crate::core::plan::{Action, Planned};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{3000} a-z\\x1b\\[\\]0-9;]{0,24}",
    ]
}

prop_compose! {
    fn row()(name in text(), k8s in text(), actor in text(), evidence in text(), status in text(), state in text(),
             class in prop::sample::select(Class::ALL.to_vec())) -> Row {
        Row {
            name: Some(name.into()),
            k8s_name: Some(k8s.into()),
            namespace: Some("toygres".into()),
            state: Some(state.as_str().into()),
            health_status: None,
            class,
            actor_id: Some(actor.into()),
            actor_status: Some(status.as_str().into()),
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence,
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
        }
    }
}

fn report(rows: &[Row]) -> Report {
    Report {
        now: Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap(),
        stale_after: Duration::from_secs(300),
        rows: rows.to_vec(),
        diagnosis: Diagnosis::default(),
    }
}

/// Exactly `lines` lines, and no byte below 0x20 but the newlines.
fn safe(out: &str, lines: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(out.lines().count(), lines, "{:?}", out);
    prop_assert!(out.bytes().all(|b| b >= 0x20 || b == b'\n'), "{:?}", out);
    prop_assert!(
        !out.contains('\u{7f}') && !out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "{:?}",
        out
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_renderer_survives_hostile_text(rows in prop::collection::vec(row(), 1..5), width in 0usize..200) {
        let report = report(&rows);
        let refs: Vec<&Row> = rows.iter().collect();
        for (wide, headers) in [(false, true), (true, true), (false, false)] {
            let style = TableStyle { wide, headers, color: false, width: Some(width) };
            safe(&actors::table(&report, &refs, style), rows.len() + usize::from(headers))?;
        }
        let plan: Vec<Planned> = rows
            .iter()
            .map(|r| Planned {
                name: r.name.as_deref().map(str::to_string),
                k8s_name: r.k8s_name.as_deref().map(str::to_string),
                namespace: r.namespace.as_deref().map(str::to_string),
                class: r.class,
                action: Action::Restart,
                old_actor_id: r.actor_id.as_deref().map(str::to_string),
                old_actor_active: true,
                reason: r.evidence.clone(),
            })
            .collect();
        safe(&results::plan_table(&plan), plan.len() + 1)?;
        let steps: Vec<(Planned, Vec<String>)> = plan.iter().map(|p| (p.clone(), vec![p.reason.clone()])).collect();
        safe(&results::plan_text(&steps), plan.len() * 2 + 1)?;
        let done: Vec<ActionResult> =
            plan.iter().map(|p| ActionResult::of(p, Outcome::Done, p.old_actor_id.clone(), p.reason.clone())).collect();
        safe(&results::table(&done, false), done.len() + 1)?;
        safe(&actors::summary_line(&refs), 1)?;
    }
}

/// The table as it was drawn before it was streamed: every cell into a
/// comfy-table, then [`actors::strip_margin`]. The oracle of the test below.
fn comfy_table(report: &Report, rows: &[&Row], style: TableStyle) -> String {
    use super::sanitize::{clean, truncate, width};
    use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
    if rows.is_empty() {
        return String::new();
    }
    let mut head = actors::head(style.wide);
    let body: Vec<Vec<String>> = rows.iter().map(|r| actors::cells(r, report.now, style.wide)).collect();
    let used: usize = (0..head.len())
        .map(|i| {
            let header = if style.headers { width(head[i]) } else { 0 };
            body.iter().map(|c| width(&c[i])).chain([header]).max().unwrap_or(0) + 2
        })
        .sum();
    let room = style.width.filter(|_| !style.wide).map(|w| w.saturating_sub(used).max(12));
    head.push("EVIDENCE");
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    if style.color {
        t.enforce_styling();
    }
    if style.headers {
        t.set_header(head);
    }
    for (r, cells) in rows.iter().zip(body) {
        let evidence = clean(&r.evidence);
        let evidence = match room {
            Some(room) => truncate(&evidence, room).into_owned(),
            None => evidence.into_owned(),
        };
        let mut cells: Vec<Cell> = cells.into_iter().map(Cell::new).collect();
        if style.color {
            let class = Cell::new(cells[1].content());
            cells[1] = match r.class {
                Class::Healthy => class.fg(Color::Green),
                Class::Held => class.fg(Color::Cyan),
                Class::Stale | Class::Orphan | Class::Stuck => class.fg(Color::Yellow),
                _ => class.fg(Color::Red).add_attribute(Attribute::Bold),
            };
        }
        cells.push(Cell::new(evidence));
        t.add_row(cells);
    }
    actors::strip_margin(&t.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The streamed table is, byte for byte, what comfy-table drew.
    #[test]
    fn the_streamed_table_is_the_comfy_table(rows in prop::collection::vec(row(), 0..6), width in 0usize..200,
                                            wide: bool, headers: bool, color: bool, terminal: bool) {
        let report = report(&rows);
        let refs: Vec<&Row> = rows.iter().collect();
        let style = TableStyle { wide, headers, color, width: terminal.then_some(width) };
        let mut out = Vec::new();
        actors::write_table_styled(&mut out, &report, &refs, style, color).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), comfy_table(&report, &refs, style));
    }
}

/// `list -o json` as one pretty-printed document built whole.
fn whole_json(rows: &[&Row], diagnosis: &Diagnosis) -> String {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        actors: Vec<actors::ActorJson<'a>>,
        summary: std::collections::BTreeMap<&'static str, usize>,
        diagnosis: &'a Diagnosis,
    }
    let actors = rows.iter().map(|r| actors::ActorJson::from(*r)).collect();
    serde_json::to_string_pretty(&Doc { actors, summary: actors::summary(rows), diagnosis }).unwrap() + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The JSON rendered in chunks on two threads is, byte for byte, the
    /// document built whole.
    #[test]
    fn the_chunked_json_is_the_whole_document(rows in prop::collection::vec((row(), any::<Option<u32>>()), 0..9),
                                              chunk in 1usize..4, message in prop::option::of(text())) {
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(r, at)| Row { last_health_check: at.and_then(|s| Utc.timestamp_opt(i64::from(s), 0).single()), ..r })
            .collect();
        let refs: Vec<&Row> = rows.iter().collect();
        let diagnosis = Diagnosis { message, ..Diagnosis::default() };
        let mut out = Vec::new();
        actors::write_json_chunked(&mut out, &refs, &diagnosis, chunk).unwrap();
        prop_assert_eq!(String::from_utf8(out).unwrap(), whole_json(&refs, &diagnosis));
    }
}
