//! A throwaway fleet for trying actorctl by hand.
//!
//! Starts its own PostgreSQL (initdb + pg_ctl in a temp dir), creates the
//! toygres CMS schema and a duroxide store, runs a fleet of N instance actors
//! on a real duroxide runtime, breaks some in every way actorctl knows, and
//! prints the ACTORCTL_DATABASE_URL to use. Stays up until Ctrl-C, then
//! removes everything.
//!
//!     cargo run --example sandbox -- [--instances 20] [--url-file PATH]

use actorctl_testkit::sandbox::{self, Breakage};
use actorctl_testkit::{Cluster, Fleet, FleetOptions};
use std::time::Duration;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut n, mut url_file) = (20usize, None::<String>);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--instances" => {
                n = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| anyhow::anyhow!("--instances needs a number"))?
            }
            "--url-file" => url_file = args.next(),
            "-h" | "--help" => {
                println!("usage: sandbox [--instances N] [--url-file PATH]");
                return Ok(());
            }
            other => anyhow::bail!("unknown argument {other}; see --help"),
        }
    }
    let b = Breakage::default();
    let broken = b.stale + b.zombie + b.missing + b.dead + b.orphaned;
    anyhow::ensure!(n >= broken, "--instances must be at least {broken}");

    if std::env::var_os("RUST_LOG").is_none() {
        // duroxide logs every injected fault at WARN; keep the terminal readable.
        std::env::set_var("RUST_LOG", "error");
    }
    eprintln!("sandbox: starting a throwaway PostgreSQL…");
    let cluster = Cluster::start()?;
    let db = cluster.create_database().await?;
    let url = cluster.url(&db);
    let interval = Duration::from_secs(2);
    let opts = FleetOptions { interval, ..Default::default() };
    let fleet = Fleet::in_database(url.clone(), db, opts).await?;
    eprintln!("sandbox: starting {n} instance actors and breaking {broken} of them…");
    let expected = sandbox::build(&fleet, n, &b).await?;
    eprintln!(
        "sandbox: ready: {} running instances, {} orphaned actors",
        expected.classes.len(),
        expected.orphans.len()
    );
    println!("export ACTORCTL_DATABASE_URL='{url}'");
    println!("export ACTORCTL_ACTOR_INTERVAL={}s", interval.as_secs());
    if let Some(path) = url_file {
        std::fs::write(&path, &url)?;
    }
    eprintln!("sandbox: try `actorctl list`; Ctrl-C to stop and clean up");
    tokio::signal::ctrl_c().await?;
    eprintln!("sandbox: stopping");
    drop(fleet);
    cluster.stop()?;
    Ok(())
}
