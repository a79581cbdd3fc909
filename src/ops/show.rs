//! What `show` reads of one instance: the CMS row, its actor's executions
//! and queue, its last health checks and events.

use anyhow::Result;

use super::session::Session;
use crate::core::records::Shown;

pub(crate) async fn gather(session: &Session<'_>, name: &str) -> Result<Shown> {
    let (id, instance, note) = session.cms.resolve_noted(name).await?;
    let detail = match &instance.actor_id {
        Some(actor) => Some(session.store.actor_detail(actor).await?),
        None => None,
    };
    Ok(Shown {
        detail,
        health_checks: session.cms.health_checks(id, 5).await?,
        events: session.cms.actor_events(id, 10).await?,
        instance,
        note,
    })
}
