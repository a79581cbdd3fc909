//! `list --watch`: what changed between two classifications of the fleet.
//! Pure: rows in, changes out.

use std::collections::BTreeMap;

use super::classify::{Class, Row};

/// An instance row by its k8s name; an orphan by its actor id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    Instance(String),
    Orphan(String),
}

pub(crate) fn key(r: &Row) -> Option<Key> {
    match r.class {
        Class::Orphan => r.actor_id.as_deref().map(|a| Key::Orphan(a.to_string())),
        _ => r.k8s_name.as_deref().map(|k| Key::Instance(k.to_string())),
    }
}

/// The classes seen at the last refresh.
pub(crate) type Seen = BTreeMap<Key, Class>;

pub(crate) fn seen(rows: &[Row]) -> Seen {
    rows.iter().filter_map(|r| Some((key(r)?, r.class))).collect()
}

/// One change: a row whose class differs from the last refresh (new rows
/// have no previous class; a row that went away has no class).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    pub(crate) k8s_name: Option<String>,
    pub(crate) actor_id: Option<String>,
    pub(crate) class: Option<Class>,
    pub(crate) previous: Option<Class>,
    pub(crate) evidence: String,
}

/// Changes since `before` (`None`: the first refresh, every row is a
/// change), kept when the new or the previous class is one of `wanted`.
pub(crate) fn changes(before: Option<&Seen>, rows: &[Row], wanted: &[Class]) -> Vec<Change> {
    let mut out: Vec<Change> = rows
        .iter()
        .filter_map(|r| {
            let previous = before.and_then(|b| key(r).and_then(|k| b.get(&k).copied()));
            (before.is_none() || previous != Some(r.class)).then(|| Change {
                k8s_name: r.k8s_name.as_deref().map(str::to_string),
                actor_id: r.actor_id.as_deref().map(str::to_string),
                class: Some(r.class),
                previous,
                evidence: r.evidence.clone(),
            })
        })
        .collect();
    if let Some(before) = before {
        let now = seen(rows);
        out.extend(before.iter().filter(|(k, _)| !now.contains_key(k)).map(|(k, class)| {
            let (k8s_name, actor_id) = match k {
                Key::Instance(n) => (Some(n.clone()), None),
                Key::Orphan(id) => (None, Some(id.clone())),
            };
            Change {
                k8s_name,
                actor_id,
                class: None,
                previous: Some(*class),
                evidence: "no longer listed".into(),
            }
        }));
    }
    let wants = |c: Option<Class>| c.is_some_and(|c| wanted.contains(&c));
    out.retain(|c| wants(c.class) || wants(c.previous));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(k8s: &str, class: Class, actor: &str) -> Row {
        Row {
            name: Some(k8s.into()),
            k8s_name: Some(k8s.into()),
            namespace: None,
            state: None,
            health_status: None,
            class,
            actor_id: Some(actor.into()),
            actor_status: None,
            last_health_check: None,
            last_progress: None,
            next_timer: None,
            evidence: format!("{k8s} {class}"),
            instance_created_at: None,
            actor_created_at: None,
            quarantined: false,
            recent_restarts: 0,
        }
    }

    #[test]
    fn first_refresh_lists_everything_then_only_changes() {
        let all = Class::ALL.to_vec();
        let r1 = vec![row("a", Class::Healthy, "actor-a"), row("b", Class::Healthy, "actor-b")];
        assert_eq!(changes(None, &r1, &all).len(), 2);
        let s1 = seen(&r1);
        assert!(changes(Some(&s1), &r1, &all).is_empty(), "nothing changed");
        let r2 = vec![
            row("a", Class::Dead, "actor-a"),
            row("b", Class::Healthy, "actor-b"),
            row("b", Class::Orphan, "actor-b-0"),
        ];
        let c = changes(Some(&s1), &r2, &all);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[0].class, c[0].previous), (Some(Class::Dead), Some(Class::Healthy)));
        assert_eq!((c[1].class, c[1].previous), (Some(Class::Orphan), None), "a new orphan");
        let gone = changes(Some(&seen(&r2)), &r1, &all);
        assert_eq!(gone.len(), 2, "{gone:?}");
        assert_eq!(gone[1].actor_id.as_deref(), Some("actor-b-0"));
        assert_eq!((gone[1].class, gone[1].previous), (None, Some(Class::Orphan)));
    }

    #[test]
    fn filters_keep_changes_into_or_out_of_the_wanted_classes() {
        let unhealthy: Vec<Class> = Class::ALL.into_iter().filter(|c| *c != Class::Healthy).collect();
        let healthy = vec![row("a", Class::Healthy, "x")];
        assert!(changes(None, &healthy, &unhealthy).is_empty());
        let dead = vec![row("a", Class::Dead, "x")];
        assert_eq!(changes(Some(&seen(&healthy)), &dead, &unhealthy).len(), 1);
        assert_eq!(changes(Some(&seen(&dead)), &healthy, &unhealthy).len(), 1, "healed: shown");
    }
}
