//! Repairs that survive faults (docs/DOMAIN.md §5): every claim journaled,
//! every call bounded, one failure never costs another action. Real faults
//! only: row and table locks held by another session, signals, SIGKILL at
//! random moments, a PostgreSQL restart.

mod common;

use actorctl_testkit::cluster::{connect, Cluster};
use common::*;
use serde_json::Value;
use std::process::{Child, Command as Std, Stdio};
use std::time::{Duration, Instant};

fn spawn(url: &str, args: &[&str]) -> Child {
    Std::new(assert_cmd::cargo::cargo_bin("actorctl"))
        .args(args)
        .env("ACTORCTL_DATABASE_URL", url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, sig) };
}

/// Wait until `n` instances point to an actor (that many claims were made).
async fn claimed(pg: &tokio_postgres::Client, cms: &str, n: i64) {
    let sql =
        format!("SELECT count(*) FROM {cms}.instances WHERE instance_actor_orchestration_id IS NOT NULL");
    let deadline = Instant::now() + Duration::from_secs(60);
    while pg.query_one(&sql, &[]).await.unwrap().get::<_, i64>(0) < n {
        assert!(Instant::now() < deadline, "never {n} claims");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Intents without an outcome row of the same run and actors.
async fn dangling(pg: &tokio_postgres::Client, cms: &str) -> Vec<(String, Value)> {
    let sql = format!(
        "SELECT i.k8s_name::text, c.metadata FROM {cms}.instance_events c JOIN {cms}.instances i ON i.id = c.instance_id
          WHERE c.event_type = 'actor_action_claimed' AND NOT EXISTS (
                SELECT 1 FROM {cms}.instance_events o
                 WHERE o.instance_id = c.instance_id AND o.event_type <> 'actor_action_claimed'
                   AND o.metadata->>'run_id' = c.metadata->>'run_id'
                   AND o.metadata->>'new_actor_id' IS NOT DISTINCT FROM c.metadata->>'new_actor_id')"
    );
    pg.query(&sql, &[]).await.unwrap().iter().map(|r| (r.get(0), r.get(1))).collect()
}

/// Actors in the store (started by actorctl) without an intent or an outcome row.
async fn unjournaled_actors(pg: &tokio_postgres::Client, cms: &str, store: &str) -> Vec<String> {
    let sql = format!(
        "SELECT a.id FROM (SELECT instance_id AS id FROM {store}.instances
                            UNION SELECT instance_id FROM {store}.orchestrator_queue
                             WHERE work_item LIKE '{{\"StartOrchestration\"%') a
          WHERE NOT EXISTS (SELECT 1 FROM {cms}.instance_events c WHERE c.event_type = 'actor_action_claimed'
                               AND c.metadata->>'new_actor_id' = a.id)
             OR NOT EXISTS (SELECT 1 FROM {cms}.instance_events o WHERE o.event_type IN ('actor_started', 'actor_restarted')
                               AND o.metadata->>'new_actor_id' = a.id)"
    );
    pg.query(&sql, &[]).await.unwrap().iter().map(|r| r.get(0)).collect()
}

async fn one_actor_each(fleet: &Fleet, names: &[String], within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let counts = fleet.running_actors_by_k8s().await.unwrap();
        if names.iter().all(|n| counts.get(n) == Some(&1)) {
            return;
        }
        assert!(Instant::now() < deadline, "not one running actor each: {counts:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

fn results(out: &std::process::Output) -> Vec<Value> {
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no report ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    doc["results"].as_array().expect("results").clone()
}

fn count(results: &[Value], outcome: &str) -> usize {
    results.iter().filter(|r| r["outcome"] == outcome).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_row_locked_elsewhere_fails_only_its_own_action() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("lock", 20).await.unwrap();
    let locked = &names[7];
    let locker = connect(&fleet.url).await.unwrap();
    locker
        .batch_execute(&format!(
            "BEGIN; SELECT 1 FROM {}.instances WHERE k8s_name = '{locked}' FOR UPDATE",
            fleet.cms()
        ))
        .await
        .unwrap();
    let args = ["recover", "--all", "--yes", "--min-age", "0s", "--statement-timeout", "2s", "-o", "json"];
    let child = spawn(&fleet.url, &args);
    // Hold the lock until actorctl's claim has waited for it and given up.
    let waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                     AND application_name = 'actorctl' AND wait_event_type = 'Lock'";
    let deadline = Instant::now() + Duration::from_secs(60);
    while fleet.pg.query_one(waiting, &[]).await.unwrap().get::<_, i64>(0) == 0 {
        assert!(Instant::now() < deadline, "the claim never waited for the lock");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    while fleet.pg.query_one(waiting, &[]).await.unwrap().get::<_, i64>(0) > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    locker.batch_execute("COMMIT").await.unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let rs = results(&out);
    assert_eq!((rs.len(), count(&rs, "done"), count(&rs, "failed")), (20, 19, 1), "{rs:?}");
    let failed = rs.iter().find(|r| r["outcome"] == "failed").unwrap();
    assert_eq!(failed["k8s_name"], locked.as_str());
    let msg = failed["message"].as_str().unwrap();
    assert!(msg.contains("waiting for a lock") && msg.contains("lock_timeout"), "{msg}");
    for k in &names {
        let rows = events(&fleet, k).await;
        assert_eq!(rows.len(), 1, "{k}: {rows:?}");
        let intents = journal(&fleet, k).await.len() - rows.len();
        assert_eq!(intents, usize::from(k != locked), "{k}: an intent for every claim");
    }
    assert_eq!(events(&fleet, locked).await[0].1["outcome"], "failed");
    assert!(dangling(&fleet.pg, fleet.cms()).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_lock_on_the_store_queue_bounds_restart() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let k8s = "share-k8s";
    fleet.add_instance("share", k8s).await.unwrap();
    fleet.wait_recorded(&[k8s.to_string()], Duration::from_secs(60)).await.unwrap();
    let locker = connect(&fleet.url).await.unwrap();
    locker
        .batch_execute(&format!("BEGIN; LOCK TABLE {}.orchestrator_queue IN SHARE MODE", fleet.store()))
        .await
        .unwrap();
    let started = Instant::now();
    let r = run(&fleet.url, &["restart", k8s, "--statement-timeout", "2s", "-o", "json"]);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(6), "restart took {took:?}");
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "failed", "{res}");
    assert!(res["message"].as_str().unwrap().contains("lock"), "{res}");
    let rows = journal(&fleet, k8s).await;
    let types: Vec<&str> = rows.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(types, ["actor_action_claimed", "actor_restarted"], "{rows:?}");
    assert_eq!(rows[1].1["outcome"], "failed");
    assert_eq!(rows[0].1["run_id"], rows[1].1["run_id"]);
    locker.batch_execute("COMMIT").await.unwrap();

    let r = run(&fleet.url, &["restart", k8s, "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    one_actor_each(&fleet, &[k8s.to_string()], Duration::from_secs(30)).await;
    println!("restart under a SHARE lock returned in {took:?}");
}

/// SIGTERM mid-run: exit 143 within 2 s, a full report, every claim journaled.
fn sigterm_mid_run(child: Child, total: usize) -> (Duration, Vec<Value>) {
    let sent = Instant::now();
    signal(&child, libc::SIGTERM);
    let out = child.wait_with_output().unwrap();
    let took = sent.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(143), "{stderr}");
    assert!(took < Duration::from_secs(2), "exit {took:?} after SIGTERM");
    let rs = results(&out);
    assert_eq!(rs.len(), total, "every actor is reported");
    assert!(
        count(&rs, "done") > 0 && rs.iter().any(|r| r["message"] == "not attempted: interrupted"),
        "{rs:?}"
    );
    (took, rs)
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_during_recover_and_sweep() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("term", 30).await.unwrap();
    let args = ["recover", "--all", "--yes", "--min-age", "0s", "--rps", "5", "-o", "json"];
    let child = spawn(&fleet.url, &args);
    claimed(&fleet.pg, fleet.cms(), 5).await;
    let (took, _) = sigterm_mid_run(child, 30);
    assert!(dangling(&fleet.pg, fleet.cms()).await.is_empty(), "every claim journaled");
    println!("recover --rps 5 exited {took:?} after SIGTERM");

    let n: i64 = fleet
        .pg
        .query_one(
            &format!(
                "SELECT count(*) FROM {}.instances WHERE instance_actor_orchestration_id IS NULL",
                fleet.cms()
            ),
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let args = ["sweep", "--min-age", "0s", "--rps", "5", "-o", "json"];
    let child = spawn(&fleet.url, &args);
    claimed(&fleet.pg, fleet.cms(), 30 - n + 3).await;
    let (took, _) = sigterm_mid_run(child, n as usize);
    assert!(dangling(&fleet.pg, fleet.cms()).await.is_empty(), "every claim journaled");
    println!("sweep --rps 5 exited {took:?} after SIGTERM");

    // The sweep lock went with the process: the next sweep acts.
    let r = run(&fleet.url, &["sweep", "--min-age", "0s", "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("another sweep holds the lock"), "{}", r.stderr);
    one_actor_each(&fleet, &names, Duration::from_secs(60)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sighup_ends_a_wait_for_the_sweep_lock() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("wait", 2).await.unwrap();
    let mut holder = Std::new(assert_cmd::cargo::cargo_bin("actorctl"));
    holder
        .args(["sweep", "--min-age", "0s", "-o", "json"])
        .env("ACTORCTL_DATABASE_URL", &fleet.url)
        .env("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS", "60000")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut holder = holder.spawn().unwrap();
    let held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    while fleet.pg.query_one(held, &[]).await.unwrap().get::<_, i64>(0) == 0 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let waiter = spawn(&fleet.url, &["sweep", "--min-age", "0s", "--wait-lock", "60s"]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let sent = Instant::now();
    signal(&waiter, libc::SIGHUP);
    let out = waiter.wait_with_output().unwrap();
    let took = sent.elapsed();
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_eq!(out.status.code(), Some(129), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(took < Duration::from_secs(2), "--wait-lock ended {took:?} after SIGHUP");
    println!("--wait-lock ended {took:?} after SIGHUP");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signal_during_verification_allows_it_ten_seconds_more() {
    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("grace", 5).await.unwrap();
    fleet.stop_runtime().await; // nothing can be verified
    let args =
        ["recover", "--all", "--yes", "--min-age", "0s", "--force", "--verify-timeout", "120s", "-o", "json"];
    let child = spawn(&fleet.url, &args);
    claimed(&fleet.pg, fleet.cms(), 5).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = Instant::now();
    signal(&child, libc::SIGTERM);
    let out = child.wait_with_output().unwrap();
    let took = sent.elapsed();
    assert_eq!(out.status.code(), Some(143), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(took >= Duration::from_secs(9) && took < Duration::from_secs(12), "{took:?}");
    let rs = results(&out);
    assert_eq!(count(&rs, "unverified"), 5, "{rs:?}");
    assert!(dangling(&fleet.pg, fleet.cms()).await.is_empty(), "unverified outcomes are journaled");
    println!("verification ended {took:?} after SIGTERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_signal_exits_at_once_and_the_journal_still_holds_every_claim() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("twice", 10).await.unwrap();
    // Nothing can be verified while the workers are down: the run is in
    // verification when the signals come.
    let mut fleet = fleet;
    fleet.stop_runtime().await;
    let args =
        ["recover", "--all", "--yes", "--min-age", "0s", "--force", "--verify-timeout", "3s", "-o", "json"];
    let child = spawn(&fleet.url, &args);
    claimed(&fleet.pg, fleet.cms(), 10).await;
    signal(&child, libc::SIGINT);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let sent = Instant::now();
    signal(&child, libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(sent.elapsed() < Duration::from_millis(500), "{:?}", sent.elapsed());
    let left = dangling(&fleet.pg, fleet.cms()).await;
    assert_eq!(left.len(), 10, "claimed, journaled, no outcome yet: {left:?}");
    // The crash-loop budget counts the claims, outcome or not.
    let r = run(&fleet.url, &["show", &names[0], "-o", "json"]);
    assert_eq!(r.json()["instance"]["recent_restarts"], 1, "{}", r.stdout);

    fleet.start_runtime().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let r = run(&fleet.url, &args);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(dangling(&fleet.pg, fleet.cms()).await.is_empty(), "reconciled");
    one_actor_each(&fleet, &names, Duration::from_secs(60)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_database_restarted_mid_recover() {
    // A cluster of its own: the restart must not disturb other tests.
    let c = Cluster::start().unwrap();
    let db = c.create_database().await.unwrap();
    let mut fleet = Fleet::in_database(c.url(&db), db, FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("dbr", 40).await.unwrap();
    // Shorter bounds than the defaults keep the test short: a start whose
    // commit the crash lost is waited for until --verify-timeout.
    let args = [
        "recover",
        "--all",
        "--yes",
        "--min-age",
        "0s",
        "--rps",
        "10",
        "--concurrency",
        "2",
        "--statement-timeout",
        "5s",
        "-o",
        "json",
    ];
    let child = spawn(&fleet.url, &args);
    claimed(&fleet.pg, fleet.cms(), 8).await;
    let t0 = Instant::now();
    c.restart().unwrap();
    println!("restarted in {:?}", t0.elapsed());
    let out = child.wait_with_output().unwrap();
    println!("first run ended {:?} after the restart began", t0.elapsed());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "a backend became unusable: {stderr}");
    let rs = results(&out);
    assert_eq!(rs.len(), 40, "every action is reported");
    fleet.pg = connect(&fleet.url).await.unwrap();
    let pg = connect(&fleet.url).await.unwrap();
    let sql = format!(
        "SELECT k8s_name::text FROM {}.instances WHERE instance_actor_orchestration_id IS NOT NULL",
        fleet.cms()
    );
    let claimed_now: Vec<String> = pg.query(&sql, &[]).await.unwrap().iter().map(|r| r.get(0)).collect();
    for k in &claimed_now {
        let r = rs.iter().find(|r| r["k8s_name"] == k.as_str()).unwrap();
        assert!(r["outcome"] == "done" || r["outcome"] == "unverified" || r["outcome"] == "failed", "{r}");
    }
    println!(
        "first run: exit {:?}, {} done, {} unverified, {} failed; {} claimed",
        out.status.code(),
        count(&rs, "done"),
        count(&rs, "unverified"),
        count(&rs, "failed"),
        claimed_now.len()
    );

    let r = run(
        &fleet.url,
        &["recover", "--all", "--yes", "--min-age", "0s", "--verify-timeout", "30s", "-o", "json"],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    println!("rerun done at {:?}", t0.elapsed());
    one_actor_each(&fleet, &names, Duration::from_secs(60)).await;
    // No claim without journal rows (intents of the first run older than the
    // verify timeout are reconciled by any acting run; here the rerun's own
    // verification or the first run's fresh connection wrote them).
    tokio::time::sleep(Duration::from_secs(3)).await;
    let r = run(
        &fleet.url,
        &["recover", "--all", "--yes", "--min-age", "0s", "--verify-timeout", "2s", "-o", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dangling(&pg, fleet.cms()).await.is_empty(), "{:?}", dangling(&pg, fleet.cms()).await);
    assert!(unjournaled_actors(&pg, fleet.cms(), fleet.store()).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn sigkill_at_five_random_moments_then_once_more() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("kill", 100).await.unwrap();
    // Paced, so that each kill lands amid claims, starts and verifications.
    let args = [
        "recover",
        "--all",
        "--yes",
        "--min-age",
        "0s",
        "--verify-timeout",
        "3s",
        "--rps",
        "40",
        "-o",
        "json",
    ];
    let mut moments = Vec::new();
    for _ in 0..5 {
        let mut child = spawn(&fleet.url, &args);
        let ms = 200 + (uuid::Uuid::new_v4().as_u128() % 2300) as u64;
        moments.push(ms);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    // Intents of the last killed run are reconciled once older than --verify-timeout.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let r = run(&fleet.url, &args);
    assert!(r.code == 0 || r.code == 1, "{}\n{}", r.stdout, r.stderr);
    one_actor_each(&fleet, &names, Duration::from_secs(60)).await;
    let missing = unjournaled_actors(&fleet.pg, fleet.cms(), fleet.store()).await;
    assert!(missing.is_empty(), "killed at {moments:?} ms: started without intent or outcome: {missing:?}");
    let left = dangling(&fleet.pg, fleet.cms()).await;
    assert!(left.is_empty(), "killed at {moments:?} ms: {left:?}");
    let sql = format!(
        "SELECT count(*) FILTER (WHERE event_type = 'actor_action_claimed'),
                count(*) FILTER (WHERE metadata->>'reconciled' = 'true'),
                count(*) FILTER (WHERE metadata->>'outcome' = 'abandoned')
           FROM {}.instance_events",
        fleet.cms()
    );
    let row = fleet.pg.query_one(&sql, &[]).await.unwrap();
    let (claims, reconciled, abandoned): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
    println!(
        "killed at {moments:?} ms; final run exit {}; {claims} claims, {reconciled} reconciled ({abandoned} abandoned)",
        r.code
    );
}

/// A signal is heard while the command's thread is blocked: here writing
/// `list -o json` into a pipe nobody reads. It exits 128 + SIGINT at once,
/// as it does mid-read.
#[tokio::test(flavor = "multi_thread")]
async fn sigint_while_blocked_on_a_full_pipe_exits_at_once() {
    let fleet = actorctl_testkit::scale::seeded_fleet(400, 1).await.unwrap();
    let child = spawn(&fleet.url, &["list", "-o", "json", "--stale-after", "1d"]);
    // Blocked once it has written more than a pipe holds (400 rows: ~180 KB).
    let wchan = format!("/proc/{}/wchan", child.id());
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(&wchan).unwrap_or_default().contains("pipe_write") {
        assert!(Instant::now() < deadline, "never blocked on the pipe");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    signal(&child, libc::SIGINT);
    // Its output still unread: only the signal can end it.
    let mut child = child;
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still blocked 5 s after SIGINT");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(status.code(), Some(130));
}
