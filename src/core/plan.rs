//! Pure planning: classified rows + what the operator asked → actions.
//! No I/O; the executor carries the plan out (docs/DOMAIN.md §5).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::classify::{Class, Row};
use super::model::InstanceState;
use super::timefmt::compact;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Action {
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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Restart => "restart",
            Action::Cancel => "cancel",
            Action::CancelOrphan => "cancel-orphan",
            Action::None => "none",
        }
    }
}

/// One action on one instance or actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Planned {
    pub(crate) name: Option<String>,
    pub(crate) k8s_name: Option<String>,
    pub(crate) namespace: Option<String>,
    pub(crate) class: Class,
    pub(crate) action: Action,
    /// The actor id the instance row had when classified: the value the
    /// compare-and-swap expects. For orphans, the orphan's id.
    pub(crate) old_actor_id: Option<String>,
    /// Whether the old actor is still running and so must be cancelled.
    pub(crate) old_actor_active: bool,
    /// Why: the evidence of the classification, or why nothing is done.
    pub(crate) reason: String,
}

/// What an operator asked of one instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Request {
    Start { force: bool },
    Restart,
    Cancel,
}

fn planned(row: &Row, action: Action, reason: String) -> Planned {
    let active = row.actor_status.as_ref().is_some_and(|s| s.is_live());
    Planned {
        name: row.name.as_deref().map(str::to_string),
        k8s_name: row.k8s_name.as_deref().map(str::to_string),
        namespace: row.namespace.as_deref().map(str::to_string),
        class: row.class,
        action,
        old_actor_id: row.actor_id.as_deref().map(str::to_string),
        old_actor_active: active,
        reason,
    }
}

/// The repair a class calls for (docs/DOMAIN.md §4), for bulk recovery.
pub(crate) fn repair_for(class: Class) -> Action {
    match class {
        Class::Healthy | Class::Held | Class::Stuck => Action::None,
        Class::Stale | Class::Zombie => Action::Restart,
        Class::Missing | Class::Dead => Action::Start,
        Class::Orphan => Action::CancelOrphan,
    }
}

/// Plan a request on one instance: its own row plus the orphaned actors of
/// the same instance. Starting or restarting also cancels those orphans, so
/// that one command leaves exactly one actor.
pub(crate) fn plan_instance(request: Request, row: &Row, orphans: &[&Row]) -> Vec<Planned> {
    let class = row.class;
    let main = match request {
        _ if class == Class::Stuck => planned(row, Action::None, stuck_reason(row)),
        Request::Start { .. } if matches!(class, Class::Missing | Class::Dead | Class::Held) => {
            planned(row, Action::Start, row.evidence.clone())
        }
        Request::Start { force: true } => planned(row, Action::Restart, format!("--force: {}", row.evidence)),
        Request::Start { force: false } => planned(
            row,
            Action::None,
            format!("actor is {class}, not missing or dead: nothing to start (restart it, or use --force)"),
        ),
        Request::Restart if matches!(class, Class::Missing | Class::Dead | Class::Held) => {
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

/// A stuck lifecycle is the control plane's to finish, never actorctl's.
fn stuck_reason(row: &Row) -> String {
    format!(
        "stuck {}: left alone, the remedy is the control plane's lifecycle (retry or finish its {} \
         orchestration), not an actor repair",
        row.state.as_ref().map_or("lifecycle", |s| s.as_str()),
        if row.state.as_ref().is_some_and(|s| *s == InstanceState::Creating) { "create" } else { "delete" }
    )
}

/// What `recover` was asked to repair.
#[derive(Debug, Clone, Default)]
pub(crate) struct Selection {
    /// Every repairable class.
    pub(crate) all: bool,
    /// These instances (k8s names), and their orphaned actors.
    pub(crate) k8s_names: Vec<String>,
    /// Every row of these classes.
    pub(crate) classes: Vec<Class>,
}

impl Selection {
    pub(crate) fn is_empty(&self) -> bool {
        !self.all && self.k8s_names.is_empty() && self.classes.is_empty()
    }

    fn selects(&self, r: &Row) -> bool {
        let named = r.k8s_name.as_deref().is_some_and(|k| self.k8s_names.iter().any(|n| n == k));
        named || (r.class.is_unhealthy() && (self.all || self.classes.contains(&r.class)))
    }
}

/// Plan bulk recovery: the repair of every selected row (docs/DOMAIN.md §4).
/// Rows whose instance or actor is younger than `min_age` are planned as
/// `None` with the reason, so the report shows them; so are named healthy
/// instances.
pub(crate) fn plan_recovery(
    rows: &[Row],
    sel: &Selection,
    min_age: std::time::Duration,
    now: DateTime<Utc>,
) -> Vec<Planned> {
    let min = chrono::Duration::from_std(min_age).unwrap_or(chrono::Duration::MAX);
    rows.iter()
        .filter(|r| sel.selects(r))
        .map(|r| {
            let young = [("instance", r.instance_created_at), ("actor", r.actor_created_at)]
                .into_iter()
                .find_map(|(what, at)| at.filter(|at| now - *at < min).map(|at| (what, at)));
            let named = r.k8s_name.as_deref().is_some_and(|k| sel.k8s_names.iter().any(|n| n == k));
            match (repair_for(r.class), young) {
                (Action::None, _) if r.class == Class::Held => planned(
                    r,
                    Action::None,
                    "held by an operator's cancel: left alone; `actorctl start` lifts the hold".into(),
                ),
                (Action::None, _) if r.class == Class::Stuck => planned(r, Action::None, stuck_reason(r)),
                (Action::None, _) => planned(r, Action::None, "healthy: nothing to do".into()),
                (_, _) if r.quarantined && !named => planned(
                    r,
                    Action::None,
                    "quarantined (crash loop): left alone; `actorctl reset-failed` clears it, naming it repairs it".into(),
                ),
                (_, Some((what, at))) => planned(
                    r,
                    Action::None,
                    format!(
                        "{what} created {} ago, younger than --min-age {}: left alone this time",
                        compact((now - at).num_seconds().max(0) as u64),
                        compact(min_age.as_secs())
                    ),
                ),
                (action, None) => planned(r, action, r.evidence.clone()),
            }
        })
        .collect()
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
            actor_status: status.map(Into::into),
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: "because".into(),
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
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
    fn a_stuck_lifecycle_is_never_acted_on() {
        let stuck = Row { state: Some("deleting".into()), ..row(Class::Stuck, Some("Running")) };
        for req in [Request::Start { force: true }, Request::Restart, Request::Cancel] {
            let p = plan_instance(req, &stuck, &[]);
            assert_eq!(p[0].action, Action::None, "{req:?}");
            assert!(p[0].reason.contains("delete orchestration"), "{}", p[0].reason);
        }
        assert_eq!(repair_for(Class::Stuck), Action::None);
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

#[cfg(test)]
mod recovery_tests {
    use super::*;
    use crate::core::guard::actionable;
    use chrono::TimeZone;
    use std::time::Duration;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn row(k8s: &str, class: Class, created_secs_ago: i64) -> Row {
        Row {
            name: Some(k8s.into()),
            k8s_name: Some(k8s.into()),
            namespace: None,
            state: Some("running".into()),
            health_status: None,
            class,
            actor_id: Some(format!("actor-{k8s}").into()),
            actor_status: Some("Running".into()),
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: format!("{k8s} is {class}"),
            instance_created_at: Some(now() - chrono::Duration::seconds(created_secs_ago)),
            actor_created_at: Some(now() - chrono::Duration::seconds(created_secs_ago)),
            quarantined: false,
            recent_restarts: 0,
        }
    }

    fn fleet() -> Vec<Row> {
        vec![
            row("z", Class::Zombie, 3600),
            row("d", Class::Dead, 3600),
            row("m", Class::Missing, 3600),
            row("s", Class::Stale, 3600),
            row("young", Class::Stale, 30),
            row("o", Class::Orphan, 3600),
            row("h", Class::Healthy, 3600),
        ]
    }

    fn actions(plan: &[Planned]) -> Vec<(&str, Action)> {
        plan.iter().map(|p| (p.k8s_name.as_deref().unwrap(), p.action)).collect()
    }

    #[test]
    fn all_repairs_every_class_and_spares_the_young() {
        let sel = Selection { all: true, ..Default::default() };
        let plan = plan_recovery(&fleet(), &sel, Duration::from_secs(120), now());
        assert_eq!(
            actions(&plan),
            vec![
                ("z", Action::Restart),
                ("d", Action::Start),
                ("m", Action::Start),
                ("s", Action::Restart),
                ("young", Action::None),
                ("o", Action::CancelOrphan),
            ]
        );
        assert!(plan[4].reason.contains("--min-age"));
        assert_eq!(actionable(&plan), 5);
        let plan = plan_recovery(&fleet(), &sel, Duration::ZERO, now());
        assert_eq!(actionable(&plan), 6);
    }

    #[test]
    fn classes_and_names_select() {
        let sel = Selection { classes: vec![Class::Orphan, Class::Dead], ..Default::default() };
        let plan = plan_recovery(&fleet(), &sel, Duration::ZERO, now());
        assert_eq!(actions(&plan), vec![("d", Action::Start), ("o", Action::CancelOrphan)]);
        let sel = Selection { k8s_names: vec!["s".into(), "h".into()], ..Default::default() };
        let plan = plan_recovery(&fleet(), &sel, Duration::ZERO, now());
        assert_eq!(actions(&plan), vec![("s", Action::Restart), ("h", Action::None)]);
        assert!(Selection::default().is_empty());
    }
}
