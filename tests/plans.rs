//! Plans you can review and replay: `recover --dry-run -o json > plan.json`
//! then `recover --plan plan.json`, re-checked against a fresh
//! classification; a results file replays only its failed and unverified
//! items; a plan for another fleet is refused.

mod common;

use actorctl_testkit::cluster;
use actorctl_testkit::http::{serve, Request, Response};
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

fn outcomes(doc: &Value) -> BTreeMap<String, (String, String)> {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
            (s("k8s_name"), (s("outcome"), s("message")))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reviewed_plan_is_replayed_and_what_healed_is_skipped() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("pl", 3).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    for k in &names {
        fleet.cancel(&format!("actor-{k}")).await.unwrap();
    }
    let dry = run(&fleet.url, &["recover", "--all", "--min-age", "0s", "--dry-run", "-o", "json"]);
    let plan = dry.json();
    assert_eq!(plan["plan"].as_array().unwrap().len(), 3, "{plan:#}");
    assert_eq!(plan["settings"]["fleet"]["cms_schema"], "toygres_cms", "{plan:#}");
    assert_eq!(plan["settings"]["stale_after_secs"], 300);
    assert_eq!(plan["settings"]["backend"], "duroxide");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, &dry.stdout).unwrap();
    let path = path.to_str().unwrap();

    // Against another database: refused, before anything is read or changed.
    let other = cluster().admin_url();
    let r = run(&other, &["recover", "--plan", path, "--yes"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("another fleet") && r.stderr.contains("CMS database"), "{}", r.stderr);
    assert_eq!(
        run(&fleet.url, &["recover", "--plan", path, "--all", "--yes"]).code,
        2,
        "--plan selects alone"
    );

    // One instance heals by itself (the control plane gave it a new actor).
    let healed = &names[0];
    let new_actor = fleet.repoint(healed).await.unwrap();
    fleet.wait_status(&new_actor, "Running", WAIT).await.unwrap();

    let r = run(&fleet.url, &["recover", "--plan", path, "--yes", "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let got = outcomes(&r.json());
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[healed].0, "skipped", "{got:?}");
    assert!(got[healed].1.contains("changed since plan"), "{got:?}");
    for k in &names[1..] {
        assert_eq!(got[k].0, "done", "{got:?}");
        assert_eq!(fleet.running_actor_count(k).await.unwrap(), 1);
    }
    assert_eq!(fleet.actor_id(healed).await.unwrap(), Some(new_actor), "the healed one was not touched");
    assert_eq!(r.json()["settings"]["fleet"]["store_schema"], "toygres_duroxide", "results carry settings");
}

/// The control plane: start/restart give the instance a new actor, except
/// for `failing` instances while `fail` is on (HTTP 500).
async fn control_plane(
    fleet: Arc<Fleet>,
    failing: Arc<Vec<String>>,
    fail: Arc<AtomicBool>,
    req: Request,
) -> Response {
    let parts: Vec<&str> = req.path.trim_start_matches('/').split('/').collect();
    let ["api", "instances", name, "actor", "start" | "restart"] = parts[..] else {
        return Response::json(400, serde_json::json!({"error": "unsupported"}));
    };
    if fail.load(Ordering::SeqCst) && failing.iter().any(|f| f == name) {
        return Response::json(500, serde_json::json!({"error": "boom"}));
    }
    let old = fleet.actor_id(name).await.unwrap();
    let new_id = fleet.repoint(name).await.unwrap();
    if let Some(old) = old {
        let _ = fleet.client.cancel_instance(&old, "control plane restart").await;
    }
    Response::json(200, serde_json::json!({"actor_id": new_id}))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_results_file_retries_exactly_its_failed_items() {
    let fleet = Arc::new(Fleet::new(FleetOptions::default()).await.unwrap());
    let names = fleet.insert_many_without_actors("rf", 4).await.unwrap();
    let failing = Arc::new(vec![names[1].clone(), names[3].clone()]);
    let fail = Arc::new(AtomicBool::new(true));
    let (f, fl, fa) = (fleet.clone(), failing.clone(), fail.clone());
    let (api, _server) = serve(move |req| control_plane(f.clone(), fl.clone(), fa.clone(), req)).await;
    // This control plane names instances by k8s_name in its paths.
    let http =
        ["--backend", "http", "--api-url", &api, "--verify-timeout", "30s", "--api-name-field", "k8s_name"];

    let first = finish(
        actorctl(&fleet.url)
            .args(["recover", "--all", "--yes", "--min-age", "0s", "-o", "json"])
            .args(http)
            .env("ACTORCTL_API_TOKEN", "t0k3n-value"),
    );
    assert_eq!(first.code, 1, "{}\n{}", first.stdout, first.stderr);
    let got = outcomes(&first.json());
    let failed: Vec<&String> = got.iter().filter(|(_, (o, _))| o == "failed").map(|(k, _)| k).collect();
    assert_eq!(failed, vec![&names[1], &names[3]], "{got:?}");
    let before: Vec<Option<String>> = futures::future::join_all(names.iter().map(|k| fleet.actor_id(k)))
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.json");
    std::fs::write(&path, &first.stdout).unwrap();

    fail.store(false, Ordering::SeqCst);
    // The backend comes from the file: no --backend given.
    let retry = finish(
        actorctl(&fleet.url)
            .args(["recover", "--plan", path.to_str().unwrap(), "--yes", "-o", "json"])
            .args(["--api-url", &api, "--verify-timeout", "30s", "--api-name-field", "k8s_name"])
            .env("ACTORCTL_API_TOKEN", "t0k3n-value"),
    );
    assert_eq!(retry.code, 0, "{}\n{}", retry.stdout, retry.stderr);
    let got = outcomes(&retry.json());
    assert_eq!(got.keys().collect::<Vec<_>>(), vec![&names[1], &names[3]], "exactly the 2 failed: {got:?}");
    assert!(got.values().all(|(o, _)| o == "done"), "{got:?}");
    for (i, k) in names.iter().enumerate() {
        let now = fleet.actor_id(k).await.unwrap();
        if i == 1 || i == 3 {
            assert!(now.is_some(), "{k} repaired");
        } else {
            assert_eq!(now, before[i], "{k} was not touched");
        }
    }
}
