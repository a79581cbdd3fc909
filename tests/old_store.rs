//! The oldest published store (duroxide 0.1.0 / duroxide-pg 0.1.0, ledger
//! 1–2, toygres's only build that compiles), written by the real crates:
//! `list` and `show` read it; actions refuse it and name `--backend http`.

mod common;

use actorctl_testkit::old_store::OldWorld;
use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_duroxide_pg_0_1_0_store_is_listed_and_never_acted_on() {
    let world =
        OldWorld::new(&[("healthy", "ok-k8s"), ("dead", "gone-k8s"), ("missing", "lost-k8s")]).await.unwrap();
    let ledger: Vec<i64> = world
        .pg
        .query(
            &format!("SELECT version FROM {}._duroxide_migrations ORDER BY 1", world.opts.store_schema),
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(ledger, vec![1, 2], "the fixture is the oldest store");

    let l = list_json(&world.url, &[]);
    let c = classes(&l.json);
    assert_eq!(c["ok-k8s"], "healthy", "{}\n{}", l.json, l.stderr);
    assert_eq!(c["gone-k8s"], "dead", "{}", l.json);
    assert_eq!(c["lost-k8s"], "missing", "{}", l.json);
    assert_eq!(l.json["diagnosis"]["workers_down"], false, "{}", l.json);
    let ok = l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == "ok-k8s").unwrap();
    assert_eq!(ok["actor_status"], "Running");
    assert!(ok["next_timer_at"].is_string(), "the loop timer, from 0.1.0 history: {ok}");
    let gone = l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == "gone-k8s").unwrap();
    assert_eq!(gone["actor_status"], "Failed");
    assert!(gone["next_timer_at"].is_null(), "a dead actor waits on nothing: {gone}");

    let r = run(&world.url, &["show", "ok", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["actor"]["class"], "healthy", "{}", r.stdout);

    // Acting needs the provider's own store version.
    let r = run(&world.url, &["restart", "ok"]);
    assert_eq!(r.code, 3, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("--backend http") && r.stderr.contains("migrations 1..2"), "{}", r.stderr);
    let sql = format!(
        "SELECT instance_actor_orchestration_id FROM {}.instances WHERE k8s_name = 'ok-k8s'",
        world.opts.cms_schema
    );
    let id: Option<String> = world.pg.query_one(&sql, &[]).await.unwrap().get(0);
    assert_eq!(id.as_deref(), Some("actor-ok-k8s"), "nothing changed");
}
