//! An instance actor shaped like toygres's own (`instance_actor.rs`, read
//! from its source): four activities per turn, the first two retried with a
//! per-attempt timeout, so every turn leaves timeout timers behind in the
//! orchestrator queue; then the loop timer raced against `InstanceDeleted`.
//! A failure to record the health check fails the actor.

use anyhow::{Context, Result};
use duroxide::runtime::registry::{ActivityRegistry, ActivityRegistryBuilder};
use duroxide::{ActivityContext, BackoffStrategy, Either2, OrchestrationContext, RetryPolicy};
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

use crate::cluster::connect;
use crate::fleet::{with_app_name, Shape};

pub const GET_CONNECTION: &str = "toygres-orchestrations::activity::cms-get-instance-connection";
pub const TEST_CONNECTION: &str = "toygres-orchestrations::activity::test-connection";
pub const RECORD_HEALTH_CHECK: &str = "toygres-orchestrations::activity::cms-record-health-check";
pub const UPDATE_HEALTH: &str = "toygres-orchestrations::activity::cms-update-instance-health";

/// The CMS side of the four activities.
pub(crate) struct Activities {
    pub url: String,
    pub schema: String,
    pub shape: Shape,
}

impl Activities {
    /// Register the four activities on `builder`.
    pub(crate) fn register(self: Arc<Self>, builder: ActivityRegistryBuilder) -> ActivityRegistry {
        let (a, c, d) = (self.clone(), self.clone(), self);
        builder
            .register(GET_CONNECTION, move |_ctx: ActivityContext, input: String| {
                let a = a.clone();
                async move { a.get_connection(&input).await.map_err(|e| format!("{e:#}")) }
            })
            .register(TEST_CONNECTION, |_ctx: ActivityContext, input: String| async move {
                test_connection(&input).await.map_err(|e| format!("{e:#}"))
            })
            .register(RECORD_HEALTH_CHECK, move |_ctx: ActivityContext, input: String| {
                let c = c.clone();
                async move { c.record(&input).await.map_err(|e| format!("{e:#}")) }
            })
            .register(UPDATE_HEALTH, move |_ctx: ActivityContext, input: String| {
                let d = d.clone();
                async move { d.update_health(&input).await.map_err(|e| format!("{e:#}")) }
            })
            .build()
    }

    async fn cms(&self, input: &serde_json::Value) -> Result<tokio_postgres::Client> {
        let me = input["orchestration_id"].as_str().unwrap_or("instance-actor");
        connect(&with_app_name(&self.url, me)).await
    }

    /// `{"found": false}` once the row is gone, else its connection string.
    async fn get_connection(&self, input: &str) -> Result<String> {
        let v: serde_json::Value = serde_json::from_str(input)?;
        let sql = format!(
            "SELECT ip_connection_string, state::text FROM {}.instances WHERE k8s_name = $1",
            self.schema
        );
        let row = self.cms(&v).await?.query_opt(&sql, &[&v["k8s_name"].as_str()]).await?;
        Ok(match row {
            None => serde_json::json!({"found": false}),
            Some(r) => serde_json::json!({
                "found": true,
                "connection_string": r.get::<_, Option<String>>(0),
                "state": r.get::<_, String>(1),
            }),
        }
        .to_string())
    }

    /// One row in `instance_health_checks` (its foreign key takes a share
    /// lock on the instance row: a row lock there blocks this activity).
    async fn record(&self, input: &str) -> Result<String> {
        let v: serde_json::Value = serde_json::from_str(input)?;
        let sql = format!(
            "INSERT INTO {s}.instance_health_checks (instance_id, status, response_time_ms, error_message)
             SELECT id, $2, $3, $4 FROM {s}.instances WHERE k8s_name = $1",
            s = self.schema
        );
        let ms = v["response_time_ms"].as_i64().map(|m| m as i32);
        self.cms(&v)
            .await?
            .execute(&sql, &[&v["k8s_name"].as_str(), &v["status"].as_str(), &ms, &v["error"].as_str()])
            .await?;
        Ok("recorded".into())
    }

    async fn update_health(&self, input: &str) -> Result<String> {
        let v: serde_json::Value = serde_json::from_str(input)?;
        let lhc = if self.shape == Shape::WithLastHealthCheck { ", last_health_check = now()" } else { "" };
        let sql = format!(
            "UPDATE {}.instances SET health_status = $2::text::public.health_status{lhc} WHERE k8s_name = $1",
            self.schema
        );
        self.cms(&v).await?.execute(&sql, &[&v["k8s_name"].as_str(), &v["status"].as_str()]).await?;
        Ok("updated".into())
    }
}

async fn test_connection(conn: &str) -> Result<String> {
    let started = Instant::now();
    let db = tokio::time::timeout(Duration::from_secs(5), connect(conn)).await.context("timed out")??;
    let v: String = db.query_one("SELECT version()", &[]).await?.get(0);
    Ok(serde_json::json!({"version": v, "ms": started.elapsed().as_millis() as i64}).to_string())
}

/// One turn of toygres's actor (see the module comment).
pub(crate) async fn instance_actor(
    ctx: OrchestrationContext,
    input: String,
    interval: Duration,
    activity_timeout: Duration,
) -> Result<String, String> {
    let retry = |backoff| RetryPolicy::new(3).with_backoff(backoff).with_timeout(activity_timeout);
    let conn = ctx
        .schedule_activity_with_retry(
            GET_CONNECTION,
            input.clone(),
            retry(BackoffStrategy::Fixed { delay: Duration::from_millis(200) }),
        )
        .await
        .map_err(|e| format!("Failed to get instance connection after 3 retries: {e}"))?;
    let conn: serde_json::Value = serde_json::from_str(&conn).map_err(|e| e.to_string())?;
    if conn["found"] == false {
        return Ok("instance gone".into());
    }
    let cs = conn["connection_string"].as_str().unwrap_or_default().to_string();
    let probe = ctx
        .schedule_activity_with_retry(
            TEST_CONNECTION,
            cs,
            retry(BackoffStrategy::Fixed { delay: Duration::from_millis(200) }),
        )
        .await;
    let me: serde_json::Value = serde_json::from_str(&input).map_err(|e| e.to_string())?;
    let (status, error) = match probe {
        Ok(_) => ("healthy", None),
        Err(e) => ("unhealthy", Some(e)),
    };
    let check = serde_json::json!({
        "k8s_name": me["k8s_name"], "orchestration_id": me["orchestration_id"],
        "status": status, "error": error, "response_time_ms": 1,
    })
    .to_string();
    ctx.schedule_activity(RECORD_HEALTH_CHECK, check.clone())
        .await
        .map_err(|e| format!("Failed to record health check: {e}"))?;
    ctx.schedule_activity(UPDATE_HEALTH, check)
        .await
        .map_err(|e| format!("Failed to update instance health: {e}"))?;
    let timer = ctx.schedule_timer(interval);
    let deleted = ctx.schedule_wait("InstanceDeleted");
    match ctx.select2(timer, deleted).await {
        Either2::First(()) => ctx.continue_as_new(input).await,
        Either2::Second(_) => Ok("instance deleted".into()),
    }
}

/// A transaction holding `FOR UPDATE` on an instance row: toygres's
/// health-check write waits on it (a stuck migration, a long admin
/// transaction). Dropping the returned client releases the lock.
pub async fn lock_instance_row(url: &str, schema: &str, k8s_name: &str) -> Result<tokio_postgres::Client> {
    let c = connect(url).await?;
    c.batch_execute("BEGIN").await?;
    let sql = format!("SELECT id FROM {schema}.instances WHERE k8s_name = $1 FOR UPDATE");
    let _: Uuid = c.query_one(&sql, &[&k8s_name]).await?.get(0);
    Ok(c)
}
