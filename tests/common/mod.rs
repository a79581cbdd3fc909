//! Shared helpers of the integration tests: run the real binary against a
//! real fleet and read its JSON.
#![allow(dead_code, unused_imports)]

pub use actorctl_testkit::{Fleet, FleetOptions, Shape};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;

/// The actorctl binary with a clean environment pointing at `url`.
pub fn actorctl(url: &str) -> Command {
    let mut c = Command::from_std(actorctl_std(url));
    c.timeout(std::time::Duration::from_secs(120));
    c
}

/// [`actorctl`] as a plain process, for tests that stream its output,
/// signal it or hand it a pipe: the same clean environment.
pub fn actorctl_std(url: &str) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("actorctl"));
    for (k, _) in std::env::vars() {
        if k.starts_with("ACTORCTL_") || k.starts_with("PG") || k == "RUST_LOG" {
            c.env_remove(k);
        }
    }
    // Neither the developer's config file nor their ~/.pgpass.
    // The test fleet's actors loop every second (testkit FleetOptions).
    c.env("ACTORCTL_DATABASE_URL", url)
        .env("ACTORCTL_ACTOR_INTERVAL", "1s")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("PGPASSFILE", "/nonexistent/actorctl-tests/pgpass");
    c
}

pub struct Listed {
    pub code: i32,
    pub json: Value,
    pub stderr: String,
}

/// `actorctl list -o json` with extra args; the parsed document.
pub fn list_json(url: &str, args: &[&str]) -> Listed {
    let out = actorctl(url).args(["list", "-o", "json"]).args(args).output().expect("run actorctl");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("list -o json gave no JSON ({e}): {stdout}\n{stderr}"));
    Listed { code: out.status.code().unwrap_or(-1), json, stderr }
}

/// k8s_name → class of every instance row (orphans excluded).
pub fn classes(doc: &Value) -> BTreeMap<String, String> {
    doc["actors"]
        .as_array()
        .expect("actors array")
        .iter()
        .filter(|a| a["class"] != "orphan")
        .map(|a| (a["k8s_name"].as_str().unwrap().to_string(), a["class"].as_str().unwrap().to_string()))
        .collect()
}

/// actor_id → k8s_name of every orphan row.
pub fn orphans(doc: &Value) -> BTreeMap<String, Option<String>> {
    doc["actors"]
        .as_array()
        .expect("actors array")
        .iter()
        .filter(|a| a["class"] == "orphan")
        .map(|a| (a["actor_id"].as_str().unwrap().to_string(), a["k8s_name"].as_str().map(str::to_string)))
        .collect()
}

pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("no JSON ({e}): {}\n{}", self.stdout, self.stderr))
    }
}

/// Run actorctl with args against `url`.
pub fn run(url: &str, args: &[&str]) -> Run {
    finish(actorctl(url).args(args))
}

pub fn finish(c: &mut Command) -> Run {
    let out = c.output().expect("run actorctl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The single result of a start/restart/cancel `-o json`.
pub fn only_result(r: &Run) -> Value {
    let doc = r.json();
    let results = doc["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{doc}");
    results[0].clone()
}

/// The audit rows of one instance, without the journal's intents
/// (`actor_action_claimed`): (event_type, metadata).
pub async fn events(fleet: &Fleet, k8s: &str) -> Vec<(String, Value)> {
    journal(fleet, k8s).await.into_iter().filter(|(t, _)| t != "actor_action_claimed").collect()
}

/// Every instance_events row of one instance: (event_type, metadata).
pub async fn journal(fleet: &Fleet, k8s: &str) -> Vec<(String, Value)> {
    let sql = format!(
        "SELECT e.event_type::text, e.metadata FROM {s}.instance_events e JOIN {s}.instances i ON i.id = e.instance_id
          WHERE i.k8s_name = $1 ORDER BY e.id",
        s = fleet.cms()
    );
    fleet.pg.query(&sql, &[&k8s]).await.unwrap().iter().map(|r| (r.get(0), r.get(1))).collect()
}
