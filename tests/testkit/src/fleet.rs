//! A fleet of instance actors and the faults that break them for real.

use anyhow::{bail, Context, Result};
use duroxide::runtime::registry::ActivityRegistry;
use duroxide::runtime::{Runtime, RuntimeOptions};
use duroxide::{ActivityContext, Client, Either2, OrchestrationContext, OrchestrationRegistry};
use duroxide_pg::PostgresProvider;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_postgres::Client as PgClient;
use uuid::Uuid;

use crate::cluster::{cluster, connect};

pub const ACTOR_ORCHESTRATION: &str = "toygres-orchestrations::orchestration::instance-actor";
const CHECK_ACTIVITY: &str = "toygres-activities::activity::check-instance-health";

/// The two CMS shapes of DOMAIN.md §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Newer deployments: `instances.last_health_check` exists.
    WithLastHealthCheck,
    /// Older deployments: only `instance_health_checks`.
    HealthCheckTableOnly,
}

#[derive(Debug, Clone)]
pub struct FleetOptions {
    pub shape: Shape,
    /// The actor's timer between health checks (30 s in production).
    pub interval: Duration,
    pub cms_schema: String,
    pub store_schema: String,
    /// `Some(timeout)`: actors shaped like toygres's own (four activities,
    /// the first two retried with this per-attempt timeout); `None`: one
    /// health-check activity per turn.
    pub toygres_actor: Option<Duration>,
}

impl Default for FleetOptions {
    fn default() -> Self {
        FleetOptions {
            shape: Shape::WithLastHealthCheck,
            interval: Duration::from_secs(1),
            cms_schema: "toygres_cms".into(),
            store_schema: "toygres_duroxide".into(),
            toygres_actor: None,
        }
    }
}

pub struct Fleet {
    pub url: String,
    pub db_name: String,
    pub opts: FleetOptions,
    pub pg: PgClient,
    pub client: Client,
    provider: Arc<PostgresProvider>,
    runtime: Option<Arc<Runtime>>,
}

impl Fleet {
    /// A fresh database with the CMS schema, a migrated store, and a running
    /// duroxide runtime serving the actor orchestration.
    pub async fn new(opts: FleetOptions) -> Result<Fleet> {
        let c = cluster();
        let db_name = c.create_database().await?;
        Self::in_database(c.url(&db_name), db_name, opts).await
    }

    pub async fn in_database(url: String, db_name: String, opts: FleetOptions) -> Result<Fleet> {
        let pg = connect(&url).await?;
        install_cms(&pg, &opts).await?;
        // The control plane owns its store and migrates it; the test plays it.
        let provider = Arc::new(
            PostgresProvider::new_with_schema(&url, Some(&opts.store_schema))
                .await
                .context("create the duroxide-pg store")?,
        );
        let client = Client::new(provider.clone());
        let mut fleet = Fleet { url, db_name, opts, pg, client, provider, runtime: None };
        fleet.start_runtime().await;
        Ok(fleet)
    }

    pub async fn start_runtime(&mut self) {
        if self.runtime.is_some() {
            return;
        }
        quiet_logs();
        let interval = self.opts.interval;
        let cms = Arc::new(CmsWriter {
            url: self.url.clone(),
            schema: self.opts.cms_schema.clone(),
            shape: self.opts.shape,
        });
        let toygres = Arc::new(crate::toygres::Activities {
            url: self.url.clone(),
            schema: self.opts.cms_schema.clone(),
            shape: self.opts.shape,
        });
        let activities = toygres.register(ActivityRegistry::builder().register(
            CHECK_ACTIVITY,
            move |_ctx: ActivityContext, input: String| {
                let cms = cms.clone();
                async move { cms.check(&input).await.map_err(|e| format!("{e:#}")) }
            },
        ));
        let toygres_actor = self.opts.toygres_actor;
        let orchestrations = OrchestrationRegistry::builder()
            .register(ACTOR_ORCHESTRATION, move |ctx: OrchestrationContext, input: String| async move {
                match toygres_actor {
                    Some(timeout) => crate::toygres::instance_actor(ctx, input, interval, timeout).await,
                    None => instance_actor(ctx, input, interval).await,
                }
            })
            .register(COUNTER_ORCHESTRATION, counter)
            .build();
        let options = RuntimeOptions {
            orchestration_concurrency: 8,
            worker_concurrency: 8,
            dispatcher_min_poll_interval: Duration::from_millis(50),
            dispatcher_long_poll_timeout: Duration::from_millis(500),
            ..RuntimeOptions::default()
        };
        let rt =
            Runtime::start_with_options(self.provider.clone(), activities, orchestrations, options).await;
        self.runtime = Some(rt);
    }

    /// Stop the workers: nothing processes the store any more.
    pub async fn stop_runtime(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown(Some(5000)).await;
        }
    }

    pub fn cms(&self) -> &str {
        &self.opts.cms_schema
    }

    pub fn store(&self) -> &str {
        &self.opts.store_schema
    }

    /// A running instance with a first actor `actor-<k8s_name>`, started.
    pub async fn add_instance(&self, user_name: &str, k8s_name: &str) -> Result<String> {
        let actor = format!("actor-{k8s_name}");
        self.insert_instance(user_name, k8s_name, "running", Some(&actor)).await?;
        self.start_actor(k8s_name, &actor).await?;
        Ok(actor)
    }

    /// Insert a CMS row only; its connection string points at this test's
    /// own database, so health checks really connect somewhere.
    pub async fn insert_instance(
        &self,
        user_name: &str,
        k8s_name: &str,
        state: &str,
        actor: Option<&str>,
    ) -> Result<Uuid> {
        let sql = format!(
"INSERT INTO {}.instances (user_name, k8s_name, state, ip_connection_string, dns_connection_string,
                                       instance_actor_orchestration_id, create_orchestration_id, dns_name)
             VALUES ($1::text, $2::text, $3::text::public.instance_state, $4::text, $4::text, $5::text, 'create-' || $2::text,
                     CASE WHEN $3::text IN ('creating', 'running', 'deleting') THEN $1::text
                          ELSE '__deleted_' || $1::text END) RETURNING id",
            self.cms()
        );
        let row = self.pg.query_one(&sql, &[&user_name, &k8s_name, &state, &self.url, &actor]).await?;
        Ok(row.get(0))
    }

    pub async fn start_actor(&self, k8s_name: &str, actor_id: &str) -> Result<()> {
        let input =
            serde_json::json!({"k8s_name": k8s_name, "namespace": "toygres", "orchestration_id": actor_id});
        self.client
            .start_orchestration(actor_id, ACTOR_ORCHESTRATION, input.to_string())
            .await
            .map_err(|e| anyhow::anyhow!("start {actor_id}: {e}"))
    }

    /// `n` running instances named `<prefix>-<i>` (k8s_name `<prefix>-<i>-k8s`).
    pub async fn add_many(&self, prefix: &str, n: usize) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for i in 0..n {
            let k8s = format!("{prefix}-{i:03}-k8s");
            self.add_instance(&format!("{prefix}-{i:03}"), &k8s).await?;
            names.push(k8s);
        }
        Ok(names)
    }

    /// Wait until every named instance has recorded a health check after now.
    pub async fn wait_recorded(&self, k8s_names: &[String], timeout: Duration) -> Result<()> {
        let since = self.db_now().await?;
        let sql = format!(
            "SELECT count(*) FROM {s}.instances i WHERE i.k8s_name = ANY($1)
               AND EXISTS (SELECT 1 FROM {s}.instance_health_checks h WHERE h.instance_id = i.id AND h.checked_at > $2)",
            s = self.cms()
        );
        let deadline = Instant::now() + timeout;
        loop {
            let n: i64 = self.pg.query_one(&sql, &[&k8s_names, &since]).await?.get(0);
            if n as usize == k8s_names.len() {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("only {n} of {} instances recorded a health check within {timeout:?}", k8s_names.len());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn db_now(&self) -> Result<std::time::SystemTime> {
        Ok(self.pg.query_one("SELECT now()", &[]).await?.get(0))
    }

    pub async fn actor_id(&self, k8s_name: &str) -> Result<Option<String>> {
        let sql = format!(
            "SELECT instance_actor_orchestration_id FROM {}.instances WHERE k8s_name = $1",
            self.cms()
        );
        Ok(self.pg.query_one(&sql, &[&k8s_name]).await?.get(0))
    }

    pub async fn store_status(&self, actor_id: &str) -> Result<Option<String>> {
        let sql = format!(
            "SELECT e.status FROM {s}.instances i JOIN {s}.executions e
                ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id
             WHERE i.instance_id = $1",
            s = self.store()
        );
        Ok(self.pg.query_opt(&sql, &[&actor_id]).await?.map(|r| r.get(0)))
    }

    pub async fn wait_status(&self, actor_id: &str, want: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            let s = self.store_status(actor_id).await?;
            if s.as_deref() == Some(want) {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("actor {actor_id} is {s:?}, not {want}, after {timeout:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    // ---- faults -------------------------------------------------------

    /// Zombie: delete the actor's pending timer from the orchestrator queue,
    /// as a migration that copied history but not queues would. The actor
    /// stays Running and nothing will ever wake it.
    pub async fn drop_timer(&self, actor_id: &str) -> Result<()> {
        let sql = format!(
            "DELETE FROM {}.orchestrator_queue WHERE instance_id = $1 AND work_item LIKE '{{\"TimerFired\"%'
               AND lock_token IS NULL AND visible_at > now() + interval '100 milliseconds'",
            self.store()
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.pg.execute(&sql, &[&actor_id]).await? > 0 {
                // The turn that scheduled the timer has committed; nothing else is queued.
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("actor {actor_id} never had a pending timer to delete");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Zombie of a toygres-shaped actor: delete only its loop timer (due
    /// within two intervals), leaving the activity-timeout timers its turns
    /// left behind in the queue.
    pub async fn drop_loop_timer(&self, actor_id: &str) -> Result<()> {
        let sql = format!(
            "DELETE FROM {}.orchestrator_queue WHERE instance_id = $1 AND work_item LIKE '{{\"TimerFired\"%'
               AND lock_token IS NULL AND visible_at > now() + interval '100 milliseconds'
               AND visible_at < now() + make_interval(secs => $2)",
            self.store()
        );
        let horizon = self.opts.interval.as_secs_f64() * 2.0;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.pg.execute(&sql, &[&actor_id, &horizon]).await? > 0 {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("actor {actor_id} never had a pending loop timer to delete");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stale: health recording fails for the instance's current actor while
    /// that actor keeps looping (a new actor records again).
    pub async fn break_health_recording(&self, k8s_name: &str) -> Result<()> {
        let actor = self.actor_id(k8s_name).await?.context("instance has no actor")?;
        self.break_actor_recording(&actor).await
    }

    /// Health recording fails for this actor id, whichever instance it serves.
    pub async fn break_actor_recording(&self, actor_id: &str) -> Result<()> {
        self.add_fault(&actor_id.replace('_', "\\_")).await
    }

    /// Health recording fails for every actor of this instance, present and
    /// future: an instance that can never record a health check.
    pub async fn break_instance_recording(&self, k8s_name: &str) -> Result<()> {
        self.add_fault(&format!("actor-{}%", k8s_name.replace('_', "\\_"))).await
    }

    async fn add_fault(&self, pattern: &str) -> Result<()> {
        let sql = include_str!("../sql/faults.sql").replace("__CMS__", self.cms());
        self.pg.batch_execute(&sql).await?;
        let ins = "INSERT INTO public.actorctl_test_faults VALUES ($1) ON CONFLICT DO NOTHING";
        self.pg.execute(ins, &[&pattern]).await?;
        Ok(())
    }

    /// Pretend the instance's last health check happened `secs` ago
    /// (both shapes), so staleness needs no minutes of waiting.
    pub async fn age_health_checks(&self, k8s_name: &str, secs: i64) -> Result<()> {
        let s = self.cms();
        let mut sql = format!(
            "UPDATE {s}.instance_health_checks SET checked_at = checked_at - make_interval(secs => $2)
              WHERE instance_id = (SELECT id FROM {s}.instances WHERE k8s_name = $1);"
        );
        self.pg.execute(&sql, &[&k8s_name, &(secs as f64)]).await?;
        if self.opts.shape == Shape::WithLastHealthCheck {
            sql = format!(
                "UPDATE {s}.instances SET last_health_check = last_health_check - make_interval(secs => $2) WHERE k8s_name = $1"
            );
            self.pg.execute(&sql, &[&k8s_name, &(secs as f64)]).await?;
        }
        Ok(())
    }

    /// Missing: the CMS row no longer names an actor.
    pub async fn null_actor_id(&self, k8s_name: &str) -> Result<()> {
        let sql = format!(
            "UPDATE {}.instances SET instance_actor_orchestration_id = NULL WHERE k8s_name = $1",
            self.cms()
        );
        self.pg.execute(&sql, &[&k8s_name]).await?;
        Ok(())
    }

    /// Missing: the store lost the actor (deleted through the provider).
    pub async fn delete_store_instance(&self, actor_id: &str) -> Result<()> {
        self.client
            .delete_instance(actor_id, true)
            .await
            .map_err(|e| anyhow::anyhow!("delete {actor_id}: {e}"))?;
        Ok(())
    }

    /// Dead: cancel the actor and wait until the store shows it Failed.
    pub async fn cancel(&self, actor_id: &str) -> Result<()> {
        self.client
            .cancel_instance(actor_id, "test: cancelled")
            .await
            .map_err(|e| anyhow::anyhow!("cancel {actor_id}: {e}"))?;
        self.wait_status(actor_id, "Failed", Duration::from_secs(30)).await
    }

    /// Orphan: start a second actor and point the CMS row at it; the old one
    /// keeps running (a restart whose cancel never happened). Returns the new id.
    pub async fn repoint(&self, k8s_name: &str) -> Result<String> {
        let new_id = format!("actor-{k8s_name}-{}", &Uuid::new_v4().simple().to_string()[..8]);
        self.start_actor(k8s_name, &new_id).await?;
        let sql = format!(
            "UPDATE {}.instances SET instance_actor_orchestration_id = $2 WHERE k8s_name = $1",
            self.cms()
        );
        self.pg.execute(&sql, &[&k8s_name, &new_id]).await?;
        Ok(new_id)
    }

    /// Orphan: the instance is marked failed/deleted under a live actor.
    pub async fn set_state(&self, k8s_name: &str, state: &str) -> Result<()> {
        let sql = format!(
            "UPDATE {}.instances SET state = $2::text::public.instance_state WHERE k8s_name = $1",
            self.cms()
        );
        self.pg.execute(&sql, &[&k8s_name, &state]).await?;
        Ok(())
    }

    /// An event written straight into the trail, `age_secs` old, as the
    /// control plane or an earlier actorctl wrote it.
    pub async fn insert_event(
        &self,
        k8s_name: &str,
        event_type: &str,
        age_secs: i64,
        metadata: serde_json::Value,
    ) -> Result<()> {
        let sql = format!(
            "INSERT INTO {s}.instance_events (instance_id, event_type, metadata, created_at)
             SELECT id, $2, $3, now() - make_interval(secs => $4::float8) FROM {s}.instances WHERE k8s_name = $1",
            s = self.cms()
        );
        self.pg.execute(&sql, &[&k8s_name, &event_type, &metadata, &(age_secs as f64)]).await?;
        Ok(())
    }

    /// A stuck lifecycle: the instance moved to `state` `secs` ago (as
    /// toygres records it: a `state_change` event) and stayed there.
    pub async fn set_state_since(&self, k8s_name: &str, state: &str, secs: i64) -> Result<()> {
        self.set_state(k8s_name, state).await?;
        let sql = format!(
            "INSERT INTO {s}.instance_events (instance_id, event_type, old_state, new_state, message, created_at)
             SELECT id, 'state_change', 'running', $2::text, 'test', now() - make_interval(secs => $3)
               FROM {s}.instances WHERE k8s_name = $1",
            s = self.cms()
        );
        self.pg.execute(&sql, &[&k8s_name, &state, &(secs as f64)]).await?;
        Ok(())
    }

    /// All missing: the store is dropped and a new, empty one created, as a
    /// database migration that did not carry the store over leaves it.
    pub async fn replace_store_with_empty(&mut self) -> Result<()> {
        self.stop_runtime().await;
        self.pg.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.store())).await?;
        self.provider =
            Arc::new(PostgresProvider::new_with_schema(&self.url, Some(&self.opts.store_schema)).await?);
        self.client = Client::new(self.provider.clone());
        self.start_runtime().await;
        Ok(())
    }

    /// Running actors of the actor orchestration per k8s_name, for the whole
    /// store in one query (k8s_name from the id: `actor-<k8s>[-<8 hex>]`).
    pub async fn running_actors_by_k8s(&self) -> Result<std::collections::BTreeMap<String, i64>> {
        let sql = format!(
            "SELECT i.instance_id FROM {s}.instances i JOIN {s}.executions e
                ON e.instance_id = i.instance_id AND e.execution_id = i.current_execution_id
              WHERE i.orchestration_name = $1 AND e.status IN ('Running', 'ContinuedAsNew')",
            s = self.store()
        );
        let mut out = std::collections::BTreeMap::new();
        for r in self.pg.query(&sql, &[&ACTOR_ORCHESTRATION]).await? {
            let id: String = r.get(0);
            let rest = id.strip_prefix("actor-").unwrap_or(&id);
            let k8s = match rest.rsplit_once('-') {
                Some((base, hex)) if hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => base,
                _ => rest,
            };
            *out.entry(k8s.to_string()).or_insert(0) += 1;
        }
        Ok(out)
    }

    /// `n` running instances `<prefix>-<i>` without actors (as after a
    /// migration that lost the store, or before any actor was started).
    pub async fn insert_many_without_actors(&self, prefix: &str, n: usize) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for i in 0..n {
            let k8s = format!("{prefix}-{i:04}-k8s");
            self.insert_instance(&format!("{prefix}-{i:04}"), &k8s, "running", None).await?;
            names.push(k8s);
        }
        Ok(names)
    }

    /// Start the counter orchestration and wait until it completed with its
    /// `COUNTER_EXECUTIONS` executions.
    pub async fn run_counter(&self, id: &str) -> Result<()> {
        self.client
            .start_orchestration(id, COUNTER_ORCHESTRATION, "1")
            .await
            .map_err(|e| anyhow::anyhow!("start {id}: {e}"))?;
        self.wait_status(id, "Completed", Duration::from_secs(60)).await
    }

    /// Executions of every store instance: instance_id → count.
    pub async fn execution_counts(&self) -> Result<std::collections::BTreeMap<String, i64>> {
        let sql = format!("SELECT instance_id, count(*) FROM {}.executions GROUP BY 1", self.store());
        Ok(self.pg.query(&sql, &[]).await?.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// Running actors of one instance (see [`Fleet::running_actors_by_k8s`]).
    pub async fn running_actor_count(&self, k8s_name: &str) -> Result<i64> {
        Ok(self.running_actors_by_k8s().await?.get(k8s_name).copied().unwrap_or(0))
    }
}

/// Another orchestration than the actor's: continues as new until its input
/// (a count) reaches `COUNTER_EXECUTIONS`, then completes, leaving that many
/// executions. Prune must never touch it.
pub const COUNTER_ORCHESTRATION: &str = "actorctl-tests::counter";
pub const COUNTER_EXECUTIONS: u64 = 10;

async fn counter(ctx: OrchestrationContext, input: String) -> Result<String, String> {
    let n: u64 = input.trim().parse().unwrap_or(1);
    if n >= COUNTER_EXECUTIONS {
        return Ok(format!("counted to {n}"));
    }
    ctx.continue_as_new((n + 1).to_string()).await
}

/// DOMAIN.md §2: check health, record it, wait 30 s (here: `interval`) or
/// for InstanceDeleted, continue as new.
async fn instance_actor(
    ctx: OrchestrationContext,
    input: String,
    interval: Duration,
) -> Result<String, String> {
    if let Ok(outcome) = ctx.schedule_activity(CHECK_ACTIVITY, input.clone()).await {
        if outcome == "gone" {
            return Ok("instance gone".into());
        }
    }
    let deleted = ctx.schedule_wait("InstanceDeleted");
    let timer = ctx.schedule_timer(interval);
    match ctx.select2(deleted, timer).await {
        Either2::First(_) => Ok("instance deleted".into()),
        Either2::Second(()) => ctx.continue_as_new(input).await,
    }
}

/// The health-check activity: read the instance's connection string from the
/// CMS, connect and run a query, record the result.
struct CmsWriter {
    url: String,
    schema: String,
    shape: Shape,
}

impl CmsWriter {
    async fn check(&self, input: &str) -> Result<String> {
        let input: serde_json::Value = serde_json::from_str(input)?;
        let k8s = input["k8s_name"].as_str().context("input without k8s_name")?;
        let me = input["orchestration_id"].as_str().unwrap_or("instance-actor");
        // Like a real service, the actor names itself to the database.
        let cms = connect(&with_app_name(&self.url, me)).await?;
        let sql =
            format!("SELECT id, ip_connection_string FROM {}.instances WHERE k8s_name = $1", self.schema);
        let Some(row) = cms.query_opt(&sql, &[&k8s]).await? else {
            return Ok("gone".into());
        };
        let (id, conn_str): (Uuid, Option<String>) = (row.get(0), row.get(1));
        let started = Instant::now();
        let probe = async {
            let db = connect(conn_str.as_deref().context("no connection string")?).await?;
            let v: String = db.query_one("SELECT version()", &[]).await?.get(0);
            anyhow::Ok(v)
        };
        let (status, version, error) = match tokio::time::timeout(Duration::from_secs(5), probe).await {
            Ok(Ok(v)) => ("healthy", Some(v), None),
            Ok(Err(e)) => ("unhealthy", None, Some(format!("{e:#}"))),
            Err(_) => ("unhealthy", None, Some("timed out".to_string())),
        };
        let ms = started.elapsed().as_millis() as i32;
        let lhc = if self.shape == Shape::WithLastHealthCheck { ", last_health_check = now()" } else { "" };
        // One statement, so a failed insert also leaves the instance row alone.
        let record = format!(
            "WITH ins AS (
                INSERT INTO {s}.instance_health_checks (instance_id, status, postgres_version, response_time_ms, error_message)
                VALUES ($1, $2, $3, $4, $5) RETURNING instance_id)
             UPDATE {s}.instances SET health_status = $2::text::public.health_status{lhc}
              WHERE id = (SELECT instance_id FROM ins)",
            s = self.schema
        );
        cms.execute(&record, &[&id, &status, &version, &ms, &error]).await?;
        Ok(status.to_string())
    }
}

pub(crate) fn with_app_name(url: &str, name: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    format!("{url}{sep}application_name={name}")
}

pub(crate) async fn install_cms(pg: &PgClient, opts: &FleetOptions) -> Result<()> {
    let sql = include_str!("../sql/cms.sql").replace("__CMS__", &opts.cms_schema);
    pg.batch_execute(&sql).await.context("install the CMS fixture")?;
    if opts.shape == Shape::WithLastHealthCheck {
        pg.batch_execute(&format!(
            "ALTER TABLE {}.instances ADD COLUMN last_health_check timestamptz",
            opts.cms_schema
        ))
        .await?;
    }
    Ok(())
}

/// The runtime's logs go through the test harness's capture, so a passing
/// test prints nothing and a failing one shows them (duroxide installs its
/// own global subscriber only when none is set).
fn quiet_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_test_writer().with_ansi(false).try_init();
}
