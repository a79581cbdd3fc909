//! What a sweep prints: its JSON document, the rows it acted on, the
//! quarantine notes, and what is still broken after it (for `--check`).

use std::time::Duration;

use super::{monitor, results};
use crate::core::classify::{Class, Row};
use crate::core::model::{ActionResult, Outcome};
use crate::core::plan::Action;
use crate::core::timefmt::compact;

pub(crate) struct Report<'a> {
    pub(crate) rows: &'a [&'a Row],
    pub(crate) results: &'a [ActionResult],
    pub(crate) refusal: Option<&'a str>,
    pub(crate) workers_down: bool,
}

pub(crate) fn json(r: &Report<'_>) -> String {
    let quarantined: Vec<_> = r.rows.iter().filter(|x| x.quarantined).map(|x| &x.k8s_name).collect();
    let doc = serde_json::json!({
        "lock": "acquired",
        "refused": r.refusal,
        "results": r.results,
        "summary": results::summary(r.results),
        "fleet": monitor::class_counts(r.rows),
        "quarantined": quarantined,
        "workers_down": r.workers_down,
    });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

/// The results worth a table row: actions taken, and anything not ok.
pub(crate) fn acted(results: &[ActionResult]) -> Vec<ActionResult> {
    results.iter().filter(|r| r.action != Action::None || !r.outcome.is_ok()).cloned().collect()
}

pub(crate) fn quarantine_notes(quarantined: &[&Row], window: Duration) -> Vec<String> {
    quarantined
        .iter()
        .map(|q| {
            format!(
                "quarantined: {} (restarted {} times within {}); `actorctl reset-failed {}` to clear",
                q.name.as_deref().unwrap_or("-"),
                q.recent_restarts,
                compact(window.as_secs()),
                q.k8s_name.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

/// What is still broken after the sweep: every row but those it repaired.
pub(crate) fn remaining<'a>(rows: &[&'a Row], results: &[ActionResult]) -> Vec<&'a Row> {
    let repaired = |r: &Row| {
        results
            .iter()
            .any(|x| x.outcome == Outcome::Done && x.k8s_name == r.k8s_name && x.old_actor_id == r.actor_id)
    };
    rows.iter().copied().filter(|r| r.class == Class::Healthy || !repaired(r)).collect()
}

/// What stdout says when another sweep holds the lock.
pub(crate) fn lock_held(check: bool, json: bool) -> String {
    if check {
        "ACTORS OK - another sweep holds the lock\n".into()
    } else if json {
        "{\"lock\": \"held by another sweep\", \"results\": []}\n".into()
    } else {
        String::new()
    }
}
