//! `prune`: the store's growth in plain sight, and the earlier executions
//! of actors deleted through duroxide, in paced calls; `sweep --prune`
//! shares the loop; list and sweep read the growth for their monitoring.

use anyhow::Result;
use std::time::{Duration, Instant};

use super::interrupt;
use super::session::Connections;
use crate::core::error::{backend, scrub, usage};
use crate::core::model::{ProgressSink, PruneUi};
use crate::core::prune::{self as core, ActorCounts, Growth, Pace, Policy, PruneReport, Stop, StoreStats};
use crate::io::cms::Cms;
use crate::io::store::duroxide::{Bounds, DuroxideBackend};
use crate::io::store::prune::EXACT_HISTORY_LIMIT;
use crate::io::store::Store;
use crate::settings::{Monitor, PruneJob, Settings, SweepPrune};

/// How a prune command ended.
pub(crate) enum Pruned {
    /// `--check`: the plugin's exit code and line.
    Check(u8, String),
    DryRun(StoreStats),
    Ran(PruneReport),
}

pub(crate) async fn run(s: &Settings, job: &PruneJob, ui: &dyn PruneUi) -> Result<Pruned> {
    let conns = Connections::open(s).await?;
    let store = Store::open(conns.store_client(), &s.store_schema, &s.store).await?;
    if let Some(threshold) = job.check {
        // Cheap enough for every monitoring run: one index scan and the catalog.
        let totals = store.totals().await?;
        let (above, max) = store.executions_above(&s.actor_orchestration, threshold).await?;
        let (code, line) = core::check_line(&totals, above, max, threshold);
        return Ok(Pruned::Check(code, line));
    }
    if !job.dry_run {
        interrupt::graceful();
    }
    let only = selected_ids(job, s, &conns, &store).await?;
    let policy = job.policy;
    let cutoff = policy.cutoff_ms(store.now_ms().await?);
    if job.dry_run {
        return Ok(Pruned::DryRun(stats(&store, s, only.as_deref(), policy, cutoff, job.exact).await?));
    }
    let duroxide = connect(&store, s).await?;
    let orch = &s.actor_orchestration;
    let counts =
        store.actor_counts(orch, only.as_deref(), policy.duroxide_keep_last(), cutoff, false).await?;
    let todo = core::select(&counts, None);
    let executions: u64 = todo.iter().map(|c| c.prunable_executions).sum();
    if !todo.is_empty() && !ui.confirm_prune(todo.len(), executions, policy)? {
        return Err(usage("cancelled: nothing was changed"));
    }
    let progress = ui.prune_progress(todo.len());
    let mut report =
        execute(&duroxide, &todo, policy, job.pace, s.statement_timeout, progress.as_ref()).await;
    progress.finish();
    scrub_report(&mut report, s);
    Ok(Pruned::Ran(report))
}

/// The store's growth for list and sweep: the totals when a textfile is
/// written, the growth warning with `--check`.
pub(crate) async fn growth(store: &Store<'_>, s: &Settings, m: &Monitor) -> Result<Growth> {
    let mut g = Growth::default();
    if m.textfile.is_some() {
        g.totals = Some(store.totals().await?);
    }
    if m.check.is_some() {
        let threshold = m.warn_executions_per_actor;
        let (above, max) = store.executions_above(&s.actor_orchestration, threshold).await?;
        g.warning = core::growth_warning(above, max, threshold);
    }
    Ok(g)
}

/// The store ids of the named instances' actors (`None`: every actor).
async fn selected_ids(
    job: &PruneJob,
    s: &Settings,
    conns: &Connections,
    store: &Store<'_>,
) -> Result<Option<Vec<String>>> {
    if job.names.is_empty() {
        return Ok(None);
    }
    let cms = Cms::open(conns.cms_client(), &s.cms_schema, &s.cms).await?;
    let all = store.actor_ids(&s.actor_orchestration).await?;
    let mut ids = Vec::new();
    for name in &job.names {
        let (_, inst) = cms.resolve(name).await?;
        ids.extend(
            all.iter()
                .filter(|id| {
                    core::belongs_to(id, &inst.k8s_name) || inst.actor_id.as_deref() == Some(id.as_str())
                })
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
) -> Result<StoreStats> {
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
async fn connect(store: &Store<'_>, s: &Settings) -> Result<DuroxideBackend> {
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
    let bounds = Bounds {
        connect_timeout: s.connect_timeout,
        statement_timeout: s.statement_timeout,
        pooled: store.behind_pooler(&s.store).await?,
    };
    let dx =
        DuroxideBackend::connect(&s.store, &s.store_schema, &store.ledger, &s.actor_orchestration, &bounds)
            .await?;
    if dx.pooled() {
        return Err(backend(format!(
            "cannot prune the store {} at {} through a transaction pooler: duroxide's prune needs a direct \
             connection (point --duroxide-url at PostgreSQL). Nothing was changed",
            s.store_schema, s.store
        )));
    }
    Ok(dx)
}

/// Prune `todo` in calls sized by the rate of the previous call, paced by
/// `--rps`, stopped between calls by a signal or `--max-duration`, every
/// call bounded. A failed call is retried smaller (three failures in a row
/// stop the prune); a call that timed out may have pruned some of its
/// actors (each atomically) before, which the retry then finds done.
async fn execute(
    duroxide: &DuroxideBackend,
    todo: &[&ActorCounts],
    policy: Policy,
    pace: Pace,
    call_timeout: Duration,
    progress: &dyn ProgressSink,
) -> PruneReport {
    let started = Instant::now();
    let mut report = PruneReport::new(policy, todo.len());
    let mut todo = todo.to_vec();
    core::call_order(&mut todo);
    let mut cap = core::FIRST_CALL_EXECUTIONS;
    let (mut done, mut i) = (0, 0);
    while done < todo.len() {
        let n = core::next_call(&todo[done..], pace.batch, cap);
        let at = started + core::batch_start_offset(i, pace.rps);
        if let Some(stop) = wait_until(at, started, pace.max_duration).await {
            report.stopped = Some(stop);
            break;
        }
        let ids: Vec<String> = todo[done..done + n].iter().map(|c| c.instance_id.clone()).collect();
        let call = Instant::now();
        match duroxide.prune(&ids, todo[done].keep, call_timeout).await {
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
        progress.pruned(report.actors_processed, report.executions_deleted, report.history_rows_deleted);
        i += 1;
    }
    report.finish(started.elapsed());
    report
}

/// Sleep until `at`; a reason to stop instead.
async fn wait_until(at: Instant, started: Instant, max: Option<Duration>) -> Option<Stop> {
    if interrupt::interrupted() {
        return Some(Stop::Interrupted);
    }
    if max.is_some_and(|m| at.max(Instant::now()) >= started + m) {
        return Some(Stop::MaxDuration);
    }
    tokio::select! {
        () = tokio::time::sleep_until(at.into()) => None,
        () = interrupt::stopped() => Some(Stop::Interrupted),
    }
}

/// `sweep --prune`: the biggest chains first, within the budget; no
/// progress output (like the sweep's repairs).
pub(crate) async fn sweep(store: &Store<'_>, s: &Settings, p: SweepPrune) -> Result<PruneReport> {
    let duroxide = connect(store, s).await?;
    let cutoff = p.policy.cutoff_ms(store.now_ms().await?);
    let keep = p.policy.duroxide_keep_last();
    let counts = store.actor_counts(&s.actor_orchestration, None, keep, cutoff, false).await?;
    let todo = core::select(&counts, Some(p.budget));
    let pace = Pace { batch: 500, rps: None, max_duration: None };
    let mut report = execute(&duroxide, &todo, p.policy, pace, s.statement_timeout, &Silent).await;
    scrub_report(&mut report, s);
    Ok(report)
}

struct Silent;

impl ProgressSink for Silent {
    fn acted(&self, _: Option<crate::core::model::Outcome>) {}
    fn verifying(&self) {}
    fn verified(&self, _: crate::core::model::Outcome) {}
}

/// Store errors land in the report (stdout): never with a password.
fn scrub_report(report: &mut PruneReport, s: &Settings) {
    let secrets = s.secrets();
    for e in &mut report.errors {
        *e = scrub(std::mem::take(e), &secrets);
    }
}
