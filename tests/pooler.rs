//! Through a real PgBouncer in transaction pooling mode: no named prepared
//! statement outlives a transaction, and sweeps still exclude each other and
//! free their lock when they exit.

mod common;

use actorctl_testkit::cluster;
use actorctl_testkit::pgbouncer::PgBouncer;
use common::*;
use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

fn sweep_through(url: &str) -> Std {
    let mut c = Std::new(assert_cmd::cargo::cargo_bin("actorctl"));
    c.args(["sweep", "--min-age", "0s", "--max", "200", "--verify-timeout", "60s", "-o", "json"])
        .env("ACTORCTL_DATABASE_URL", url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

#[tokio::test(flavor = "multi_thread")]
async fn four_sweeps_through_pgbouncer_in_transaction_mode() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("pool", 100).await.unwrap();
    // Fewer server connections than clients: statements of different
    // clients share server connections, as in production.
    let bouncer = PgBouncer::start(cluster(), "transaction", 4).unwrap();
    let url = bouncer.url(&fleet.db_name);

    let children: Vec<_> = (0..4).map(|_| sweep_through(&url).spawn().unwrap()).collect();
    let outs: Vec<_> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
    let mut acted = 0;
    for out in &outs {
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(!stderr.contains("prepared statement"), "{stderr}");
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
        if doc["summary"]["done"].as_u64().unwrap_or(0) > 0 {
            acted += 1;
            assert_eq!(doc["summary"]["done"], 100, "{stdout}");
        } else {
            assert!(stderr.contains("another sweep holds the lock"), "{stdout}\n{stderr}");
        }
    }
    assert_eq!(acted, 1, "exactly one sweep acted");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let counts = fleet.running_actors_by_k8s().await.unwrap();
        if names.iter().all(|n| counts.get(n) == Some(&1)) {
            break;
        }
        assert!(Instant::now() < deadline, "not one actor each: {counts:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // The lock went with the sweep that held it: a fifth sweep takes it.
    let fifth = sweep_through(&url).output().unwrap();
    let stderr = String::from_utf8_lossy(&fifth.stderr);
    assert_eq!(fifth.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("another sweep holds the lock"), "{stderr}");
    // Listing and show work through the pooler too.
    let l = list_json(&url, &[]);
    assert_eq!(
        l.json["summary"]["healthy"].as_u64().unwrap() + l.json["summary"]["stale"].as_u64().unwrap_or(0),
        100
    );
    let r = run(&url, &["show", &names[0]]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("actor_action_claimed"), "{}", r.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pooler_on_the_servers_own_port_is_recognized_too() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("port", 5).await.unwrap();
    // Same port as the server, another loopback address: the port check
    // cannot tell; PgBouncer's refusal of the provider's session options can.
    let bouncer = PgBouncer::start_on(cluster(), "transaction", 2, "127.0.0.2", cluster().port).unwrap();
    let r = run(
        &bouncer.url(&fleet.db_name),
        &["recover", "--all", "--yes", "--min-age", "0s", "-o", "json", "-v"],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(r.json()["summary"]["done"], 5, "{}", r.stdout);
    assert!(r.stderr.contains("refused session options"), "{}", r.stderr);
    let counts = fleet.running_actors_by_k8s().await.unwrap();
    assert!(names.iter().all(|n| counts.get(n) == Some(&1)), "{counts:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn statement_pooling_is_refused_plainly() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("stmt", 2).await.unwrap();
    let bouncer = PgBouncer::start(cluster(), "statement", 2).unwrap();
    let r = run(&bouncer.url(&fleet.db_name), &["sweep", "--min-age", "0s"]);
    assert_eq!(r.code, 3, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("statement pooling"), "{}", r.stderr);
}

/// tokio-postgres's `query`/`execute`/`prepare` use named statements (`s0`,
/// …) bound in a second round trip, which a transaction pooler may send to
/// another server connection: every query goes through `io::db::Sql`.
#[test]
fn no_named_prepared_statements_in_the_source() {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, line) in text.lines().enumerate() {
                    let named =
                        [".query(", ".query_one(", ".query_opt(", ".execute(", ".prepare(", ".query_raw("];
                    if named.iter().any(|n| line.contains(n)) {
                        out.push(format!("{}:{}: {}", p.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    assert!(found.is_empty(), "use io::db::Sql (rows/row/row_opt/exec) instead:\n{}", found.join("\n"));
}

/// The harness reproduces the fault for real: through this PgBouncer, named
/// statements of concurrent clients collide, unnamed ones do not.
#[tokio::test(flavor = "multi_thread")]
async fn the_pooler_breaks_named_statements_and_not_unnamed_ones() {
    let db = cluster().create_database().await.unwrap();
    // Two server connections for six clients: a statement prepared on one
    // is bound on the other.
    let bouncer = PgBouncer::start(cluster(), "transaction", 2).unwrap();
    let mut clients = Vec::new();
    for _ in 0..6 {
        clients.push(actorctl_testkit::cluster::connect(&bouncer.url(&db)).await.unwrap());
    }
    let run = |named: bool| {
        let clients = &clients;
        async move {
            let each = clients.iter().map(|c| async move {
                let mut errors = Vec::new();
                for i in 0..25i32 {
                    let r = if named {
                        c.query("SELECT $1::int4", &[&i]).await
                    } else {
                        c.query_typed("SELECT $1::int4", &[(&i, tokio_postgres::types::Type::INT4)]).await
                    };
                    if let Err(e) = r {
                        errors.push(e.as_db_error().map_or(e.to_string(), |d| d.message().to_string()));
                    }
                }
                errors
            });
            futures::future::join_all(each).await.concat()
        }
    };
    let named = run(true).await;
    assert!(named.iter().any(|e| e.contains("prepared statement")), "{named:?}\n{}", bouncer.log());
    let unnamed = run(false).await;
    assert!(unnamed.is_empty(), "{unnamed:?}");
}
