//! Acting on actors through `duroxide::Client` over the duroxide-pg
//! provider, constructed with `MigrationPolicy::VerifyOnly`: actorctl never
//! migrates a store. Every call is bounded: the provider's sessions carry
//! `statement_timeout` and `lock_timeout`, and each call a client-side
//! deadline. Behind a transaction pooler, where the provider's named
//! prepared statements break, the same work items go to the store's own
//! `enqueue_orchestrator_work` as unnamed statements on a session of ours.

use anyhow::Result;
use duroxide::providers::WorkItem;
use duroxide::Client;
use duroxide_pg::{MigrationPolicy, PostgresProvider, ProviderConfig};
use std::sync::Arc;
use std::time::Duration;

use super::Ledger;
use crate::core::error::{backend, BackendError};
use crate::io::db::{lock_timeout, Connect, Sql};
use crate::settings::connection::Target;

pub(crate) struct DuroxideBackend {
    via: Via,
    orchestration: String,
    /// The client-side deadline of one call.
    bound: Duration,
}

enum Via {
    Client(Client),
    /// A pooler in transaction mode sits in front of the store.
    Pooled {
        db: tokio_postgres::Client,
        schema: String,
    },
}

/// How a backend is reached and bounded.
pub(crate) struct Bounds {
    pub(crate) connect_timeout: Duration,
    pub(crate) statement_timeout: Duration,
    /// The store is reached through a pooler in transaction mode.
    pub(crate) pooled: bool,
}

impl DuroxideBackend {
    /// Refuses (exit 3), before touching anything, a store whose ledger is
    /// not exactly what the bundled duroxide-pg expects.
    pub(crate) async fn connect(
        target: &Target,
        schema: &str,
        ledger: &Ledger,
        orchestration: &str,
        b: &Bounds,
    ) -> Result<DuroxideBackend> {
        if !ledger.actionable() {
            return Err(backend(format!(
                "cannot act through duroxide on the store {schema} at {target}: its ledger holds {}, \
                 but this actorctl's duroxide-pg 0.1.38 needs migrations 1..21, 23, 25 and 26. \
                 actorctl never migrates a store. Use --backend http to let the control plane act with \
                 its own engine, or upgrade the store with the control plane. Listing keeps working",
                ledger.describe()
            )));
        }
        let bound = b.statement_timeout + Duration::from_secs(2);
        let pooled = |why: &'static str| async move {
            tracing::info!("{why}: acting through unnamed statements");
            let db = target.connect(b.statement_timeout).await?;
            let via = Via::Pooled { db, schema: schema.to_string() };
            anyhow::Ok(DuroxideBackend { via, orchestration: orchestration.to_string(), bound })
        };
        if b.pooled {
            return pooled("the store is behind a pooler").await;
        }
        let mut config = ProviderConfig::url(bounded_url(&target.secret_url(), b.statement_timeout));
        config.schema_name = Some(schema.to_string());
        config.migration_policy = MigrationPolicy::VerifyOnly;
        let opened = tokio::time::timeout(b.connect_timeout, PostgresProvider::new_with_config(config))
            .await
            .map_err(|_| backend(format!("cannot open the orchestration store at {target}: timed out")))?;
        let provider = match opened {
            Ok(provider) => provider,
            // A pooler on the server's own port refuses the session options.
            Err(e) if format!("{e:#}").contains("unsupported startup parameter") => {
                return pooled("the store refused session options (a pooler)").await
            }
            Err(e) => {
                // sqlx errors can quote the connection string: keep only the first line, scrubbed.
                let msg = scrub(&format!("{e}"), target);
                return Err(anyhow::Error::new(BackendError(format!(
                    "cannot open the orchestration store {schema} at {target} with duroxide-pg: {msg}"
                ))));
            }
        };
        let via = Via::Client(Client::new(Arc::new(provider)));
        Ok(DuroxideBackend { via, orchestration: orchestration.to_string(), bound })
    }

    /// Request a start. Only requested: the caller verifies.
    pub(crate) async fn start(&self, actor_id: &str, input: &str) -> Result<()> {
        let what = format!("start {actor_id}");
        match &self.via {
            Via::Client(c) => {
                let call = c.start_orchestration(actor_id, &self.orchestration, input);
                self.bounded(&what, async { call.await.map_err(|e| anyhow::anyhow!("{e}")) }).await
            }
            Via::Pooled { .. } => {
                let item = WorkItem::StartOrchestration {
                    instance: actor_id.to_string(),
                    orchestration: self.orchestration.clone(),
                    input: input.to_string(),
                    version: None,
                    parent_instance: None,
                    parent_id: None,
                    parent_execution_id: None,
                    execution_id: duroxide::INITIAL_EXECUTION_ID,
                };
                self.bounded(&what, self.enqueue(actor_id, &item)).await
            }
        }
    }

    /// Request a cancellation. The caller has checked that the actor exists
    /// (cancelling an unknown id leaves a stray row behind).
    pub(crate) async fn cancel(&self, actor_id: &str, reason: &str) -> Result<()> {
        let what = format!("cancel {actor_id}");
        match &self.via {
            Via::Client(c) => {
                let call = c.cancel_instance(actor_id, reason);
                self.bounded(&what, async { call.await.map_err(|e| anyhow::anyhow!("{e}")) }).await
            }
            Via::Pooled { .. } => {
                let item =
                    WorkItem::CancelInstance { instance: actor_id.to_string(), reason: reason.to_string() };
                self.bounded(&what, self.enqueue(actor_id, &item)).await
            }
        }
    }

    /// Reached through unnamed statements (a pooler): no duroxide client.
    pub(crate) fn pooled(&self) -> bool {
        matches!(self.via, Via::Pooled { .. })
    }

    /// Prune the earlier executions of the actors `ids` in one call,
    /// keeping the newest `keep_last` (the current one included): duroxide
    /// prunes each actor atomically, never its current execution, and skips
    /// ids the store no longer has. Bounded by `timeout`. Not behind a
    /// transaction pooler (the provider's named statements break there).
    pub(crate) async fn prune(
        &self,
        ids: &[String],
        keep_last: u32,
        timeout: Duration,
    ) -> Result<duroxide::PruneResult> {
        let Via::Client(client) = &self.via else {
            return Err(backend(
                "cannot prune behind a transaction pooler: duroxide's prune needs a direct connection to the \
                 store (point --duroxide-url at PostgreSQL)",
            ));
        };
        let filter = duroxide::InstanceFilter {
            instance_ids: Some(ids.to_vec()),
            completed_before: None,
            limit: Some(u32::try_from(ids.len()).unwrap_or(u32::MAX)),
        };
        // No completed_before: continued-as-new executions have no completed_at.
        let options = duroxide::PruneOptions { keep_last: Some(keep_last), completed_before: None };
        tokio::time::timeout(timeout, client.prune_executions_bulk(filter, options))
            .await
            .map_err(|_| anyhow::anyhow!("pruning {} actors timed out after {timeout:?}", ids.len()))?
            .map_err(|e| anyhow::anyhow!("duroxide refused to prune {} actors: {e}", ids.len()))
    }

    /// What `Client` does, as one unnamed statement: the provider's own
    /// procedure, the work item in duroxide's own serialization.
    async fn enqueue(&self, instance: &str, item: &WorkItem) -> Result<()> {
        let Via::Pooled { db, schema } = &self.via else { unreachable!("pooled only") };
        let json = serde_json::to_string(item)?;
        let sql = format!("SELECT {schema}.enqueue_orchestrator_work($1, $2, now(), NULL, NULL, NULL)");
        db.rows(&sql, &[&instance, &json]).await?;
        Ok(())
    }

    async fn bounded(&self, what: &str, call: impl std::future::Future<Output = Result<()>>) -> Result<()> {
        match tokio::time::timeout(self.bound, call).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow::anyhow!("duroxide could not {what}: {e:#}")),
            Err(_) => Err(anyhow::anyhow!(
                "duroxide could not {what}: no answer from the store within {}s",
                self.bound.as_secs()
            )),
        }
    }
}

/// The provider's URL with its sessions' timeouts (sqlx passes `options`
/// to the server at connect).
fn bounded_url(url: &str, statement_timeout: Duration) -> String {
    let Ok(mut u) = url::Url::parse(url) else { return url.to_string() };
    let opts = format!(
        "-c statement_timeout={} -c lock_timeout={}",
        statement_timeout.as_millis(),
        lock_timeout(statement_timeout).as_millis()
    );
    u.query_pairs_mut().append_pair("options", &opts);
    u.to_string()
}

fn scrub(msg: &str, target: &Target) -> String {
    let mut out = msg.lines().next().unwrap_or("").to_string();
    if let Some(pw) = target.password().filter(|p| !p.is_empty()) {
        out = out.replace(&pw, "***");
    }
    out
}
