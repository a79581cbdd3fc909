//! `actorctl events`: the audit trail after real actions, its filters,
//! `--follow` against a concurrent restart, and the read-only role.

mod common;

use actorctl_testkit::cluster;
use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

fn events_json(url: &str, args: &[&str]) -> Vec<Value> {
    let r = run(url, &[&["events", "-o", "json"][..], args].concat());
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    r.json()["events"].as_array().expect("events array").clone()
}

fn types(events: &[Value]) -> Vec<String> {
    events.iter().map(|e| e["event"].as_str().unwrap().to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_trail_lists_every_action_and_filters() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("ev", 3).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let (a, b) = (&names[0], &names[1]);
    fleet.cancel(&format!("actor-{a}")).await.unwrap();
    fleet.wait_status(&format!("actor-{a}"), "Failed", WAIT).await.unwrap();

    let r = run(
        &fleet.url,
        &["recover", "--all", "--yes", "--min-age", "0s", "--reason", "night shift", "--operator", "alice@h"],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let r = run(&fleet.url, &["restart", b, "--reason", "3am restart", "--operator", "bob@h"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);

    let all = events_json(&fleet.url, &[]);
    // Each action: its intent (issue 10's journal), then its outcome.
    assert_eq!(types(&all), vec!["claimed", "started", "claimed", "restarted"], "{all:?}");
    assert_eq!(all[0]["run_id"], all[1]["run_id"], "an intent and its outcome share the run id");
    let (started, restarted) = (&all[1], &all[3]);
    assert_eq!((started["k8s_name"].as_str(), started["outcome"].as_str()), (Some(a.as_str()), Some("done")));
    assert_eq!(
        (started["reason"].as_str(), started["operator"].as_str()),
        (Some("night shift"), Some("alice@h"))
    );
    assert_eq!(restarted["reason"], "3am restart");
    assert_eq!(restarted["operator"], "bob@h");
    assert_eq!(restarted["old_actor_id"], format!("actor-{b}"));
    assert!(restarted["new_actor_id"].as_str().unwrap().starts_with(&format!("actor-{b}-")), "{restarted}");

    // --type, names, --since, --run.
    assert_eq!(types(&events_json(&fleet.url, &["--type", "restarted"])), vec!["restarted"]);
    assert_eq!(
        types(&events_json(&fleet.url, &["--type", "actor_started", "--type", "cancelled"])),
        vec!["started"]
    );
    assert_eq!(
        types(&events_json(&fleet.url, &[&format!("ev-{:03}", 1)])),
        vec!["claimed", "restarted"],
        "by user name"
    );
    fleet.insert_event(a, "actor_restarted", 2 * 3600, serde_json::json!({"reason": "old"})).await.unwrap();
    assert_eq!(events_json(&fleet.url, &["--since", "1h"]).len(), 4, "the 2h-old row is left out");
    assert_eq!(events_json(&fleet.url, &["--since", "3h"]).len(), 5);
    fleet
        .insert_event(names[2].as_str(), "actor_action_claimed", 0, serde_json::json!({"run_id": "run-42"}))
        .await
        .unwrap();
    let run42 = events_json(&fleet.url, &["--run", "run-42"]);
    assert_eq!(types(&run42), vec!["claimed"], "{run42:?}");
    assert_eq!(run42[0]["k8s_name"], names[2].as_str());
    assert_eq!(events_json(&fleet.url, &["--limit", "1"])[0]["event"], "claimed", "newest last");

    let table = run(&fleet.url, &["events"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.starts_with("TIME") && table.stdout.contains("3am restart"), "{}", table.stdout);
    assert_eq!(run(&fleet.url, &["events", "no-such-db"]).code, 2);

    // The read-only role of the README reads the trail.
    let suffix = &fleet.db_name[2..10];
    let role = format!("evro_{suffix}");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let after = &readme[readme.find("<!-- grants:readonly -->").unwrap()..];
    let sql = &after[after.find("```sql").unwrap() + 6..];
    let sql = sql[..sql.find("```").unwrap()].replace("actorctl_readonly", &role);
    fleet.pg.batch_execute(&sql).await.unwrap();
    let url = format!("postgres://{role}:change-me@127.0.0.1:{}/{}", cluster().port, fleet.db_name);
    assert_eq!(events_json(&url, &["--type", "restarted", "--since", "1h"]).len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn follow_prints_a_concurrent_restart_and_exits_0_on_ctrl_c() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("fol", 1).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();

    let mut child = actorctl_std(&fleet.url)
        .args(["events", "-f", "-o", "jsonl", "--poll", "500ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send((Instant::now(), line.unwrap()));
        }
    });
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(rx.try_recv().is_err(), "nothing happened yet");

    let r = run(&fleet.url, &["restart", &names[0], "--reason", "follow me"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let done = Instant::now();
    // The intent, then the outcome.
    for want in ["claimed", "restarted"] {
        let (at, line) = rx.recv_timeout(Duration::from_secs(3)).expect("the restart within 3 s");
        assert!(at.duration_since(done) < Duration::from_secs(3));
        let ev: Value = serde_json::from_str(&line).unwrap();
        assert_eq!((ev["event"].as_str(), ev["reason"].as_str()), (Some(want), Some("follow me")), "{ev}");
    }

    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(rx.try_recv().is_err(), "printed once");
}
