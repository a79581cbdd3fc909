//! Contexts and precedence — flag > environment > context > default — case
//! by case, against a real database.

mod common;

use actorctl_testkit::cluster::free_port;
use common::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

async fn fleet() -> (Fleet, String) {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("c", 1).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    (fleet, names[0].clone())
}

fn config(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// actorctl with only the config file (no ACTORCTL_DATABASE_URL).
fn with_config(path: &Path) -> assert_cmd::Command {
    let mut c = actorctl("");
    c.env_remove("ACTORCTL_DATABASE_URL").env("ACTORCTL_CONFIG", path);
    c
}

#[tokio::test(flavor = "multi_thread")]
async fn schema_flag_beats_env_beats_context_beats_default() {
    let (fleet, _) = fleet().await;
    let dir = tempfile::tempdir().unwrap();
    let path = config(
        dir.path(),
        &format!(
            "current-context = \"a\"\n[contexts.a]\ndatabase-url = \"{}\"\ncms-schema = \"ctx_cms\"\n",
            fleet.url
        ),
    );
    let r = finish(with_config(&path).arg("list"));
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("ctx_cms.instances does not exist"), "context beats default: {}", r.stderr);
    let r = finish(with_config(&path).arg("list").env("ACTORCTL_CMS_SCHEMA", "env_cms"));
    assert!(r.stderr.contains("env_cms.instances"), "env beats context: {}", r.stderr);
    let r = finish(
        with_config(&path)
            .args(["list", "--cms-schema", "toygres_cms"])
            .env("ACTORCTL_CMS_SCHEMA", "env_cms"),
    );
    assert_eq!(r.code, 0, "flag beats env: {}", r.stderr);
    // Without the key, the built-in default.
    let path = config(
        dir.path(),
        &format!("current-context = \"a\"\n[contexts.a]\ndatabase-url = \"{}\"\n", fleet.url),
    );
    assert_eq!(finish(with_config(&path).arg("list")).code, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn database_and_context_selection() {
    let (fleet, _) = fleet().await;
    let port = actorctl_testkit::cluster().port;
    let bogus = format!("postgres://postgres@127.0.0.1:{}/nothing", free_port());
    let dir = tempfile::tempdir().unwrap();
    let path = config(
        dir.path(),
        &format!(
            "# my contexts\ncurrent-context = \"good\"\n\n[contexts.good]\ndatabase-url = \"{}\"\n\n\
             [contexts.bad]\ndatabase-url = \"{bogus}\"\n\n\
             [contexts.parts]\nhost = \"127.0.0.1\"\nport = {port}\nuser = \"postgres\"\ndbname = \"{}\"\nsslmode = \"disable\"\n",
            fleet.url, fleet.db_name
        ),
    );
    let list = |c: &mut assert_cmd::Command| finish(c.args(["list", "--connect-timeout", "3s"])).code;
    assert_eq!(list(&mut with_config(&path)), 0, "current context");
    assert_eq!(list(with_config(&path).args(["--context", "bad"])), 3, "--context picks another");
    assert_eq!(list(with_config(&path).env("ACTORCTL_CONTEXT", "bad")), 3, "ACTORCTL_CONTEXT too");
    assert_eq!(
        list(with_config(&path).env("ACTORCTL_CONTEXT", "bad").args(["--context", "good"])),
        0,
        "flag beats env"
    );
    assert_eq!(list(with_config(&path).args(["--context", "parts"])), 0, "libpq parts");
    assert_eq!(
        list(with_config(&path).args(["--context", "bad"]).env("ACTORCTL_DATABASE_URL", &fleet.url)),
        0,
        "env beats context"
    );
    assert_eq!(list(with_config(&path).args(["--database-url", &bogus])), 3, "flag beats context");
    let r = finish(with_config(&path).args(["--context", "nope", "list"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no context named 'nope'"), "{}", r.stderr);
    // The default location: $XDG_CONFIG_HOME/actorctl/config.toml.
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("actorctl")).unwrap();
    std::fs::copy(&path, xdg.path().join("actorctl/config.toml")).unwrap();
    let mut c = actorctl("");
    c.env_remove("ACTORCTL_DATABASE_URL").env("XDG_CONFIG_HOME", xdg.path());
    assert_eq!(list(&mut c), 0);
    // An explicit file that does not exist is an error, not an empty config.
    let r = finish(actorctl(&fleet.url).args(["--config", "/nonexistent/x.toml", "list"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn stale_after_and_backend_from_the_context() {
    let (fleet, k8s) = fleet().await;
    fleet.break_health_recording(&k8s).await.unwrap();
    fleet.age_health_checks(&k8s, 600).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = config(
        dir.path(),
        &format!(
            "current-context = \"a\"\n[contexts.a]\ndatabase-url = \"{}\"\nstale-after = \"1h\"\nbackend = \"http\"\napi-url = \"http://127.0.0.1:9/\"\n",
            fleet.url
        ),
    );
    let class = |c: &mut assert_cmd::Command, extra: &[&str]| {
        let r = finish(c.args(["list", "-o", "json"]).args(extra));
        classes(&r.json())[&k8s].clone()
    };
    assert_eq!(class(&mut with_config(&path), &[]), "healthy", "context: 1h");
    assert_eq!(
        class(with_config(&path).env("ACTORCTL_STALE_AFTER", "5m"), &[]),
        "stale",
        "env beats context"
    );
    let flag = class(with_config(&path).env("ACTORCTL_STALE_AFTER", "5m"), &["--stale-after", "1h"]);
    assert_eq!(flag, "healthy", "flag beats env");
    assert_eq!(class(&mut actorctl(&fleet.url), &[]), "stale", "default 5m");

    let r = finish(with_config(&path).args(["restart", &k8s, "--dry-run"]));
    assert!(r.stdout.contains("POST <api>/api/instances/"), "context backend http: {}", r.stdout);
    let r = finish(with_config(&path).args(["restart", &k8s, "--dry-run", "--backend", "duroxide"]));
    assert!(r.stdout.contains("claim: UPDATE"), "flag beats context: {}", r.stdout);
    let r =
        finish(with_config(&path).args(["restart", &k8s, "--dry-run"]).env("ACTORCTL_BACKEND", "duroxide"));
    assert!(r.stdout.contains("claim: UPDATE"), "env beats context: {}", r.stdout);
}

#[test]
fn config_view_get_and_use_context() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(
        dir.path(),
        "# keep me\ncurrent-context = \"prod\"\n\n[contexts.prod]\ndatabase-url = \"postgres://ops:Pr0dS3cret@cms.prod:5432/toygres\"\n\n\
         [contexts.staging]\nhost = \"cms.staging\"\nuser = \"ops\"\npassword = \"St4gingS3cret\"\nbackend = \"http\"\n",
    );
    let r = finish(with_config(&path).args(["config", "view"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("Pr0dS3cret") && !r.stdout.contains("St4gingS3cret"), "{}", r.stdout);
    assert!(
        r.stdout.contains("postgres://ops:***@cms.prod:5432/toygres")
            && r.stdout.contains("password = \"***\"")
    );
    let r = finish(with_config(&path).args(["config", "get-contexts"]));
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("CURRENT"), "{}", r.stdout);
    assert!(lines.iter().any(|l| l.starts_with('*') && l.contains("prod")), "{}", r.stdout);
    assert!(!r.stdout.contains("Pr0dS3cret"));
    let r = finish(with_config(&path).args(["config", "use-context", "staging"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("current-context = \"staging\"") && text.contains("# keep me"), "{text}");
    let r = finish(with_config(&path).args(["config", "get-contexts"]));
    assert!(r.stdout.lines().any(|l| l.starts_with('*') && l.contains("staging")), "{}", r.stdout);
    let r = finish(with_config(&path).args(["config", "use-context", "nope"]));
    assert_eq!(r.code, 2);
    let r = finish(
        with_config(&path).args(["config", "view"]).env("ACTORCTL_CONFIG", dir.path().join("bad.toml")),
    );
    assert_eq!(r.code, 2);
    std::fs::write(dir.path().join("bad.toml"), "[contexts.x]\ndatabse-url = 1\n").unwrap();
    let r = finish(with_config(&dir.path().join("bad.toml")).args(["list"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not valid") && r.stderr.contains("unknown field"), "{}", r.stderr);
}
