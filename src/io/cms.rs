//! The CMS database: the few queries actorctl needs, nothing else.

use anyhow::Result;
use chrono::{DateTime, Utc};

use tokio_postgres::{Client, Row};
use uuid::Uuid;

use crate::core::classify::{pick_named, CmsInstance, Pick};
use crate::core::error::{backend, usage, BackendContext};
use crate::core::journal::{parse_action, Dangling};
use crate::core::model::{AuditEntry, Name};
use crate::core::records::{Event, HealthCheck};
use crate::io::db::Sql;

/// The two shapes of deployment: newer ones keep `last_health_check` on the
/// instance row, older ones only in `instance_health_checks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    LastHealthCheckColumn,
    HealthCheckTable,
}

/// How many instances a read selects, which decides how their events are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Fleet,
    Few,
}

/// What an instance's `instance_events` say, over the actor and lifecycle
/// events of [`Cms::select_instances`]: quarantined (the newer of
/// `actor_quarantined` / `_cleared`); restarts, the claims of starts and
/// restarts (and outcome rows where no journal exists, written before it or
/// by the control plane) within the window (`__WINDOW__` seconds) and since
/// the last clearing, so that a crash cannot hide a restart from the budget;
/// held (the newest of hold, lift, start, restart); and since when the
/// instance has been creating or deleting.
const EVENT_FACTS: &str = "
    (array_agg(e.event_type = 'actor_quarantined' ORDER BY e.created_at DESC, e.id DESC)
        FILTER (WHERE e.event_type IN ('actor_quarantined', 'actor_quarantine_cleared')))[1] AS quarantined,
    count(*) FILTER (WHERE ((e.event_type = 'actor_action_claimed' AND e.metadata->>'action' IN ('start', 'restart'))
                            OR (e.event_type IN ('actor_started', 'actor_restarted') AND NOT e.metadata ? 'run_id'))
                       AND e.created_at > now() - interval '__WINDOW__ seconds'
                       AND e.created_at > coalesce(e.cleared, '-infinity')) AS restarts,
    (array_agg(e.event_type = 'actor_held' ORDER BY e.id DESC)
        FILTER (WHERE e.event_type IN ('actor_held', 'actor_hold_lifted', 'actor_started', 'actor_restarted')))[1] AS held,
    max(e.created_at) FILTER (WHERE e.event_type = 'state_change' AND e.new_state = 'creating') AS creating_since,
    max(e.created_at) FILTER (WHERE e.event_type = 'state_change' AND e.new_state = 'deleting') AS deleting_since";

pub(crate) struct Cms<'a> {
    client: &'a Client,
    schema: String,
    pub(crate) shape: Shape,
    /// `instance_health_checks` exists (toygres always has it).
    checks_table: bool,
    /// Restarts and starts within this window count toward the crash-loop
    /// budget (`recent_restarts`).
    pub(crate) restart_window: std::time::Duration,
}

impl<'a> Cms<'a> {
    /// Detect the shape of the CMS schema; a missing schema is exit 3.
    pub(crate) async fn open(
        client: &'a Client,
        schema: &str,
        target: &dyn std::fmt::Display,
    ) -> Result<Cms<'a>> {
        let row = client
            .row(
                "SELECT to_regclass(format('%I.instances', $1::text)) IS NOT NULL,
                        EXISTS (SELECT 1 FROM information_schema.columns
                                 WHERE table_schema = $1 AND table_name = 'instances'
                                   AND column_name = 'last_health_check'),
                        to_regclass(format('%I.instance_health_checks', $1::text)) IS NOT NULL",
                &[&schema],
            )
            .await
            .backend_context(|| format!("cannot read the CMS catalog on {target}"))?;
        let (instances, column, checks): (bool, bool, bool) = (row.get(0), row.get(1), row.get(2));
        if !instances {
            return Err(backend(format!(
                "no CMS schema here: table {schema}.instances does not exist on {target} \
                 (wrong database, or is --cms-schema right?)"
            )));
        }
        let shape = match (column, checks) {
            (true, _) => Shape::LastHealthCheckColumn,
            (false, true) => Shape::HealthCheckTable,
            (false, false) => {
                return Err(backend(format!(
                    "the CMS schema {schema} has neither instances.last_health_check nor \
                     instance_health_checks; actorctl cannot tell when health was last recorded"
                )))
            }
        };
        Ok(Cms {
            client,
            schema: schema.to_string(),
            shape,
            checks_table: checks,
            restart_window: std::time::Duration::from_secs(3600),
        })
    }

    /// The instances the filter selects, with what their `instance_events`
    /// say. `Reach::Fleet` reads the few actor and lifecycle events of every
    /// instance in one pass and joins them by hash; `Reach::Few` reads each
    /// selected instance's events through the index. Both compute the same
    /// aggregates (see [`EVENT_FACTS`]): four correlated subqueries per
    /// instance cost 0.5–0.8 s at 100k instances, the hash join 0.08 s.
    fn select_instances(&self, reach: Reach, filter: &str) -> String {
        let s = &self.schema;
        let lhc = match self.shape {
            Shape::LastHealthCheckColumn => "i.last_health_check".to_string(),
            Shape::HealthCheckTable => format!(
                "(SELECT max(h.checked_at) FROM {s}.instance_health_checks h WHERE h.instance_id = i.id)"
            ),
        };
        let facts = EVENT_FACTS.replace("__WINDOW__", &self.restart_window.as_secs().to_string());
        let events = |on: &str| {
            format!(
                "FROM (SELECT e.instance_id, e.id, e.event_type, e.metadata, e.created_at, e.new_state,
                              max(e.created_at) FILTER (WHERE e.event_type = 'actor_quarantine_cleared')
                                  OVER (PARTITION BY e.instance_id) AS cleared
                         FROM {s}.instance_events e
                        WHERE {on} (e.event_type LIKE 'actor%'
                               OR (e.event_type = 'state_change' AND e.new_state IN ('creating', 'deleting')))) e"
            )
        };
        let join = match reach {
            Reach::Fleet => format!(
                "LEFT JOIN (SELECT e.instance_id, {facts} {} GROUP BY e.instance_id) ev ON ev.instance_id = i.id",
                events("")
            ),
            Reach::Few => format!("LEFT JOIN LATERAL (SELECT {facts} {}) ev ON true", events("e.instance_id = i.id AND")),
        };
        format!(
            "SELECT i.id, coalesce(i.user_name::text, i.k8s_name::text), i.k8s_name::text, coalesce(i.namespace::text, ''),
                    i.state::text, i.health_status::text, i.instance_actor_orchestration_id::text,
                    {lhc}, i.created_at, now(),
                    coalesce(ev.quarantined, false), coalesce(ev.restarts, 0), coalesce(ev.held, false),
                    i.dns_name::text,
                    CASE i.state::text WHEN 'creating' THEN coalesce(ev.creating_since, i.created_at)
                                       WHEN 'deleting' THEN coalesce(ev.deleting_since, i.created_at) END
               FROM {s}.instances i {join} {filter}"
        )
    }

    /// Every instance (all states: orphans are judged against deleted ones
    /// too), and the database's clock; streamed, one row at a time.
    pub(crate) async fn instances(&self) -> Result<(DateTime<Utc>, Vec<CmsInstance>)> {
        self.instances_where(Reach::Fleet, "", &[]).await
    }

    /// The instances with these k8s_names (the unique index), and the clock.
    pub(crate) async fn instances_named(
        &self,
        k8s_names: &[String],
    ) -> Result<(DateTime<Utc>, Vec<CmsInstance>)> {
        self.instances_where(Reach::Few, "WHERE i.k8s_name = ANY($1)", &[&k8s_names]).await
    }

    /// The instances whose row names one of these actors (no index: only
    /// asked about the rare actor that may be an orphan).
    pub(crate) async fn instances_pointing_at(&self, actor_ids: &[String]) -> Result<Vec<CmsInstance>> {
        if actor_ids.is_empty() {
            return Ok(Vec::new());
        }
        let filter = "WHERE i.instance_actor_orchestration_id = ANY($1)";
        Ok(self.instances_where(Reach::Few, filter, &[&actor_ids]).await?.1)
    }

    /// The instances the filter selects, streamed in one row at a time, and
    /// the database's clock.
    async fn instances_where(
        &self,
        reach: Reach,
        filter: &str,
        params: crate::io::db::Params<'_>,
    ) -> Result<(DateTime<Utc>, Vec<CmsInstance>)> {
        let (mut now, mut out) = (None, Vec::new());
        self.client
            .each(&self.select_instances(reach, filter), params, |r| {
                now = now.or(r.get(9));
                out.push(instance_from_row(&r).1);
                Ok(())
            })
            .await
            .backend_context(|| format!("cannot read {}.instances", self.schema))?;
        let now = match now {
            Some(now) => now,
            None => self.now().await?,
        };
        Ok((now, out))
    }

    async fn now(&self) -> Result<DateTime<Utc>> {
        let row =
            self.client.row("SELECT now()", &[]).await.backend_context(|| "cannot read the clock".into())?;
        Ok(row.get(0))
    }

    /// Rows of a query on the instances table, a failure named as such.
    async fn instance_rows(&self, sql: &str, params: crate::io::db::Params<'_>) -> Result<Vec<Row>> {
        self.client
            .rows(sql, params)
            .await
            .backend_context(|| format!("cannot read {}.instances", self.schema))
    }

    /// Resolve a name typed by a user (see [`Cms::resolve_noted`]).
    pub(crate) async fn resolve(&self, name: &str) -> Result<(Uuid, CmsInstance)> {
        self.resolve_noted(name).await.map(|(id, i, _)| (id, i))
    }

    /// Resolve a name typed by a user: a k8s_name, user_name or dns_name
    /// ([`pick_named`] chooses among several), with a note for the operator
    /// when the name also matched other instances.
    pub(crate) async fn resolve_noted(&self, name: &str) -> Result<(Uuid, CmsInstance, Option<String>)> {
        // Each arm is an index lookup (a BitmapOr, not a scan of every
        // instance): toygres indexes dns_name only where it is not a deleted
        // instance's `__deleted_…` name, so the arm repeats that predicate.
        let sql = self.select_instances(
            Reach::Few,
            "WHERE i.k8s_name = $1 OR i.user_name = $1
                OR (i.dns_name = $1 AND i.dns_name NOT LIKE '__deleted_%') ORDER BY i.k8s_name",
        );
        let rows = self.instance_rows(&sql, &[&name]).await?;
        let found: Vec<(Uuid, CmsInstance)> = rows.iter().map(instance_from_row).collect();
        let instances: Vec<CmsInstance> = found.iter().map(|(_, i)| i.clone()).collect();
        match pick_named(name, &instances) {
            Pick::One(i, note) => {
                let (id, instance) = found[i].clone();
                Ok((id, instance, note))
            }
            Pick::None => Err(usage(self.unknown_name_message(name).await)),
            Pick::Ambiguous(tied) => {
                let list: Vec<String> = tied
                    .iter()
                    .map(|i| format!("{} ({})", instances[*i].k8s_name, instances[*i].state))
                    .collect();
                Err(usage(format!(
                    "instance name '{name}' is ambiguous: it names {}; use a k8s_name instead",
                    list.join(", ")
                )))
            }
        }
    }

    /// Names within a few edits of `name` (a typo): only on this error path,
    /// so reading every name is acceptable.
    async fn closest_names(&self, name: &str) -> Vec<String> {
        let sql = format!(
            "SELECT k8s_name::text, user_name::text FROM {}.instances ORDER BY k8s_name LIMIT 200000",
            self.schema
        );
        let Ok(rows) = self.client.rows(&sql, &[]).await else { return Vec::new() };
        let names: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        let all = names.iter().flat_map(|(k, u)| [k.as_str(), u.as_str()]);
        crate::core::suggest::closest(name, all, 3)
    }

    async fn unknown_name_message(&self, name: &str) -> String {
        let sql = format!(
            "SELECT k8s_name::text FROM {}.instances
              WHERE k8s_name ILIKE '%' || $1 || '%' OR user_name ILIKE '%' || $1 || '%'
                 OR dns_name ILIKE '%' || $1 || '%'
              ORDER BY k8s_name LIMIT 5",
            self.schema
        );
        let mut similar: Vec<String> = match self.client.rows(&sql, &[&name]).await {
            Ok(rows) => rows.iter().map(|r| r.get(0)).collect(),
            Err(_) => Vec::new(),
        };
        if similar.is_empty() {
            similar = self.closest_names(name).await;
        }
        if similar.is_empty() {
            format!(
                "no instance named '{name}' (no user_name, dns_name or k8s_name); `actorctl list` shows them all"
            )
        } else {
            format!("no instance named '{name}'; did you mean: {}?", similar.join(", "))
        }
    }

    pub(crate) async fn health_checks(&self, id: Uuid, limit: i64) -> Result<Vec<HealthCheck>> {
        let sql = format!(
            "SELECT status::text, response_time_ms, error_message, checked_at
               FROM {}.instance_health_checks WHERE instance_id = $1
              ORDER BY checked_at DESC LIMIT $2",
            self.schema
        );
        let rows = self
            .client
            .rows(&sql, &[&id, &limit])
            .await
            .backend_context(|| format!("cannot read {}.instance_health_checks", self.schema))?;
        Ok(rows
            .iter()
            .map(|r| HealthCheck {
                status: r.get(0),
                response_time_ms: r.get(1),
                error_message: r.get(2),
                checked_at: r.get(3),
            })
            .collect())
    }

    /// The newest actor events (`actor_*`) of one instance.
    pub(crate) async fn actor_events(&self, id: Uuid, limit: i64) -> Result<Vec<Event>> {
        let sql = format!(
            "SELECT event_type::text, old_state::text, new_state::text, message, metadata, created_at
               FROM {}.instance_events WHERE instance_id = $1 AND event_type LIKE 'actor%'
              ORDER BY created_at DESC, id DESC LIMIT $2",
            self.schema
        );
        let rows = self
            .client
            .rows(&sql, &[&id, &limit])
            .await
            .backend_context(|| format!("cannot read {}.instance_events", self.schema))?;
        Ok(rows
            .iter()
            .map(|r| Event {
                event_type: r.get(0),
                old_state: r.get(1),
                new_state: r.get(2),
                message: r.get(3),
                metadata: r.get(4),
                created_at: r.get(5),
            })
            .collect())
    }
}

impl Cms<'_> {
    /// The compare-and-swap of docs/DOMAIN.md §5 together with its intent
    /// row, in one transaction: point the instance at `new` only if it still
    /// points at `expected` (and, for a start, is still running). `false`:
    /// someone else acted or the instance changed, and nothing was written.
    pub(crate) async fn claim(
        &self,
        k8s_name: &str,
        expected: Option<&str>,
        new: Option<&str>,
        running_only: bool,
        intent: &AuditEntry,
    ) -> Result<bool> {
        let sql = crate::core::sql::claim_journaled(&self.schema, running_only);
        let e = intent;
        let n = self
            .client
            .exec(&sql, &[&k8s_name, &expected, &new, &e.event.as_str(), &e.message, &e.metadata])
            .await
            .backend_context(|| format!("cannot update {}.instances (claim of {k8s_name})", self.schema))?;
        Ok(n == 1)
    }

    /// Intents older than `age` without an outcome row of the same run,
    /// action and actors (a crash between claim and audit).
    pub(crate) async fn dangling_intents(&self, age: std::time::Duration) -> Result<Vec<Dangling>> {
        let sql = format!(
            "SELECT i.k8s_name::text, c.metadata->>'run_id', c.metadata->>'action',
                    c.metadata->>'old_actor_id', c.metadata->>'new_actor_id'
               FROM {s}.instance_events c JOIN {s}.instances i ON i.id = c.instance_id
              WHERE c.event_type = 'actor_action_claimed'
                AND c.created_at < now() - make_interval(secs => $1)
                AND NOT EXISTS (
                    SELECT 1 FROM {s}.instance_events o
                     WHERE o.instance_id = c.instance_id AND o.event_type <> 'actor_action_claimed'
                       AND o.metadata->>'run_id' = c.metadata->>'run_id'
                       AND o.metadata->>'action' = c.metadata->>'action'
                       AND o.metadata->>'new_actor_id' IS NOT DISTINCT FROM c.metadata->>'new_actor_id'
                       AND o.metadata->>'old_actor_id' IS NOT DISTINCT FROM c.metadata->>'old_actor_id')
              ORDER BY c.id LIMIT 10000",
            s = self.schema
        );
        let rows = self
            .client
            .rows(&sql, &[&age.as_secs_f64()])
            .await
            .backend_context(|| format!("cannot read the journal in {}.instance_events", self.schema))?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(Dangling {
                    k8s_name: r.get(0),
                    run_id: r.get::<_, Option<String>>(1).unwrap_or_default(),
                    action: parse_action(r.get::<_, Option<&str>>(2)?)?,
                    old_actor_id: r.get(3),
                    new_actor_id: r.get(4),
                })
            })
            .collect())
    }

    /// What this role lacks to act on actors (empty: it may act). Checked
    /// before anything is touched, so a read-only role changes nothing.
    pub(crate) async fn missing_write_privileges(&self) -> Result<Vec<String>> {
        let row = self
            .client
            .row(
                "SELECT has_column_privilege(format('%I.instances', $1::text), 'instance_actor_orchestration_id', 'UPDATE'),
                        has_table_privilege(format('%I.instance_events', $1::text), 'INSERT'),
                        current_user::text",
                &[&self.schema],
            )
            .await
            .backend_context(|| "cannot check the role's privileges".into())?;
        let s = &self.schema;
        let mut missing = Vec::new();
        if !row.get::<_, bool>(0) {
            missing.push(format!("UPDATE on {s}.instances(instance_actor_orchestration_id)"));
        }
        if !row.get::<_, bool>(1) {
            missing.push(format!("INSERT on {s}.instance_events"));
        }
        Ok(missing)
    }

    /// Running instances whose row names this actor (for orphan checks).
    pub(crate) async fn instances_pointing_to(&self, actor_id: &str) -> Result<Vec<(String, String)>> {
        let sql = format!(
            "SELECT k8s_name::text, state::text FROM {}.instances WHERE instance_actor_orchestration_id = $1",
            self.schema
        );
        let rows = self.instance_rows(&sql, &[&actor_id]).await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The actor id each named instance points to now (one query).
    pub(crate) async fn current_actors(
        &self,
        k8s_names: &[String],
    ) -> Result<std::collections::HashMap<String, Option<String>>> {
        let sql = format!(
            "SELECT k8s_name::text, instance_actor_orchestration_id FROM {}.instances WHERE k8s_name = ANY($1)",
            self.schema
        );
        let rows = self.instance_rows(&sql, &[&k8s_names]).await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The newest health check of each named instance (one query): the
    /// newer of `last_health_check` (where the column exists) and the
    /// newest `instance_health_checks` row.
    pub(crate) async fn last_health_checks(
        &self,
        k8s_names: &[String],
    ) -> Result<std::collections::HashMap<String, Option<DateTime<Utc>>>> {
        let s = &self.schema;
        let table = format!(
            "(SELECT max(h.checked_at) FROM {s}.instance_health_checks h WHERE h.instance_id = i.id)"
        );
        let lhc = match (self.shape, self.checks_table) {
            (Shape::LastHealthCheckColumn, true) => format!("greatest(i.last_health_check, {table})"),
            (Shape::LastHealthCheckColumn, false) => "i.last_health_check".to_string(),
            (Shape::HealthCheckTable, _) => table,
        };
        let sql = format!("SELECT i.k8s_name::text, {lhc} FROM {s}.instances i WHERE i.k8s_name = ANY($1)");
        let rows = self
            .client
            .rows(&sql, &[&k8s_names])
            .await
            .backend_context(|| format!("cannot read the health checks in {s}"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// One text column of an instance row (`column` comes from a fixed
    /// list, never from input).
    pub(crate) async fn instance_column(&self, k8s_name: &str, column: &str) -> Result<Option<String>> {
        let sql = format!("SELECT {column}::text FROM {}.instances WHERE k8s_name = $1", self.schema);
        let row = self.instance_rows(&sql, &[&k8s_name]).await?.into_iter().next();
        Ok(row.and_then(|r| r.get(0)))
    }

    pub(crate) async fn current_actor(&self, k8s_name: &str) -> Result<Option<String>> {
        let sql = format!(
            "SELECT instance_actor_orchestration_id FROM {}.instances WHERE k8s_name = $1",
            self.schema
        );
        let row = self.instance_rows(&sql, &[&k8s_name]).await?.into_iter().next();
        Ok(row.and_then(|r| r.get(0)))
    }

    /// Record an action in `instance_events`; `false` when the instance row
    /// is gone (an orphan of a purged instance has nowhere to be recorded).
    /// toygres uses `old_state`/`new_state` for *instance* states, so they
    /// get the instance's state (an actor action does not change it); the
    /// actor's class and the outcome belong in `metadata`.
    pub(crate) async fn audit(&self, e: &AuditEntry) -> Result<bool> {
        let sql = format!(
            "INSERT INTO {s}.instance_events (instance_id, event_type, old_state, new_state, message, metadata)
             SELECT id, $2, state::text, state::text, $3, $4 FROM {s}.instances WHERE k8s_name = $1",
            s = self.schema
        );
        let n = self
            .client
            .exec(&sql, &[&e.k8s_name, &e.event.as_str(), &e.message, &e.metadata])
            .await
            .backend_context(|| format!("cannot write the audit trail {}.instance_events", self.schema))?;
        Ok(n == 1)
    }
}

fn instance_from_row(r: &Row) -> (Uuid, CmsInstance) {
    (
        r.get(0),
        CmsInstance {
            user_name: r.get::<_, &str>(1).into(),
            k8s_name: r.get::<_, &str>(2).into(),
            namespace: r.get::<_, &str>(3).into(),
            state: r.get::<_, &str>(4).into(),
            health_status: r.get::<_, Option<&str>>(5).map(Name::from),
            actor_id: r.get::<_, Option<&str>>(6).map(Name::from),
            last_health_check: r.get(7),
            created_at: r.get(8),
            quarantined: r.get(10),
            recent_restarts: r.get(11),
            held: r.get(12),
            dns_name: r.get::<_, Option<&str>>(13).map(Name::from),
            state_since: r.get(14),
        },
    )
}
