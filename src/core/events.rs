//! The audit trail as actorctl reads it back (`actorctl events`): the query
//! asked for, event-type names as operators type them, and the facts of one
//! row pulled out of its metadata. Pure.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// The journal row of the claim step (docs/DOMAIN.md §5).
pub(crate) const CLAIMED: &str = "actor_action_claimed";

/// What `events` asks of `instance_events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventQuery {
    /// Events newer than this.
    pub(crate) since: Duration,
    /// Exact `event_type`s; empty: every actor event (`actor_*`).
    pub(crate) types: Vec<String>,
    /// Only rows whose `metadata.run_id` is this.
    pub(crate) run: Option<String>,
    /// Only these instances (k8s names); empty: the whole fleet.
    pub(crate) k8s_names: Vec<String>,
    /// The newest this many rows.
    pub(crate) limit: i64,
}

/// `--type` as typed: `restarted`, `quarantine-cleared`, `claimed`, or a
/// raw `event_type` (`actor_restarted`, `state_change`).
pub(crate) fn event_type(typed: &str) -> String {
    let t = typed.trim().to_ascii_lowercase().replace('-', "_");
    match t.as_str() {
        "claimed" | "action_claimed" => CLAIMED.to_string(),
        _ if t.starts_with("actor_") || t == "state_change" => t,
        _ => format!("actor_{t}"),
    }
}

/// The short name shown in tables: `actor_restarted` → `restarted`.
pub(crate) fn short_name(event_type: &str) -> &str {
    if event_type == CLAIMED {
        return "claimed";
    }
    event_type.strip_prefix("actor_").unwrap_or(event_type)
}

/// One row of `instance_events`, with its instance's names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AuditRow {
    pub(crate) id: i64,
    pub(crate) at: Option<DateTime<Utc>>,
    pub(crate) k8s_name: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) event_type: String,
    pub(crate) old_state: Option<String>,
    pub(crate) new_state: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) metadata: Option<serde_json::Value>,
}

impl AuditRow {
    /// A string field of the metadata, if present and non-empty.
    pub(crate) fn meta(&self, key: &str) -> Option<&str> {
        self.metadata.as_ref()?.get(key)?.as_str().filter(|s| !s.is_empty())
    }

    /// The outcome: `metadata.outcome`, else `new_state` of actorctl's rows.
    pub(crate) fn outcome(&self) -> Option<&str> {
        self.meta("outcome").or_else(|| {
            self.new_state
                .as_deref()
                .filter(|_| self.event_type.starts_with("actor_") && self.event_type != CLAIMED)
        })
    }

    /// Where `--follow` continues: the newest id seen.
    pub(crate) fn max_id(rows: &[AuditRow]) -> Option<i64> {
        rows.iter().map(|r| r.id).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_become_event_types() {
        assert_eq!(event_type("restarted"), "actor_restarted");
        assert_eq!(event_type("quarantine-cleared"), "actor_quarantine_cleared");
        assert_eq!(event_type("claimed"), CLAIMED);
        assert_eq!(event_type("actor_started"), "actor_started");
        assert_eq!(event_type("state_change"), "state_change");
        assert_eq!(event_type("Held"), "actor_held");
        for t in ["actor_restarted", "actor_quarantine_cleared", CLAIMED, "actor_held"] {
            assert_eq!(event_type(short_name(t)), t, "round trip of {t}");
        }
        assert_eq!(short_name("state_change"), "state_change");
    }

    #[test]
    fn facts_come_from_metadata() {
        let row = AuditRow {
            id: 7,
            at: None,
            k8s_name: Some("db-k8s".into()),
            name: Some("db".into()),
            event_type: "actor_restarted".into(),
            old_state: Some("zombie".into()),
            new_state: Some("done".into()),
            message: None,
            metadata: Some(serde_json::json!({"reason": "3am", "operator": "", "run_id": "r1"})),
        };
        assert_eq!(row.meta("reason"), Some("3am"));
        assert_eq!(row.meta("operator"), None, "empty is absent");
        assert_eq!(row.meta("run_id"), Some("r1"));
        assert_eq!(row.outcome(), Some("done"), "new_state of an actorctl row");
        let claimed = AuditRow { event_type: CLAIMED.into(), ..row.clone() };
        assert_eq!(claimed.outcome(), None, "a claim has no outcome");
        let toygres = AuditRow { event_type: "state_change".into(), ..row };
        assert_eq!(toygres.outcome(), None, "toygres's new_state is an instance state");
        assert_eq!(AuditRow::max_id(&[toygres]), Some(7));
    }
}
