//! A session: connections to the CMS and the store, and the fleet (or a
//! few named instances) read and classified.

use anyhow::Result;
use std::time::Duration;
use tokio_postgres::Client;

use rustc_hash::FxHashSet;
use std::collections::BTreeSet;

use crate::core::classify::{
    classify_owned, k8s_from_actor_id, orphan_candidates, CmsInstance, Facts, Report, StoreSnapshot,
    Thresholds,
};
use crate::core::guard::diagnose_fleet_wide;
use crate::io::cms::Cms;
use crate::io::db::Connect;
use crate::io::store::{Part, Scope, Store};
use crate::settings::Settings;

/// How far back restarts count toward the crash-loop budget, by default.
pub(crate) const RESTART_WINDOW: Duration = Duration::from_secs(3600);

/// Open connections to the CMS database and the store: two, opened at
/// once, even when they are the same database, so that the fleet read runs
/// its CMS and store queries side by side.
pub(crate) struct Connections {
    cms: Client,
    store: Client,
}

impl Connections {
    pub(crate) async fn open(s: &Settings) -> Result<Connections> {
        let (cms, store) =
            tokio::join!(s.cms.connect(s.statement_timeout), s.store.connect(s.statement_timeout));
        let cms = match (cms, &s.unconfigured) {
            (Err(e), Some(hint)) => return Err(e.context(hint.clone())),
            (cms, _) => cms?,
        };
        Ok(Connections { cms, store: store? })
    }

    pub(crate) fn cms_client(&self) -> &Client {
        &self.cms
    }

    pub(crate) fn store_client(&self) -> &Client {
        &self.store
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
            out.push((instance.k8s_name.to_string(), note));
        }
        Ok(out)
    }

    /// Classify the fleet, counting restarts within `window` for the
    /// crash-loop budget.
    pub(crate) async fn fleet(&mut self, window: Duration) -> Result<Fleet> {
        self.cms.restart_window = window;
        let facts = read_fleet(&self.cms, &self.store, self.settings).await?;
        Ok(self.classify(facts))
    }

    /// Classify only these instances (k8s_names) and actors, the actors the
    /// instances point to and those that may be their orphans: indexed
    /// reads, whatever the size of the fleet. The fleet-wide diagnosis is
    /// the workers' only.
    pub(crate) async fn fleet_of(
        &mut self,
        window: Duration,
        k8s_names: &[String],
        actor_ids: &[String],
    ) -> Result<Fleet> {
        self.cms.restart_window = window;
        let orchestration = &self.settings.actor_orchestration;
        let facts = read_instances(&self.cms, &self.store, orchestration, k8s_names, actor_ids).await?;
        Ok(self.classify(facts))
    }

    fn classify(&self, facts: Facts) -> Fleet {
        let s = self.settings;
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
        let mut report = classify_owned(facts, &thresholds);
        diagnose_fleet_wide(&mut report, s.max_unhealthy);
        Fleet { report }
    }
}

/// The whole fleet: the CMS and the store read at once (on their own
/// connections), then the few actors the CMS names that are not of the
/// actor orchestration, then the inputs of the actors that may be orphans.
pub(crate) async fn read_fleet(cms: &Cms<'_>, store: &Store<'_>, s: &Settings) -> Result<Facts> {
    let orchestration = &s.actor_orchestration;
    let ((now, mut instances), mut snap) = tokio::try_join!(cms.instances(), read_store_fleet(store, s))?;
    let elsewhere: Vec<String> = {
        let known: FxHashSet<&str> = snap.actors.iter().map(|a| a.instance_id.as_str()).collect();
        let ids: BTreeSet<&str> =
            instances.iter().filter_map(|i| i.actor_id.as_deref()).filter(|id| !known.contains(id)).collect();
        ids.into_iter().map(str::to_string).collect()
    };
    // Usually none: those the store lost are missing, not elsewhere.
    let elsewhere = store.existing(&elsewhere).await?;
    if !elsewhere.is_empty() {
        snap.actors.extend(store.snapshot(Scope::Ids(&elsewhere)).await?.actors);
    }
    // A Vec grown by doubling keeps up to half its size spare; at 100k
    // instances that is megabytes held through the classification.
    instances.shrink_to_fit();
    snap.actors.shrink_to_fit();
    let mut facts = Facts { now, instances, store: snap, actor_orchestration: orchestration.to_string() };
    read_orphan_inputs(&mut facts, store).await?;
    Ok(facts)
}

/// The store's side of the fleet in two halves read at once, split at the
/// median actor id, the second on a connection of its own: the statement
/// is CPU-bound on the server, and a server process uses one core. Where
/// that connection cannot be opened (the server at `max_connections`,
/// say), the second half is read after the first, on the one connection.
async fn read_store_fleet(store: &Store<'_>, s: &Settings) -> Result<StoreSnapshot> {
    let orchestration = &s.actor_orchestration;
    let (key, client) = tokio::join!(store.split_key(orchestration), s.store.connect(s.statement_timeout));
    let Some(key) = key? else {
        return store.snapshot(Scope::Fleet(orchestration, Part::Whole)).await;
    };
    let (below, from) =
        (Scope::Fleet(orchestration, Part::Below(&key)), Scope::Fleet(orchestration, Part::From(&key)));
    let second = async {
        match &client {
            Ok(client) => store.snapshot_on(client, from).await,
            Err(e) => {
                tracing::debug!("no second store connection ({e:#}): both halves on one");
                store.snapshot(from).await
            }
        }
    };
    let (mut first, second) = tokio::try_join!(store.snapshot(below), second)?;
    tracing::debug!(
        "the store read in two halves, split at actor {key:?}: {} and {} actors",
        first.actors.len(),
        second.actors.len()
    );
    first.absorb(second);
    Ok(first)
}

/// These instances, with the actors they point to and the running actors
/// named after them by the convention (`actor-<k8s_name>[-<8 hex>]`) that
/// may be their orphans; these actors; and every instance that points to
/// one of those actors or that one's input names.
pub(crate) async fn read_instances(
    cms: &Cms<'_>,
    store: &Store<'_>,
    orchestration: &str,
    k8s_names: &[String],
    actor_ids: &[String],
) -> Result<Facts> {
    let ((now, mut instances), conventional) =
        tokio::try_join!(cms.instances_named(k8s_names), store.conventional_ids(k8s_names))?;
    let mut ids: BTreeSet<String> =
        instances.iter().filter_map(|i| i.actor_id.as_deref().map(str::to_string)).collect();
    let strangers: Vec<String> = conventional
        .into_iter()
        .filter(|id| k8s_from_actor_id(id).is_some_and(|k| k8s_names.contains(&k)))
        .chain(actor_ids.iter().cloned())
        .filter(|id| !ids.contains(id))
        .collect();
    add_instances(&mut instances, cms.instances_pointing_at(&strangers).await?);
    ids.extend(strangers);
    let ids: Vec<String> = ids.into_iter().collect();
    let snap = store.snapshot(Scope::Ids(&ids)).await?;
    let mut facts = Facts { now, instances, store: snap, actor_orchestration: orchestration.to_string() };
    read_orphan_inputs(&mut facts, store).await?;
    let owners: Vec<String> = facts
        .store
        .actors
        .iter()
        .filter_map(|a| a.input_k8s_name.clone())
        .filter(|k| !facts.instances.iter().any(|i| i.k8s_name == k))
        .collect();
    if !owners.is_empty() {
        add_instances(&mut facts.instances, cms.instances_named(&owners).await?.1);
    }
    Ok(facts)
}

fn add_instances(instances: &mut Vec<CmsInstance>, more: Vec<CmsInstance>) {
    for other in more {
        if !instances.iter().any(|i| i.k8s_name == other.k8s_name) {
            instances.push(other);
        }
    }
}

/// The inputs of the running actors no running instance points to: their
/// input names the instance they were started for.
async fn read_orphan_inputs(facts: &mut Facts, store: &Store<'_>) -> Result<()> {
    let candidates: Vec<String> = orphan_candidates(facts).map(|a| a.instance_id.clone()).collect();
    let mut inputs = store.input_k8s_names(&candidates).await?;
    for a in facts.store.actors.iter_mut() {
        if inputs.is_empty() {
            break;
        }
        if let Some(k8s) = inputs.remove(&a.instance_id) {
            a.input_k8s_name = Some(k8s);
        }
    }
    Ok(())
}
