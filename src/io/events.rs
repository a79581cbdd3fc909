//! Reading the audit trail (`instance_events`): only SELECTs, so the
//! read-only role can run `actorctl events`.

use anyhow::Result;
use tokio_postgres::Client;

use crate::core::error::BackendContext;
use crate::core::events::{AuditRow, EventQuery};
use crate::io::db::Sql;

/// The newest `q.limit` matching rows, oldest first; with `after`, only rows
/// with a larger id (for `--follow`), all of them, oldest first.
pub(crate) async fn read(
    client: &Client,
    schema: &str,
    q: &EventQuery,
    after: Option<i64>,
) -> Result<Vec<AuditRow>> {
    let (order, limit) = match after {
        Some(_) => ("ASC", i64::MAX),
        None => ("DESC", q.limit),
    };
    let sql = format!(
        "SELECT e.id, e.created_at, i.k8s_name::text, coalesce(i.user_name::text, i.k8s_name::text),
                e.event_type::text, e.old_state::text, e.new_state::text, e.message, e.metadata
           FROM {schema}.instance_events e LEFT JOIN {schema}.instances i ON i.id = e.instance_id
          WHERE e.created_at > now() - make_interval(secs => $1::float8)
            AND (cardinality($2::text[]) = 0 AND e.event_type LIKE 'actor%' OR e.event_type = ANY($2))
            AND ($3::text IS NULL OR e.metadata->>'run_id' = $3)
            AND (cardinality($4::text[]) = 0 OR i.k8s_name = ANY($4))
            AND e.id > $5
          ORDER BY e.id {order} LIMIT $6"
    );
    let since = q.since.as_secs_f64();
    let rows = client
        .rows(&sql, &[&since, &q.types, &q.run, &q.k8s_names, &after.unwrap_or(0), &limit])
        .await
        .backend_context(|| format!("cannot read {schema}.instance_events"))?;
    let mut out: Vec<AuditRow> = rows
        .iter()
        .map(|r| AuditRow {
            id: r.get(0),
            at: r.get(1),
            k8s_name: r.get(2),
            name: r.get(3),
            event_type: r.get(4),
            old_state: r.get(5),
            new_state: r.get(6),
            message: r.get(7),
            metadata: r.get(8),
        })
        .collect();
    if after.is_none() {
        out.reverse();
    }
    Ok(out)
}
