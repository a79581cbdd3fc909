//! `actorctl doctor`: the checks an operator does by hand before trusting
//! the tool, as plain results, and the rules that judge what was measured.
//! Pure: the measurements come in, verdicts and the exit code go out.

use serde::Serialize;
use std::time::Duration;

use super::error::{EXIT_BACKEND, EXIT_OK, EXIT_UNHEALTHY};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    Ok,
    Warn,
    /// The backend cannot be used.
    Fail,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Check {
    pub(crate) check: String,
    pub(crate) status: Status,
    pub(crate) detail: String,
    pub(crate) hint: Option<String>,
}

impl Check {
    pub(crate) fn ok(check: &str, detail: impl Into<String>) -> Check {
        Check { check: check.into(), status: Status::Ok, detail: detail.into(), hint: None }
    }
    pub(crate) fn warn(check: &str, detail: impl Into<String>, hint: impl Into<String>) -> Check {
        Check { check: check.into(), status: Status::Warn, detail: detail.into(), hint: Some(hint.into()) }
    }
    pub(crate) fn fail(check: &str, detail: impl Into<String>, hint: impl Into<String>) -> Check {
        Check { check: check.into(), status: Status::Fail, detail: detail.into(), hint: Some(hint.into()) }
    }
}

/// Where a setting's value came from: the first that gave one wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Source {
    Flag,
    Env,
    Context,
    Default,
}

impl Source {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::Context => "context",
            Source::Default => "default",
        }
    }
}

/// One setting, its value (secrets already hidden) and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct SettingSource {
    pub(crate) name: String,
    pub(crate) value: String,
    pub(crate) source: Source,
}

/// 0 when everything passes, 1 on warnings, 3 when a backend is unusable.
pub(crate) fn exit_code(checks: &[Check]) -> u8 {
    match checks.iter().map(|c| c.status).max() {
        Some(Status::Fail) => EXIT_BACKEND,
        Some(Status::Warn) => EXIT_UNHEALTHY,
        _ => EXIT_OK,
    }
}

/// actorctl judges ages by the CMS server's clock, so this host's clock
/// only matters for reading the output; two servers apart distort every
/// progress age of the store.
pub(crate) const HOST_SKEW_WARN: Duration = Duration::from_secs(5);
pub(crate) const SERVER_SKEW_WARN: Duration = Duration::from_secs(2);

/// `skew_ms`: the server's clock minus this host's (or minus the other
/// server's), in milliseconds.
pub(crate) fn clock(check: &str, skew_ms: i64, limit: Duration, stale_after: Duration) -> Check {
    let text = format!("{:+.1}s", skew_ms as f64 / 1000.0);
    if skew_ms.unsigned_abs() as u128 <= limit.as_millis() {
        return Check::ok(check, format!("skew {text}"));
    }
    let severity = if skew_ms.unsigned_abs() as u128 * 2 >= stale_after.as_millis() {
        "larger than half of --stale-after: classes are wrong"
    } else {
        "ages are off by that much"
    };
    Check::warn(check, format!("skew {text}: {severity}"), "synchronise the clocks (chrony/NTP)")
}

/// What the store's migrations ledger allows.
pub(crate) fn ledger(described: &str, actionable: bool) -> Check {
    if actionable {
        Check::ok("store ledger", format!("{described}: list and actions"))
    } else {
        Check::warn(
            "store ledger",
            format!("{described}: list only; actions need the store at duroxide-pg 0.1.38's version"),
            "act with --backend http (the control plane's own engine); actorctl never migrates a store",
        )
    }
}

/// The role's privileges: listing needs SELECTs, acting the grants of the README.
pub(crate) fn privileges(missing_read: &[String], missing_write: &[String]) -> Check {
    if !missing_read.is_empty() {
        return Check::fail(
            "privileges",
            format!("cannot list: the role lacks {}", missing_read.join(", ")),
            "grant the read-only role of the README (Least privilege)",
        );
    }
    if !missing_write.is_empty() {
        return Check::warn(
            "privileges",
            format!("list, show and events only: acting needs {}", missing_write.join(", ")),
            "use the operator role of the README (Least privilege) to repair",
        );
    }
    Check::ok("privileges", "list and act")
}

/// A pooler in front: `mode` when it said, `proxied` when the server's port
/// differs from the one connected to.
pub(crate) fn pooler(check: &str, mode: Option<&str>, proxied: Option<bool>) -> Check {
    let hint = "sweep's advisory lock and the session's statement_timeout need session pooling \
                (or connect to PostgreSQL directly)";
    match (mode, proxied) {
        (Some("session"), _) => Check::ok(check, "a pooler in session mode"),
        (Some(m), _) => Check::warn(check, format!("a pooler in {m} mode"), hint),
        (None, Some(true)) => Check::warn(
            check,
            "unknown: the server listens on another port than the one connected to (a pooler or proxy?)",
            hint,
        ),
        (None, Some(false)) => {
            Check::ok(check, "none detected (the server answers on the port connected to)")
        }
        (None, None) => Check::ok(check, "unknown (not detectable over this connection)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_check_decides_the_exit_code() {
        let ok = Check::ok("a", "fine");
        let warn = Check::warn("b", "hmm", "do x");
        let fail = Check::fail("c", "down", "do y");
        assert_eq!(exit_code(std::slice::from_ref(&ok)), 0);
        assert_eq!(exit_code(&[ok.clone(), warn.clone()]), 1);
        assert_eq!(exit_code(&[warn, fail, ok]), 3);
        assert_eq!(exit_code(&[]), 0);
    }

    #[test]
    fn rules() {
        let t = Duration::from_secs(300);
        assert_eq!(clock("c", 1200, HOST_SKEW_WARN, t).status, Status::Ok);
        let w = clock("c", -7000, HOST_SKEW_WARN, t);
        assert!(w.status == Status::Warn && w.detail.contains("-7.0s") && w.detail.contains("off"), "{w:?}");
        assert!(clock("c", 200_000, SERVER_SKEW_WARN, t).detail.contains("classes are wrong"));
        assert_eq!(ledger("migrations 1..26", true).status, Status::Ok);
        let old = ledger("migrations 1..11", false);
        assert!(old.status == Status::Warn && old.hint.unwrap().contains("--backend http"));
        assert_eq!(privileges(&[], &[]).status, Status::Ok);
        assert_eq!(privileges(&[], &["INSERT".into()]).status, Status::Warn);
        assert_eq!(privileges(&["SELECT".into()], &["INSERT".into()]).status, Status::Fail);
        assert_eq!(pooler("p", Some("transaction"), None).status, Status::Warn);
        assert_eq!(pooler("p", Some("session"), Some(true)).status, Status::Ok);
        assert_eq!(pooler("p", None, Some(true)).status, Status::Warn);
        assert!(pooler("p", None, None).detail.starts_with("unknown"));
    }
}
