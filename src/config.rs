//! Parsed flags and environment → one plain [`Settings`] value.

use anyhow::Result;
use std::time::Duration;

use crate::cli::ConnectOpts;
use crate::db::Target;

#[derive(Debug, Clone)]
pub struct Settings {
    pub cms: Target,
    pub store: Target,
    pub cms_schema: String,
    pub store_schema: String,
    pub actor_orchestration: String,
    pub statement_timeout: Duration,
}

impl Settings {
    pub fn from_opts(o: &ConnectOpts) -> Result<Settings> {
        let mut cms = match o.database_url.as_deref().filter(|s| !s.is_empty()) {
            Some(raw) => Target::parse(raw, "--database-url / ACTORCTL_DATABASE_URL")?,
            None => Target::from_libpq_env()?,
        };
        cms.set_connect_timeout(o.connect_timeout);
        let store = match o.duroxide_url.as_deref().filter(|s| !s.is_empty()) {
            Some(raw) => {
                let mut t = Target::parse(raw, "--duroxide-url / ACTORCTL_DUROXIDE_URL")?;
                t.set_connect_timeout(o.connect_timeout);
                t
            }
            None => cms.clone(),
        };
        Ok(Settings {
            cms,
            store,
            cms_schema: o.cms_schema.clone(),
            store_schema: o.duroxide_schema.clone(),
            actor_orchestration: o.actor_orchestration.clone(),
            statement_timeout: o.statement_timeout,
        })
    }

    /// Every secret these settings hold, for last-resort scrubbing of output.
    pub fn secrets(&self) -> Vec<String> {
        [self.cms.password(), self.store.password()]
            .into_iter()
            .flatten()
            .filter(|s| s.len() >= 3)
            .collect()
    }
}
