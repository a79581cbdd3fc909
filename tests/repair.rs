//! start, restart and cancel against the real fleet: DOMAIN.md §5 step by
//! step, concurrency, crash points, bad input.

mod common;

use common::*;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

async fn fleet(n: usize) -> (Fleet, Vec<String>) {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("r", n).await.unwrap();
    fleet.wait_recorded(&names, WAIT).await.unwrap();
    (fleet, names)
}

fn actor(k8s: &str) -> String {
    format!("actor-{k8s}")
}

async fn store_output(fleet: &Fleet, id: &str) -> Option<String> {
    let sql = format!(
        "SELECT e.output FROM {s}.instances i JOIN {s}.executions e
            ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id WHERE i.instance_id = $1",
        s = fleet.store()
    );
    fleet.pg.query_one(&sql, &[&id]).await.unwrap().get(0)
}

/// The instance converged: one running actor, the one the CMS names,
/// recording health, no orphan.
async fn assert_converged(fleet: &Fleet, k8s: &str) {
    let current = fleet.actor_id(k8s).await.unwrap().expect("an actor id");
    fleet.wait_status(&current, "Running", WAIT).await.unwrap();
    assert_eq!(fleet.running_actor_count(k8s).await.unwrap(), 1, "exactly one running actor for {k8s}");
    fleet.wait_recorded(&[k8s.to_string()], WAIT).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", "5s"]);
    assert_eq!(classes(&l.json)[k8s], "healthy", "{}", l.json);
    assert!(orphans(&l.json).values().all(|o| o.as_deref() != Some(k8s)), "{}", l.json);
}

async fn restart_repairs(fault: &str) {
    let (fleet, names) = fleet(2).await;
    let k8s = &names[0];
    match fault {
        "stale" => {
            fleet.break_health_recording(k8s).await.unwrap();
            fleet.age_health_checks(k8s, 600).await.unwrap();
        }
        _ => fleet.drop_timer(&actor(k8s)).await.unwrap(),
    }
    let l = list_json(&fleet.url, &[]);
    assert_eq!(classes(&l.json)[k8s], fault, "{}", l.json);
    let before = fleet.db_now().await.unwrap();

    let r =
        run(&fleet.url, &["restart", "r-000", "-o", "json", "--reason", "INC-42", "--operator", "alice@ops"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let res = only_result(&r);
    assert_eq!(res["outcome"], "done", "{res}");
    assert_eq!(res["action"], "restart");
    assert_eq!(res["old_actor_id"], actor(k8s).as_str());
    let new_id = res["new_actor_id"].as_str().unwrap().to_string();
    assert!(new_id.starts_with(&format!("actor-{k8s}-")) && new_id.len() == actor(k8s).len() + 9, "{new_id}");
    assert_eq!(fleet.actor_id(k8s).await.unwrap().as_deref(), Some(new_id.as_str()));

    // The old actor ends Failed ("canceled: …"); the new one runs and records.
    assert_eq!(fleet.store_status(&actor(k8s)).await.unwrap().as_deref(), Some("Failed"));
    assert!(store_output(&fleet, &actor(k8s)).await.unwrap().contains("canceled"), "old actor output");
    fleet.wait_recorded(std::slice::from_ref(k8s), WAIT).await.unwrap();
    let sql = format!("SELECT last_health_check > $2 FROM {}.instances WHERE k8s_name = $1", fleet.cms());
    let advanced: bool = fleet.pg.query_one(&sql, &[k8s, &before]).await.unwrap().get(0);
    assert!(advanced, "last_health_check advanced after the restart");
    assert_converged(&fleet, k8s).await;

    // One audit row, with the contract's metadata.
    let ev = events(&fleet, k8s).await;
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "actor_restarted");
    let m = &ev[0].1;
    assert_eq!(m["old_actor_id"], actor(k8s).as_str());
    assert_eq!(m["new_actor_id"], new_id.as_str());
    assert_eq!(m["reason"], "INC-42");
    assert_eq!(m["operator"], "alice@ops");
    assert_eq!(m["actorctl_version"], env!("CARGO_PKG_VERSION"));
    // The neighbour was not touched.
    assert_eq!(fleet.actor_id(&names[1]).await.unwrap(), Some(actor(&names[1])));
    assert!(events(&fleet, &names[1]).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_repairs_a_stale_actor() {
    restart_repairs("stale").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_repairs_a_zombie_actor() {
    restart_repairs("zombie").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn start_repairs_missing_and_dead_and_leaves_healthy_alone() {
    let (fleet, names) = fleet(4).await;
    let (missing_null, missing_gone, dead, healthy) = (&names[0], &names[1], &names[2], &names[3]);
    fleet.null_actor_id(missing_null).await.unwrap(); // its old actor still runs: an orphan
    fleet.delete_store_instance(&actor(missing_gone)).await.unwrap();
    fleet.cancel(&actor(dead)).await.unwrap();

    for k in [missing_null, missing_gone, dead] {
        let r = run(&fleet.url, &["start", k, "-o", "json"]);
        assert_eq!(r.code, 0, "{k}: {}\n{}", r.stdout, r.stderr);
        let doc = r.json();
        assert_eq!(doc["results"][0]["action"], "start", "{doc}");
        assert_eq!(doc["results"][0]["outcome"], "done", "{doc}");
        assert_converged(&fleet, k).await;
        assert_eq!(events(&fleet, k).await[0].0, "actor_started");
    }
    // The orphan of the NULLed instance was cancelled by the same start.
    assert_eq!(fleet.store_status(&actor(missing_null)).await.unwrap().as_deref(), Some("Failed"));

    let r = run(&fleet.url, &["start", healthy]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("skipped") && r.stdout.contains("nothing to start"), "{}", r.stdout);
    assert_eq!(fleet.actor_id(healthy).await.unwrap(), Some(actor(healthy)));
    assert!(events(&fleet, healthy).await.is_empty(), "a no-op is not audited");

    // --force makes it a restart.
    let r = run(&fleet.url, &["start", healthy, "--force", "-o", "json"]);
    assert_eq!(only_result(&r)["action"], "restart");
    assert_converged(&fleet, healthy).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_an_orphan_and_an_instance_actor() {
    let (fleet, names) = fleet(2).await;
    let new_id = fleet.repoint(&names[0]).await.unwrap();
    fleet.wait_status(&new_id, "Running", WAIT).await.unwrap();
    let orphan = actor(&names[0]);
    assert!(orphans(&list_json(&fleet.url, &[]).json).contains_key(&orphan));

    // No TTY, no --yes: refused, naming --yes, nothing touched.
    let r = run(&fleet.url, &["cancel", "--actor", &orphan]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    // Still alive: Running, or between two loops (ContinuedAsNew).
    let status = fleet.store_status(&orphan).await.unwrap();
    assert!(matches!(status.as_deref(), Some("Running" | "ContinuedAsNew")), "{status:?}");

    let r = run(&fleet.url, &["cancel", "--actor", &orphan, "--yes", "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(only_result(&r)["outcome"], "done");
    assert!(orphans(&list_json(&fleet.url, &[]).json).is_empty());
    assert_eq!(events(&fleet, &names[0]).await[0].0, "actor_cancelled");

    // The current actor is not an orphan; an unknown id is not cancelled
    // (cancelling it would leave a stray row in the store).
    let r = run(&fleet.url, &["cancel", "--actor", &new_id, "--yes"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("not an orphan"), "{}", r.stderr);
    let r = run(&fleet.url, &["cancel", "--actor", "actor-nobody-12345678", "--yes"]);
    assert_eq!(r.code, 2);
    let stray: i64 = fleet
        .pg
        .query_one(
            &format!(
                "SELECT count(*) FROM {}.orchestrator_queue WHERE instance_id = 'actor-nobody-12345678'",
                fleet.store()
            ),
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(stray, 0);

    // cancel <name>: the actor stops and the instance has no actor.
    let r = run(&fleet.url, &["cancel", "r-001", "--yes", "-o", "json"]);
    assert_eq!(only_result(&r)["outcome"], "done", "{}", r.stdout);
    assert_eq!(fleet.actor_id(&names[1]).await.unwrap(), None);
    assert_eq!(fleet.store_status(&actor(&names[1])).await.unwrap().as_deref(), Some("Failed"));
    // A deliberate cancel is a hold (issue 16): not missing, left alone by sweeps.
    assert_eq!(classes(&list_json(&fleet.url, &[]).json)[&names[1]], "held");
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_restarts_make_exactly_one_new_actor() {
    let (fleet, names) = fleet(1).await;
    let k8s = names[0].clone();
    let spawn = |url: String, k8s: String| {
        std::thread::spawn(move || {
            finish(
                actorctl(&url)
                    .args(["restart", &k8s, "-o", "json"])
                    .env("ACTORCTL_TEST_PAUSE_BEFORE_CLAIM_MS", "1500"),
            )
        })
    };
    let a = spawn(fleet.url.clone(), k8s.clone());
    let b = spawn(fleet.url.clone(), k8s.clone());
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    let outcomes = [only_result(&a)["outcome"].clone(), only_result(&b)["outcome"].clone()];
    assert!(outcomes.contains(&"done".into()) && outcomes.contains(&"skipped".into()), "{outcomes:?}");
    let skipped = if outcomes[0] == "skipped" { &a } else { &b };
    assert!(only_result(skipped)["message"].as_str().unwrap().contains("changed concurrently"));
    assert_eq!(a.code, 0);
    assert_eq!(b.code, 0);
    assert_converged(&fleet, &k8s).await;
    assert_eq!(events(&fleet, &k8s).await.len(), 1, "only the winner audits");
}

async fn crash_then_converge(step: &str) {
    let (fleet, names) = fleet(1).await;
    let k8s = names[0].clone();
    let r = finish(actorctl(&fleet.url).args(["restart", &k8s]).env("ACTORCTL_TEST_CRASH_AFTER", step));
    assert!(r.code != 0, "the hook must crash the process");
    assert!(r.stderr.contains(&format!("crashing after {step}")), "{}", r.stderr);
    if step == "cancel" {
        // The cancellation was requested, not yet taken: under load the
        // runtime may take a moment, and until then the old actor still runs.
        fleet.wait_status(&actor(&k8s), "Failed", Duration::from_secs(30)).await.unwrap();
    }

    let l = list_json(&fleet.url, &["--stale-after", "5s"]);
    let class = classes(&l.json)[&k8s].clone();
    let orphaned = orphans(&l.json).contains_key(&actor(&k8s));
    match step {
        // Claimed, never started: the row names an actor the store lacks.
        "claim" => assert!(class == "missing" && orphaned, "{}", l.json),
        // Started, old not cancelled: the old one is an orphan.
        "start" => assert!(orphaned, "{}", l.json),
        // Cancelled but not verified or audited: nothing broken.
        _ => assert!(!orphaned, "{}", l.json),
    }
    let repair = if class == "missing" { "start" } else { "restart" };
    let r = run(&fleet.url, &[repair, &k8s, "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_converged(&fleet, &k8s).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn crash_after_claim_converges() {
    crash_then_converge("claim").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn crash_after_start_converges() {
    crash_then_converge("start").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn crash_after_cancel_converges() {
    crash_then_converge("cancel").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_changes_nothing_and_bad_input_is_refused() {
    let (fleet, names) = fleet(1).await;
    let k8s = &names[0];
    fleet.drop_timer(&actor(k8s)).await.unwrap();
    let r = run(&fleet.url, &["restart", k8s, "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for needle in [
        "claim: UPDATE toygres_cms.instances",
        "start actor-",
        "cancel actor-",
        "verify",
        "audit",
        "nothing was changed",
    ] {
        assert!(r.stdout.contains(needle), "missing {needle:?}: {}", r.stdout);
    }
    let r = run(&fleet.url, &["cancel", k8s, "--dry-run", "-o", "json"]);
    assert_eq!(r.json()["plan"][0]["action"], "cancel");
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), Some(actor(k8s)));
    assert!(events(&fleet, k8s).await.is_empty());
    assert_eq!(fleet.running_actor_count(k8s).await.unwrap(), 1);

    let r = run(&fleet.url, &["restart", "no-such-db"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no instance named"), "{}", r.stderr);
    fleet.insert_instance("twin", "twin-a", "running", None).await.unwrap();
    fleet.insert_instance("twin", "twin-b", "running", None).await.unwrap();
    let r = run(&fleet.url, &["start", "twin"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("ambiguous"), "{}", r.stderr);
    let r = run(&fleet.url, &["restart", k8s, "--verify-timeout", "-3s"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("negative"), "{}", r.stderr);
    fleet.set_state("twin-a", "deleted").await.unwrap();
    let r = run(&fleet.url, &["restart", "twin-a"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not running"), "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_old_store_is_listed_but_never_acted_on() {
    let (fleet, names) = fleet(1).await;
    let k8s = &names[0];
    fleet.drop_timer(&actor(k8s)).await.unwrap();
    fleet
        .pg
        .batch_execute(&format!("DELETE FROM {}._duroxide_migrations WHERE version > 11", fleet.store()))
        .await
        .unwrap();
    let r = run(&fleet.url, &["restart", k8s]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    for needle in
        ["migrations 1..11", "needs migrations 1..21, 23, 25 and 26", "--backend http", "never migrates"]
    {
        assert!(r.stderr.contains(needle), "missing {needle:?}: {}", r.stderr);
    }
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), Some(actor(k8s)), "nothing claimed");
    let max: i64 = fleet
        .pg
        .query_one(&format!("SELECT max(version) FROM {}._duroxide_migrations", fleet.store()), &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(max, 11, "the store was not migrated");
    assert_eq!(list_json(&fleet.url, &[]).code, 1, "listing still works");
}
