use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

const ORCH: &str = "toygres-orchestrations::orchestration::instance-actor";
const T: Duration = Duration::from_secs(300);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn ago(secs: i64) -> Option<DateTime<Utc>> {
    Some(now() - chrono::Duration::seconds(secs))
}

fn inst(k8s: &str, actor: Option<&str>, health_age: Option<i64>) -> CmsInstance {
    CmsInstance {
        user_name: k8s.trim_start_matches("pg-").to_string(),
        k8s_name: k8s.to_string(),
        namespace: "toygres".into(),
        state: "running".into(),
        health_status: Some("healthy".into()),
        actor_id: actor.map(str::to_string),
        last_health_check: health_age.and_then(ago),
        created_at: ago(86_400),
        quarantined: false,
        recent_restarts: 0,
        held: false,
    }
}

fn actor(id: &str, status: &str, progress_age: i64) -> StoreActor {
    StoreActor {
        instance_id: id.into(),
        orchestration: ORCH.into(),
        status: status.into(),
        created_at: ago(86_400),
        updated_at: ago(86_400),
        execution_started_at: ago(progress_age),
        last_history_at: ago(progress_age),
        queued_messages: 1,
        queued_activities: 0,
        next_timer: ago(-20),
        locked: false,
        input_k8s_name: None,
    }
}

fn facts(instances: Vec<CmsInstance>, actors: Vec<StoreActor>) -> Facts {
    Facts {
        now: now(),
        instances,
        store: StoreSnapshot { actors, ..Default::default() },
        actor_orchestration: ORCH.into(),
    }
}

fn class_of(r: &Report, k8s: &str) -> Class {
    r.rows.iter().find(|r| r.k8s_name.as_deref() == Some(k8s) && r.class != Class::Orphan).unwrap().class
}

#[test]
fn the_table_of_domain_section_4() {
    let mut nothing_queued = actor("actor-pg-z1", "Running", 5);
    nothing_queued.queued_messages = 0;
    nothing_queued.next_timer = None;
    let f = facts(
        vec![
            inst("pg-h", Some("actor-pg-h"), Some(10)),
            inst("pg-c", Some("actor-pg-c"), Some(10)),
            inst("pg-s", Some("actor-pg-s"), Some(600)),
            inst("pg-s2", Some("actor-pg-s2"), None),
            inst("pg-z1", Some("actor-pg-z1"), Some(10)),
            inst("pg-z2", Some("actor-pg-z2"), Some(10)),
            inst("pg-m1", None, Some(10)),
            inst("pg-m2", Some("actor-pg-m2"), Some(10)),
            inst("pg-d1", Some("actor-pg-d1"), Some(10)),
            inst("pg-d2", Some("actor-pg-d2"), Some(10)),
        ],
        vec![
            actor("actor-pg-h", "Running", 5),
            actor("actor-pg-c", "ContinuedAsNew", 1),
            actor("actor-pg-s", "Running", 5),
            actor("actor-pg-s2", "Running", 5),
            nothing_queued,
            actor("actor-pg-z2", "Running", 900),
            actor("actor-pg-d1", "Completed", 900),
            actor("actor-pg-d2", "Failed", 10),
        ],
    );
    let r = classify(&f, T);
    let expect = [
        ("pg-h", Class::Healthy),
        ("pg-c", Class::Healthy),
        ("pg-s", Class::Stale),
        ("pg-s2", Class::Stale),
        ("pg-z1", Class::Zombie),
        ("pg-z2", Class::Zombie),
        ("pg-m1", Class::Missing),
        ("pg-m2", Class::Missing),
        ("pg-d1", Class::Dead),
        ("pg-d2", Class::Dead),
    ];
    for (k, c) in expect {
        assert_eq!(class_of(&r, k), c, "{k}: {:?}", r.rows.iter().find(|x| x.k8s_name.as_deref() == Some(k)));
    }
    assert_eq!(r.rows.len(), expect.len());
    assert!(!r.diagnosis.workers_down);
}

#[test]
fn progress_is_the_newest_of_three_signals() {
    // An old provider never refreshes instances.updated_at; the execution
    // start and the history still show progress.
    let mut a = actor("a", "Running", 900);
    a.last_history_at = ago(3);
    assert_eq!(last_progress(&a), ago(3));
    a.updated_at = ago(1);
    assert_eq!(last_progress(&a), ago(1));
}

#[test]
fn queued_start_is_starting_then_zombie() {
    let mut f = facts(vec![inst("pg-a", Some("actor-pg-a-1234abcd"), Some(10))], vec![]);
    f.store.queued_starts.push(QueuedStart {
        instance_id: "actor-pg-a-1234abcd".into(),
        orchestration: ORCH.into(),
        queued_at: ago(20).unwrap(),
        input_k8s_name: Some("pg-a".into()),
    });
    let r = classify(&f, T);
    assert_eq!(class_of(&r, "pg-a"), Class::Healthy);
    assert_eq!(r.rows[0].actor_status.as_ref().map(|s| s.as_str()), Some("Pending"));
    f.store.queued_starts[0].queued_at = ago(301).unwrap();
    assert_eq!(class_of(&classify(&f, T), "pg-a"), Class::Zombie);
}

#[test]
fn orphans_and_who_is_left_alone() {
    let mut creating = inst("pg-new", None, None);
    creating.state = "creating".into();
    let mut failed = inst("pg-failed", Some("actor-pg-failed"), Some(5));
    failed.state = "failed".into();
    let f = facts(
        vec![inst("pg-a", Some("actor-pg-a-0badf00d"), Some(5)), creating, failed],
        vec![
            actor("actor-pg-a", "Running", 5),          // replaced by a restart
            actor("actor-pg-a-0badf00d", "Running", 5), // the current one
            actor("actor-pg-new", "Running", 5),        // its instance is still creating
            actor("actor-pg-failed", "Running", 5),     // its instance failed
            actor("actor-pg-gone", "Running", 5),       // no instance at all
            actor("actor-pg-old", "Completed", 5),      // finished: history, not an orphan
        ],
    );
    let r = classify(&f, T);
    let orphans: Vec<(&str, &str)> = r
        .rows
        .iter()
        .filter(|r| r.class == Class::Orphan)
        .map(|r| (r.actor_id.as_deref().unwrap(), r.k8s_name.as_deref().unwrap()))
        .collect();
    assert_eq!(
        orphans,
        vec![("actor-pg-a", "pg-a"), ("actor-pg-failed", "pg-failed"), ("actor-pg-gone", "pg-gone")]
    );
    assert!(r.rows.iter().any(|r| r.evidence.contains("now points to actor actor-pg-a-0badf00d")));
    assert!(r.rows.iter().any(|r| r.evidence.contains("instance is failed")));
    assert!(r.rows.iter().any(|r| r.evidence.contains("no longer exists")));
}

#[test]
fn workers_down_needs_overdue_work_and_no_locks() {
    let mut f =
        facts(vec![inst("pg-a", Some("actor-pg-a"), Some(600))], vec![actor("actor-pg-a", "Running", 600)]);
    f.store.oldest_overdue = ago(400);
    let r = classify(&f, T);
    assert!(r.diagnosis.workers_down);
    assert!(r.diagnosis.message.as_deref().unwrap().contains("workers are down"));
    f.store.live_locks = 1;
    assert!(!classify(&f, T).diagnosis.workers_down, "someone is working");
    let stuck = classify(&f, T).diagnosis;
    assert!(
        stuck.workers_stalled && stuck.fleet_is_sick(),
        "locks held, but due work ages past T: {stuck:?}"
    );
    assert!(stuck.message.unwrap().contains("workers are stuck"));
    f.store.live_locks = 0;
    f.store.oldest_overdue = ago(30);
    assert!(!classify(&f, T).diagnosis.workers_down, "a short backlog is not an outage");
}

#[test]
fn actor_id_conventions() {
    assert_eq!(k8s_from_actor_id("actor-pg-1").as_deref(), Some("pg-1"));
    assert_eq!(k8s_from_actor_id("actor-pg-1-0a1b2c3d").as_deref(), Some("pg-1"));
    assert_eq!(k8s_from_actor_id("actor-pg-1-notahexx").as_deref(), Some("pg-1-notahexx"));
    assert_eq!(k8s_from_actor_id("something-else"), None);
    assert_eq!(k8s_from_actor_id("actor-"), None);
}

fn arb_status() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("Running"), Just("ContinuedAsNew"), Just("Completed"), Just("Failed"), Just("Weird")]
}

fn arb_state() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("running"),
        Just("running"),
        Just("creating"),
        Just("deleting"),
        Just("deleted"),
        Just("failed")
    ]
}

prop_compose! {
    fn arb_world()(
        specs in prop::collection::vec(
            (arb_state(), prop::option::of(0u8..3), prop::option::of(0i64..1000), arb_status(), 0i64..1000, 0i64..3, any::<bool>()),
            0..25,
        ),
        extra_actors in prop::collection::vec((0usize..30, arb_status(), 0i64..1000), 0..6),
    ) -> Facts {
        let mut instances = Vec::new();
        let mut actors = Vec::new();
        for (i, (state, actor_kind, health, status, progress, queued, locked)) in specs.into_iter().enumerate() {
            let k8s = format!("pg-{i}");
            // 0: actor exists, 1: actor id points nowhere, 2: id NULL
            let id = match actor_kind {
                Some(0) | Some(1) => Some(format!("actor-{k8s}")),
                _ => None,
            };
            let mut row = inst(&k8s, id.as_deref(), health);
            row.state = state.into();
            instances.push(row);
            if actor_kind == Some(0) {
                let mut a = actor(&format!("actor-{k8s}"), status, progress);
                a.queued_messages = queued;
                a.locked = locked;
                actors.push(a);
            }
        }
        for (j, status, progress) in extra_actors {
            let id = format!("actor-pg-{j}-{:08x}", j);
            // instance_id is the store's primary key
            if !actors.iter().any(|a| a.instance_id == id) {
                actors.push(actor(&id, status, progress));
            }
        }
        facts(instances, actors)
    }
}

proptest! {
    #[test]
    fn every_running_instance_gets_exactly_one_row(f in arb_world(), t in 1u64..2000) {
        let r = classify(&f, Duration::from_secs(t));
        let running = f.instances.iter().filter(|i| i.state == "running").count();
        let instance_rows = r.rows.iter().filter(|r| r.class != Class::Orphan).count();
        prop_assert_eq!(instance_rows, running);
        for i in f.instances.iter().filter(|i| i.state == "running") {
            let n = r.rows.iter().filter(|r| r.class != Class::Orphan && r.k8s_name.as_deref() == Some(i.k8s_name.as_str())).count();
            prop_assert_eq!(n, 1);
        }
    }

    #[test]
    fn orphans_are_unreferenced_running_actors(f in arb_world(), t in 1u64..2000) {
        let r = classify(&f, Duration::from_secs(t));
        for o in r.rows.iter().filter(|r| r.class == Class::Orphan) {
            let id = o.actor_id.as_deref().unwrap();
            prop_assert!(!f.instances.iter().any(|i| i.state == "running" && i.actor_id.as_deref() == Some(id)));
            let a = f.store.actors.iter().find(|a| a.instance_id == id).unwrap();
            prop_assert!(a.status == "Running" || a.status == "ContinuedAsNew");
            prop_assert!(!matches!(o.state.as_ref().map(|s| s.as_str()), Some("creating") | Some("deleting")));
        }
    }

    #[test]
    fn healthy_means_recent_health_recent_progress_and_something_queued(f in arb_world(), t in 1u64..2000) {
        let r = classify(&f, Duration::from_secs(t));
        let t = chrono::Duration::seconds(t as i64);
        for row in r.rows.iter().filter(|r| r.class == Class::Healthy) {
            prop_assert!(row.last_health_check.is_some_and(|h| f.now - h <= t));
            prop_assert!(row.last_progress.is_some_and(|p| f.now - p <= t));
            let a = f.store.actors.iter().find(|a| Some(a.instance_id.as_str()) == row.actor_id.as_deref()).unwrap();
            prop_assert!(a.queued_messages + a.queued_activities > 0 || a.locked);
        }
    }

    #[test]
    fn a_longer_threshold_never_makes_a_healthy_row_unhealthy(f in arb_world(), t in 1u64..1000, more in 0u64..1000) {
        let short = classify(&f, Duration::from_secs(t));
        let long = classify(&f, Duration::from_secs(t + more));
        for row in short.rows.iter().filter(|r| r.class == Class::Healthy) {
            let again = long.rows.iter().find(|r| r.k8s_name == row.k8s_name && r.class != Class::Orphan).unwrap();
            prop_assert_eq!(again.class, Class::Healthy);
        }
    }

    #[test]
    fn rows_are_sorted_by_severity(f in arb_world(), t in 1u64..2000) {
        let r = classify(&f, Duration::from_secs(t));
        prop_assert!(r.rows.windows(2).all(|w| w[0].class <= w[1].class));
    }
}
