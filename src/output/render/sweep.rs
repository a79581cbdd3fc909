//! What a sweep prints: its JSON document, the rows it acted on, a refusal
//! in one line, the quarantine notes, and the fleet after it (`--check`).

use std::time::Duration;

use super::sanitize::or_dash;
use super::{monitor, results};
use crate::core::classify::{Class, Row};
use crate::core::guard::counts;
use crate::core::model::{ActionResult, Outcome};
use crate::core::plan::{Action, Planned};
use crate::core::prune::{Ending, PruneReport};
use crate::core::timefmt::compact;

/// A sweep's outcome, ready to print.
pub(crate) struct Report<'a> {
    pub(crate) rows: &'a [&'a Row],
    pub(crate) results: &'a [ActionResult],
    /// Why it refused, and what it would have done.
    pub(crate) refusal: Option<(&'a str, &'a [Planned])>,
    pub(crate) lock_held: bool,
    pub(crate) workers_down: bool,
    /// `--prune`: its report, or why it could not run.
    pub(crate) pruned: Option<&'a Result<PruneReport, String>>,
}

impl Report<'_> {
    /// `ok`, `failed`, `refused` or `lock_held`, for the textfile.
    pub(crate) fn result(&self) -> &'static str {
        if self.lock_held {
            "lock_held"
        } else if self.refusal.is_some() {
            "refused"
        } else if self.results.iter().any(|r| !r.outcome.is_ok()) || self.prune_failed() {
            "failed"
        } else {
            "ok"
        }
    }

    /// The prune could not run, or gave up.
    pub(crate) fn prune_failed(&self) -> bool {
        self.pruned.is_some_and(|p| p.as_ref().map_or(true, |r| r.ending() == Ending::Failed))
    }

    /// The prune's report for a person, or why it failed.
    pub(crate) fn prune_note(&self) -> Option<String> {
        match self.pruned? {
            Ok(r) => Some(super::prune::report_table(r).trim_end().to_string()),
            Err(e) => Some(format!("actorctl: prune failed: {}", e.lines().next().unwrap_or(""))),
        }
    }
}

pub(crate) fn json(r: &Report<'_>) -> String {
    if r.lock_held {
        return "{\"lock\": \"held by another sweep\", \"results\": []}\n".into();
    }
    let quarantined: Vec<_> = r.rows.iter().filter(|x| x.quarantined).map(|x| &x.k8s_name).collect();
    let refused = r.refusal.map(|(reason, would)| {
        let by: std::collections::BTreeMap<&str, usize> =
            [Action::Restart, Action::Start, Action::CancelOrphan]
                .into_iter()
                .map(|a| (a.as_str(), would.iter().filter(|p| p.action == a).count()))
                .filter(|(_, n)| *n > 0)
                .collect();
        serde_json::json!({ "reason": reason, "would": by })
    });
    let doc = serde_json::json!({
        "lock": "acquired",
        "refused": refused,
        "results": r.results,
        "summary": results::summary(r.results),
        "fleet": monitor::class_counts(r.rows),
        "quarantined": quarantined,
        "workers_down": r.workers_down,
        "prune": match r.pruned {
            Some(Ok(p)) => serde_json::to_value(p).unwrap_or_default(),
            Some(Err(e)) => serde_json::json!({ "error": e }),
            None => serde_json::Value::Null,
        },
    });
    serde_json::to_string_pretty(&doc).expect("JSON of plain values") + "\n"
}

/// A refused sweep in one line, and (unless quiet) its first ten actions.
pub(crate) fn refusal(reason: &str, would: &[Planned], quiet: bool) -> (String, Option<String>) {
    let line = format!("actorctl: sweep refused: {reason} (it would have taken {})", counts(would));
    if quiet || would.is_empty() {
        return (line, None);
    }
    let mut rows = results::plan_table(&would[..would.len().min(10)]);
    if would.len() > 10 {
        rows.push_str(&format!("… and {} more (--dry-run shows them all)\n", would.len() - 10));
    }
    (line, Some(rows))
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
                or_dash(q.name.as_deref()),
                q.recent_restarts,
                compact(window.as_secs()),
                or_dash(q.k8s_name.as_deref())
            )
        })
        .collect()
}

/// The fleet after the sweep: what it repaired counts as healthy.
pub(crate) fn after(rows: &[&Row], results: &[ActionResult]) -> Vec<Row> {
    let repaired = |r: &Row| {
        results.iter().any(|x| {
            x.outcome == Outcome::Done
                && x.k8s_name.as_deref() == r.k8s_name.as_deref()
                && x.old_actor_id.as_deref() == r.actor_id.as_deref()
        })
    };
    rows.iter()
        .filter(|r| !(r.class == Class::Orphan && repaired(r)))
        .map(|r| {
            let mut r = (*r).clone();
            if r.class.is_unhealthy() && repaired(&r) {
                r.class = Class::Healthy;
            }
            r
        })
        .collect()
}
