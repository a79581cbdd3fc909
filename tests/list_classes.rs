//! Each class of DOMAIN.md §4, created for real through the fleet and its
//! faults, in both CMS shapes.

mod common;

use common::*;
use std::time::Duration;

/// Threshold T for these tests: the actors loop every second.
const T: &str = "4s";

async fn fleet(shape: Shape, n: usize) -> (Fleet, Vec<String>) {
    let fleet = Fleet::new(FleetOptions {
        shape,
        ..Default::default()
    })
    .await
    .unwrap();
    let names = fleet.add_many("pg", n).await.unwrap();
    fleet
        .wait_recorded(&names, Duration::from_secs(60))
        .await
        .unwrap();
    (fleet, names)
}

async fn healthy_fleet_is_healthy(shape: Shape) {
    let (fleet, names) = fleet(shape, 3).await;
    let l = list_json(&fleet.url, &["--stale-after", T]);
    let classes = classes(&l.json);
    assert_eq!(classes.len(), 3, "{}", l.json);
    for n in &names {
        assert_eq!(classes[n], "healthy", "{}", l.json);
    }
    assert_eq!(l.code, 0, "{}", l.stderr);
    assert_eq!(l.json["summary"]["healthy"], 3);
    assert_eq!(l.json["diagnosis"]["workers_down"], false);
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
    assert!(a["last_health_check"].as_str().unwrap().contains('T'));
}

#[tokio::test(flavor = "multi_thread")]
async fn healthy_new_shape() {
    healthy_fleet_is_healthy(Shape::WithLastHealthCheck).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn healthy_old_shape() {
    healthy_fleet_is_healthy(Shape::HealthCheckTableOnly).await;
}
