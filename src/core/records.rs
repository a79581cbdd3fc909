//! Plain records read from the CMS and the store for `show` and for
//! verification: data only, parsed at the edge.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::ActorStatus;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct HealthCheck {
    pub(crate) status: String,
    pub(crate) response_time_ms: Option<i32>,
    pub(crate) error_message: Option<String>,
    pub(crate) checked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Event {
    pub(crate) event_type: String,
    pub(crate) old_state: Option<String>,
    pub(crate) new_state: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) metadata: Option<serde_json::Value>,
    pub(crate) created_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExecutionRow {
    pub(crate) execution_id: i64,
    pub(crate) status: String,
    pub(crate) started_at: Option<DateTime<Utc>>,
    pub(crate) completed_at: Option<DateTime<Utc>>,
    pub(crate) output: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct QueueItem {
    pub(crate) queue: String,
    pub(crate) kind: String,
    pub(crate) visible_at: Option<DateTime<Utc>>,
    pub(crate) locked: bool,
}

#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct ActorDetail {
    pub(crate) exists: bool,
    pub(crate) executions: Vec<ExecutionRow>,
    pub(crate) queue: Vec<QueueItem>,
}

/// Status of an actor for verification: the current execution's status
/// and output (for a cancelled actor, "canceled: <reason>").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActorState {
    pub(crate) status: ActorStatus,
    pub(crate) output: Option<String>,
    /// When a runtime first processed it (`instances.created_at`).
    pub(crate) created_at: Option<DateTime<Utc>>,
}

impl ActorState {
    /// Running or about to: cancelling it would stop something.
    pub(crate) fn is_live(&self) -> bool {
        self.status.is_live()
    }
    pub(crate) fn is_running(&self) -> bool {
        self.status.is_running()
    }
}

/// Everything `show` reads of one instance beyond its classified row.
#[derive(Debug, Clone)]
pub(crate) struct Shown {
    pub(crate) instance: super::classify::CmsInstance,
    pub(crate) detail: Option<ActorDetail>,
    pub(crate) health_checks: Vec<HealthCheck>,
    pub(crate) events: Vec<Event>,
    /// Which instance a name shared with others resolved to.
    pub(crate) note: Option<String>,
}
