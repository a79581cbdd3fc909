//! The orchestration store (duroxide-pg), read with plain SQL on its core
//! tables so that listing works on every store version that has them.

pub mod duroxide;
pub mod http;
mod ledger;
pub mod prune; // issue 15
mod snapshot;

pub use ledger::{Ledger, ACTION_VERSIONS};
pub use snapshot::{ActorDetail, ActorState, ExecutionRow, QueueItem};

/// How actions reach the actors.
pub enum Backend {
    Duroxide(duroxide::DuroxideBackend),
    Http(http::HttpBackend),
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Duroxide(_) => "duroxide",
            Backend::Http(_) => "http",
        }
    }
}

use anyhow::Result;
use tokio_postgres::Client;

use crate::classify::StoreSnapshot;
use crate::error::BackendContext;

pub struct Store<'a> {
    client: &'a Client,
    schema: String,
    pub ledger: Ledger,
}

impl<'a> Store<'a> {
    /// Read the migrations ledger; refuse (exit 3) a store actorctl cannot read.
    pub async fn open(client: &'a Client, schema: &str, target: &dyn std::fmt::Display) -> Result<Store<'a>> {
        let ledger = Ledger::read(client, schema, target).await?;
        ledger.ensure_readable(schema, target)?;
        Ok(Store { client, schema: schema.to_string(), ledger })
    }

    /// Every actor, queued start and the fleet's queue health in one query.
    pub async fn snapshot(&self, actor_orchestration: &str, referenced: &[String]) -> Result<StoreSnapshot> {
        snapshot::read(self.client, &self.schema, actor_orchestration, referenced).await
    }

    /// Current status of each of `ids` (one query): `Pending` for a start
    /// still queued, absent for an id the store does not know.
    pub async fn states(&self, ids: &[String]) -> Result<std::collections::HashMap<String, ActorState>> {
        snapshot::states(self.client, &self.schema, ids).await
    }

    /// What this role lacks to start and cancel actors through the store.
    pub async fn missing_write_privileges(&self) -> Result<Vec<String>> {
        let row = self
            .client
            .query_one(
                "SELECT has_table_privilege(format('%I.orchestrator_queue', $1::text), 'INSERT')",
                &[&self.schema],
            )
            .await
            .backend_context(|| "cannot check the role's privileges".into())?;
        Ok(if row.get::<_, bool>(0) {
            Vec::new()
        } else {
            vec![format!("INSERT on {}.orchestrator_queue (and the store's functions)", self.schema)]
        })
    }

    pub async fn actor_detail(&self, actor_id: &str) -> Result<ActorDetail> {
        snapshot::detail(self.client, &self.schema, actor_id).await
    }
}
