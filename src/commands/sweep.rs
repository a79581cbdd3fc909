//! `actorctl sweep`: unattended repair from cron on many nodes.

use anyhow::Result;

use crate::core::classify::Row;
use crate::core::error::EXIT_OK;
use crate::core::guard::{dry_run_exit_code, exit_code, End};
use crate::core::model::{ActionResult, Format};
use crate::ops::repair::Ran;
use crate::ops::sweep::{sweep, Swept};
use crate::output::render::{monitor, results, sweep as render};
use crate::output::ui::{Ask, Ui};
use crate::output::{textfile, Term};
use crate::settings::{Settings, SweepJob};

pub(crate) async fn run(job: SweepJob, s: &Settings, term: &Term) -> Result<u8> {
    let json = s.format == Format::Json;
    let ui = Ui { term, ask: Ask::Never, quiet: true };
    let (fleet, ran, took) = match sweep(s, &job, &ui).await? {
        Swept::LockHeld { key, interrupted } => {
            if !job.bulk.quiet {
                term.note(&format!(
                    "actorctl: another sweep holds the lock (advisory lock {key}); nothing to do"
                ));
            }
            term.emit(&render::lock_held(job.monitor.check.is_some(), json))?;
            return Ok(interrupted.unwrap_or(EXIT_OK));
        }
        Swept::Ran { fleet, ran, took } => (fleet, ran, took),
    };
    let rows: Vec<&Row> = fleet.report.rows.iter().collect();
    let workers_down = fleet.report.diagnosis.workers_down;
    let (results_, refusal, end) = match ran {
        Ran::DryRun(described) => {
            let plan: Vec<_> = described.iter().map(|(p, _)| p.clone()).collect();
            term.emit(&if json { results::plan_json(&described) } else { results::dry_run_table(&plan) })?;
            return Ok(dry_run_exit_code(&plan));
        }
        Ran::Refused(r) => (Vec::new(), Some(r.message), End::default()),
        Ran::Nothing(r) => (r, None, End::default()),
        Ran::Acted { results, end } => (results, None, end),
    };
    let failed = refusal.is_some() || results_.iter().any(|r| !r.outcome.is_ok());
    if let Some(path) = &job.monitor.textfile {
        textfile::write_sweep(path, &rows, workers_down, &results_, took, !failed)?;
    }
    if let Some((warn, crit)) = job.monitor.check {
        let remaining = render::remaining(&rows, &results_);
        let (code, line) = monitor::check(&remaining, workers_down, warn, crit);
        term.emit(&line)?;
        return Ok(code);
    }
    if let Some(why) = refusal.as_ref().or(end.lost.as_ref()) {
        term.note(&format!("actorctl: {why}"));
    }
    let quarantined: Vec<&Row> = rows.iter().copied().filter(|r| r.quarantined).collect();
    if !job.bulk.quiet || failed || !quarantined.is_empty() {
        let report =
            render::Report { rows: &rows, results: &results_, refusal: refusal.as_deref(), workers_down };
        if json {
            term.emit(&render::json(&report))?;
        } else {
            let acted: Vec<ActionResult> = render::acted(&results_);
            if !acted.is_empty() {
                term.emit(&results::table(&acted, term.color()))?;
            }
            for line in render::quarantine_notes(&quarantined, job.restart_window) {
                term.note(&line);
            }
            term.note(&format!("sweep: {} in {:.1}s", results::summary_line(&results_), took.as_secs_f64()));
        }
    }
    Ok(exit_code(&results_, refusal.is_some(), &end))
}
