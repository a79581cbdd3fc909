//! The README's GRANT statements, run as written: list under the read-only
//! role; restart refused under it (exit 3, nothing changed) and working
//! under the operator role.

mod common;

use actorctl_testkit::cluster;
use common::*;
use std::time::Duration;

/// The ```sql block after `<!-- grants:<which> -->` in the README.
fn grants(which: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let marker = format!("<!-- grants:{which} -->");
    let after = &readme[readme.find(&marker).expect("marker in README") + marker.len()..];
    let start = after.find("```sql").unwrap() + "```sql".len();
    let end = after[start..].find("```").unwrap();
    after[start..start + end].to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn readonly_lists_operator_repairs() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("g", 2).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    let k8s = &names[0];
    fleet.drop_timer(&format!("actor-{k8s}")).await.unwrap();

    // Roles are cluster-wide: give this run its own names.
    let suffix = &fleet.db_name[2..10];
    let (ro, op) = (format!("ro_{suffix}"), format!("op_{suffix}"));
    let sql = (grants("readonly") + &grants("operator"))
        .replace("actorctl_readonly", &ro)
        .replace("actorctl_operator", &op);
    fleet.pg.batch_execute(&sql).await.unwrap();
    let url =
        |role: &str| format!("postgres://{role}:change-me@127.0.0.1:{}/{}", cluster().port, fleet.db_name);

    let l = list_json(&url(&ro), &[]);
    assert_eq!(l.code, 1, "{}", l.stderr);
    assert_eq!(classes(&l.json)[k8s], "zombie");
    assert_eq!(run(&url(&ro), &["show", k8s]).code, 0);

    let events_before = events(&fleet, k8s).await.len();
    let r = run(&url(&ro), &["restart", k8s]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains("permission denied") && r.stderr.contains("instance_actor_orchestration_id"),
        "{}",
        r.stderr
    );
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), Some(format!("actor-{k8s}")), "nothing claimed");
    assert_eq!(fleet.running_actor_count(k8s).await.unwrap(), 1, "nothing started");
    assert_eq!(events(&fleet, k8s).await.len(), events_before);
    let r = run(&url(&ro), &["recover", "--all", "--yes", "--min-age", "0s"]);
    assert_eq!(r.code, 3, "{}", r.stderr);

    let r = run(&url(&op), &["restart", k8s, "-o", "json"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(only_result(&r)["outcome"], "done");
    assert_eq!(events(&fleet, k8s).await.len(), events_before + 1, "audited");
    let orphan = fleet.repoint(&names[1]).await.unwrap();
    fleet.wait_status(&orphan, "Running", Duration::from_secs(30)).await.unwrap();
    let r = run(&url(&op), &["cancel", "--actor", &format!("actor-{}", names[1]), "--yes"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
}
