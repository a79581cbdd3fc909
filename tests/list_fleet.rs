//! Whole-fleet behaviour of `list`: the sandbox, the workers-down diagnosis,
//! filters, table output and exit codes.

mod common;

use actorctl_testkit::sandbox::{self, Breakage};
use common::*;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn sandbox_of_twenty_is_classified_exactly() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let expected = sandbox::build(&fleet, 20, &Breakage::default()).await.unwrap();
    // Default threshold (5m), as an operator would run it.
    let l = list_json(&fleet.url, &[]);
    assert_eq!(classes(&l.json), expected.classes, "{}", l.json);
    let got_orphans: std::collections::BTreeMap<String, String> =
        orphans(&l.json).into_iter().map(|(a, k)| (a, k.unwrap_or_default())).collect();
    assert_eq!(got_orphans, expected.orphans);
    let s = &l.json["summary"];
    assert_eq!(
        (s["stale"].as_u64(), s["zombie"].as_u64(), s["missing"].as_u64()),
        (Some(3), Some(3), Some(3))
    );
    assert_eq!(
        (s["dead"].as_u64(), s["orphan"].as_u64(), s["healthy"].as_u64()),
        (Some(2), Some(2), Some(8))
    );
    assert_eq!(l.code, 1);

    // Table: sorted by severity then name, with a summary line on stderr.
    let out = actorctl(&fleet.url).arg("list").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("CLASS") && lines[0].contains("EVIDENCE"),
        "{stdout}"
    );
    let order: Vec<&str> = lines[1..].iter().map(|l| l.split_whitespace().nth(1).unwrap()).collect();
    let rank = |c: &str| {
        ["zombie", "dead", "missing", "stale", "orphan", "healthy"].iter().position(|x| *x == c).unwrap()
    };
    assert!(order.windows(2).all(|w| rank(w[0]) <= rank(w[1])), "not sorted by severity: {order:?}");
    assert_eq!(lines.len(), 1 + 21);
    assert!(
        stderr.contains("21 rows: 3 zombie, 2 dead, 3 missing, 3 stale, 2 orphan, 8 healthy"),
        "{stderr}"
    );
    assert!(!stdout.contains('\x1b'), "no colour when not a TTY");

    // Filters combine; --no-headers drops the header.
    let out = actorctl(&fleet.url).args(["list", "--dead", "--zombie", "--no-headers"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(stdout.lines().all(|l| l.contains(" dead ") || l.contains(" zombie ")));
    assert_eq!(out.status.code(), Some(1));

    // jsonl: one object per line, same rows.
    let out = actorctl(&fleet.url).args(["list", "-o", "jsonl", "--stale"]).output().unwrap();
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["class"] == "stale"));

    // wide shows the k8s names and actor ids.
    let out = actorctl(&fleet.url).args(["list", "-o", "wide", "--missing"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("K8S NAME") && stdout.contains("toygres-db-20"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread")]
async fn only_healthy_rows_exit_zero() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("ok", 2).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    fleet.cancel(&format!("actor-{}", names[0])).await.unwrap();
    // The dead one is filtered out by --stale: nothing listed is unhealthy.
    let l = list_json(&fleet.url, &["--stale"]);
    assert_eq!(l.code, 0);
    assert_eq!(l.json["actors"].as_array().unwrap().len(), 0);
    let l = list_json(&fleet.url, &["--unhealthy"]);
    assert_eq!(l.code, 1);
    assert_eq!(classes(&l.json).len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_down_is_diagnosed() {
    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("w", 3).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", "3s"]);
    assert_eq!(l.json["diagnosis"]["workers_down"], false, "{}", l.json);

    fleet.stop_runtime().await;
    let deadline = Instant::now() + Duration::from_secs(40);
    let l = loop {
        let l = list_json(&fleet.url, &["--stale-after", "3s", "--actor-interval", "1s"]);
        if l.json["diagnosis"]["workers_down"] == true || Instant::now() > deadline {
            break l;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert_eq!(l.json["diagnosis"]["workers_down"], true, "{}", l.json);
    let msg = l.json["diagnosis"]["message"].as_str().unwrap();
    assert!(msg.contains("workers are down"), "{msg}");
    assert_eq!(l.code, 1);
    // Every actor now looks broken, and the diagnosis says why.
    assert!(classes(&l.json).values().all(|c| c == "zombie" || c == "stale"), "{}", l.json);

    let out = actorctl(&fleet.url)
        .args(["list", "--stale-after", "3s", "--actor-interval", "1s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("WARNING: the workers are down"), "{stderr}");
    let out = actorctl(&fleet.url)
        .args(["list", "-o", "jsonl", "--stale-after", "3s", "--actor-interval", "1s"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("workers are down"));

    // Workers back: the diagnosis clears once they catch up.
    fleet.start_runtime().await;
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", "3s"]);
    assert_eq!(l.json["diagnosis"]["workers_down"], false, "{}", l.json);
}

#[tokio::test(flavor = "multi_thread")]
async fn show_gives_instance_actor_evidence_checks_events_and_store_view() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("s", 1).await.unwrap();
    let k8s = &names[0];
    // Wait for six recorded checks, so that "the last 5" is a real limit.
    for _ in 0..6 {
        fleet.wait_recorded(&names, Duration::from_secs(30)).await.unwrap();
    }
    let old_actor = format!("actor-{k8s}");
    let new_actor = fleet.repoint(k8s).await.unwrap();
    fleet.wait_status(&new_actor, "Running", Duration::from_secs(30)).await.unwrap();
    let sql = format!(
        "INSERT INTO {s}.instance_events (instance_id, event_type, message, metadata)
         SELECT id, 'actor_restarted', 'restarted by test', '{{\"new_actor_id\": \"x\"}}' FROM {s}.instances WHERE k8s_name = $1",
        s = fleet.cms()
    );
    fleet.pg.execute(&sql, &[k8s]).await.unwrap();

    let out = actorctl(&fleet.url).args(["show", "s-000", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["instance"]["k8s_name"], k8s.as_str());
    assert_eq!(doc["instance"]["actor_id"], new_actor.as_str());
    assert_eq!(doc["actor"]["class"], "healthy");
    assert_eq!(doc["health_checks"].as_array().unwrap().len(), 5);
    assert_eq!(doc["events"][0]["event_type"], "actor_restarted");
    assert_eq!(doc["orphans"][0]["actor_id"], old_actor.as_str());
    assert!(doc["store"]["exists"].as_bool().unwrap());
    assert!(!doc["store"]["executions"].as_array().unwrap().is_empty());
    assert!(doc.to_string().find("ip_connection_string").is_none(), "connection strings are secrets");
    assert!(!doc.to_string().contains(&fleet.url), "connection strings are secrets");

    let out = actorctl(&fleet.url).args(["show", k8s]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Class:             healthy",
        "Store view of the actor:",
        "Queued work:",
        "Health checks (newest 5)",
        "actor_restarted",
        "Orphaned actor:",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert!(!text.contains(&fleet.url));
}
