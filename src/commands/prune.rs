//! `actorctl prune`: the store's growth, and the earlier executions of
//! actors deleted through duroxide, in paced calls.

use anyhow::Result;

use crate::core::error::{scrub, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNHEALTHY};
use crate::core::model::Format;
use crate::core::prune::Ending;
use crate::ops::interrupt;
use crate::ops::prune::{run as prune, Pruned};
use crate::output::render::{monitor, prune as render};
use crate::output::ui::{Ask, Ui};
use crate::output::Term;
use crate::settings::{PruneJob, Settings};

pub(crate) async fn run(job: PruneJob, s: &Settings, term: &Term) -> Result<u8> {
    let deletes = !job.dry_run && job.check.is_none();
    if deletes && !job.yes {
        term.ensure_can_prompt("prune deletes executions")?;
    }
    let ask = if deletes && !job.yes { Ask::Bulk("prune") } else { Ask::Never };
    let ui = Ui { term, ask, quiet: job.quiet };
    let json = s.format == Format::Json;
    match prune(s, &job, &ui).await {
        Err(e) if job.check.is_some() => {
            term.emit(&render::unknown_line(&scrub(format!("{e:#}"), &s.secrets())))?;
            Ok(monitor::UNKNOWN)
        }
        Err(e) => Err(e),
        Ok(Pruned::Check(code, line)) => {
            term.emit(&line)?;
            Ok(code)
        }
        Ok(Pruned::DryRun(stats)) => {
            term.emit(&if json {
                render::stats_json(&stats)
            } else {
                render::stats_table(&stats, &s.store_schema)
            })?;
            Ok(EXIT_OK)
        }
        Ok(Pruned::Ran(report)) => {
            term.emit(&if json { render::report_json(&report) } else { render::report_table(&report) })?;
            Ok(match report.ending() {
                Ending::Done => EXIT_OK,
                Ending::Failed => EXIT_UNHEALTHY,
                Ending::Interrupted => interrupt::exit_status().unwrap_or(EXIT_INTERRUPTED),
            })
        }
    }
}
