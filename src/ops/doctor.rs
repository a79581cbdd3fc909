//! `doctor`: run every check, in order, never stopping at the first
//! failure; a check that cannot run because an earlier one failed is left
//! out (the failure says why).

use std::time::Instant;
use tokio_postgres::Client;

use crate::core::classify::classify;
use crate::core::doctor::{self, Check, HOST_SKEW_WARN, SERVER_SKEW_WARN};
use crate::core::error::scrub;
use crate::core::model::BackendKind;
use crate::core::timefmt::compact;
use crate::io::cms::{Cms, Shape};
use crate::io::db::Connect;
use crate::io::doctor::{missing_read_privileges, probe, Probe};
use crate::io::store::Store;
use crate::ops::session::read_fleet;
use crate::settings::connection::Target;
use crate::settings::{ApiSettings, DoctorJob, Settings};

const CMS_TABLES: &[&str] = &["instances", "instance_health_checks", "instance_events"];
const STORE_TABLES: &[&str] = &[
    "instances",
    "executions",
    "history",
    "orchestrator_queue",
    "worker_queue",
    "instance_locks",
    "_duroxide_migrations",
];

pub(crate) async fn run(s: &Settings, job: &DoctorJob) -> Vec<Check> {
    let mut checks = Vec::new();
    let err = |e: anyhow::Error| scrub(format!("{e:#}"), &s.secrets());
    let Some((cms_client, cms_probe)) = connect(&mut checks, "cms", &s.cms, s).await else {
        return checks;
    };
    let separate = !s.store.same_database(&s.cms);
    let store_conn = if separate { connect(&mut checks, "store", &s.store, s).await } else { None };
    if !separate {
        checks.push(Check::ok("store connection", "the CMS database (one connection)"));
    }
    if let Some((_, p)) = &store_conn {
        let skew = p.skew_ms - cms_probe.skew_ms;
        checks.push(doctor::clock("clock cms↔store", skew, SERVER_SKEW_WARN, s.stale_after));
    }
    let store_client = match (&store_conn, separate) {
        (Some((c, _)), _) => c,
        (None, false) => &cms_client,
        (None, true) => return checks,
    };
    let cms = match Cms::open(&cms_client, &s.cms_schema, &s.cms).await {
        Ok(cms) => {
            checks.push(Check::ok("cms shape", shape_text(&s.cms_schema, cms.shape)));
            Some(cms)
        }
        Err(e) => {
            checks.push(Check::fail("cms shape", err(e), "is --cms-schema (or --database-url) right?"));
            None
        }
    };
    let store = match Store::open(store_client, &s.store_schema, &s.store).await {
        Ok(store) => {
            let http = job.backend.kind == BackendKind::Http;
            checks.push(doctor::ledger(&store.ledger.describe(), http || store.ledger.actionable()));
            Some(store)
        }
        Err(e) => {
            checks.push(Check::fail(
                "store ledger",
                err(e),
                "is --duroxide-schema (or --duroxide-url) right?",
            ));
            None
        }
    };
    checks.push(privileges(s, job, &cms_client, store_client, cms.as_ref(), store.as_ref()).await);
    if job.backend.kind == BackendKind::Http {
        checks.push(match ApiSettings::resolve(&job.backend) {
            Ok(api) => Check::ok("http backend", format!("{}, token from {}", api.url, api.token_source)),
            Err(e) => Check::fail("http backend", err(e), "set --api-url and ACTORCTL_API_TOKEN"),
        });
    }
    if let (Some(cms), Some(store)) = (&cms, &store) {
        checks.push(match workers(s, cms, store).await {
            Ok(c) => c,
            Err(e) => Check::fail("workers", err(e), "the fleet cannot be read"),
        });
    }
    checks
}

/// Connect, probe, and report the connection, its clock and its pooler.
async fn connect(checks: &mut Vec<Check>, what: &str, t: &Target, s: &Settings) -> Option<(Client, Probe)> {
    let started = Instant::now();
    let name = format!("{what} connection");
    let fail = |e: anyhow::Error| {
        let hint = "check the URL, the password (~/.pgpass, PGPASSWORD) and that the server is up";
        Check::fail(&name, scrub(format!("{e:#}"), &s.secrets()), hint)
    };
    let client = match t.connect(s.statement_timeout).await {
        Ok(c) => c,
        Err(e) => {
            checks.push(fail(e));
            return None;
        }
    };
    let connect_ms = started.elapsed().as_millis();
    let p = match probe(&client, t).await {
        Ok(p) => p,
        Err(e) => {
            checks.push(fail(e));
            return None;
        }
    };
    let detail = format!(
        "PostgreSQL {} at {t}: connect {connect_ms} ms, round trip {:.1} ms, TLS {}",
        p.server_version,
        p.round_trip_ms,
        if p.tls { "on" } else { "off" }
    );
    checks.push(if p.round_trip_ms > 500.0 {
        Check::warn(&name, detail, "a slow link: every query pays it (and --statement-timeout counts it)")
    } else {
        Check::ok(&name, detail)
    });
    checks.push(doctor::clock(&format!("clock {what}↔host"), p.skew_ms, HOST_SKEW_WARN, s.stale_after));
    checks.push(doctor::pooler(&format!("{what} pooler"), p.pool_mode.as_deref(), p.proxied));
    Some((client, p))
}

fn shape_text(schema: &str, shape: Shape) -> String {
    match shape {
        Shape::LastHealthCheckColumn => format!("{schema}: instances.last_health_check (newer deployments)"),
        Shape::HealthCheckTable => {
            format!("{schema}: health from instance_health_checks (toygres as published)")
        }
    }
}

async fn privileges(
    s: &Settings,
    job: &DoctorJob,
    cms_client: &Client,
    store_client: &Client,
    cms: Option<&Cms<'_>>,
    store: Option<&Store<'_>>,
) -> Check {
    let result = async {
        let mut read = missing_read_privileges(cms_client, &s.cms_schema, CMS_TABLES).await?;
        read.extend(missing_read_privileges(store_client, &s.store_schema, STORE_TABLES).await?);
        let mut write = Vec::new();
        if job.backend.kind == BackendKind::Duroxide {
            if let Some(cms) = cms {
                write.extend(cms.missing_write_privileges().await?);
            }
            if let Some(store) = store {
                write.extend(store.missing_write_privileges().await?);
            }
        }
        anyhow::Ok(doctor::privileges(&read, &write))
    };
    result.await.unwrap_or_else(|e| Check::fail("privileges", scrub(format!("{e:#}"), &s.secrets()), "-"))
}

/// The fleet read once: are the workers taking the store's work?
async fn workers(s: &Settings, cms: &Cms<'_>, store: &Store<'_>) -> anyhow::Result<Check> {
    let facts = read_fleet(cms, store, s).await?;
    let (now, oldest, locks) = (facts.now, facts.store.oldest_overdue, facts.store.live_locks);
    let report = classify(&facts, s.stale_after);
    let overdue = match oldest {
        Some(t) => format!("oldest overdue item {} old", compact((now - t).num_seconds().max(0) as u64)),
        None => "nothing overdue".to_string(),
    };
    let detail = format!("{overdue}, {locks} live locks, {} actors read", report.rows.len());
    Ok(match report.diagnosis.message {
        Some(msg) => {
            Check::warn("workers", format!("{detail}: {msg}"), "restart the control plane's workers first")
        }
        None => Check::ok("workers", detail),
    })
}
