//! The classification contract of docs/DOMAIN.md §4: facts in, classes and
//! evidence out. Pure: no I/O, and the clock is one of the facts.

use chrono::{DateTime, Utc};
use serde::Serialize;
// Fx: the keys are names from our own databases, and hashing 100k of them
// with SipHash was a fifth of the classification.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::time::Duration;

use super::model::{ActorStatus, InstanceState, Name};
use super::timefmt::{compact, Relative};

/// One row of `toygres_cms.instances`, as far as actorctl needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CmsInstance {
    pub(crate) user_name: Name,
    pub(crate) k8s_name: Name,
    /// The name toygres's API addresses the instance by (the user's name at
    /// creation; `__deleted_<name>` or NULL once freed).
    pub(crate) dns_name: Option<Name>,
    pub(crate) namespace: Name,
    pub(crate) state: InstanceState,
    pub(crate) health_status: Option<Name>,
    pub(crate) actor_id: Option<Name>,
    pub(crate) last_health_check: Option<DateTime<Utc>>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    /// Since when the instance is in its current state: the newest
    /// `state_change` event into it, else `created_at`.
    pub(crate) state_since: Option<DateTime<Utc>>,
    /// Quarantined by the crash-loop budget (from `instance_events`).
    pub(crate) quarantined: bool,
    /// Starts and restarts by actorctl within the budget's window.
    pub(crate) recent_restarts: i64,
    /// An operator cancelled the actor on purpose (`actor_held` is its
    /// latest actor event): unmonitored by choice until `start`.
    pub(crate) held: bool,
}

/// An orchestration instance in the store, with what its queues hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct StoreActor {
    pub(crate) instance_id: String,
    /// Shared: a fleet's actors all name the same one.
    pub(crate) orchestration: std::sync::Arc<str>,
    /// Status of the current execution: Running, ContinuedAsNew, Completed, Failed.
    pub(crate) status: ActorStatus,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
    pub(crate) execution_started_at: Option<DateTime<Utc>>,
    pub(crate) last_history_at: Option<DateTime<Utc>>,
    /// Items in the orchestrator queue that can wake the current execution:
    /// messages, and its loop timer (not leftover activity-timeout timers).
    pub(crate) queued_messages: i64,
    /// Activity work items in the worker queue for this instance.
    pub(crate) queued_activities: i64,
    /// Fire time of the actor's loop timer: the unfired timer its current
    /// execution waits on (from its history), not leftover activity-timeout
    /// timers.
    pub(crate) next_timer: Option<DateTime<Utc>>,
    /// A dispatcher holds the instance lock right now.
    pub(crate) locked: bool,
    /// `k8s_name` from the actor's input, when it could be read.
    pub(crate) input_k8s_name: Option<String>,
    /// When the current execution finished (a dead actor's time of death).
    pub(crate) completed_at: Option<DateTime<Utc>>,
    /// The activity the current execution waits on, if any.
    pub(crate) waiting_on: Option<ActivityWait>,
}

/// An activity scheduled by the actor's current execution and not finished.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActivityWait {
    pub(crate) name: String,
    pub(crate) since: Option<DateTime<Utc>>,
    /// A worker holds its work item right now (it runs, or hangs).
    pub(crate) locked: bool,
}

impl ActivityWait {
    /// `cms-record-health-check` of `toygres-orchestrations::activity::cms-record-health-check`.
    pub(crate) fn short_name(&self) -> &str {
        self.name.rsplit("::").next().unwrap_or(&self.name)
    }
}

/// A start request waiting in the orchestrator queue; no instance row yet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueuedStart {
    pub(crate) instance_id: String,
    pub(crate) orchestration: String,
    pub(crate) queued_at: DateTime<Utc>,
    pub(crate) input_k8s_name: Option<String>,
}

/// Everything the store query returns.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct StoreSnapshot {
    pub(crate) actors: Vec<StoreActor>,
    pub(crate) queued_starts: Vec<QueuedStart>,
    /// The oldest orchestrator-queue item that is visible and not locked.
    pub(crate) oldest_overdue: Option<DateTime<Utc>>,
    /// Locks held right now on instances or queue items (someone is working).
    pub(crate) live_locks: i64,
}

impl StoreSnapshot {
    /// Add another part of the fleet, read by a statement of its own (the
    /// queue health comes with one part only).
    pub(crate) fn absorb(&mut self, other: StoreSnapshot) {
        self.actors.extend(other.actors);
        self.queued_starts.extend(other.queued_starts);
        self.oldest_overdue = self.oldest_overdue.or(other.oldest_overdue);
        self.live_locks += other.live_locks;
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) now: DateTime<Utc>,
    pub(crate) instances: Vec<CmsInstance>,
    pub(crate) store: StoreSnapshot,
    pub(crate) actor_orchestration: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Class {
    // Declaration order is severity order, most severe first.
    Zombie,
    Dead,
    Missing,
    Stale,
    Orphan,
    /// A lifecycle (create or delete) that never finished: not an actor fault.
    Stuck,
    Healthy,
    /// Cancelled on purpose by an operator: left alone until `start`.
    Held,
}

impl Class {
    pub(crate) const ALL: [Class; 8] = [
        Class::Zombie,
        Class::Dead,
        Class::Missing,
        Class::Stale,
        Class::Orphan,
        Class::Stuck,
        Class::Healthy,
        Class::Held,
    ];

    /// Anything but healthy or held: what `list` exits 1 for.
    pub(crate) fn is_unhealthy(self) -> bool {
        !matches!(self, Class::Healthy | Class::Held)
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Class::Healthy => "healthy",
            Class::Held => "held",
            Class::Stale => "stale",
            Class::Zombie => "zombie",
            Class::Missing => "missing",
            Class::Dead => "dead",
            Class::Orphan => "orphan",
            Class::Stuck => "stuck",
        }
    }
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One classified row: an instance with its actor, or an orphaned actor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) name: Option<Name>,
    pub(crate) k8s_name: Option<Name>,
    pub(crate) namespace: Option<Name>,
    pub(crate) state: Option<InstanceState>,
    pub(crate) health_status: Option<Name>,
    pub(crate) class: Class,
    pub(crate) actor_id: Option<Name>,
    /// Store status of the actor; `Pending` for a start still in the queue.
    pub(crate) actor_status: Option<ActorStatus>,
    pub(crate) last_health_check: Option<DateTime<Utc>>,
    /// When the actor last made progress (docs/DOMAIN.md §3).
    pub(crate) last_progress: Option<DateTime<Utc>>,
    pub(crate) next_timer: Option<DateTime<Utc>>,
    pub(crate) evidence: String,
    /// When the CMS row was created (for --min-age).
    pub(crate) instance_created_at: Option<DateTime<Utc>>,
    /// When the actor was created in the store, or its start queued.
    pub(crate) actor_created_at: Option<DateTime<Utc>>,
    /// The instance is quarantined: sweeps leave it alone.
    pub(crate) quarantined: bool,
    /// Starts and restarts by actorctl within the crash-loop window.
    pub(crate) recent_restarts: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub(crate) struct Diagnosis {
    pub(crate) workers_down: bool,
    /// The workers hold locks, but due work keeps ageing past T: stuck.
    pub(crate) workers_stalled: bool,
    /// More unhealthy at once than the disruption budget allows.
    pub(crate) fleet_wide: bool,
    pub(crate) message: Option<String>,
}

impl Diagnosis {
    /// Restarting actors now would fix nothing.
    pub(crate) fn fleet_is_sick(&self) -> bool {
        self.workers_down || self.workers_stalled || self.fleet_wide
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    pub(crate) now: DateTime<Utc>,
    pub(crate) stale_after: Duration,
    pub(crate) rows: Vec<Row>,
    pub(crate) diagnosis: Diagnosis,
}

/// The newest of the current execution's start and its newest history event
/// other than a timer firing (leftover activity-timeout timers fire into a
/// waiting execution). `instances.updated_at` also moves on such a turn, so
/// it counts only when the history is unknown.
pub(crate) fn last_progress(a: &StoreActor) -> Option<DateTime<Utc>> {
    let updated = if a.last_history_at.is_some() { None } else { a.updated_at };
    [updated, a.execution_started_at, a.last_history_at, a.created_at].into_iter().flatten().max()
}

/// The thresholds of DOMAIN.md §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Thresholds {
    /// T: health checks or progress older than this are stale.
    pub(crate) stale_after: Duration,
    /// The actor's loop timer (30 s in toygres): overdue work older than
    /// twice this, with nobody working, means the workers are down.
    pub(crate) actor_interval: Duration,
    /// A `creating` or `deleting` instance older than this is stuck.
    pub(crate) stuck_after: Duration,
}

impl Thresholds {
    pub(crate) const DEFAULT_ACTOR_INTERVAL: Duration = Duration::from_secs(30);
    pub(crate) const DEFAULT_STUCK_AFTER: Duration = Duration::from_secs(30 * 60);

    /// T with the default loop interval and stuck threshold.
    pub(crate) fn with_stale_after(stale_after: Duration) -> Thresholds {
        Thresholds {
            stale_after,
            actor_interval: Self::DEFAULT_ACTOR_INTERVAL,
            stuck_after: Self::DEFAULT_STUCK_AFTER,
        }
    }
}

/// Classify with threshold T and the default loop interval and stuck threshold.
pub(crate) fn classify(facts: &Facts, stale_after: Duration) -> Report {
    classify_with(facts, &Thresholds::with_stale_after(stale_after))
}

/// [`classify_owned`] on a copy of the facts.
pub(crate) fn classify_with(facts: &Facts, th: &Thresholds) -> Report {
    classify_owned(facts.clone(), th)
}

/// Classify every running instance, every running actor and every stuck
/// lifecycle (DOMAIN.md §4). Takes the facts: each instance's strings move
/// into its row, so a fleet is never held twice.
pub(crate) fn classify_owned(facts: Facts, th: &Thresholds) -> Report {
    let stale_after = th.stale_after;
    let t = chrono::Duration::from_std(stale_after).unwrap_or(chrono::Duration::MAX);
    let ctx = Ctx {
        now: facts.now,
        t,
        t_text: compact(stale_after.as_secs()),
        interval: chrono::Duration::from_std(th.actor_interval).unwrap_or(chrono::Duration::MAX),
        stuck_after: th.stuck_after,
    };
    let mut rows = orphans(&facts, &ctx);
    let Facts { now, mut instances, store, .. } = facts;
    let actors: HashMap<&str, &StoreActor> =
        store.actors.iter().map(|a| (a.instance_id.as_str(), a)).collect();
    let starts: HashMap<&str, &QueuedStart> =
        store.queued_starts.iter().map(|q| (q.instance_id.as_str(), q)).collect();
    rows.reserve(instances.len());
    // Taken one by one, the instances' buffer given back as it empties, so
    // that it and the rows are not both held whole (20 MB at 100k).
    instances.reverse();
    while let Some(i) = instances.pop() {
        if i.state == InstanceState::Running {
            rows.push(ctx.instance_row(i, &actors, &starts));
        } else if let Some(row) = ctx.stuck_row(i, &actors) {
            rows.push(row);
        }
        if instances.len() < instances.capacity() / 2 {
            instances.shrink_to_fit();
        }
    }
    sort_rows(&mut rows);
    Report { now, stale_after, rows, diagnosis: diagnose(&store, &ctx) }
}

/// Severity first, then the name an operator reads.
fn sort_key(r: &Row) -> (Class, Option<&str>, Option<&str>) {
    (r.class, r.name.as_deref().or(r.k8s_name.as_deref()), r.actor_id.as_deref())
}

/// A stable sort by [`sort_key`] that moves each row once: the order is
/// found on indices, then applied cycle by cycle (a merge sort of the rows
/// themselves moves each a dozen times, a third of the classification).
fn sort_rows(rows: &mut [Row]) {
    let mut order = sorted_order(rows, PARALLEL_SORT_FROM);
    // Position k takes the row now at order[k]; order[k] = k marks it done.
    for start in 0..rows.len() {
        let mut k = start;
        while order[k] != start {
            let from = order[k];
            rows.swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}

/// Rows from which [`sorted_order`] sorts on two threads.
const PARALLEL_SORT_FROM: usize = 20_000;

/// The indices of `rows` in [`sort_key`] order, ties in index order. From
/// `parallel_from` rows on, in two halves on two threads, then merged.
fn sorted_order(rows: &[Row], parallel_from: usize) -> Vec<usize> {
    let by_key = |a: &usize, b: &usize| sort_key(&rows[*a]).cmp(&sort_key(&rows[*b]));
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if rows.len() < parallel_from.max(2) {
        order.sort_by(by_key);
        return order;
    }
    let (left, right) = order.split_at_mut(rows.len() / 2);
    std::thread::scope(|scope| {
        scope.spawn(|| left.sort_by(by_key));
        right.sort_by(by_key);
    });
    let (left, right) = order.split_at(rows.len() / 2);
    let (mut l, mut r) = (0, 0);
    let mut merged = Vec::with_capacity(rows.len());
    while l < left.len() && r < right.len() {
        // The left half holds the lower indices: it wins ties.
        if by_key(&right[r], &left[l]).is_lt() {
            merged.push(right[r]);
            r += 1;
        } else {
            merged.push(left[l]);
            l += 1;
        }
    }
    merged.extend_from_slice(&left[l..]);
    merged.extend_from_slice(&right[r..]);
    merged
}

/// A row's evidence, written into room for the common line at once:
/// `format!` starts from the literal pieces' length and grows the text
/// three or four times, most of the classification's time at 100k rows.
/// 80 bytes hold a healthy row's line (at most 79: both ages at six
/// characters, the timer overdue); longer lines, rarer, grow once. (128
/// cost 48 MB more at 1M rows than `format!`'s growth did.)
macro_rules! evidence {
    ($($arg:tt)*) => {
        evidence_text(format_args!($($arg)*))
    };
}

fn evidence_text(args: std::fmt::Arguments<'_>) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(80);
    let _ = text.write_fmt(args);
    text
}

struct Ctx {
    now: DateTime<Utc>,
    t: chrono::Duration,
    t_text: String,
    interval: chrono::Duration,
    stuck_after: Duration,
}

impl Ctx {
    fn older_than_t(&self, at: Option<DateTime<Utc>>) -> bool {
        at.is_none_or(|at| self.now - at > self.t)
    }

    fn age(&self, at: Option<DateTime<Utc>>) -> Relative {
        Relative(at, self.now)
    }

    fn instance_row(
        &self,
        i: CmsInstance,
        actors: &HashMap<&str, &StoreActor>,
        starts: &HashMap<&str, &QueuedStart>,
    ) -> Row {
        let held = i.held;
        // Looked up before the instance moves into its row (no copy of the id).
        let actor = i.actor_id.as_deref().and_then(|id| actors.get(id).copied());
        let start = i.actor_id.as_deref().filter(|_| actor.is_none()).and_then(|id| starts.get(id).copied());
        let mut row = base_row(i, Class::Missing);
        let Some(id) = row.actor_id.as_deref() else {
            if held {
                row.class = Class::Held;
                row.evidence =
                    "held: an operator cancelled its actor (`actorctl start` lifts the hold)".into();
            } else {
                row.evidence = "no actor: instance_actor_orchestration_id is NULL".into();
            }
            return row;
        };
        match (actor, start) {
            (Some(a), _) => self.fill_from_actor(&mut row, a),
            (None, Some(q)) => self.fill_from_queued_start(&mut row, q),
            (None, None) => row.evidence = evidence!("actor {id} does not exist in the store"),
        }
        row
    }

    fn fill_from_actor(&self, row: &mut Row, a: &StoreActor) {
        let progress = last_progress(a);
        row.actor_status = Some(a.status.clone());
        row.actor_created_at = a.created_at;
        row.last_progress = progress;
        row.next_timer = a.next_timer;
        let health = HealthNote(self.age(row.last_health_check));
        if a.status.is_finished() {
            row.class = Class::Dead;
            row.evidence = evidence!("actor {} ({})", a.status, self.age(a.completed_at.or(progress)));
            return;
        }
        if !a.status.is_running() {
            row.class = Class::Zombie;
            row.evidence = evidence!("actor in unexpected store status {:?}; {health}", a.status);
            return;
        }
        let waiting = a.queued_messages + a.queued_activities > 0 || a.locked;
        let activity = a.waiting_on.as_ref().map(|w| self.activity_note(w)).unwrap_or_default();
        if let Some(w) = a.waiting_on.as_ref().filter(|w| self.older_than_t(w.since)) {
            row.class = Class::Zombie;
            row.evidence = evidence!(
                "actor {} but{activity}, over {}; {health}",
                a.status,
                self.t_text,
                activity = self.activity_note(w).trim_start_matches(','),
            );
        } else if !waiting {
            row.class = Class::Zombie;
            row.evidence = evidence!(
                "actor {} but nothing queued can wake it (no loop timer, message or activity); last progress {}",
                a.status,
                self.age(progress)
            );
        } else if self.older_than_t(progress) {
            row.class = Class::Zombie;
            row.evidence = evidence!(
                "actor {} but no progress for over {} (last progress {}{})",
                a.status,
                self.t_text,
                self.age(progress),
                self.timer_note(a.next_timer)
            );
        } else if self.older_than_t(row.last_health_check) {
            row.class = Class::Stale;
            row.evidence = evidence!(
                "actor progressing (last progress {}{activity}) but {health}, threshold {}",
                self.age(progress),
                self.t_text
            );
        } else {
            row.class = Class::Healthy;
            row.evidence =
                evidence!("actor {}, {health}{}{activity}", a.status, self.timer_note(a.next_timer));
        }
    }

    /// ", waiting 4m21s on activity cms-record-health-check, locked by a worker"
    fn activity_note(&self, w: &ActivityWait) -> String {
        let wait = w.since.map_or("?".into(), |s| compact((self.now - s).num_seconds().max(0) as u64));
        let lock = if w.locked { ", locked by a worker" } else { ", not taken by any worker" };
        format!(", waiting {wait} on activity {}{lock}", w.short_name())
    }

    /// A `creating`/`deleting` instance older than `--stuck-after`: its
    /// lifecycle orchestration failed. Its actor's state is evidence only.
    fn stuck_row(&self, i: CmsInstance, actors: &HashMap<&str, &StoreActor>) -> Option<Row> {
        if i.state != "creating" && i.state != "deleting" {
            return None;
        }
        let since = i.state_since.or(i.created_at)?;
        let age = (self.now - since).to_std().ok()?;
        if age <= self.stuck_after {
            return None;
        }
        let (state, actor_id) = (i.state.clone(), i.actor_id.clone());
        let mut row = base_row(i, Class::Stuck);
        let actor = match actor_id.as_deref() {
            None => "it has no actor".to_string(),
            Some(id) => match actors.get(id) {
                None => format!("its actor {id} is not in the store"),
                Some(a) => {
                    row.actor_status = Some(a.status.clone());
                    row.actor_created_at = a.created_at;
                    row.last_progress = last_progress(a);
                    row.next_timer = a.next_timer;
                    format!("its actor {id} is {} (last progress {})", a.status, self.age(row.last_progress))
                }
            },
        };
        row.evidence = evidence!(
            "{} for {} (since {}, over --stuck-after {}): its {} orchestration never finished; {actor}. \
             Not an actor fault: the remedy is the control plane's lifecycle, actorctl does not repair it",
            state,
            compact(age.as_secs()),
            since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            compact(self.stuck_after.as_secs()),
            if state == "creating" { "create" } else { "delete" },
        );
        Some(row)
    }

    fn timer_note(&self, next: Option<DateTime<Utc>>) -> TimerNote {
        TimerNote(next, self.now)
    }

    fn fill_from_queued_start(&self, row: &mut Row, q: &QueuedStart) {
        row.actor_status = Some(ActorStatus::Pending);
        row.actor_created_at = Some(q.queued_at);
        row.last_progress = Some(q.queued_at);
        if self.older_than_t(Some(q.queued_at)) {
            row.class = Class::Zombie;
            row.evidence = evidence!(
                "start of actor queued {} and never picked up by a worker",
                self.age(Some(q.queued_at))
            );
        } else {
            row.class = Class::Healthy;
            row.evidence = evidence!("actor starting: start queued {}", self.age(Some(q.queued_at)));
        }
    }
}

/// "last health check 3m ago", written in place.
struct HealthNote(Relative);

impl std::fmt::Display for HealthNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("last health check ")?;
        std::fmt::Display::fmt(&self.0, f)
    }
}

/// ", loop timer in 25s", ", loop timer overdue since 3m ago", or nothing.
struct TimerNote(Option<DateTime<Utc>>, DateTime<Utc>);

impl std::fmt::Display for TimerNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(t) if t <= self.1 => {
                f.write_str(", loop timer overdue since ")?;
                std::fmt::Display::fmt(&Relative(Some(t), self.1), f)
            }
            Some(t) => {
                f.write_str(", loop timer ")?;
                std::fmt::Display::fmt(&Relative(Some(t), self.1), f)
            }
            None => Ok(()),
        }
    }
}

/// The row of an instance, before its actor is looked at.
fn base_row(i: CmsInstance, class: Class) -> Row {
    Row {
        name: Some(i.user_name),
        k8s_name: Some(i.k8s_name),
        namespace: Some(i.namespace),
        state: Some(i.state),
        health_status: i.health_status,
        class,
        actor_id: i.actor_id,
        actor_status: None,
        last_health_check: i.last_health_check,
        last_progress: None,
        next_timer: None,
        evidence: String::new(),
        instance_created_at: i.created_at,
        actor_created_at: None,
        quarantined: i.quarantined,
        recent_restarts: i.recent_restarts,
    }
}

/// The candidates for orphans: running actors of the actor orchestration
/// that no running instance points to (the store reader reads their inputs).
pub(crate) fn orphan_candidates(facts: &Facts) -> impl Iterator<Item = &StoreActor> {
    let mut referenced: HashSet<&str> =
        HashSet::with_capacity_and_hasher(facts.instances.len(), Default::default());
    referenced.extend(
        facts
            .instances
            .iter()
            .filter(|i| i.state == InstanceState::Running)
            .filter_map(|i| i.actor_id.as_deref()),
    );
    facts
        .store
        .actors
        .iter()
        .filter(|a| *a.orchestration == *facts.actor_orchestration && a.status.is_running())
        .filter(move |a| !referenced.contains(a.instance_id.as_str()))
}

/// Running actors of the actor orchestration that no running instance points
/// to. Actors of `creating`/`deleting` instances are left alone.
fn orphans(facts: &Facts, ctx: &Ctx) -> Vec<Row> {
    let candidates: Vec<(&StoreActor, Option<String>)> = orphan_candidates(facts)
        .map(|a| (a, a.input_k8s_name.clone().or_else(|| k8s_from_actor_id(&a.instance_id))))
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    // The instances the candidates may belong to, by actor id and by
    // k8s_name (a later instance wins a shared key, as a map collected
    // from every instance would have it), without a map of every instance.
    let ids: HashSet<&str> = candidates.iter().map(|(a, _)| a.instance_id.as_str()).collect();
    let k8s_names: HashSet<&str> = candidates.iter().filter_map(|(_, k)| k.as_deref()).collect();
    let (mut by_k8s, mut by_actor) = (HashMap::default(), HashMap::default());
    for i in &facts.instances {
        if k8s_names.contains(i.k8s_name.as_str()) {
            by_k8s.insert(i.k8s_name.as_str(), i);
        }
        if let Some(a) = i.actor_id.as_deref().filter(|a| ids.contains(a)) {
            by_actor.insert(a, i);
        }
    }

    candidates
        .into_iter()
        .filter_map(|(a, k8s)| {
            let owner = by_actor
                .get(a.instance_id.as_str())
                .copied()
                .or_else(|| k8s.as_deref().and_then(|k| by_k8s.get(k).copied()));
            let why = match owner {
                None => "its instance no longer exists".to_string(),
                Some(i) if i.state.in_lifecycle() => return None,
                Some(i) if i.state != InstanceState::Running => format!("its instance is {}", i.state),
                Some(i) => match i.actor_id.as_deref() {
                    Some(other) => format!("its instance now points to actor {other}"),
                    None => "its instance points to no actor".to_string(),
                },
            };
            let progress = last_progress(a);
            Some(Row {
                name: owner.map(|i| i.user_name.clone()),
                k8s_name: owner.map(|i| i.k8s_name.clone()).or(k8s.map(Name::from)),
                namespace: owner.map(|i| i.namespace.clone()),
                state: owner.map(|i| i.state.clone()),
                health_status: owner.and_then(|i| i.health_status.clone()),
                class: Class::Orphan,
                actor_id: Some(a.instance_id.as_str().into()),
                actor_status: Some(a.status.clone()),
                last_health_check: owner.and_then(|i| i.last_health_check),
                last_progress: progress,
                next_timer: a.next_timer,
                evidence: evidence!("actor {} (last progress {}) but {why}", a.status, ctx.age(progress)),
                instance_created_at: owner.and_then(|i| i.created_at),
                actor_created_at: a.created_at,
                quarantined: false,
                recent_restarts: 0,
            })
        })
        .collect()
}

/// Which instance a name typed by an operator means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pick {
    /// This one (an index into the candidates), with a note when others
    /// matched too.
    One(usize, Option<String>),
    /// A tie among these (indexes): the operator must name a k8s_name.
    Ambiguous(Vec<usize>),
    None,
}

/// Choose among the instances whose k8s_name, user_name or dns_name is
/// `name` (DOMAIN.md §1, Names): an exact k8s_name wins; else the only
/// running one; else the only live one (toygres keeps `failed` rows, so one
/// user name often has a failed row and a running one). Only a tie among
/// live instances is ambiguous.
pub(crate) fn pick_named(name: &str, candidates: &[CmsInstance]) -> Pick {
    if let Some(i) = candidates.iter().position(|c| c.k8s_name == name) {
        return Pick::One(i, None);
    }
    match candidates.len() {
        0 => return Pick::None,
        1 => return Pick::One(0, None),
        _ => {}
    }
    let indexes = |keep: &dyn Fn(&CmsInstance) -> bool| -> Vec<usize> {
        candidates.iter().enumerate().filter(|(_, c)| keep(c)).map(|(i, _)| i).collect()
    };
    let running = indexes(&|c| c.state == "running");
    let live = indexes(&|c| matches!(c.state.as_str(), "creating" | "running" | "deleting"));
    let chosen = match (running.as_slice(), live.as_slice()) {
        ([one], _) | ([], [one]) => *one,
        (_, []) => return Pick::Ambiguous((0..candidates.len()).collect()),
        _ => return Pick::Ambiguous(live),
    };
    let others: Vec<String> = candidates
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .map(|(_, c)| format!("{} ({})", c.k8s_name, c.state))
        .collect();
    let c = &candidates[chosen];
    let note =
        format!("'{name}' also names {}; using the {} one, {}", others.join(", "), c.state, c.k8s_name);
    Pick::One(chosen, Some(note))
}

/// `actor-<k8s_name>` or `actor-<k8s_name>-<8 hex>` → `k8s_name`.
pub(crate) fn k8s_from_actor_id(id: &str) -> Option<String> {
    let rest = id.strip_prefix("actor-")?;
    let base = match rest.rsplit_once('-') {
        Some((base, suffix)) if suffix.len() == 8 && suffix.bytes().all(|b| b.is_ascii_hexdigit()) => base,
        _ => rest,
    };
    (!base.is_empty()).then(|| base.to_string())
}

/// Fleet-wide: overdue orchestrator work that nobody is taking means the
/// workers are down, and restarting actors would fix nothing. Every loop
/// timer is due within one interval, so twice that is the threshold,
/// whatever T is.
fn diagnose(store: &StoreSnapshot, ctx: &Ctx) -> Diagnosis {
    match store.oldest_overdue {
        Some(oldest) if store.live_locks > 0 && ctx.now - oldest > ctx.t => Diagnosis {
            workers_stalled: true,
            message: Some(format!(
                "the workers are stuck: they hold {} lock(s), but orchestrator work has been due since {} ({}), \
                 longer than {}; actors look stale or zombie because nothing advances them. Look at the \
                 control plane's workers before restarting actors",
                store.live_locks,
                oldest.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                ctx.age(Some(oldest)),
                ctx.t_text
            )),
            ..Diagnosis::default()
        },
        Some(oldest) if store.live_locks == 0 && ctx.now - oldest > ctx.interval.checked_mul(2).unwrap_or(chrono::Duration::MAX) => Diagnosis {
            workers_down: true,
            message: Some(format!(
                "the workers are down: orchestrator work has been due since {} ({}) and no worker holds a lock; \
                 actors look stale or zombie because nothing runs them. Restart the control plane's workers \
                 before restarting actors",
                oldest.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                ctx.age(Some(oldest))
            )),
            ..Diagnosis::default()
        },
        _ => Diagnosis::default(),
    }
}

#[cfg(test)]
mod tests;
