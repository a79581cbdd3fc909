//! What `doctor` measures on a connection: the server, TLS, round trip,
//! clock, a pooler in front, and the SELECTs listing needs.

use anyhow::Result;
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use tokio_postgres::config::Host;
use tokio_postgres::Client;

use crate::core::error::BackendContext;
use crate::io::db::Sql;
use crate::settings::connection::Target;

/// One server, as seen over one connection.
#[derive(Debug, Clone)]
pub(crate) struct Probe {
    pub(crate) server_version: String,
    pub(crate) tls: bool,
    pub(crate) round_trip_ms: f64,
    /// The server's clock minus this host's, in ms.
    pub(crate) skew_ms: i64,
    /// `SHOW pool_mode` answered: a pooler that says its mode.
    pub(crate) pool_mode: Option<String>,
    /// The server's own port differs from the one connected to (TCP only).
    pub(crate) proxied: Option<bool>,
}

fn epoch_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

pub(crate) async fn probe(client: &Client, target: &Target) -> Result<Probe> {
    let (local_before, started) = (epoch_ms(), Instant::now());
    let row = client
        .row(
            "SELECT current_setting('server_version'),
                    coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false),
                    (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
                    inet_server_port()",
            &[],
        )
        .await
        .backend_context(|| format!("cannot probe {target}"))?;
    let round_trip = started.elapsed();
    let server_ms: i64 = row.get(2);
    let skew_ms = server_ms - (local_before + round_trip.as_millis() as i64 / 2);
    let server_port: Option<i32> = row.get(3);
    let connected = match target.pg_config().get_hosts().first() {
        Some(Host::Tcp(_)) => Some(target.pg_config().get_ports().first().copied().unwrap_or(5432)),
        _ => None,
    };
    let proxied = match (connected, server_port) {
        (Some(c), Some(s)) => Some(i32::from(c) != s),
        _ => None,
    };
    // Plain PostgreSQL has no such parameter; a pooler that knows it answers.
    let pool_mode = match client.simple_query("SHOW pool_mode").await {
        Ok(msgs) => msgs.iter().find_map(|m| match m {
            tokio_postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
            _ => None,
        }),
        Err(_) => None,
    };
    Ok(Probe {
        server_version: row.get(0),
        tls: row.get(1),
        round_trip_ms: round_trip.as_secs_f64() * 1000.0,
        skew_ms,
        pool_mode,
        proxied,
    })
}

/// Tables listing reads that this role may not SELECT (absent tables are
/// not counted here: the shape and ledger checks report them).
pub(crate) async fn missing_read_privileges(
    client: &Client,
    schema: &str,
    tables: &[&str],
) -> Result<Vec<String>> {
    let names: Vec<String> = tables.iter().map(|t| t.to_string()).collect();
    let rows = client
        .rows(
            "SELECT t FROM unnest($2::text[]) t
              WHERE to_regclass(format('%I.%I', $1::text, t)) IS NOT NULL
                AND NOT has_table_privilege(format('%I.%I', $1::text, t), 'SELECT')",
            &[&schema, &names],
        )
        .await
        .backend_context(|| "cannot check the role's privileges".into())?;
    Ok(rows.iter().map(|r| format!("SELECT on {schema}.{}", r.get::<_, String>(0))).collect())
}
