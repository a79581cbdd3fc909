//! The domain's states and results as types, parsed once at the edge.

use serde::{Serialize, Serializer};
use std::time::Duration;

/// A name or short text held once per instance (a k8s_name, a namespace, a
/// health status): up to 24 bytes inline, so a fleet of 100k does not make
/// half a million small allocations.
pub(crate) type Name = compact_str::CompactString;

use super::classify::Class;
use super::plan::{Action, Planned};

/// Status of an actor's current execution in the store; `Pending` for a
/// start still waiting in the orchestrator queue (no instance row yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ActorStatus {
    Running,
    ContinuedAsNew,
    Completed,
    Failed,
    Pending,
    Other(String),
}

impl ActorStatus {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            ActorStatus::Running => "Running",
            ActorStatus::ContinuedAsNew => "ContinuedAsNew",
            ActorStatus::Completed => "Completed",
            ActorStatus::Failed => "Failed",
            ActorStatus::Pending => "Pending",
            ActorStatus::Other(s) => s,
        }
    }

    /// Executing: Running, or between two loops (ContinuedAsNew).
    pub(crate) fn is_running(&self) -> bool {
        matches!(self, ActorStatus::Running | ActorStatus::ContinuedAsNew)
    }

    /// Running or about to: a live actor that must be cancelled to stop it.
    pub(crate) fn is_live(&self) -> bool {
        self.is_running() || *self == ActorStatus::Pending
    }

    /// Completed or Failed (cancelled included).
    pub(crate) fn is_finished(&self) -> bool {
        matches!(self, ActorStatus::Completed | ActorStatus::Failed)
    }
}

impl Default for ActorStatus {
    /// Unknown until read.
    fn default() -> ActorStatus {
        ActorStatus::Other(String::new())
    }
}

impl From<&str> for ActorStatus {
    fn from(s: &str) -> ActorStatus {
        match s {
            "Running" => ActorStatus::Running,
            "ContinuedAsNew" => ActorStatus::ContinuedAsNew,
            "Completed" => ActorStatus::Completed,
            "Failed" => ActorStatus::Failed,
            "Pending" => ActorStatus::Pending,
            other => ActorStatus::Other(other.to_string()),
        }
    }
}

/// `toygres_cms.instances.state` (enum `public.instance_state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InstanceState {
    Creating,
    Running,
    Deleting,
    Deleted,
    Failed,
    Other(String),
}

impl InstanceState {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            InstanceState::Creating => "creating",
            InstanceState::Running => "running",
            InstanceState::Deleting => "deleting",
            InstanceState::Deleted => "deleted",
            InstanceState::Failed => "failed",
            InstanceState::Other(s) => s,
        }
    }

    /// In the middle of the control plane's own lifecycle: its actors are
    /// left alone.
    pub(crate) fn in_lifecycle(&self) -> bool {
        matches!(self, InstanceState::Creating | InstanceState::Deleting)
    }
}

impl From<&str> for InstanceState {
    fn from(s: &str) -> InstanceState {
        match s {
            "creating" => InstanceState::Creating,
            "running" => InstanceState::Running,
            "deleting" => InstanceState::Deleting,
            "deleted" => InstanceState::Deleted,
            "failed" => InstanceState::Failed,
            other => InstanceState::Other(other.to_string()),
        }
    }
}

macro_rules! string_like {
    ($($t:ty),*) => {$(
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
string_like!(ActorStatus, InstanceState);

/// The `instance_events.event_type` values actorctl writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuditEvent {
    /// The write-ahead intent, written with the claim (docs/DOMAIN.md §5).
    Claimed,
    Started,
    Restarted,
    Cancelled,
    Quarantined,
    QuarantineCleared,
    /// An operator cancelled the instance's actor on purpose.
    Held,
    HoldLifted,
}

impl AuditEvent {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AuditEvent::Claimed => "actor_action_claimed",
            AuditEvent::Started => "actor_started",
            AuditEvent::Restarted => "actor_restarted",
            AuditEvent::Cancelled => "actor_cancelled",
            AuditEvent::Quarantined => "actor_quarantined",
            AuditEvent::QuarantineCleared => "actor_quarantine_cleared",
            AuditEvent::Held => "actor_held",
            AuditEvent::HoldLifted => "actor_hold_lifted",
        }
    }

    /// The event an action records; `None` records nothing.
    pub(crate) fn of(action: Action) -> Option<AuditEvent> {
        match action {
            Action::Start => Some(AuditEvent::Started),
            Action::Restart => Some(AuditEvent::Restarted),
            Action::Cancel | Action::CancelOrphan => Some(AuditEvent::Cancelled),
            Action::None => None,
        }
    }
}

/// Who acts and why, recorded with every audit row.
#[derive(Debug, Clone)]
pub(crate) struct Audit {
    pub(crate) operator: String,
    pub(crate) reason: String,
    /// Shared by every row one command writes, so an intent finds its outcome.
    pub(crate) run_id: String,
}

/// One row for `instance_events`.
#[derive(Debug, Clone)]
pub(crate) struct AuditEntry {
    pub(crate) k8s_name: String,
    pub(crate) event: AuditEvent,
    pub(crate) message: String,
    pub(crate) metadata: serde_json::Value,
}

impl Audit {
    /// An entry whose metadata is `extra` plus who, why and which actorctl.
    pub(crate) fn entry(
        &self,
        k8s_name: &str,
        event: AuditEvent,
        message: String,
        mut extra: serde_json::Value,
    ) -> AuditEntry {
        if let Some(m) = extra.as_object_mut() {
            m.insert("reason".into(), self.reason.clone().into());
            m.insert("operator".into(), self.operator.clone().into());
            m.insert("actorctl_version".into(), env!("CARGO_PKG_VERSION").into());
            m.insert("run_id".into(), self.run_id.clone().into());
        }
        AuditEntry { k8s_name: k8s_name.to_string(), event, message, metadata: extra }
    }

    /// After an instance's actor was cancelled on purpose: the hold that
    /// keeps sweeps from giving it a new one until `start`.
    pub(crate) fn hold(&self, r: &ActionResult) -> Option<AuditEntry> {
        let k8s = r.k8s_name.as_deref().filter(|_| r.action == Action::Cancel)?;
        let extra = serde_json::json!({ "old_actor_id": r.old_actor_id });
        let message = "held: the actor was cancelled on purpose; sweeps leave the instance alone until \
                       `actorctl start`"
            .to_string();
        Some(self.entry(k8s, AuditEvent::Held, message, extra))
    }

    /// The outcome of an action, as recorded in step 5 of the protocol.
    pub(crate) fn of_result(&self, r: &ActionResult) -> Option<AuditEntry> {
        let (event, k8s) = (AuditEvent::of(r.action)?, r.k8s_name.as_deref()?);
        let extra = serde_json::json!({
            "action": r.action.as_str(),
            "old_actor_id": r.old_actor_id,
            "new_actor_id": r.new_actor_id,
            "class": r.class,
            "outcome": r.outcome,
            "message": r.message,
        });
        let message = format!("{} ({}): {}", self.reason, r.outcome.as_str(), r.message);
        Some(self.entry(k8s, event, message, extra))
    }
}

/// Bounds of a bulk run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) concurrency: usize,
    /// Actions started per second at most.
    pub(crate) rps: Option<f64>,
}

/// What a start or restart must show before it is `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Verify {
    /// The new actor is Running and has recorded a health check since it
    /// started: it does its job (docs/DOMAIN.md §5).
    #[default]
    Healthy,
    /// The new actor is Running (for fleets whose health checks are slow).
    Running,
}

impl Limits {
    pub(crate) const ONE_AT_A_TIME: Limits = Limits { concurrency: 1, rps: None };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Outcome {
    /// The store showed the intended result.
    Done,
    /// Nothing was changed: the instance changed concurrently, or there was
    /// nothing to do.
    Skipped,
    /// The action was taken but the store did not show its result in time.
    Unverified,
    Failed,
}

impl Outcome {
    pub(crate) const ALL: [Outcome; 4] =
        [Outcome::Done, Outcome::Skipped, Outcome::Unverified, Outcome::Failed];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Skipped => "skipped",
            Outcome::Unverified => "unverified",
            Outcome::Failed => "failed",
        }
    }

    pub(crate) fn is_ok(self) -> bool {
        matches!(self, Outcome::Done | Outcome::Skipped)
    }
}

/// The result of one action: the contract of `-o json` for every command
/// that changes actors.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ActionResult {
    pub(crate) name: Option<String>,
    pub(crate) k8s_name: Option<String>,
    pub(crate) class: Class,
    pub(crate) action: Action,
    pub(crate) outcome: Outcome,
    pub(crate) old_actor_id: Option<String>,
    pub(crate) new_actor_id: Option<String>,
    pub(crate) message: String,
}

impl ActionResult {
    pub(crate) fn of(p: &Planned, outcome: Outcome, new_actor_id: Option<String>, message: String) -> Self {
        ActionResult {
            name: p.name.clone(),
            k8s_name: p.k8s_name.clone(),
            class: p.class,
            action: p.action,
            outcome,
            old_actor_id: p.old_actor_id.clone(),
            new_actor_id,
            message,
        }
    }

    /// Skipped, with the plan's own reason: for a plan with nothing to do.
    pub(crate) fn skipped(p: &Planned) -> Self {
        ActionResult::of(p, Outcome::Skipped, None, p.reason.clone())
    }
}

/// How actions reach the actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BackendKind {
    /// The orchestration client on the store.
    Duroxide,
    /// The control plane's HTTP API.
    Http,
}

impl BackendKind {
    pub(crate) fn parse(s: &str) -> Option<BackendKind> {
        match s {
            "duroxide" => Some(BackendKind::Duroxide),
            "http" => Some(BackendKind::Http),
            _ => None,
        }
    }
}

/// `-o`: one output format for every command; each renders what it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Table,
    Wide,
    Json,
    Jsonl,
}

/// What a dry run needs to say exactly what would be done.
#[derive(Debug, Clone)]
pub(crate) struct Describe {
    pub(crate) cms_schema: String,
    pub(crate) orchestration: String,
    pub(crate) verify_timeout: Duration,
    pub(crate) backend: BackendKind,
}

/// Progress of a bulk run, reported by the executor; `output` draws it.
pub(crate) trait ProgressSink: Sync {
    /// One action acted on: finished with `outcome`, or (None) awaiting verification.
    fn acted(&self, outcome: Option<Outcome>);
    fn verifying(&self);
    /// An in-flight action concluded.
    fn verified(&self, outcome: Outcome);
    /// The run is over: clear what was drawn.
    fn finish(&self) {}
    /// A prune's running totals: actors done, executions and history rows deleted.
    fn pruned(&self, _actors: u64, _executions: u64, _history_rows: u64) {}
}

/// What a prune asks of the terminal; `output` implements it.
pub(crate) trait PruneUi: Sync {
    /// Say what will be deleted and ask; `Ok(false)`: the operator said no.
    fn confirm_prune(
        &self,
        actors: usize,
        executions: u64,
        policy: super::prune::Policy,
    ) -> anyhow::Result<bool>;
    /// Where a prune reports progress over `actors`.
    fn prune_progress(&self, actors: usize) -> Box<dyn ProgressSink + '_>;
}

/// What the repair pipeline asks of the terminal; `output` implements it.
pub(crate) trait RepairUi: Sync {
    /// Show what will be done and ask; `Ok(false)`: the operator said no.
    fn confirm(&self, plan: &[Planned]) -> anyhow::Result<bool>;
    /// Where the executor reports progress over `total` actions.
    fn progress(&self, total: usize) -> Box<dyn ProgressSink + '_>;
}

/// How a run of the repair pipeline ended.
pub(crate) enum Ran {
    /// `--dry-run`: the plan and the exact steps of each action.
    DryRun(Vec<(Planned, Vec<String>)>),
    /// The guard refused, nothing was changed; what it would have done.
    Refused(super::guard::Refusal, Vec<Planned>),
    /// Nothing to do: every planned row is `None`.
    Nothing(Vec<ActionResult>),
    Acted {
        results: Vec<ActionResult>,
        end: super::guard::End,
    },
}
