//! The classification contract of docs/DOMAIN.md §4: facts in, classes and
//! evidence out. Pure: no I/O, and the clock is one of the facts.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use super::model::{ActorStatus, InstanceState};
use super::timefmt::{compact, relative};

/// One row of `toygres_cms.instances`, as far as actorctl needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CmsInstance {
    pub(crate) user_name: String,
    pub(crate) k8s_name: String,
    pub(crate) namespace: String,
    pub(crate) state: InstanceState,
    pub(crate) health_status: Option<String>,
    pub(crate) actor_id: Option<String>,
    pub(crate) last_health_check: Option<DateTime<Utc>>,
    pub(crate) created_at: Option<DateTime<Utc>>,
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
    pub(crate) orchestration: String,
    /// Status of the current execution: Running, ContinuedAsNew, Completed, Failed.
    pub(crate) status: ActorStatus,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
    pub(crate) execution_started_at: Option<DateTime<Utc>>,
    pub(crate) last_history_at: Option<DateTime<Utc>>,
    /// Items in the orchestrator queue for this instance (timers included).
    pub(crate) queued_messages: i64,
    /// Activity work items in the worker queue for this instance.
    pub(crate) queued_activities: i64,
    /// Fire time of the earliest pending timer.
    pub(crate) next_timer: Option<DateTime<Utc>>,
    /// A dispatcher holds the instance lock right now.
    pub(crate) locked: bool,
    /// `k8s_name` from the actor's input, when it could be read.
    pub(crate) input_k8s_name: Option<String>,
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
    Healthy,
    /// Cancelled on purpose by an operator: left alone until `start`.
    Held,
}

impl Class {
    pub(crate) const ALL: [Class; 7] = [
        Class::Zombie,
        Class::Dead,
        Class::Missing,
        Class::Stale,
        Class::Orphan,
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
    pub(crate) name: Option<String>,
    pub(crate) k8s_name: Option<String>,
    pub(crate) namespace: Option<String>,
    pub(crate) state: Option<InstanceState>,
    pub(crate) health_status: Option<String>,
    pub(crate) class: Class,
    pub(crate) actor_id: Option<String>,
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

/// The newest of instances.updated_at, the current execution's start and its
/// newest history event: every one of them moves only when the actor works.
pub(crate) fn last_progress(a: &StoreActor) -> Option<DateTime<Utc>> {
    [a.updated_at, a.execution_started_at, a.last_history_at, a.created_at].into_iter().flatten().max()
}

/// Classify every running instance and every running actor (docs/DOMAIN.md §4).
pub(crate) fn classify(facts: &Facts, stale_after: Duration) -> Report {
    let t = chrono::Duration::from_std(stale_after).unwrap_or(chrono::Duration::MAX);
    let ctx = Ctx { now: facts.now, t, t_text: compact(stale_after.as_secs()) };
    let actors: HashMap<&str, &StoreActor> =
        facts.store.actors.iter().map(|a| (a.instance_id.as_str(), a)).collect();
    let starts: HashMap<&str, &QueuedStart> =
        facts.store.queued_starts.iter().map(|q| (q.instance_id.as_str(), q)).collect();

    let mut rows: Vec<Row> = facts
        .instances
        .iter()
        .filter(|i| i.state == InstanceState::Running)
        .map(|i| ctx.instance_row(i, &actors, &starts))
        .collect();
    rows.extend(orphans(facts, &ctx));
    rows.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    Report { now: facts.now, stale_after, rows, diagnosis: diagnose(&facts.store, &ctx) }
}

/// Severity first, then the name an operator reads.
fn sort_key(r: &Row) -> (Class, Option<&str>, Option<&str>) {
    (r.class, r.name.as_deref().or(r.k8s_name.as_deref()), r.actor_id.as_deref())
}

struct Ctx {
    now: DateTime<Utc>,
    t: chrono::Duration,
    t_text: String,
}

impl Ctx {
    fn older_than_t(&self, at: Option<DateTime<Utc>>) -> bool {
        at.is_none_or(|at| self.now - at > self.t)
    }

    fn age(&self, at: Option<DateTime<Utc>>) -> String {
        relative(at, self.now)
    }

    fn instance_row(
        &self,
        i: &CmsInstance,
        actors: &HashMap<&str, &StoreActor>,
        starts: &HashMap<&str, &QueuedStart>,
    ) -> Row {
        let mut row = Row {
            name: Some(i.user_name.clone()),
            k8s_name: Some(i.k8s_name.clone()),
            namespace: Some(i.namespace.clone()),
            state: Some(i.state.clone()),
            health_status: i.health_status.clone(),
            class: Class::Missing,
            actor_id: i.actor_id.clone(),
            actor_status: None,
            last_health_check: i.last_health_check,
            last_progress: None,
            next_timer: None,
            evidence: String::new(),
            instance_created_at: i.created_at,
            actor_created_at: None,
            quarantined: i.quarantined,
            recent_restarts: i.recent_restarts,
        };
        let Some(id) = i.actor_id.as_deref() else {
            if i.held {
                row.class = Class::Held;
                row.evidence =
                    "held: an operator cancelled its actor (`actorctl start` lifts the hold)".into();
            } else {
                row.evidence = "no actor: instance_actor_orchestration_id is NULL".into();
            }
            return row;
        };
        if let Some(a) = actors.get(id) {
            self.fill_from_actor(&mut row, a);
        } else if let Some(q) = starts.get(id) {
            self.fill_from_queued_start(&mut row, q);
        } else {
            row.evidence = format!("actor {id} does not exist in the store");
        }
        row
    }

    fn fill_from_actor(&self, row: &mut Row, a: &StoreActor) {
        let progress = last_progress(a);
        row.actor_status = Some(a.status.clone());
        row.actor_created_at = a.created_at;
        row.last_progress = progress;
        row.next_timer = a.next_timer;
        let health = format!("last health check {}", self.age(row.last_health_check));
        if a.status.is_finished() {
            row.class = Class::Dead;
            row.evidence = format!("actor {} ({})", a.status, self.age(progress));
            return;
        }
        if !a.status.is_running() {
            row.class = Class::Zombie;
            row.evidence = format!("actor in unexpected store status {:?}; {health}", a.status);
            return;
        }
        let waiting = a.queued_messages + a.queued_activities > 0 || a.locked;
        if !waiting {
            row.class = Class::Zombie;
            row.evidence = format!(
                "actor {} but nothing queued can wake it (no timer, message or activity); last progress {}",
                a.status,
                self.age(progress)
            );
        } else if self.older_than_t(progress) {
            row.class = Class::Zombie;
            row.evidence = format!(
                "actor {} but no progress for over {} (last progress {}{})",
                a.status,
                self.t_text,
                self.age(progress),
                self.timer_note(a.next_timer)
            );
        } else if self.older_than_t(row.last_health_check) {
            row.class = Class::Stale;
            row.evidence = format!(
                "actor progressing (last progress {}) but {health}, threshold {}",
                self.age(progress),
                self.t_text
            );
        } else {
            row.class = Class::Healthy;
            row.evidence = format!("actor {}, {health}{}", a.status, self.timer_note(a.next_timer));
        }
    }

    fn timer_note(&self, next: Option<DateTime<Utc>>) -> String {
        match next {
            Some(t) if t <= self.now => format!(", timer overdue since {}", self.age(Some(t))),
            Some(t) => format!(", next timer {}", self.age(Some(t))),
            None => String::new(),
        }
    }

    fn fill_from_queued_start(&self, row: &mut Row, q: &QueuedStart) {
        row.actor_status = Some(ActorStatus::Pending);
        row.actor_created_at = Some(q.queued_at);
        row.last_progress = Some(q.queued_at);
        if self.older_than_t(Some(q.queued_at)) {
            row.class = Class::Zombie;
            row.evidence = format!(
                "start of actor queued {} and never picked up by a worker",
                self.age(Some(q.queued_at))
            );
        } else {
            row.class = Class::Healthy;
            row.evidence = format!("actor starting: start queued {}", self.age(Some(q.queued_at)));
        }
    }
}

/// Running actors of the actor orchestration that no running instance points
/// to. Actors of `creating`/`deleting` instances are left alone.
fn orphans(facts: &Facts, ctx: &Ctx) -> Vec<Row> {
    let referenced: HashSet<&str> = facts
        .instances
        .iter()
        .filter(|i| i.state == InstanceState::Running)
        .filter_map(|i| i.actor_id.as_deref())
        .collect();
    let by_k8s: HashMap<&str, &CmsInstance> =
        facts.instances.iter().map(|i| (i.k8s_name.as_str(), i)).collect();
    let by_actor: HashMap<&str, &CmsInstance> =
        facts.instances.iter().filter_map(|i| i.actor_id.as_deref().map(|a| (a, i))).collect();

    facts
        .store
        .actors
        .iter()
        .filter(|a| a.orchestration == facts.actor_orchestration && a.status.is_running())
        .filter(|a| !referenced.contains(a.instance_id.as_str()))
        .filter_map(|a| {
            let k8s = a.input_k8s_name.clone().or_else(|| k8s_from_actor_id(&a.instance_id));
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
                k8s_name: owner.map(|i| i.k8s_name.clone()).or(k8s),
                namespace: owner.map(|i| i.namespace.clone()),
                state: owner.map(|i| i.state.clone()),
                health_status: owner.and_then(|i| i.health_status.clone()),
                class: Class::Orphan,
                actor_id: Some(a.instance_id.clone()),
                actor_status: Some(a.status.clone()),
                last_health_check: owner.and_then(|i| i.last_health_check),
                last_progress: progress,
                next_timer: a.next_timer,
                evidence: format!("actor {} (last progress {}) but {why}", a.status, ctx.age(progress)),
                instance_created_at: owner.and_then(|i| i.created_at),
                actor_created_at: a.created_at,
                quarantined: false,
                recent_restarts: 0,
            })
        })
        .collect()
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
/// workers are down, and restarting actors would fix nothing.
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
        Some(oldest) if store.live_locks == 0 && ctx.now - oldest > ctx.t => Diagnosis {
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
