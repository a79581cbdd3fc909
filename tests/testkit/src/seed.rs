//! A store that has grown for a long time, seeded straight in SQL: `actors`
//! instances of the actor orchestration with `executions` executions each,
//! every execution with the history rows of one real loop of a real actor
//! (copied from the store), completed long ago. The seeded actors are inert:
//! their current execution is Completed, nothing is queued for them, and no
//! CMS row points to them, so `list` and `sweep` leave them alone.

use anyhow::{Context, Result};
use tokio_postgres::Client as PgClient;

use crate::fleet::ACTOR_ORCHESTRATION;

/// History rows per seeded execution (from the template loop).
pub async fn seed_actors(
    pg: &PgClient,
    store: &str,
    prefix: &str,
    actors: u32,
    executions: u32,
) -> Result<i64> {
    let template = template_execution(pg, store).await?;
    let ids =
        format!("SELECT '{prefix}-' || lpad(i::text, 6, '0') AS id FROM generate_series(1, {actors}) i");
    pg.batch_execute(&format!(
        "INSERT INTO {store}.instances (instance_id, orchestration_name, orchestration_version,
                                       current_execution_id, created_at, updated_at)
         SELECT id, '{ACTOR_ORCHESTRATION}', '1.0.0', {executions}, now() - interval '1 day', now() - interval '1 day'
           FROM ({ids}) a;
         INSERT INTO {store}.executions (instance_id, execution_id, status, output, started_at, completed_at)
         SELECT id, x, CASE WHEN x = {executions} THEN 'Completed' ELSE 'ContinuedAsNew' END, NULL,
                now() - interval '1 day' + make_interval(secs => x * 30),
                now() - interval '1 day' + make_interval(secs => x * 30 + 1)
           FROM ({ids}) a, generate_series(1, {executions}) x;"
    ))
    .await
    .context("seed instances and executions")?;
    // One statement per slice of actors keeps each transaction bounded.
    let step = 500u32;
    let mut first = 1u32;
    while first <= actors {
        let last = (first + step - 1).min(actors);
        pg.execute(
            &format!(
                "INSERT INTO {store}.history (instance_id, execution_id, event_id, event_type, event_data, created_at)
                 SELECT '{prefix}-' || lpad(i::text, 6, '0'), x, t.event_id, t.event_type, t.event_data,
                        now() - interval '1 day' + make_interval(secs => x * 30)
                   FROM generate_series($1::int, $2::int) i, generate_series(1, {executions}) x,
                        (SELECT event_id, event_type, event_data FROM {store}.history
                          WHERE instance_id = $3 AND execution_id = $4) t"
            ),
            &[&(first as i32), &(last as i32), &template.0, &template.1],
        )
        .await
        .context("seed history")?;
        first = last + 1;
    }
    pg.batch_execute(&format!("ANALYZE {store}.instances, {store}.executions, {store}.history")).await?;
    Ok(template.2)
}

/// A finished loop of a real actor: (instance_id, execution_id, history rows).
async fn template_execution(pg: &PgClient, store: &str) -> Result<(String, i64, i64)> {
    let sql = format!(
        "SELECT e.instance_id, e.execution_id, (SELECT count(*) FROM {store}.history h
                 WHERE h.instance_id = e.instance_id AND h.execution_id = e.execution_id)
           FROM {store}.executions e JOIN {store}.instances i USING (instance_id)
          WHERE i.orchestration_name = $1 AND e.status = 'ContinuedAsNew'
          ORDER BY e.started_at DESC LIMIT 1"
    );
    let row = pg
        .query_opt(&sql, &[&ACTOR_ORCHESTRATION])
        .await?
        .context("no finished loop of a real actor to copy: start an actor and let it loop once")?;
    Ok((row.get(0), row.get(1), row.get(2)))
}
