//! `sweep`: the repair pipeline under a lock, for cron on many nodes. One
//! sweeper at a time (a transaction-scoped advisory lock) and a crash-loop
//! budget.

use anyhow::Result;
use std::time::{Duration, Instant};
use tokio_postgres::{Client, SimpleQueryMessage};

use super::interrupt;
use super::prune::{self, growth};
use super::repair::{self, Pipeline};
use super::session::{Connections, Fleet, Session};
use crate::core::classify::Class;
use crate::core::classify::Report;
use crate::core::error::{backend, BackendContext};
use crate::core::guard::{quarantine_candidates, Bulk};
use crate::core::model::{Audit, AuditEvent, Ran, RepairUi};
use crate::core::plan::{plan_recovery, Selection};
use crate::core::prune::{Growth, PruneReport, StoreTotals};
use crate::core::timefmt::compact;
use crate::io::db::Connect;
use crate::settings::{Settings, SweepJob};

/// What a sweep did.
pub(crate) struct Swept {
    /// The fleet as this sweep saw it (quarantines marked).
    pub(crate) report: Report,
    /// Another sweep holds this advisory lock: the fleet was only read.
    pub(crate) lock_held: Option<i64>,
    /// How the repair pipeline ended; `None` when the lock was held.
    pub(crate) ran: Option<Ran>,
    pub(crate) took: Duration,
    /// A signal that ended the wait for the lock.
    pub(crate) interrupted: Option<u8>,
    /// `--prune`: its report, or why it could not run.
    pub(crate) pruned: Option<std::result::Result<PruneReport, String>>,
    /// The store's growth, for the textfile and `--check`.
    pub(crate) growth: Growth,
}

impl Swept {
    /// For the textfile: the store's totals, and what the prune deleted.
    pub(crate) fn store_metrics(&self) -> Option<(&StoreTotals, Option<&PruneReport>)> {
        let pruned = self.pruned.as_ref().and_then(|p| p.as_ref().ok());
        self.growth.totals.as_ref().map(|t| (t, pruned))
    }
}

/// The advisory-lock key of the sweeps of one CMS and store: FNV-1a of
/// the schema names, so unrelated deployments in one database never block
/// each other.
pub(crate) fn lock_key(cms_schema: &str, store_schema: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("actorctl-sweep\0{cms_schema}\0{store_schema}").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

/// The sweep lock: a transaction-scoped advisory lock, held by one open
/// transaction on a connection of its own for the whole sweep. It ends with
/// that connection however the process ends, and a pooler in transaction
/// mode (PgBouncer) keeps an open transaction on one server connection; a
/// session lock there would stay with a pooled server connection after the
/// sweep exits.
struct SweepLock {
    _client: Client,
}

/// Take the sweep lock, waiting up to `wait` (a signal ends the wait).
async fn take_lock(s: &Settings, key: i64, wait: Duration) -> Result<Option<SweepLock>> {
    let client = s.cms.connect(s.statement_timeout).await?;
    let deadline = Instant::now() + wait;
    loop {
        let sql = format!(
            "BEGIN; SET LOCAL idle_in_transaction_session_timeout = 0; SELECT pg_try_advisory_xact_lock({key})"
        );
        let got = match client.simple_query(&sql).await {
            Ok(msgs) => msgs.iter().any(|m| matches!(m, SimpleQueryMessage::Row(r) if r.get(0) == Some("t"))),
            Err(e) if format!("{e:#}").contains("pooling mode") => {
                return Err(backend(format!(
                    "cannot take the sweep lock through this connection pooler ({e}): sweeps hold their lock in \
                     an open transaction, which statement pooling does not allow. Point the sweep at PostgreSQL \
                     or at a pool in transaction or session mode (README: Connection poolers)"
                )))
            }
            Err(e) => return Err(e).backend_context(|| "cannot take the sweep lock".into()),
        };
        if got {
            return Ok(Some(SweepLock { _client: client }));
        }
        client.batch_execute("ROLLBACK").await.backend_context(|| "cannot take the sweep lock".into())?;
        if Instant::now() >= deadline {
            return Ok(None);
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_millis(250)) => {}
            () = interrupt::stopped() => return Ok(None),
        }
    }
}

fn test_hook(name: &str) -> Option<String> {
    cfg!(debug_assertions).then(|| std::env::var(name).ok()).flatten()
}

pub(crate) async fn sweep(s: &Settings, job: &SweepJob, ui: &dyn RepairUi) -> Result<Swept> {
    let started = Instant::now();
    interrupt::graceful();
    let key = lock_key(&s.cms_schema, &s.store_schema);
    let mut _lock = None;
    if test_hook("ACTORCTL_TEST_SKIP_SWEEP_LOCK").is_none() {
        _lock = take_lock(s, key, job.wait_lock).await?;
        if _lock.is_none() {
            // Look anyway, read-only: --check and the textfile tell the truth.
            let conns = Connections::open(s).await?;
            let mut session = Session::open(&conns, s).await?;
            let report = session.fleet(job.restart_window).await?.report;
            let growth = growth(&session.store, s, &job.monitor).await?;
            let (lock_held, interrupted, took) = (Some(key), interrupt::exit_status(), started.elapsed());
            return Ok(Swept { report, lock_held, ran: None, took, interrupted, pruned: None, growth });
        }
        tracing::info!("took the sweep lock {key}");
    }
    let conns = Connections::open(s).await?;
    if let Some(ms) = test_hook("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS").and_then(|v| v.parse::<u64>().ok()) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let mut session = Session::open(&conns, s).await?;
    let mut fleet = session.fleet(job.restart_window).await?;
    quarantine(&session, &mut fleet, job).await?;
    let report = &fleet.report;
    let selection = Selection { all: true, ..Default::default() };
    let plan = plan_recovery(&report.rows, &selection, job.bulk.min_age, report.now);
    let pipeline = Pipeline {
        command: "sweep",
        action: &job.action,
        confirm: false,
        guard: Some((job.bulk.rails, Bulk::Sweep)),
        limits: job.bulk.limits,
    };
    let ran = repair::run(&session, &report.diagnosis, &plan, &pipeline, ui).await?;
    // After the repairs, under the sweep's lock.
    let mut pruned = None;
    if let Some(p) = job.prune.filter(|_| !job.action.dry_run && !interrupt::interrupted()) {
        pruned = Some(prune::sweep(&session.store, s, p).await.map_err(|e| format!("{e:#}")));
    }
    let growth = growth(&session.store, s, &job.monitor).await?;
    Ok(Swept {
        report: fleet.report,
        lock_held: None,
        ran: Some(ran),
        took: started.elapsed(),
        interrupted: None,
        pruned,
        growth,
    })
}

/// The crash-loop budget: quarantine (and audit) every instance broken again
/// after `burst` starts or restarts within the window; mark its rows.
async fn quarantine(session: &Session<'_>, fleet: &mut Fleet, job: &SweepJob) -> Result<()> {
    let audit = Audit {
        operator: session.settings.operator.clone(),
        reason: "crash-loop budget".into(),
        run_id: super::reconcile::run_id(),
    };
    for k8s in quarantine_candidates(&fleet.report.rows, job.restart_burst) {
        let own = |r: &&mut crate::core::classify::Row| {
            r.k8s_name.as_deref() == Some(k8s.as_str()) && r.class != Class::Orphan
        };
        let rows: Vec<&mut crate::core::classify::Row> = fleet.report.rows.iter_mut().filter(own).collect();
        if !job.action.dry_run {
            let row = rows.first();
            let restarts = row.map_or(0, |r| r.recent_restarts);
            let meta = serde_json::json!({
                "old_actor_id": row.and_then(|r| r.actor_id.clone()), "new_actor_id": null,
                "restarts": restarts, "window_seconds": job.restart_window.as_secs(), "burst": job.restart_burst,
                "quarantine": "quarantined",
            });
            let msg = format!(
                "restarted {restarts} times within {}: quarantined, sweeps leave it alone until reset-failed",
                compact(job.restart_window.as_secs())
            );
            let entry = audit.entry(&k8s, AuditEvent::Quarantined, msg, meta);
            session.cms.audit(&entry).await?;
        }
        for r in rows {
            r.quarantined = true;
        }
    }
    Ok(())
}
