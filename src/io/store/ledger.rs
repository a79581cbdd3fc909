//! The `_duroxide_migrations` ledger: which store versions actorctl can read
//! (plain SQL on the core tables) and which it can act on (duroxide-pg's own).

use anyhow::Result;
use tokio_postgres::Client;

use crate::core::error::{backend, BackendContext};
use crate::io::db::Sql;

/// The migrations duroxide-pg 0.1.38 expects (22 and 24 do not exist).
pub(crate) const ACTION_VERSIONS: &[i64] =
    &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 25, 26];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ledger {
    pub(crate) versions: Vec<i64>,
}

impl Ledger {
    pub(crate) async fn read(
        client: &Client,
        schema: &str,
        target: &dyn std::fmt::Display,
    ) -> Result<Ledger> {
        let row = client
            .row(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1),
                        to_regclass(format('%I._duroxide_migrations', $1::text)) IS NOT NULL",
                &[&schema],
            )
            .await
            .backend_context(|| format!("cannot read the store catalog on {target}"))?;
        let (has_schema, has_ledger): (bool, bool) = (row.get(0), row.get(1));
        if !has_schema {
            return Err(backend(format!(
                "no orchestration store: schema {schema} does not exist on {target} \
                 (is --duroxide-schema or --duroxide-url right?)"
            )));
        }
        if !has_ledger {
            return Err(backend(format!(
                "schema {schema} on {target} has no duroxide migrations ledger (_duroxide_migrations); \
                 it is not a duroxide-pg store actorctl can read. actorctl never creates or migrates a store"
            )));
        }
        let rows = client
            .rows(&format!("SELECT version FROM {schema}._duroxide_migrations ORDER BY version"), &[])
            .await
            .backend_context(|| format!("cannot read {schema}._duroxide_migrations on {target}"))?;
        Ok(Ledger { versions: rows.iter().map(|r| r.get(0)).collect() })
    }

    pub(crate) fn max(&self) -> Option<i64> {
        self.versions.last().copied()
    }

    /// Migrations this actorctl does not know: the store is newer than it.
    pub(crate) fn unknown(&self) -> Vec<i64> {
        self.versions.iter().copied().filter(|v| !ACTION_VERSIONS.contains(v)).collect()
    }

    /// Reads use only the core tables and columns of migration 1 (every
    /// published store, duroxide-pg 0.1.0 on), so any known ledger will do.
    pub(crate) fn readable(&self) -> bool {
        self.versions.contains(&1) && self.unknown().is_empty()
    }

    /// At exactly the version the bundled duroxide-pg provider expects.
    pub(crate) fn actionable(&self) -> bool {
        self.versions == ACTION_VERSIONS
    }

    pub(crate) fn describe(&self) -> String {
        match (self.versions.first(), self.max()) {
            (Some(lo), Some(hi)) => {
                format!("migrations {lo}..{hi} ({} applied)", self.versions.len())
            }
            _ => "an empty migrations ledger".to_string(),
        }
    }

    pub(crate) fn ensure_readable(&self, schema: &str, target: &dyn std::fmt::Display) -> Result<()> {
        if self.readable() {
            return Ok(());
        }
        let why = if !self.unknown().is_empty() {
            format!(
                "it has migrations {:?} that this actorctl does not know (it knows up to 26); upgrade actorctl",
                self.unknown()
            )
        } else {
            "it lacks migration 1, which creates the store's core tables".to_string()
        };
        Err(backend(format!(
            "cannot read the orchestration store {schema} on {target}: its ledger holds {}; {why}",
            self.describe()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        let old = Ledger { versions: (1..=11).collect() };
        assert!(old.readable() && !old.actionable());
        let cur = Ledger { versions: ACTION_VERSIONS.to_vec() };
        assert!(cur.readable() && cur.actionable());
        // duroxide-pg 0.1.0, toygres's only build that compiles.
        let first = Ledger { versions: vec![1, 2] };
        assert!(first.readable() && !first.actionable());
        assert!(!Ledger { versions: vec![2] }.readable());
        let future = Ledger { versions: vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 27] };
        assert!(!future.readable());
        assert_eq!(future.unknown(), vec![27]);
        assert!(!Ledger { versions: vec![] }.readable());
    }
}
