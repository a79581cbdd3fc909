//! Benchmark (not a test): `actorctl prune --all --yes` on a store that has
//! grown for a long time — ACTORS seeded actors × EXECUTIONS executions,
//! straight in SQL, each execution with the history rows of one real loop —
//! while a live runtime keeps 20 real actors looping every second. Reports
//! executions and history rows deleted per second, the dry run's cost and
//! estimate, the store's size before and after (and after VACUUM), and the
//! live actors' loop latency before and during the prune. Run through
//! `scripts/bench prune`.
//!
//!     bench_prune <path to actorctl> [ACTORS=10000] [EXECUTIONS=200]

use actorctl_testkit::seed::seed_actors;
use actorctl_testkit::{Cluster, Fleet, FleetOptions, ACTOR_ORCHESTRATION};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

const LIVE: usize = 20;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    if std::env::var_os("RUST_LOG").is_none() {
        std::env::set_var("RUST_LOG", "error");
    }
    let mut args = std::env::args().skip(1);
    let bin =
        args.next().ok_or_else(|| anyhow::anyhow!("usage: bench_prune <actorctl> [ACTORS] [EXECUTIONS]"))?;
    let actors: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(10_000);
    let executions: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(200);

    let cluster = Cluster::start()?;
    let db = cluster.create_database().await?;
    let url = cluster.url(&db);
    let mut fleet = Fleet::in_database(url.clone(), db, FleetOptions::default()).await?;
    let live = fleet.add_many("live", LIVE).await?;
    fleet.wait_recorded(&live, Duration::from_secs(60)).await?;
    tokio::time::sleep(Duration::from_secs(3)).await;

    eprintln!("bench: seeding {actors} actors × {executions} executions…");
    let t = Instant::now();
    let per_execution = seed_actors(&fleet.pg, fleet.store(), "seeded", actors, executions).await?;
    let seeding = t.elapsed();
    let before = store_bytes(&fleet).await?;
    eprintln!(
        "bench: seeded in {:.0}s ({per_execution} history rows per execution), {}",
        seeding.as_secs_f64(),
        gib(before)
    );

    let quiet_from = fleet.db_now().await?;
    tokio::time::sleep(Duration::from_secs(10)).await;
    let quiet_to = fleet.db_now().await?;

    let t = Instant::now();
    let dry = actorctl(&bin, &url, &["prune", "--dry-run", "--all", "-o", "json"])?;
    let dry_time = t.elapsed();
    let would = dry["store"]["would_delete"].clone();

    let table =
        Command::new(&bin).args(["prune", "--dry-run"]).env("ACTORCTL_DATABASE_URL", &url).output()?;
    let dry_table = String::from_utf8_lossy(&table.stdout).into_owned();

    eprintln!("bench: pruning…");
    let from = fleet.db_now().await?;
    let report = actorctl(&bin, &url, &["prune", "--all", "--yes", "--quiet", "-o", "json"])?;
    let to = fleet.db_now().await?;
    let p = &report["prune"];
    let after = store_bytes(&fleet).await?;
    fleet.pg.batch_execute(&format!("VACUUM {s}.executions, {s}.history", s = fleet.store())).await?;
    let vacuumed = store_bytes(&fleet).await?;
    let quiet = loop_gaps(&fleet, quiet_from, quiet_to).await?;
    let during = loop_gaps(&fleet, from, to).await?;
    fleet.wait_recorded(&live, Duration::from_secs(30)).await?;

    println!("| prune of {actors} actors × {executions} executions ({per_execution} history rows each), {LIVE} live actors looping every 1 s | |");
    println!("|---|---|");
    println!("| seeding (SQL) | {:.0} s |", seeding.as_secs_f64());
    println!(
        "| `prune --dry-run` | {:.1} s; would delete {} executions, {} history rows ({}) |",
        dry_time.as_secs_f64(),
        would["executions"],
        would["history_rows"],
        if would["history_rows_exact"] == true { "exact" } else { "estimate" }
    );
    println!(
        "| `prune --all --yes` (keep 10, older than 1h, batch 500) | {:.1} s: {} actors, {} executions, {} history rows |",
        p["elapsed_seconds"].as_f64().unwrap_or(0.0),
        p["actors_processed"],
        p["executions_deleted"],
        p["history_rows_deleted"]
    );
    println!(
        "| rate | {:.0} executions/s, {:.0} history rows/s |",
        p["executions_per_second"].as_f64().unwrap_or(0.0),
        p["history_rows_per_second"].as_f64().unwrap_or(0.0)
    );
    println!(
        "| store size before / after / after VACUUM | {} / {} / {} |",
        gib(before),
        gib(after),
        gib(vacuumed)
    );
    println!("| live loop interval (1 s timer + turn), quiet: p50 / p99 / max | {} |", fmt_gaps(&quiet));
    println!("| live loop interval during the prune: p50 / p99 / max | {} |", fmt_gaps(&during));
    println!("\n```\n$ actorctl prune --dry-run\n{dry_table}```");
    fleet.stop_runtime().await;
    cluster.stop()?;
    Ok(())
}

fn actorctl(bin: &str, url: &str, args: &[&str]) -> anyhow::Result<serde_json::Value> {
    let out = Command::new(bin).args(args).env("ACTORCTL_DATABASE_URL", url).output()?;
    anyhow::ensure!(
        out.status.success(),
        "actorctl {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(serde_json::from_slice(&out.stdout)?)
}

async fn store_bytes(fleet: &Fleet) -> anyhow::Result<i64> {
    let row = fleet
        .pg
        .query_one(
            "SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
            &[&fleet.store()],
        )
        .await?;
    Ok(row.get(0))
}

/// Seconds between consecutive loops of the live actors, for the loops
/// that started in [from, to].
async fn loop_gaps(fleet: &Fleet, from: SystemTime, to: SystemTime) -> anyhow::Result<Vec<f64>> {
    let sql = format!(
        "SELECT g FROM (
           SELECT extract(epoch FROM e.started_at - lag(e.started_at)
                    OVER (PARTITION BY e.instance_id ORDER BY e.execution_id))::float8 AS g
             FROM {s}.executions e JOIN {s}.instances i USING (instance_id)
            WHERE i.orchestration_name = $1 AND i.instance_id LIKE 'actor-live-%'
              AND e.started_at BETWEEN $2 AND $3) x
          WHERE g IS NOT NULL",
        s = fleet.store()
    );
    let rows = fleet.pg.query(&sql, &[&ACTOR_ORCHESTRATION, &from, &to]).await?;
    let mut gaps: Vec<f64> = rows.iter().map(|r| r.get(0)).collect();
    gaps.sort_by(f64::total_cmp);
    Ok(gaps)
}

fn fmt_gaps(g: &[f64]) -> String {
    if g.is_empty() {
        return "no loops".into();
    }
    let q = |p: f64| g[((p * g.len() as f64).ceil() as usize).clamp(1, g.len()) - 1];
    format!("{:.2} s / {:.2} s / {:.2} s ({} loops)", q(0.5), q(0.99), g[g.len() - 1], g.len())
}

fn gib(bytes: i64) -> String {
    format!("{:.2} GiB", bytes as f64 / (1u64 << 30) as f64)
}
