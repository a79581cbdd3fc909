//! Dynamic completion through clap_complete's `CompleteEnv`
//! (`COMPLETE=<shell> actorctl -- <words>`): instance names from the real
//! CMS, context names from the config file, nothing (and fast) when the
//! database does not answer.

mod common;

use common::*;
use std::time::{Duration, Instant};

/// What the binary offers for `words`, completing the word at `index` (bash).
fn offered(url: &str, index: usize, words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let mut c = actorctl(url);
    c.env("COMPLETE", "bash").env("_CLAP_COMPLETE_INDEX", index.to_string()).env("_CLAP_IFS", "\n");
    for (k, v) in env {
        c.env(k, v);
    }
    let r = finish(c.arg("--").args(words));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout.lines().map(str::to_string).filter(|l| !l.is_empty()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn instance_and_context_names_are_offered() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("db", 2).await.unwrap();
    fleet.insert_many_without_actors("zz", 1).await.unwrap();
    fleet.insert_instance("db-gone", "db-gone-k8s", "deleted", None).await.unwrap();

    let want = vec!["db-0000", "db-0000-k8s", "db-0001", "db-0001-k8s"];
    assert_eq!(offered(&fleet.url, 2, &["actorctl", "show", "db"], &[]), want);
    for sub in ["restart", "start", "cancel", "reset-failed", "events", "recover"] {
        assert_eq!(offered(&fleet.url, 2, &["actorctl", sub, "db-0001"], &[]), want[2..], "{sub}");
    }
    assert_eq!(
        offered(&fleet.url, 3, &["actorctl", "events", "db-0000", "zz"], &[]),
        vec!["zz-0000", "zz-0000-k8s"]
    );

    // fish: the last word is the one completed.
    let r = finish(actorctl(&fleet.url).env("COMPLETE", "fish").args(["--", "actorctl", "show", "zz"]));
    assert_eq!(
        r.stdout.lines().map(|l| l.split('\t').next().unwrap()).collect::<Vec<_>>(),
        ["zz-0000", "zz-0000-k8s"]
    );

    // Contexts come from the config file (--config typed, or the environment).
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[contexts.prod]\n[contexts.prod-eu]\n[contexts.staging]\n").unwrap();
    let env = [("ACTORCTL_CONFIG", config.to_str().unwrap())];
    assert_eq!(offered(&fleet.url, 3, &["actorctl", "list", "--context", "pro"], &env), ["prod", "prod-eu"]);
    let typed = ["actorctl", "--config", config.to_str().unwrap(), "list", "--context", "st"];
    assert_eq!(offered(&fleet.url, 5, &typed, &[]), ["staging"]);

    // The registration line of the README.
    let r = finish(actorctl(&fleet.url).env("COMPLETE", "bash"));
    assert!(r.stdout.contains("complete") && r.stdout.contains("actorctl"), "{}", r.stdout);
}

#[test]
fn a_database_that_does_not_answer_offers_nothing_within_3_seconds() {
    // A server that accepts connections and never says a word.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming() {
            held.push(s);
        }
    });
    let url = format!("postgres://nobody@127.0.0.1:{port}/cms?sslmode=disable");
    let started = Instant::now();
    assert!(offered(&url, 2, &["actorctl", "show", "db"], &[]).is_empty());
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    // Nothing listening at all: nothing offered either.
    let closed = format!("postgres://nobody@127.0.0.1:{}/cms", actorctl_testkit::cluster::free_port());
    assert!(offered(&closed, 2, &["actorctl", "restart", "db"], &[]).is_empty());
}
