//! `actorctl recover`: bulk repair — select, plan, preview, confirm, run
//! with limits and progress, report every actor.

use crate::cli::{RecoverArgs, ResultFormat};
use crate::config::Settings;
use crate::error::{usage, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNHEALTHY};
use crate::execute::describe_all;
use crate::output::{self, progress::Progress, results};
use crate::plan::{actionable, plan_recovery, Action, Planned, Selection};
use anyhow::Result;

pub async fn run(a: RecoverArgs, s: &Settings) -> Result<u8> {
    let mut sel = Selection { all: a.all, k8s_names: Vec::new(), classes: a.classes.selected() };
    if sel.is_empty() && a.names.is_empty() {
        return Err(usage(
            "nothing selected: name instances, or pass --all or a class (--stale --zombie --missing --dead --orphaned)",
        ));
    }
    if !a.action.dry_run && !a.yes {
        super::repair::confirmation_possible("recover changes many actors")?;
    }
    crate::interrupt::graceful();
    let conns = super::Connections::open(s).await?;
    let (cms, store, fleet) = super::gather(&conns, s, a.action.stale_after).await?;
    for name in &a.names {
        let (_, instance, note) = cms.resolve_noted(name).await?;
        if let Some(note) = note {
            output::note(&format!("actorctl: note: {note}"));
        }
        sel.k8s_names.push(instance.k8s_name);
    }
    let report = &fleet.report;
    let plan = plan_recovery(&report.rows, &sel, a.bulk.min_age, report.now);
    let todo = actionable(&plan);

    if a.action.dry_run {
        let described = describe_all(&plan, s, a.action.verify_timeout, a.backend.backend);
        output::emit(&match a.action.output {
            ResultFormat::Json => results::plan_json(&described),
            ResultFormat::Table => {
                results::plan_table(&plan) + &format!("dry run: {}; nothing was changed\n", counts(&plan))
            }
        })?;
        if let Some(msg) = &report.diagnosis.message {
            output::note(&format!("WARNING: {msg}"));
        }
        return Ok(if todo == 0 { EXIT_OK } else { EXIT_UNHEALTHY });
    }
    if todo == 0 {
        output::note("nothing to recover");
        return finish(&crate::execute::nothing_to_do(&plan), &a, false);
    }
    if let Some(msg) = report.diagnosis.message.as_ref().filter(|_| report.diagnosis.workers_down) {
        if !a.force {
            output::note(&format!("actorctl: {msg}"));
            anyhow::bail!(
                "refusing to recover {todo} actors while the workers are down: restarts would fix nothing and flood \
                 the store. Bring the workers back, or pass --force"
            );
        }
        output::note(&format!("WARNING: {msg}; going ahead because of --force"));
    }
    if let Some(max) = a.max.filter(|m| todo > *m) {
        anyhow::bail!(
            "the plan has {todo} actions, more than --max {max}: nothing was changed ({})",
            counts(&plan)
        );
    }
    let backend = super::repair::connect_backend(&a.backend, s, &cms, &store).await?;
    if !a.yes && !confirm(&plan)? {
        return Err(usage("cancelled: nothing was changed"));
    }
    let exec = super::repair::executor(&cms, &store, &backend, &a.action, "recover");
    let progress = Progress::new(plan.len(), a.quiet);
    let limits = a.bulk.limits();
    let results = exec.run_bulk(&plan, &limits, Some(&progress)).await;
    progress.finish();
    finish(&results?, &a, crate::interrupt::interrupted())
}

/// "3 restart, 2 start, 1 cancel-orphan, 1 none"
fn counts(plan: &[Planned]) -> String {
    let mut parts = Vec::new();
    for action in [Action::Restart, Action::Start, Action::CancelOrphan, Action::None] {
        let n = plan.iter().filter(|p| p.action == action).count();
        if n > 0 {
            parts.push(format!("{n} {}", action.as_str()));
        }
    }
    if parts.is_empty() {
        "no actions".into()
    } else {
        parts.join(", ")
    }
}

fn confirm(plan: &[Planned]) -> Result<bool> {
    let todo: Vec<Planned> = plan.iter().filter(|p| p.action != Action::None).cloned().collect();
    output::note(&format!("actorctl recover will take {} actions: {}", todo.len(), counts(&todo)));
    let shown = &todo[..todo.len().min(10)];
    eprint!("{}", results::plan_table(shown));
    if todo.len() > shown.len() {
        output::note(&format!("… and {} more (--dry-run shows them all)", todo.len() - shown.len()));
    }
    super::repair::ask_to_proceed()
}

fn finish(r: &[crate::execute::ActionResult], a: &RecoverArgs, interrupted: bool) -> Result<u8> {
    match a.action.output {
        ResultFormat::Json => output::emit(&results::json(r))?,
        ResultFormat::Table => {
            output::emit(&results::table(r, output::color_enabled()))?;
            if !a.quiet {
                output::note(&results::summary_line(r));
            }
        }
    }
    Ok(if interrupted {
        EXIT_INTERRUPTED
    } else if r.iter().all(|r| r.outcome.is_ok()) {
        EXIT_OK
    } else {
        EXIT_UNHEALTHY
    })
}
