//! `actorctl sweep`: unattended repair from cron on many nodes.

use anyhow::Result;

use crate::core::classify::Row;
use crate::core::guard::{dry_run_exit_code, exit_code, End};
use crate::core::model::{Format, Ran};
use crate::core::prune::escalate;
use crate::ops::sweep::sweep;
use crate::output::print::{print_lost, print_sweep, Printed};
use crate::output::render::monitor::{self, SweepMetrics};
use crate::output::render::{results, sweep as render};
use crate::output::ui::{Ask, Ui};
use crate::output::{textfile, Term};
use crate::settings::{Settings, SweepJob};

pub(crate) async fn run(job: SweepJob, s: &Settings, term: &Term) -> Result<u8> {
    let ui = Ui { term, ask: Ask::Never, quiet: true };
    let swept = match sweep(s, &job, &ui).await {
        Ok(swept) => swept,
        Err(e) => {
            let error = SweepMetrics { results: &[], duration_secs: None, success: false, result: "error" };
            if let Some(path) = &job.monitor.textfile {
                textfile::write(path, None, Some(error), None)?;
            }
            return Err(e);
        }
    };
    let json = s.format == Format::Json;
    let (results_, refusal, end) = match &swept.ran {
        Some(Ran::DryRun(described)) => {
            let plan: Vec<_> = described.iter().map(|(p, _)| p.clone()).collect();
            term.emit(&if json { results::plan_json(described) } else { results::dry_run_table(&plan) })?;
            return Ok(dry_run_exit_code(&plan));
        }
        Some(Ran::Refused(r, would)) => {
            (Vec::new(), Some((r.message.as_str(), would.as_slice())), End::default())
        }
        Some(Ran::Nothing(r)) => (r.clone(), None, End::default()),
        Some(Ran::Acted { results, end }) => (results.clone(), None, end.clone()),
        None => (Vec::new(), None, End { interrupted: swept.interrupted, lost: None }),
    };
    let rows: Vec<&Row> = swept.report.rows.iter().collect();
    let diagnosis = &swept.report.diagnosis;
    let lock_held = swept.lock_held.is_some();
    let report = render::Report {
        rows: &rows,
        results: &results_,
        refusal,
        lock_held,
        workers_down: diagnosis.workers_down,
        pruned: swept.pruned.as_ref(),
    };
    if let Some(path) = &job.monitor.textfile {
        let ran = (!lock_held).then_some(swept.took.as_secs_f64());
        let metrics = SweepMetrics {
            results: &results_,
            duration_secs: ran,
            success: report.result() == "ok",
            result: report.result(),
        };
        textfile::write(path, Some((&rows, diagnosis)), Some(metrics), swept.store_metrics())?;
    }
    if let Some((warn, crit)) = job.monitor.check {
        let after = render::after(&rows, &results_);
        let (code, line) = monitor::check(&after.iter().collect::<Vec<_>>(), diagnosis, warn, crit);
        let (code, line) = escalate(code, &line, swept.growth.warning.as_deref());
        term.emit(&line)?;
        return Ok(code);
    }
    print_lost(term, &end);
    let quiet = job.bulk.quiet;
    print_sweep(
        term,
        &report,
        Printed { json, quiet, window: job.restart_window, took: swept.took, lock: swept.lock_held },
    )?;
    Ok(exit_code(&results_, refusal.is_some(), &end).max(u8::from(report.prune_failed())))
}
