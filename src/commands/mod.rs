//! One small file per subcommand, wiring the core to the edges.

pub mod contexts;
mod list;
mod prune; // issue 15
mod recover;
pub mod repair;
mod reset_failed;
mod show;
mod sweep;

use anyhow::Result;
use tokio_postgres::Client;
use uuid::Uuid;

use crate::classify::{classify, CmsInstance, Facts, Report};
use crate::cli::Command;
use crate::cms::Cms;
use crate::config::Settings;
use crate::plan::Request;
use crate::store::Store;
use repair::Target;

pub async fn run(command: Command, settings: &Settings) -> Result<u8> {
    match command {
        Command::List(args) => list::run(args, settings).await,
        Command::Show(args) => show::run(args, settings).await,
        Command::Start(a) => {
            let req = Request::Start { force: a.force };
            repair::run(req, Target::Instance(&a.name), &a.action, &a.backend, false, settings).await
        }
        Command::Restart(a) => {
            repair::run(Request::Restart, Target::Instance(&a.name), &a.action, &a.backend, false, settings)
                .await
        }
        Command::Cancel(a) => {
            let target = repair::cancel_target(&a);
            repair::run(Request::Cancel, target, &a.action, &a.backend, a.yes, settings).await
        }
        Command::Recover(a) => recover::run(a, settings).await,
        Command::Sweep(a) => sweep::run(a, settings).await,
        Command::ResetFailed(a) => reset_failed::run(a, settings).await,
        Command::Prune(a) => prune::run(a, settings).await, // issue 15
        Command::Completions { .. } | Command::Config(_) => unreachable!("handled before connecting"),
    }
}

/// Open connections to the CMS database and the store (one connection when
/// they are the same database).
pub struct Connections {
    cms: Client,
    store: Option<Client>,
}

impl Connections {
    pub async fn open(s: &Settings) -> Result<Connections> {
        let cms = s.cms.connect(s.statement_timeout).await?;
        let store = if s.store.same_database(&s.cms) {
            None
        } else {
            Some(s.store.connect(s.statement_timeout).await?)
        };
        Ok(Connections { cms, store })
    }

    pub fn cms_client(&self) -> &Client {
        &self.cms
    }

    pub fn store_client(&self) -> &Client {
        self.store.as_ref().unwrap_or(&self.cms)
    }
}

/// The whole fleet, classified: one CMS query, one store query.
pub struct Fleet {
    pub report: Report,
    pub instances: Vec<(Uuid, CmsInstance)>,
}

pub async fn gather<'c>(
    conns: &'c Connections,
    s: &Settings,
    stale_after: std::time::Duration,
) -> Result<(Cms<'c>, Store<'c>, Fleet)> {
    gather_with_window(conns, s, stale_after, std::time::Duration::from_secs(3600)).await
}

/// [`gather`], counting restarts for the crash-loop budget within `window`.
pub async fn gather_with_window<'c>(
    conns: &'c Connections,
    s: &Settings,
    stale_after: std::time::Duration,
    window: std::time::Duration,
) -> Result<(Cms<'c>, Store<'c>, Fleet)> {
    let mut cms = Cms::open(conns.cms_client(), &s.cms_schema, &s.cms).await?;
    cms.restart_window = window;
    let store = Store::open(conns.store_client(), &s.store_schema, &s.store).await?;
    let (now, instances) = cms.instances().await?;
    let referenced: Vec<String> = instances.iter().filter_map(|(_, i)| i.actor_id.clone()).collect();
    let snapshot = store.snapshot(&s.actor_orchestration, &referenced).await?;
    let facts = Facts {
        now,
        instances: instances.iter().map(|(_, i)| i.clone()).collect(),
        store: snapshot,
        actor_orchestration: s.actor_orchestration.clone(),
    };
    tracing::info!(
        "read {} CMS instances and {} store actors ({} queued starts); store ledger: {}",
        facts.instances.len(),
        facts.store.actors.len(),
        facts.store.queued_starts.len(),
        store.ledger.describe()
    );
    let report = classify(&facts, stale_after);
    Ok((cms, store, Fleet { report, instances }))
}
