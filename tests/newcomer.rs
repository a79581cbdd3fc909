//! What a newcomer trips on (issue 13): hostile text in the CMS never
//! reaches the terminal raw, usage errors keep clap's detail, and the first
//! five minutes say what to do.

mod common;

use actorctl_testkit::cluster::cluster;
use common::*;

/// Names other software could write into the CMS.
const HOSTILE: [(&str, &str); 5] = [
    ("\u{3000}ideographic", "pg-h1"),
    ("clear\u{1b}[2Jscreen\u{7}", "pg-h2"),
    ("forged\ndb0000 healthy Running", "pg-h3"),
    ("title\u{1b}]0;pwned\u{7}\rcr", "pg-h4"),
    ("bidi\u{202e}txt.exe", "pg-h5"),
];

/// No control byte but the newlines ending lines, and no C1 or bidi control.
fn assert_terminal_safe(what: &str, out: &str) {
    assert!(out.bytes().all(|b| b >= 0x20 || b == b'\n') && !out.contains('\u{7f}'), "{what}: {out:?}");
    assert!(!out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{202e}'), "{what}: {out:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_are_escaped_everywhere_but_json() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    for (user, k8s) in HOSTILE {
        fleet.insert_instance(user, k8s, "running", None).await.unwrap();
    }
    fleet.insert_instance("plain", "pg-plain", "running", Some("actor-\u{1b}[31mred")).await.unwrap();
    let rows = HOSTILE.len() + 1;
    for args in [
        vec!["list"],
        vec!["list", "-o", "wide"],
        vec!["list", "--no-headers", "--missing"],
        vec!["list", "-o", "jsonl"],
    ] {
        let r = run(&fleet.url, &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_terminal_safe(&format!("{args:?}"), &r.stdout);
        assert_terminal_safe(&format!("{args:?} stderr"), &r.stderr);
        let header = usize::from(args.len() == 1 || args[2] == "wide");
        assert_eq!(r.stdout.lines().count(), rows + header, "one line per row: {args:?}\n{}", r.stdout);
        assert!(!r.stdout.contains("\ndb0000"), "no forged row: {}", r.stdout);
    }
    assert!(run(&fleet.url, &["list"]).stdout.contains("clear\\e[2Jscreen"), "escaped, still readable");
    // JSON keeps the exact text.
    let doc = run(&fleet.url, &["list", "-o", "json"]).json();
    let names: Vec<&str> =
        doc["actors"].as_array().unwrap().iter().filter_map(|a| a["name"].as_str()).collect();
    for (user, _) in HOSTILE {
        assert!(names.contains(&user), "{user:?} exact in JSON: {names:?}");
    }
    assert_terminal_safe("json", &run(&fleet.url, &["list", "-o", "json"]).stdout);
    for (args, what) in [
        (vec!["show", "pg-h2"], "show"),
        (vec!["show", "pg-plain"], "show actor"),
        (vec!["recover", "--all", "--dry-run", "--min-age", "0s"], "recover dry run"),
        (vec!["start", "pg-h4", "--dry-run"], "start dry run"),
    ] {
        let r = run(&fleet.url, &args);
        assert!(r.code == 0 || r.code == 1, "{what}: {}", r.stderr);
        assert_terminal_safe(what, &r.stdout);
        assert_terminal_safe(what, &r.stderr);
    }
}

#[test]
fn usage_errors_keep_clap_detail_and_exit_2() {
    let url = cluster().url("postgres");
    let r = run(&url, &["show"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("<NAME>") && r.stderr.contains("Usage: actorctl show"), "{}", r.stderr);
    let r = run(&url, &["lsit"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("similar subcommand") && r.stderr.contains("'list'"), "{}", r.stderr);
    let r = run(&url, &["list", "-o", "yaml"]);
    assert!(r.stderr.contains("possible values: table, wide, json, jsonl"), "{}", r.stderr);
    let r = run(&url, &["recover", "--all", "--rps", "-1"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a positive number"), "{}", r.stderr);
    let r = run(&url, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Commands:") && r.stderr.contains("no command given"), "{}", r.stderr);
    assert!(!r.stderr.starts_with("actorctl: error: Find and repair"), "{}", r.stderr);
    // The URL in the environment never shows in a usage line.
    let r = run(&url, &["completions"]);
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("--database-url"), "{}", r.stderr);
    // The command's own options first, then the connection and global ones.
    let help = run(&url, &["list", "--help"]).stdout;
    let (own, conn, global) = (
        help.find("--unhealthy").unwrap(),
        help.find("\nConnection:").unwrap(),
        help.find("\nGlobal options:").unwrap(),
    );
    assert!(own < conn && conn < global, "{help}");
    assert!(
        help[conn..global].contains("--database-url") && !help[..conn].contains("--database-url"),
        "{help}"
    );
    // `sweep --yes` is accepted (it never prompts).
    let r = run(&url, &["sweep", "--yes", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn no_database_configured_names_the_three_ways() {
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("actorctl")
        .unwrap()
        .env_clear()
        .env("HOME", dir.path())
        .env("PATH", std::env::var("PATH").unwrap())
        .args(["list", "--connect-timeout", "2s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    for needle in ["ACTORCTL_DATABASE_URL", "--context", "config.toml"] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_names_get_the_closest_suggestions() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    for (user, k8s) in
        [("toygres-db-09", "toygres-db-09-a1b2c3d4"), ("toygres-db-10", "toygres-db-10-e5f6a7b8")]
    {
        fleet.insert_instance(user, k8s, "running", None).await.unwrap();
    }
    let r = run(&fleet.url, &["show", "toygres-db-9"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean") && r.stderr.contains("toygres-db-09"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn config_view_without_a_file_says_where_and_keeps_comments() {
    let dir = tempfile::tempdir().unwrap();
    let r = finish(
        actorctl("postgres://x@127.0.0.1:1/x").env("XDG_CONFIG_HOME", dir.path()).args(["config", "view"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty() && r.stderr.contains("no config file at"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&dir.path().join("actorctl/config.toml").display().to_string()),
        "{}",
        r.stderr
    );
    let path = dir.path().join("actorctl/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "# ops contexts\n[contexts.b]\npassword = \"S3cretB\" # keep\n\n[contexts.a]\ndatabase-url = \"postgres://u:S3cretA@h/db\"\n";
    std::fs::write(&path, text).unwrap();
    let r = finish(
        actorctl("postgres://x@127.0.0.1:1/x").env("XDG_CONFIG_HOME", dir.path()).args(["config", "view"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("S3cret"), "{}", r.stdout);
    assert!(
        r.stdout.contains("# ops contexts") && r.stdout.contains("# keep"),
        "comments kept: {}",
        r.stdout
    );
    assert!(r.stdout.find("[contexts.b]") < r.stdout.find("[contexts.a]"), "order kept: {}", r.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_pipe_keeps_the_verdict() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("gap", 50).await.unwrap();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = actorctl_std(&fleet.url).args(["list", "-o", "wide"]).stdout(writer).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
