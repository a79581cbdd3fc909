//! Which failures cost one action and which stop the run (docs/DOMAIN.md
//! §5): a lost connection stops new actions; a lock held elsewhere, a
//! timeout, a store or HTTP error fails only the action it hit.

use std::time::Duration;

use crate::core::error::UsageError;

/// The connection is gone (or gave no answer): no new action may start.
pub(crate) fn connection_lost(e: &anyhow::Error) -> bool {
    use tokio_postgres::error::SqlState;
    e.chain().any(|c| {
        if c.is::<crate::io::db::NoAnswer>() {
            return true;
        }
        let Some(pg) = c.downcast_ref::<tokio_postgres::Error>() else { return false };
        pg.is_closed()
            || pg.code().is_some_and(|code| {
                code.code().starts_with("08")
                    || [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN, SqlState::CANNOT_CONNECT_NOW]
                        .contains(code)
            })
            || std::error::Error::source(pg).is_some_and(|s| s.is::<std::io::Error>())
    })
}

/// A failure's cause for the report: a lock wait says so, and for how long.
pub(crate) fn cause(e: &anyhow::Error, lock_timeout: Duration) -> String {
    let chain = format!("{e:#}");
    let code = e.chain().find_map(|c| c.downcast_ref::<tokio_postgres::Error>()).and_then(|pg| pg.code());
    if code == Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE) || chain.contains("lock timeout") {
        format!(
            "gave up waiting for a lock held by another session after {} (lock_timeout): {chain}",
            humantime::format_duration(lock_timeout)
        )
    } else {
        chain
    }
}

pub(crate) fn is_usage(e: &anyhow::Error) -> bool {
    e.downcast_ref::<UsageError>().is_some()
}
