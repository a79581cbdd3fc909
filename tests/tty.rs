//! On a terminal (a real pty through util-linux `script`): confirmation
//! prompts and the progress bar.

mod common;

use common::*;
use std::io::Write;
use std::process::{Command as Std, Stdio};
use std::time::Duration;

/// Run actorctl on a pty, typing `keys`; returns (exit code, everything the terminal showed).
fn on_tty(url: &str, args: &str, keys: &str) -> (i32, String) {
    on_tty_with(url, args, keys, &[])
}

fn on_tty_with(url: &str, args: &str, keys: &str, env: &[(&str, &str)]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("actorctl");
    // `exec`: no shell between the pty and actorctl. A shell that stays
    // gets the typed Ctrl-C too and may die of it first (exit 130).
    let mut child = Std::new("script")
        .args(["-qec", &format!("exec {} {args}", bin.display()), "/dev/null"])
        .envs(env.iter().copied())
        .env("ACTORCTL_DATABASE_URL", url)
        .env("XDG_CONFIG_HOME", "/nonexistent/actorctl-tests")
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux)");
    let mut stdin = child.stdin.take().unwrap();
    let keys = keys.to_string();
    let typist = std::thread::spawn(move || {
        // Let the prompt appear before typing.
        std::thread::sleep(Duration::from_secs(3));
        let _ = stdin.write_all(keys.as_bytes());
        let _ = stdin.flush();
        std::thread::sleep(Duration::from_secs(1));
    });
    let out = child.wait_with_output().unwrap();
    typist.join().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_asks_on_a_terminal() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("tty", 1).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    let k8s = &names[0];

    let (code, screen) = on_tty(&fleet.url, &format!("cancel {k8s}"), "n");
    assert!(screen.contains("unmonitored") && screen.contains("Proceed?"), "{screen}");
    assert_eq!(code, 2, "declined: {screen}");
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), Some(format!("actor-{k8s}")), "nothing changed");

    let (code, screen) = on_tty(&fleet.url, &format!("cancel {k8s}"), "y");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("done"), "{screen}");
    assert_eq!(fleet.actor_id(k8s).await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn recover_shows_the_plan_asks_and_draws_progress() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.insert_many_without_actors("bar", 12).await.unwrap();
    let (code, screen) = on_tty(&fleet.url, "recover --all --min-age 0s --rps 4", "y");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("will take 12 actions: 12 start"), "{screen}");
    assert!(screen.contains("… and 2 more"), "the first 10 rows only: {screen}");
    assert!(screen.contains("ETA") && screen.contains("acting"), "a progress bar: {screen}");
    assert!(screen.contains("12 actions: 12 done"), "{screen}");
    let counts = fleet.running_actors_by_k8s().await.unwrap();
    assert!(names.iter().all(|n| counts.get(n) == Some(&1)));
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_narrow_terminal_the_evidence_is_cut_to_fit() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    fleet.insert_many_without_actors("narrow", 3).await.unwrap();
    let (code, screen) = on_tty_with(&fleet.url, "list --color never", "", &[("COLUMNS", "70")]);
    assert_eq!(code, 1, "{screen}");
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains("narrow")).collect();
    assert_eq!(rows.len(), 3, "{screen}");
    for row in &rows {
        assert!(row.trim_end_matches('\r').chars().count() <= 70, "{row:?} is wider than 70 columns");
        assert!(row.contains('…'), "cut with an ellipsis: {row:?}");
    }
    let (_, wide) = on_tty_with(&fleet.url, "list -o wide --color never", "", &[("COLUMNS", "70")]);
    assert!(wide.contains("instance_actor_orchestration_id is NULL"), "-o wide keeps it whole: {wide}");
}

#[tokio::test(flavor = "multi_thread")]
async fn prune_asks_and_draws_progress() {
    let fleet = Fleet::new(FleetOptions::default()).await.unwrap();
    let names = fleet.add_many("tmpl", 1).await.unwrap();
    fleet.wait_recorded(&names, Duration::from_secs(60)).await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    actorctl_testkit::seed::seed_actors(&fleet.pg, fleet.store(), "seeded", 8, 10).await.unwrap();
    let args = "prune --all --keep-last 0 --batch 1 --rps 4";

    let (code, screen) = on_tty(&fleet.url, args, "n");
    assert!(screen.contains("will delete about 72 earlier executions of 8 actors"), "{screen}");
    assert!(screen.contains("Proceed?"), "{screen}");
    assert_eq!(code, 2, "declined: {screen}");
    assert_eq!(fleet.execution_counts().await.unwrap()["seeded-000001"], 10, "nothing changed");

    let (code, screen) = on_tty(&fleet.url, args, "y");
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("pruning") && screen.contains("ETA"), "a progress bar: {screen}");
    assert!(screen.contains("pruned 8 of 8 actors: 72 executions"), "{screen}");
    assert_eq!(fleet.execution_counts().await.unwrap()["seeded-000001"], 1);
}
