//! Each class of DOMAIN.md §4, created for real through the fleet and its
//! faults, in both CMS shapes.

mod common;

use common::*;
use std::time::Duration;

/// Threshold T for these tests: the actors loop every second.
const T: &str = "4s";
const PAST_T: Duration = Duration::from_secs(5);

async fn fleet(shape: Shape, n: usize) -> (Fleet, Vec<String>) {
    let fleet = Fleet::new(FleetOptions { shape, ..Default::default() }).await.unwrap();
    let names = fleet.add_many("pg", n).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    (fleet, names)
}

fn actor(k8s: &str) -> String {
    format!("actor-{k8s}")
}

async fn healthy(shape: Shape) {
    let (fleet, names) = fleet(shape, 3).await;
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let classes = classes(&l.json);
    assert_eq!(classes.len(), 3, "{}", l.json);
    for n in &names {
        assert_eq!(classes[n], "healthy", "{}", l.json);
    }
    assert_eq!(l.code, 0, "{}", l.stderr);
    assert_eq!(l.json["summary"]["healthy"], 3);
    assert_eq!(l.json["summary"]["zombie"], 0);
    assert_eq!(l.json["diagnosis"]["workers_down"], false);
    assert!(l.json["diagnosis"]["message"].is_null());
    let a = &l.json["actors"][0];
    for field in [
        "name",
        "k8s_name",
        "state",
        "class",
        "actor_id",
        "actor_status",
        "last_health_check",
        "actor_updated_at",
        "evidence",
    ] {
        assert!(a.get(field).is_some(), "missing field {field}: {a}");
    }
    assert_eq!(a["state"], "running");
    assert!(a["last_health_check"].as_str().unwrap().contains('T'));
    assert!(a["actor_updated_at"].as_str().unwrap().ends_with('Z'));
}

async fn stale(shape: Shape) {
    let (fleet, names) = fleet(shape, 2).await;
    fleet.break_health_recording(&names[0]).await.unwrap();
    tokio::time::sleep(PAST_T).await;
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c[&names[0]], "stale", "{}", l.json);
    assert_eq!(c[&names[1]], "healthy", "{}", l.json);
    assert_eq!(l.code, 1);
    let row =
        l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == names[0].as_str()).unwrap();
    assert!(row["evidence"].as_str().unwrap().contains("last health check"), "{row}");
    // With a generous threshold the same actor is healthy again: it is the
    // health-check age, not the actor, that made it stale.
    let l = list_json(&fleet.url, &["--stale-after", "1h"]);
    assert_eq!(classes(&l.json)[&names[0]], "healthy");
}

async fn zombie(shape: Shape) {
    let (fleet, names) = fleet(shape, 2).await;
    fleet.drop_timer(&actor(&names[0])).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c[&names[0]], "zombie", "{}", l.json);
    assert_eq!(c[&names[1]], "healthy", "{}", l.json);
    let row =
        l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == names[0].as_str()).unwrap();
    assert_eq!(row["actor_status"], "Running", "{row}");
    assert!(row["evidence"].as_str().unwrap().contains("nothing queued"), "{row}");
    // Still a zombie much later: nothing ever wakes it.
    tokio::time::sleep(PAST_T).await;
    let l = list_json(&fleet.url, &["--stale-after", T]);
    assert_eq!(classes(&l.json)[&names[0]], "zombie");
    assert_eq!(l.json["diagnosis"]["workers_down"], false);
}

async fn missing(shape: Shape) {
    let (fleet, names) = fleet(shape, 3).await;
    fleet.null_actor_id(&names[0]).await.unwrap();
    fleet.delete_store_instance(&actor(&names[1])).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c[&names[0]], "missing", "{}", l.json);
    assert_eq!(c[&names[1]], "missing", "{}", l.json);
    assert_eq!(c[&names[2]], "healthy", "{}", l.json);
    // The actor whose id was cleared still runs: no row points to it.
    let o = orphans(&l.json);
    assert_eq!(o.get(&actor(&names[0])), Some(&Some(names[0].clone())), "{}", l.json);
    assert_eq!(o.len(), 1);
}

async fn dead(shape: Shape) {
    let (fleet, names) = fleet(shape, 2).await;
    fleet.cancel(&actor(&names[0])).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c[&names[0]], "dead", "{}", l.json);
    assert_eq!(c[&names[1]], "healthy");
    let row =
        l.json["actors"].as_array().unwrap().iter().find(|a| a["k8s_name"] == names[0].as_str()).unwrap();
    assert_eq!(row["actor_status"], "Failed");
}

async fn orphaned(shape: Shape) {
    let (fleet, names) = fleet(shape, 4).await;
    let new_id = fleet.repoint(&names[0]).await.unwrap();
    fleet.set_state(&names[1], "failed").await.unwrap();
    fleet.set_state(&names[2], "deleted").await.unwrap();
    fleet.wait_status(&new_id, "Running", Duration::from_secs(30)).await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c[&names[0]], "healthy", "{}", l.json);
    assert_eq!(c[&names[3]], "healthy");
    assert!(
        !c.contains_key(&names[1]) && !c.contains_key(&names[2]),
        "only running instances are rows: {c:?}"
    );
    let o = orphans(&l.json);
    assert_eq!(o.len(), 3, "{}", l.json);
    for n in &names[..3] {
        assert_eq!(o[&actor(n)].as_deref(), Some(n.as_str()));
    }
    assert_eq!(l.json["summary"]["orphan"], 3);
    let only = list_json(&fleet.url, &["--stale-after", T, "--orphaned"]);
    assert_eq!(only.json["actors"].as_array().unwrap().len(), 3);
    assert_eq!(only.code, 1);
}

async fn store_replaced(shape: Shape) {
    let (mut fleet, names) = fleet(shape, 3).await;
    fleet.stop_runtime().await;
    fleet.replace_store_with_empty().await.unwrap();
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let c = classes(&l.json);
    assert_eq!(c.len(), 3);
    assert!(c.values().all(|v| v == "missing"), "{}", l.json);
    assert!(orphans(&l.json).is_empty());
    assert_eq!(l.json["summary"]["missing"], names.len());
}

macro_rules! both_shapes {
    ($($name:ident),*) => {
        mod new_shape {
            $(#[tokio::test(flavor = "multi_thread")]
            async fn $name() { super::$name(super::Shape::WithLastHealthCheck).await; })*
        }
        mod old_shape {
            $(#[tokio::test(flavor = "multi_thread")]
            async fn $name() { super::$name(super::Shape::HealthCheckTableOnly).await; })*
        }
    };
}

both_shapes!(healthy, stale, zombie, missing, dead, orphaned, store_replaced);
