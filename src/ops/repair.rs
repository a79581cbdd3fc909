//! The one repair pipeline of start, restart, cancel, recover and sweep:
//! plan → guard → confirm → execute → report.

use anyhow::Result;

use std::time::{Duration, Instant};

use super::execute::{sort_by_plan, Executor, InFlight};
use super::interrupt;
use super::reconcile::{reconcile, run_id};
use super::session::{Connections, Fleet, Session};
use crate::core::classify::{Class, CmsInstance, Diagnosis, Row};
use crate::core::describe::describe_all;
use crate::core::error::{backend, usage};
use crate::core::guard::{actionable, refusal, Bulk, End, Rails};
use crate::core::model::{ActionResult, Audit, BackendKind, Limits, ProgressSink, Ran, RepairUi};
use crate::core::plan::{plan_instance, Action, Planned, Request};
use crate::io::db::lock_timeout;
use crate::io::store::duroxide::{Bounds, DuroxideBackend};
use crate::io::store::http::HttpBackend;
use crate::io::store::{Backend, Store};
use crate::settings::{ActionSettings, ApiSettings, Settings};

/// How one run goes through the pipeline.
pub(crate) struct Pipeline<'a> {
    /// Names the command in the default audit reason (`actorctl <command>`).
    pub(crate) command: &'static str,
    pub(crate) action: &'a ActionSettings,
    /// Ask before acting.
    pub(crate) confirm: bool,
    /// The bulk guard rails, for recover and sweep.
    pub(crate) guard: Option<(Rails, Bulk)>,
    pub(crate) limits: Limits,
}

pub(crate) async fn run(
    session: &Session<'_>,
    diagnosis: &Diagnosis,
    plan: &[Planned],
    p: &Pipeline<'_>,
    ui: &dyn RepairUi,
) -> Result<Ran> {
    if p.action.dry_run {
        return Ok(Ran::DryRun(describe_all(plan, &session.settings.describe(p.action))));
    }
    let s = session.settings;
    let audit = Audit {
        operator: s.operator.clone(),
        reason: p.action.reason.clone().unwrap_or_else(|| format!("actorctl {}", p.command)),
        run_id: run_id(),
    };
    if p.action.backend.kind == BackendKind::Duroxide {
        // Even with nothing to do: the trail must account for every claim.
        if let Err(e) = reconcile(&session.cms, &session.store, &audit, p.action.verify_timeout).await {
            tracing::warn!("cannot reconcile the journal: {e:#}");
        }
    }
    if actionable(plan) == 0 {
        return Ok(Ran::Nothing(plan.iter().map(ActionResult::skipped).collect()));
    }
    if let Some(r) = p.guard.and_then(|(rails, who)| refusal(plan, diagnosis, rails, who)) {
        let would = plan.iter().filter(|p| p.action != Action::None).cloned().collect();
        return Ok(Ran::Refused(r, would));
    }
    let backend = connect_backend(p.action, session).await?;
    if p.confirm && !ui.confirm(plan)? {
        return Err(usage("cancelled: nothing was changed"));
    }
    let exec = Executor {
        cms: &session.cms,
        store: &session.store,
        backend: &backend,
        audit,
        verify_timeout: p.action.verify_timeout,
        verify: p.action.verify,
        lock_timeout: lock_timeout(s.statement_timeout),
    };
    let progress = ui.progress(plan.len());
    let bulk = match exec.run_bulk(plan, &p.limits, progress.as_ref()).await {
        Ok(bulk) => bulk,
        Err(e) => {
            progress.finish();
            return Err(e);
        }
    };
    let mut results = bulk.results;
    if !bulk.unverified.is_empty() {
        results.extend(verify_afresh(&exec, s, bulk.unverified, progress.as_ref()).await);
        sort_by_plan(plan, &mut results);
    }
    progress.finish();
    Ok(Ran::Acted { results, end: End { interrupted: interrupt::exit_status(), lost: bulk.lost } })
}

/// The connection was lost with actions claimed and acted on: verify (and
/// journal) them on a fresh connection, retried for a few seconds; what
/// still cannot be verified is reported `unverified`.
async fn verify_afresh(
    exec: &Executor<'_>,
    s: &Settings,
    flights: Vec<InFlight>,
    progress: &dyn ProgressSink,
) -> Vec<ActionResult> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let conns = loop {
        match Connections::open(s).await {
            Ok(c) => break c,
            Err(e) if Instant::now() >= deadline || interrupt::interrupted() => {
                return Executor::unverified(flights, &format!("cannot reconnect: {e:#}"))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
        }
    };
    let session = match Session::open(&conns, s).await {
        Ok(session) => session,
        Err(e) => return Executor::unverified(flights, &format!("{e:#}")),
    };
    tracing::info!("reconnected: verifying {} claimed actions", flights.len());
    let fresh = Executor { cms: &session.cms, store: &session.store, audit: exec.audit.clone(), ..*exec };
    match fresh.verify(flights, progress).await {
        Ok(results) => results,
        Err((flights, e)) => Executor::unverified(flights, &format!("{e:#}")),
    }
}

/// Plan a request on one instance (resolved from the name an operator
/// typed): its row plus its orphans, and a note when the instance is
/// quarantined (acting anyway, as asked).
pub(crate) fn plan_one(
    fleet: &Fleet,
    request: Request,
    instance: &CmsInstance,
) -> Result<(Vec<Planned>, Option<String>)> {
    let k8s = instance.k8s_name.as_str();
    let rows = &fleet.report.rows;
    let row = rows
        .iter()
        .find(|r| r.class != Class::Orphan && r.k8s_name.as_deref() == Some(k8s))
        .ok_or_else(|| {
            usage(format!(
                "instance {k8s} is {}, not running: only running instances have actors \
             (a live actor of it is an orphan: `actorctl list --orphaned`, `actorctl cancel --actor <id>`)",
                instance.state
            ))
        })?;
    let orphans: Vec<&Row> =
        rows.iter().filter(|r| r.class == Class::Orphan && r.k8s_name.as_deref() == Some(k8s)).collect();
    let mut plan = plan_instance(request, row, &orphans);
    let note = (row.quarantined && plan[0].action != Action::None).then(|| {
        format!(
            "{k8s} is quarantined (crash loop): acting anyway, as asked; sweeps still leave it alone \
             until `actorctl reset-failed {k8s}`"
        )
    });
    if let Some(note) = &note {
        plan[0].reason = format!("{}; {note}", plan[0].reason);
    }
    Ok((plan, note))
}

/// `cancel --actor <id>`: only an orphan, and only one the store knows.
pub(crate) async fn plan_actor(id: &str, rows: &[Row], store: &Store<'_>) -> Result<Planned> {
    if let Some(o) = rows.iter().find(|r| r.class == Class::Orphan && r.actor_id.as_deref() == Some(id)) {
        return Ok(Planned {
            name: o.name.as_deref().map(str::to_string),
            k8s_name: o.k8s_name.as_deref().map(str::to_string),
            namespace: o.namespace.as_deref().map(str::to_string),
            class: Class::Orphan,
            action: Action::CancelOrphan,
            old_actor_id: Some(id.to_string()),
            old_actor_active: true,
            reason: o.evidence.clone(),
        });
    }
    if let Some(r) = rows.iter().find(|r| r.class != Class::Orphan && r.actor_id.as_deref() == Some(id)) {
        let name = r.name.as_deref().or(r.k8s_name.as_deref()).unwrap_or("?");
        return Err(usage(format!(
            "actor {id} is the current actor of instance {name}, not an orphan; use `actorctl cancel {name}`"
        )));
    }
    let ids = [id.to_string()];
    match store.states(&ids).await?.get(id) {
        None => Err(usage(format!(
            "no actor {id} in the orchestration store; `actorctl list --orphaned` shows the orphans"
        ))),
        Some(st) if !st.is_live() => Ok(Planned {
            name: None,
            k8s_name: crate::core::classify::k8s_from_actor_id(id),
            namespace: None,
            class: Class::Orphan,
            action: Action::None,
            old_actor_id: Some(id.to_string()),
            old_actor_active: false,
            reason: format!("actor {id} is already {}: nothing to cancel", st.status),
        }),
        Some(_) => Err(usage(format!(
            "actor {id} is running but not an orphan of this actor orchestration (its instance may be creating or \
             deleting); actorctl leaves it alone"
        ))),
    }
}

/// The backend actions go through. For duroxide, first make sure this role
/// may write what the protocol writes, so that a read-only role fails before
/// anything is touched.
async fn connect_backend(a: &ActionSettings, session: &Session<'_>) -> Result<Backend> {
    let s = session.settings;
    match a.backend.kind {
        BackendKind::Duroxide => {
            let mut missing = session.cms.missing_write_privileges().await?;
            missing.extend(session.store.missing_write_privileges().await?);
            if !missing.is_empty() {
                return Err(backend(format!(
                    "permission denied: the database role cannot change actors (it lacks {}). It can list and \
                     show; the operator grants are in the README (Least privilege). Nothing was changed",
                    missing.join(", ")
                )));
            }
            let bounds = Bounds {
                connect_timeout: s.connect_timeout,
                statement_timeout: s.statement_timeout,
                pooled: session.store.behind_pooler(&s.store).await?,
            };
            let dx = DuroxideBackend::connect(
                &s.store,
                &s.store_schema,
                &session.store.ledger,
                &s.actor_orchestration,
                &bounds,
            )
            .await?;
            Ok(Backend::Duroxide(dx))
        }
        BackendKind::Http => Ok(Backend::Http(HttpBackend::new(ApiSettings::resolve(&a.backend)?)?)),
    }
}
