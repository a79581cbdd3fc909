//! The audit trail: the CMS connection only (the store is not needed, and
//! the read-only role suffices), names resolved once, then read or followed.

use anyhow::Result;
use std::collections::BTreeSet;
use std::time::Duration;
use tokio_postgres::Client;

use crate::core::events::{AuditRow, EventQuery};
use crate::io::cms::Cms;
use crate::io::db::Connect;
use crate::io::events;
use crate::settings::Settings;

/// Rows committed out of id order (two writers) land at most this far below
/// the newest id seen; `--follow` re-reads that window and skips what it showed.
const REORDER_WINDOW: i64 = 100;

pub(crate) struct Trail {
    client: Client,
    schema: String,
    query: EventQuery,
}

impl Trail {
    /// Connect and resolve the named instances to k8s names (exit 2 when unknown).
    pub(crate) async fn open(s: &Settings, names: &[String], mut query: EventQuery) -> Result<Trail> {
        let client = s.cms.connect(s.statement_timeout).await?;
        {
            let cms = Cms::open(&client, &s.cms_schema, &s.cms).await?;
            for name in names {
                query.k8s_names.push(cms.resolve(name).await?.1.k8s_name.to_string());
            }
        }
        Ok(Trail { client, schema: s.cms_schema.clone(), query })
    }

    /// The newest rows, oldest first.
    pub(crate) async fn recent(&self) -> Result<Vec<AuditRow>> {
        events::read(&self.client, &self.schema, &self.query, None).await
    }

    /// Poll for rows newer than `shown`'s, every `interval`, handing each
    /// batch to `emit`; runs until the process is interrupted.
    pub(crate) async fn follow(
        &self,
        shown: &[AuditRow],
        interval: Duration,
        mut emit: impl FnMut(&[AuditRow]) -> Result<()>,
    ) -> Result<()> {
        let mut last = AuditRow::max_id(shown).unwrap_or(0);
        let mut seen: BTreeSet<i64> = shown.iter().map(|r| r.id).collect();
        loop {
            tokio::time::sleep(interval).await;
            let after = (last - REORDER_WINDOW).max(0);
            let rows = events::read(&self.client, &self.schema, &self.query, Some(after)).await?;
            let new: Vec<AuditRow> = rows.into_iter().filter(|r| !seen.contains(&r.id)).collect();
            if new.is_empty() {
                continue;
            }
            emit(&new)?;
            seen.extend(new.iter().map(|r| r.id));
            last = last.max(AuditRow::max_id(&new).unwrap_or(last));
            seen = seen.split_off(&(last - REORDER_WINDOW));
        }
    }
}
