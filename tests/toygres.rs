//! Where toygres's real shape differs from the seeds (issue 11): names
//! shared by failed and running rows, dns_name, stuck lifecycles, and
//! workers down judged by the loop interval rather than T.

mod common;

use common::*;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

async fn fleet(n: usize) -> (Fleet, Vec<String>) {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("pg", n).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    (fleet, names)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_shared_with_a_failed_row_means_the_running_one() {
    let (fleet, _) = fleet(0).await;
    fleet.insert_instance("db01", "db01-1a2b3c4d", "failed", None).await.unwrap();
    fleet.add_instance("db01", "db01-9f8e7d6c").await.unwrap();
    fleet.wait_recorded(&["db01-9f8e7d6c".to_string()], WAIT).await.unwrap();

    let r = run(&fleet.url, &["show", "db01", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["instance"]["k8s_name"], "db01-9f8e7d6c", "{}", r.stdout);
    assert!(
        r.stderr.contains("db01-1a2b3c4d (failed)") && r.stderr.contains("running one, db01-9f8e7d6c"),
        "{}",
        r.stderr
    );

    // The same for actions: restart acts on the running one.
    let r = run(&fleet.url, &["restart", "db01", "-o", "json", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["plan"][0]["k8s_name"], "db01-9f8e7d6c", "{}", r.stdout);

    // dns_name is a name too (toygres's API uses it).
    let sql = format!(
        "UPDATE {}.instances SET dns_name = 'orders-db' WHERE k8s_name = 'db01-9f8e7d6c'",
        fleet.cms()
    );
    fleet.pg.execute(&sql, &[]).await.unwrap();
    let r = run(&fleet.url, &["show", "orders-db", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["instance"]["k8s_name"], "db01-9f8e7d6c");

    // Two running instances of one user name stay ambiguous (exit 2).
    fleet.add_instance("db01", "db01-00c0ffee").await.unwrap();
    let r = run(&fleet.url, &["show", "db01"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("ambiguous") && r.stderr.contains("db01-00c0ffee (running)"), "{}", r.stderr);
    assert!(!r.stderr.contains("db01-1a2b3c4d"), "the failed row is no candidate: {}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_instance_stuck_deleting_is_listed_and_left_alone() {
    let (fleet, names) = fleet(2).await;
    // Its delete orchestration failed an hour ago; its actor keeps running.
    fleet.set_state_since(&names[0], "deleting", 3600).await.unwrap();

    let l = list_json(&fleet.url, &[]);
    let row =
        l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == names[0].as_str()).unwrap();
    assert_eq!(row["class"], "stuck", "{}", l.json);
    assert_eq!(row["state"], "deleting");
    assert_eq!(row["actor_status"], "Running", "the actor's state is evidence: {row}");
    assert!(row["evidence"].as_str().unwrap().contains("deleting for 1h"), "{row}");
    assert_eq!(l.json["summary"]["stuck"], 1);
    assert_eq!(orphans(&l.json).len(), 0, "a deleting instance's actor is not an orphan");
    assert_eq!(l.code, 1);

    // Counted by --check; a longer --stuck-after is fine with it.
    let r = run(&fleet.url, &["list", "--check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("1 stuck") && r.stdout.contains("stuck=1"), "{}", r.stdout);
    let l = list_json(&fleet.url, &["--stuck-after", "2h"]);
    assert_eq!(l.json["summary"]["stuck"], 0, "{}", l.json);
    assert_eq!(l.code, 0);

    // Never repaired: restart and recover do nothing, and say why.
    let r = run(&fleet.url, &["restart", &names[0], "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let res = only_result(&r);
    assert_eq!(res["action"], "none");
    assert!(res["message"].as_str().unwrap().contains("control plane's lifecycle"), "{res}");
    let r = run(&fleet.url, &["recover", "--all", "--yes", "-o", "json", "--min-age", "0s"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.json()["results"].as_array().unwrap().iter().all(|x| x["action"] == "none"), "{}", r.stdout);
    assert_eq!(
        fleet.actor_id(&names[0]).await.unwrap().as_deref(),
        Some(format!("actor-{}", names[0]).as_str())
    );
    let r = run(&fleet.url, &["show", &names[0]]);
    assert!(r.stdout.contains("stuck") && r.stdout.contains("control plane's lifecycle"), "{}", r.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_down_is_judged_by_the_loop_interval_not_t() {
    let (mut fleet, _) = fleet(2).await;
    fleet.stop_runtime().await;
    let stopped = Instant::now();
    // At the default T (5m), with the fleet's 1 s loop: down within seconds.
    let l = loop {
        let l = list_json(&fleet.url, &["--actor-interval", "1s"]);
        if l.json["diagnosis"]["workers_down"] == true {
            break l;
        }
        assert!(stopped.elapsed() < Duration::from_secs(20), "never diagnosed: {}", l.json);
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert!(l.json["diagnosis"]["message"].as_str().unwrap().contains("workers are down"));
    assert_eq!(l.code, 1);
    // The default interval (30 s) waits for a minute of overdue work.
    if stopped.elapsed() < Duration::from_secs(50) {
        // The harness sets ACTORCTL_ACTOR_INTERVAL=1s: take it away.
        let out =
            actorctl(&fleet.url).env_remove("ACTORCTL_ACTOR_INTERVAL").args(["list", "-o", "json"]).output();
        let doc: serde_json::Value = serde_json::from_slice(&out.unwrap().stdout).unwrap();
        assert_eq!(doc["diagnosis"]["workers_down"], false, "{doc}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn done_means_the_new_actor_recorded_a_health_check() {
    let (fleet, names) = fleet(3).await;
    let (broken, fine, also_broken) = (&names[0], &names[1], &names[2]);
    // Every actor of these instances fails on its health-check write.
    fleet.break_instance_recording(broken).await.unwrap();
    fleet.break_instance_recording(also_broken).await.unwrap();

    let r = run(&fleet.url, &["restart", broken, "-o", "json", "--verify-timeout", "3s"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "unverified", "{res}");
    let msg = res["message"].as_str().unwrap();
    assert!(msg.contains("no health check recorded in 3s"), "{msg}");

    let r = run(&fleet.url, &["restart", fine, "-o", "json", "--verify-timeout", "20s"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "done", "{res}");
    assert!(res["message"].as_str().unwrap().contains("health check recorded at"), "{res}");

    // --verify running keeps the weaker check.
    let r = run(&fleet.url, &["restart", broken, "-o", "json", "--verify", "running"]);
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stdout);

    // Batched in recover: one of each (both dead, so both are started).
    for k in [fine, also_broken] {
        let id = fleet.actor_id(k).await.unwrap().unwrap();
        fleet.cancel(&id).await.unwrap();
    }
    let r = run(
        &fleet.url,
        &["recover", fine, also_broken, "--yes", "-o", "json", "--min-age", "0s", "--verify-timeout", "4s"],
    );
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    let outcome = |k: &str| {
        doc["results"].as_array().unwrap().iter().find(|x| x["k8s_name"] == k).unwrap()["outcome"].clone()
    };
    assert_eq!(outcome(fine), "done", "{doc}");
    assert_eq!(outcome(also_broken), "unverified", "{doc}");

    // The audit trail keeps toygres's instance states in old_state/new_state
    // and the actor's class and outcome in metadata.
    let sql = format!(
        "SELECT e.old_state::text, e.new_state::text, e.metadata FROM {s}.instance_events e
           JOIN {s}.instances i ON i.id = e.instance_id
          WHERE i.k8s_name = $1 AND e.event_type = 'actor_restarted' ORDER BY e.id",
        s = fleet.cms()
    );
    let rows = fleet.pg.query(&sql, &[&broken]).await.unwrap();
    assert_eq!(rows.len(), 2);
    let (old, new, meta): (Option<String>, Option<String>, serde_json::Value) =
        (rows[0].get(0), rows[0].get(1), rows[0].get(2));
    assert_eq!((old.as_deref(), new.as_deref()), (Some("running"), Some("running")));
    assert_eq!(meta["class"], "healthy", "{meta}");
    assert_eq!(meta["outcome"], "unverified", "{meta}");
    assert_eq!(rows[1].get::<_, serde_json::Value>(2)["outcome"], "done");
}

/// toygres's actor leaves activity-timeout timers behind every turn; the
/// evidence follows the loop timer and the activity the actor waits on.
#[tokio::test(flavor = "multi_thread")]
async fn a_toygres_actor_blocked_on_a_locked_row_is_named_and_a_zombie_after_t() {
    // Timeouts long enough that no leftover timer comes due during the test.
    let opts = FleetOptions { toygres_actor: Some(Duration::from_secs(600)), ..Default::default() };
    let fleet = Fleet::new(opts).await.unwrap();
    let names = fleet.add_many("ty", 2).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let (blocked, fine) = (&names[0], &names[1]);
    let _lock = actorctl_testkit::toygres::lock_instance_row(&fleet.url, fleet.cms(), blocked).await.unwrap();

    let row_of = |doc: &serde_json::Value, k: &str| {
        doc["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == k).unwrap().clone()
    };
    let started = Instant::now();
    let (doc, row) = loop {
        let l = list_json(&fleet.url, &["--stale-after", "3s"]);
        let row = row_of(&l.json, blocked);
        if row["class"] == "zombie" {
            break (l.json, row);
        }
        assert!(started.elapsed() < Duration::from_secs(30), "never a zombie: {row}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    let evidence = row["evidence"].as_str().unwrap();
    // Both CMS writes wait on the row lock; which one depends on where in
    // its turn the lock caught the actor.
    assert!(
        evidence.contains("on activity cms-record-health-check")
            || evidence.contains("on activity cms-update-instance-health"),
        "{evidence}"
    );
    assert!(evidence.contains("locked by a worker"), "{evidence}");
    assert_eq!(row["actor_status"], "Running");
    // It waits on an activity, not on a timer, although the queue holds
    // the timeout timers its turn left behind.
    assert!(row["next_timer_at"].is_null(), "{row}");
    let sql = format!(
        "SELECT count(*) FROM {}.orchestrator_queue WHERE instance_id = $1 AND work_item LIKE '{{\"TimerFired\"%'",
        fleet.store()
    );
    let actor = format!("actor-{blocked}");
    let leftovers: i64 = fleet.pg.query_one(&sql, &[&actor]).await.unwrap().get(0);
    assert!(leftovers > 0, "the turn left its timeout timers behind");

    // The neighbour loops: between its activities its next timer is its
    // 1 s loop timer, never a 600 s timeout timer (null mid-turn).
    assert_eq!(row_of(&doc, fine)["class"], "healthy", "{doc}");
    let mut seen_loop_timer = false;
    for _ in 0..20 {
        let other = row_of(&list_json(&fleet.url, &["--stale-after", "3s"]).json, fine);
        if let Some(at) = other["next_timer_at"].as_str() {
            let at = chrono::DateTime::parse_from_rfc3339(at).unwrap();
            let ahead = at.signed_duration_since(chrono::Utc::now());
            assert!(ahead < chrono::Duration::seconds(5), "{other}");
            seen_loop_timer = true;
        }
    }
    assert!(seen_loop_timer, "the loop timer was never seen");

    // Its loop timer lost, it is a zombie at once: the timeout timers still
    // queued for it can wake nothing.
    let actor = format!("actor-{fine}");
    fleet.drop_loop_timer(&actor).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", "3s"]);
    let row = row_of(&l.json, fine);
    assert_eq!(row["class"], "zombie", "{row}");
    assert!(row["evidence"].as_str().unwrap().contains("nothing queued can wake it"), "{row}");
    let leftovers: i64 = fleet.pg.query_one(&sql, &[&actor]).await.unwrap().get(0);
    assert!(leftovers > 0, "timeout timers are still queued for it");
}
