//! Plans you can review and replay: the file `recover --dry-run -o json`
//! writes (or a results file of recover/sweep `-o json`), read back for
//! `recover --plan FILE`, and the re-check of every item against a fresh
//! classification. Pure.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::classify::{Class, Row};
use super::plan::{repair_for, Action, Planned};

/// What a plan was made with. `fleet` must match to replay it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PlanSettings {
    /// `--stale-after`, in seconds.
    pub(crate) stale_after_secs: u64,
    /// `duroxide` or `http`.
    pub(crate) backend: String,
    pub(crate) fleet: Fingerprint,
}

/// Which fleet: the databases and schemas, and the actor orchestration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Fingerprint {
    pub(crate) cms_database: String,
    pub(crate) cms_schema: String,
    pub(crate) store_database: String,
    pub(crate) store_schema: String,
    pub(crate) actor_orchestration: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A dry run's plan: every action in it, re-checked.
    Plan,
    /// A report: only its `failed` and `unverified` items.
    Results,
}

/// One item of the file, as far as the replay needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub(crate) name: Option<String>,
    pub(crate) k8s_name: Option<String>,
    pub(crate) class: Class,
    pub(crate) action: Action,
    pub(crate) old_actor_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlanFile {
    pub(crate) kind: Kind,
    pub(crate) settings: Option<PlanSettings>,
    pub(crate) items: Vec<Item>,
}

const ACTIONS: [Action; 5] =
    [Action::Start, Action::Restart, Action::Cancel, Action::CancelOrphan, Action::None];

fn item(v: &Value) -> Result<Item, String> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let class = s("class").and_then(|c| Class::ALL.into_iter().find(|x| x.as_str() == c));
    let action = s("action").and_then(|a| ACTIONS.into_iter().find(|x| x.as_str() == a));
    match (class, action) {
        (Some(class), Some(action)) => Ok(Item {
            name: s("name"),
            k8s_name: s("k8s_name"),
            class,
            action,
            old_actor_id: s("old_actor_id"),
        }),
        _ => Err(format!("an item without a known class and action: {v}")),
    }
}

/// Parse a plan (`{"dry_run": true, "plan": [...]}`) or a results file
/// (`{"results": [...]}`, keeping only `failed` and `unverified` items).
pub(crate) fn parse(text: &str) -> Result<PlanFile, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let settings = match doc.get("settings") {
        Some(v) => {
            Some(serde_json::from_value(v.clone()).map_err(|e| format!("its settings are malformed: {e}"))?)
        }
        None => None,
    };
    let (kind, list) = match (doc.get("plan"), doc.get("results")) {
        (Some(Value::Array(p)), _) => (Kind::Plan, p),
        (None, Some(Value::Array(r))) => (Kind::Results, r),
        _ => return Err("neither a plan (`recover --dry-run -o json`) nor a results file (`-o json`)".into()),
    };
    let retry =
        |v: &&Value| matches!(v.get("outcome").and_then(Value::as_str), Some("failed" | "unverified"));
    let items: Result<Vec<Item>, String> = match kind {
        Kind::Plan => list.iter().map(item).collect(),
        Kind::Results => list.iter().filter(retry).map(item).collect(),
    };
    Ok(PlanFile { kind, settings, items: items? })
}

/// Why a plan made for `file` must not run on `here`, if it must not.
pub(crate) fn fleet_mismatch(file: &Fingerprint, here: &Fingerprint) -> Option<String> {
    let pairs = [
        ("CMS database", &file.cms_database, &here.cms_database),
        ("CMS schema", &file.cms_schema, &here.cms_schema),
        ("store database", &file.store_database, &here.store_database),
        ("store schema", &file.store_schema, &here.store_schema),
        ("actor orchestration", &file.actor_orchestration, &here.actor_orchestration),
    ];
    let diffs: Vec<String> = pairs
        .iter()
        .filter(|(_, a, b)| a != b)
        .map(|(what, a, b)| format!("{what} {a} (here: {b})"))
        .collect();
    (!diffs.is_empty()).then(|| format!("the plan is for another fleet: {}", diffs.join(", ")))
}

fn describe(row: Option<&Row>) -> String {
    match row {
        Some(r) => format!("now {} with actor {}", r.class, r.actor_id.as_deref().unwrap_or("none")),
        None => "now gone (not running, or no such actor)".to_string(),
    }
}

fn planned(item: &Item, row: Option<&Row>, action: Action, reason: String) -> Planned {
    Planned {
        name: row.and_then(|r| r.name.as_deref().map(str::to_string)).or_else(|| item.name.clone()),
        k8s_name: row
            .and_then(|r| r.k8s_name.as_deref().map(str::to_string))
            .or_else(|| item.k8s_name.clone()),
        namespace: row.and_then(|r| r.namespace.as_deref().map(str::to_string)),
        class: row.map_or(item.class, |r| r.class),
        action,
        old_actor_id: row.map_or(item.old_actor_id.clone(), |r| r.actor_id.as_deref().map(str::to_string)),
        old_actor_active: row.and_then(|r| r.actor_status.as_ref()).is_some_and(|s| s.is_live()),
        reason,
    }
}

/// The item's row in a fresh classification: an orphan by its actor id,
/// an instance by its k8s name.
fn fresh<'r>(item: &Item, rows: &'r [Row]) -> Option<&'r Row> {
    rows.iter().find(|r| match item.action {
        Action::CancelOrphan => {
            r.class == Class::Orphan && r.actor_id.as_deref() == item.old_actor_id.as_deref()
        }
        _ => {
            r.class != Class::Orphan
                && r.k8s_name.is_some()
                && r.k8s_name.as_deref() == item.k8s_name.as_deref()
        }
    })
}

/// Each item re-checked against `rows`. A plan's action is taken only if its
/// instance is as it was planned (same class, same actor); a results file's
/// item is repaired as its instance is now, unless it healed. Anything else
/// is planned as nothing, "changed since plan", and reported skipped.
pub(crate) fn recheck(file: &PlanFile, rows: &[Row]) -> Vec<Planned> {
    let changed = |item: &Item, row: Option<&Row>| {
        let was = format!(
            "planned as {} with actor {}",
            item.class,
            item.old_actor_id.as_deref().unwrap_or("none")
        );
        planned(item, row, Action::None, format!("changed since plan: {was}, {}", describe(row)))
    };
    file.items
        .iter()
        .filter(|i| i.action != Action::None)
        .map(|item| {
            let row = fresh(item, rows);
            match (file.kind, row) {
                (Kind::Plan, Some(r))
                    if r.class == item.class && r.actor_id.as_deref() == item.old_actor_id.as_deref() =>
                {
                    planned(item, row, item.action, r.evidence.clone())
                }
                (Kind::Results, Some(r)) if r.class != Class::Healthy => {
                    let action =
                        if item.action == Action::Cancel { Action::Cancel } else { repair_for(r.class) };
                    planned(
                        item,
                        row,
                        action,
                        format!("retry of a {} action: {}", item.action.as_str(), r.evidence),
                    )
                }
                _ => changed(item, row),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(k8s: &str, class: Class, actor: Option<&str>) -> Row {
        Row {
            name: Some(k8s.into()),
            k8s_name: Some(k8s.into()),
            namespace: None,
            state: Some("running".into()),
            health_status: None,
            class,
            actor_id: actor.map(Into::into),
            actor_status: actor.map(|_| "Running".into()),
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: format!("{k8s} is {class}"),
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
        }
    }

    const PLAN: &str = r#"{"dry_run": true,
        "settings": {"stale_after_secs": 300, "backend": "duroxide", "fleet": {"cms_database": "cms",
          "cms_schema": "toygres_cms", "store_database": "cms", "store_schema": "toygres_duroxide",
          "actor_orchestration": "actor"}},
        "plan": [
          {"k8s_name": "a", "class": "zombie", "action": "restart", "old_actor_id": "actor-a", "steps": []},
          {"k8s_name": "b", "class": "missing", "action": "start", "old_actor_id": null},
          {"k8s_name": "c", "class": "stale", "action": "restart", "old_actor_id": "actor-c"},
          {"k8s_name": "o", "class": "orphan", "action": "cancel-orphan", "old_actor_id": "actor-o-1"},
          {"k8s_name": "y", "class": "stale", "action": "none", "old_actor_id": "actor-y"}]}"#;

    #[test]
    fn a_plan_is_replayed_only_where_nothing_changed() {
        let file = parse(PLAN).unwrap();
        assert_eq!((file.kind, file.items.len()), (Kind::Plan, 5));
        let rows = vec![
            row("a", Class::Zombie, Some("actor-a")),
            row("b", Class::Healthy, Some("actor-b-1")),
            row("c", Class::Stale, Some("actor-c-2")),
            Row { class: Class::Orphan, ..row("o", Class::Orphan, Some("actor-o-1")) },
        ];
        let plan = recheck(&file, &rows);
        let got: Vec<(&str, Action)> =
            plan.iter().map(|p| (p.k8s_name.as_deref().unwrap(), p.action)).collect();
        assert_eq!(
            got,
            vec![
                ("a", Action::Restart),
                ("b", Action::None),
                ("c", Action::None),
                ("o", Action::CancelOrphan)
            ]
        );
        assert!(plan[1].reason.starts_with("changed since plan") && plan[1].reason.contains("now healthy"));
        assert!(plan[2].reason.contains("actor-c-2"), "a new actor is a change: {}", plan[2].reason);
        assert_eq!(plan[0].old_actor_id.as_deref(), Some("actor-a"));
        assert!(plan[0].old_actor_active);
    }

    #[test]
    fn a_results_file_replays_only_failed_and_unverified() {
        let text = r#"{"results": [
            {"k8s_name": "a", "class": "dead", "action": "start", "outcome": "done", "old_actor_id": "actor-a"},
            {"k8s_name": "b", "class": "dead", "action": "start", "outcome": "failed", "old_actor_id": "actor-b"},
            {"k8s_name": "c", "class": "zombie", "action": "restart", "outcome": "unverified"},
            {"k8s_name": "d", "class": "zombie", "action": "restart", "outcome": "failed"}],
            "summary": {}}"#;
        let file = parse(text).unwrap();
        assert_eq!((file.kind, file.items.len(), file.settings.is_none()), (Kind::Results, 3, true));
        let rows = vec![
            row("a", Class::Dead, Some("actor-a")),
            row("b", Class::Dead, Some("actor-b")),
            row("c", Class::Healthy, Some("actor-c-1")),
            row("d", Class::Missing, Some("actor-d-1")),
        ];
        let got: Vec<(String, Action)> =
            recheck(&file, &rows).into_iter().map(|p| (p.k8s_name.unwrap(), p.action)).collect();
        let want = [("b", Action::Start), ("c", Action::None), ("d", Action::Start)];
        assert_eq!(got, want.map(|(k, a)| (k.to_string(), a)).to_vec(), "a (done) is not touched");
    }

    #[test]
    fn another_fleet_and_bad_files_are_refused() {
        let s = parse(PLAN).unwrap().settings.unwrap();
        assert_eq!(fleet_mismatch(&s.fleet, &s.fleet), None);
        let other = Fingerprint { cms_database: "prod".into(), ..s.fleet.clone() };
        assert!(fleet_mismatch(&s.fleet, &other).unwrap().contains("CMS database cms (here: prod)"));
        assert!(parse("nope").unwrap_err().contains("not JSON"));
        assert!(parse(r#"{"actors": []}"#).unwrap_err().contains("neither a plan"));
        assert!(parse(r#"{"plan": [{"class": "weird", "action": "start"}]}"#).is_err());
    }
}
