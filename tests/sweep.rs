//! `actorctl sweep` against the real fleet: one sweeper at a time, the
//! compare-and-swap without the lock, a SIGKILLed sweeper, the crash-loop
//! budget, monitoring outputs.

mod common;

use actorctl_testkit::sandbox::{self, Breakage};
use common::*;
use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(120);

/// Advisory locks granted in this test's database (tests share a cluster).
const LOCKS_HERE: &str = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

fn sweep_cmd(url: &str, extra: &[&str]) -> Std {
    let mut c = Std::new(assert_cmd::cargo::cargo_bin("actorctl"));
    c.args(["sweep", "--min-age", "0s", "-o", "json"])
        .args(extra)
        .env("ACTORCTL_DATABASE_URL", url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn sweep(url: &str, extra: &[&str]) -> Run {
    run(url, &[&["sweep", "--min-age", "0s", "-o", "json"][..], extra].concat())
}

/// Wait until every instance has exactly one running actor.
async fn settle_one_each(fleet: &Fleet, names: &[String]) {
    let deadline = Instant::now() + WAIT;
    loop {
        let counts = fleet.running_actors_by_k8s().await.unwrap();
        let bad: Vec<_> = names.iter().filter(|n| counts.get(*n).copied() != Some(1)).collect();
        if bad.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{} instances without exactly one actor: {:?}",
            bad.len(),
            &bad[..bad.len().min(5)]
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Four sweeps at once. They verify Running only: this is about claims
/// and the lock, and 300 first health checks on a busy machine can outlast
/// the verify timeout.
async fn four_at_once(fleet: &Fleet, env: (&str, &str)) -> Vec<(i32, String, String)> {
    let children: Vec<_> = (0..4)
        .map(|_| {
            sweep_cmd(&fleet.url, &["--max", "1000", "--verify", "running"])
                .env(env.0, env.1)
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn four_sweepers_one_lock_and_cas_without_it() {
    let mut fleet =
        Fleet::new(FleetOptions { interval: Duration::from_secs(5), ..Default::default() }).await.unwrap();
    let names = fleet.insert_many_without_actors("sw", 300).await.unwrap();

    let outs = four_at_once(&fleet, ("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS", "1500")).await;
    let workers: Vec<_> = outs.iter().filter(|(_, o, _)| o.contains("\"lock\": \"acquired\"")).collect();
    assert_eq!(workers.len(), 1, "exactly one sweep did the work: {outs:?}");
    let doc: serde_json::Value = serde_json::from_str(&workers[0].1).unwrap();
    assert_eq!(doc["summary"]["done"], 300, "{}", doc["summary"]);
    for (code, stdout, stderr) in outs.iter().filter(|(_, o, _)| !o.contains("\"lock\": \"acquired\"")) {
        assert_eq!(*code, 0, "{stderr}");
        assert!(stderr.contains("another sweep holds the lock"), "{stderr}");
        assert!(stdout.contains("held by another sweep"), "{stdout}");
    }
    settle_one_each(&fleet, &names).await;

    // Again, all missing, with the lock bypassed: the per-instance
    // compare-and-swap alone keeps it to one actor per instance.
    fleet.replace_store_with_empty().await.unwrap();
    fleet
        .pg
        .batch_execute("UPDATE toygres_cms.instances SET instance_actor_orchestration_id = NULL")
        .await
        .unwrap();
    let outs = four_at_once(&fleet, ("ACTORCTL_TEST_SKIP_SWEEP_LOCK", "1")).await;
    let mut done = 0;
    for (code, stdout, stderr) in &outs {
        assert!(*code == 0 || *code == 1, "{stderr}");
        let doc: serde_json::Value =
            serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
        done += doc["summary"]["done"].as_u64().unwrap();
    }
    assert!(done >= 300, "every instance was started by someone ({done})");
    settle_one_each(&fleet, &names).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_sweeper_frees_the_lock() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("kill", 20).await.unwrap();
    let mut child =
        sweep_cmd(&fleet.url, &[]).env("ACTORCTL_TEST_PAUSE_AFTER_LOCK_MS", "60000").spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let held: i64 = fleet.pg.query_one(LOCKS_HERE, &[]).await.unwrap().get(0);
        if held > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the sweeper never took the lock");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let r = sweep(&fleet.url, &[]);
    assert!(r.stderr.contains("another sweep holds the lock"), "{}", r.stderr);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let r = sweep(&fleet.url, &["--wait-lock", "20s"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(r.json()["summary"]["done"], 20, "{}", r.stdout);
    settle_one_each(&fleet, &names).await;
}

async fn wait_class(fleet: &Fleet, k8s: &str, want: &str, t: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let l = list_json(&fleet.url, &["--stale-after", t]);
        if classes(&l.json).get(k8s).map(String::as_str) == Some(want) {
            return;
        }
        assert!(Instant::now() < deadline, "{k8s} never became {want}: {}", l.json);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn crash_loop_budget_quarantines_and_reset_failed_clears() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("cl", 2).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let (k8s, other) = (&names[0], &names[1]);
    fleet.break_instance_recording(k8s).await.unwrap();
    let t = "2s";
    let other_actor = fleet.actor_id(other).await.unwrap();

    for i in 1..=3 {
        wait_class(&fleet, k8s, "stale", t).await;
        // Running is all a restart of it can show: it never records health.
        let r = sweep(&fleet.url, &["--stale-after", t, "--verify", "running"]);
        assert_eq!(r.code, 0, "sweep {i}: {}\n{}", r.stdout, r.stderr);
        let doc = r.json();
        let mine: Vec<_> =
            doc["results"].as_array().unwrap().iter().filter(|x| x["k8s_name"] == k8s.as_str()).collect();
        assert_eq!(mine.len(), 1, "{doc}");
        assert_eq!(mine[0]["action"], "restart", "sweep {i}: {doc}");
        assert_eq!(mine[0]["outcome"], "done", "sweep {i}: {doc}");
    }
    wait_class(&fleet, k8s, "stale", t).await;
    let before = fleet.actor_id(k8s).await.unwrap();
    let r = sweep(&fleet.url, &["--stale-after", t]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = r.json();
    assert_eq!(doc["quarantined"], serde_json::json!([k8s]), "{doc}");
    assert!(
        doc["results"].as_array().unwrap().iter().all(|x| x["action"] == "none"),
        "the 4th sweep leaves it alone: {doc}"
    );
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), before);
    let quarantines =
        |ev: &[(String, serde_json::Value)]| ev.iter().filter(|(t, _)| t == "actor_quarantined").count();
    assert_eq!(quarantines(&events(&fleet, k8s).await), 1);
    // A 5th sweep: still alone, not quarantined twice; and --quiet still
    // speaks, because something is quarantined.
    let r = run(&fleet.url, &["sweep", "--min-age", "0s", "--stale-after", t, "--quiet"]);
    assert!(r.stderr.contains("quarantined"), "{}", r.stderr);
    assert_eq!(quarantines(&events(&fleet, k8s).await), 1);
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), before);

    // list and show flag it.
    let l = list_json(&fleet.url, &["--stale-after", t]);
    let row =
        l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == k8s.as_str()).unwrap().clone();
    assert_eq!(row["quarantined"], true);
    let table = run(&fleet.url, &["list", "--stale-after", t]);
    assert!(table.stdout.contains("stale/quarantined"), "{}", table.stdout);
    assert!(run(&fleet.url, &["show", k8s]).stdout.contains("QUARANTINED"));

    // A manual restart still works, and says so.
    let r = run(&fleet.url, &["restart", k8s, "-o", "json", "--verify", "running"]);
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stdout);
    assert!(only_result(&r)["message"].as_str().unwrap().contains("quarantined"), "{}", r.stdout);

    // reset-failed clears exactly what it names; the next sweep repairs it.
    let r = run(&fleet.url, &["reset-failed", other]);
    assert!(r.stdout.contains("not quarantined"), "{}", r.stdout);
    let r = run(&fleet.url, &["reset-failed", k8s]);
    assert!(r.stdout.contains("cleared"), "{}", r.stdout);
    assert!(events(&fleet, k8s).await.iter().any(|(t, _)| t == "actor_quarantine_cleared"));
    assert_eq!(list_json(&fleet.url, &["--stale-after", t]).json["actors"][0]["quarantined"], false);
    wait_class(&fleet, k8s, "stale", t).await;
    let r = sweep(&fleet.url, &["--stale-after", t, "--verify", "running"]);
    let doc = r.json();
    assert!(
        doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["k8s_name"] == k8s.as_str() && x["action"] == "restart"),
        "{doc}"
    );
    assert_eq!(fleet.actor_id(other).await.unwrap(), other_actor, "the healthy neighbour was never touched");
    assert!(run(&fleet.url, &["reset-failed", "--all"]).stdout.contains("no quarantined instances"));
}

#[tokio::test(flavor = "multi_thread")]
async fn textfile_and_check_for_monitoring() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let expected = sandbox::build(&fleet, 20, &Breakage::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actorctl.prom");

    let parse = |p: &std::path::Path| {
        let text = std::fs::read_to_string(p).unwrap();
        let lines = text.lines().map(|l| Ok(l.to_string()));
        prometheus_parse::Scrape::parse(lines).unwrap()
    };
    let value = |s: &prometheus_parse::Scrape, name: &str, labels: &[(&str, &str)]| -> f64 {
        let sample = s
            .samples
            .iter()
            .find(|x| x.metric == name && labels.iter().all(|(k, v)| x.labels.get(k) == Some(*v)))
            .unwrap_or_else(|| panic!("no {name} {labels:?}"));
        match sample.value {
            prometheus_parse::Value::Gauge(v)
            | prometheus_parse::Value::Counter(v)
            | prometheus_parse::Value::Untyped(v) => v,
            _ => panic!("unexpected type"),
        }
    };

    let r = run(&fleet.url, &["list", "--textfile", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let s = parse(&path);
    for (class, n) in
        [("stale", 3.0), ("zombie", 3.0), ("missing", 3.0), ("dead", 2.0), ("orphan", 2.0), ("healthy", 8.0)]
    {
        assert_eq!(value(&s, "actorctl_actors", &[("class", class)]), n, "{class}");
    }
    assert_eq!(value(&s, "actorctl_workers_down", &[]), 0.0);
    assert_eq!(value(&s, "actorctl_actors_quarantined", &[]), 0.0);

    // --check on list: WARNING / CRITICAL by thresholds.
    let r = run(&fleet.url, &["list", "--check", "--warn", "1", "--crit", "50"]);
    assert_eq!(r.code, 1, "WARNING: {}", r.stdout);
    assert!(
        r.stdout.starts_with("ACTORS WARNING - 3 stale, 3 zombie, 3 missing, 2 dead, 2 orphan |"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(
        "| healthy=8 stale=3 zombie=3 missing=3 dead=2 orphan=2 stuck=0 quarantined=0 workers_down=0"
    ));
    let r = run(&fleet.url, &["list", "--check", "--warn", "1", "--crit", "5"]);
    assert_eq!(r.code, 2, "CRITICAL: {}", r.stdout);
    assert!(r.stdout.starts_with("ACTORS CRITICAL"));

    // A sweep repairs it all; its textfile has the sweep's metrics.
    let r = sweep(&fleet.url, &["--textfile", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let s = parse(&path);
    assert_eq!(value(&s, "actorctl_sweep_actions_total", &[("action", "restart"), ("outcome", "done")]), 6.0);
    assert_eq!(value(&s, "actorctl_sweep_actions_total", &[("action", "start"), ("outcome", "done")]), 5.0);
    assert_eq!(
        value(&s, "actorctl_sweep_actions_total", &[("action", "cancel-orphan"), ("outcome", "done")]),
        2.0
    );
    assert!(value(&s, "actorctl_sweep_duration_seconds", &[]) > 0.0);
    let last = value(&s, "actorctl_sweep_last_success_timestamp_seconds", &[]);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64();
    assert!((now - last).abs() < 300.0, "{last} vs {now}");
    assert!(std::fs::read_dir(dir.path()).unwrap().count() == 1, "no temp file left behind");

    let running: Vec<String> = expected.classes.keys().cloned().collect();
    fleet.wait_recorded(&running, WAIT).await.unwrap();
    let r = run(&fleet.url, &["list", "--check"]);
    assert_eq!(r.code, 0, "OK: {}", r.stdout);
    assert!(r.stdout.starts_with("ACTORS OK - 19 healthy |"), "{}", r.stdout);
    // A quiet sweep with nothing to do prints nothing at all.
    let r = run(&fleet.url, &["sweep", "--quiet"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty() && r.stderr.is_empty(), "{}{}", r.stdout, r.stderr);

    // UNKNOWN: the database cannot be reached.
    let bad = format!("postgres://op:S3cretPw@127.0.0.1:{}/x", actorctl_testkit::cluster::free_port());
    for cmd in [&["list", "--check"][..], &["sweep", "--check"][..]] {
        let r = run(&bad, cmd);
        assert_eq!(r.code, 3, "UNKNOWN: {}", r.stdout);
        assert!(r.stdout.starts_with("ACTORS UNKNOWN - "), "{}", r.stdout);
        assert!(!r.stdout.contains("S3cretPw"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_down_is_critical_and_max_aborts_the_sweep() {
    let mut fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("wd", 3).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    fleet.insert_many_without_actors("gap", 3).await.unwrap();
    let r = sweep(&fleet.url, &["--max", "2"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("more than --max 2"), "{}", r.stderr);
    assert_eq!(r.json()["summary"]["done"], 0);
    let r = sweep(&fleet.url, &["--dry-run"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.json()["plan"].as_array().unwrap().len(), 3);
    let counts = fleet.running_actors_by_k8s().await.unwrap();
    assert_eq!(counts.values().sum::<i64>(), 3, "nothing was started");

    fleet.stop_runtime().await;
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let r = run(
            &fleet.url,
            &["list", "--check", "--stale-after", "3s", "--actor-interval", "1s", "--crit", "100"],
        );
        if r.code == 2 {
            assert!(r.stdout.contains("workers down") && r.stdout.contains("workers_down=1"), "{}", r.stdout);
            break;
        }
        assert!(Instant::now() < deadline, "never CRITICAL: {}", r.stdout);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let r = sweep(&fleet.url, &["--stale-after", "3s", "--actor-interval", "1s"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("refusing to sweep") && r.stderr.contains("workers are down"), "{}", r.stderr);
    let r = sweep(&fleet.url, &["--stale-after", "3s", "--actor-interval", "1s", "--check", "--crit", "100"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
}
