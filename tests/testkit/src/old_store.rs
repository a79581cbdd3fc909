//! A world on the oldest published store: the CMS fixture, and a store
//! written by the real duroxide 0.1.0 / duroxide-pg 0.1.0 (ledger 1–2),
//! through the fixture binary of `tests/fixtures/old-store` (its own crate,
//! not a workspace member), built once per test process into
//! `target/old-store`.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use tokio_postgres::Client as PgClient;

use crate::cluster::{cluster, connect};
use crate::fleet::{install_cms, FleetOptions, Shape};

pub struct OldWorld {
    pub url: String,
    pub pg: PgClient,
    pub opts: FleetOptions,
}

/// What to build: `("healthy" | "dead" | "missing", k8s_name)`.
pub type Spec<'a> = (&'a str, &'a str);

impl OldWorld {
    /// A fresh database with the CMS schema and one running instance per
    /// spec; every spec but `missing` gets a real actor in a 0.1.0 store
    /// (a `missing` instance names an actor the store never had).
    pub async fn new(specs: &[Spec<'_>]) -> Result<OldWorld> {
        let binary = fixture_binary()?;
        let c = cluster();
        let db = c.create_database().await?;
        let url = c.url(&db);
        let pg = connect(&url).await?;
        // toygres's own CMS shape: no last_health_check column.
        let opts = FleetOptions { shape: Shape::HealthCheckTableOnly, ..FleetOptions::default() };
        install_cms(&pg, &opts).await?;
        let insert = format!(
            "INSERT INTO {}.instances (user_name, k8s_name, dns_name, state, ip_connection_string,
                                       instance_actor_orchestration_id)
             VALUES ($1::text, $2::text, $1::text, 'running', $3::text, 'actor-' || $2::text)",
            opts.cms_schema
        );
        let mut args = vec![url.clone(), opts.cms_schema.clone(), opts.store_schema.clone(), "60".into()];
        for (kind, k8s) in specs {
            let user = k8s.trim_end_matches("-k8s");
            pg.execute(&insert, &[&user, k8s, &url]).await?;
            if *kind != "missing" {
                args.push(format!("{kind}:{k8s}"));
            }
        }
        let out = tokio::task::spawn_blocking(move || Command::new(binary).args(&args).output()).await??;
        if !out.status.success() || !String::from_utf8_lossy(&out.stdout).contains("ready") {
            bail!(
                "the old-store fixture failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(OldWorld { url, pg, opts })
    }
}

/// `cargo build` of the fixture crate, once per process (cargo's own lock
/// serializes concurrent test processes).
pub fn fixture_binary() -> Result<PathBuf> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .canonicalize()
                .map_err(|e| format!("the repository root: {e}"))?;
            let target = root.join("target/old-store");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            // Without the variables `cargo test` sets for its tests (some
            // crates' builds depend on them), so that this build matches
            // scripts/test's and is not redone.
            let set_by_cargo = |k: &str| {
                (k.starts_with("CARGO_") && k != "CARGO_HOME" && k != "CARGO_NET_OFFLINE")
                    || ["OUT_DIR", "LD_LIBRARY_PATH", "RUST_RECURSION_COUNT", "RUSTUP_TOOLCHAIN_SOURCE"]
                        .contains(&k)
            };
            let inherited = std::env::vars().filter(|(k, _)| !set_by_cargo(k));
            let out = Command::new(cargo)
                .args(["build", "--locked", "--quiet", "--manifest-path"])
                .arg(root.join("tests/fixtures/old-store/Cargo.toml"))
                .arg("--target-dir")
                .arg(&target)
                .env_clear()
                .envs(inherited)
                .output()
                .map_err(|e| format!("cannot run cargo: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "building the old-store fixture failed:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            Ok(target.join("debug/actorctl-old-store"))
        })
        .clone()
        .map_err(anyhow::Error::msg)
        .context("the duroxide 0.1.0 fixture")
}
