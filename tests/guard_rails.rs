//! Guard rails that hold and monitoring that tells the truth (issue 16):
//! the threshold's floor, the disruption budget, cancel as a hold, the
//! textfile written on every run, `sweep --check` without the lock, and
//! cron-friendly refusals.

mod common;

use actorctl_testkit::cluster::free_port;
use common::*;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

fn sweep(url: &str, extra: &[&str]) -> Run {
    run(url, &[&["sweep", "--min-age", "0s"][..], extra].concat())
}

fn actor_ids(doc: &serde_json::Value) -> Vec<Option<String>> {
    let mut ids: Vec<Option<String>> = doc["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["actor_id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_threshold_below_twice_the_loop_is_refused_unless_forced() {
    let url = actorctl_testkit::cluster().url("postgres");
    // The test fleet's loop is 1 s (ACTORCTL_ACTOR_INTERVAL=1s): 1s < 2s.
    let r = run(&url, &["list", "--stale-after", "1s"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("--stale-after 1s") && r.stderr.contains("--actor-interval 1s"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    let r = run(&url, &["list", "--stale-after", "1s", "--force", "--connect-timeout", "2s"]);
    assert_ne!(r.code, 2, "accepted with --force: {}", r.stderr);
    // The production default: a 30 s loop.
    let r =
        finish(actorctl(&url).env_remove("ACTORCTL_ACTOR_INTERVAL").args(["list", "--stale-after", "45s"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--actor-interval 30s"), "{}", r.stderr);
    for cmd in
        [&["recover", "--all", "--dry-run"][..], &["sweep", "--dry-run"], &["restart", "x", "--dry-run"]]
    {
        let r = run(&url, &[cmd, &["--stale-after", "1s"][..]].concat());
        assert_eq!(r.code, 2, "{cmd:?}: {}", r.stderr);
    }
    let r = run(&url, &["list", "--check", "--warn", "10", "--crit", "2"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--warn 10 is above --crit 2"), "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fleet_wide_cause_stops_sweeps_but_not_a_forced_recover() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("fw", 40).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    // Every actor keeps looping, but no health check can be recorded.
    for k in &names {
        fleet.break_instance_recording(k).await.unwrap();
        fleet.age_health_checks(k, 600).await.unwrap();
    }
    let l = list_json(&fleet.url, &["--stale-after", "3s"]);
    assert_eq!(l.code, 1);
    assert_eq!(l.json["diagnosis"]["fleet_wide"], true, "{}", l.json["diagnosis"]);
    let msg = l.json["diagnosis"]["message"].as_str().unwrap();
    assert!(msg.contains("a fleet-wide cause: 40 of 40 instances unhealthy at once"), "{msg}");
    assert!(msg.contains("no health check recorded fleet-wide"), "{msg}");
    let r = run(&fleet.url, &["list", "--stale-after", "3s"]);
    assert!(r.stderr.contains("WARNING: a fleet-wide cause"), "{}", r.stderr);
    let r = run(&fleet.url, &["list", "--stale-after", "3s", "--check", "--crit", "1000"]);
    assert_eq!(r.code, 2, "CRITICAL: {}", r.stdout);
    assert!(r.stdout.contains("fleet_wide=1"), "{}", r.stdout);

    let before = actor_ids(&l.json);
    let r = sweep(&fleet.url, &["--stale-after", "3s", "--max", "1000"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("sweep refused") && r.stderr.contains("fleet-wide"), "{}", r.stderr);
    assert!(r.stderr.contains("40 restart"), "counts per action: {}", r.stderr);
    assert!(r.stderr.lines().count() <= 1 + 1 + 10 + 1, "at most ten rows: {}", r.stderr);
    let quiet = sweep(&fleet.url, &["--stale-after", "3s", "--max", "1000", "--quiet"]);
    assert_eq!(quiet.stderr.lines().count(), 1, "one line under --quiet: {}", quiet.stderr);
    let json = sweep(&fleet.url, &["--stale-after", "3s", "--max", "1000", "-o", "json"]).json();
    assert_eq!(json["refused"]["would"]["restart"], 40, "{json}");
    assert!(json["refused"]["reason"].as_str().unwrap().contains("fleet-wide"), "{json}");
    assert_eq!(actor_ids(&list_json(&fleet.url, &["--stale-after", "3s"]).json), before, "nothing changed");
    let r = run(&fleet.url, &["recover", "--all", "--yes", "--stale-after", "3s", "--min-age", "0s"]);
    assert_eq!(r.code, 1, "recover refuses too: {}", r.stderr);

    let r = run(
        &fleet.url,
        &["recover", "--all", "--yes", "--force", "--stale-after", "3s", "--min-age", "0s", "-o", "json"],
    );
    assert_eq!(
        r.json()["summary"]["done"].as_u64().unwrap() + r.json()["summary"]["unverified"].as_u64().unwrap(),
        40
    );
    assert_ne!(actor_ids(&list_json(&fleet.url, &["--stale-after", "3s"]).json), before, "--force acted");
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_is_a_hold_that_start_lifts() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("hold", 2).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let k8s = &names[0];
    let r = run(&fleet.url, &["cancel", k8s, "--yes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let classes_now = classes(&list_json(&fleet.url, &[]).json);
    assert_eq!(classes_now[k8s], "held");
    let r = run(&fleet.url, &["list", "--check"]);
    assert_eq!(r.code, 0, "a hold is not a problem: {}", r.stdout);
    assert!(r.stdout.contains("held=1"), "{}", r.stdout);
    let r = sweep(&fleet.url, &["-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), None, "the sweep left it alone");
    let r = run(&fleet.url, &["recover", "--all", "--yes", "--min-age", "0s"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), None, "recover --all left it alone");
    assert_eq!(events(&fleet, k8s).await.last().unwrap().0, "actor_held");

    let r = run(&fleet.url, &["start", k8s]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(fleet.actor_id(k8s).await.unwrap().is_some());
    fleet.wait_recorded(std::slice::from_ref(k8s), WAIT).await.unwrap();
    assert_eq!(classes(&list_json(&fleet.url, &[]).json)[k8s], "healthy", "start lifted the hold");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_textfile_is_written_on_every_run_and_never_half() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("tf", 3).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actorctl.prom");
    let p = path.to_str().unwrap();
    let parse = |text: &str| {
        prometheus_parse::Scrape::parse(text.lines().map(|l| Ok(l.to_string()))).expect("parses")
    };
    let value = |text: &str, name: &str| -> Option<f64> {
        parse(text).samples.iter().find(|s| s.metric == name).map(|s| match s.value {
            prometheus_parse::Value::Gauge(v) | prometheus_parse::Value::Counter(v) => v,
            _ => f64::NAN,
        })
    };
    let r = sweep(&fleet.url, &["--textfile", p]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = std::fs::read_to_string(&path).unwrap();
    assert_eq!(value(&first, "actorctl_up"), Some(1.0));
    let success = value(&first, "actorctl_sweep_last_success_timestamp_seconds").unwrap();
    let started = value(&first, "actorctl_sweep_actions_total").unwrap();
    assert_eq!(started, 3.0, "{first}");
    // Every metric the shipped alerts and dashboard use is in a real file.
    let written: std::collections::BTreeSet<String> =
        parse(&first).samples.iter().map(|s| s.metric.clone()).collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for shipped in ["examples/prometheus/actorctl-alerts.yml", "examples/grafana/actorctl.json"] {
        let text = std::fs::read_to_string(root.join(shipped)).unwrap();
        let used: std::collections::BTreeSet<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.starts_with("actorctl_"))
            .collect();
        assert!(used.len() >= 5, "{shipped}: {used:?}");
        for m in used {
            assert!(written.contains(m), "{shipped} uses {m}, which actorctl does not write: {written:?}");
        }
    }

    // The database unreachable: exit 3, and the file says so.
    let down = format!("postgres://nobody@127.0.0.1:{}/x", free_port());
    std::thread::sleep(Duration::from_millis(20));
    let r = sweep(&down, &["--textfile", p, "--connect-timeout", "2s"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    let second = std::fs::read_to_string(&path).unwrap();
    assert_eq!(value(&second, "actorctl_up"), Some(0.0), "{second}");
    assert_eq!(
        value(&second, "actorctl_sweep_last_success_timestamp_seconds"),
        Some(success),
        "carried over"
    );
    assert_eq!(value(&second, "actorctl_sweep_actions_total"), Some(started), "a counter never resets");
    assert!(
        value(&second, "actorctl_last_run_timestamp_seconds").unwrap()
            >= value(&first, "actorctl_last_run_timestamp_seconds").unwrap()
    );
    assert!(!second.contains("actorctl_actors{"), "no gauges it did not see: {second}");
    let r = run(&down, &["list", "--textfile", p, "--connect-timeout", "2s"]);
    assert_eq!(r.code, 3);
    assert_eq!(value(&std::fs::read_to_string(&path).unwrap(), "actorctl_up"), Some(0.0));

    // A write that fails: exit 3 naming the path, no temporary file left.
    let blocked = dir.path().join("blocked.prom");
    std::fs::create_dir(&blocked).unwrap();
    let r = sweep(&fleet.url, &["--textfile", blocked.to_str().unwrap()]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("blocked.prom"), "{}", r.stderr);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "no temporary file remains: {left:?}");
    assert!(blocked.is_dir(), "the previous file is intact");
}

#[tokio::test(flavor = "multi_thread")]
async fn sweep_check_without_the_lock_still_checks_the_fleet() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("ck", 3).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    fleet.insert_many_without_actors("gap", 2).await.unwrap();
    let mut holder = sweep_holding_the_lock(&fleet.url);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let held: i64 = fleet
            .pg
            .query_one(
                // Only this test's database: other tests' sweeps hold their own locks.
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if held > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the first sweep never took the lock");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let r = sweep(&fleet.url, &["--check", "--warn", "1", "--crit", "10"]);
    holder.kill().unwrap();
    let _ = holder.wait();
    assert_eq!(r.code, 1, "WARNING for the 2 missing: {}", r.stdout);
    for field in ["healthy=3", "missing=2", "quarantined=0", "workers_down=0", "held=0", "fleet_wide=0"] {
        assert!(r.stdout.contains(field), "{field}: {}", r.stdout);
    }
}

fn sweep_holding_the_lock(url: &str) -> std::process::Child {
    actorctl_std(url)
        .env("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS", "60000")
        .args(["sweep", "--dry-run"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn the_shipped_alerts_pass_promtool_and_name_real_metrics() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("examples/prometheus");
    for args in
        [&["check", "rules", "actorctl-alerts.yml"][..], &["test", "rules", "actorctl-alerts.test.yml"]]
    {
        let out = std::process::Command::new("promtool")
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("promtool (Debian package prometheus: scripts/ensure-tools installs it)");
        assert!(
            out.status.success(),
            "promtool {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
