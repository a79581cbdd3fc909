//! The orchestration store (duroxide-pg), read with plain SQL on its core
//! tables so that listing works on every store version that has them.

pub(crate) mod duroxide;
pub(crate) mod http;
mod ledger;
pub(crate) mod prune;
mod snapshot;

pub(crate) use ledger::Ledger;
pub(crate) use snapshot::{Part, Scope};

/// How actions reach the actors.
pub(crate) enum Backend {
    Duroxide(duroxide::DuroxideBackend),
    Http(http::HttpBackend),
}

use anyhow::Result;
use tokio_postgres::Client;

use crate::core::classify::StoreSnapshot;
use crate::core::error::BackendContext;
use crate::core::records::{ActorDetail, ActorState};
use crate::io::db::Sql;

pub(crate) struct Store<'a> {
    client: &'a Client,
    schema: String,
    pub(crate) ledger: Ledger,
}

impl<'a> Store<'a> {
    /// Read the migrations ledger; refuse (exit 3) a store actorctl cannot read.
    pub(crate) async fn open(
        client: &'a Client,
        schema: &str,
        target: &dyn std::fmt::Display,
    ) -> Result<Store<'a>> {
        let ledger = Ledger::read(client, schema, target).await?;
        ledger.ensure_readable(schema, target)?;
        Ok(Store { client, schema: schema.to_string(), ledger })
    }

    /// The actors in `scope`, queued starts and the fleet's queue health.
    pub(crate) async fn snapshot(&self, scope: Scope<'_>) -> Result<StoreSnapshot> {
        self.snapshot_on(self.client, scope).await
    }

    /// [`Store::snapshot`] on another connection to the same store.
    pub(crate) async fn snapshot_on(&self, client: &Client, scope: Scope<'_>) -> Result<StoreSnapshot> {
        snapshot::read(client, &self.schema, scope).await
    }

    /// Where to split the fleet read in two halves (see [`Part`]).
    pub(crate) async fn split_key(&self, orchestration: &str) -> Result<Option<String>> {
        snapshot::split_key(self.client, &self.schema, orchestration).await
    }

    /// Which of these ids the store has an instance of (its primary key).
    pub(crate) async fn existing(&self, ids: &[String]) -> Result<Vec<String>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!("SELECT instance_id FROM {}.instances WHERE instance_id = ANY($1)", self.schema);
        let rows = self
            .client
            .rows(&sql, &[&ids])
            .await
            .backend_context(|| format!("cannot read the orchestration store {}", self.schema))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Actor ids that follow the naming convention for these instances
    /// (a superset: check each with `k8s_from_actor_id`).
    pub(crate) async fn conventional_ids(&self, k8s_names: &[String]) -> Result<Vec<String>> {
        snapshot::conventional_ids(self.client, &self.schema, k8s_names).await
    }

    /// The `k8s_name` each of these actors' input names (where it can be read).
    pub(crate) async fn input_k8s_names(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, String>> {
        snapshot::input_k8s_names(self.client, &self.schema, ids).await
    }

    /// Current status of each of `ids` (one query): `Pending` for a start
    /// still queued, absent for an id the store does not know.
    pub(crate) async fn states(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, ActorState>> {
        snapshot::states(self.client, &self.schema, ids).await
    }

    /// What this role lacks to start and cancel actors through the store.
    pub(crate) async fn missing_write_privileges(&self) -> Result<Vec<String>> {
        let row = self
            .client
            .row(
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

    /// Whether a pooler sits between us and the store: the server's port
    /// is not the one we connected to (a false alarm costs nothing: the
    /// pooled path works on a plain connection too).
    pub(crate) async fn behind_pooler(&self, target: &crate::settings::connection::Target) -> Result<bool> {
        let row = self
            .client
            .row("SELECT inet_server_port()", &[])
            .await
            .backend_context(|| "cannot read the server's port".into())?;
        let server: Option<i32> = row.get(0);
        let ours = target.pg_config().get_ports().first().copied();
        Ok(matches!((server, ours), (Some(s), Some(o)) if s != i32::from(o)))
    }

    pub(crate) async fn actor_detail(&self, actor_id: &str) -> Result<ActorDetail> {
        snapshot::detail(self.client, &self.schema, actor_id).await
    }
}
