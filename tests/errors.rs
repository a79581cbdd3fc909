//! Bad input and broken backends: one clear error, the documented exit
//! code, no panic, no secret.

mod common;

use actorctl_testkit::cluster::{cluster, free_port};
use common::*;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(url: &str, args: &[&str]) -> Run {
    let out = actorctl(url).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn assert_clean_error(r: &Run, code: i32, needle: &str) {
    assert_eq!(r.code, code, "stderr: {}", r.stderr);
    assert!(r.stderr.starts_with("actorctl: error: "), "{}", r.stderr);
    assert!(r.stderr.contains(needle), "expected {needle:?} in: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no data on failure: {}", r.stdout);
}

async fn small_fleet() -> Fleet {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.add_instance("alpha", "pg-alpha").await.unwrap();
    fleet.insert_instance("shared", "pg-shared-1", "running", None).await.unwrap();
    fleet.insert_instance("shared", "pg-shared-2", "running", None).await.unwrap();
    fleet
}

#[tokio::test(flavor = "multi_thread")]
async fn names_unknown_and_ambiguous() {
    let fleet = small_fleet().await;
    let r = run(&fleet.url, &["show", "nope"]);
    assert_clean_error(&r, 2, "no instance named 'nope'");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = run(&fleet.url, &["show", "alph"]);
    assert_clean_error(&r, 2, "did you mean: pg-alpha");
    let r = run(&fleet.url, &["show", "shared"]);
    assert_clean_error(&r, 2, "ambiguous");
    assert!(r.stderr.contains("pg-shared-1") && r.stderr.contains("pg-shared-2"), "{}", r.stderr);
    // k8s_name is exact and unique; user_name works when unique.
    assert_eq!(run(&fleet.url, &["show", "pg-shared-2"]).code, 0);
    let r = run(&fleet.url, &["show", "alpha", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["instance"]["k8s_name"], "pg-alpha");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_flag_values_are_usage_errors() {
    let url = cluster().url("postgres");
    let r = run(&url, &["list", "--stale-after", "5parsecs"]);
    assert_clean_error(&r, 2, "5parsecs");
    assert!(r.stderr.contains("--stale-after"), "{}", r.stderr);
    let r = run(&url, &["list", "--stale-after", "-3s"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&url, &["list", "-o", "yaml"]);
    assert_clean_error(&r, 2, "yaml");
    let r = run(&url, &["list", "--duroxide-schema", "x; drop table y"]);
    assert_clean_error(&r, 2, "not a plain schema name");
    let r = run(&url, &["frobnicate"]);
    assert_eq!(r.code, 2);
    let r = run(&url, &["show"]);
    assert_clean_error(&r, 2, "NAME");
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_url_is_a_usage_error_without_the_password() {
    for bad in [
        "postgres://op:Hunter2Secret@127.0.0.1:notaport/db",
        "not a url at all",
        "postgres://op:Hunter2Secret@h/db?sslmode=sometimes",
    ] {
        let r = run(bad, &["list"]);
        assert_clean_error(&r, 2, "malformed database URL");
        assert!(!r.stderr.contains("Hunter2Secret"), "{}", r.stderr);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unreachable_database_is_exit_3() {
    let url = format!("postgres://op:Hunter2Secret@127.0.0.1:{}/cms", free_port());
    let r = run(&url, &["list", "--connect-timeout", "3s"]);
    assert_clean_error(&r, 3, "cannot connect to postgres://op@127.0.0.1");
    assert!(!r.stderr.contains("Hunter2Secret"), "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_cms_schema_is_exit_3() {
    let fleet = small_fleet().await;
    let r = run(&fleet.url, &["list", "--cms-schema", "nothing_here"]);
    assert_clean_error(&r, 3, "nothing_here.instances does not exist");
}

#[tokio::test(flavor = "multi_thread")]
async fn store_problems_are_exit_3_and_never_migrated() {
    let mut fleet = small_fleet().await;
    fleet.stop_runtime().await;
    let s = fleet.store().to_string();

    // No such schema.
    let r = run(&fleet.url, &["list", "--duroxide-schema", "no_store"]);
    assert_clean_error(&r, 3, "schema no_store does not exist");

    // A store at an old but readable version (toygres' pinned duroxide-pg
    // 0.1.17 holds migrations 1..11): listing keeps working.
    let newer: Vec<i64> = fleet
        .pg
        .query(&format!("DELETE FROM {s}._duroxide_migrations WHERE version > 11 RETURNING version"), &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!newer.is_empty());
    let l = list_json(&fleet.url, &[]);
    assert_eq!(classes(&l.json).len(), 3, "{}", l.stderr);

    // A ledger from the future.
    fleet
        .pg
        .batch_execute(&format!("INSERT INTO {s}._duroxide_migrations (version, name) VALUES (99, 'future')"))
        .await
        .unwrap();
    let r = run(&fleet.url, &["list"]);
    assert_clean_error(&r, 3, "[99]");
    assert!(r.stderr.contains("does not know"), "{}", r.stderr);

    // Every published ledger is readable (duroxide-pg 0.1.0 holds 1..2;
    // tests/old_store.rs lists a real one); one without migration 1 is not a store.
    fleet.pg.batch_execute(&format!("DELETE FROM {s}._duroxide_migrations WHERE version > 2")).await.unwrap();
    let l = list_json(&fleet.url, &[]);
    assert_eq!(classes(&l.json).len(), 3, "{}", l.stderr);
    fleet.pg.batch_execute(&format!("DELETE FROM {s}._duroxide_migrations WHERE version = 1")).await.unwrap();
    let r = run(&fleet.url, &["list"]);
    assert_clean_error(&r, 3, "lacks migration 1");

    // No ledger at all; and actorctl does not create one.
    fleet.pg.batch_execute(&format!("DROP TABLE {s}._duroxide_migrations")).await.unwrap();
    let r = run(&fleet.url, &["list"]);
    assert_clean_error(&r, 3, "no duroxide migrations ledger");
    let still_missing: bool = fleet
        .pg
        .query_one(&format!("SELECT to_regclass('{s}._duroxide_migrations') IS NULL"), &[])
        .await
        .unwrap()
        .get(0);
    assert!(still_missing, "actorctl must never create or migrate the store");
}

#[tokio::test(flavor = "multi_thread")]
async fn passwords_never_appear() {
    let fleet = small_fleet().await;
    let role = format!("op_{}", &fleet.db_name[2..12]);
    let secret = "Sup3rSecretPassw0rd";
    fleet.pg.batch_execute(&format!("CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{secret}'")).await.unwrap();
    let port = cluster().port;
    let url = format!("postgres://{role}:{secret}@127.0.0.1:{port}/{}", fleet.db_name);
    for args in [
        vec!["list"],
        vec!["list", "-o", "json"],
        vec!["-vv", "list", "-o", "wide"],
        vec!["show", "alpha", "-vv"],
        vec!["show", "alpha", "-o", "json"],
        vec!["show", "nope"],
    ] {
        let r = run(&url, &args);
        assert!(r.code == 0 || r.code == 1 || r.code == 2, "{args:?}: {}", r.stderr);
        assert!(!r.stdout.contains(secret) && !r.stderr.contains(secret), "{args:?} leaked the password");
    }
    // Every level, reads and actions (the duroxide client logs through sqlx).
    for args in [&["-vv", "list"][..], &["-vv", "restart", "alpha", "-o", "json"][..]] {
        let out = actorctl(&url).args(args).env("RUST_LOG", "trace").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.len() > 200, "trace logging produced output: {stderr}");
        assert!(
            !stderr.contains(secret) && !String::from_utf8_lossy(&out.stdout).contains(secret),
            "{args:?}"
        );
    }

    // Wrong password: an authentication error, exit 3, neither password shown.
    let wrong = url.replace(secret, "WrongPassw0rdGuess");
    let r = run(&wrong, &["list"]);
    assert_clean_error(&r, 3, "cannot connect");
    assert!(!r.stderr.contains("WrongPassw0rdGuess") && !r.stderr.contains(secret), "{}", r.stderr);

    // The libpq variables work too, PGPASSWORD included.
    let out = actorctl("")
        .env_remove("ACTORCTL_DATABASE_URL")
        .env("PGHOST", "127.0.0.1")
        .env("PGPORT", port.to_string())
        .env("PGUSER", &role)
        .env("PGPASSWORD", secret)
        .env("PGDATABASE", &fleet.db_name)
        .args(["list", "-o", "json", "-vv"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("pg-alpha"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!stdout.contains(secret) && !String::from_utf8_lossy(&out.stderr).contains(secret));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_timeout_names_the_flag_that_lifts_it() {
    let fleet = small_fleet().await;
    let r = run(&fleet.url, &["list", "--statement-timeout", "1ms", "-o", "json"]);
    assert_clean_error(&r, 3, "statement timeout (1ms)");
    assert!(r.stderr.contains("--statement-timeout"), "{}", r.stderr);
    // The same fleet within a sane timeout reads fine.
    let r = run(&fleet.url, &["list", "-o", "json"]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
}
