//! One thin file per subcommand: a job in, ops called, results rendered.

pub(crate) mod config;
mod doctor;
mod events;
mod list;
mod prune;
mod recover;
mod repair;
mod reset_failed;
mod show;
mod sweep;
mod watch;

use anyhow::Result;

use crate::core::error::scrub;
use crate::output::render::monitor;
use crate::output::Term;
use crate::settings::{Job, Run, Settings};

pub async fn dispatch(run: Run, term: &Term) -> Result<u8> {
    let (settings, job) = (&run.settings, run.job);
    tracing::info!(
        "CMS database {}, store {} (schemas {}, {})",
        settings.cms,
        settings.store,
        settings.cms_schema,
        settings.store_schema
    );
    match job {
        Job::List(j) => {
            let check = j.monitor.check.is_some();
            or_unknown(check, list::run(j, settings, term).await, settings, term)
        }
        Job::Show { name, .. } => show::run(&name, settings, term).await,
        Job::Repair(j) => repair::run(j, settings, term).await,
        Job::Recover(j) => recover::run(j, settings, term).await,
        Job::Sweep(j) => {
            let check = j.monitor.check.is_some();
            or_unknown(check, sweep::run(j, settings, term).await, settings, term)
        }
        Job::ResetFailed { names, all } => reset_failed::run(&names, all, settings, term).await,
        Job::Events(j) => events::run(j, settings, term).await,
        Job::Doctor(j) => doctor::run(j, settings, term).await,
        Job::Prune(j) => prune::run(j, settings, term).await,
    }
}

/// In `--check` mode a command that could not run is UNKNOWN: one plugin
/// line on stdout (secrets scrubbed) and exit 3, instead of an error.
fn or_unknown(check: bool, result: Result<u8>, s: &Settings, term: &Term) -> Result<u8> {
    match result {
        Err(e) if check => {
            term.emit(&monitor::unknown_line(&scrub(format!("{e:#}"), &s.secrets())))?;
            Ok(monitor::UNKNOWN)
        }
        other => other,
    }
}
