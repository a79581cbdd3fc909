//! `actorctl recover` against the real fleet: the migration scenario, a
//! mixed fleet, the guard rails, Ctrl-C.

mod common;

use actorctl_testkit::sandbox::{self, Breakage};
use common::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(120);

fn recover(url: &str, extra: &[&str]) -> Run {
    run(url, &[&["recover", "--yes", "--min-age", "0s", "-o", "json"][..], extra].concat())
}

/// Every listed instance has exactly one running actor.
async fn one_actor_each(fleet: &Fleet, names: &[String]) {
    let counts = fleet.running_actors_by_k8s().await.unwrap();
    for n in names {
        assert_eq!(counts.get(n).copied().unwrap_or(0), 1, "{n}: {counts:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_migration_scenario_two_hundred_instances() {
    let mut fleet =
        Fleet::new(FleetOptions { interval: Duration::from_secs(5), ..Default::default() }).await.unwrap();
    let names = fleet.add_many("mig", 200).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    fleet.replace_store_with_empty().await.unwrap();
    let l = list_json(&fleet.url, &[]);
    assert_eq!(l.json["summary"]["missing"], 200, "{}", l.json["summary"]);

    let r = recover(&fleet.url, &["--all", "--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = r.json();
    assert_eq!(doc["summary"]["done"], 200, "{}", doc["summary"]);
    assert!(doc["results"].as_array().unwrap().iter().all(|x| x["action"] == "start"));
    assert!(!r.stderr.contains("acting"), "--quiet hides progress: {}", r.stderr);
    one_actor_each(&fleet, &names).await;
    // A health check recorded after the recovery, by the new actors.
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let l = list_json(&fleet.url, &[]);
    assert_eq!(l.json["summary"]["healthy"], 200, "{}", l.json["summary"]);

    // Idempotent: a second run plans nothing.
    let dry = run(&fleet.url, &["recover", "--all", "--dry-run", "--min-age", "0s"]);
    assert_eq!(dry.code, 0, "{}", dry.stdout);
    let r = recover(&fleet.url, &["--all"]);
    assert_eq!(r.code, 0);
    assert!(r.json()["results"].as_array().unwrap().is_empty(), "{}", r.stdout);
    one_actor_each(&fleet, &names).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mixed_fleet_is_repaired_and_nothing_else_touched() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let expected = sandbox::build(&fleet, 20, &Breakage::default()).await.unwrap();
    let healthy: Vec<String> =
        expected.classes.iter().filter(|(_, c)| *c == "healthy").map(|(k, _)| k.clone()).collect();
    let mut before = BTreeMap::new();
    for k in &healthy {
        before.insert(k.clone(), fleet.actor_id(k).await.unwrap());
    }

    let r = recover(&fleet.url, &["--all", "--concurrency", "4"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    let by_action = |a: &str| doc["results"].as_array().unwrap().iter().filter(|x| x["action"] == a).count();
    assert_eq!((by_action("restart"), by_action("start"), by_action("cancel-orphan")), (6, 5, 2), "{doc}");
    assert_eq!(doc["summary"]["done"], 13, "{doc}");

    let running: Vec<String> = expected.classes.keys().cloned().collect();
    one_actor_each(&fleet, &running).await;
    fleet.wait_recorded(&running, WAIT).await.unwrap();
    let l = list_json(&fleet.url, &[]);
    assert!(classes(&l.json).values().all(|c| c == "healthy"), "{}", l.json);
    assert!(orphans(&l.json).is_empty(), "orphans cancelled: {}", l.json);
    for k in &healthy {
        assert_eq!(&fleet.actor_id(k).await.unwrap(), &before[k], "{k} was touched");
        let ev = events(&fleet, k).await;
        // The re-pointed instance was healthy; only its orphan was cancelled.
        assert!(ev.iter().all(|(t, _)| t == "actor_cancelled"), "{k}: {ev:?}");
    }
    let again = recover(&fleet.url, &["--all"]);
    assert!(again.json()["results"].as_array().unwrap().is_empty(), "{}", again.stdout);
}

async fn snapshot(fleet: &Fleet) -> (Vec<(String, Option<String>)>, i64, i64) {
    let ids = fleet
        .pg
        .query(
            &format!(
                "SELECT k8s_name::text, instance_actor_orchestration_id FROM {}.instances ORDER BY 1",
                fleet.cms()
            ),
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let store: i64 = fleet
        .pg
        .query_one(
            &format!(
                "SELECT (SELECT count(*) FROM {s}.instances) + (SELECT count(*) FROM {s}.orchestrator_queue q
                  WHERE q.work_item LIKE '{{\"StartOrchestration\"%' OR q.work_item LIKE '{{\"CancelInstance\"%')",
                s = fleet.store()
            ),
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let events: i64 = fleet
        .pg
        .query_one(&format!("SELECT count(*) FROM {}.instance_events", fleet.cms()), &[])
        .await
        .unwrap()
        .get(0);
    (ids, store, events)
}

#[tokio::test(flavor = "multi_thread")]
async fn guard_rails_change_nothing() {
    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let expected = sandbox::build(&fleet, 15, &Breakage::default()).await.unwrap();
    let before = snapshot(&fleet).await;

    let r = run(&fleet.url, &["recover", "--all", "--dry-run", "--min-age", "0s"]);
    assert_eq!(r.code, 1, "a plan with work exits 1: {}", r.stderr);
    assert!(r.stdout.contains("restart") && r.stdout.contains("cancel-orphan"), "{}", r.stdout);
    let r = run(&fleet.url, &["recover", "--all", "--dry-run", "--min-age", "0s", "-o", "json"]);
    assert_eq!(r.json()["plan"].as_array().unwrap().len(), 13);
    let r = run(&fleet.url, &["recover", "--all", "--yes", "--max", "5", "--min-age", "0s"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("more than --max 5"), "{}", r.stderr);
    let r = run(&fleet.url, &["recover", "--all", "--min-age", "0s"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    let r = run(&fleet.url, &["recover", "--yes"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nothing selected"), "{}", r.stderr);
    // Default --min-age 2m: everything in this young fleet is left alone.
    let r = run(&fleet.url, &["recover", "--all", "--yes", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.json()["results"].as_array().unwrap().iter().all(|x| x["action"] == "none"));
    assert_eq!(snapshot(&fleet).await, before, "nothing changed");

    // Workers down: refused unless --force.
    fleet.stop_runtime().await;
    let deadline = Instant::now() + Duration::from_secs(40);
    while list_json(&fleet.url, &["--stale-after", "3s", "--actor-interval", "1s"]).json["diagnosis"]
        ["workers_down"]
        != true
    {
        assert!(Instant::now() < deadline, "workers-down never diagnosed");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let before = snapshot(&fleet).await;
    let r = recover(&fleet.url, &["--all", "--stale-after", "3s", "--actor-interval", "1s"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("workers are down") && r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(snapshot(&fleet).await, before, "nothing changed");
    let r = recover(&fleet.url, &["--all", "--stale-after", "3s", "--force", "--verify-timeout", "2s"]);
    assert_eq!(r.code, 1, "nothing can be verified without workers: {}", r.stdout);
    assert!(r.json()["summary"]["unverified"].as_u64().unwrap() > 0, "{}", r.stdout);

    // Workers back: one more recover converges.
    fleet.start_runtime().await;
    let r = recover(&fleet.url, &["--all"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let running: Vec<String> = expected.classes.keys().cloned().collect();
    one_actor_each(&fleet, &running).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_c_stops_new_actions_and_a_second_run_completes() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("int", 40).await.unwrap();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("actorctl"))
        .args([
            "recover",
            "--all",
            "--yes",
            "--min-age",
            "0s",
            "--concurrency",
            "1",
            "--rps",
            "5",
            "-o",
            "json",
        ])
        .env("ACTORCTL_DATABASE_URL", &fleet.url)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once some actions have been taken.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let n: i64 = fleet
            .pg
            .query_one(
                &format!(
                    "SELECT count(*) FROM {}.instances WHERE instance_actor_orchestration_id IS NOT NULL",
                    fleet.cms()
                ),
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if n >= 5 {
            break;
        }
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is printed");
    let results = doc["results"].as_array().unwrap();
    assert_eq!(results.len(), 40, "every actor is reported");
    let not_attempted = results.iter().filter(|r| r["message"] == "not attempted: interrupted").count();
    assert!(not_attempted > 0 && not_attempted < 40, "{doc}");
    assert!(results.iter().all(|r| r["outcome"] == "done" || r["outcome"] == "skipped"), "{doc}");

    let r = recover(&fleet.url, &["--all"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    one_actor_each(&fleet, &names).await;
}
