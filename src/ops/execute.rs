//! Carries out a plan (docs/DOMAIN.md §5): claim, act, verify, audit.
//!
//! Every step leaves a state the next `list` classifies and the next repair
//! fixes: claimed but not started → missing; old actor not cancelled →
//! orphan. Verification is batched: one store query per round for every
//! action in flight.

use anyhow::Result;
use futures::StreamExt;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::faults::{connection_lost, is_usage};
use super::{faults, interrupt};
use crate::core::error::BackendError;
use crate::core::journal;
use crate::core::model::{ActionResult, Audit, InstanceState, Limits, Outcome, ProgressSink, Verify};
use crate::core::plan::{Action, Planned};
use crate::core::records::ActorState;
use crate::io::cms::Cms;
use crate::io::store::{Backend, Store};

/// How long in-flight actions may still be verified after Ctrl-C.
const GRACE: Duration = Duration::from_secs(10);

pub(crate) struct Executor<'a> {
    pub(crate) cms: &'a Cms<'a>,
    pub(crate) store: &'a Store<'a>,
    pub(crate) backend: &'a Backend,
    pub(crate) audit: Audit,
    pub(crate) verify_timeout: Duration,
    pub(crate) verify: Verify,
    /// How long a claim waits for a row lock (named in its failure).
    pub(crate) lock_timeout: Duration,
}

/// What a bulk run hands back: every action's result, the actions claimed
/// and acted on whose verification the lost connection cut short, and why
/// the run stopped starting new actions.
pub(crate) struct Bulk {
    pub(crate) results: Vec<ActionResult>,
    pub(crate) unverified: Vec<InFlight>,
    pub(crate) lost: Option<String>,
}

/// What the store and the CMS showed of the actions in flight in one round.
#[derive(Debug, Default)]
struct Seen {
    states: HashMap<String, ActorState>,
    /// Newest health check per k8s_name (only asked for `Verify::Healthy`).
    checks: HashMap<String, Option<chrono::DateTime<chrono::Utc>>>,
}

/// An action whose effect has been requested and now awaits the store.
#[derive(Debug)]
pub(crate) struct InFlight {
    planned: Planned,
    new_actor_id: Option<String>,
    /// Must be seen Running.
    expect_running: Option<String>,
    /// Must be seen finished (cancelled).
    expect_finished: Vec<String>,
    notes: Vec<String>,
    /// The claim succeeded, so the audit trail must hear of it.
    changed: bool,
    /// Another process claimed the instance after us (its actor id).
    lost_to: Option<String>,
    /// Claimed, but the action itself could not be taken.
    failure: Option<String>,
}

pub(crate) enum Progress {
    Finished(ActionResult),
    Verify(InFlight),
}

impl Executor<'_> {
    /// Claim and act for one planned action (steps 1–3). A lost connection
    /// and a usage error are returned; anything else (a lock held elsewhere,
    /// a timeout, a store or HTTP error) fails this action only.
    pub(crate) async fn act(&self, p: &Planned) -> Result<Progress> {
        let r = match (p.action, self.backend) {
            (Action::None, _) => Ok(Progress::Finished(result(p, Outcome::Skipped, None, p.reason.clone()))),
            (Action::Start | Action::Restart, Backend::Duroxide(_)) => self.replace(p).await,
            (Action::Cancel, Backend::Duroxide(_)) => self.cancel(p).await,
            (Action::CancelOrphan, Backend::Duroxide(_)) => self.cancel_orphan(p).await,
            (_, Backend::Http(_)) => self.via_http(p).await,
        };
        match r {
            Err(e) if is_usage(&e) || connection_lost(&e) => Err(e),
            // The API refusing us (auth) or unreachable: the backend is unusable.
            Err(e)
                if matches!(self.backend, Backend::Http(_)) && e.downcast_ref::<BackendError>().is_some() =>
            {
                Err(e)
            }
            Err(e) => Ok(Progress::Finished(result(p, Outcome::Failed, None, self.cause(&e)))),
            ok => ok,
        }
    }

    /// Start or restart: claim with a new id, start it, cancel the old one.
    async fn replace(&self, p: &Planned) -> Result<Progress> {
        let Backend::Duroxide(dx) = self.backend else { unreachable!("duroxide only") };
        let k8s = k8s_of(p)?;
        let new_id = new_actor_id(k8s);
        test_hook_pause();
        let intent = journal::intent(&self.audit, p, k8s, Some(&new_id));
        if !self.cms.claim(k8s, p.old_actor_id.as_deref(), Some(&new_id), true, &intent).await? {
            return Ok(Progress::Finished(changed_concurrently(p)));
        }
        tracing::info!("{k8s}: claimed for {new_id} (was {:?})", p.old_actor_id);
        crash_point("claim");
        let mut flight = InFlight::new(p, Some(new_id.clone()));
        flight.expect_running = Some(new_id.clone());
        flight.changed = true;
        match self.store.states(std::slice::from_ref(&new_id)).await {
            // start_orchestration on an existing id silently does nothing.
            Ok(known) if known.contains_key(&new_id) => {
                flight.failure =
                    Some(format!("refusing to start {new_id}: the id already exists in the store"));
                return Ok(Progress::Verify(flight));
            }
            Ok(_) => {}
            Err(e) if connection_lost(&e) => return Err(e),
            Err(e) => {
                flight.failure =
                    Some(format!("claimed, but the store could not be read: {}", self.cause(&e)));
                return Ok(Progress::Verify(flight));
            }
        }
        let input = serde_json::json!({
            "k8s_name": k8s,
            "namespace": p.namespace.as_deref().unwrap_or("toygres"),
            "orchestration_id": new_id,
        });
        if let Err(e) = dx.start(&new_id, &input.to_string()).await {
            flight.failure = Some(format!("claimed, but the start failed: {}", self.cause(&e)));
            return Ok(Progress::Verify(flight));
        }
        tracing::info!("{k8s}: start of {new_id} requested");
        crash_point("start");
        // Even a "missing" old id is checked: a concurrent claimer may have
        // started it since we classified.
        if let Some(old) = p.old_actor_id.as_deref() {
            match self.cancel_if_live(old, &mut flight).await {
                Ok(true) => flight.expect_finished.push(old.to_string()),
                Ok(false) => {}
                Err(e) if connection_lost(&e) => return Err(e),
                Err(e) => {
                    flight.notes.push(format!("the old actor {old} was not cancelled: {}", self.cause(&e)))
                }
            }
        }
        crash_point("cancel");
        Ok(Progress::Verify(flight))
    }

    /// Cancel an instance's actor: clear the id by compare-and-swap first.
    async fn cancel(&self, p: &Planned) -> Result<Progress> {
        let k8s = k8s_of(p)?;
        let Some(old) = p.old_actor_id.as_deref() else {
            return Ok(Progress::Finished(result(p, Outcome::Skipped, None, "no actor to cancel".into())));
        };
        test_hook_pause();
        let intent = journal::intent(&self.audit, p, k8s, None);
        if !self.cms.claim(k8s, Some(old), None, false, &intent).await? {
            return Ok(Progress::Finished(changed_concurrently(p)));
        }
        crash_point("claim");
        let mut flight = InFlight::new(p, None);
        flight.changed = true;
        match self.cancel_if_live(old, &mut flight).await {
            Ok(true) => flight.expect_finished.push(old.to_string()),
            Ok(false) => {}
            Err(e) if connection_lost(&e) => return Err(e),
            Err(e) => flight.failure = Some(format!("claimed, but the cancel failed: {}", self.cause(&e))),
        }
        crash_point("cancel");
        Ok(Progress::Verify(flight))
    }

    /// Cancel an actor that no running instance points to (re-checked now).
    async fn cancel_orphan(&self, p: &Planned) -> Result<Progress> {
        let id = p.old_actor_id.as_deref().ok_or_else(|| anyhow::anyhow!("orphan without an id"))?;
        let owners = self.cms.instances_pointing_to(id).await?;
        if let Some((k8s, _)) = owners.iter().find(|(_, state)| InstanceState::Running == state.as_str()) {
            return Ok(Progress::Finished(result(
                p,
                Outcome::Skipped,
                None,
                format!("changed concurrently: {id} is now the actor of running instance {k8s}"),
            )));
        }
        let mut flight = InFlight::new(p, None);
        if self.cancel_if_live(id, &mut flight).await? {
            flight.changed = true;
            flight.expect_finished.push(id.to_string());
        } else {
            return Ok(Progress::Finished(result(p, Outcome::Skipped, None, flight.notes.join("; "))));
        }
        crash_point("cancel");
        Ok(Progress::Verify(flight))
    }

    /// Cancel `id` only if the store knows it and it is not finished
    /// (cancelling an unknown id would leave a stray row behind).
    async fn cancel_if_live(&self, id: &str, flight: &mut InFlight) -> Result<bool> {
        let Backend::Duroxide(dx) = self.backend else { return Ok(false) };
        let ids = [id.to_string()];
        match self.store.states(&ids).await?.get(id) {
            // Only worth saying when the classification expected it alive.
            None => {
                if flight.planned.old_actor_active {
                    flight.notes.push(format!("old actor {id} is no longer in the store; nothing to cancel"));
                }
                Ok(false)
            }
            Some(s) if !s.is_live() => {
                if flight.planned.old_actor_active {
                    flight.notes.push(format!("old actor {id} already {}", s.status));
                }
                Ok(false)
            }
            Some(_) => {
                let reason = format!("{} by {}", self.audit.reason, self.audit.operator);
                dx.cancel(id, &reason).await?;
                tracing::info!("cancellation of {id} requested");
                Ok(true)
            }
        }
    }

    /// The control plane claims, acts and audits; we verify in the store.
    async fn via_http(&self, p: &Planned) -> Result<Progress> {
        let Backend::Http(api) = self.backend else { unreachable!("http only") };
        let k8s = k8s_of(p)?;
        let verb = match p.action {
            Action::Start => "start",
            Action::Restart => "restart",
            Action::Cancel => "cancel",
            _ => {
                return Ok(Progress::Finished(result(
                    p,
                    Outcome::Failed,
                    None,
                    "the control plane API cannot cancel an actor by id; use --backend duroxide".into(),
                )))
            }
        };
        let column = api.name_field().column();
        let Some(name) = self.cms.instance_column(k8s, column).await? else {
            return Ok(Progress::Finished(result(
                p,
                Outcome::Failed,
                None,
                format!(
                    "instance {k8s} has no {column} to name it in the API; try --api-name-field k8s_name"
                ),
            )));
        };
        api.call(&name, verb).await?;
        let now = self.cms.current_actor(k8s).await?;
        let mut flight = InFlight::new(p, None);
        flight.changed = true;
        if verb == "cancel" {
            if let Some(old) = &p.old_actor_id {
                flight.expect_finished.push(old.clone());
            }
        } else {
            match now {
                Some(id) if Some(&id) != p.old_actor_id.as_ref() || p.action == Action::Start => {
                    flight.new_actor_id = Some(id.clone());
                    flight.expect_running = Some(id);
                    if let Some(old) =
                        p.old_actor_id.as_ref().filter(|_| p.old_actor_active && p.action == Action::Restart)
                    {
                        flight.expect_finished.push(old.clone());
                    }
                }
                _ => flight
                    .notes
                    .push("the control plane answered OK but the instance still names the old actor".into()),
            }
        }
        Ok(Progress::Verify(flight))
    }

    /// Steps 4 and 5 for everything in flight: poll the store (one query per
    /// round for all of them) until each shows its result or the deadline
    /// passes, then write the audit trail. A lost connection hands every
    /// flight back, to be verified on a fresh one.
    // Long on purpose: the verification loop and its journaling read best as one piece.
    pub(crate) async fn verify(
        &self,
        flights: Vec<InFlight>,
        progress: &dyn ProgressSink,
    ) -> Result<Vec<ActionResult>, (Vec<InFlight>, anyhow::Error)> {
        let timeout =
            if interrupt::interrupted() { self.verify_timeout.min(GRACE) } else { self.verify_timeout };
        let mut deadline = Instant::now() + timeout;
        let mut graced = interrupt::interrupted();
        let mut pending: Vec<InFlight> = flights;
        let mut concluded: Vec<(InFlight, Seen)> = Vec::new();
        loop {
            let seen = match self.look(&pending).await {
                Ok(seen) => seen,
                Err(e) => {
                    pending.extend(concluded.into_iter().map(|(f, _)| f));
                    return Err((pending, e));
                }
            };
            if !graced && interrupt::interrupted() {
                // A signal during verification: at most GRACE more.
                graced = true;
                deadline = deadline.min(Instant::now() + GRACE);
            }
            let last_round = Instant::now() >= deadline;
            let verify = self.verify;
            let (ready, waiting): (Vec<InFlight>, Vec<InFlight>) = pending
                .into_iter()
                .partition(|f| last_round || f.satisfied(&seen, verify) || f.failed_early());
            for f in ready {
                let mine = Seen {
                    states: f.ids().filter_map(|id| seen.states.get(&id).map(|s| (id, s.clone()))).collect(),
                    checks: f
                        .k8s()
                        .and_then(|k| seen.checks.get_key_value(k))
                        .map(|(k, v)| (k.clone(), *v))
                        .into_iter()
                        .collect(),
                };
                concluded.push((f, mine));
            }
            pending = waiting;
            if pending.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        if let Err(e) = self.check_ownership(&mut concluded).await {
            return Err((concluded.into_iter().map(|(f, _)| f).collect(), e));
        }
        // One after the other, so the trail's ids follow the plan's order.
        let verify = self.verify;
        let mut results = Vec::with_capacity(concluded.len());
        for (f, seen) in concluded {
            let mut r = f.conclude(&seen, timeout, verify);
            if f.changed {
                self.record(&mut r).await;
            }
            progress.verified(r.outcome);
            results.push(r);
        }
        Ok(results)
    }

    /// One round: the store's view of every id in flight (one query) and,
    /// when health is verified, the newest health check of every instance
    /// whose new actor already runs (one more).
    async fn look(&self, pending: &[InFlight]) -> Result<Seen> {
        let ids: Vec<String> = pending.iter().flat_map(InFlight::ids).collect();
        let states = if ids.is_empty() { HashMap::new() } else { self.store.states(&ids).await? };
        let names: Vec<String> = match self.verify {
            Verify::Running => Vec::new(),
            Verify::Healthy => pending
                .iter()
                .filter(|f| {
                    f.expect_running
                        .as_ref()
                        .is_some_and(|id| states.get(id).is_some_and(ActorState::is_running))
                })
                .filter_map(|f| f.k8s().map(str::to_string))
                .collect(),
        };
        let checks =
            if names.is_empty() { HashMap::new() } else { self.cms.last_health_checks(&names).await? };
        Ok(Seen { states, checks })
    }

    /// Flights that could not be verified: reported `unverified`, with why.
    pub(crate) fn unverified(flights: Vec<InFlight>, why: &str) -> Vec<ActionResult> {
        flights
            .into_iter()
            .map(|f| {
                let msg = match &f.failure {
                    Some(failure) => format!("{failure}; not journaled: {why}"),
                    None => format!(
                        "claimed and acted on, but not verified: {why}; the next acting run reconciles it"
                    ),
                };
                let outcome = if f.failure.is_some() { Outcome::Failed } else { Outcome::Unverified };
                result(&f.planned, outcome, f.new_actor_id.clone(), msg)
            })
            .collect()
    }

    /// A failure's cause for the report (a lock wait says so).
    fn cause(&self, e: &anyhow::Error) -> String {
        faults::cause(e, self.lock_timeout)
    }

    /// A claim can be overtaken between our claim and our start: another
    /// process that classified the row as missing claims it again and starts
    /// its own actor. Whoever no longer owns the row cancels the actor it
    /// started, so that one instance never keeps two (one query for all).
    async fn check_ownership(&self, concluded: &mut [(InFlight, Seen)]) -> Result<()> {
        let names: Vec<String> = concluded
            .iter()
            .filter(|(f, _)| f.expect_running.is_some())
            .filter_map(|(f, _)| f.planned.k8s_name.clone())
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        let owners = self.cms.current_actors(&names).await?;
        for (f, seen) in concluded.iter_mut() {
            let (Some(mine), Some(k8s)) = (f.expect_running.clone(), f.planned.k8s_name.as_deref()) else {
                continue;
            };
            let owner = owners.get(k8s).cloned().flatten();
            if owner.as_deref() == Some(mine.as_str()) {
                continue;
            }
            if let Backend::Duroxide(dx) = self.backend {
                if seen.states.get(&mine).is_some_and(ActorState::is_live) {
                    if let Err(e) =
                        dx.cancel(&mine, "actorctl: another process claimed the instance after us").await
                    {
                        f.notes.push(format!("{mine} was not cancelled: {e:#}"));
                    }
                }
            }
            f.lost_to = Some(owner.unwrap_or_else(|| "no actor".into()));
        }
        Ok(())
    }

    /// Step 5: one `instance_events` row per action that was claimed or
    /// failed (and the hold after a cancel), with the run id of its intent.
    /// In http mode the control plane audits its own actions. A failure to
    /// write is said in the result.
    async fn record(&self, r: &mut ActionResult) {
        let Backend::Duroxide(_) = self.backend else { return };
        for entry in [self.audit.of_result(r), self.audit.hold(r)].into_iter().flatten() {
            if let Err(e) = self.cms.audit(&entry).await {
                r.message = format!(
                    "{}; not journaled: {} (the next acting run reconciles it)",
                    r.message,
                    self.cause(&e)
                );
                return;
            }
        }
    }

    /// Act on many actions with bounded concurrency (and rate), then verify
    /// them in batched rounds. After a signal no new action starts; those
    /// not started are reported as skipped. After a lost connection none
    /// starts either, and those claimed are handed back unverified.
    // Long on purpose: pacing, signals, a lost connection and progress meet in this one loop.
    pub(crate) async fn run_bulk(
        &self,
        plan: &[Planned],
        limits: &Limits,
        progress: &dyn ProgressSink,
    ) -> Result<Bulk> {
        let pace = limits.rps.filter(|r| *r > 0.0).map(|r| {
            let mut t = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
            t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tokio::sync::Mutex::new(t)
        });
        let lost: Mutex<Option<String>> = Mutex::new(None);
        let (pace, lost_ref) = (&pace, &lost);
        let acts = plan.iter().map(|p| async move {
            if let Some(t) = pace {
                tokio::select! {
                    _ = async { t.lock().await.tick().await } => {}
                    () = interrupt::stopped() => {}
                }
            }
            if interrupt::interrupted() {
                return Ok(Progress::Finished(result(
                    p,
                    Outcome::Skipped,
                    None,
                    "not attempted: interrupted".into(),
                )));
            }
            if let Some(why) = lost_ref.lock().expect("lost").clone() {
                return Ok(Progress::Finished(result(
                    p,
                    Outcome::Failed,
                    None,
                    format!("not attempted: {why}"),
                )));
            }
            let r = match self.act(p).await {
                Err(e) if connection_lost(&e) => {
                    let why = format!("{e:#}");
                    lost_ref.lock().expect("lost").get_or_insert_with(|| why.clone());
                    let msg = format!(
                        "{why} (if the claim was made, its journal row was too: the next run reconciles it)"
                    );
                    Progress::Finished(result(p, Outcome::Failed, None, msg))
                }
                r => r?,
            };
            progress.acted(match &r {
                Progress::Finished(r) => Some(r.outcome),
                Progress::Verify(_) => None,
            });
            anyhow::Ok(r)
        });
        let acted: Vec<Result<Progress>> =
            futures::stream::iter(acts).buffered(limits.concurrency.max(1)).collect().await;
        let mut done = Vec::new();
        let mut flights = Vec::new();
        for a in acted {
            match a? {
                Progress::Finished(r) => done.push(r),
                Progress::Verify(f) => flights.push(f),
            }
        }
        progress.verifying();
        let mut lost = lost.into_inner().expect("lost");
        let mut unverified = Vec::new();
        let verified = match self.verify(flights, progress).await {
            Ok(r) => r,
            Err((back, e)) => {
                lost.get_or_insert_with(|| format!("{e:#}"));
                unverified = back;
                Vec::new()
            }
        };
        // Failures that claimed nothing are journaled too, last: a row lock
        // held elsewhere also blocks the journal row's foreign-key check.
        if lost.is_none() {
            let attempted = |r: &&mut ActionResult| {
                r.outcome == Outcome::Failed && !r.message.starts_with("not attempted")
            };
            for r in done.iter_mut().filter(attempted) {
                self.record(r).await;
            }
        }
        done.extend(verified);
        sort_by_plan(plan, &mut done);
        Ok(Bulk { results: done, unverified, lost })
    }
}

/// Report in plan order.
pub(crate) fn sort_by_plan(plan: &[Planned], results: &mut [ActionResult]) {
    let position = |r: &ActionResult| {
        plan.iter().position(|p| {
            p.k8s_name == r.k8s_name && p.old_actor_id == r.old_actor_id && p.action == r.action
        })
    };
    results.sort_by_key(position);
}

impl InFlight {
    fn new(p: &Planned, new_actor_id: Option<String>) -> InFlight {
        InFlight {
            planned: p.clone(),
            new_actor_id,
            expect_running: None,
            expect_finished: Vec::new(),
            notes: Vec::new(),
            changed: false,
            lost_to: None,
            failure: None,
        }
    }

    fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.expect_running.iter().chain(self.expect_finished.iter()).cloned()
    }

    fn k8s(&self) -> Option<&str> {
        self.planned.k8s_name.as_deref()
    }

    /// The new actor's newest health check, when it is after its start.
    fn checked_since_start(&self, seen: &Seen) -> Option<chrono::DateTime<chrono::Utc>> {
        let started = self.expect_running.as_ref().and_then(|id| seen.states.get(id))?.created_at?;
        let check = (*seen.checks.get(self.k8s()?)?)?;
        (check > started).then_some(check)
    }

    /// Failed before there was anything to wait for.
    fn failed_early(&self) -> bool {
        self.failure.is_some()
    }

    fn running(&self, seen: &Seen) -> bool {
        self.expect_running.as_ref().is_none_or(|id| seen.states.get(id).is_some_and(ActorState::is_running))
    }

    fn satisfied(&self, seen: &Seen, verify: Verify) -> bool {
        let healthy = verify == Verify::Running
            || self.expect_running.is_none()
            || self.checked_since_start(seen).is_some();
        let finished =
            self.expect_finished.iter().all(|id| seen.states.get(id).is_some_and(|s| !s.is_live()));
        self.running(seen) && healthy && finished && self.failure.is_none()
    }

    fn conclude(&self, seen: &Seen, timeout: Duration, verify: Verify) -> ActionResult {
        let states = &seen.states;
        let p = &self.planned;
        if let (Some(owner), Some(mine)) = (&self.lost_to, &self.expect_running) {
            let msg = format!(
                "changed concurrently: the instance was claimed again ({owner}) after we started {mine}; {mine} was cancelled"
            );
            return result(p, Outcome::Skipped, self.new_actor_id.clone(), msg);
        }
        let mut msg: Vec<String> = Vec::new();
        let outcome = if let Some(f) = &self.failure {
            msg.push(f.clone());
            Outcome::Failed
        } else if self.satisfied(seen, verify) {
            if let Some(id) = &self.expect_running {
                let check = match (verify, self.checked_since_start(seen)) {
                    (Verify::Healthy, Some(at)) => {
                        format!(
                            ", health check recorded at {}",
                            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                        )
                    }
                    _ => String::new(),
                };
                msg.push(format!("{id} is {}{check}", states[id].status));
            }
            for id in &self.expect_finished {
                let s = &states[id];
                msg.push(format!("{id} {}", s.output.as_deref().unwrap_or(s.status.as_str())));
            }
            Outcome::Done
        } else {
            let show =
                |id: &String| states.get(id).map_or("not in the store".to_string(), |s| s.status.to_string());
            match &self.expect_running {
                Some(id) if self.running(seen) => msg.push(format!(
                    "{id} is {}, no health check recorded in {}s",
                    show(id),
                    timeout.as_secs()
                )),
                Some(id) => msg.push(format!(
                    "{id} not seen Running within {}s (store: {})",
                    timeout.as_secs(),
                    show(id)
                )),
                None => {}
            }
            for id in self.expect_finished.iter().filter(|id| states.get(*id).is_none_or(ActorState::is_live))
            {
                msg.push(format!(
                    "{id} not seen cancelled within {}s (store: {})",
                    timeout.as_secs(),
                    show(id)
                ));
            }
            Outcome::Unverified
        };
        msg.extend(self.notes.iter().cloned());
        result(p, outcome, self.new_actor_id.clone(), msg.join("; "))
    }
}

fn result(p: &Planned, outcome: Outcome, new_actor_id: Option<String>, message: String) -> ActionResult {
    ActionResult::of(p, outcome, new_actor_id, message)
}

fn changed_concurrently(p: &Planned) -> ActionResult {
    let was = p.old_actor_id.as_deref().unwrap_or("no actor");
    result(
        p,
        Outcome::Skipped,
        None,
        format!("changed concurrently: the instance no longer points to {was} (another operator or a sweep acted)"),
    )
}

fn k8s_of(p: &Planned) -> Result<&str> {
    p.k8s_name.as_deref().ok_or_else(|| anyhow::anyhow!("no instance to act on"))
}

/// `actor-<k8s_name>-<8 hex>`: a restart needs a new id, because starting an
/// existing id silently does nothing.
pub(crate) fn new_actor_id(k8s_name: &str) -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("actor-{k8s_name}-{}", &hex[..8])
}

/// Test-only: `ACTORCTL_TEST_CRASH_AFTER=claim|start|cancel` makes the
/// process die abruptly after that step (debug builds only).
fn crash_point(step: &str) {
    if cfg!(debug_assertions) && std::env::var("ACTORCTL_TEST_CRASH_AFTER").as_deref() == Ok(step) {
        tracing::error!("test hook: crashing after {step}");
        std::process::abort();
    }
}

/// Test-only: `ACTORCTL_TEST_PAUSE_BEFORE_CLAIM_MS` widens the window between
/// classifying and claiming, so that concurrent processes really race.
fn test_hook_pause() {
    if !cfg!(debug_assertions) {
        return;
    }
    if let Some(ms) =
        std::env::var("ACTORCTL_TEST_PAUSE_BEFORE_CLAIM_MS").ok().and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(Duration::from_millis(ms));
    }
}
