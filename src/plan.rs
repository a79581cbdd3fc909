//! Pure planning: classified rows + what the operator asked → actions.
//! No I/O; the executor carries the plan out (DOMAIN.md §5).

use serde::Serialize;

use crate::classify::{Class, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Give an instance without a live actor a new one.
    Start,
    /// Claim, start a new actor, cancel the old one.
    Restart,
    /// Cancel the instance's actor and clear the instance's actor id.
    Cancel,
    /// Cancel a running actor that no instance points to.
    CancelOrphan,
    /// Nothing to do; the message says why.
    None,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Restart => "restart",
            Action::Cancel => "cancel",
            Action::CancelOrphan => "cancel-orphan",
            Action::None => "none",
        }
    }

    /// The `instance_events.event_type` recorded for it.
    pub fn event_type(self) -> &'static str {
        match self {
            Action::Start => "actor_started",
            Action::Restart => "actor_restarted",
            Action::Cancel | Action::CancelOrphan => "actor_cancelled",
            Action::None => "",
        }
    }
}

/// One action on one instance or actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    pub name: Option<String>,
    pub k8s_name: Option<String>,
    pub namespace: Option<String>,
    pub class: Class,
    pub action: Action,
    /// The actor id the instance row had when classified: the value the
    /// compare-and-swap expects. For orphans, the orphan's id.
    pub old_actor_id: Option<String>,
    /// Whether the old actor is still running and so must be cancelled.
    pub old_actor_active: bool,
    /// Why: the evidence of the classification, or why nothing is done.
    pub reason: String,
}

/// What an operator asked of one instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Start { force: bool },
    Restart,
    Cancel,
}

fn planned(row: &Row, action: Action, reason: String) -> Planned {
    let active = matches!(row.actor_status.as_deref(), Some("Running" | "ContinuedAsNew" | "Pending"));
    Planned {
        name: row.name.clone(),
        k8s_name: row.k8s_name.clone(),
        namespace: row.namespace.clone(),
        class: row.class,
        action,
        old_actor_id: row.actor_id.clone(),
        old_actor_active: active,
        reason,
    }
}

/// The repair a class calls for (DOMAIN.md §4), for bulk recovery.
pub fn repair_for(class: Class) -> Action {
    match class {
        Class::Healthy => Action::None,
        Class::Stale | Class::Zombie => Action::Restart,
        Class::Missing | Class::Dead => Action::Start,
        Class::Orphan => Action::CancelOrphan,
    }
}

/// Plan a request on one instance: its own row plus the orphaned actors of
/// the same instance. Starting or restarting also cancels those orphans, so
/// that one command leaves exactly one actor.
pub fn plan_instance(request: Request, row: &Row, orphans: &[&Row]) -> Vec<Planned> {
    let class = row.class;
    let main = match request {
        Request::Start { .. } if matches!(class, Class::Missing | Class::Dead) => {
            planned(row, Action::Start, row.evidence.clone())
        }
        Request::Start { force: true } => planned(row, Action::Restart, format!("--force: {}", row.evidence)),
        Request::Start { force: false } => planned(
            row,
            Action::None,
            format!("actor is {class}, not missing or dead: nothing to start (restart it, or use --force)"),
        ),
        Request::Restart if matches!(class, Class::Missing | Class::Dead) => {
            planned(row, Action::Start, row.evidence.clone())
        }
        Request::Restart => planned(row, Action::Restart, row.evidence.clone()),
        Request::Cancel if row.actor_id.is_none() => {
            planned(row, Action::None, "the instance has no actor: nothing to cancel".into())
        }
        Request::Cancel => planned(row, Action::Cancel, "cancel requested".into()),
    };
    let mut plan = vec![main];
    if request != Request::Cancel && plan[0].action != Action::None {
        plan.extend(orphans.iter().map(|o| planned(o, Action::CancelOrphan, o.evidence.clone())));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(class: Class, status: Option<&str>) -> Row {
        Row {
            name: Some("db".into()),
            k8s_name: Some("pg-db".into()),
            namespace: None,
            state: Some("running".into()),
            health_status: None,
            class,
            actor_id: status.map(|_| "actor-pg-db".into()),
            actor_status: status.map(str::to_string),
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: "because".into(),
        }
    }

    #[test]
    fn start_only_starts_what_is_missing_or_dead() {
        let start = Request::Start { force: false };
        assert_eq!(plan_instance(start, &row(Class::Missing, None), &[])[0].action, Action::Start);
        assert_eq!(plan_instance(start, &row(Class::Dead, Some("Failed")), &[])[0].action, Action::Start);
        for c in [Class::Healthy, Class::Stale, Class::Zombie] {
            let p = plan_instance(start, &row(c, Some("Running")), &[]);
            assert_eq!(p[0].action, Action::None);
            assert!(p[0].reason.contains("--force"));
            let forced = plan_instance(Request::Start { force: true }, &row(c, Some("Running")), &[]);
            assert_eq!(forced[0].action, Action::Restart);
            assert!(forced[0].old_actor_active);
        }
    }

    #[test]
    fn restart_cancels_orphans_of_the_same_instance() {
        let orphan = Row {
            class: Class::Orphan,
            actor_id: Some("actor-pg-db".into()),
            ..row(Class::Orphan, Some("Running"))
        };
        let p = plan_instance(Request::Restart, &row(Class::Missing, None), &[&orphan]);
        assert_eq!(p.iter().map(|p| p.action).collect::<Vec<_>>(), vec![Action::Start, Action::CancelOrphan]);
        let p =
            plan_instance(Request::Start { force: false }, &row(Class::Healthy, Some("Running")), &[&orphan]);
        assert_eq!(p.len(), 1, "a no-op touches nothing");
    }

    #[test]
    fn cancel_needs_an_actor() {
        assert_eq!(plan_instance(Request::Cancel, &row(Class::Missing, None), &[])[0].action, Action::None);
        let p = plan_instance(Request::Cancel, &row(Class::Stale, Some("Running")), &[]);
        assert_eq!(p[0].action, Action::Cancel);
        assert_eq!(p[0].old_actor_id.as_deref(), Some("actor-pg-db"));
    }

    #[test]
    fn repairs_per_class() {
        assert_eq!(repair_for(Class::Healthy), Action::None);
        assert_eq!(repair_for(Class::Stale), Action::Restart);
        assert_eq!(repair_for(Class::Zombie), Action::Restart);
        assert_eq!(repair_for(Class::Missing), Action::Start);
        assert_eq!(repair_for(Class::Dead), Action::Start);
        assert_eq!(repair_for(Class::Orphan), Action::CancelOrphan);
    }
}
