//! `actorctl prune` (issue 15): the store's growth in plain sight, and the
//! earlier executions of actors deleted through duroxide, in paced batches.
//! `execute` is the loop `sweep --prune` shares (it moves to `ops/` with
//! the restructuring of issue 9).

use anyhow::Result;
use std::time::{Duration, Instant};

use crate::cli::{PruneArgs, ResultFormat};
use crate::config::Settings;
use crate::core::prune::{self as core, ActorCounts, Ending, Policy, PruneReport, Stop};
use crate::error::{backend, usage, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNHEALTHY};
use crate::output::{self, prune as render};
use crate::store::duroxide::DuroxideBackend;
use crate::store::prune::EXACT_HISTORY_LIMIT;
use crate::store::Store;

/// How a prune paces itself.
pub struct Limits {
    pub batch: usize,
    pub rps: Option<f64>,
    pub max_duration: Option<Duration>,
    /// Every duroxide call is bounded by this (the statement timeout).
    pub call_timeout: Duration,
}

pub async fn run(a: PruneArgs, s: &Settings) -> Result<u8> {
    if a.check {
        return Ok(check(&a, s).await.unwrap_or_else(|e| {
            let msg = crate::error::scrub(format!("{e:#}"), &s.secrets());
            let _ = output::emit(&format!("STORE UNKNOWN - {}", msg.lines().next().unwrap_or("")));
            crate::output::monitor::UNKNOWN
        }));
    }
    if !a.dry_run && !a.all && a.names.is_empty() {
        return Err(usage(
            "nothing selected: name instances or pass --all (--dry-run alone shows the store's growth)",
        ));
    }
    if !a.dry_run && !a.yes {
        super::repair::confirmation_possible("prune deletes executions")?;
    }
    crate::interrupt::graceful();
    let policy = Policy { keep_last: a.policy.keep_last, older_than: a.policy.older_than };
    let conns = super::Connections::open(s).await?;
    let store = Store::open(conns.store_client(), &s.store_schema, &s.store).await?;
    let only = selected_ids(&a, s, &conns, &store).await?;
    let cutoff = policy.cutoff_ms(store.now_ms().await?);
    if a.dry_run {
        let stats = stats(&store, s, only.as_deref(), policy, cutoff, a.exact).await?;
        output::emit(&match a.output {
            ResultFormat::Json => render::stats_json(&stats),
            ResultFormat::Table => render::stats_table(&stats, &s.store_schema),
        })?;
        return Ok(EXIT_OK);
    }
    let duroxide = connect(&store, s).await?;
    let counts = store
        .actor_counts(&s.actor_orchestration, only.as_deref(), policy.duroxide_keep_last(), cutoff, false)
        .await?;
    let todo = core::select(&counts, None);
    let executions: u64 = todo.iter().map(|c| c.prunable_executions).sum();
    if !todo.is_empty() && !a.yes {
        output::note(&render::plan_line(todo.len(), executions, policy));
        if !super::repair::ask_to_proceed()? {
            return Err(usage("cancelled: nothing was changed"));
        }
    }
    let progress = render::PruneProgress::new(todo.len(), a.quiet);
    let limits = Limits {
        batch: a.batch as usize,
        rps: a.rps,
        max_duration: a.max_duration,
        call_timeout: s.statement_timeout,
    };
    let mut report = execute(&duroxide, &todo, policy, &limits, &progress).await;
    progress.finish();
    scrub(&mut report, s);
    output::emit(&match a.output {
        ResultFormat::Json => render::report_json(&report),
        ResultFormat::Table => render::report_table(&report),
    })?;
    Ok(match report.ending() {
        Ending::Done => EXIT_OK,
        Ending::Failed => EXIT_UNHEALTHY,
        Ending::Interrupted => EXIT_INTERRUPTED,
    })
}

/// `prune --check`: the Nagios line of the store's growth.
/// Cheap enough for every monitoring run: one index scan and the catalog.
async fn check(a: &PruneArgs, s: &Settings) -> Result<u8> {
    let conns = super::Connections::open(s).await?;
    let store = Store::open(conns.store_client(), &s.store_schema, &s.store).await?;
    let totals = store.totals().await?;
    let (above, max) = store.executions_above(&s.actor_orchestration, a.warn_executions_per_actor).await?;
    let (code, line) = core::check_line(&totals, above, max, a.warn_executions_per_actor);
    output::emit(&line)?;
    Ok(code)
}

/// The store ids of the named instances' actors (`None`: every actor).
async fn selected_ids(
    a: &PruneArgs,
    s: &Settings,
    conns: &super::Connections,
    store: &Store<'_>,
) -> Result<Option<Vec<String>>> {
    if a.names.is_empty() {
        return Ok(None);
    }
    let cms = crate::cms::Cms::open(conns.cms_client(), &s.cms_schema, &s.cms).await?;
    let all = store.actor_ids(&s.actor_orchestration).await?;
    let mut ids = Vec::new();
    for name in &a.names {
        let (_, inst) = cms.resolve(name).await?;
        ids.extend(
            all.iter()
                .filter(|id| core::belongs_to(id, &inst.k8s_name) || inst.actor_id.as_ref() == Some(*id))
                .cloned(),
        );
    }
    ids.sort();
    ids.dedup();
    Ok(Some(ids))
}

async fn stats(
    store: &Store<'_>,
    s: &Settings,
    only: Option<&[String]>,
    policy: Policy,
    cutoff: u64,
    exact: bool,
) -> Result<core::StoreStats> {
    let totals = store.totals().await?;
    let count_history = exact || totals.estimates.history_rows <= EXACT_HISTORY_LIMIT;
    let orch = &s.actor_orchestration;
    let counts = store.actor_counts(orch, only, policy.duroxide_keep_last(), cutoff, count_history).await?;
    let last_hour = store.executions_last_hour(orch).await?;
    let tables = store.table_sizes().await?;
    Ok(core::summarize(orch, &counts, tables, last_hour, totals.estimates, policy))
}

/// The duroxide client on a VerifyOnly provider; refused (exit 3) on a
/// store of another version or a role that cannot delete.
pub async fn connect(store: &Store<'_>, s: &Settings) -> Result<DuroxideBackend> {
    if !store.ledger.actionable() {
        return Err(backend(format!(
            "cannot prune the store {} at {}: its ledger holds {}, but this actorctl's duroxide-pg 0.1.38 \
             needs migrations 1..21, 23, 25 and 26. actorctl never migrates a store, and the control plane's \
             API has no prune: upgrade the store with the control plane. `prune --dry-run` keeps working",
            s.store_schema,
            s.store,
            store.ledger.describe()
        )));
    }
    if !store.can_prune().await? {
        return Err(backend(format!(
            "permission denied: the database role cannot delete from {}.executions and {0}.history, \
             so it cannot prune. Nothing was changed",
            s.store_schema
        )));
    }
    DuroxideBackend::connect(
        &s.store,
        &s.store_schema,
        &store.ledger,
        &s.actor_orchestration,
        s.connect_timeout,
    )
    .await
}

/// Prune `todo` in calls sized by the rate of the previous call, paced by
/// `--rps`, stopped between calls by Ctrl-C/SIGTERM or `--max-duration`,
/// every call bounded. A failed call is retried smaller (three failures in
/// a row stop the prune); a call that timed out may have pruned some of its
/// actors (each atomically) before, which the retry then finds done.
pub async fn execute(
    duroxide: &DuroxideBackend,
    todo: &[&ActorCounts],
    policy: Policy,
    limits: &Limits,
    progress: &render::PruneProgress,
) -> PruneReport {
    let started = Instant::now();
    let mut report = PruneReport::new(policy, todo.len());
    let mut todo = todo.to_vec();
    core::call_order(&mut todo);
    let mut cap = core::FIRST_CALL_EXECUTIONS;
    let (mut done, mut i) = (0, 0);
    while done < todo.len() {
        let n = core::next_call(&todo[done..], limits.batch, cap);
        let at = started + core::batch_start_offset(i, limits.rps);
        if let Some(stop) = wait_until(at, started, limits.max_duration).await {
            report.stopped = Some(stop);
            break;
        }
        let ids: Vec<String> = todo[done..done + n].iter().map(|c| c.instance_id.clone()).collect();
        let call = Instant::now();
        match duroxide.prune(&ids, todo[done].keep, limits.call_timeout).await {
            Ok(r) => {
                report.batch_done(r.instances_processed, r.executions_deleted, r.events_deleted);
                cap = core::next_call_executions(cap, Some((r.executions_deleted, call.elapsed())));
                done += n;
            }
            Err(e) => {
                tracing::debug!("prune call {i} failed: {e:#}");
                cap = core::next_call_executions(cap, None);
                if report.batch_failed(format!("{e:#}")) {
                    report.stopped = Some(Stop::Failures);
                    break;
                }
            }
        }
        progress.update(&report);
        i += 1;
    }
    report.finish(started.elapsed());
    report
}

/// Sleep until `at`; a reason to stop instead, checked every 50 ms.
async fn wait_until(at: Instant, started: Instant, max: Option<Duration>) -> Option<Stop> {
    loop {
        if crate::interrupt::interrupted() {
            return Some(Stop::Interrupted);
        }
        if max.is_some_and(|m| at.max(Instant::now()) >= started + m) {
            return Some(Stop::MaxDuration);
        }
        let now = Instant::now();
        if now >= at {
            return None;
        }
        tokio::time::sleep((at - now).min(Duration::from_millis(50))).await;
    }
}

/// `sweep --prune`: the biggest chains first, within the budget; no
/// progress output (like the sweep's repairs).
pub async fn sweep(store: &Store<'_>, s: &Settings, o: &crate::cli::SweepPruneOpts) -> Result<PruneReport> {
    let policy = Policy { keep_last: o.prune_keep_last, older_than: o.prune_older_than };
    let duroxide = connect(store, s).await?;
    let cutoff = policy.cutoff_ms(store.now_ms().await?);
    let counts =
        store.actor_counts(&s.actor_orchestration, None, policy.duroxide_keep_last(), cutoff, false).await?;
    let todo = core::select(&counts, Some(o.prune_budget));
    let progress = render::PruneProgress::new(todo.len(), true);
    let limits = Limits { batch: 500, rps: None, max_duration: None, call_timeout: s.statement_timeout };
    let mut report = execute(&duroxide, &todo, policy, &limits, &progress).await;
    progress.finish();
    scrub(&mut report, s);
    Ok(report)
}

/// Store errors land in the report (stdout): never with a password.
fn scrub(report: &mut PruneReport, s: &Settings) {
    let secrets = s.secrets();
    for e in &mut report.errors {
        *e = crate::error::scrub(std::mem::take(e), &secrets);
    }
}
