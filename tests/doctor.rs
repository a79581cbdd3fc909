//! `actorctl doctor` on the real test fleet: passes; names the source of
//! every setting; warns on a read-only role and on an old store; fails
//! (exit 3) on a wrong password without printing it.

mod common;

use actorctl_testkit::cluster;
use common::*;
use serde_json::Value;
use std::time::Duration;

fn check<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("{name}: {doc}"))
}

fn source<'a>(doc: &'a Value, name: &str) -> &'a str {
    let s = doc["settings"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap();
    s["source"].as_str().unwrap()
}

async fn fleet() -> Fleet {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("doc", 2).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    fleet
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_passes_and_names_the_winning_source_of_each_setting() {
    let fleet = fleet().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let ctx = format!("current-context = \"t\"\n[contexts.t]\ndatabase-url = \"{}\"\nduroxide-schema = \"toygres_duroxide\"\n", fleet.url);
    std::fs::write(&config, ctx).unwrap();
    let r = finish(
        actorctl("")
            .env_remove("ACTORCTL_DATABASE_URL")
            .env("ACTORCTL_CONFIG", &config)
            .env("ACTORCTL_STALE_AFTER", "4m")
            .args(["doctor", "-o", "json", "--cms-schema", "toygres_cms"]),
    );
    let doc = r.json();
    assert_eq!(r.code, 0, "{doc:#}\n{}", r.stderr);
    assert!(doc["checks"].as_array().unwrap().iter().all(|c| c["status"] == "ok"), "{doc:#}");
    assert_eq!(source(&doc, "cms-schema"), "flag");
    assert_eq!(source(&doc, "stale-after"), "env");
    assert_eq!(source(&doc, "duroxide-schema"), "context");
    assert_eq!(source(&doc, "database-url"), "context");
    assert_eq!(source(&doc, "actor-orchestration"), "default");
    assert_eq!(source(&doc, "context"), "context");
    assert!(check(&doc, "cms connection")["detail"].as_str().unwrap().contains("PostgreSQL"), "{doc:#}");
    assert!(check(&doc, "store ledger")["detail"].as_str().unwrap().contains("list and actions"));
    for name in ["cms shape", "privileges", "workers", "clock cms↔host", "cms pooler"] {
        check(&doc, name);
    }

    let text = run(&fleet.url, &["doctor"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(text.stdout.contains("  ok    cms connection"), "{}", text.stdout);
    assert!(text.stderr.contains("0 warnings, 0 failed"), "{}", text.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_warns_on_a_readonly_role_and_an_old_store_and_fails_on_a_wrong_password() {
    let fleet = fleet().await;
    let suffix = &fleet.db_name[2..10];
    let role = format!("docro_{suffix}");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let after = &readme[readme.find("<!-- grants:readonly -->").unwrap()..];
    let sql = &after[after.find("```sql").unwrap() + 6..];
    let sql = sql[..sql.find("```").unwrap()].replace("actorctl_readonly", &role);
    fleet.pg.batch_execute(&sql).await.unwrap();
    let port = cluster().port;

    let ro = format!("postgres://{role}:change-me@127.0.0.1:{port}/{}", fleet.db_name);
    let r = run(&ro, &["doctor", "-o", "json"]);
    let doc = r.json();
    assert_eq!(r.code, 1, "{doc:#}");
    let p = check(&doc, "privileges");
    assert_eq!(p["status"], "warn", "{doc:#}");
    assert!(p["detail"].as_str().unwrap().contains("instance_actor_orchestration_id"), "{p}");
    assert_eq!(check(&doc, "workers")["status"], "ok", "reading the fleet works");

    let wrong = format!("postgres://{role}:not-the-password@127.0.0.1:{port}/{}", fleet.db_name);
    let r = run(&wrong, &["doctor", "-o", "json"]);
    assert_eq!(r.code, 3, "{}\n{}", r.stdout, r.stderr);
    let doc = r.json();
    assert_eq!(check(&doc, "cms connection")["status"], "fail");
    assert!(!r.stdout.contains("not-the-password") && !r.stderr.contains("not-the-password"), "{}", r.stdout);

    let s = fleet.store();
    fleet
        .pg
        .batch_execute(&format!("DELETE FROM {s}._duroxide_migrations WHERE version > 11"))
        .await
        .unwrap();
    let r = run(&fleet.url, &["doctor", "-o", "json"]);
    let doc = r.json();
    assert_eq!(r.code, 1, "{doc:#}");
    let ledger = check(&doc, "store ledger");
    assert_eq!(ledger["status"], "warn");
    assert!(ledger["detail"].as_str().unwrap().contains("list only"), "{ledger}");
    assert!(ledger["hint"].as_str().unwrap().contains("--backend http"), "{ledger}");
}
