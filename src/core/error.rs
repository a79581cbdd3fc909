//! Exit codes (docs/DOMAIN.md §6) and the error markers that select them.
//!
//! Errors travel as `anyhow::Error`; a marker somewhere in the chain decides
//! the exit code, so the mapping lives in exactly one place: [`exit_code`].

use std::fmt;

pub(crate) const EXIT_OK: u8 = 0;
/// The command ran, and something is unhealthy or some action failed.
pub(crate) const EXIT_UNHEALTHY: u8 = 1;
pub(crate) const EXIT_USAGE: u8 = 2;
pub(crate) const EXIT_BACKEND: u8 = 3;
pub(crate) const EXIT_INTERRUPTED: u8 = 130;

/// Bad flag, bad value, unknown or ambiguous instance name: exit 2.
#[derive(Debug)]
pub(crate) struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for UsageError {}

/// A backend (database, store, API) cannot be reached or used: exit 3.
#[derive(Debug)]
pub(crate) struct BackendError(pub String);

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for BackendError {}

pub(crate) fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(msg.into()))
}

pub(crate) fn backend(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BackendError(msg.into()))
}

/// Extension to mark an error as a backend failure with a context line.
pub(crate) trait BackendContext<T> {
    fn backend_context(self, msg: impl FnOnce() -> String) -> anyhow::Result<T>;
}

impl<T, E> BackendContext<T> for Result<T, E>
where
    E: Into<anyhow::Error>,
{
    fn backend_context(self, msg: impl FnOnce() -> String) -> anyhow::Result<T> {
        self.map_err(|e| e.into().context(BackendError(msg())))
    }
}

/// Last line of defence: every known secret in `msg` replaced by `***`.
pub fn scrub(mut msg: String, secrets: &[String]) -> String {
    for s in secrets {
        msg = msg.replace(s.as_str(), "***");
    }
    msg
}

/// The exit code for an error, from the markers anywhere in its chain
/// (anyhow's downcast sees through context layers).
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        EXIT_USAGE
    } else if err.downcast_ref::<BackendError>().is_some() {
        EXIT_BACKEND
    } else {
        EXIT_UNHEALTHY
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn markers_anywhere_in_the_chain_select_the_code() {
        assert_eq!(exit_code(&usage("x")), EXIT_USAGE);
        let e: Result<(), std::io::Error> = Err(std::io::Error::other("refused"));
        let e = e.backend_context(|| "cannot connect".into()).unwrap_err();
        assert_eq!(exit_code(&e), EXIT_BACKEND);
        let e = Err::<(), _>(e).context("while listing").unwrap_err();
        assert_eq!(exit_code(&e), EXIT_BACKEND);
        assert_eq!(exit_code(&anyhow::anyhow!("plain")), EXIT_UNHEALTHY);
    }
}
