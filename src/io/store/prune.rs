//! The store's growth, read with plain SQL: executions and history rows per
//! actor, what a prune would delete, table sizes, and cheap whole-store
//! estimates for the textfile. Deleting goes through duroxide (see
//! [`super::duroxide::DuroxideBackend::prune`]), never through SQL here.

use anyhow::Result;

use super::Store;
use crate::core::error::BackendContext;
use crate::core::prune::{ActorCounts, StoreTotals, TableEstimates, TableSize};
use crate::io::db::Sql;

/// Above this many history rows (planner statistics), `prune --dry-run`
/// estimates history rows instead of counting them (a full scan) unless
/// `--exact`.
pub(crate) const EXACT_HISTORY_LIMIT: f64 = 1_000_000.0;

/// The executions a prune would delete, by duroxide-pg's own rule
/// (`prune_executions`, migration 19): not the current one, not Running,
/// outside the newest `keep` — where `keep` is the policy's ($3) or, to keep
/// every execution that completed after the cutoff ($4: its successor
/// started after it), the executions started after the cutoff plus one.
const KEEP: &str =
    "greatest($3::bigint, 1 + count(*) FILTER (WHERE e.started_at >= to_timestamp($4::bigint / 1000.0))
                                     OVER (PARTITION BY e.instance_id))";
const DOOMED: &str = "e.execution_id <> a.current_execution_id AND e.status <> 'Running'
     AND row_number() OVER (PARTITION BY e.instance_id ORDER BY e.execution_id DESC) > keep";

impl Store<'_> {
    /// The database's clock, in ms since the epoch.
    pub(crate) async fn now_ms(&self) -> Result<u64> {
        let row = self
            .client
            .row("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint", &[])
            .await
            .backend_context(|| "cannot read the store's clock".into())?;
        Ok(u64::try_from(row.get::<_, i64>(0)).unwrap_or(0))
    }

    /// Instance ids of the actor orchestration.
    pub(crate) async fn actor_ids(&self, orchestration: &str) -> Result<Vec<String>> {
        let sql = format!("SELECT instance_id FROM {}.instances WHERE orchestration_name = $1", self.schema);
        let rows = self
            .client
            .rows(&sql, &[&orchestration])
            .await
            .backend_context(|| format!("cannot read {}.instances", self.schema))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Executions (and, with `history`, history rows) of every actor of the
    /// orchestration, or of the actors `only`, and how many of them a prune
    /// keeping `duroxide_keep_last`, and whatever completed after `cutoff_ms`,
    /// would delete.
    pub(crate) async fn actor_counts(
        &self,
        orchestration: &str,
        only: Option<&[String]>,
        duroxide_keep_last: u32,
        cutoff_ms: u64,
        history: bool,
    ) -> Result<Vec<ActorCounts>> {
        let s = &self.schema;
        let sql = if history { self.counts_with_history_sql() } else { self.counts_fast_sql() };
        let only: Option<Vec<String>> = only.map(<[String]>::to_vec);
        let keep = i64::from(duroxide_keep_last);
        let cutoff = i64::try_from(cutoff_ms).unwrap_or(i64::MAX);
        let rows = self
            .client
            .rows(&sql, &[&orchestration, &only, &keep, &cutoff])
            .await
            .backend_context(|| format!("cannot count the executions in {s}"))?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok(rows
            .iter()
            .map(|r| ActorCounts {
                instance_id: r.get(0),
                executions: n(r.get(1)),
                prunable_executions: n(r.get(2)),
                history_rows: r.get::<_, Option<i64>>(3).map(n),
                prunable_history_rows: r.get::<_, Option<i64>>(4).map(n),
                keep: u32::try_from(r.get::<_, i64>(5)).unwrap_or(u32::MAX),
            })
            .collect())
    }

    /// The exact count: executions and history rows per actor, and what a
    /// prune deletes (columns: id, executions, prunable, history rows,
    /// prunable history rows, keep).
    fn counts_with_history_sql(&self) -> String {
        let s = &self.schema;
        let h_cte = format!(
            ", h AS (SELECT h.instance_id, h.execution_id, count(*) AS n
                     FROM {s}.history h JOIN a USING (instance_id) GROUP BY 1, 2)"
        );
        let h_join = "LEFT JOIN h ON h.instance_id = e.instance_id AND h.execution_id = e.execution_id";
        let h_cols = "coalesce(sum(h.n), 0)::bigint, coalesce(sum(h.n) FILTER (WHERE e.doomed), 0)::bigint";
        format!(
            "WITH a AS (SELECT instance_id, current_execution_id FROM {s}.instances
                         WHERE orchestration_name = $1 AND ($2::text[] IS NULL OR instance_id = ANY($2))),
                  k AS (SELECT e.*, a.current_execution_id, {KEEP} AS keep
                          FROM {s}.executions e JOIN a USING (instance_id)),
                  e AS (SELECT e.instance_id, e.execution_id, e.keep, ({DOOMED}) AS doomed
                          FROM k e JOIN a USING (instance_id)){h_cte}
             SELECT a.instance_id, count(e.execution_id)::bigint,
                    (count(*) FILTER (WHERE e.doomed))::bigint, {h_cols}, coalesce(max(e.keep), $3::bigint)
               FROM a LEFT JOIN e USING (instance_id) {h_join}
              GROUP BY a.instance_id"
        )
    }

    /// [`Store::actor_counts`] without history rows, in one aggregation and
    /// no sort (a window over millions of executions spills to disk): an
    /// actor's current execution is its highest, and no earlier one is
    /// Running (duroxide's invariants), so a prune deletes all but `keep`.
    fn counts_fast_sql(&self) -> String {
        let s = &self.schema;
        format!(
            "WITH a AS (SELECT instance_id FROM {s}.instances
                         WHERE orchestration_name = $1 AND ($2::text[] IS NULL OR instance_id = ANY($2))),
                  per AS (SELECT e.instance_id, count(*) AS n,
                                 greatest($3::bigint, 1 + count(*) FILTER
                                     (WHERE e.started_at >= to_timestamp($4::bigint / 1000.0))) AS keep
                            FROM {s}.executions e JOIN a USING (instance_id) GROUP BY 1)
             SELECT a.instance_id, coalesce(per.n, 0)::bigint, greatest(coalesce(per.n, 0) - coalesce(per.keep, 0), 0)::bigint,
                    NULL::bigint, NULL::bigint, coalesce(per.keep, $3::bigint)::bigint
               FROM a LEFT JOIN per USING (instance_id)"
        )
    }

    /// Executions of the orchestration started within the last hour.
    pub(crate) async fn executions_last_hour(&self, orchestration: &str) -> Result<u64> {
        let sql = format!(
            "SELECT count(*) FROM {s}.executions e JOIN {s}.instances i USING (instance_id)
              WHERE i.orchestration_name = $1 AND e.started_at > now() - interval '1 hour'",
            s = self.schema
        );
        let row = self
            .client
            .row(&sql, &[&orchestration])
            .await
            .backend_context(|| format!("cannot read {}.executions", self.schema))?;
        Ok(u64::try_from(row.get::<_, i64>(0)).unwrap_or(0))
    }

    /// On-disk size of every table of the store schema, indexes and TOAST included.
    pub(crate) async fn table_sizes(&self) -> Result<Vec<TableSize>> {
        let rows = self
            .client
            .rows(
                "SELECT c.relname::text, pg_total_relation_size(c.oid)
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
                &[&self.schema],
            )
            .await
            .backend_context(|| format!("cannot read the table sizes of {}", self.schema))?;
        Ok(rows.iter().map(|r| TableSize { table: r.get(0), bytes: r.get(1) }).collect())
    }

    /// Cheap whole-store figures: row estimates from the statistics
    /// collector, sizes from the catalog. No table is scanned.
    pub(crate) async fn totals(&self) -> Result<StoreTotals> {
        let row = self
            .client
            .row(
                "SELECT coalesce((SELECT greatest(n_live_tup, 0)::float8 FROM pg_stat_user_tables
                                    WHERE schemaname = $1 AND relname = 'executions'), 0),
                        coalesce((SELECT greatest(n_live_tup, 0)::float8 FROM pg_stat_user_tables
                                    WHERE schemaname = $1 AND relname = 'history'), 0),
                        coalesce((SELECT sum(pg_total_relation_size(c.oid))::bigint
                                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')), 0)",
                &[&self.schema],
            )
            .await
            .backend_context(|| format!("cannot read the statistics of {}", self.schema))?;
        let estimates = TableEstimates { executions: row.get(0), history_rows: row.get(1) };
        Ok(StoreTotals { estimates, bytes: row.get(2) })
    }

    /// Can this role delete executions? (duroxide's prune runs as it.)
    pub(crate) async fn can_prune(&self) -> Result<bool> {
        let row = self
            .client
            .row(
                "SELECT has_table_privilege(format('%I.history', $1::text), 'DELETE')
                    AND has_table_privilege(format('%I.executions', $1::text), 'DELETE')",
                &[&self.schema],
            )
            .await
            .backend_context(|| "cannot check the role's privileges".into())?;
        Ok(row.get(0))
    }

    /// For `list --check`: actors of the orchestration holding more than
    /// `threshold` executions, and the largest count (one index scan).
    pub(crate) async fn executions_above(&self, orchestration: &str, threshold: u64) -> Result<(u64, u64)> {
        let sql = format!(
            "SELECT count(*) FILTER (WHERE n > $2), coalesce(max(n), 0)
               FROM (SELECT e.instance_id, count(*) AS n FROM {s}.executions e
                       JOIN {s}.instances i USING (instance_id)
                      WHERE i.orchestration_name = $1 GROUP BY 1) per_actor",
            s = self.schema
        );
        let threshold = i64::try_from(threshold).unwrap_or(i64::MAX);
        let row = self
            .client
            .row(&sql, &[&orchestration, &threshold])
            .await
            .backend_context(|| format!("cannot count the executions in {}", self.schema))?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok((n(row.get(0)), n(row.get(1))))
    }
}
