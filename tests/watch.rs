//! `list --watch`: one JSON line per class change (a healthy actor
//! cancelled, then restarted), Ctrl-C exits 0; on a real pty the table is
//! redrawn in place.

mod common;

use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command as Std, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

/// The next line for `k8s` from the watcher, within `timeout`.
fn next_for(rx: &mpsc::Receiver<Value>, k8s: &str, timeout: Duration) -> Value {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let v =
            rx.recv_timeout(left).unwrap_or_else(|_| panic!("no change line for {k8s} within {timeout:?}"));
        if v["k8s_name"] == k8s {
            return v;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_prints_one_line_per_change() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("w", 2).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    let k8s = &names[0];

    let mut child = actorctl_std(&fleet.url)
        .args(["list", "-w", "-o", "jsonl", "--interval", "500ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(serde_json::from_str::<Value>(&line.unwrap()).expect("a JSON line"));
        }
    });
    // The first refresh: every row, no previous class.
    for k in &names {
        let first = next_for(&rx, k, Duration::from_secs(10));
        assert_eq!(
            (first["class"].as_str(), first["previous_class"].as_str()),
            (Some("healthy"), None),
            "{first}"
        );
        assert!(first["at"].is_string() && first["evidence"].is_string() && first["actor_id"].is_string());
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(rx.try_recv().is_err(), "nothing changed, nothing printed");

    fleet.cancel(&format!("actor-{k8s}")).await.unwrap();
    let broken = next_for(&rx, k8s, Duration::from_secs(10));
    assert_eq!(
        (broken["class"].as_str(), broken["previous_class"].as_str()),
        (Some("dead"), Some("healthy"))
    );

    let r = run(&fleet.url, &["restart", k8s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fixed = next_for(&rx, k8s, Duration::from_secs(10));
    assert_eq!((fixed["class"].as_str(), fixed["previous_class"].as_str()), (Some("healthy"), Some("dead")));
    assert_ne!(fixed["actor_id"], broken["actor_id"], "{fixed}");
    assert!(rx.try_recv().is_err(), "the other instance never changed");

    // The database drops the watcher's connection: one line, then back.
    let kill = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                 WHERE datname = current_database() AND application_name = 'actorctl'";
    let killed: i64 = fleet.pg.query_one(kill, &[]).await.unwrap().get(0);
    assert!(killed >= 1);
    tokio::time::sleep(Duration::from_secs(4)).await;
    fleet.cancel(&format!("actor-{}", names[1])).await.unwrap();
    let after = next_for(&rx, &names[1], Duration::from_secs(10));
    assert_eq!(after["class"], "dead", "watching again after the reconnect: {after}");

    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.matches("lost the database").count(), 1, "{stderr}");
    assert!(stderr.contains("the database is back"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_terminal_the_table_is_redrawn_in_place() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("wt", 1).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();

    let bin = assert_cmd::cargo::cargo_bin("actorctl");
    // `exec`: no shell between the pty and actorctl. A shell that stays
    // gets the typed Ctrl-C too and may die of it first (exit 130).
    let mut child = Std::new("script")
        .args(["-qec", &format!("exec {} list --watch --interval 1s", bin.display()), "/dev/null"])
        .env("ACTORCTL_DATABASE_URL", &fleet.url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux)");
    let mut stdin = child.stdin.take().unwrap();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    fleet.cancel(&format!("actor-{}", names[0])).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    // Ctrl-C typed on the terminal.
    stdin.write_all(b"\x03").unwrap();
    stdin.flush().unwrap();
    let mut screen = String::new();
    child.stdout.take().unwrap().read_to_string(&mut screen).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{screen}");
    assert!(screen.matches("\x1b[H\x1b[2J").count() >= 3, "cleared and redrawn: {screen}");
    assert!(screen.contains("last refresh") && screen.contains("NAME"), "{screen}");
    assert!(screen.contains("» wt-000") && screen.contains("healthy → dead"), "the change marked: {screen}");
    assert!(!screen.contains("{\"at\""), "no JSON lines on a terminal: {screen}");
}
