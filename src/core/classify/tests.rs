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
        user_name: k8s.trim_start_matches("pg-").into(),
        k8s_name: k8s.into(),
        dns_name: Some(k8s.trim_start_matches("pg-").into()),
        namespace: "toygres".into(),
        state: "running".into(),
        health_status: Some("healthy".into()),
        actor_id: actor.map(Into::into),
        last_health_check: health_age.and_then(ago),
        created_at: ago(86_400),
        state_since: None,
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
        completed_at: None,
        waiting_on: None,
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

fn count(r: &Report, class: Class) -> usize {
    r.rows.iter().filter(|x| x.class == class).count()
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
fn progress_is_the_execution_and_its_history() {
    // An old provider never refreshes instances.updated_at; the execution
    // start and the history still show progress.
    let mut a = actor("a", "Running", 900);
    a.last_history_at = ago(3);
    assert_eq!(last_progress(&a), ago(3));
    // A turn that only drops a leftover timer moves updated_at: no progress.
    a.updated_at = ago(1);
    assert_eq!(last_progress(&a), ago(3));
    // Without history, updated_at is all there is.
    a.last_history_at = None;
    assert_eq!(last_progress(&a), ago(1));
}

#[test]
fn an_actor_waiting_on_an_activity_says_so_and_is_a_zombie_after_t() {
    let mut a = actor("actor-pg-a", "Running", 261);
    a.waiting_on = Some(ActivityWait {
        name: "toygres-orchestrations::activity::cms-record-health-check".into(),
        since: ago(261),
        locked: true,
    });
    a.next_timer = None;
    let f = facts(vec![inst("pg-a", Some("actor-pg-a"), Some(290))], vec![a.clone()]);
    let r = classify(&f, T);
    assert_eq!(r.rows[0].class, Class::Healthy, "{}", r.rows[0].evidence);
    assert!(
        r.rows[0].evidence.contains("waiting 4m21s on activity cms-record-health-check, locked by a worker"),
        "{}",
        r.rows[0].evidence
    );
    // Past T it is a zombie, whatever else moved.
    a.waiting_on.as_mut().unwrap().since = ago(301);
    a.last_history_at = ago(1);
    let f = facts(vec![inst("pg-a", Some("actor-pg-a"), Some(10))], vec![a]);
    let r = classify(&f, T);
    assert_eq!(r.rows[0].class, Class::Zombie);
    assert!(
        r.rows[0].evidence.contains("but waiting 5m1s on activity cms-record-health-check"),
        "{}",
        r.rows[0].evidence
    );
}

#[test]
fn a_dead_actor_died_when_its_execution_completed() {
    let mut a = actor("actor-pg-a", "Failed", 5);
    a.completed_at = ago(600);
    let f = facts(vec![inst("pg-a", Some("actor-pg-a"), Some(10))], vec![a]);
    let r = classify(&f, T);
    assert_eq!(r.rows[0].class, Class::Dead);
    assert!(r.rows[0].evidence.contains("Failed (10m ago)"), "{}", r.rows[0].evidence);
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
fn workers_down_follows_the_loop_interval_not_t() {
    let mut f =
        facts(vec![inst("pg-a", Some("actor-pg-a"), Some(10))], vec![actor("actor-pg-a", "Running", 10)]);
    // Default interval 30 s: down once the overdue work is over 60 s old,
    // with T at its default of five minutes.
    f.store.oldest_overdue = ago(61);
    assert!(classify(&f, T).diagnosis.workers_down);
    f.store.oldest_overdue = ago(59);
    assert!(!classify(&f, T).diagnosis.workers_down);
    // A longer T changes nothing; a longer interval does.
    f.store.oldest_overdue = ago(61);
    assert!(classify(&f, Duration::from_secs(3600)).diagnosis.workers_down);
    let th = Thresholds { actor_interval: Duration::from_secs(60), ..Thresholds::with_stale_after(T) };
    assert!(!classify_with(&f, &th).diagnosis.workers_down);
}

#[test]
fn stuck_lifecycles_are_listed_with_their_actor_and_never_repaired() {
    let mut deleting = inst("pg-del", Some("actor-pg-del"), Some(10));
    deleting.state = "deleting".into();
    deleting.state_since = ago(3 * 3600);
    let mut creating = inst("pg-new", None, None);
    creating.state = "creating".into();
    creating.created_at = ago(40 * 60);
    let mut recent = inst("pg-recent", Some("actor-pg-recent"), Some(10));
    recent.state = "deleting".into();
    recent.state_since = ago(60);
    let mut failed = inst("pg-failed", None, None);
    failed.state = "failed".into();
    let f = facts(
        vec![deleting, creating, recent, failed],
        vec![actor("actor-pg-del", "Running", 5), actor("actor-pg-recent", "Running", 5)],
    );
    let r = classify(&f, T);
    let stuck: Vec<&Row> = r.rows.iter().filter(|r| r.class == Class::Stuck).collect();
    assert_eq!(stuck.len(), 2, "{:?}", r.rows);
    let del = stuck.iter().find(|r| r.k8s_name.as_deref() == Some("pg-del")).unwrap();
    assert!(del.evidence.contains("deleting for 3h"), "{}", del.evidence);
    assert!(del.evidence.contains("actor-pg-del is Running"), "{}", del.evidence);
    assert!(del.evidence.contains("control plane's lifecycle"), "{}", del.evidence);
    assert_eq!(del.actor_status.as_ref().map(|s| s.as_str()), Some("Running"));
    let new = stuck.iter().find(|r| r.k8s_name.as_deref() == Some("pg-new")).unwrap();
    assert!(new.evidence.contains("create orchestration") && new.evidence.contains("no actor"));
    // The actors of creating/deleting instances are not orphans, stuck or not.
    assert_eq!(count(&r, Class::Orphan), 0);
    assert_eq!(r.rows.len(), 2);
    let th = Thresholds { stuck_after: Duration::from_secs(4 * 3600), ..Thresholds::with_stale_after(T) };
    assert_eq!(count(&classify_with(&f, &th), Class::Stuck), 0);
}

fn named(k8s: &str, user: &str, state: &str) -> CmsInstance {
    CmsInstance { user_name: user.into(), state: state.into(), ..inst(k8s, None, None) }
}

#[test]
fn a_name_means_the_running_one_and_only_live_ties_are_ambiguous() {
    let failed = named("db01-1a2b3c4d", "db01", "failed");
    let running = named("db01-9f8e7d6c", "db01", "running");
    match pick_named("db01", &[failed.clone(), running.clone()]) {
        Pick::One(1, Some(note)) => {
            assert!(
                note.contains("db01-1a2b3c4d (failed)") && note.contains("running one, db01-9f8e7d6c"),
                "{note}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(pick_named("db01-1a2b3c4d", &[failed.clone(), running.clone()]), Pick::One(0, None));
    assert_eq!(pick_named("db01", std::slice::from_ref(&failed)), Pick::One(0, None));
    assert_eq!(pick_named("db01", &[]), Pick::None);
    let running2 = named("db01-00000000", "db01", "running");
    assert_eq!(pick_named("db01", &[failed.clone(), running.clone(), running2]), Pick::Ambiguous(vec![1, 2]));
    // One deleting and one failed: the live one.
    let deleting = named("db01-11111111", "db01", "deleting");
    assert!(matches!(pick_named("db01", &[failed.clone(), deleting]), Pick::One(1, Some(_))));
    // Only dead rows: every one of them is a candidate.
    let deleted = named("db01-22222222", "db01", "deleted");
    assert_eq!(pick_named("db01", &[failed, deleted]), Pick::Ambiguous(vec![0, 1]));
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
        let instance_rows = r.rows.iter().filter(|r| !matches!(r.class, Class::Orphan | Class::Stuck)).count();
        prop_assert_eq!(instance_rows, running);
        for i in f.instances.iter().filter(|i| i.state == "running") {
            let n = r.rows.iter().filter(|r| !matches!(r.class, Class::Orphan | Class::Stuck) && r.k8s_name.as_deref() == Some(i.k8s_name.as_str())).count();
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

proptest! {
    /// `sort_rows` (indices, then cycles) orders exactly as a stable sort
    /// of the rows by the same key, ties included.
    #[test]
    fn sort_rows_is_the_stable_sort(keys in prop::collection::vec(
        (prop::sample::select(Class::ALL.to_vec()),
         prop::option::of((0u8..4, prop::sample::select(vec![0usize, 22, 23, 24, 30]))),
         prop::option::of(0u8..3)), 0..60)) {
        // Names with a common stem shorter than, as long as and longer than
        // the sort's inline prefix, NULs included.
        let rows: Vec<Row> = keys
            .iter()
            .enumerate()
            .map(|(n, (class, name, actor))| Row {
                name: name.map(|(v, stem)| format!("{}{}{v}", "p".repeat(stem), if v % 2 == 1 { "\0" } else { "" }).into()),
                k8s_name: Some(format!("k{n}").into()),
                namespace: None,
                state: None,
                health_status: None,
                class: *class,
                actor_id: actor.map(|v| format!("a{v}").into()),
                actor_status: None,
                last_health_check: None,
                last_progress: None,
                next_timer: None,
                evidence: n.to_string(),
                instance_created_at: None,
                actor_created_at: None,
                quarantined: false,
                recent_restarts: 0,
            })
            .collect();
        let mut expected = rows.clone();
        expected.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        // The order as two halves sorted apart and merged, as a large
        // fleet's is.
        let mut stable: Vec<usize> = (0..rows.len()).collect();
        stable.sort_by(|&a, &b| sort_key(&rows[a]).cmp(&sort_key(&rows[b])));
        prop_assert_eq!(sorted_order(&rows, 0), stable);
        let mut got = rows;
        sort_rows(&mut got);
        prop_assert_eq!(got, expected);
    }
}
