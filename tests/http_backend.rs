//! `--backend http` against a real HTTP server in this test process that
//! plays the control plane: it claims, starts and cancels for real on the
//! fleet; actorctl verifies in the store.

mod common;

use actorctl_testkit::http::{serve, Request, Response};
use common::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const TOKEN: &str = "tok-Vx9-s3cr3t-api-token";

async fn fleet() -> (Arc<Fleet>, String) {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("h", 1).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    (Arc::new(fleet), names[0].clone())
}

/// The control plane's restart/start: a new actor, the row re-pointed, the
/// old actor cancelled. Like toygres, it names instances by dns_name.
async fn control_plane(fleet: Arc<Fleet>, req: Request) -> Response {
    if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
        return Response::json(401, serde_json::json!({"error": "invalid token"}));
    }
    act(fleet, req).await
}

/// toygres's server: `/api/*` needs the session cookie.
async fn cookie_control_plane(fleet: Arc<Fleet>, req: Request) -> Response {
    if req.header("cookie") != Some(&format!("toygres_session={TOKEN}"))
        || req.header("authorization").is_some()
    {
        return Response::json(401, serde_json::json!({"error": "not logged in"}));
    }
    act(fleet, req).await
}

async fn act(fleet: Arc<Fleet>, req: Request) -> Response {
    let parts: Vec<&str> = req.path.trim_start_matches('/').split('/').collect();
    let ["api", "instances", dns_name, "actor", verb] = parts[..] else {
        return Response::json(400, serde_json::json!({"error": "bad path"}));
    };
    let sql = format!("SELECT k8s_name FROM {}.instances WHERE dns_name = $1", fleet.cms());
    let Ok(Some(row)) = fleet.pg.query_opt(&sql, &[&dns_name]).await else {
        return Response::json(404, serde_json::json!({"error": format!("instance {dns_name} not found")}));
    };
    let name: String = row.get(0);
    let name = name.as_str();
    let Ok(Some(old)) = fleet.actor_id(name).await else {
        return Response::json(404, serde_json::json!({"error": format!("instance {name} not found")}));
    };
    match verb {
        "restart" | "start" => {
            let new_id = fleet.repoint(name).await.unwrap();
            let _ = fleet.client.cancel_instance(&old, "control plane restart").await;
            Response::json(200, serde_json::json!({"actor_id": new_id}))
        }
        _ => Response::json(400, serde_json::json!({"error": "unsupported"})),
    }
}

fn http(url: &str, api: &str, args: &[&str]) -> Run {
    finish(
        actorctl(url)
            .args(args)
            .args(["--backend", "http", "--api-url", api, "-o", "json", "--verify-timeout", "20s"])
            .env("ACTORCTL_API_TOKEN", TOKEN),
    )
}

fn assert_no_token(r: &Run) {
    assert!(
        !r.stdout.contains(TOKEN) && !r.stderr.contains(TOKEN),
        "the token leaked:\n{}\n{}",
        r.stdout,
        r.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_through_the_api_is_verified_in_the_store() {
    let (fleet, k8s) = fleet().await;
    let f = fleet.clone();
    let (api, _server) = serve(move |req| control_plane(f.clone(), req)).await;
    let r = http(&fleet.url, &api, &["-vv", "restart", &k8s]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_no_token(&r);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "done", "{res}");
    let current = fleet.actor_id(&k8s).await.unwrap().unwrap();
    assert_eq!(res["new_actor_id"], current.as_str());
    assert_eq!(fleet.running_actor_count(&k8s).await.unwrap(), 1);
    // Claim and audit are the server's job: actorctl wrote no event.
    assert!(events(&fleet, &k8s).await.is_empty());

    // The token may also come from a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
    let r = finish(
        actorctl(&fleet.url)
            .args(["start", &k8s, "--force", "--backend", "http", "--api-url", &api, "-o", "json"])
            .arg("--api-token-file")
            .arg(&file),
    );
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn toygres_session_cookie_and_dns_name_paths() {
    let (fleet, k8s) = fleet().await;
    let f = fleet.clone();
    let (api, _server) = serve(move |req| cookie_control_plane(f.clone(), req)).await;
    let r = http(&fleet.url, &api, &["-vv", "restart", &k8s, "--api-auth", "cookie"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_no_token(&r);
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stdout);
    // The path named the instance by its dns_name (h-000), not its k8s_name.
    assert!(r.stderr.contains("/api/instances/h-000/actor/restart"), "{}", r.stderr);

    // Bearer to a cookie server: refused, exit 3, nothing changed.
    let before = fleet.actor_id(&k8s).await.unwrap();
    let r = http(&fleet.url, &api, &["restart", &k8s]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(fleet.actor_id(&k8s).await.unwrap(), before);
    // A cookie of another name is not the session.
    let r = http(&fleet.url, &api, &["restart", &k8s, "--api-auth", "cookie", "--api-cookie-name", "sid"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    // --api-name-field k8s_name puts the k8s_name in the path (unknown here: 404 → exit 2).
    let r = http(
        &fleet.url,
        &api,
        &["-vv", "restart", &k8s, "--api-auth", "cookie", "--api-name-field", "k8s_name"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("/api/instances/{k8s}/actor/restart")), "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn api_errors_map_to_exit_codes_without_the_token() {
    let (fleet, k8s) = fleet().await;
    let (api, _s) =
        serve(|_req| async { Response::json(404, serde_json::json!({"error": "no such instance"})) }).await;
    let r = http(&fleet.url, &api, &["restart", &k8s]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("does not know instance") && r.stderr.contains("no such instance"),
        "{}",
        r.stderr
    );
    assert_no_token(&r);

    let (api, _s) =
        serve(|_req| async { Response::json(401, serde_json::json!({"error": "invalid token"})) }).await;
    let r = http(&fleet.url, &api, &["-vv", "restart", &k8s]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("ACTORCTL_API_TOKEN") && r.stderr.contains("401"), "{}", r.stderr);
    assert_no_token(&r);

    let (api, _s) =
        serve(|_req| async { Response::json(500, serde_json::json!({"message": "database is on fire"})) })
            .await;
    let r = http(&fleet.url, &api, &["restart", &k8s]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(only_result(&r)["message"].as_str().unwrap().contains("database is on fire"));
    assert_eq!(only_result(&r)["outcome"], "failed");

    let r = finish(actorctl(&fleet.url).args(["restart", &k8s, "--backend", "http"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--api-url"), "{}", r.stderr);
    assert_eq!(fleet.actor_id(&k8s).await.unwrap(), Some(format!("actor-{k8s}")), "nothing changed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_503_is_retried_and_a_hang_times_out() {
    let (fleet, k8s) = fleet().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let (f, c) = (fleet.clone(), calls.clone());
    let (api, _s) = serve(move |req| {
        let (f, c) = (f.clone(), c.clone());
        async move {
            if c.fetch_add(1, Ordering::SeqCst) == 0 {
                Response::json(503, serde_json::json!({"error": "warming up"}))
            } else {
                control_plane(f, req).await
            }
        }
    })
    .await;
    let r = http(&fleet.url, &api, &["restart", &k8s]);
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stderr);
    assert_eq!(calls.load(Ordering::SeqCst), 2, "one retry after the 503");

    let hangs = Arc::new(AtomicUsize::new(0));
    let h = hangs.clone();
    let (api, _s) = serve(move |_req| {
        let h = h.clone();
        async move {
            h.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_secs(30)).await;
            Response::json(200, serde_json::json!({}))
        }
    })
    .await;
    let started = std::time::Instant::now();
    let r = http(&fleet.url, &api, &["restart", &k8s, "--api-timeout", "1s"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "failed");
    assert!(res["message"].as_str().unwrap().contains("did not answer"), "{res}");
    assert_eq!(hangs.load(Ordering::SeqCst), 1, "a timed-out POST may have acted: never retried");
    assert!(started.elapsed() < Duration::from_secs(25));
}
