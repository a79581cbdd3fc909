//! `actorctl prune` against a real store and a real runtime (issue 15):
//! live actors keep looping and recording health checks while their earlier
//! executions are deleted; another orchestration is never touched; the dry
//! run's counts are what the prune deletes; Ctrl-C stops between batches.

mod common;

use actorctl_testkit::seed::seed_actors;
use actorctl_testkit::{COUNTER_EXECUTIONS, COUNTER_ORCHESTRATION};
use common::*;
use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

fn prune_cmd(url: &str, extra: &[&str]) -> Std {
    let mut c = Std::new(assert_cmd::cargo::cargo_bin("actorctl"));
    c.arg("prune")
        .args(extra)
        .env("ACTORCTL_DATABASE_URL", url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Executions of each actor that started before `t` (they existed when a
/// prune that began at `t` ran).
async fn started_before(fleet: &Fleet, t: std::time::SystemTime) -> Vec<(String, i64)> {
    let sql = format!(
        "SELECT i.instance_id, count(e.*) FROM {s}.instances i
           LEFT JOIN {s}.executions e ON e.instance_id = i.instance_id AND e.started_at < $2
          WHERE i.orchestration_name = $1 GROUP BY 1 ORDER BY 1",
        s = fleet.store()
    );
    let rows = fleet.pg.query(&sql, &[&actorctl_testkit::ACTOR_ORCHESTRATION, &t]).await.unwrap();
    rows.iter().map(|r| (r.get(0), r.get(1))).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn live_actors_are_pruned_and_stay_healthy() {
    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let loop_start = Instant::now();
    let names = fleet.add_many("pr", 20).await.unwrap();
    fleet.run_counter("other-1").await.unwrap();
    tokio::time::sleep(Duration::from_secs(30).saturating_sub(loop_start.elapsed())).await;

    let dry = run(
        &fleet.url,
        &["prune", "--dry-run", "--all", "--keep-last", "3", "--older-than", "0s", "-o", "json"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    let stats = &dry.json()["store"];
    assert_eq!(stats["actors"], 20, "{stats}");
    assert!(stats["executions_per_actor"]["median"].as_u64().unwrap() >= 20, "{stats}");
    assert!(stats["executions_last_hour"].as_u64().unwrap() >= 400, "{stats}");
    assert!(stats["total_bytes"].as_i64().unwrap() > 0 && stats["history_rows_exact"] == true, "{stats}");
    assert!(stats["would_delete"]["executions"].as_u64().unwrap() >= 20 * 15, "{stats}");
    let table = run(&fleet.url, &["prune", "--dry-run"]);
    assert!(
        table.stdout.contains("executions per actor") || table.stdout.contains("per actor: median"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("dry run: nothing was changed"), "{}", table.stdout);

    // Slow on purpose (10 batches at 2 per second), so the actors can be
    // watched recording health checks while it runs.
    let pruning_since = fleet.db_now().await.unwrap();
    let child = prune_cmd(
        &fleet.url,
        &[
            "--all",
            "--keep-last",
            "3",
            "--older-than",
            "0s",
            "--yes",
            "--batch",
            "2",
            "--rps",
            "2",
            "-o",
            "json",
        ],
    )
    .spawn()
    .unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(4)).await.expect("health checks during the prune");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &report["prune"];
    assert_eq!(
        (report["actors_processed"].as_u64(), report["batches"].as_u64()),
        (Some(20), Some(10)),
        "{report}"
    );
    assert!(report["elapsed_seconds"].as_f64().unwrap() >= 4.0, "paced by --rps: {report}");
    assert!(report["executions_deleted"].as_u64().unwrap() >= 20 * 15, "{report}");
    assert!(
        report["history_rows_deleted"].as_u64().unwrap() > report["executions_deleted"].as_u64().unwrap()
    );

    // What existed when the prune began: at most 3 earlier + the current.
    for (id, n) in started_before(&fleet, pruning_since).await {
        assert!(n <= 4, "{id} kept {n} executions from before the prune");
    }
    let counts = fleet.execution_counts().await.unwrap();
    assert_eq!(counts["other-1"], COUNTER_EXECUTIONS as i64, "another orchestration untouched: {counts:?}");
    fleet.wait_recorded(&names, Duration::from_secs(10)).await.expect("health checks after the prune");
    let l = list_json(&fleet.url, &[]);
    assert_eq!(l.json["summary"]["healthy"], 20, "{}", l.json["summary"]);

    // A still store: the dry run's counts are exactly what the prune deletes.
    fleet.stop_runtime().await;
    let policy = ["--all", "--keep-last", "0", "--older-than", "0s", "-o", "json"];
    let dry = run(&fleet.url, &[&["prune", "--dry-run"][..], &policy].concat());
    let would = dry.json()["store"]["would_delete"].clone();
    let done = run(&fleet.url, &[&["prune", "--yes"][..], &policy].concat());
    assert_eq!(done.code, 0, "{}", done.stderr);
    let done = done.json()["prune"].clone();
    assert!(would["executions"].as_u64().unwrap() > 0, "{would}");
    assert_eq!(would["executions"], done["executions_deleted"], "{would} vs {done}");
    assert_eq!(would["history_rows"], done["history_rows_deleted"], "{would} vs {done}");
    assert_eq!(would["actors"], done["actors_processed"], "{would} vs {done}");
    let counts = fleet.execution_counts().await.unwrap();
    assert_eq!(counts["other-1"], COUNTER_EXECUTIONS as i64, "{counts:?}");
    assert!(counts.iter().filter(|(k, _)| k.starts_with("actor-")).all(|(_, n)| *n == 1), "{counts:?}");
    let again = run(&fleet.url, &[&["prune", "--yes"][..], &policy].concat());
    assert_eq!(again.json()["prune"]["actors_selected"], 0, "{}", again.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_c_stops_between_batches_and_a_rerun_continues() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.add_instance("tmpl", "tmpl-k8s").await.unwrap();
    fleet.wait_status("actor-tmpl-k8s", "Running", Duration::from_secs(30)).await.unwrap();
    wait_for_a_loop(&fleet).await;
    let per_execution = seed_actors(&fleet.pg, fleet.store(), "seeded", 20, 20).await.unwrap();
    assert!(per_execution > 0);
    let names: Vec<String> = (1..=20).map(|i| format!("seeded-{i:06}")).collect();
    // By name: the instance's actors only.
    let r =
        run(&fleet.url, &["prune", "tmpl", "--keep-last", "0", "--older-than", "0s", "--yes", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["prune"]["actors_processed"], 1, "{}", r.stdout);
    assert_eq!(pruned_actors(&fleet, &names).await, 0);

    let policy = ["--all", "--keep-last", "2", "--yes", "-o", "json"];
    let child =
        prune_cmd(&fleet.url, &[&policy[..], &["--batch", "1", "--rps", "4"]].concat()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while pruned_actors(&fleet, &names).await < 3 {
        assert!(Instant::now() < deadline, "the prune never started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is printed");
    let report = &report["prune"];
    assert_eq!(report["stopped"], "interrupted", "{report}");
    let processed = report["actors_processed"].as_u64().unwrap();
    assert!((3..20).contains(&processed), "{report}");
    // Nothing half-deleted: every visited actor lost exactly its 17 earlier executions.
    assert_eq!(report["executions_deleted"].as_u64().unwrap(), processed * 17, "{report}");
    assert_eq!(report["history_rows_deleted"].as_i64().unwrap(), processed as i64 * 17 * per_execution);
    assert_eq!(pruned_actors(&fleet, &names).await, processed as usize);

    // --max-duration stops between batches too (and is no failure).
    let slow = [&policy[..], &["--batch", "1", "--rps", "2", "--max-duration", "1s"]].concat();
    let r = run(&fleet.url, &[&["prune"][..], &slow].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report = r.json()["prune"].clone();
    assert_eq!(report["stopped"], "max-duration", "{report}");
    let more = report["actors_processed"].as_u64().unwrap();
    assert!((1..=3).contains(&more), "{report}");

    // SIGTERM: stopped between batches the same way, exit 143 (128 + 15).
    let before = pruned_actors(&fleet, &names).await;
    let child =
        prune_cmd(&fleet.url, &[&policy[..], &["--batch", "1", "--rps", "4"]].concat()).spawn().unwrap();
    while pruned_actors(&fleet, &names).await < before + 1 {
        assert!(Instant::now() < deadline + Duration::from_secs(30), "the prune never started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is printed");
    assert_eq!(report["prune"]["stopped"], "interrupted", "{report}");
    let done = pruned_actors(&fleet, &names).await as u64;
    assert!(done < 20, "stopped before the end: {report}");

    let r = run(&fleet.url, &["prune", "--all", "--keep-last", "2", "--yes", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["prune"]["actors_processed"].as_u64().unwrap(), 20 - done, "{}", r.stdout);
    assert_eq!(pruned_actors(&fleet, &names).await, 20);

    // sweep --prune: within its budget, under its lock; the store's metrics.
    seed_actors(&fleet.pg, fleet.store(), "swept", 5, 20).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prom = dir.path().join("actorctl.prom");
    let prom_s = prom.to_str().unwrap();
    let sw = run(
        &fleet.url,
        &[
            "sweep",
            "--prune",
            "--prune-budget",
            "40",
            "--prune-keep-last",
            "0",
            "--prune-older-than",
            "2h",
            "-o",
            "json",
            "--textfile",
            prom_s,
        ],
    );
    assert_eq!(sw.code, 0, "{}", sw.stderr);
    let doc = sw.json();
    // 5 new chains of 19, and 20 of 2 left by keep-last 2 (the live actor's
    // loops are younger than 2h): the largest first, within 40.
    assert_eq!(doc["prune"]["executions_deleted"], 40, "19 + 19 + 2 within a budget of 40: {doc}");
    assert_eq!(doc["prune"]["actors_processed"], 3, "{doc}");
    let prom_text = std::fs::read_to_string(&prom).unwrap();
    for metric in [
        "actorctl_store_executions ",
        "actorctl_store_history_rows ",
        "actorctl_store_bytes ",
        "actorctl_sweep_pruned_executions 40",
    ] {
        assert!(prom_text.contains(metric), "{metric}: {prom_text}");
    }

    // list: the store's metrics, and --check warns about long chains.
    let r = run(&fleet.url, &["list", "--textfile", prom_s]);
    assert!(std::fs::read_to_string(&prom).unwrap().contains("# HELP actorctl_store_bytes"), "{}", r.stderr);
    let r = run(&fleet.url, &["list", "--check", "--warn-executions-per-actor", "5"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.starts_with("ACTORS WARNING") && r.stdout.contains("actors above 5 executions (max 20)"),
        "{}",
        r.stdout
    );
    let r = run(&fleet.url, &["list", "--check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let r = run(&fleet.url, &["prune", "--check", "--warn-executions-per-actor", "5"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.starts_with("STORE WARNING - ") && r.stdout.contains("actors above 5 executions"),
        "{}",
        r.stdout
    );
}

/// Seeded actors whose earlier executions are gone.
async fn pruned_actors(fleet: &Fleet, names: &[String]) -> usize {
    let counts = fleet.execution_counts().await.unwrap();
    names.iter().filter(|n| counts.get(*n).is_some_and(|c| *c < 20)).count()
}

/// A finished loop of a real actor, for the seed to copy.
async fn wait_for_a_loop(fleet: &Fleet) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while fleet.execution_counts().await.unwrap().get("actor-tmpl-k8s").copied().unwrap_or(0) < 2 {
        assert!(Instant::now() < deadline, "the actor never looped");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_and_other_store_versions_are_refused() {
    let nowhere = "postgres://nobody@127.0.0.1:1/none";
    for (args, code, text) in [
        (&["prune", "--all", "--older-than", "bogus"][..], 2, "bogus"),
        (&["prune", "--all", "--keep-last", "-1"][..], 2, "-1"),
        (&["prune", "--all", "--batch", "0"][..], 2, "0"),
        (&["prune"][..], 2, "nothing selected"),
        (&["prune", "--all"][..], 2, "--yes"),
        (&["prune", "db", "--all"][..], 2, "cannot be used with"),
    ] {
        let r = run(nowhere, args);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(text), "{args:?}: {}", r.stderr);
    }

    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.stop_runtime().await;
    let r = run(&fleet.url, &["prune", "no-such-instance", "--yes"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let s = fleet.store().to_string();
    fleet
        .pg
        .batch_execute(&format!("DELETE FROM {s}._duroxide_migrations WHERE version > 11"))
        .await
        .unwrap();
    let r = run(&fleet.url, &["prune", "--all", "--yes"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("migrations 1..11") && r.stderr.contains("never migrates"), "{}", r.stderr);
    assert!(r.stderr.contains("--dry-run` keeps working"), "{}", r.stderr);
    let r = run(&fleet.url, &["prune", "--dry-run", "-o", "json"]);
    assert_eq!(r.code, 0, "the dry run reads any readable store: {}", r.stderr);
    let _ = COUNTER_ORCHESTRATION;
}
