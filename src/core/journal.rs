//! The write-ahead journal of docs/DOMAIN.md §5: every claim is written with
//! an intent row (`actor_action_claimed`) in the claim's own transaction, and
//! every intent gets an outcome row with the same run id. After a crash the
//! next acting command reconciles the intents left without an outcome from
//! what the store shows now. The rules live here; the SQL in `io::cms`.

use super::model::{ActorStatus, Audit, AuditEntry, AuditEvent};
use super::plan::{Action, Planned};

/// An intent found without an outcome row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dangling {
    pub(crate) k8s_name: String,
    pub(crate) run_id: String,
    pub(crate) action: Action,
    pub(crate) old_actor_id: Option<String>,
    pub(crate) new_actor_id: Option<String>,
}

/// What the store shows now decides the missing outcome: a start or restart
/// is `done` when its new actor is Running, a cancel when the old actor is
/// finished; a start still queued is left for a later run to decide;
/// anything else was `abandoned`. `None`: not decidable yet.
pub(crate) fn reconciled_outcome(
    d: &Dangling,
    new_status: Option<&ActorStatus>,
    old_status: Option<&ActorStatus>,
) -> Option<&'static str> {
    match d.action {
        Action::Start | Action::Restart => match new_status {
            Some(s) if s.is_running() => Some("done"),
            Some(ActorStatus::Pending) => None,
            _ => Some("abandoned"),
        },
        Action::Cancel | Action::CancelOrphan => match old_status {
            Some(s) if s.is_live() => Some("abandoned"),
            _ => Some("done"),
        },
        Action::None => Some("abandoned"),
    }
}

/// The action named in an intent's metadata.
pub(crate) fn parse_action(s: &str) -> Option<Action> {
    [Action::Start, Action::Restart, Action::Cancel, Action::CancelOrphan]
        .into_iter()
        .find(|a| a.as_str() == s)
}

/// The intent row written together with the claim.
pub(crate) fn intent(audit: &Audit, p: &Planned, k8s: &str, new_actor_id: Option<&str>) -> AuditEntry {
    let extra = serde_json::json!({
        "action": p.action.as_str(),
        "old_actor_id": p.old_actor_id,
        "new_actor_id": new_actor_id,
        "class": p.class,
    });
    let message = format!("{}: claimed for {}", audit.reason, p.action.as_str());
    audit.entry(k8s, AuditEvent::Claimed, message, extra)
}

/// The outcome row a reconciliation writes for a dangling intent.
pub(crate) fn reconciliation(audit: &Audit, d: &Dangling, outcome: &str, seen: &str) -> Option<AuditEntry> {
    let event = AuditEvent::of(d.action)?;
    let extra = serde_json::json!({
        "action": d.action.as_str(),
        "old_actor_id": d.old_actor_id,
        "new_actor_id": d.new_actor_id,
        "outcome": outcome,
        "reconciled": true,
        "message": seen,
    });
    let message = format!("reconciled after an interrupted run ({outcome}): {seen}");
    let mut entry = audit.entry(&d.k8s_name, event, message, extra);
    if let Some(m) = entry.metadata.as_object_mut() {
        m.insert("run_id".into(), d.run_id.clone().into());
    }
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dangling(action: Action) -> Dangling {
        Dangling {
            k8s_name: "pg-a".into(),
            run_id: "r1".into(),
            action,
            old_actor_id: Some("actor-pg-a".into()),
            new_actor_id: Some("actor-pg-a-1".into()),
        }
    }

    #[test]
    fn a_start_is_done_only_when_its_actor_runs() {
        let d = dangling(Action::Restart);
        assert_eq!(reconciled_outcome(&d, Some(&ActorStatus::Running), None), Some("done"));
        assert_eq!(reconciled_outcome(&d, Some(&ActorStatus::ContinuedAsNew), None), Some("done"));
        assert_eq!(reconciled_outcome(&d, None, None), Some("abandoned"));
        assert_eq!(reconciled_outcome(&d, Some(&ActorStatus::Failed), None), Some("abandoned"));
        assert_eq!(reconciled_outcome(&d, Some(&ActorStatus::Pending), None), None);
    }

    #[test]
    fn a_cancel_is_done_when_the_old_actor_is_finished_or_gone() {
        let d = dangling(Action::Cancel);
        assert_eq!(reconciled_outcome(&d, None, Some(&ActorStatus::Failed)), Some("done"));
        assert_eq!(reconciled_outcome(&d, None, None), Some("done"));
        assert_eq!(reconciled_outcome(&d, None, Some(&ActorStatus::Running)), Some("abandoned"));
    }

    #[test]
    fn rows_carry_the_run_id_and_the_action() {
        let audit = Audit { operator: "op@h".into(), reason: "why".into(), run_id: "r9".into() };
        let e = reconciliation(&audit, &dangling(Action::Start), "done", "x is Running").unwrap();
        assert_eq!(e.event, AuditEvent::Started);
        assert_eq!(e.metadata["run_id"], "r1", "the intent's run id, not this run's");
        assert_eq!(e.metadata["outcome"], "done");
        assert_eq!(e.metadata["reconciled"], true);
    }
}
