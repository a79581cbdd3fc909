//! The journal's other half (docs/DOMAIN.md §5): before acting, write the
//! outcome row of every intent a crash left without one, from what the
//! store shows now. The rules are in `core::journal`.

use anyhow::Result;
use std::time::Duration;

use crate::core::journal;
use crate::core::model::{ActorStatus, Audit};
use crate::io::cms::Cms;
use crate::io::store::Store;

/// A fresh id for the journal rows of one command.
pub(crate) fn run_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Write the missing outcome row of every intent older than `age` from
/// what the store shows now (docs/DOMAIN.md §5): after a crash, the trail
/// accounts for every claim. A start still queued is left for later.
pub(crate) async fn reconcile(
    cms: &Cms<'_>,
    store: &Store<'_>,
    audit: &Audit,
    age: Duration,
) -> Result<usize> {
    let dangling = cms.dangling_intents(age).await?;
    if dangling.is_empty() {
        return Ok(0);
    }
    let ids: Vec<String> =
        dangling.iter().flat_map(|d| d.new_actor_id.iter().chain(d.old_actor_id.iter())).cloned().collect();
    let states = store.states(&ids).await?;
    let status = |id: &Option<String>| id.as_ref().and_then(|i| states.get(i)).map(|s| &s.status);
    let mut written = 0;
    for d in &dangling {
        let (new, old) = (status(&d.new_actor_id), status(&d.old_actor_id));
        let Some(outcome) = journal::reconciled_outcome(d, new, old) else { continue };
        let show = |id: &Option<String>, s: Option<&ActorStatus>| match id {
            Some(id) => format!("{id}: {}", s.map_or("not in the store", |s| s.as_str())),
            None => String::new(),
        };
        let seen = [show(&d.new_actor_id, new), show(&d.old_actor_id, old)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        if let Some(entry) = journal::reconciliation(audit, d, outcome, &seen) {
            cms.audit(&entry).await?;
            written += 1;
        }
    }
    tracing::info!("reconciled {written} of {} dangling intents", dangling.len());
    Ok(written)
}
