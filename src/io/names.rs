//! Names for shell completion.

use anyhow::Result;
use tokio_postgres::Client;

use crate::core::error::BackendContext;
use crate::io::db::Sql;

/// At most 200 user names and k8s names starting with `prefix`, of
/// instances that are not deleted.
pub(crate) async fn matching(client: &Client, schema: &str, prefix: &str) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT DISTINCT n FROM {schema}.instances i, LATERAL (VALUES (i.user_name::text), (i.k8s_name::text)) v(n)
          WHERE n IS NOT NULL AND starts_with(n, $1) AND i.state::text <> 'deleted'
          ORDER BY n LIMIT 200"
    );
    let rows =
        client.rows(&sql, &[&prefix]).await.backend_context(|| format!("cannot read {schema}.instances"))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
