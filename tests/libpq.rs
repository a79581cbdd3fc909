//! libpq habits against a real server: the password file and its rules,
//! PGPASSWORD, PGAPPNAME / application_name, PGSSLMODE.

mod common;

use actorctl_testkit::cluster;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

async fn fleet_with_role() -> (Fleet, String, String) {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_instance("p", "pg-p", "running", None).await.unwrap();
    let role = format!("pw_{}", &fleet.db_name[2..12]);
    fleet
        .pg
        .batch_execute(&format!("CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 'Pgp4ss:w\\rd'"))
        .await
        .unwrap();
    let url = format!("postgres://{role}@127.0.0.1:{}/{}", cluster().port, fleet.db_name);
    (fleet, role, url)
}

fn pgpass(dir: &std::path::Path, text: &str, mode: u32) -> std::path::PathBuf {
    let p = dir.join("pgpass");
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    p
}

#[tokio::test(flavor = "multi_thread")]
async fn password_file_rules() {
    let (fleet, role, url) = fleet_with_role().await;
    let port = cluster().port;
    let db = &fleet.db_name;
    let dir = tempfile::tempdir().unwrap();
    let list =
        |file: &std::path::Path| finish(actorctl(&url).env("PGPASSFILE", file).args(["list", "-o", "json"]));

    // Exact line, with the escaped ':' and '\' of the password.
    let f = pgpass(dir.path(), &format!("127.0.0.1:{port}:{db}:{role}:Pgp4ss\\:w\\\\rd\n"), 0o600);
    // (exit 1: it connected and found the instance without an actor)
    let r = list(&f);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stderr.contains("Pgp4ss"));
    // Wildcards; the first matching line wins.
    let f = pgpass(
        dir.path(),
        &format!("*:*:*:someone_else:nope\n*:{port}:*:{role}:Pgp4ss\\:w\\\\rd\n*:*:*:*:wrong\n"),
        0o600,
    );
    assert_eq!(list(&f).code, 1);
    // No matching line: authentication fails, exit 3.
    let f = pgpass(dir.path(), "*:*:*:someone_else:Pgp4ss\\:w\\\\rd\n", 0o600);
    assert_eq!(list(&f).code, 3);
    // A file others can read is ignored, with libpq's warning.
    let f = pgpass(dir.path(), &format!("*:*:*:{role}:Pgp4ss\\:w\\\\rd\n"), 0o644);
    let r = list(&f);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("has group or world access"), "{}", r.stderr);
    // PGPASSWORD comes before the file; a password in the URL before both.
    let f = pgpass(dir.path(), &format!("*:*:*:{role}:Pgp4ss\\:w\\\\rd\n"), 0o600);
    let r = finish(actorctl(&url).env("PGPASSFILE", &f).env("PGPASSWORD", "wrong-one").arg("list"));
    assert_eq!(r.code, 3);
    assert!(!r.stderr.contains("wrong-one"), "{}", r.stderr);
    let with_pw = url.replace(&format!("{role}@"), &format!("{role}:Pgp4ss%3Aw%5Crd@"));
    let r = finish(actorctl(&with_pw).env("PGPASSWORD", "wrong-one").arg("list"));
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn application_name_is_actorctl_or_pgappname() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_instance("a", "pg-a", "running", None).await.unwrap();
    for (appname, expected) in [(None, "actorctl"), (Some("night-shift"), "night-shift")] {
        // Hold a lock so that actorctl waits where we can see it.
        let locker = actorctl_testkit::cluster::connect(&fleet.url).await.unwrap();
        locker
            .batch_execute("BEGIN; LOCK TABLE toygres_cms.instances IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap();
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("actorctl"));
        cmd.args(["list", "-o", "json"]).env("ACTORCTL_DATABASE_URL", &fleet.url);
        if let Some(a) = appname {
            cmd.env("PGAPPNAME", a);
        }
        let child =
            cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        let mut seen = Vec::new();
        for _ in 0..100 {
            seen = fleet
                .pg
                .query(
                    "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                    &[],
                )
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<_, String>(0))
                .collect();
            if !seen.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        locker.batch_execute("ROLLBACK").await.unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.code().is_some());
        assert_eq!(seen, vec![expected.to_string()]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pgsslmode_applies_when_the_url_says_nothing() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    // The test cluster has no TLS: require must fail, the URL's disable wins.
    let r = finish(actorctl(&fleet.url).env("PGSSLMODE", "require").arg("list"));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let r =
        finish(actorctl(&format!("{}?sslmode=disable", fleet.url)).env("PGSSLMODE", "require").arg("list"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = finish(actorctl(&fleet.url).env("PGSSLMODE", "prefer").arg("list"));
    assert_eq!(r.code, 0, "prefer falls back to plain: {}", r.stderr);
    let r = finish(actorctl(&fleet.url).env("PGSSLMODE", "sometimes").arg("list"));
    assert_eq!(r.code, 2, "{}", r.stderr);
}
