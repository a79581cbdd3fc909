//! `actorctl sweep`: unattended repair from cron on many nodes. One sweeper
//! at a time (a session advisory lock), a crash-loop budget, and outputs a
//! monitoring system reads.

use anyhow::Result;
use std::time::{Duration, Instant};
use tokio_postgres::Client;

use crate::classify::{Class, Row};
use crate::cli::{ResultFormat, SweepArgs};
use crate::config::Settings;
use crate::core::prune::Ending; // issue 15
use crate::error::{BackendContext, EXIT_OK, EXIT_UNHEALTHY};
use crate::execute::{describe_all, ActionResult, Outcome};
use crate::output::prune::report_table as render_prune; // issue 15
use crate::output::{self, monitor, progress::Progress, results};
use crate::plan::{actionable, plan_recovery, Selection};

pub async fn run(a: SweepArgs, s: &Settings) -> Result<u8> {
    let result = sweep(&a, s).await;
    if a.monitor.check {
        monitor::or_unknown(result, &s.secrets())
    } else {
        result
    }
}

/// The advisory-lock key of the sweeps of one CMS and store: FNV-1a of
/// the schema names, so unrelated deployments in one database never block
/// each other.
pub fn lock_key(cms_schema: &str, store_schema: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("actorctl-sweep\0{cms_schema}\0{store_schema}").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// Take the sweep lock on this session, waiting up to `wait`. The lock is
/// released when the connection closes, however the process ends.
async fn take_lock(client: &Client, key: i64, wait: Duration) -> Result<bool> {
    let deadline = Instant::now() + wait;
    loop {
        let got: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
            .await
            .backend_context(|| "cannot take the sweep lock".into())?
            .get(0);
        if got || Instant::now() >= deadline {
            return Ok(got);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

fn test_hook(name: &str) -> Option<String> {
    cfg!(debug_assertions).then(|| std::env::var(name).ok()).flatten()
}

async fn sweep(a: &SweepArgs, s: &Settings) -> Result<u8> {
    let started = Instant::now();
    crate::interrupt::graceful();
    let conns = super::Connections::open(s).await?;
    let key = lock_key(&s.cms_schema, &s.store_schema);
    if test_hook("ACTORCTL_TEST_SKIP_SWEEP_LOCK").is_none() {
        if !take_lock(conns.cms_client(), key, a.wait_lock).await? {
            if !a.quiet {
                output::note(&format!(
                    "actorctl: another sweep holds the lock (advisory lock {key}); nothing to do"
                ));
            }
            if a.monitor.check {
                output::emit("ACTORS OK - another sweep holds the lock")?;
            } else if a.action.output == ResultFormat::Json {
                output::emit("{\"lock\": \"held by another sweep\", \"results\": []}\n")?;
            }
            return Ok(EXIT_OK);
        }
        tracing::info!("took the sweep lock {key}");
    }
    if let Some(ms) = test_hook("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS").and_then(|v| v.parse::<u64>().ok()) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }

    let (cms, store, mut fleet) =
        super::gather_with_window(&conns, s, a.action.stale_after, a.restart_window).await?;
    let operator = super::repair::operator(&a.action);
    let newly = quarantine_candidates(&fleet.report.rows, a.restart_burst);
    for k8s in &newly {
        if !a.action.dry_run {
            let row = fleet
                .report
                .rows
                .iter()
                .find(|r| r.k8s_name.as_ref() == Some(k8s) && r.class != Class::Orphan);
            let restarts = row.map_or(0, |r| r.recent_restarts);
            let meta = serde_json::json!({
                "old_actor_id": row.and_then(|r| r.actor_id.clone()), "new_actor_id": null,
                "reason": "crash-loop budget", "restarts": restarts,
                "window_seconds": a.restart_window.as_secs(), "burst": a.restart_burst,
                "operator": operator, "actorctl_version": env!("CARGO_PKG_VERSION"),
            });
            let msg = format!(
                "restarted {restarts} times within {}: quarantined, sweeps leave it alone until reset-failed",
                crate::timefmt::compact(a.restart_window.as_secs())
            );
            cms.audit(k8s, "actor_quarantined", "crash-loop", "quarantined", &msg, &meta).await?;
        }
        for r in fleet
            .report
            .rows
            .iter_mut()
            .filter(|r| r.k8s_name.as_ref() == Some(k8s) && r.class != Class::Orphan)
        {
            r.quarantined = true;
        }
    }
    let report = &fleet.report;
    let plan = plan_recovery(
        &report.rows,
        &Selection { all: true, ..Default::default() },
        a.bulk.min_age,
        report.now,
    );
    let todo = actionable(&plan);
    let rows: Vec<&Row> = report.rows.iter().collect();
    let workers_down = report.diagnosis.workers_down;

    let mut refusal = None;
    if workers_down && !a.force && todo > 0 {
        refusal = Some(format!(
            "refusing to sweep: {} Nothing was changed",
            report.diagnosis.message.clone().unwrap_or_default()
        ));
    } else if todo > a.max {
        refusal = Some(format!("the plan has {todo} actions, more than --max {}: the whole sweep was aborted, nothing was changed", a.max));
    }
    let mut results: Vec<ActionResult> = crate::execute::nothing_to_do(&plan);
    if a.action.dry_run {
        let described = describe_all(&plan, s, a.action.verify_timeout, a.backend.backend);
        output::emit(&match a.action.output {
            ResultFormat::Json => results::plan_json(&described),
            ResultFormat::Table => results::plan_table(&plan) + "dry run: nothing was changed\n",
        })?;
        return Ok(if todo == 0 { EXIT_OK } else { EXIT_UNHEALTHY });
    }
    if refusal.is_none() && todo > 0 {
        let backend = super::repair::connect_backend(&a.backend, s, &cms, &store).await?;
        let exec = super::repair::executor(&cms, &store, &backend, &a.action, "sweep");
        let progress = Progress::new(plan.len(), true);
        results = exec.run_bulk(&plan, &a.bulk.limits(), Some(&progress)).await?;
    }
    // ---- issue 15: sweep --prune, after the repairs, under the sweep's lock ----
    let mut pruned = None;
    if a.prune.prune && !crate::interrupt::interrupted() {
        pruned = Some(super::prune::sweep(&store, s, &a.prune).await.map_err(|e| format!("{e:#}")));
    }
    let prune_failed =
        pruned.as_ref().is_some_and(|p| p.as_ref().map_or(true, |r| r.ending() == Ending::Failed));
    let failed = results.iter().any(|r| !r.outcome.is_ok()) || refusal.is_some() || prune_failed;
    let quarantined: Vec<&Row> = rows.iter().copied().filter(|r| r.quarantined).collect();

    if let Some(path) = &a.monitor.textfile {
        let previous = std::fs::read_to_string(path).ok();
        let now_unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        let metrics = monitor::SweepMetrics {
            results: &results,
            duration_secs: started.elapsed().as_secs_f64(),
            success_at: (!failed).then_some(now_unix),
        };
        monitor::write_atomically(
            path,
            &(monitor::textfile(&rows, workers_down, Some(&metrics), previous.as_deref())
                + &output::prune::textfile(
                    &store.totals().await?,
                    pruned.as_ref().and_then(|p| p.as_ref().ok()),
                )),
        )?;
    }
    if a.monitor.check {
        // What is still broken after this sweep.
        let repaired = |r: &Row| {
            results.iter().any(|x| {
                x.outcome == Outcome::Done && x.k8s_name == r.k8s_name && x.old_actor_id == r.actor_id
            })
        };
        let remaining: Vec<&Row> =
            rows.iter().copied().filter(|r| r.class == Class::Healthy || !repaired(r)).collect();
        let (code, line) = monitor::check(&remaining, workers_down, a.monitor.warn, a.monitor.crit);
        let threshold = a.monitor.warn_executions_per_actor; // issue 15
        let (above, max) = store.executions_above(&s.actor_orchestration, threshold).await?;
        let warning = crate::core::prune::growth_warning(above, max, threshold);
        let (code, line) = crate::core::prune::escalate(code, &line, warning.as_deref());
        output::emit(&line)?;
        return Ok(code);
    }
    if let Some(why) = &refusal {
        output::note(&format!("actorctl: {why}"));
    }
    let speak = !a.quiet || failed || !quarantined.is_empty();
    if speak {
        match a.action.output {
            ResultFormat::Json => {
                let doc = serde_json::json!({
                    "lock": "acquired",
                    "refused": refusal,
                    "results": results,
                    "summary": results::summary(&results),
                    "fleet": monitor::class_counts(&rows),
                    "quarantined": quarantined.iter().map(|r| &r.k8s_name).collect::<Vec<_>>(),
                    "workers_down": workers_down,
                    "prune": match &pruned { // issue 15
                        Some(Ok(r)) => serde_json::to_value(r)?,
                        Some(Err(e)) => serde_json::json!({ "error": e }),
                        None => serde_json::Value::Null,
                    },
                });
                output::emit(&(serde_json::to_string_pretty(&doc)? + "\n"))?;
            }
            ResultFormat::Table => {
                let acted: Vec<ActionResult> = results
                    .iter()
                    .filter(|r| r.action != crate::plan::Action::None || !r.outcome.is_ok())
                    .cloned()
                    .collect();
                if !acted.is_empty() {
                    output::emit(&results::table(&acted, output::color_enabled()))?;
                }
                for q in &quarantined {
                    output::note(&format!(
                        "quarantined: {} (restarted {} times within {}); `actorctl reset-failed {}` to clear",
                        q.name.as_deref().unwrap_or("-"),
                        q.recent_restarts,
                        crate::timefmt::compact(a.restart_window.as_secs()),
                        q.k8s_name.as_deref().unwrap_or("-")
                    ));
                }
                match &pruned {
                    // issue 15
                    Some(Ok(r)) => output::note(render_prune(r).trim_end()),
                    Some(Err(e)) => output::note(&format!("actorctl: prune failed: {e}")),
                    None => {}
                }
                output::note(&format!(
                    "sweep: {} in {:.1}s",
                    results::summary_line(&results),
                    started.elapsed().as_secs_f64()
                ));
            }
        }
    }
    Ok(if crate::interrupt::interrupted() {
        crate::error::EXIT_INTERRUPTED
    } else if failed {
        EXIT_UNHEALTHY
    } else {
        EXIT_OK
    })
}

/// Instances the crash-loop budget quarantines now: not yet quarantined,
/// broken again, and started or restarted `burst` times within the window.
pub fn quarantine_candidates(rows: &[Row], burst: i64) -> Vec<String> {
    rows.iter()
        .filter(|r| r.class != Class::Orphan && r.class != Class::Healthy)
        .filter(|r| !r.quarantined && r.recent_restarts >= burst)
        .filter_map(|r| r.k8s_name.clone())
        .collect()
}
