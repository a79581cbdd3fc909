//! A session: connections to the CMS and the store, and the whole fleet
//! classified in one CMS query and one store query.

use anyhow::Result;
use std::time::Duration;
use tokio_postgres::Client;

use crate::core::classify::{classify_with, Facts, Report, Thresholds};
use crate::core::guard::diagnose_fleet_wide;
use crate::io::cms::Cms;
use crate::io::db::Connect;
use crate::io::store::Store;
use crate::settings::Settings;

/// How far back restarts count toward the crash-loop budget, by default.
pub(crate) const RESTART_WINDOW: Duration = Duration::from_secs(3600);

/// Open connections to the CMS database and the store (one connection when
/// they are the same database).
pub(crate) struct Connections {
    cms: Client,
    store: Option<Client>,
}

impl Connections {
    pub(crate) async fn open(s: &Settings) -> Result<Connections> {
        let cms = match (s.cms.connect(s.statement_timeout).await, &s.unconfigured) {
            (Err(e), Some(hint)) => return Err(e.context(hint.clone())),
            (cms, _) => cms?,
        };
        let store = if s.store.same_database(&s.cms) {
            None
        } else {
            Some(s.store.connect(s.statement_timeout).await?)
        };
        Ok(Connections { cms, store })
    }

    pub(crate) fn cms_client(&self) -> &Client {
        &self.cms
    }

    pub(crate) fn store_client(&self) -> &Client {
        self.store.as_ref().unwrap_or(&self.cms)
    }
}

/// The whole fleet, classified.
pub(crate) struct Fleet {
    pub(crate) report: Report,
}

/// The CMS and the store of a session.
pub(crate) struct Session<'c> {
    pub(crate) settings: &'c Settings,
    pub(crate) cms: Cms<'c>,
    pub(crate) store: Store<'c>,
}

impl<'c> Session<'c> {
    pub(crate) async fn open(conns: &'c Connections, s: &'c Settings) -> Result<Session<'c>> {
        let cms = Cms::open(conns.cms_client(), &s.cms_schema, &s.cms).await?;
        let store = Store::open(conns.store_client(), &s.store_schema, &s.store).await?;
        Ok(Session { settings: s, cms, store })
    }

    /// The k8s_name of each name an operator typed, with a note where the
    /// name is shared and one instance was chosen.
    pub(crate) async fn resolve_all(&self, names: &[String]) -> Result<Vec<(String, Option<String>)>> {
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let (_, instance, note) = self.cms.resolve_noted(name).await?;
            out.push((instance.k8s_name, note));
        }
        Ok(out)
    }

    /// Classify the fleet, counting restarts within `window` for the
    /// crash-loop budget.
    pub(crate) async fn fleet(&mut self, window: Duration) -> Result<Fleet> {
        self.cms.restart_window = window;
        let s = self.settings;
        let (now, instances) = self.cms.instances().await?;
        let referenced: Vec<String> = instances.iter().filter_map(|(_, i)| i.actor_id.clone()).collect();
        let snapshot = self.store.snapshot(&s.actor_orchestration, &referenced).await?;
        let facts = Facts {
            now,
            instances: instances.into_iter().map(|(_, i)| i).collect(),
            store: snapshot,
            actor_orchestration: s.actor_orchestration.clone(),
        };
        tracing::info!(
            "read {} CMS instances and {} store actors ({} queued starts); store ledger: {}",
            facts.instances.len(),
            facts.store.actors.len(),
            facts.store.queued_starts.len(),
            self.store.ledger.describe()
        );
        let thresholds = Thresholds {
            stale_after: s.stale_after,
            actor_interval: s.actor_interval,
            stuck_after: s.stuck_after,
        };
        let mut report = classify_with(&facts, &thresholds);
        diagnose_fleet_wide(&mut report, s.max_unhealthy);
        Ok(Fleet { report })
    }
}
