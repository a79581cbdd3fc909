//! Benchmark (not a test): how long `actorctl recover --all --yes` takes for
//! N missing actors with the runtime up, against a sequential loop of single
//! `actorctl start` calls on the same fleet. Run through `scripts/bench`.
//!
//!     bench_recover <path to actorctl> [N=1000]

use actorctl_testkit::{Cluster, Fleet, FleetOptions};
use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if std::env::var_os("RUST_LOG").is_none() {
        std::env::set_var("RUST_LOG", "error");
    }
    let mut args = std::env::args().skip(1);
    let bin = args.next().ok_or_else(|| anyhow::anyhow!("usage: bench_recover <actorctl> [N]"))?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(1000);

    let cluster = Cluster::start()?;
    let db = cluster.create_database().await?;
    let url = cluster.url(&db);
    // Production's loop interval: the runtime is up but mostly idle.
    let mut fleet = Fleet::in_database(
        url.clone(),
        db,
        FleetOptions { interval: Duration::from_secs(30), ..Default::default() },
    )
    .await?;
    let names = fleet.insert_many_without_actors("bench", n).await?;

    eprintln!("bench: recover --all over {n} missing actors…");
    let t = Instant::now();
    let out = Command::new(&bin)
        .args(["recover", "--all", "--yes", "--min-age", "0s", "--quiet", "-o", "json"])
        .env("ACTORCTL_DATABASE_URL", &url)
        .output()?;
    let bulk = t.elapsed();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    anyhow::ensure!(doc["summary"]["done"] == n, "recover did not finish: {}", doc["summary"]);
    check_one_each(&fleet, &names).await?;

    // The same fleet, all missing again.
    fleet.replace_store_with_empty().await?;
    fleet.pg.batch_execute("UPDATE toygres_cms.instances SET instance_actor_orchestration_id = NULL").await?;
    eprintln!("bench: {n} sequential `actorctl start` calls…");
    let t = Instant::now();
    for (i, k8s) in names.iter().enumerate() {
        let out = Command::new(&bin)
            .args(["start", k8s, "-o", "json"])
            .env("ACTORCTL_DATABASE_URL", &url)
            .output()?;
        anyhow::ensure!(out.status.success(), "start {k8s} failed: {}", String::from_utf8_lossy(&out.stderr));
        if (i + 1) % 100 == 0 {
            eprintln!("bench:   {} / {n} after {:.1}s", i + 1, t.elapsed().as_secs_f64());
        }
    }
    let sequential = t.elapsed();
    check_one_each(&fleet, &names).await?;

    println!("| workload ({n} missing actors, runtime up) | wall time | per actor |");
    println!("|---|---|---|");
    for (what, d) in
        [("`recover --all --yes` (concurrency 8)", bulk), ("sequential `start` loop (baseline)", sequential)]
    {
        println!("| {what} | {:.1} s | {:.1} ms |", d.as_secs_f64(), d.as_secs_f64() * 1000.0 / n as f64);
    }
    println!("speed-up: {:.1}x", sequential.as_secs_f64() / bulk.as_secs_f64());
    fleet.stop_runtime().await;
    cluster.stop()?;
    Ok(())
}

async fn check_one_each(fleet: &Fleet, names: &[String]) -> anyhow::Result<()> {
    let counts = fleet.running_actors_by_k8s().await?;
    let bad = names.iter().filter(|n| counts.get(*n).copied() != Some(1)).count();
    anyhow::ensure!(bad == 0, "{bad} instances do not have exactly one running actor");
    Ok(())
}
