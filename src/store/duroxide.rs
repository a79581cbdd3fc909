//! Acting on actors through `duroxide::Client` over the duroxide-pg
//! provider, constructed with `MigrationPolicy::VerifyOnly`: actorctl never
//! migrates a store.

use anyhow::Result;
use duroxide::Client;
use duroxide_pg::{MigrationPolicy, PostgresProvider, ProviderConfig};
use std::sync::Arc;
use std::time::Duration;

use super::Ledger;
use crate::db::Target;
use crate::error::{backend, BackendError};

pub struct DuroxideBackend {
    client: Client,
    orchestration: String,
}

impl DuroxideBackend {
    /// Refuses (exit 3), before touching anything, a store whose ledger is
    /// not exactly what the bundled duroxide-pg expects.
    pub async fn connect(
        target: &Target,
        schema: &str,
        ledger: &Ledger,
        orchestration: &str,
        connect_timeout: Duration,
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
        let mut config = ProviderConfig::url(target.secret_url());
        config.schema_name = Some(schema.to_string());
        config.migration_policy = MigrationPolicy::VerifyOnly;
        let provider = tokio::time::timeout(connect_timeout, PostgresProvider::new_with_config(config))
            .await
            .map_err(|_| backend(format!("cannot open the orchestration store at {target}: timed out")))?
            .map_err(|e| {
                // sqlx errors can quote the connection string: keep only the first line, scrubbed.
                let msg = scrub(&format!("{e}"), target);
                anyhow::Error::new(BackendError(format!(
                    "cannot open the orchestration store {schema} at {target} with duroxide-pg: {msg}"
                )))
            })?;
        Ok(DuroxideBackend {
            client: Client::new(Arc::new(provider)),
            orchestration: orchestration.to_string(),
        })
    }

    /// Request a start. Only requested: the caller verifies.
    pub async fn start(&self, actor_id: &str, input: &str) -> Result<()> {
        self.client
            .start_orchestration(actor_id, &self.orchestration, input)
            .await
            .map_err(|e| anyhow::anyhow!("duroxide refused to start {actor_id}: {e}"))
    }

    /// Request a cancellation. The caller has checked that the actor exists
    /// (cancelling an unknown id leaves a stray row behind).
    pub async fn cancel(&self, actor_id: &str, reason: &str) -> Result<()> {
        self.client
            .cancel_instance(actor_id, reason)
            .await
            .map_err(|e| anyhow::anyhow!("duroxide refused to cancel {actor_id}: {e}"))
    }

    /// Prune the earlier executions of the actors `ids` in one call (issue
    /// 15), keeping the newest `keep_last` (the current one included):
    /// duroxide prunes each actor atomically, never its current execution,
    /// and skips ids the store no longer has. Bounded by `timeout`.
    pub async fn prune(
        &self,
        ids: &[String],
        keep_last: u32,
        timeout: Duration,
    ) -> Result<duroxide::PruneResult> {
        let filter = duroxide::InstanceFilter {
            instance_ids: Some(ids.to_vec()),
            completed_before: None,
            limit: Some(u32::try_from(ids.len()).unwrap_or(u32::MAX)),
        };
        // No completed_before: continued-as-new executions have no completed_at.
        let options = duroxide::PruneOptions { keep_last: Some(keep_last), completed_before: None };
        tokio::time::timeout(timeout, self.client.prune_executions_bulk(filter, options))
            .await
            .map_err(|_| anyhow::anyhow!("pruning {} actors timed out after {timeout:?}", ids.len()))?
            .map_err(|e| anyhow::anyhow!("duroxide refused to prune {} actors: {e}", ids.len()))
    }
}

fn scrub(msg: &str, target: &Target) -> String {
    let mut out = msg.lines().next().unwrap_or("").to_string();
    if let Some(pw) = target.password().filter(|p| !p.is_empty()) {
        out = out.replace(&pw, "***");
    }
    out
}
